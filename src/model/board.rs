//! The board: themes, columns and the cards in them.

use crate::tr;
use std::collections::BTreeSet;

use super::stamping::OutsideEdit;
use super::stamps::{CardStamps, ColumnStamps, ThemeStamps, Tombstones};
use super::{CardId, Clock, ColumnId, DeviceId, Link, MediaName, OrderKey, Stamp, ThemeId};

/// The device a board stamps as until a device adopts it (a board built in code).
pub const UNADOPTED_DEVICE: DeviceId = DeviceId(1);

/// What a theme with a blank name is called wherever it is shown.
pub const UNTITLED_THEME: &str = "Untitled theme";

/// A conference board. How it is written to a file is the store's business (`store::format`).
#[derive(Clone, Debug)]
pub struct Board {
    /// The conference, e.g. "KubeCon + CloudNativeCon North America 2018 (Seattle)".
    pub title: String,
    /// The questions the attendee came to answer.
    pub themes: Vec<Theme>,
    /// Left to right.
    pub columns: Vec<Column>,
    /// When the title last changed.
    pub title_stamp: Stamp,
    /// What was deleted, and when.
    pub tombstones: Tombstones,
    /// Stamps the edits made here, as this device (set by whoever opens the board).
    pub clock: Clock,
    /// Changes the file was found to have been given by hand when read, to be stamped as this
    /// device's when it adopts the board.
    pub outside_edits: Vec<OutsideEdit>,
}

/// A question the attendee came to answer, ticked on the cards that answer it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    /// Stable id, referenced by cards.
    pub id: ThemeId,
    /// Short name, e.g. "Developer story".
    pub name: String,
    /// The question, e.g. "Has the developer story got better?".
    pub question: String,
    /// Its place among the themes.
    pub order: OrderKey,
    /// When its fields last changed.
    pub stamps: ThemeStamps,
}

/// A column of cards, e.g. "Gateways and languages".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Column {
    /// Stable id.
    pub id: ColumnId,
    /// Heading.
    pub name: String,
    /// Top to bottom.
    pub cards: Vec<Card>,
    /// Its place among the columns.
    pub order: OrderKey,
    /// When its fields last changed.
    pub stamps: ColumnStamps,
}

/// One project, booth or talk.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Card {
    /// Stable id.
    pub id: CardId,
    /// The project's name.
    pub title: String,
    /// One line.
    pub summary: String,
    /// Repository, site, talk video…
    pub links: Vec<Link>,
    /// The user's own Markdown.
    pub notes: String,
    /// Themes this card answers; a set, so the file order is stable.
    pub themes: BTreeSet<ThemeId>,
    /// Screenshots and diagrams; the first is the cover.
    pub images: Vec<ImageRef>,
    /// Its place in its column.
    pub order: OrderKey,
    /// When its fields last changed, and which devices' changes it holds.
    pub stamps: CardStamps,
    /// Its notes hold two copies' versions of a line, written apart: "merged — check the notes".
    pub check_notes: bool,
}

/// An image stored in the board's media folder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ImageRef {
    /// File name inside the media folder (named by content hash).
    pub file: MediaName,
    /// Shown under the image and used as alt text.
    pub caption: String,
    /// Pixel width.
    pub width: u32,
    /// Pixel height.
    pub height: u32,
}

/// Where a card sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardPosition {
    /// The column holding it.
    pub column: ColumnId,
    /// Index within the column.
    pub index: usize,
}

/// An edit that names something the board does not have.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No such card.
    #[error("{}", tr!("edit-error-no-card", id = .0.0))]
    NoCard(CardId),
    /// No such column.
    #[error("{}", tr!("edit-error-no-column", id = .0.0))]
    NoColumn(ColumnId),
    /// No such theme.
    #[error("{}", tr!("edit-error-no-theme", id = .0.0))]
    NoTheme(ThemeId),
    /// No image at this index on the card.
    #[error("{}", tr!("edit-error-no-image", id = .0.0, number = *.1))]
    NoImage(CardId, usize),
    /// No task item on this line of the card's notes (counted from 0; shown from 1).
    #[error("{}", tr!("edit-error-no-task", id = .0.0, line = .1 + 1))]
    NoTask(CardId, usize),
    /// Another theme already has this name (ignoring case), so `--theme NAME` would be ambiguous.
    #[error("{}", tr!("edit-error-theme-name-taken", name = .0))]
    ThemeNameTaken(String),
}

/// Two boards are equal when they hold the same things with the same stamps, whichever device's
/// clock each would stamp its next edit with.
impl PartialEq for Board {
    fn eq(&self, other: &Self) -> bool {
        self.title == other.title
            && self.themes == other.themes
            && self.columns == other.columns
            && self.title_stamp == other.title_stamp
            && self.tombstones == other.tombstones
    }
}

