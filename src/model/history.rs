//! Undo and redo of board edits.
//!
//! A step keeps only the part of the board its edit touches, as it was before: one card with its
//! position, one column with its index, one theme with its index and ticks, or the title. Undoing
//! swaps that part back in and keeps the part it replaced for redo, so undo and redo are the same
//! operation and never clone the whole board. A new kind of [`BoardEdit`] only has to say which part
//! it touches, in [`plan`].
//!
//! A batch ([`BoardEdit::Batch`]) is one step holding one snapshot per edit, each taken just before
//! its edit. They are swapped back last to first, and the parts they replace are kept in the
//! opposite order, so redo replays them first to last: each snapshot meets the board as it was
//! when it was taken.

use std::collections::{BTreeSet, VecDeque};
use std::mem::{Discriminant, discriminant, size_of};
use std::time::{Duration, Instant};

use super::stamping::Clearing;
use super::step_label::{BoardStep, CardStep, ColumnStep, StepLabel, StepName, ThemeStep};
use super::{
    Board, BoardEdit, Card, CardId, CardPosition, Column, ColumnId, Created, EditError, ImageRef, Link, Theme, ThemeId,
};

/// Keystrokes in one field with no longer pause than this between them make one step.
pub const TYPING_PAUSE: Duration = Duration::from_secs(1);
/// The most steps kept, undo and redo together.
pub const MAX_STEPS: usize = 500;
/// The most bytes of snapshots kept (estimated), undo and redo together; the oldest steps go first.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// The board edits that can be undone and redone.
#[derive(Debug, Default)]
pub struct History {
    /// Oldest first; the next to undo is at the back.
    undo: VecDeque<Step>,
    /// Farthest first; the next to redo is at the back.
    redo: VecDeque<Step>,
    /// Estimated size of all snapshots held.
    bytes: usize,
}

/// Which way to go through the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Travel {
    /// Take back the last step.
    Undo,
    /// Do the last undone step again.
    Redo,
}

/// What an undo or redo changed, so the app can show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    /// This card (it may be gone now, if its creation was undone).
    Card(CardId),
    /// Something else: the title, a column, a theme.
    Other,
}

#[derive(Debug)]
struct Step {
    /// What the step does, e.g. "delete card “TiDB”", for "Undo …" and "Redo …".
    label: StepLabel,
    /// The touched parts as they were before the step (on the undo stack) or after it (on the redo
    /// stack), in the order taken; swapped back from the last.
    snapshots: Vec<Snapshot>,
    /// While a burst of typing can still be added to this step.
    typing: Option<Typing>,
    bytes: usize,
}

#[derive(Clone, Copy, Debug)]
struct Typing {
    field: Field,
    last_keystroke: Instant,
}

/// One text field: the kind of edit, what it edits, and which of several (a link's index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Field {
    kind: Discriminant<BoardEdit>,
    part: Part,
    index: usize,
}

/// The part of a board an edit touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Title,
    Card(CardId),
    Column(ColumnId),
    Theme(ThemeId),
}

/// A part of a board as it was; `None` where the thing did not exist.
#[derive(Clone, Debug, PartialEq)]
enum Snapshot {
    Title(String),
    Card(CardId, Option<(Card, CardPosition)>),
    Column(ColumnId, Option<(Column, usize)>),
    /// A theme, its index, and the cards that tick it.
    Theme(ThemeId, Option<(Theme, usize)>, BTreeSet<CardId>),
}

/// How an edit is recorded.
struct Plan {
    /// `None` for an edit that only creates something (named by [`Created`]), which was not there before.
    part: Option<Part>,
    label: StepLabel,
    /// The index of the field typed into, for an edit that replaces a whole text.
    typing_index: Option<usize>,
}

impl History {
    /// Applies `edit` to `board` and records it as a step; a burst of typing in one field joins one step.
    /// Clears what could be redone. On error nothing changes.
    pub fn apply(&mut self, board: &mut Board, edit: BoardEdit, now: Instant) -> Result<Created, EditError> {
        self.apply_within(board, edit, now, TYPING_PAUSE)
    }

    /// Applies one part of a drop of images (which arrive in parts, as they are read): the first
    /// part starts a step, and each later one joins it however long the reading took, as long as
    /// no other edit came between.
    pub fn apply_part(
        &mut self,
        board: &mut Board,
        edit: BoardEdit,
        now: Instant,
        first: bool,
    ) -> Result<Created, EditError> {
        if first {
            self.close_typing();
            self.apply(board, edit, now)
        } else {
            self.apply_within(board, edit, now, Duration::MAX)
        }
    }

    /// Applies `edit`, joining the newest step when it edits the same field within `pause`.
    fn apply_within(
        &mut self,
        board: &mut Board,
        edit: BoardEdit,
        now: Instant,
        pause: Duration,
    ) -> Result<Created, EditError> {
        if let BoardEdit::Batch(edits) = edit {
            return self.apply_batch(board, edits);
        }
        let plan = plan(&edit, board);
        let field = plan.part.zip(plan.typing_index).map(|(part, index)| Field {
            kind: discriminant(&edit),
            part,
            index,
        });
        if let Some(field) = field
            && let Some(typing) = self.open_typing(field, now, pause)
        {
            let created = board.apply(edit)?;
            typing.last_keystroke = now;
            self.clear_redo();
            return Ok(created);
        }
        let before = plan.part.map(|part| Snapshot::take(part, board));
        let created = board.apply(edit)?;
        let Some(snapshot) = before.or_else(|| Snapshot::absent(created)) else {
            return Ok(created);
        };
        self.clear_redo();
        self.close_typing();
        let typing = field.map(|field| Typing {
            field,
            last_keystroke: now,
        });
        self.push_undo(Step::new(plan.label, vec![snapshot], typing));
        Ok(created)
    }

