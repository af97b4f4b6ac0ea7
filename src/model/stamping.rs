//! Every change is recorded where it lands: an edit, an undo or a redo compares what it touched
//! with what was there before, stamps the single-valued fields it changed, names the lines, links,
//! images and ticks it wrote (and records those it removed), and leaves a deletion with the last
//! content of what it deleted. So any two copies of a board can be merged without a common
//! ancestor, and an undo is a change like any other.

use std::collections::{BTreeMap, BTreeSet};

use super::dots::{Dot, LEGACY_DEVICE, Seen};
use super::entries::{Entry, Tick, has_versions, hashes, line_hashes, reconcile, reconcile_ticks};
use super::stamps::Deleted;
use super::{
    Board, BoardEdit, Card, CardId, CardPosition, Clock, Column, ColumnId, DeviceId, OrderKey, Stamp, Theme, ThemeId,
};

/// What an edit is about to change, as it was before.
#[derive(Debug)]
pub(super) enum Before {
    /// The board's title.
    Title(String),
    /// A card and its place (`None` where there was none).
    Card(CardId, Option<Box<(Card, CardPosition)>>, Clearing),
    /// The cards a column held: any others after the edit are new.
    CardsIn(ColumnId, BTreeSet<CardId>),
    /// A column (without its cards) and its index.
    Column(ColumnId, Option<(Column, usize)>),
    /// A theme and its index.
    Theme(ThemeId, Option<(Theme, usize)>),
}

/// What else an edit does to a card than what its values show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Clearing {
    /// Nothing else.
    No,
    /// It marks the card's two-version lines as checked: each becomes a line of its own.
    Versions,
    /// It deletes this theme, and with it the card's ticks of it.
    Untick(ThemeId),
}

impl Before {
    /// What `edit` will change on `board`.
    pub(super) fn of(edit: &BoardEdit, board: &Board) -> Vec<Self> {
        let card = |id: &CardId| Self::card(board, *id, Clearing::No);
        match edit {
            BoardEdit::SetTitle(_) => vec![Self::Title(board.title.clone())],
            BoardEdit::AddColumn(_) | BoardEdit::AddTheme(_) | BoardEdit::Batch(_) => Vec::new(),
            BoardEdit::RenameColumn(column, _) | BoardEdit::MoveColumn(column, _) => vec![Self::column(board, *column)],
            BoardEdit::RemoveColumn(column) => {
                let mut before = vec![Self::column(board, *column)];
                if let Some(held) = board.column(*column) {
                    before.extend(held.cards.iter().map(|each| Self::card(board, each.id, Clearing::No)));
                }
                before
            }
            BoardEdit::AddCard(column, _) | BoardEdit::AddImageCards(column, _) => vec![Self::CardsIn(
                *column,
                board
                    .column(*column)
                    .map(|column| column.cards.iter().map(|card| card.id).collect())
                    .unwrap_or_default(),
            )],
            BoardEdit::ClearNotesCheck(id) => vec![Self::card(board, *id, Clearing::Versions)],
            BoardEdit::SetCardTitle(id, _)
            | BoardEdit::SetCardSummary(id, _)
            | BoardEdit::SetCardNotes(id, _)
            | BoardEdit::ToggleNoteTask(id, _)
            | BoardEdit::SetCardTheme(id, ..)
            | BoardEdit::AddLink(id)
            | BoardEdit::SetLink(id, ..)
            | BoardEdit::RemoveLink(id, _)
            | BoardEdit::MoveCard(id, ..)
            | BoardEdit::DeleteCard(id)
            | BoardEdit::AddImages(id, _)
            | BoardEdit::MoveImage(id, ..)
            | BoardEdit::RemoveImage(id, _)
            | BoardEdit::SetImageCaption(id, ..) => vec![card(id)],
            BoardEdit::RenameTheme(theme, _) | BoardEdit::SetThemeQuestion(theme, _) => {
                vec![Self::theme(board, *theme)]
            }
            BoardEdit::DeleteTheme(theme) => {
                let mut before = vec![Self::theme(board, *theme)];
                before.extend(
                    board
                        .cards_with_theme(*theme)
                        .map(|each| Self::card(board, each.id, Clearing::Untick(*theme))),
                );
                before
            }
        }
    }

