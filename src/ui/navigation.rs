//! Moving the selection between cards with the arrow keys.

use super::ViewState;
use crate::model::{Board, Card, CardId};

/// Where an arrow key moves the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The card above, in the same column.
    Up,
    /// The card below, in the same column.
    Down,
    /// The nearest column to the left that has cards to go to, at about the same height.
    Left,
    /// The nearest column to the right that has cards to go to.
    Right,
}

/// The cards the keyboard can reach, column by column, top to bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardGrid {
    columns: Vec<Vec<CardId>>,
}

impl CardGrid {
    /// The cards on screen that the keyboard goes to: during a search only the matching ones.
    pub fn reachable(board: &Board, view: &ViewState) -> Self {
        let reachable = |card: &&Card| view.in_view(card);
        let columns = board
            .columns
            .iter()
            .map(|column| column.cards.iter().filter(reachable).map(|card| card.id).collect())
            .filter(|cards: &Vec<CardId>| !cards.is_empty())
            .collect();
        Self { columns }
    }

    /// The first reachable card.
    pub fn first(&self) -> Option<CardId> {
        self.columns.first().and_then(|cards| cards.first()).copied()
    }

    /// The card one step from `from`; the first card when `from` is none or out of reach.
    /// At an edge the selection stays.
    pub fn step(&self, from: Option<CardId>, direction: Direction) -> Option<CardId> {
        let Some((column, row)) = from.and_then(|card| self.find(card)) else {
            return self.first();
        };
        let (column, row) = match direction {
            Direction::Up => (column, row.saturating_sub(1)),
            // Clamped to the column's last card below.
            Direction::Down => (column, row + 1),
            Direction::Left => (column.saturating_sub(1), row),
            Direction::Right => ((column + 1).min(self.columns.len().saturating_sub(1)), row),
        };
        let cards = self.columns.get(column)?;
        cards.get(row.min(cards.len().saturating_sub(1))).copied()
    }

    /// The card to select once `card` is removed: the next one below it, else the one above.
    pub fn after_removal(&self, card: CardId) -> Option<CardId> {
        let (column, row) = self.find(card)?;
        let cards = self.columns.get(column)?;
        cards
            .get(row + 1)
            .or_else(|| row.checked_sub(1).and_then(|above| cards.get(above)))
            .copied()
    }

    fn find(&self, card: CardId) -> Option<(usize, usize)> {
        self.columns
            .iter()
            .enumerate()
            .find_map(|(column, cards)| Some((column, cards.iter().position(|id| *id == card)?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> CardGrid {
        // Columns of 2, 3 and 1 cards, numbered top to bottom, left to right.
        let ids = |ids: &[u64]| ids.iter().copied().map(CardId).collect();
        CardGrid {
            columns: vec![ids(&[1, 2]), ids(&[3, 4, 5]), ids(&[6])],
        }
    }

    #[test]
    fn arrows_move_within_and_across_columns_and_stop_at_edges() {
        let grid = grid();
        let step = |from: u64, direction| grid.step(Some(CardId(from)), direction).map(|card| card.0);
        assert_eq!(step(1, Direction::Down), Some(2));
        assert_eq!(step(2, Direction::Down), Some(2));
        assert_eq!(step(1, Direction::Up), Some(1));
        assert_eq!(step(2, Direction::Right), Some(4), "same height");
        assert_eq!(step(5, Direction::Left), Some(2), "the nearest height the column has");
        assert_eq!(step(5, Direction::Right), Some(6));
        assert_eq!(step(6, Direction::Right), Some(6));
        assert_eq!(step(1, Direction::Left), Some(1));
        assert_eq!(grid.step(None, Direction::Down), Some(CardId(1)));
        assert_eq!(grid.step(Some(CardId(99)), Direction::Left), Some(CardId(1)));
    }

    #[test]
    fn removal_selects_the_card_below_else_above() {
        let grid = grid();
        assert_eq!(grid.after_removal(CardId(3)), Some(CardId(4)));
        assert_eq!(grid.after_removal(CardId(5)), Some(CardId(4)));
        assert_eq!(grid.after_removal(CardId(6)), None);
    }
}
