//! Where cards sit in their columns without laying them out, so a frame only draws the cards in view.

use std::collections::HashMap;

use super::view_state::passes_filter;
use crate::model::{Card, CardId, Column, ColumnId, ThemeId};

/// What a column's layout was worked out for; any change means working it out again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutKey {
    /// The board's revision: cards added, moved, removed or edited.
    pub revision: u64,
    /// The theme filter, which hides cards.
    pub filter: Option<ThemeId>,
    /// The width cards are drawn at.
    pub width: f32,
}

/// A shown card in its column: `top` is from the column's first card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slot {
    /// Index in the column's cards.
    pub position: usize,
    pub card: CardId,
    pub top: f32,
    pub height: f32,
}

/// The shown cards of a column, top to bottom, and where the last one ends.
#[derive(Clone, Debug, PartialEq)]
struct ColumnLayout {
    key: LayoutKey,
    slots: Vec<Slot>,
    end: f32,
}

/// Card heights as last drawn (estimated for cards never drawn), and each column's layout from them.
/// A card edited while out of view keeps its old height until it is drawn: at worst the scroll bar
/// is off by a few points for a moment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardLayout {
    heights: HashMap<CardId, f32>,
    columns: HashMap<ColumnId, ColumnLayout>,
}

impl BoardLayout {
    /// The column's cards that overlap `range` (measured from its first card), and where the column
    /// ends. Costs little for any column length unless the board, the filter or a height changed.
    pub fn in_view(&mut self, column: &Column, key: LayoutKey, gap: f32, range: egui::Rangef) -> (Vec<Slot>, f32) {
        let stale = self.columns.get(&column.id).is_none_or(|layout| layout.key != key);
        if stale {
            let layout = self.lay_out(column, key, gap);
            self.columns.insert(column.id, layout);
        }
        let Some(layout) = self.columns.get(&column.id) else {
            return (Vec::new(), 0.0);
        };
        let first = layout.slots.partition_point(|slot| slot.top + slot.height < range.min);
        let shown = layout
            .slots
            .iter()
            .skip(first)
            .take_while(|slot| slot.top <= range.max)
            .copied()
            .collect();
        (shown, layout.end)
    }

    /// Where the card is in its column's layout, if it is shown there.
    pub fn slot(&self, column: ColumnId, card: CardId) -> Option<Slot> {
        let layout = self.columns.get(&column)?;
        layout.slots.iter().find(|slot| slot.card == card).copied()
    }

    /// Remembers the height a card was just drawn at; if it changed, its column is laid out again.
    pub fn remember(&mut self, column: ColumnId, slot: Slot, height: f32) {
        self.heights.insert(slot.card, height);
        if (height - slot.height).abs() > 0.5 {
            self.columns.remove(&column);
        }
    }

    fn lay_out(&self, column: &Column, key: LayoutKey, gap: f32) -> ColumnLayout {
        let mut slots = Vec::with_capacity(column.cards.len());
        let mut top = 0.0;
        for (position, card) in column.cards.iter().enumerate() {
            if !passes_filter(key.filter, card) {
                continue;
            }
            let height = self
                .heights
                .get(&card.id)
                .copied()
                .unwrap_or_else(|| estimated_height(card, key.width));
            slots.push(Slot {
                position,
                card: card.id,
                top,
                height,
            });
            top += height + gap;
        }
        ColumnLayout { key, slots, end: top }
    }
}

/// Close to what `card_ui` draws: title, summary lines, cover, notes, and the footer of theme chips and extras.
fn estimated_height(card: &Card, width: f32) -> f32 {
    const MARGINS: f32 = 18.0;
    const TITLE: f32 = 20.0;
    const LINE: f32 = 17.0;
    const CHAR_WIDTH: f32 = 6.5;
    let summary_lines = (card.summary.chars().count() as f32 * CHAR_WIDTH / width.max(1.0)).ceil();
    let cover = card.images.first().map_or(0.0, |image| {
        let aspect = image.height.max(1) as f32 / image.width.max(1) as f32;
        (width * aspect).min(160.0) + 7.0
    });
    // Most notes fill both lines of their glimpse.
    let notes = if card.notes.trim().is_empty() {
        0.0
    } else {
        2.0 * LINE + 2.0
    };
    let has_footer = !card.themes.is_empty() || !card.links.is_empty() || card.images.len() > 1;
    let footer = if has_footer { LINE + 5.0 } else { 0.0 };
    MARGINS + TITLE + summary_lines * LINE + cover + notes + footer
}