    fn card(board: &Board, id: CardId, clearing: Clearing) -> Self {
        Self::Card(
            id,
            board.card(id).cloned().zip(board.card_position(id)).map(Box::new),
            clearing,
        )
    }

    fn column(board: &Board, id: ColumnId) -> Self {
        let head = board
            .columns
            .iter()
            .position(|column| column.id == id)
            .and_then(|index| Some((head_of(board.columns.get(index)?), index)));
        Self::Column(id, head)
    }

    fn theme(board: &Board, id: ThemeId) -> Self {
        let index = board.themes.iter().position(|theme| theme.id == id);
        Self::Theme(
            id,
            index.and_then(|index| Some((board.themes.get(index)?.clone(), index))),
        )
    }
}

/// A column without its cards.
fn head_of(column: &Column) -> Column {
    Column {
        cards: Vec::new(),
        ..column.clone()
    }
}

impl Board {
    /// Records what an applied edit changed.
    pub(super) fn note(&mut self, before: Before) {
        match before {
            Before::Title(title) => self.note_title(&title),
            Before::Card(id, was, clearing) => self.note_card(id, was.map(|was| *was), clearing),
            Before::CardsIn(column, had) => {
                let new: Vec<CardId> = self
                    .column(column)
                    .map(|column| {
                        column
                            .cards
                            .iter()
                            .map(|card| card.id)
                            .filter(|id| !had.contains(id))
                            .collect()
                    })
                    .unwrap_or_default();
                for id in new {
                    self.note_card(id, None, Clearing::No);
                }
            }
            Before::Column(id, was) => self.note_column(id, was),
            Before::Theme(id, was) => self.note_theme(id, was),
        }
    }

    /// Stamps the title if it changed from `was`.
    pub(super) fn note_title(&mut self, was: &str) {
        if self.title != was {
            self.title_stamp = self.clock.tick_over(self.title_stamp);
        }
    }

    /// Records what happened to a card that was `was` (with its place) before: made, changed,
    /// moved, deleted or brought back.
    pub(super) fn note_card(&mut self, id: CardId, was: Option<(Card, CardPosition)>, clearing: Clearing) {
        let now_at = self.card_position(id);
        let Some(now_at) = now_at else {
            if let Some((card, at)) = was {
                let at_stamp = self.clock.tick();
                self.bury_card(id, at_stamp, at.column, card);
            }
            return;
        };
        let (buried, buried_content) = brought_back(&mut self.tombstones.cards, &id, was.is_some());
        let (base, base_at) = match (was, buried_content) {
            (Some((card, at)), _) => (Some(card), Some(at)),
            (None, Some((column, card))) => (
                Some(card),
                Some(CardPosition {
                    column,
                    index: usize::MAX,
                }),
            ),
            (None, None) => (None, None),
        };
        let fits = self
            .column(now_at.column)
            .is_some_and(|column| key_fits(&column.cards, now_at.index, |card| &card.order));
        if !fits {
            self.rekey_card(id);
        }
        // Its place changed when its column or key did (a move between two cards with one key
        // may leave its key as it was and move the cards after it instead).
        let place = |card: &Card, column: ColumnId| (column, card.order.clone());
        let moved = match (&base, base_at) {
            (Some(base), Some(at)) => {
                self.card(id).map(|card| place(card, now_at.column)) != Some(place(base, at.column))
            }
            _ => true,
        };
        let mut live_themes: BTreeSet<ThemeId> = self.themes.iter().map(|theme| theme.id).collect();
        if let Clearing::Untick(theme) = clearing {
            live_themes.insert(theme);
        }
        let Board { clock, columns, .. } = self;
        let Some(card) = columns
            .iter_mut()
            .flat_map(|column| &mut column.cards)
            .find(|card| card.id == id)
        else {
            return;
        };
        restamp_card(card, base.as_ref(), moved, clearing, buried, &live_themes, clock);
    }

