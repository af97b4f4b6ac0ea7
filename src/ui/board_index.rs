//! What the view looks up on the board every frame, worked out once per board revision: where each
//! card is, and which cards tick each theme. Keeps a frame's cost independent of the board's size.

use std::collections::HashMap;

use crate::model::{Board, Card, CardId, CardPosition, ThemeId};

/// Cards named under each theme in the themes panel; the rest are a click away with "Show only these".
pub const CARDS_LISTED_PER_THEME: usize = 12;

/// The cards that tick a theme: how many, and the first few in board order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThemeCards {
    pub count: usize,
    pub listed: Vec<CardId>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardIndex {
    revision: Option<u64>,
    /// Column index and index in the column, per card.
    places: HashMap<CardId, (usize, usize)>,
    themes: HashMap<ThemeId, ThemeCards>,
}

impl BoardIndex {
    /// Works the index out again if the board changed since.
    pub fn refresh(&mut self, board: &Board, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        self.places.clear();
        self.themes.clear();
        for (column_index, column) in board.columns.iter().enumerate() {
            for (index, card) in column.cards.iter().enumerate() {
                self.places.insert(card.id, (column_index, index));
                for theme in &card.themes {
                    let cards = self.themes.entry(*theme).or_default();
                    cards.count += 1;
                    if cards.listed.len() < CARDS_LISTED_PER_THEME {
                        cards.listed.push(card.id);
                    }
                }
            }
        }
    }

    /// The card with this id; `None` also if the index is behind the board.
    pub fn card<'b>(&self, board: &'b Board, id: CardId) -> Option<&'b Card> {
        self.locate(board, id).map(|(card, _)| card)
    }

    /// Where the card sits on the board.
    pub fn position(&self, board: &Board, id: CardId) -> Option<CardPosition> {
        self.locate(board, id).map(|(_, position)| position)
    }

    /// The card and where it is, checked against the board so a stale index finds nothing.
    fn locate<'b>(&self, board: &'b Board, id: CardId) -> Option<(&'b Card, CardPosition)> {
        let (column, index) = *self.places.get(&id)?;
        let column = board.columns.get(column)?;
        let card = column.cards.get(index).filter(|card| card.id == id)?;
        Some((
            card,
            CardPosition {
                column: column.id,
                index,
            },
        ))
    }

    /// The cards that tick this theme.
    pub fn theme_cards(&self, theme: ThemeId) -> ThemeCards {
        self.themes.get(&theme).cloned().unwrap_or_default()
    }
}
