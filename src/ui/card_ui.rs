//! One card on the board: title, summary, cover image, theme ticks.

use super::thumbnails::{Thumbnails, thumbnail_ui};
use crate::model::{Card, Theme};

/// How a card is drawn besides its content.
#[derive(Clone, Copy, Debug, Default)]
pub struct CardLook {
    /// It is the selected card.
    pub selected: bool,
    /// It is being dragged: drawn faded where it was, so the gap is visible.
    pub dragged: bool,
    /// It matches the search: outlined.
    pub search_hit: bool,
    /// A search is on and it does not match: faded.
    pub dimmed: bool,
}

/// A drawn card: the response senses clicks (select) and drags (move).
#[derive(Debug)]
pub struct CardResponse {
    /// The whole card.
    pub response: egui::Response,
    /// Where its cover image is, if it has one.
    pub cover: Option<egui::Rect>,
}

/// Draws a card.
pub fn card_ui(
    ui: &mut egui::Ui,
    card: &Card,
    themes: &[Theme],
    look: CardLook,
    thumbnails: &mut dyn Thumbnails,
) -> CardResponse {
    let visuals = ui.visuals();
    let stroke = if look.selected {
        egui::Stroke::new(2.0, visuals.selection.stroke.color)
    } else if look.search_hit {
        egui::Stroke::new(2.0, visuals.warn_fg_color)
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    let frame = egui::Frame::new()
        .fill(visuals.extreme_bg_color)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(8.0);
    let builder = egui::UiBuilder::new()
        .id_salt(card.id)
        .sense(egui::Sense::click_and_drag());
    let scope = ui.scope_builder(builder, |ui| {
        // Clicks anywhere on the card select it, so its text must not grab them.
        ui.style_mut().interaction.selectable_labels = false;
        if look.dragged || look.dimmed {
            ui.multiply_opacity(0.4);
        }
        frame
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                card_contents_ui(ui, card, themes, thumbnails)
            })
            .inner
    });
    CardResponse {
        response: scope.response.on_hover_cursor(egui::CursorIcon::Grab),
        cover: scope.inner,
    }
}

/// Returns where the cover image is drawn.
fn card_contents_ui(
    ui: &mut egui::Ui,
    card: &Card,
    themes: &[Theme],
    thumbnails: &mut dyn Thumbnails,
) -> Option<egui::Rect> {
    let title = if card.title.trim().is_empty() {
        "Untitled card"
    } else {
        card.title.as_str()
    };
    ui.add(egui::Label::new(egui::RichText::new(title).strong().size(15.0)).wrap());
    if !card.summary.is_empty() {
        ui.add(egui::Label::new(egui::RichText::new(&card.summary).weak()).wrap());
    }
    let cover = card.images.first().map(|cover| {
        ui.add_space(4.0);
        let max_size = egui::vec2(ui.available_width(), 160.0);
        // Hover only: a click on the cover selects the card like anywhere else on it.
        thumbnail_ui(ui, thumbnails, cover, max_size, egui::Sense::hover()).rect
    });
    let ticked: Vec<&Theme> = themes.iter().filter(|theme| card.themes.contains(&theme.id)).collect();
    let extras = card_extras(card);
    if !ticked.is_empty() || !extras.is_empty() {
        ui.add_space(2.0);
        ui.horizontal_wrapped(|ui| {
            for theme in ticked {
                theme_chip_ui(ui, &theme.name);
            }
            if !extras.is_empty() {
                ui.weak(extras);
            }
        });
    }
    cover
}

fn card_extras(card: &Card) -> String {
    let mut parts = Vec::new();
    match card.links.len() {
        0 => {}
        1 => parts.push("1 link".to_owned()),
        links => parts.push(format!("{links} links")),
    }
    if card.images.len() > 1 {
        parts.push(format!("{} images", card.images.len()));
    }
    if !card.notes.trim().is_empty() {
        parts.push("notes".to_owned());
    }
    parts.join(" · ")
}

fn theme_chip_ui(ui: &mut egui::Ui, name: &str) {
    let color = ui.visuals().selection.bg_fill;
    egui::Frame::new()
        .fill(color.gamma_multiply(0.35))
        .corner_radius(8.0)
        .inner_margin(egui::vec2(6.0, 1.0))
        .show(ui, |ui| {
            ui.add(egui::Label::new(egui::RichText::new(name).small()).extend());
        });
}
