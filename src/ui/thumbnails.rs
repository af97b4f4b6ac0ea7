//! How the UI gets images: through a source the app provides, so the UI never reads files.

use crate::model::ImageRef;
use crate::tr;

/// The state of one picture.
#[derive(Clone, Debug)]
pub enum ThumbnailState {
    /// Being decoded on a worker thread.
    Loading,
    /// Ready to draw.
    Ready(egui::load::SizedTexture),
    /// The file is not in the media folder; the text names it.
    Missing(String),
    /// The file is not here yet: a card merged from another copy names it, and a sync tool may
    /// still be bringing it. The text names it.
    WaitingForSync(String),
    /// The file can't be shown; the reason names it.
    Failed(String),
    /// Not the image Boothboard stored: a link, something other than a file, or changed content.
    Untrusted(String),
}

/// Provides pictures; asking for one that is not ready starts loading it.
pub trait Thumbnails {
    /// The thumbnail of `image` as it is now.
    fn thumbnail(&mut self, image: &ImageRef) -> ThumbnailState;
    /// `image` at full size (up to the largest texture), for the viewer.
    fn full_size(&mut self, image: &ImageRef) -> ThumbnailState;
}

/// The size `image` takes when fitted into `max_size`, keeping its aspect ratio.
pub fn fitted_size(image: &ImageRef, max_size: egui::Vec2) -> egui::Vec2 {
    // A board file may claim any size; never divide by zero.
    let aspect = if image.width > 0 && image.height > 0 {
        image.width as f32 / image.height as f32
    } else {
        16.0 / 9.0
    };
    let width = max_size.x.min(max_size.y * aspect);
    egui::vec2(width, width / aspect)
}

/// Draws a thumbnail fitted to `max_size`, or a placeholder saying why there is none.
/// The picture is only asked for when it is in view, so scrolling past a card costs nothing.
pub fn thumbnail_ui(
    ui: &mut egui::Ui,
    thumbnails: &mut dyn Thumbnails,
    image: &ImageRef,
    max_size: egui::Vec2,
    sense: egui::Sense,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(fitted_size(image, max_size), sense);
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let state = thumbnails.thumbnail(image);
    let text = paint_picture(ui, rect, &state, &image.caption);
    let (role, label) = if sense.senses_click() {
        (egui::Role::Button, tr!("thumbnail-view", text = text))
    } else {
        (egui::Role::Image, text)
    };
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, &label));
    match state {
        ThumbnailState::Missing(reason)
        | ThumbnailState::WaitingForSync(reason)
        | ThumbnailState::Failed(reason)
        | ThumbnailState::Untrusted(reason) => response.on_hover_text(reason),
        ThumbnailState::Loading | ThumbnailState::Ready(_) => response.on_hover_text(&image.caption),
    }
}

/// Paints a picture into `rect`, or a placeholder that says what is going on with the image `caption`.
/// Returns what it shows, in words.
pub fn paint_picture(ui: &egui::Ui, rect: egui::Rect, state: &ThumbnailState, caption: &str) -> String {
    let text = match state {
        ThumbnailState::Ready(texture) => {
            egui::Image::from_texture(*texture)
                .corner_radius(4.0)
                .paint_at(ui, rect);
            return caption.to_owned();
        }
        ThumbnailState::Loading => tr!("thumbnail-loading", caption = caption),
        ThumbnailState::Missing(_) => tr!("thumbnail-missing", caption = caption),
        ThumbnailState::WaitingForSync(_) => tr!("thumbnail-waiting-for-sync", caption = caption),
        ThumbnailState::Failed(_) => tr!("thumbnail-failed", caption = caption),
        ThumbnailState::Untrusted(_) => tr!("thumbnail-untrusted", caption = caption),
    };
    let visuals = ui.visuals();
    // A picture that can't be shown says so plainly; one on its way stays quiet.
    let (color, style) = match state {
        ThumbnailState::Missing(_) | ThumbnailState::Failed(_) => (visuals.warn_fg_color, egui::TextStyle::Body),
        ThumbnailState::Untrusted(_) => (visuals.error_fg_color, egui::TextStyle::Body),
        _ => (visuals.weak_text_color(), egui::TextStyle::Small),
    };
    ui.painter().rect_filled(rect, 4.0, visuals.faint_bg_color);
    if style == egui::TextStyle::Body {
        let stroke = egui::Stroke::new(1.0, color);
        ui.painter().rect_stroke(rect, 4.0, stroke, egui::StrokeKind::Inside);
    }
    let font = style.resolve(ui.style());
    let galley = ui.painter().layout(text.clone(), font, color, rect.width() - 8.0);
    let position = rect.center() - galley.size() / 2.0;
    ui.painter().galley(position, galley, color);
    text
}