    /// Keeps a deleted card's deletion and its last content.
    fn bury_card(&mut self, id: CardId, at: Stamp, column: ColumnId, mut card: Card) {
        name_unnamed(&mut card);
        let deleted = Deleted {
            at,
            seen: card.stamps.seen.counted(),
            last: Some((column, card)),
        };
        join_deletion(&mut self.tombstones.cards, id, deleted);
    }

    /// Records what happened to a column that was `was` (without its cards, with its index).
    pub(super) fn note_column(&mut self, id: ColumnId, was: Option<(Column, usize)>) {
        let index = self.columns.iter().position(|column| column.id == id);
        let Some(index) = index else {
            if let Some((column, _)) = was {
                let at = self.clock.tick();
                let deleted = Deleted {
                    at,
                    seen: column.stamps.seen.counted(),
                    last: Some(head_of(&column)),
                };
                join_deletion(&mut self.tombstones.columns, id, deleted);
            }
            return;
        };
        let (buried, buried_content) = brought_back(&mut self.tombstones.columns, &id, was.is_some());
        let (base, base_index) = match (was, buried_content) {
            (Some((column, at)), _) => (Some(column), Some(at)),
            (None, Some(column)) => (Some(column), None),
            (None, None) => (None, None),
        };
        let fits = key_fits(&self.columns, index, |column| &column.order);
        let moved = base_index != Some(index) || !fits;
        let Board { clock, columns, .. } = self;
        let Some(column) = columns.get_mut(index) else {
            return;
        };
        let mut stamps = base
            .as_ref()
            .map_or_else(|| column.stamps.clone(), |base| base.stamps.clone());
        let renamed = base.as_ref().is_none_or(|base| base.name != column.name);
        let changed = restamp(clock, [(&mut stamps.name, renamed), (&mut stamps.place, moved)]);
        if changed || base.is_none() || buried {
            stamps.seen.add(clock.dot());
        }
        column.stamps = stamps;
        if moved && !fits {
            self.rekey_column(index);
        }
    }

    /// Records what happened to a theme that was `was` (with its index).
    pub(super) fn note_theme(&mut self, id: ThemeId, was: Option<(Theme, usize)>) {
        let index = self.themes.iter().position(|theme| theme.id == id);
        let Some(index) = index else {
            if let Some((theme, _)) = was {
                let at = self.clock.tick();
                let deleted = Deleted {
                    at,
                    seen: theme.stamps.seen.counted(),
                    last: Some(theme),
                };
                join_deletion(&mut self.tombstones.themes, id, deleted);
            }
            return;
        };
        let (buried, buried_content) = brought_back(&mut self.tombstones.themes, &id, was.is_some());
        let (base, base_index) = match (was, buried_content) {
            (Some((theme, at)), _) => (Some(theme), Some(at)),
            (None, Some(theme)) => (Some(theme), None),
            (None, None) => (None, None),
        };
        let fits = key_fits(&self.themes, index, |theme| &theme.order);
        let moved = base_index != Some(index) || !fits;
        let Board { clock, themes, .. } = self;
        let Some(theme) = themes.get_mut(index) else {
            return;
        };
        let mut stamps = base
            .as_ref()
            .map_or_else(|| theme.stamps.clone(), |base| base.stamps.clone());
        let renamed = base.as_ref().is_none_or(|base| base.name != theme.name);
        let asked = base.as_ref().is_none_or(|base| base.question != theme.question);
        let changes = [
            (&mut stamps.name, renamed),
            (&mut stamps.question, asked),
            (&mut stamps.place, moved),
        ];
        if restamp(clock, changes) || base.is_none() || buried {
            stamps.seen.add(clock.dot());
        }
        theme.stamps = stamps;
        if moved && !fits {
            self.rekey_theme(index);
        }
    }

