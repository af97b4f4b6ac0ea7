//! How the UI gets images: through a source the app provides, so the UI never reads files.

use crate::model::ImageRef;

/// The state of one image's thumbnail.
#[derive(Clone, Debug)]
pub enum ThumbnailState {
    /// Being decoded on a worker thread.
    Loading,
    /// Ready to draw.
    Ready(egui::load::SizedTexture),
    /// Missing or undecodable; the reason names the file.
    Failed(String),
}

/// Provides thumbnails; asking for one that is not ready starts loading it.
pub trait Thumbnails {
    /// The thumbnail of `image` as it is now.
    fn thumbnail(&mut self, ctx: &egui::Context, image: &ImageRef) -> ThumbnailState;
}

/// Draws a thumbnail fitted to `max_size`, or a placeholder of that size saying why there is none.
pub fn thumbnail_ui(
    ui: &mut egui::Ui,
    state: &ThumbnailState,
    image: &ImageRef,
    max_size: egui::Vec2,
) -> egui::Response {
    // A board file may claim any size; never divide by zero.
    let aspect = if image.width > 0 && image.height > 0 {
        image.width as f32 / image.height as f32
    } else {
        16.0 / 9.0
    };
    let size = fit(max_size, aspect);
    match state {
        ThumbnailState::Ready(texture) => ui
            .add(
                egui::Image::from_texture(*texture)
                    .fit_to_exact_size(size)
                    .corner_radius(4.0),
            )
            .on_hover_text(&image.caption),
        ThumbnailState::Loading => placeholder_ui(ui, size, "Loading…", None),
        ThumbnailState::Failed(reason) => placeholder_ui(ui, size, "Image missing", Some(reason)),
    }
}

fn fit(max_size: egui::Vec2, aspect: f32) -> egui::Vec2 {
    let width = max_size.x.min(max_size.y * aspect);
    egui::vec2(width, width / aspect)
}

fn placeholder_ui(ui: &mut egui::Ui, size: egui::Vec2, text: &str, reason: Option<&str>) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let visuals = ui.visuals();
    ui.painter().rect_filled(rect, 4.0, visuals.faint_bg_color);
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::TextStyle::Small.resolve(ui.style()),
        visuals.weak_text_color(),
    );
    match reason {
        Some(reason) => response.on_hover_text(reason),
        None => response,
    }
}