    /// Applies several edits as one step; if one fails, those before it are taken back.
    fn apply_batch(&mut self, board: &mut Board, edits: Vec<BoardEdit>) -> Result<Created, EditError> {
        let label = batch_label(&edits, board);
        let stamps_before = board.stamps_outside_parts();
        let mut snapshots: Vec<Snapshot> = Vec::with_capacity(edits.len());
        let mut first_created = Created::Nothing;
        for edit in flatten(edits) {
            let before = plan(&edit, board).part.map(|part| Snapshot::take(part, board));
            let created = match board.apply(edit) {
                Ok(created) => created,
                Err(error) => {
                    for snapshot in snapshots.into_iter().rev() {
                        // Each fitted the board when taken, and the board is back in that state.
                        let _ = snapshot.restore(board);
                    }
                    board.restore_stamps_outside_parts(stamps_before);
                    return Err(error);
                }
            };
            if first_created == Created::Nothing {
                first_created = created;
            }
            snapshots.extend(before.or_else(|| Snapshot::absent(created)));
        }
        if !snapshots.is_empty() {
            self.clear_redo();
            self.close_typing();
            self.push_undo(Step::new(label, snapshots, None));
        }
        Ok(first_created)
    }

    /// Undoes the last step. `None` when there is nothing to undo.
    pub fn undo(&mut self, board: &mut Board) -> Result<Option<Changed>, EditError> {
        self.travel(board, Travel::Undo)
    }

    /// Redoes the last undone step. `None` when there is nothing to redo.
    pub fn redo(&mut self, board: &mut Board) -> Result<Option<Changed>, EditError> {
        self.travel(board, Travel::Redo)
    }

    /// Undoes or redoes one step. `None` when there is nothing to undo or redo.
    pub fn travel(&mut self, board: &mut Board, travel: Travel) -> Result<Option<Changed>, EditError> {
        let (from, to) = match travel {
            Travel::Undo => (&mut self.undo, &mut self.redo),
            Travel::Redo => (&mut self.redo, &mut self.undo),
        };
        let Some(step) = from.pop_back() else {
            return Ok(None);
        };
        let (step, changed) = Self::swap(&mut self.bytes, step, board)?;
        to.push_back(step);
        self.close_typing();
        self.enforce_bounds();
        Ok(Some(changed))
    }

    /// What undo would undo, e.g. "delete card “TiDB”".
    pub fn undo_label(&self) -> Option<&StepLabel> {
        self.undo.back().map(|step| &step.label)
    }

    /// What redo would redo.
    pub fn redo_label(&self) -> Option<&StepLabel> {
        self.redo.back().map(|step| &step.label)
    }

    /// Steps held, undo and redo together.
    pub fn len(&self) -> usize {
        self.undo.len() + self.redo.len()
    }

    /// True when there is nothing to undo or redo.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Drops the steps about parts of the board that a merge changed (`before` → `after`):
    /// undoing one would put back what the other copy had just changed. Steps about other parts
    /// stay, as they still fit the board.
    pub fn forget_changed_by_merge(&mut self, before: &Board, after: &Board) {
        let untouched = |step: &Step| {
            step.snapshots
                .iter()
                .all(|snapshot| !part_changed(snapshot.part(), before, after))
        };
        self.undo.retain(untouched);
        self.redo.retain(untouched);
        self.bytes = self.undo.iter().chain(&self.redo).map(|step| step.bytes).sum();
    }

    /// Records what a merge removed (cards and columns another copy deleted) as one step, so a
    /// teammate's mistaken deletion is one undo away. `before` is the board before the merge.
    pub fn record_merge_removal(&mut self, before: &Board, after: &Board) {
        let kept_columns: BTreeSet<ColumnId> = after.columns.iter().map(|column| column.id).collect();
        let removed_columns: Vec<ColumnId> = before
            .columns
            .iter()
            .map(|column| column.id)
            .filter(|id| !kept_columns.contains(id))
            .collect();
        let removed_cards: Vec<CardId> = before
            .columns
            .iter()
            .filter(|column| kept_columns.contains(&column.id))
            .flat_map(|column| &column.cards)
            .map(|card| card.id)
            .filter(|id| after.card(*id).is_none())
            .collect();
        let count = removed_cards.len()
            + before
                .columns
                .iter()
                .filter(|column| removed_columns.contains(&column.id))
                .map(|column| column.cards.len())
                .sum::<usize>();
        if count == 0 && removed_columns.is_empty() {
            return;
        }
        // Restored last first: the columns, then the cards.
        let snapshots = removed_cards
            .into_iter()
            .map(|id| Snapshot::take(Part::Card(id), before))
            .chain(
                removed_columns
                    .into_iter()
                    .map(|id| Snapshot::take(Part::Column(id), before)),
            )
            .collect();
        self.clear_redo();
        self.close_typing();
        self.push_undo(Step::new(StepLabel::MergeRemoval(count), snapshots, None));
    }

    /// Estimated bytes held by the snapshots of all steps.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Puts the step's snapshots into the board, last first, and keeps what they replaced in the
    /// step. A step that does not fit the board (a bug) is dropped, and the board left as it is.
    fn swap(bytes: &mut usize, mut step: Step, board: &mut Board) -> Result<(Step, Changed), EditError> {
        *bytes -= step.bytes;
        let changed = step.snapshots.first().map_or(Changed::Other, Snapshot::changed);
        let mut replaced = Vec::with_capacity(step.snapshots.len());
        let stamps_before = board.stamps_outside_parts();
        while let Some(snapshot) = step.snapshots.pop() {
            let current = Snapshot::take(snapshot.part(), board);
            if let Err(error) = snapshot.restore(board) {
                for undone in replaced.into_iter().rev() {
                    let _ = Snapshot::restore(undone, board);
                }
                board.restore_stamps_outside_parts(stamps_before);
                return Err(error);
            }
            current.restamp_against(board);
            replaced.push(current);
        }
        step.snapshots = replaced;
        step.measure();
        step.typing = None;
        *bytes += step.bytes;
        Ok((step, changed))
    }

