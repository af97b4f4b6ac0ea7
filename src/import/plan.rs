//! What an imported file holds, before it is a board: columns, cards and themes by name. Each
//! format's parser makes one; [`BoardPlan::build`] turns it into a board through `Board::apply`,
//! so ids, stamps and order keys are made as for any edit.

use crate::model::{
    Board, BoardEdit, Created, DeviceId, EditError, ImageRef, Link, MediaName, ThemeId, UNTITLED_THEME, saved_url,
};

/// A board as read from another format.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardPlan {
    /// The board's title, when the file names one.
    pub title: Option<String>,
    /// The themes, in order (cards may name more; those are added as they come).
    pub themes: Vec<ThemePlan>,
    /// Left to right.
    pub columns: Vec<ColumnPlan>,
    /// What the file held that was left out on purpose (archived, closed).
    pub left_out: LeftOut,
}

/// A theme by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemePlan {
    /// Its name.
    pub name: String,
    /// Its question.
    pub question: String,
}

/// A column and its cards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnPlan {
    /// Heading.
    pub name: String,
    /// Top to bottom.
    pub cards: Vec<CardPlan>,
}

/// A card, its themes named.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardPlan {
    /// Title.
    pub title: String,
    /// One line.
    pub summary: String,
    /// Links as the file has them; only http, https and mailto ones are kept.
    pub links: Vec<Link>,
    /// Markdown.
    pub notes: String,
    /// The names of the themes it ticks.
    pub themes: Vec<String>,
    /// Images in the media folder beside the imported file.
    pub images: Vec<ImagePlan>,
}

/// An image a card shows, as the imported file names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImagePlan {
    /// The media folder's name, beside the imported file.
    pub folder: String,
    /// The file in it.
    pub file: MediaName,
    /// The caption.
    pub caption: String,
}

/// What was left out of an import, and counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Archived (closed) cards, those in archived columns included.
    pub archived_cards: usize,
    /// Archived (closed) columns.
    pub archived_columns: usize,
    /// Cards whose column is not in the file.
    pub cards_without_column: usize,
}

impl BoardPlan {
    /// The images the cards show, card by card.
    pub fn images(&self) -> impl Iterator<Item = &ImagePlan> {
        self.columns
            .iter()
            .flat_map(|column| &column.cards)
            .flat_map(|card| &card.images)
    }

    /// A board made of this plan, stamped as `device`'s. `images` holds the stored image of
    /// each of [`Self::images`], in that order. Links that may not be opened are dropped.
    pub fn build(&self, title: &str, device: DeviceId, images: Vec<ImageRef>) -> Result<Board, EditError> {
        let mut board = Board::new(title);
        board.adopt_device(device);
        for theme in &self.themes {
            theme_id(&mut board, &theme.name, &theme.question)?;
        }
        let mut images = images.into_iter();
        for (index, column) in self.columns.iter().enumerate() {
            // The new board's one column takes the first column's name.
            let first = board.columns.first().map(|column| column.id).filter(|_| index == 0);
            let column_id = match first {
                Some(id) => {
                    board.apply(BoardEdit::RenameColumn(id, column.name.clone()))?;
                    id
                }
                None => match board.apply(BoardEdit::AddColumn(column.name.clone()))? {
                    Created::Column(id) => id,
                    _ => continue,
                },
            };
            for card in &column.cards {
                let Created::Card(id) = board.apply(BoardEdit::AddCard(column_id, card.title.clone()))? else {
                    continue;
                };
                if !card.summary.is_empty() {
                    board.apply(BoardEdit::SetCardSummary(id, card.summary.clone()))?;
                }
                if !card.notes.is_empty() {
                    board.apply(BoardEdit::SetCardNotes(id, card.notes.clone()))?;
                }
                let links = card.links.iter().filter_map(|link| {
                    let url = saved_url(&link.url).ok()?;
                    Some(Link {
                        label: link.label.clone(),
                        url,
                    })
                });
                for (index, link) in links.enumerate() {
                    board.apply(BoardEdit::AddLink(id))?;
                    board.apply(BoardEdit::SetLink(id, index, link))?;
                }
                for name in &card.themes {
                    let theme = theme_id(&mut board, name, "")?;
                    board.apply(BoardEdit::SetCardTheme(id, theme, true))?;
                }
                let shown: Vec<ImageRef> = images.by_ref().take(card.images.len()).collect();
                if !shown.is_empty() {
                    board.apply(BoardEdit::AddImages(id, shown))?;
                }
            }
        }
        Ok(board)
    }
}