    /// Records what undo or redo did to a column that was `was` (with its cards and index):
    /// cards that came back with it are changes, and cards that went with it are deleted.
    pub(super) fn restamp_column(&mut self, id: ColumnId, was: Option<&(Column, usize)>) {
        self.note_column(id, was.map(|(column, index)| (head_of(column), *index)));
        let now: BTreeSet<CardId> = self
            .column(id)
            .map(|column| column.cards.iter().map(|card| card.id).collect())
            .unwrap_or_default();
        let was_cards: Vec<(Card, usize)> = was
            .map(|(column, _)| {
                column
                    .cards
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(index, card)| (card, index))
                    .collect()
            })
            .unwrap_or_default();
        let had: BTreeSet<CardId> = was_cards.iter().map(|(card, _)| card.id).collect();
        for card in now.iter().filter(|card| !had.contains(card)) {
            self.note_card(*card, None, Clearing::No);
        }
        for (card, index) in was_cards.into_iter().filter(|(card, _)| !now.contains(&card.id)) {
            let at = CardPosition { column: id, index };
            self.note_card(card.id, Some((card, at)), Clearing::No);
        }
    }

    /// Records what undo or redo did to a theme that was `was`, and to the ticks of the cards
    /// that ticked it before (`ticked_before`) or tick it now.
    pub(super) fn restamp_theme(&mut self, id: ThemeId, was: Option<(Theme, usize)>, ticked_before: &BTreeSet<CardId>) {
        self.note_theme(id, was);
        let ticked_now: BTreeSet<CardId> = self.cards_with_theme(id).map(|card| card.id).collect();
        for card in ticked_now.symmetric_difference(ticked_before) {
            let now = self.card(*card).cloned().zip(self.card_position(*card));
            self.note_card(*card, now, Clearing::No);
        }
    }

    /// Gives a card that was put somewhere a key between its new neighbours'. Where there is no
    /// room (two copies gave the cards around it one key), the cards after it are moved along
    /// with keys of their own, as moves of this device.
    pub(super) fn rekey_card(&mut self, card: CardId) {
        let Some(position) = self.card_position(card) else {
            return;
        };
        let Board { clock, columns, .. } = self;
        if let Some(column) = columns.iter_mut().find(|column| column.id == position.column) {
            rekey_with_room(
                &mut column.cards,
                position.index,
                |card| &mut card.order,
                |card| {
                    card.stamps.place = clock.tick_over(card.stamps.place);
                    card.stamps.seen.add(clock.dot());
                },
            );
        }
    }

    /// Gives the column at `index` a key between its neighbours', moving those after it along
    /// where there is no room.
    pub(super) fn rekey_column(&mut self, index: usize) {
        let Board { clock, columns, .. } = self;
        rekey_with_room(
            columns,
            index,
            |column| &mut column.order,
            |column| {
                column.stamps.place = clock.tick_over(column.stamps.place);
                column.stamps.seen.add(clock.dot());
            },
        );
    }

    /// Gives the theme at `index` a key between its neighbours', moving those after it along
    /// where there is no room.
    pub(super) fn rekey_theme(&mut self, index: usize) {
        let Board { clock, themes, .. } = self;
        rekey_with_room(
            themes,
            index,
            |theme| &mut theme.order,
            |theme| {
                theme.stamps.place = clock.tick_over(theme.stamps.place);
                theme.stamps.seen.add(clock.dot());
            },
        );
    }

    /// Makes this device the one that stamps the board's next edits: later than every stamp the
    /// board holds (within [`MAX_AHEAD_MS`](super::clock::MAX_AHEAD_MS)), with dots it never made
    /// before; counts changes found made to the file by hand as this device's; and forgets the
    /// content of things deleted more than [`TOMBSTONE_DAYS`](super::TOMBSTONE_DAYS) ago.
    pub fn adopt_device(&mut self, device: DeviceId) {
        self.clock = self.clock_after_every_stamp(device);
        self.name_unnamed_cards();
        self.take_in_outside_edits();
        let now = self.clock.tick();
        self.tombstones.prune(now);
    }

    /// This board with the changes its file was found to have been given by hand stamped as
    /// `device`'s; itself, not copied, when there are none.
    pub fn with_outside_edits_taken(&self, device: DeviceId) -> std::borrow::Cow<'_, Self> {
        if self.outside_edits.is_empty() {
            std::borrow::Cow::Borrowed(self)
        } else {
            let mut taken = self.clone();
            taken.adopt_device(device);
            std::borrow::Cow::Owned(taken)
        }
    }

    /// Names by content what cards were given without an edit (a board built in code or read
    /// from an older file), as every device names it.
    pub fn name_unnamed_cards(&mut self) {
        for card in self.columns.iter_mut().flat_map(|column| &mut column.cards) {
            name_unnamed(card);
        }
    }

    /// A clock for `device` that stamps later than everything this board holds.
    pub(super) fn clock_after_every_stamp(&self, device: DeviceId) -> Clock {
        let mut clock = Clock::new(device);
        clock.set_skew_ms(self.clock.skew_ms());
        let mut seen = |stamps: &[Stamp], held: &Seen| {
            for stamp in stamps {
                clock.observe(*stamp);
            }
            clock.observe_own_dot(held.newest_of(device));
        };
        seen(&[self.title_stamp], &Seen::default());
        for theme in self
            .themes
            .iter()
            .chain(self.tombstones.themes.values().filter_map(|d| d.last.as_ref()))
        {
            seen(
                &[theme.stamps.name, theme.stamps.question, theme.stamps.place],
                &theme.stamps.seen,
            );
        }
        for column in self
            .columns
            .iter()
            .chain(self.tombstones.columns.values().filter_map(|d| d.last.as_ref()))
        {
            seen(&[column.stamps.name, column.stamps.place], &column.stamps.seen);
        }
        let buried = self
            .tombstones
            .cards
            .values()
            .filter_map(|d| d.last.as_ref().map(|(_, card)| card));
        for card in self.cards().chain(buried) {
            seen(
                &[card.stamps.title, card.stamps.summary, card.stamps.place],
                &card.stamps.seen,
            );
        }
        let deletions = self.tombstones.cards.values().map(|d| (d.at, &d.seen));
        let deletions = deletions
            .chain(self.tombstones.columns.values().map(|d| (d.at, &d.seen)))
            .chain(self.tombstones.themes.values().map(|d| (d.at, &d.seen)));
        for (at, held) in deletions {
            seen(&[at], held);
        }
        clock
    }

    /// Stamps, as this device's changes, what the file said was changed by hand (found when it
    /// was read).
    fn take_in_outside_edits(&mut self) {
        for outside in std::mem::take(&mut self.outside_edits) {
            match outside {
                OutsideEdit::Title => self.title_stamp = self.clock.tick_over(self.title_stamp),
                OutsideEdit::Card(id, fields) => {
                    let Board { clock, columns, .. } = self;
                    if let Some(card) = columns
                        .iter_mut()
                        .flat_map(|column| &mut column.cards)
                        .find(|card| card.id == id)
                    {
                        for field in fields {
                            let stamp = match field {
                                super::CardField::Title => &mut card.stamps.title,
                                super::CardField::Summary => &mut card.stamps.summary,
                                super::CardField::Place => &mut card.stamps.place,
                            };
                            *stamp = clock.tick_over(*stamp);
                        }
                        card.stamps.seen.add(clock.dot());
                    }
                }
                OutsideEdit::Column(id) => {
                    let Board { clock, columns, .. } = self;
                    if let Some(column) = columns.iter_mut().find(|column| column.id == id) {
                        column.stamps.name = clock.tick_over(column.stamps.name);
                        column.stamps.seen.add(clock.dot());
                    }
                }
                OutsideEdit::Theme(id) => {
                    let Board { clock, themes, .. } = self;
                    if let Some(theme) = themes.iter_mut().find(|theme| theme.id == id) {
                        theme.stamps.name = clock.tick_over(theme.stamps.name);
                        theme.stamps.question = clock.tick_over(theme.stamps.question);
                        theme.stamps.seen.add(clock.dot());
                    }
                }
            }
        }
    }

    /// The title's stamp and the tombstones: what a failed batch or undo puts back as they were.
    pub(super) fn stamps_outside_parts(&self) -> (Stamp, super::Tombstones) {
        (self.title_stamp, self.tombstones.clone())
    }

    /// Puts back what [`Self::stamps_outside_parts`] kept.
    pub(super) fn restore_stamps_outside_parts(&mut self, (title_stamp, tombstones): (Stamp, super::Tombstones)) {
        self.title_stamp = title_stamp;
        self.tombstones = tombstones;
    }

    /// Gives every theme, column and card of a list that has no order at all (a version 1 file,
    /// the sample board) keys in list order; lists with keys are left as they are.
    pub fn settle_orders(&mut self) {
        settle(&mut self.themes, |theme| &mut theme.order);
        settle(&mut self.columns, |column| &mut column.order);
        for column in &mut self.columns {
            settle(&mut column.cards, |card| &mut card.order);
        }
    }

    /// A new id that nothing on this board has or had, made from this device's dots: two devices
    /// never make the same one, and nor does one device twice.
    pub(super) fn fresh_id(&mut self, taken: impl Fn(&Self, u64) -> bool) -> u64 {
        loop {
            let dot = self.clock.dot();
            let mut hasher = blake3::Hasher::new();
            hasher.update(&dot.counter.to_le_bytes());
            hasher.update(&dot.device.0.to_le_bytes());
            let mut bytes = [0; 8];
            bytes.copy_from_slice(hasher.finalize().as_bytes().get(..8).unwrap_or(&[1; 8]));
            let id = u64::from_le_bytes(bytes);
            let buried = self.tombstones.cards.contains_key(&super::CardId(id))
                || self.tombstones.columns.contains_key(&super::ColumnId(id))
                || self.tombstones.themes.contains_key(&super::ThemeId(id));
            if id != 0 && !buried && !taken(self, id) {
                return id;
            }
        }
    }
}

