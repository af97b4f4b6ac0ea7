//! What an export covers: the whole board, one theme, or chosen cards.

use std::borrow::Cow;

use super::{ExportError, ExportOptions};
use crate::model::{Board, Card, CardId, ThemeId};

/// The part of a board to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportScope {
    /// Every card, a section per column.
    Board,
    /// The cards that tick this theme, under its question.
    Theme(ThemeId),
    /// These cards (in board order), a section per column that holds one.
    Cards(Vec<CardId>),
}

/// A part of the document: a heading, an optional line under it, and its cards.
#[derive(Debug)]
pub(super) struct Section<'a> {
    pub heading: &'a str,
    /// The export's word for the heading when it is blank: an untitled column or theme.
    pub untitled: &'static str,
    pub intro: &'a str,
    pub cards: Vec<&'a Card>,
}

impl<'a> Section<'a> {
    /// The heading, or the export's word for an untitled one in the export's language.
    pub fn heading_or_untitled(&self, options: &ExportOptions) -> Cow<'a, str> {
        options.name_or_untitled(self.heading, self.untitled)
    }
}

/// How the export's sections are made.
#[derive(Debug)]
pub(super) struct Outline<'a> {
    /// Whether the board's themes are listed before the sections.
    pub lists_themes: bool,
    pub sections: Vec<Section<'a>>,
}

impl ExportScope {
    /// The sections this scope exports from `board`, in board order.
    pub(super) fn outline<'a>(&self, board: &'a Board) -> Result<Outline<'a>, ExportError> {
        let by_column = |keep: &dyn Fn(&Card) -> bool| -> Vec<Section<'a>> {
            board
                .columns
                .iter()
                .map(|column| Section {
                    heading: &column.name,
                    untitled: "export-untitled",
                    intro: "",
                    cards: column.cards.iter().filter(|card| keep(card)).collect(),
                })
                .filter(|section| !section.cards.is_empty())
                .collect()
        };
        match self {
            Self::Board => Ok(Outline {
                lists_themes: true,
                sections: by_column(&|_| true),
            }),
            Self::Theme(id) => {
                let theme = board.theme(*id).ok_or(ExportError::NoTheme(*id))?;
                Ok(Outline {
                    lists_themes: false,
                    sections: vec![Section {
                        heading: &theme.name,
                        untitled: "export-untitled-theme",
                        intro: &theme.question,
                        cards: board.cards_with_theme(*id).collect(),
                    }],
                })
            }
            Self::Cards(ids) => {
                let sections = by_column(&|card| ids.contains(&card.id));
                if sections.is_empty() {
                    return Err(ExportError::NoCards);
                }
                Ok(Outline {
                    lists_themes: true,
                    sections,
                })
            }
        }
    }
}