/// The theme shown as `name` (ignoring case; a blank name is the untitled theme), added when the
/// board has none.
fn theme_id(board: &mut Board, name: &str, question: &str) -> Result<ThemeId, EditError> {
    let shown = if name.trim().is_empty() { UNTITLED_THEME } else { name };
    if let Some(theme) = board.theme_by_name(shown) {
        return Ok(theme.id);
    }
    match board.apply(BoardEdit::AddTheme(name.to_owned()))? {
        Created::Theme(id) => {
            if !question.is_empty() {
                board.apply(BoardEdit::SetThemeQuestion(id, question.to_owned()))?;
            }
            Ok(id)
        }
        _ => Err(EditError::ThemeNameTaken(name.to_owned())),
    }
}

impl LeftOut {
    /// "3 archived cards and 1 archived column left out", or `None` when nothing was.
    pub fn describe(&self) -> Option<String> {
        let parts: Vec<String> = [
            (self.archived_cards, "archived card"),
            (self.archived_columns, "archived column"),
            (self.cards_without_column, "card of a missing column"),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, what)| count_of(count, what))
        .collect();
        let (last, rest) = parts.split_last()?;
        let listed = if rest.is_empty() {
            last.clone()
        } else {
            format!("{} and {last}", rest.join(", "))
        };
        Some(format!("{listed} left out"))
    }
}

/// "1 card", "3 cards" ("card of a missing column" → "cards of a missing column").
pub(super) fn count_of(count: usize, what: &str) -> String {
    if count == 1 {
        return format!("1 {what}");
    }
    match what.split_once(' ') {
        Some(("card", rest)) => format!("{count} cards {rest}"),
        _ => format!("{count} {what}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_becomes_a_sound_board_with_its_links_checked() {
        let plan = BoardPlan {
            themes: vec![ThemePlan {
                name: "Databases".into(),
                question: "Which?".into(),
            }],
            columns: vec![
                ColumnPlan {
                    name: "Seen".into(),
                    cards: vec![CardPlan {
                        title: "TiDB".into(),
                        links: vec![
                            Link {
                                label: "Site".into(),
                                url: "https://pingcap.com".into(),
                            },
                            Link {
                                label: "Evil".into(),
                                url: "javascript:alert(1)".into(),
                            },
                        ],
                        themes: vec!["databases".into(), "Done".into()],
                        ..CardPlan::default()
                    }],
                },
                ColumnPlan {
                    name: "Later".into(),
                    cards: vec![],
                },
            ],
            ..BoardPlan::default()
        };
        let board = plan.build("Imported", DeviceId(7), Vec::new()).unwrap();
        assert!(board.problems().is_empty());
        let names: Vec<&str> = board.columns.iter().map(|column| column.name.as_str()).collect();
        assert_eq!(names, ["Seen", "Later"]);
        assert!(board.columns[0].order < board.columns[1].order);
        let themes: Vec<&str> = board.themes.iter().map(|theme| theme.name.as_str()).collect();
        assert_eq!(themes, ["Databases", "Done"]);
        assert_eq!(board.themes[0].question, "Which?");
        let card = &board.columns[0].cards[0];
        assert_eq!(card.links.len(), 1);
        assert_eq!(card.themes.len(), 2);
        assert_eq!(card.stamps.title.device, DeviceId(7));
    }

    #[test]
    fn cards_that_tick_a_theme_with_no_name_share_one_untitled_theme() {
        let card = CardPlan {
            themes: vec![String::new()],
            ..CardPlan::default()
        };
        let plan = BoardPlan {
            columns: vec![ColumnPlan {
                name: "Seen".into(),
                cards: vec![card.clone(), card],
            }],
            ..BoardPlan::default()
        };
        let board = plan.build("Imported", DeviceId(7), Vec::new()).unwrap();
        assert_eq!(board.themes.len(), 1);
        assert_eq!(board.themes[0].shown_name(), UNTITLED_THEME);
        assert_eq!(board.cards_with_theme(board.themes[0].id).count(), 2);
    }

    #[test]
    fn what_was_left_out_is_counted_in_words() {
        assert_eq!(LeftOut::default().describe(), None);
        let left_out = LeftOut {
            archived_cards: 3,
            archived_columns: 1,
            cards_without_column: 2,
        };
        assert_eq!(
            left_out.describe().unwrap(),
            "3 archived cards, 1 archived column and 2 cards of a missing column left out"
        );
    }
}
