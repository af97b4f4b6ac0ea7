//! Invariants a loaded board must hold before the app works on it.

use std::collections::HashSet;

use super::{Board, excerpt};

/// How much of a name or title a problem quotes.
const QUOTED_CHARS: usize = 80;

impl Board {
    /// Everything that is wrong with the board, in words that name the place; empty when sound.
    ///
    /// Serde has already checked types and media names; this checks what spans records.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut theme_ids = HashSet::new();
        for theme in &self.themes {
            if !theme_ids.insert(theme.id) {
                problems.push(format!(
                    "{} ({:?}) appears twice",
                    theme.id,
                    excerpt(&theme.name, QUOTED_CHARS)
                ));
            }
        }
        let mut column_ids = HashSet::new();
        let mut card_ids = HashSet::new();
        for column in &self.columns {
            if !column_ids.insert(column.id) {
                problems.push(format!(
                    "{} ({:?}) appears twice",
                    column.id,
                    excerpt(&column.name, QUOTED_CHARS)
                ));
            }
            for card in &column.cards {
                if !card_ids.insert(card.id) {
                    problems.push(format!(
                        "{} ({:?}) appears twice",
                        card.id,
                        excerpt(&card.title, QUOTED_CHARS)
                    ));
                }
                for theme in card.themes.iter().filter(|theme| !theme_ids.contains(theme)) {
                    problems.push(format!(
                        "{} ({:?}) ticks {theme}, which the board does not have",
                        card.id,
                        excerpt(&card.title, QUOTED_CHARS)
                    ));
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Board, ThemeId};

    #[test]
    fn duplicate_ids_and_unknown_themes_are_named() {
        let mut board = Board::new("Test");
        let column = board.columns[0].id;
        let card = board.add_card(column, "Gloo").ok();
        assert!(board.problems().is_empty());
        let mut copy = board.columns[0].cards[0].clone();
        copy.themes.insert(ThemeId(7));
        board.columns[0].cards.push(copy);
        let problems = board.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("appears twice") && card.is_some());
        assert!(problems[1].contains("theme 7"));
    }
}