impl Theme {
    /// The name as shown: [`UNTITLED_THEME`] when it is blank.
    pub fn shown_name(&self) -> &str {
        match self.name.trim() {
            "" => UNTITLED_THEME,
            _ => &self.name,
        }
    }
}

impl Board {
    /// An empty board with one column, ready for cards.
    pub fn new(title: impl Into<String>) -> Self {
        let mut board = Self {
            title: title.into(),
            themes: Vec::new(),
            columns: Vec::new(),
            title_stamp: Stamp::default(),
            tombstones: Tombstones::default(),
            clock: Clock::new(UNADOPTED_DEVICE),
            outside_edits: Vec::new(),
        };
        board.add_column("Projects");
        board
    }

    /// All cards, column by column.
    pub fn cards(&self) -> impl Iterator<Item = &Card> {
        self.columns.iter().flat_map(|column| &column.cards)
    }

    /// Number of cards on the board.
    pub fn card_count(&self) -> usize {
        self.columns.iter().map(|column| column.cards.len()).sum()
    }

    /// The card with this id.
    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards().find(|card| card.id == id)
    }

    /// The card with this id, for editing.
    pub fn card_mut(&mut self, id: CardId) -> Result<&mut Card, EditError> {
        self.columns
            .iter_mut()
            .flat_map(|column| &mut column.cards)
            .find(|card| card.id == id)
            .ok_or(EditError::NoCard(id))
    }

    /// Where the card sits.
    pub fn card_position(&self, id: CardId) -> Option<CardPosition> {
        self.columns.iter().find_map(|column| {
            let index = column.cards.iter().position(|card| card.id == id)?;
            Some(CardPosition {
                column: column.id,
                index,
            })
        })
    }

    /// The first card with exactly this title, ignoring case.
    pub fn card_by_title(&self, title: &str) -> Option<&Card> {
        self.cards_titled(title).next().map(|(_, card)| card)
    }

    /// Every card with exactly this title, ignoring case, with the column it is in, in board order.
    pub fn cards_titled<'a>(&'a self, title: &str) -> impl Iterator<Item = (&'a Column, &'a Card)> {
        self.columns
            .iter()
            .flat_map(|column| column.cards.iter().map(move |card| (column, card)))
            .filter(move |(_, card)| card.title.eq_ignore_ascii_case(title))
    }

    /// The column with this id.
    pub fn column(&self, id: ColumnId) -> Option<&Column> {
        self.columns.iter().find(|column| column.id == id)
    }

    pub(super) fn column_mut(&mut self, id: ColumnId) -> Result<&mut Column, EditError> {
        self.columns
            .iter_mut()
            .find(|column| column.id == id)
            .ok_or(EditError::NoColumn(id))
    }

    /// The first column with this name, ignoring case.
    pub fn column_by_name(&self, name: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|column| column.name.eq_ignore_ascii_case(name))
    }

    /// The theme with this id.
    pub fn theme(&self, id: ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|theme| theme.id == id)
    }

    /// The first theme with this name as shown, ignoring case.
    pub fn theme_by_name(&self, name: &str) -> Option<&Theme> {
        let wanted = name_key(name);
        self.themes.iter().find(|theme| name_key(theme.shown_name()) == wanted)
    }

    /// The themes with this name as shown, ignoring case: more than one only in a file written
    /// before names had to differ.
    pub fn themes_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Theme> {
        let wanted = name_key(name);
        self.themes
            .iter()
            .filter(move |theme| name_key(theme.shown_name()) == wanted)
    }

    /// Refuses `name` for a theme (or a new one, with `None`) when another theme shows the same name.
    pub fn check_theme_name(&self, theme: Option<ThemeId>, name: &str) -> Result<(), EditError> {
        let shown = match name.trim() {
            "" => UNTITLED_THEME,
            _ => name,
        };
        match self.themes_named(shown).find(|other| Some(other.id) != theme) {
            Some(other) => Err(EditError::ThemeNameTaken(other.shown_name().to_owned())),
            None => Ok(()),
        }
    }

    /// A name for a new untitled theme that no other theme shows: blank while no theme is
    /// untitled, else `numbered(2)`, `numbered(3)`… (the window words them in its language).
    pub fn untitled_theme_name(&self, numbered: impl Fn(usize) -> String) -> String {
        (1..)
            .map(|number| match number {
                1 => String::new(),
                _ => numbered(number),
            })
            .find(|name| self.check_theme_name(None, name).is_ok())
            .unwrap_or_default()
    }

    /// The cards that tick this theme, in board order.
    pub fn cards_with_theme(&self, theme: ThemeId) -> impl Iterator<Item = &Card> {
        self.cards().filter(move |card| card.themes.contains(&theme))
    }

    /// Adds an empty column at the right.
    pub fn add_column(&mut self, name: impl Into<String>) -> ColumnId {
        let id = ColumnId(self.fresh_id(|board, id| board.column(ColumnId(id)).is_some()));
        self.columns.push(Column {
            id,
            name: name.into(),
            cards: Vec::new(),
            order: OrderKey::between(self.columns.last().map(|column| &column.order), None),
            stamps: ColumnStamps::default(),
        });
        id
    }

    /// Renames a column.
    pub fn rename_column(&mut self, id: ColumnId, name: impl Into<String>) -> Result<(), EditError> {
        self.column_mut(id)?.name = name.into();
        Ok(())
    }

    /// Removes a column and the cards in it.
    pub fn remove_column(&mut self, id: ColumnId) -> Result<Column, EditError> {
        let index = self
            .columns
            .iter()
            .position(|column| column.id == id)
            .ok_or(EditError::NoColumn(id))?;
        Ok(self.columns.remove(index))
    }

    /// Moves a column to `to_index` (clamped).
    pub fn move_column(&mut self, id: ColumnId, to_index: usize) -> Result<(), EditError> {
        let index = self
            .columns
            .iter()
            .position(|column| column.id == id)
            .ok_or(EditError::NoColumn(id))?;
        let column = self.columns.remove(index);
        self.columns.insert(to_index.min(self.columns.len()), column);
        Ok(())
    }

    /// Adds a card at the bottom of a column.
    pub fn add_card(&mut self, column: ColumnId, title: impl Into<String>) -> Result<CardId, EditError> {
        self.column(column).ok_or(EditError::NoColumn(column))?;
        let id = CardId(self.fresh_id(|board, id| board.card(CardId(id)).is_some()));
        let cards = &mut self.column_mut(column)?.cards;
        let card = Card {
            id,
            title: title.into(),
            order: OrderKey::between(cards.last().map(|card| &card.order), None),
            ..Card::default()
        };
        cards.push(card);
        Ok(id)
    }

    /// Removes a card, returning it and where it was.
    pub fn remove_card(&mut self, id: CardId) -> Result<(Card, CardPosition), EditError> {
        let position = self.card_position(id).ok_or(EditError::NoCard(id))?;
        let card = self.column_mut(position.column)?.cards.remove(position.index);
        Ok((card, position))
    }

    /// Moves a card to `to_index` (clamped) in `to_column`.
    ///
    /// `to_index` counts the cards of the target column as they are before the move,
    /// which is what a drop between two cards means.
    pub fn move_card(&mut self, id: CardId, to_column: ColumnId, to_index: usize) -> Result<(), EditError> {
        self.column(to_column).ok_or(EditError::NoColumn(to_column))?;
        let (card, from) = self.remove_card(id)?;
        let to_index = if from.column == to_column && from.index < to_index {
            to_index - 1
        } else {
            to_index
        };
        let target = self.column_mut(to_column)?;
        target.cards.insert(to_index.min(target.cards.len()), card);
        Ok(())
    }

    /// Ticks or unticks a theme on a card.
    pub fn set_card_theme(&mut self, card: CardId, theme: ThemeId, ticked: bool) -> Result<(), EditError> {
        self.theme(theme).ok_or(EditError::NoTheme(theme))?;
        let themes = &mut self.card_mut(card)?.themes;
        if ticked {
            themes.insert(theme);
        } else {
            themes.remove(&theme);
        }
        Ok(())
    }

    /// Adds a theme at the end; a blank name gets an untitled name no other theme shows.
    /// [`BoardEdit::AddTheme`](super::BoardEdit::AddTheme) also refuses a name another theme has.
    pub fn add_theme(&mut self, name: impl Into<String>, question: impl Into<String>) -> ThemeId {
        let mut name = name.into();
        if name.trim().is_empty() {
            // The blank name as typed while no theme is untitled, else a numbered one.
            let numbered = self.untitled_theme_name(|number| format!("{UNTITLED_THEME} {number}"));
            if !numbered.is_empty() {
                name = numbered;
            }
        }
        let id = ThemeId(self.fresh_id(|board, id| board.theme(ThemeId(id)).is_some()));
        self.themes.push(Theme {
            id,
            name,
            question: question.into(),
            order: OrderKey::between(self.themes.last().map(|theme| &theme.order), None),
            stamps: ThemeStamps::default(),
        });
        id
    }

    /// Renames a theme, unless another theme has that name.
    pub fn rename_theme(&mut self, id: ThemeId, name: String) -> Result<(), EditError> {
        self.check_theme_name(Some(id), &name)?;
        self.theme_mut(id)?.name = name;
        Ok(())
    }

    /// The theme with this id, for renaming or editing its question.
    pub fn theme_mut(&mut self, id: ThemeId) -> Result<&mut Theme, EditError> {
        self.themes
            .iter_mut()
            .find(|theme| theme.id == id)
            .ok_or(EditError::NoTheme(id))
    }

    /// Removes a theme and its ticks on every card.
    pub fn remove_theme(&mut self, id: ThemeId) -> Result<Theme, EditError> {
        let index = self
            .themes
            .iter()
            .position(|theme| theme.id == id)
            .ok_or(EditError::NoTheme(id))?;
        for column in &mut self.columns {
            for card in &mut column.cards {
                card.themes.remove(&id);
            }
        }
        Ok(self.themes.remove(index))
    }
}