/// A change found made to the board file by hand when it was read, to be stamped as a change of
/// the device that opens it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutsideEdit {
    /// The board's title.
    Title,
    /// These fields of a card (its lines, links, images and ticks are named as they are read).
    Card(CardId, Vec<super::CardField>),
    /// A column's name.
    Column(ColumnId),
    /// A theme's name or question.
    Theme(ThemeId),
}

/// Stamps anew each value that changed, after the stamp it had; whether any did.
fn restamp<const N: usize>(clock: &mut Clock, changes: [(&mut Stamp, bool); N]) -> bool {
    let mut any = false;
    for (stamp, changed) in changes.into_iter().filter(|(_, changed)| *changed) {
        *stamp = clock.tick_over(*stamp);
        any |= changed;
    }
    any
}

/// For a thing on the board now that was not before: whether undo or redo brought it back from a
/// deletion (a change the deletion had not seen, whatever changed), and its last content there.
fn brought_back<K: Ord, T>(deletions: &mut BTreeMap<K, Deleted<T>>, id: &K, was_there: bool) -> (bool, Option<T>) {
    let deleted = deletions.get_mut(id).filter(|_| !was_there);
    let buried = deleted.is_some();
    (buried, deleted.and_then(|deleted| deleted.last.take()))
}

fn join_deletion<K: Ord, T>(deletions: &mut BTreeMap<K, Deleted<T>>, id: K, deleted: Deleted<T>) {
    match deletions.get_mut(&id) {
        Some(earlier) => {
            earlier.join(&deleted);
            earlier.last = deleted.last;
        }
        None => {
            deletions.insert(id, deleted);
        }
    }
}