    /// The newest step, if `field` may still be typed into it at `now`.
    fn open_typing(&mut self, field: Field, now: Instant, pause: Duration) -> Option<&mut Typing> {
        self.undo
            .back_mut()?
            .typing
            .as_mut()
            .filter(|typing| typing.field == field && now.saturating_duration_since(typing.last_keystroke) <= pause)
    }

    fn close_typing(&mut self) {
        if let Some(step) = self.undo.back_mut() {
            step.typing = None;
        }
    }

    fn clear_redo(&mut self) {
        self.bytes -= self.redo.iter().map(|step| step.bytes).sum::<usize>();
        self.redo.clear();
    }

    fn push_undo(&mut self, step: Step) {
        self.bytes += step.bytes;
        self.undo.push_back(step);
        self.enforce_bounds();
    }

    /// Drops the oldest steps, then the farthest redo steps, until within bounds; keeps the newest step.
    fn enforce_bounds(&mut self) {
        while (self.len() > MAX_STEPS || self.bytes > MAX_BYTES) && self.len() > 1 {
            let dropped = if self.undo.len() > 1 || self.redo.is_empty() {
                self.undo.pop_front()
            } else {
                self.redo.pop_front()
            };
            self.bytes -= dropped.map_or(0, |step| step.bytes);
        }
    }
}

impl Step {
    fn new(label: StepLabel, snapshots: Vec<Snapshot>, typing: Option<Typing>) -> Self {
        let mut step = Self {
            label,
            snapshots,
            typing,
            bytes: 0,
        };
        step.measure();
        step
    }

    fn measure(&mut self) {
        self.bytes = size_of::<Self>() + self.label.bytes() + self.snapshots.iter().map(Snapshot::bytes).sum::<usize>();
    }
}

impl Snapshot {
    /// The part as it is now.
    fn take(part: Part, board: &Board) -> Self {
        match part {
            Part::Title => Self::Title(board.title.clone()),
            Part::Card(id) => Self::Card(id, board.card(id).cloned().zip(board.card_position(id))),
            Part::Column(id) => Self::Column(id, find_with_index(&board.columns, |column| column.id == id)),
            Part::Theme(id) => Self::Theme(
                id,
                find_with_index(&board.themes, |theme| theme.id == id),
                board.cards_with_theme(id).map(|card| card.id).collect(),
            ),
        }
    }

    /// The snapshot of something an edit created: it was not there before.
    fn absent(created: Created) -> Option<Self> {
        match created {
            Created::Card(card) => Some(Self::Card(card, None)),
            Created::Column(column) => Some(Self::Column(column, None)),
            Created::Theme(theme) => Some(Self::Theme(theme, None, BTreeSet::new())),
            Created::Nothing => None,
        }
    }

    /// Stamps what undo or redo changed, now that the board holds the part again as it was
    /// before `self` (the part as it was just before the step went back or forth).
    fn restamp_against(&self, board: &mut Board) {
        match self {
            Self::Title(title) => board.note_title(title),
            Self::Card(id, was) => board.note_card(*id, was.clone(), Clearing::No),
            Self::Column(id, was) => board.restamp_column(*id, was.as_ref()),
            Self::Theme(id, was, ticked) => board.restamp_theme(*id, was.clone(), ticked),
        }
    }

    fn part(&self) -> Part {
        match self {
            Self::Title(_) => Part::Title,
            Self::Card(id, _) => Part::Card(*id),
            Self::Column(id, _) => Part::Column(*id),
            Self::Theme(id, ..) => Part::Theme(*id),
        }
    }

    fn changed(&self) -> Changed {
        match self {
            Self::Card(id, _) => Changed::Card(*id),
            _ => Changed::Other,
        }
    }

    /// Makes the board's part exactly as in the snapshot, wherever the thing is now.
    /// Checks first, so on error the board is unchanged.
    fn restore(self, board: &mut Board) -> Result<(), EditError> {
        match self {
            Self::Title(title) => board.title = title,
            Self::Card(id, None) => drop(board.remove_card(id)),
            Self::Card(id, Some((card, position))) => {
                board
                    .column(position.column)
                    .ok_or(EditError::NoColumn(position.column))?;
                drop(board.remove_card(id));
                if let Some(column) = board.columns.iter_mut().find(|column| column.id == position.column) {
                    column.cards.insert(position.index.min(column.cards.len()), card);
                }
            }
            Self::Column(id, mut was) => {
                // A card of the column that is in another column now (a merge brought it back
                // there, or moved it) stays where it is: one card is never on the board twice.
                if let Some((column, _)) = was.as_mut() {
                    column
                        .cards
                        .retain(|card| board.card_position(card.id).is_none_or(|at| at.column == id));
                }
                put_back(&mut board.columns, |column| column.id == id, was);
            }
            Self::Theme(id, None, _) => drop(board.remove_theme(id)),
            Self::Theme(id, was, ticked) => {
                put_back(&mut board.themes, |theme| theme.id == id, was);
                for card in board.columns.iter_mut().flat_map(|column| &mut column.cards) {
                    if ticked.contains(&card.id) {
                        card.themes.insert(id);
                    } else {
                        card.themes.remove(&id);
                    }
                }
            }
        }
        Ok(())
    }

