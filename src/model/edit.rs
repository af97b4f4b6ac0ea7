//! Every change a user can make to a board, as data: the UI emits them, the app applies them.

use super::stamping::Before;
use super::{Board, CardId, ColumnId, EditError, ImageRef, Link, ThemeId, toggle_task};

/// One change to a board.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum BoardEdit {
    /// Rename the board.
    SetTitle(String),
    /// Add an empty column at the right.
    AddColumn(String),
    /// Rename a column.
    RenameColumn(ColumnId, String),
    /// Remove a column and its cards.
    RemoveColumn(ColumnId),
    /// Move a column to an index.
    MoveColumn(ColumnId, usize),
    /// Add a card at the bottom of a column.
    AddCard(ColumnId, String),
    /// Change a card's title.
    SetCardTitle(CardId, String),
    /// Change a card's one-line summary.
    SetCardSummary(CardId, String),
    /// Change a card's notes.
    SetCardNotes(CardId, String),
    /// Tick or untick the task item on a line of a card's notes (lines from 0).
    ToggleNoteTask(CardId, usize),
    /// Take off a card the "merged — check the notes" flag a merge left.
    ClearNotesCheck(CardId),
    /// Tick or untick a theme on a card.
    SetCardTheme(CardId, ThemeId, bool),
    /// Add an empty link to a card.
    AddLink(CardId),
    /// Replace the link at an index.
    SetLink(CardId, usize, Link),
    /// Remove the link at an index.
    RemoveLink(CardId, usize),
    /// Move a card to an index in a column (index counted before the move).
    MoveCard(CardId, ColumnId, usize),
    /// Delete a card.
    DeleteCard(CardId),
    /// Attach images to a card (those it already shows are skipped).
    AddImages(CardId, Vec<ImageRef>),
    /// Add one card per image, with these titles, at the bottom of a column.
    AddImageCards(ColumnId, Vec<(String, ImageRef)>),
    /// Move a card's image from one index to another (index 0 is the cover).
    MoveImage(CardId, usize, usize),
    /// Take an image off a card (its file stays in the media folder).
    RemoveImage(CardId, usize),
    /// Change an image's caption.
    SetImageCaption(CardId, usize, String),
    /// Add a theme.
    AddTheme(String),
    /// Rename a theme.
    RenameTheme(ThemeId, String),
    /// Change a theme's question.
    SetThemeQuestion(ThemeId, String),
    /// Delete a theme and its ticks.
    DeleteTheme(ThemeId),
    /// Several edits made as one: all or none are applied, and they are undone in one step.
    Batch(Vec<BoardEdit>),
}

/// What an edit created, so the UI can select or focus it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Created {
    /// Nothing new.
    Nothing,
    /// A new card.
    Card(CardId),
    /// A new column.
    Column(ColumnId),
    /// A new theme.
    Theme(ThemeId),
}

impl Board {
    /// Applies an edit and stamps what it changed; on error the board is unchanged.
    pub fn apply(&mut self, edit: BoardEdit) -> Result<Created, EditError> {
        let before = Before::of(&edit, self);
        let created = self.apply_unstamped(edit)?;
        for each in before {
            self.note(each);
        }
        match created {
            Created::Column(column) => self.note_column(column, None),
            Created::Theme(theme) => self.note_theme(theme, None),
            // New cards are found in their column.
            Created::Card(_) | Created::Nothing => {}
        }
        Ok(created)
    }

    fn apply_unstamped(&mut self, edit: BoardEdit) -> Result<Created, EditError> {
        match edit {
            BoardEdit::SetTitle(title) => self.title = title,
            BoardEdit::AddColumn(name) => return Ok(Created::Column(self.add_column(name))),
            BoardEdit::RenameColumn(column, name) => self.rename_column(column, name)?,
            BoardEdit::RemoveColumn(column) => drop(self.remove_column(column)?),
            BoardEdit::MoveColumn(column, index) => self.move_column(column, index)?,
            BoardEdit::AddCard(column, title) => {
                return Ok(Created::Card(self.add_card(column, title)?));
            }
            BoardEdit::SetCardTitle(card, title) => self.card_mut(card)?.title = title,
            BoardEdit::SetCardSummary(card, summary) => self.card_mut(card)?.summary = summary,
            BoardEdit::SetCardNotes(card, notes) => self.card_mut(card)?.notes = notes,
            BoardEdit::ToggleNoteTask(card, line) => {
                let card = self.card_mut(card)?;
                card.notes = toggle_task(&card.notes, line).ok_or(EditError::NoTask(card.id, line))?;
            }
            // The versions become lines of their own when the change is recorded.
            BoardEdit::ClearNotesCheck(card) => drop(self.card_mut(card)?),
            BoardEdit::SetCardTheme(card, theme, ticked) => {
                self.set_card_theme(card, theme, ticked)?;
            }
            BoardEdit::AddLink(card) => self.card_mut(card)?.links.push(Link::default()),
            BoardEdit::SetLink(card, index, link) => {
                if let Some(slot) = self.card_mut(card)?.links.get_mut(index) {
                    *slot = link;
                }
            }
            BoardEdit::RemoveLink(card, index) => {
                let links = &mut self.card_mut(card)?.links;
                if index < links.len() {
                    links.remove(index);
                }
            }
            BoardEdit::MoveCard(card, column, index) => self.move_card(card, column, index)?,
            BoardEdit::DeleteCard(card) => drop(self.remove_card(card)?),
            BoardEdit::AddImages(card, images) => self.card_mut(card)?.add_images(images),
            BoardEdit::AddImageCards(column, cards) => {
                self.column(column).ok_or(EditError::NoColumn(column))?;
                let mut first = None;
                for (title, image) in cards {
                    let card = self.add_card(column, title)?;
                    self.card_mut(card)?.add_images([image]);
                    first.get_or_insert(card);
                }
                return Ok(first.map_or(Created::Nothing, Created::Card));
            }
            BoardEdit::MoveImage(card, from, to) => self.card_mut(card)?.move_image(from, to)?,
            BoardEdit::RemoveImage(card, index) => drop(self.card_mut(card)?.remove_image(index)?),
            BoardEdit::SetImageCaption(card, index, caption) => {
                self.card_mut(card)?.set_image_caption(index, caption)?;
            }
            BoardEdit::AddTheme(name) => {
                // A blank name is given a free untitled one.
                if !name.trim().is_empty() {
                    self.check_theme_name(None, &name)?;
                }
                return Ok(Created::Theme(self.add_theme(name, "")));
            }
            BoardEdit::RenameTheme(theme, name) => self.rename_theme(theme, name)?,
            BoardEdit::SetThemeQuestion(theme, question) => {
                self.theme_mut(theme)?.question = question;
            }
            BoardEdit::DeleteTheme(theme) => drop(self.remove_theme(theme)?),
            BoardEdit::Batch(edits) => return self.apply_batch(edits),
        }
        Ok(Created::Nothing)
    }

    /// Applies every edit to a copy first, so a failing one leaves the board as it was.
    /// Returns the first thing created.
    fn apply_batch(&mut self, edits: Vec<BoardEdit>) -> Result<Created, EditError> {
        let mut edited = self.clone();
        let mut first_created = Created::Nothing;
        for edit in edits {
            let created = edited.apply(edit)?;
            if first_created == Created::Nothing {
                first_created = created;
            }
        }
        *self = edited;
        Ok(first_created)
    }
}