/// Restamps a card against `base`, the card as it was before (its values and names; `None` for a
/// new card): single-valued fields that differ get new stamps, lines, links, images and ticks are
/// named anew where they differ, and the change is recorded as held.
#[allow(clippy::too_many_arguments)]
fn restamp_card(
    card: &mut Card,
    base: Option<&Card>,
    moved: bool,
    clearing: Clearing,
    buried: bool,
    live_themes: &BTreeSet<ThemeId>,
    clock: &mut Clock,
) {
    let mut named_base = base.cloned().unwrap_or_else(|| Card {
        stamps: card.stamps.clone(),
        ..Card::default()
    });
    name_unnamed(&mut named_base);
    let mut stamps = named_base.stamps.clone();
    let changes = [
        (&mut stamps.title, base.is_none() || named_base.title != card.title),
        (
            &mut stamps.summary,
            base.is_none() || named_base.summary != card.summary,
        ),
        (&mut stamps.place, moved),
    ];
    let mut changed = restamp(clock, changes) || base.is_none() || buried;
    let seen = &mut stamps.seen;
    let mut named = |old: &[Entry], now: Vec<u32>, seen: &mut Seen| reconcile(old, &now, clock, seen);
    if let Some(lines) = named(&stamps.lines, line_hashes(&stamps.lines, &card.notes), seen) {
        stamps.lines = lines;
        changed = true;
    }
    if let Some(links) = named(&stamps.links, hashes(card.links.iter().cloned()), seen) {
        stamps.links = links;
        changed = true;
    }
    if let Some(images) = named(&stamps.images, hashes(card.images.iter().cloned()), seen) {
        stamps.images = images;
        changed = true;
    }
    if let Some(ticks) = reconcile_ticks(&stamps.ticks, &card.themes, live_themes, clock, seen) {
        stamps.ticks = ticks;
        changed = true;
    }
    if clearing == Clearing::Versions && has_versions(&stamps.lines) {
        for line in &mut stamps.lines {
            if line.origin.is_some() {
                seen.remove(line.dot);
                line.dot = clock.dot();
                line.origin = None;
                seen.add(line.dot);
            }
        }
        changed = true;
    }
    if changed {
        seen.add(clock.dot());
    }
    card.stamps = stamps;
    card.check_notes = has_versions(&card.stamps.lines);
}