/// Names compare as the same when they differ only in case (in any script) or surrounding spaces.
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board_with_two_columns() -> (Board, ColumnId, ColumnId) {
        let mut board = Board::new("Test");
        let first = board.columns[0].id;
        let second = board.add_column("Second");
        (board, first, second)
    }

    fn titles(board: &Board, column: ColumnId) -> Vec<&str> {
        board
            .column(column)
            .map(|c| c.cards.iter().map(|card| card.title.as_str()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn cards_move_within_and_between_columns() -> Result<(), EditError> {
        let (mut board, first, second) = board_with_two_columns();
        let a = board.add_card(first, "A")?;
        board.add_card(first, "B")?;
        board.add_card(first, "C")?;
        // Dropping A between B and C: index 2 counted before the move.
        board.move_card(a, first, 2)?;
        assert_eq!(titles(&board, first), ["B", "A", "C"]);
        board.move_card(a, second, 0)?;
        assert_eq!(titles(&board, first), ["B", "C"]);
        assert_eq!(titles(&board, second), ["A"]);
        board.move_card(a, first, 99)?;
        assert_eq!(titles(&board, first), ["B", "C", "A"]);
        assert_eq!(
            board.move_card(CardId(404), first, 0),
            Err(EditError::NoCard(CardId(404)))
        );
        Ok(())
    }

    #[test]
    fn removing_a_theme_unticks_it_everywhere() -> Result<(), EditError> {
        let (mut board, first, _) = board_with_two_columns();
        let theme = board.add_theme("Developer story", "Better?");
        let card = board.add_card(first, "Gloo")?;
        board.set_card_theme(card, theme, true)?;
        assert_eq!(board.cards_with_theme(theme).count(), 1);
        board.remove_theme(theme)?;
        assert!(board.card(card).is_some_and(|card| card.themes.is_empty()));
        assert_eq!(board.set_card_theme(card, theme, true), Err(EditError::NoTheme(theme)));
        Ok(())
    }

    #[test]
    fn two_themes_never_share_a_name_and_a_blank_one_is_untitled() {
        let mut board = Board::new("Test");
        let data = board.add_theme("Данные", "");
        let taken = |name: &str| EditError::ThemeNameTaken(name.to_owned());
        assert_eq!(
            board.apply(crate::model::BoardEdit::AddTheme(" данные ".into())),
            Err(taken("Данные")),
            "case and spaces don't make a new name, in any script"
        );
        let blank = board.add_theme("", "");
        assert_eq!(board.theme(blank).map(Theme::shown_name), Some(UNTITLED_THEME));
        let second_blank = board.add_theme("  ", "");
        assert_eq!(
            board.theme(second_blank).map(Theme::shown_name),
            Some("Untitled theme 2")
        );
        assert_eq!(
            board.rename_theme(second_blank, "untitled THEME".into()),
            Err(taken(UNTITLED_THEME))
        );
        assert_eq!(board.rename_theme(data, String::new()), Err(taken(UNTITLED_THEME)));
        assert_eq!(
            board.rename_theme(data, "данные".into()),
            Ok(()),
            "its own name in another case"
        );
        assert_eq!(board.theme_by_name("untitled theme").map(|theme| theme.id), Some(blank));
        assert_eq!(
            board.untitled_theme_name(|number| format!("未命名的主题 {number}")),
            "未命名的主题 2",
            "the window words the number in its language"
        );
    }

    #[test]
    fn new_ids_never_repeat_live_ones() -> Result<(), EditError> {
        let (mut board, first, second) = board_with_two_columns();
        assert_ne!(first, second);
        let a = board.add_card(first, "A")?;
        let b = board.add_card(second, "B")?;
        assert_ne!(a, b);
        board.remove_card(a)?;
        let c = board.add_card(first, "C")?;
        assert_ne!(b, c);
        Ok(())
    }
}