    /// Estimated heap and inline size.
    fn bytes(&self) -> usize {
        size_of::<Self>()
            + match self {
                Self::Title(title) => title.len(),
                Self::Card(_, card) => card.as_ref().map_or(0, |(card, _)| card_bytes(card)),
                Self::Column(_, column) => column.as_ref().map_or(0, |(column, _)| {
                    size_of::<Column>() + column.name.len() + column.cards.iter().map(card_bytes).sum::<usize>()
                }),
                Self::Theme(_, theme, ticked) => {
                    theme.as_ref().map_or(0, |(theme, _)| {
                        size_of::<Theme>() + theme.name.len() + theme.question.len()
                    }) + ticked.len() * 2 * size_of::<CardId>()
                }
            }
    }
}

/// Whether `part` differs between two boards in a way that matters to a step about it. A card's
/// place among the others is not compared: cards added around it leave its steps usable.
fn part_changed(part: Part, before: &Board, after: &Board) -> bool {
    match part {
        Part::Card(id) => {
            let column = |board: &Board| board.card_position(id).map(|position| position.column);
            before.card(id) != after.card(id) || column(before) != column(after)
        }
        _ => Snapshot::take(part, before) != Snapshot::take(part, after),
    }
}

/// A clone of the first item that `is_it`, with its index.
fn find_with_index<T: Clone>(items: &[T], is_it: impl Fn(&T) -> bool) -> Option<(T, usize)> {
    let (index, item) = items.iter().enumerate().find(|(_, item)| is_it(item))?;
    Some((item.clone(), index))
}

/// Removes the items that `is_it`, then puts `was` back at its index (or at the end, if the list is shorter).
fn put_back<T>(items: &mut Vec<T>, is_it: impl Fn(&T) -> bool, was: Option<(T, usize)>) {
    items.retain(|item| !is_it(item));
    if let Some((item, index)) = was {
        items.insert(index.min(items.len()), item);
    }
}

fn card_bytes(card: &Card) -> usize {
    let links: usize = card
        .links
        .iter()
        .map(|link| size_of::<Link>() + link.label.len() + link.url.len())
        .sum();
    let images: usize = card
        .images
        .iter()
        .map(|image| size_of::<ImageRef>() + image.file.as_str().len() + image.caption.len())
        .sum();
    // A set entry costs about two ids with the tree's overhead.
    let themes = card.themes.len() * 2 * size_of::<ThemeId>();
    size_of::<Card>() + card.title.len() + card.summary.len() + card.notes.len() + links + images + themes
}

/// Which part `edit` touches and how its step is named. Every kind of edit is listed, so a new one
/// cannot be left out: a card's images are part of the card, several new cards part of their column.
fn plan(edit: &BoardEdit, board: &Board) -> Plan {
    let card = |step: CardStep, id: &CardId| {
        let name = StepName::new(board.card(*id).map(|card| card.title.as_str()));
        (Part::Card(*id), StepLabel::Card(step, name))
    };
    let column = |step: ColumnStep, id: &ColumnId| {
        let name = StepName::new(board.column(*id).map(|column| column.name.as_str()));
        (Part::Column(*id), StepLabel::Column(step, name))
    };
    let theme = |step: ThemeStep, id: &ThemeId| {
        let name = StepName::new(board.theme(*id).map(|theme| theme.name.as_str()));
        (Part::Theme(*id), StepLabel::Theme(step, name))
    };
    match edit {
        BoardEdit::SetTitle(_) => Plan::typing((Part::Title, StepLabel::Board(BoardStep::EditTitle)), 0),
        BoardEdit::AddColumn(_) => Plan::new_thing(BoardStep::AddColumn),
        BoardEdit::RenameColumn(id, _) => Plan::typing(column(ColumnStep::Rename, id), 0),
        BoardEdit::RemoveColumn(id) => Plan::step(column(ColumnStep::Delete, id)),
        BoardEdit::MoveColumn(id, _) => Plan::step(column(ColumnStep::Move, id)),
        BoardEdit::AddCard(..) => Plan::new_thing(BoardStep::AddCard),
        BoardEdit::SetCardTitle(id, _) => Plan::typing(card(CardStep::EditTitle, id), 0),
        BoardEdit::SetCardSummary(id, _) => Plan::typing(card(CardStep::EditSummary, id), 0),
        BoardEdit::SetCardNotes(id, _) => Plan::typing(card(CardStep::EditNotes, id), 0),
        BoardEdit::ToggleNoteTask(id, _) => Plan::step(card(CardStep::TickNoteTask, id)),
        BoardEdit::ClearNotesCheck(id) => Plan::step(card(CardStep::ClearNotesCheck, id)),
        BoardEdit::SetCardTheme(id, theme_id, ticked) => Plan::step((
            Part::Card(*id),
            StepLabel::TickTheme {
                ticked: *ticked,
                theme: StepName::new(board.theme(*theme_id).map(|theme| theme.name.as_str())),
                card: StepName::new(board.card(*id).map(|card| card.title.as_str())),
            },
        )),
        BoardEdit::AddLink(id) => Plan::step(card(CardStep::AddLink, id)),
        BoardEdit::SetLink(id, index, _) => Plan::typing(card(CardStep::EditLink, id), *index),
        BoardEdit::RemoveLink(id, _) => Plan::step(card(CardStep::RemoveLink, id)),
        BoardEdit::MoveCard(id, ..) => Plan::step(card(CardStep::Move, id)),
        BoardEdit::DeleteCard(id) => Plan::step(card(CardStep::Delete, id)),
        BoardEdit::AddImages(id, _) => Plan::typing(card(CardStep::AddImages, id), 0),
        // The images of one drop arrive in parts: like typing, parts close together make one step.
        BoardEdit::AddImageCards(id, _) => Plan::typing(column(ColumnStep::AddImageCards, id), 0),
        BoardEdit::MoveImage(id, ..) => Plan::step(card(CardStep::MoveImage, id)),
        BoardEdit::RemoveImage(id, _) => Plan::step(card(CardStep::RemoveImage, id)),
        BoardEdit::SetImageCaption(id, index, _) => Plan::typing(card(CardStep::EditCaption, id), *index),
        BoardEdit::AddTheme(_) => Plan::new_thing(BoardStep::AddTheme),
        BoardEdit::RenameTheme(id, _) => Plan::typing(theme(ThemeStep::Rename, id), 0),
        BoardEdit::SetThemeQuestion(id, _) => Plan::typing(theme(ThemeStep::EditQuestion, id), 0),
        BoardEdit::DeleteTheme(id) => Plan::step(theme(ThemeStep::Delete, id)),
        // Recorded edit by edit, in `History::apply_batch`.
        BoardEdit::Batch(_) => Plan::new_thing(BoardStep::ChangeSeveral),
    }
}