/// Names, as legacy things named by their content, the lines, links, images and ticks of a card
/// that were set without an edit (a version 1 or 2 file, a board built in code): the same content
/// gets the same names on every device. Looks at counts only; [`name_changed`] at every hash.
pub fn name_unnamed(card: &mut Card) {
    name_by_content(card, false);
}

/// Names what a card holds that its names don't match (a file changed by hand); whether any.
pub fn name_changed(card: &mut Card) -> bool {
    name_by_content(card, true)
}

fn name_by_content(card: &mut Card, every_hash: bool) -> bool {
    let id = card.id;
    let mut namer = LegacyNamer {
        card: id,
        kind: 0,
        made: BTreeMap::new(),
    };
    let stamps = &mut card.stamps;
    let mut changed = false;
    let differs = |entries: &[Entry], now: &[u32]| {
        entries.len() != now.len() || (every_hash && entries.iter().zip(now).any(|(entry, hash)| entry.hash != *hash))
    };
    let lines = line_hashes(&stamps.lines, &card.notes);
    if differs(&stamps.lines, &lines) {
        namer.kind = 1;
        stamps.lines = name_legacy(&stamps.lines, &lines, &mut namer, &mut stamps.seen);
        changed = true;
    }
    let links = hashes(card.links.iter().cloned());
    if differs(&stamps.links, &links) {
        namer.kind = 2;
        stamps.links = name_legacy(&stamps.links, &links, &mut namer, &mut stamps.seen);
        changed = true;
    }
    let images = hashes(card.images.iter().cloned());
    if differs(&stamps.images, &images) {
        namer.kind = 3;
        stamps.images = name_legacy(&stamps.images, &images, &mut namer, &mut stamps.seen);
        changed = true;
    }
    let ticked: BTreeSet<ThemeId> = stamps.ticks.iter().map(|tick| tick.theme).collect();
    if !card.themes.is_subset(&ticked) {
        for theme in card.themes.iter().filter(|theme| !ticked.contains(theme)) {
            stamps.ticks.push(Tick {
                theme: *theme,
                dot: legacy_dot(&[id.0, 4, theme.0]),
            });
        }
        stamps.ticks.sort_unstable();
        changed = true;
    }
    card.check_notes = has_versions(&stamps.lines);
    changed
}

