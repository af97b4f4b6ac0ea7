//! How tall each card was when last drawn, so cards out of view can be skipped without laying them out.

use std::collections::HashMap;

use crate::model::{Card, CardId};

/// Heights of cards as last drawn; cards never drawn get an estimate from their content.
/// A card edited while out of view keeps its old height until it is drawn again: at worst the
/// scroll bar is off by a few points for a moment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardHeights(HashMap<CardId, f32>);

impl CardHeights {
    /// The card's height on a board whose columns are `width` wide inside the card's frame.
    pub fn height(&self, card: &Card, width: f32) -> f32 {
        self.0
            .get(&card.id)
            .copied()
            .unwrap_or_else(|| estimated_height(card, width))
    }

    /// Remembers the height the card was just drawn at.
    pub fn remember(&mut self, card: CardId, height: f32) {
        self.0.insert(card, height);
    }
}

/// Close to what `card_ui` draws: title, summary lines, cover, theme chips.
fn estimated_height(card: &Card, width: f32) -> f32 {
    const MARGINS: f32 = 18.0;
    const TITLE: f32 = 20.0;
    const LINE: f32 = 17.0;
    const CHAR_WIDTH: f32 = 6.5;
    let summary_lines = (card.summary.chars().count() as f32 * CHAR_WIDTH / width.max(1.0)).ceil();
    let summary = summary_lines * LINE;
    let cover = card.images.first().map_or(0.0, |image| {
        let aspect = image.height.max(1) as f32 / image.width.max(1) as f32;
        (width * aspect).min(160.0) + 7.0
    });
    let chips = if card.themes.is_empty() && card.links.is_empty() && card.notes.is_empty() {
        0.0
    } else {
        LINE + 5.0
    };
    MARGINS + TITLE + summary + cover + chips
}
