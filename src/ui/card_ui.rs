//! One card on the board: title, summary, cover image, a glimpse of its notes, theme ticks.

use std::borrow::Cow;

use super::note_glimpses::{GLIMPSE_LINES, NoteGlimpse};
use super::themes_ui::theme_name;
use super::thumbnails::{Thumbnails, thumbnail_ui};
use crate::model::{Card, Theme};
use crate::tr;

/// The space around a card's content, besides its outline.
const CARD_MARGIN: f32 = 8.0;
/// The outline of a selected card or a search match.
const OUTLINE_WIDTH: f32 = 2.0;
/// A card shows at most this many lines of its summary.
const SUMMARY_LINES: usize = 3;

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
    notes: &NoteGlimpse,
    themes: &[Theme],
    look: CardLook,
    thumbnails: &mut dyn Thumbnails,
) -> CardResponse {
    let visuals = ui.visuals();
    let stroke = if look.selected {
        egui::Stroke::new(OUTLINE_WIDTH, visuals.selection.stroke.color)
    } else if look.search_hit {
        egui::Stroke::new(OUTLINE_WIDTH, visuals.warn_fg_color)
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    // The stroke is inside the frame: a wider one takes its width from the margin, not from the
    // content, so outlining a card never rewraps it.
    let margin = CARD_MARGIN + OUTLINE_WIDTH - stroke.width.min(OUTLINE_WIDTH);
    let frame = egui::Frame::new()
        .fill(visuals.extreme_bg_color)
        .stroke(stroke)
        .corner_radius(6.0)
        .inner_margin(margin);
    let builder = egui::UiBuilder::new()
        .id_salt(card.id)
        .sense(egui::Sense::click_and_drag());
    let scope = ui.scope_builder(builder, |ui| {
        // Clicks anywhere on the card select it, so its text must not grab them. The board sets this
        // once per column: changing the style here would copy it for every card, every frame.
        if ui.style().interaction.selectable_labels {
            ui.style_mut().interaction.selectable_labels = false;
        }
        if look.dragged || look.dimmed {
            ui.multiply_opacity(0.4);
        }
        frame
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                card_contents_ui(ui, card, notes, themes, thumbnails)
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
    notes: &NoteGlimpse,
    themes: &[Theme],
    thumbnails: &mut dyn Thumbnails,
) -> Option<egui::Rect> {
    let untitled;
    let title = if card.title.trim().is_empty() {
        untitled = tr!("card-untitled");
        untitled.as_str()
    } else {
        card.title.as_str()
    };
    ui.add(egui::Label::new(egui::RichText::new(title).strong().size(15.0)).wrap());
    if !card.summary.is_empty() {
        // At most three lines, the last ending in "…"; the editor shows all of it.
        let font = egui::TextStyle::Body.resolve(ui.style());
        let mut job = egui::text::LayoutJob::simple(
            card.summary.clone(),
            font,
            ui.visuals().weak_text_color(),
            ui.available_width(),
        );
        job.wrap.max_rows = SUMMARY_LINES;
        job.wrap.overflow_character = Some('…');
        ui.add(egui::Label::new(ui.painter().layout_job(job)));
    }
    let cover = card.images.first().map(|cover| {
        ui.add_space(4.0);
        let max_size = egui::vec2(ui.available_width(), 160.0);
        // Hover only: a click on the cover selects the card like anywhere else on it.
        thumbnail_ui(ui, thumbnails, cover, max_size, egui::Sense::hover()).rect
    });
    if !notes.lines.is_empty() {
        ui.add_space(2.0);
        glimpse_ui(ui, notes);
    }
    let ticked: Vec<Cow<'_, str>> = themes
        .iter()
        .filter(|theme| card.themes.contains(&theme.id))
        .map(theme_name)
        .collect();
    let extras = card_extras(card, notes);
    if !ticked.is_empty() || !extras.is_empty() {
        ui.add_space(2.0);
        card_footer_ui(ui, &ticked, &extras);
    }
    cover
}

/// The first lines of the notes, fading out where the notes go on.
fn glimpse_ui(ui: &mut egui::Ui, notes: &NoteGlimpse) {
    let mut job = egui::text::LayoutJob::single_section(
        notes.lines.join("\n"),
        egui::TextFormat::simple(
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().weak_text_color(),
        ),
    );
    job.wrap = egui::text::TextWrapping {
        max_width: ui.available_width(),
        max_rows: GLIMPSE_LINES,
        break_anywhere: false,
        overflow_character: None,
    };
    let galley = ui.painter().layout_job(job);
    let fades = notes.more || galley.elided;
    let rect = ui.add(egui::Label::new(galley)).rect;
    if fades {
        // From clear at the middle of the glimpse to the card's own colour at its bottom.
        let fill = ui.visuals().extreme_bg_color;
        let (clear, solid) = (fill.gamma_multiply(0.0), fill.gamma_multiply(0.9));
        let mut mesh = egui::Mesh::default();
        let top = rect.center().y;
        mesh.colored_vertex(egui::pos2(rect.left(), top), clear);
        mesh.colored_vertex(egui::pos2(rect.right(), top), clear);
        mesh.colored_vertex(rect.left_bottom(), solid);
        mesh.colored_vertex(rect.right_bottom(), solid);
        mesh.add_triangle(0, 1, 2);
        mesh.add_triangle(1, 2, 3);
        ui.painter().add(mesh);
    }
}

fn card_extras(card: &Card, notes: &NoteGlimpse) -> String {
    let mut parts = Vec::new();
    if card.check_notes {
        parts.push(tr!("card-extras-check-notes"));
    }
    if !card.links.is_empty() {
        parts.push(tr!("card-extras-links", count = card.links.len()));
    }
    if card.images.len() > 1 {
        parts.push(tr!("card-extras-images", count = card.images.len()));
    }
    if notes.progress.total > 0 {
        parts.push(tr!(
            "card-extras-tasks",
            done = notes.progress.done,
            total = notes.progress.total
        ));
    }
    parts.join(" · ")
}

/// The card's theme chips, then its extras, wrapped to the card's width. Painted in one allocation
/// rather than a widget per chip, as a board draws dozens of cards a frame.
fn card_footer_ui(ui: &mut egui::Ui, ticked: &[Cow<'_, str>], extras: &str) {
    const CHIP_PADDING: egui::Vec2 = egui::vec2(6.0, 1.0);
    let font = egui::TextStyle::Small.resolve(ui.style());
    let chip_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.35);
    let spacing = ui.spacing().item_spacing;
    let width = ui.available_width();
    let painter = ui.painter();
    let mut pieces: Vec<(std::sync::Arc<egui::Galley>, bool)> = ticked
        .iter()
        .map(|name| {
            (
                painter.layout_no_wrap(name.to_string(), font.clone(), ui.visuals().text_color()),
                true,
            )
        })
        .collect();
    if !extras.is_empty() {
        let extras_font = egui::TextStyle::Body.resolve(ui.style());
        let weak = ui.visuals().weak_text_color();
        pieces.push((painter.layout_no_wrap(extras.to_owned(), extras_font, weak), false));
    }
    // Left to right, starting a new line where the next piece would not fit.
    let row_height = pieces
        .iter()
        .map(|(galley, chip)| galley.size().y + if *chip { 2.0 * CHIP_PADDING.y } else { 0.0 })
        .fold(0.0, f32::max);
    let mut placed = Vec::with_capacity(pieces.len());
    let mut cursor = egui::Pos2::ZERO;
    for (galley, chip) in pieces {
        let size = galley.size() + if chip { 2.0 * CHIP_PADDING } else { egui::Vec2::ZERO };
        if cursor.x > 0.0 && cursor.x + size.x > width {
            cursor = egui::pos2(0.0, cursor.y + row_height + spacing.y);
        }
        placed.push((cursor, size, galley, chip));
        cursor.x += size.x + spacing.x;
    }
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, cursor.y + row_height), egui::Sense::hover());
    response.widget_info(|| {
        let parts: Vec<&str> = ticked
            .iter()
            .map(AsRef::as_ref)
            .chain(Some(extras).filter(|e| !e.is_empty()))
            .collect();
        egui::WidgetInfo::labeled(egui::Role::Label, true, parts.join(", "))
    });
    let painter = ui.painter();
    for (offset, size, galley, chip) in placed {
        let piece = egui::Rect::from_min_size(rect.min + offset.to_vec2(), egui::vec2(size.x, row_height));
        if chip {
            painter.rect_filled(piece, 8.0, chip_fill);
        }
        let text_at = egui::pos2(
            piece.left() + if chip { CHIP_PADDING.x } else { 0.0 },
            piece.center().y - galley.size().y / 2.0,
        );
        painter.galley(text_at, galley, ui.visuals().text_color());
    }
}