fn name_legacy(old: &[Entry], now: &[u32], namer: &mut LegacyNamer, seen: &mut Seen) -> Vec<Entry> {
    let mut clock = Clock::new(LEGACY_DEVICE);
    let mut names = reconcile(old, now, &mut clock, seen).unwrap_or_else(|| old.to_vec());
    // Legacy things are named by content and place in the list, not by a clock.
    namer.made.clear();
    // Names this list holds or held are not given again.
    let taken: BTreeSet<u64> = old
        .iter()
        .map(|entry| entry.dot)
        .filter(|dot| dot.device == LEGACY_DEVICE)
        .map(|dot| dot.counter)
        .chain(seen.removed_legacy.iter().copied())
        .collect();
    for entry in names
        .iter_mut()
        .filter(|entry| entry.dot.device == LEGACY_DEVICE && entry.dot.counter < 1 << 62)
    {
        entry.dot = namer.next(entry.hash, &taken);
    }
    names
}

/// Names legacy things by the card, the kind of thing, its hash and how many with that hash came
/// before it: two copies of a version 2 file that went apart name the lines they share alike.
struct LegacyNamer {
    card: CardId,
    kind: u64,
    made: BTreeMap<u32, u64>,
}

impl LegacyNamer {
    fn next(&mut self, hash: u32, taken: &BTreeSet<u64>) -> Dot {
        loop {
            let made = self.made.entry(hash).or_default();
            *made += 1;
            let dot = legacy_dot(&[self.card.0, self.kind, u64::from(hash), *made]);
            if !taken.contains(&dot.counter) {
                return dot;
            }
        }
    }
}

/// A legacy dot made from `parts`, in the upper half of the numbers so it never looks unnamed.
fn legacy_dot(parts: &[u64]) -> Dot {
    let mut hasher = blake3::Hasher::new();
    for part in parts {
        hasher.update(&part.to_le_bytes());
    }
    let mut bytes = [0; 8];
    bytes.copy_from_slice(hasher.finalize().as_bytes().get(..8).unwrap_or(&[1; 8]));
    Dot {
        counter: u64::from_le_bytes(bytes) | 1 << 62,
        device: LEGACY_DEVICE,
    }
}

/// Whether the item at `index` has a key between its neighbours'.
pub(super) fn key_fits<T>(items: &[T], index: usize, key: impl Fn(&T) -> &OrderKey) -> bool {
    let Some(this) = items.get(index).map(&key) else {
        return true;
    };
    let before = index.checked_sub(1).and_then(|before| items.get(before)).map(&key);
    let after = items.get(index + 1).map(&key);
    before.is_none_or(|before| before < this) && after.is_none_or(|after| this < after)
}

/// Gives the item at `index` a key after the one before it (and before the one after it where
/// there is room); each item after it that then does not sort after its predecessor gets a key of
/// its own too, and `moved` records that move.
fn rekey_with_room<T>(
    items: &mut [T],
    index: usize,
    key: impl Fn(&mut T) -> &mut OrderKey,
    mut moved: impl FnMut(&mut T),
) {
    let mut at = index;
    while at < items.len() {
        let before = at
            .checked_sub(1)
            .and_then(|before| items.get_mut(before))
            .map(|item| key(item).clone());
        let after = items.get_mut(at + 1).map(|item| key(item).clone());
        let Some(item) = items.get_mut(at) else { break };
        if at > index && before.as_ref().is_none_or(|before| before < key(item)) {
            break;
        }
        let room = after.filter(|after| before.as_ref().is_none_or(|before| before < after));
        *key(item) = OrderKey::between(before.as_ref(), room.as_ref());
        if at > index {
            moved(item);
        }
        at += 1;
    }
}

/// Keys in list order for a list that has none (all the same): spread anew.
fn settle<T>(items: &mut [T], key: impl Fn(&mut T) -> &mut OrderKey) {
    let keys: Vec<OrderKey> = items.iter_mut().map(|item| key(item).clone()).collect();
    let all_same = keys.windows(2).all(|pair| pair.first() == pair.last());
    if items.len() < 2 || !all_same {
        return;
    }
    for (item, fresh) in items.iter_mut().zip(OrderKey::spread(keys.len())) {
        *key(item) = fresh;
    }
}