/// The edits of a batch with any nested batches opened up, in order.
fn flatten(edits: Vec<BoardEdit>) -> Vec<BoardEdit> {
    let mut flat = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit {
            BoardEdit::Batch(inner) => flat.extend(flatten(inner)),
            edit => flat.push(edit),
        }
    }
    flat
}

/// "delete 3 cards" for a batch of card deletions; otherwise the first edit's label and a count.
fn batch_label(edits: &[BoardEdit], board: &Board) -> StepLabel {
    match edits {
        [] => StepLabel::Board(BoardStep::ChangeNothing),
        [only] => plan(only, board).label,
        _ if edits.iter().all(|edit| matches!(edit, BoardEdit::DeleteCard(_))) => StepLabel::DeleteCards(edits.len()),
        [first, rest @ ..] => StepLabel::AndMore(Box::new(plan(first, board).label), rest.len()),
    }
}

impl Plan {
    fn step((part, label): (Part, StepLabel)) -> Self {
        Self {
            part: Some(part),
            label,
            typing_index: None,
        }
    }

    /// An edit that only creates something.
    fn new_thing(step: BoardStep) -> Self {
        Self {
            part: None,
            label: StepLabel::Board(step),
            typing_index: None,
        }
    }

    /// An edit that replaces the whole text of field `index` of `part`.
    fn typing((part, label): (Part, StepLabel), index: usize) -> Self {
        Self {
            part: Some(part),
            label,
            typing_index: Some(index),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MediaName;
    use crate::model::sample::{SampleImages, sample_board};

    fn image(name: &str) -> ImageRef {
        ImageRef {
            file: MediaName::new(name).unwrap(),
            caption: format!("{name} diagram"),
            width: 960,
            height: 540,
        }
    }

    /// What the user sees of a board: undo and redo stamp what they put back anew.
    fn content(board: &Board) -> Board {
        // Keys may change when something is put back, but always follow the order shown.
        let in_order = |keys: Vec<&crate::model::OrderKey>| keys.windows(2).all(|pair| pair[0] < pair[1]);
        assert!(in_order(board.themes.iter().map(|theme| &theme.order).collect()));
        assert!(in_order(board.columns.iter().map(|column| &column.order).collect()));
        for column in &board.columns {
            assert!(
                in_order(column.cards.iter().map(|card| &card.order).collect()),
                "{column:?}"
            );
        }
        let mut content = board.clone();
        content.title_stamp = Default::default();
        content.tombstones = Default::default();
        for theme in &mut content.themes {
            theme.stamps = Default::default();
            theme.order = Default::default();
        }
        for column in &mut content.columns {
            column.stamps = Default::default();
            column.order = Default::default();
            for card in &mut column.cards {
                card.stamps = Default::default();
                card.order = Default::default();
            }
        }
        content
    }

    fn board() -> Board {
        let images = SampleImages {
            gloo: image("gloo.png"),
            tidb: image("tidb.png"),
        };
        sample_board(images, crate::i18n::Language::English)
    }

    fn id_of(board: &Board, title: &str) -> CardId {
        board.card_by_title(title).unwrap().id
    }

    /// One edit of every kind, on the sample board.
    fn every_kind_of_edit(board: &Board) -> Vec<BoardEdit> {
        let tidb = id_of(board, "TiDB");
        let gloo = id_of(board, "Gloo");
        let developer = board.theme_by_name("Developer story").unwrap().id;
        let database = board.theme_by_name("Database story").unwrap().id;
        let (gateways, databases) = (board.columns[0].id, board.columns[1].id);
        let slide = crate::model::ImageRef {
            file: crate::model::MediaName::new("0123456789abcdef0123456789abcdef.png").unwrap(),
            caption: "keynote.png".into(),
            width: 1920,
            height: 1080,
        };
        vec![
            BoardEdit::SetTitle("KubeCon day 2".into()),
            BoardEdit::AddColumn("Talks".into()),
            BoardEdit::RenameColumn(databases, "Data".into()),
            BoardEdit::RemoveColumn(databases),
            BoardEdit::MoveColumn(gateways, 2),
            BoardEdit::AddCard(databases, "Vitess".into()),
            BoardEdit::SetCardTitle(tidb, "TiDB 2.1".into()),
            BoardEdit::SetCardSummary(tidb, "NewSQL".into()),
            BoardEdit::SetCardNotes(tidb, "在展台上".into()),
            BoardEdit::SetCardTheme(tidb, developer, true),
            BoardEdit::SetCardTheme(tidb, database, false),
            BoardEdit::AddLink(gloo),
            BoardEdit::SetLink(gloo, 1, Link::default()),
            BoardEdit::RemoveLink(gloo, 0),
            BoardEdit::MoveCard(tidb, gateways, 1),
            BoardEdit::MoveCard(tidb, databases, 3),
            BoardEdit::DeleteCard(tidb),
            BoardEdit::DeleteCard(gloo),
            BoardEdit::AddImages(gloo, vec![slide.clone()]),
            BoardEdit::AddImageCards(databases, vec![("Keynote".into(), slide)]),
            BoardEdit::SetImageCaption(tidb, 0, "TiKV regions".into()),
            BoardEdit::RemoveImage(gloo, 0),
            BoardEdit::AddTheme("Observability".into()),
            BoardEdit::RenameTheme(database, "Databases".into()),
            BoardEdit::SetThemeQuestion(database, "Which?".into()),
            BoardEdit::DeleteTheme(database),
            BoardEdit::Batch(vec![
                BoardEdit::MoveCard(gloo, databases, 0),
                BoardEdit::DeleteCard(tidb),
                BoardEdit::AddCard(gateways, "Envoy".into()),
                BoardEdit::SetCardSummary(gloo, "Moved, then edited".into()),
            ]),
        ]
    }

    #[test]
    fn every_kind_of_edit_undoes_and_redoes_exactly() {
        let original = board();
        for edit in every_kind_of_edit(&original) {
            let mut board = original.clone();
            let mut history = History::default();
            let created = history.apply(&mut board, edit.clone(), Instant::now()).unwrap();
            let edited = board.clone();
            assert_ne!(content(&edited), content(&original), "{edit:?} changes the board");
            let change = match (&edit, created) {
                (BoardEdit::AddCard(..), Created::Card(card)) => Changed::Card(card),
                _ => history_change(&edit),
            };
            assert_eq!(history.undo(&mut board), Ok(Some(change)), "{edit:?}");
            assert_eq!(content(&board), content(&original), "undo of {edit:?}");
            assert!(history.redo(&mut board).unwrap().is_some());
            assert_eq!(content(&board), content(&edited), "redo of {edit:?}");
            assert!(history.undo(&mut board).unwrap().is_some());
            assert_eq!(content(&board), content(&original), "second undo of {edit:?}");
        }
    }

    fn history_change(edit: &BoardEdit) -> Changed {
        match edit {
            BoardEdit::SetCardTitle(card, _)
            | BoardEdit::SetCardSummary(card, _)
            | BoardEdit::SetCardNotes(card, _)
            | BoardEdit::SetCardTheme(card, ..)
            | BoardEdit::AddLink(card)
            | BoardEdit::SetLink(card, ..)
            | BoardEdit::RemoveLink(card, _)
            | BoardEdit::MoveCard(card, ..)
            | BoardEdit::DeleteCard(card)
            | BoardEdit::AddImages(card, _)
            | BoardEdit::SetImageCaption(card, ..)
            | BoardEdit::RemoveImage(card, _) => Changed::Card(*card),
            BoardEdit::Batch(edits) => edits.first().map_or(Changed::Other, history_change),
            _ => Changed::Other,
        }
    }

    #[test]
    fn a_run_of_edits_undoes_back_to_the_start_and_redoes_to_the_end() {
        let original = board();
        let mut board = original.clone();
        let mut history = History::default();
        let start = Instant::now();
        for (step, edit) in every_kind_of_edit(&original).into_iter().enumerate() {
            // Apart in time, so no two edits join; some name what an earlier edit removed.
            let _ = history.apply(&mut board, edit, start + TYPING_PAUSE * 2 * step as u32);
        }
        let end = board.clone();
        while history.undo(&mut board).unwrap().is_some() {}
        assert_eq!(content(&board), content(&original));
        while history.redo(&mut board).unwrap().is_some() {}
        assert_eq!(content(&board), content(&end));
    }

    #[test]
    fn undoing_a_card_deletion_brings_back_its_images_in_place() {
        let mut board = board();
        let original = board.clone();
        let tidb = id_of(&board, "TiDB");
        let mut history = History::default();
        history
            .apply(&mut board, BoardEdit::DeleteCard(tidb), Instant::now())
            .unwrap();
        assert_eq!(
            history.undo_label().map(ToString::to_string).as_deref(),
            Some("delete card “TiDB”")
        );
        history.undo(&mut board).unwrap();
        assert_eq!(board.card(tidb).unwrap().images, [image("tidb.png")]);
        assert_eq!(board.card_position(tidb), original.card_position(tidb));
        assert_eq!(
            history.redo_label().map(ToString::to_string).as_deref(),
            Some("delete card “TiDB”")
        );
    }

    #[test]
    fn deleting_several_cards_is_one_step_that_puts_each_back_in_place() {
        let mut board = board();
        let original = board.clone();
        let mut history = History::default();
        // Neighbours in one column and a card in another, in an order unlike the board's.
        let doomed: Vec<_> = ["TiDB", "Gloo", "FoundationDB"]
            .iter()
            .map(|title| id_of(&board, title))
            .collect();
        let edits = doomed.iter().map(|card| BoardEdit::DeleteCard(*card)).collect();
        history
            .apply(&mut board, BoardEdit::Batch(edits), Instant::now())
            .unwrap();
        let deleted = board.clone();
        assert_eq!(board.card_count(), original.card_count() - 3);
        assert_eq!(history.len(), 1);
        assert_eq!(
            history.undo_label().map(ToString::to_string).as_deref(),
            Some("delete 3 cards")
        );
        history.undo(&mut board).unwrap();
        assert_eq!(content(&board), content(&original));
        history.redo(&mut board).unwrap();
        assert_eq!(content(&board), content(&deleted));
    }

    #[test]
    fn a_batch_with_a_failing_edit_changes_nothing() {
        let mut board = board();
        let original = board.clone();
        let mut history = History::default();
        let edits = vec![
            BoardEdit::DeleteCard(id_of(&board, "TiDB")),
            BoardEdit::SetTitle("Renamed".into()),
            BoardEdit::DeleteCard(CardId(404)),
        ];
        let result = history.apply(&mut board, BoardEdit::Batch(edits.clone()), Instant::now());
        assert_eq!(result, Err(EditError::NoCard(CardId(404))));
        assert_eq!(content(&board), content(&original));
        assert!(history.is_empty());
        let mut direct = original.clone();
        assert!(direct.apply(BoardEdit::Batch(edits)).is_err());
        assert_eq!(direct, original, "Board::apply takes all or nothing too");
    }

    #[test]
    fn a_burst_of_typing_in_one_field_is_one_step() {
        let mut board = board();
        let original = board.clone();
        let tidb = id_of(&board, "TiDB");
        let mut history = History::default();
        let start = Instant::now();
        let mut notes = original.card(tidb).unwrap().notes.clone();
        for (keystroke, letter) in "Raft!".chars().enumerate() {
            notes.push(letter);
            let at = start + Duration::from_millis(300 * keystroke as u64);
            history
                .apply(&mut board, BoardEdit::SetCardNotes(tidb, notes.clone()), at)
                .unwrap();
        }
        assert_eq!(history.len(), 1);
        // A pause ends the burst.
        let later = start + Duration::from_secs(10);
        history
            .apply(&mut board, BoardEdit::SetCardNotes(tidb, notes.clone() + " ok"), later)
            .unwrap();
        assert_eq!(history.len(), 2);
        history.undo(&mut board).unwrap();
        assert_eq!(board.card(tidb).unwrap().notes, notes);
        history.undo(&mut board).unwrap();
        assert_eq!(content(&board), content(&original));
        history.redo(&mut board).unwrap();
        assert_eq!(
            board.card(tidb).unwrap().notes,
            notes,
            "redo brings the whole burst back"
        );
    }

    #[test]
    fn typing_in_another_field_or_after_another_edit_starts_a_new_step() {
        let mut board = board();
        let tidb = id_of(&board, "TiDB");
        let gloo = id_of(&board, "Gloo");
        let mut history = History::default();
        let now = Instant::now();
        let type_into = |history: &mut History, board: &mut Board, edit: BoardEdit| {
            history.apply(board, edit, now).unwrap();
            history.len()
        };
        assert_eq!(
            type_into(&mut history, &mut board, BoardEdit::SetCardNotes(tidb, "a".into())),
            1
        );
        assert_eq!(
            type_into(&mut history, &mut board, BoardEdit::SetCardNotes(gloo, "b".into())),
            2
        );
        assert_eq!(
            type_into(&mut history, &mut board, BoardEdit::SetCardTitle(gloo, "c".into())),
            3
        );
        let link = |label: &str| Link {
            label: label.into(),
            url: String::new(),
        };
        assert_eq!(
            type_into(&mut history, &mut board, BoardEdit::SetLink(gloo, 0, link("d"))),
            4
        );
        assert_eq!(
            type_into(&mut history, &mut board, BoardEdit::SetLink(gloo, 1, link("e"))),
            5
        );
        assert_eq!(
            type_into(&mut history, &mut board, BoardEdit::SetLink(gloo, 1, link("ef"))),
            5
        );
        assert_eq!(type_into(&mut history, &mut board, BoardEdit::AddLink(gloo)), 6);
        assert_eq!(
            type_into(&mut history, &mut board, BoardEdit::AddLink(gloo)),
            7,
            "not typing"
        );
        history.undo(&mut board).unwrap();
        assert_eq!(
            type_into(&mut history, &mut board, BoardEdit::SetLink(gloo, 1, link("efg"))),
            7
        );
        assert_eq!(
            history.redo_label().map(ToString::to_string).as_deref(),
            None,
            "a new edit clears redo"
        );
    }

    #[test]
    fn the_parts_of_one_drop_are_one_step_however_long_they_take_and_two_drops_are_two() {
        let mut board = board();
        let column = board.columns[0].id;
        let cards_before = board.card_count();
        let mut history = History::default();
        let start = Instant::now();
        let part =
            |name: &str| BoardEdit::AddImageCards(column, vec![(name.to_owned(), image(&format!("{name}.png")))]);
        history.apply_part(&mut board, part("one"), start, true).unwrap();
        // The disk was slow: the next part comes a minute later.
        history
            .apply_part(&mut board, part("two"), start + Duration::from_secs(60), false)
            .unwrap();
        history
            .apply_part(&mut board, part("three"), start + Duration::from_secs(61), true)
            .unwrap();
        assert_eq!(board.card_count(), cards_before + 3);
        history.undo(&mut board).unwrap();
        assert_eq!(
            board.card_count(),
            cards_before + 2,
            "the second drop is a step of its own"
        );
        history.undo(&mut board).unwrap();
        assert_eq!(
            board.card_count(),
            cards_before,
            "one undo takes back both parts of the first"
        );
    }

    #[test]
    fn a_merge_forgets_only_the_steps_about_what_it_changed() {
        let mut board = board();
        let (gloo, tidb) = (id_of(&board, "Gloo"), id_of(&board, "TiDB"));
        let mut history = History::default();
        let start = Instant::now();
        let edits = [
            BoardEdit::SetCardSummary(gloo, "mine".into()),
            BoardEdit::SetCardSummary(tidb, "mine too".into()),
        ];
        for (step, edit) in edits.into_iter().enumerate() {
            history
                .apply(&mut board, edit, start + TYPING_PAUSE * 2 * step as u32)
                .unwrap();
        }
        // Another copy changed TiDB and added a card beside Gloo.
        let before = board.clone();
        let column = board.card_position(gloo).unwrap().column;
        board.card_mut(tidb).unwrap().notes = "theirs".into();
        board.add_card(column, "Vitess").unwrap();
        history.forget_changed_by_merge(&before, &board);

        assert_eq!(history.len(), 1, "the step about TiDB is gone");
        assert_eq!(
            history.undo_label().map(ToString::to_string).as_deref(),
            Some("edit summary of “Gloo”")
        );
        history.undo(&mut board).unwrap();
        assert_ne!(board.card(gloo).unwrap().summary, "mine");
        assert_eq!(board.card(tidb).unwrap().summary, "mine too");
        assert_eq!(board.card(tidb).unwrap().notes, "theirs");
        assert_eq!(
            history.bytes(),
            history.redo.iter().map(|step| step.bytes).sum::<usize>()
        );
    }

    #[test]
    fn a_failed_edit_records_nothing() {
        let mut board = board();
        let mut history = History::default();
        let missing = BoardEdit::DeleteCard(CardId(404));
        assert!(history.apply(&mut board, missing, Instant::now()).is_err());
        assert!(history.is_empty());
        assert_eq!(history.undo(&mut board), Ok(None));
    }

    #[test]
    fn history_stays_within_its_step_and_byte_bounds() {
        let mut board = board();
        let tidb = id_of(&board, "TiDB");
        let mut history = History::default();
        let start = Instant::now();
        // Far more steps than kept, each far apart in time.
        for step in 0..MAX_STEPS as u32 * 3 {
            let at = start + TYPING_PAUSE * 2 * step;
            history
                .apply(&mut board, BoardEdit::SetCardSummary(tidb, format!("v{step}")), at)
                .unwrap();
        }
        assert_eq!(history.len(), MAX_STEPS);
        assert!(history.bytes() <= MAX_BYTES);
        // Big notes: the byte bound holds well before the step bound.
        let big = "x".repeat(MAX_BYTES / 20);
        for step in 0..100u32 {
            let at = start + TYPING_PAUSE * 2 * (MAX_STEPS as u32 * 3 + step);
            history
                .apply(&mut board, BoardEdit::SetCardNotes(tidb, format!("{step}{big}")), at)
                .unwrap();
            assert!(
                history.bytes() <= MAX_BYTES,
                "{} bytes after step {step}",
                history.bytes()
            );
        }
        assert!(history.len() < 25, "{} steps", history.len());
        // The newest steps are the ones kept.
        history.undo(&mut board).unwrap();
        assert!(board.card(tidb).unwrap().notes.starts_with("98x"));
        // Undo and redo keep the bounds too.
        while history.undo(&mut board).unwrap().is_some() {
            assert!(history.bytes() <= MAX_BYTES);
        }
        while history.redo(&mut board).unwrap().is_some() {
            assert!(history.bytes() <= MAX_BYTES);
        }
        assert!(board.card(tidb).unwrap().notes.starts_with("99x"));
    }

    #[test]
    fn labels_name_what_the_step_does() {
        let mut board = board();
        let tidb = id_of(&board, "TiDB");
        let developer = board.theme_by_name("Developer story").unwrap().id;
        let mut history = History::default();
        let now = Instant::now();
        history
            .apply(&mut board, BoardEdit::SetCardTheme(tidb, developer, true), now)
            .unwrap();
        assert_eq!(
            history.undo_label().map(ToString::to_string).as_deref(),
            Some("tick “Developer story” on “TiDB”")
        );
        let long = "A very long card title that goes on and on and on";
        history
            .apply(&mut board, BoardEdit::SetCardTitle(tidb, long.into()), now)
            .unwrap();
        history.apply(&mut board, BoardEdit::DeleteCard(tidb), now).unwrap();
        assert_eq!(
            history.undo_label().map(ToString::to_string).as_deref(),
            Some("delete card “A very long card title that goes on and…”")
        );
        let gateways = board.columns[0].id;
        history
            .apply(&mut board, BoardEdit::AddCard(gateways, String::new()), now)
            .unwrap();
        assert_eq!(
            history.undo_label().map(ToString::to_string).as_deref(),
            Some("add card")
        );
    }

    #[test]
    fn ticking_a_task_right_after_typing_is_a_step_of_its_own() {
        let mut board = board();
        let tidb = id_of(&board, "TiDB");
        let mut history = History::default();
        let now = Instant::now();
        let notes = |board: &Board| board.card(tidb).unwrap().notes.clone();
        history
            .apply(
                &mut board,
                BoardEdit::SetCardNotes(tidb, "- [ ] a\n- [ ] b".into()),
                now,
            )
            .unwrap();
        history
            .apply(&mut board, BoardEdit::ToggleNoteTask(tidb, 1), now)
            .unwrap();
        history
            .apply(&mut board, BoardEdit::ToggleNoteTask(tidb, 0), now)
            .unwrap();
        assert_eq!(notes(&board), "- [x] a\n- [x] b");
        assert_eq!(
            history.undo_label().map(ToString::to_string).as_deref(),
            Some("tick task in notes of “TiDB”")
        );
        history.undo(&mut board).unwrap();
        assert_eq!(notes(&board), "- [ ] a\n- [x] b");
        history.undo(&mut board).unwrap();
        assert_eq!(notes(&board), "- [ ] a\n- [ ] b");
        let refused = history.apply(&mut board, BoardEdit::ToggleNoteTask(tidb, 2), now);
        assert_eq!(refused, Err(EditError::NoTask(tidb, 2)));
        assert_eq!(notes(&board), "- [ ] a\n- [ ] b");
    }
}
