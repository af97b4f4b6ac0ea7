//! A card's images at full size: zoom, pan, fit, next and previous, caption, remove, open elsewhere.

use super::fields::{bare_field_ui, stretch_before_ui, text_slot_ui};
use super::thumbnails::{ThumbnailState, Thumbnails, paint_picture};
use super::{ImageViewer, ViewState};
use crate::command::Command;
use crate::model::{Board, BoardEdit, ImageRef};
use crate::tr;

const MIN_ZOOM: f32 = 0.02;
const MAX_ZOOM: f32 = 16.0;
/// One +/- press zooms by this factor.
const ZOOM_STEP: f32 = 1.25;

/// Shows the viewer when one is open.
pub fn image_viewer_ui(
    ctx: &egui::Context,
    board: &Board,
    view: &mut ViewState,
    thumbnails: &mut dyn Thumbnails,
    commands: &mut Vec<Command>,
) {
    let Some(mut viewer) = view.viewer else {
        return;
    };
    let Some(card) = board.card(viewer.card).filter(|card| !card.images.is_empty()) else {
        view.viewer = None;
        return;
    };
    viewer.index = viewer.index.min(card.images.len() - 1);
    let Some(image) = card.images.get(viewer.index) else {
        return;
    };
    let count = card.images.len();
    let mut close = false;
    let screen = ctx.content_rect();
    let modal = egui::Modal::new(egui::Id::unique("image_viewer")).show(ctx, |ui| {
        ui.set_width(screen.width() * 0.9);
        ui.set_height(screen.height() * 0.85);
        ui.horizontal(|ui| {
            let previous = ui.add_enabled(viewer.index > 0, egui::Button::new(tr!("viewer-previous")));
            ui.label(tr!("viewer-position", number = viewer.index + 1, count = count));
            let next = ui.add_enabled(viewer.index + 1 < count, egui::Button::new(tr!("viewer-next")));
            if previous.clicked() {
                viewer = ImageViewer::new(card.id, viewer.index - 1);
            }
            if next.clicked() {
                viewer = ImageViewer::new(card.id, viewer.index + 1);
            }
            ui.separator();
            // In reading order, so Tab goes caption, zoom, Open, Remove, Close: the caption takes
            // the width the rest leaves.
            ui.label(tr!("viewer-caption"));
            let caption_ui = |ui: &mut egui::Ui, width| {
                let hint = tr!("viewer-caption-hint");
                bare_field_ui(ui, &tr!("viewer-caption-field"), &image.caption, &hint, width).0
            };
            let caption = stretch_before_ui(ui, ui.scope_id().with("viewer_buttons"), 60.0, caption_ui, |ui| {
                ui.separator();
                zoom_buttons_ui(ui, &mut viewer, image);
                ui.separator();
                if ui.button(tr!("viewer-open-system")).clicked() {
                    commands.push(Command::OpenImage(image.file.clone()));
                }
                if ui
                    .button(tr!("viewer-remove"))
                    .on_hover_text(tr!("viewer-remove-hover"))
                    .clicked()
                {
                    commands.push(Command::Edit(BoardEdit::RemoveImage(card.id, viewer.index)));
                    close |= count == 1;
                }
                close |= ui.button(tr!("card-close")).clicked();
            });
            if let Some(caption) = caption {
                commands.push(Command::Edit(BoardEdit::SetImageCaption(
                    card.id,
                    viewer.index,
                    caption,
                )));
            }
        });
        ui.separator();
        picture_ui(ui, &mut viewer, image, thumbnails);
    });
    if !ctx.memory(|memory| memory.focused().is_some()) {
        keys_ui(ctx, &mut viewer, count);
    }
    view.viewer = (!close && !modal.should_close()).then_some(viewer);
}

fn zoom_buttons_ui(ui: &mut egui::Ui, viewer: &mut ImageViewer, image: &ImageRef) {
    let zoom = viewer.zoom.unwrap_or(viewer.fitted_zoom);
    // In a place as wide as the widest zoom, so that the buttons after it stay put.
    let widest = [format!("{:.0}%", MAX_ZOOM * 100.0)];
    text_slot_ui(ui, &widest, |ui| {
        ui.weak(format!("{:.0}%", zoom * 100.0)).on_hover_text(tr!(
            "viewer-pixels",
            width = image.width,
            height = image.height
        ));
    });
    if ui.button("-").on_hover_text(tr!("viewer-zoom-out-hover")).clicked() {
        zoom_by(viewer, 1.0 / ZOOM_STEP, None);
    }
    if ui.button("+").on_hover_text(tr!("viewer-zoom-in-hover")).clicked() {
        zoom_by(viewer, ZOOM_STEP, None);
    }
    if ui
        .button(tr!("viewer-fit"))
        .on_hover_text(tr!("viewer-fit-hover"))
        .clicked()
    {
        *viewer = ImageViewer::new(viewer.card, viewer.index);
    }
}

fn picture_ui(ui: &mut egui::Ui, viewer: &mut ImageViewer, image: &ImageRef, thumbnails: &mut dyn Thumbnails) {
    let (area, response) = ui.allocate_exact_size(ui.available_size(), egui::Sense::click_and_drag());
    let natural = egui::vec2(image.width.max(1) as f32, image.height.max(1) as f32);
    // A small screenshot is shown at 100%, not blown up and blurred.
    viewer.fitted_zoom = (area.width() / natural.x).min(area.height() / natural.y).min(1.0);
    let zoom = viewer.zoom.unwrap_or(viewer.fitted_zoom);
    if response.hovered() {
        let (scroll, pinch) = ui.input(|input| (input.smooth_scroll_delta.y, input.zoom_delta()));
        let factor = (scroll / 500.0).exp() * pinch;
        if factor != 1.0 {
            zoom_by(
                viewer,
                factor,
                response.hover_pos().map(|pointer| pointer - area.center()),
            );
        }
    }
    if response.dragged() {
        viewer.zoom.get_or_insert(zoom);
        viewer.pan += response.drag_delta();
    }
    if response.double_clicked() {
        viewer.zoom = match viewer.zoom {
            Some(_) => None,
            None => Some(1.0),
        };
        viewer.pan = egui::Vec2::ZERO;
    }
    let zoom = viewer.zoom.unwrap_or(viewer.fitted_zoom);
    let rect = egui::Rect::from_center_size(area.center() + viewer.pan, natural * zoom);
    // Until the full-size picture is ready, the thumbnail stands in for it.
    let state = match thumbnails.full_size(image) {
        ThumbnailState::Loading => match thumbnails.thumbnail(image) {
            ready @ ThumbnailState::Ready(_) => ready,
            _ => ThumbnailState::Loading,
        },
        state => state,
    };
    let mut clipped = ui.new_child(egui::UiBuilder::new().max_rect(area));
    clipped.set_clip_rect(area.intersect(ui.clip_rect()));
    let shown = paint_picture(&clipped, rect, &state, &image.caption);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &shown));
    let cursor = if response.dragged() {
        egui::CursorIcon::Grabbing
    } else {
        egui::CursorIcon::Grab
    };
    response.on_hover_cursor(cursor);
}

/// Zooms by `factor`, keeping the point `anchor` (from the centre of the view) where it is.
fn zoom_by(viewer: &mut ImageViewer, factor: f32, anchor: Option<egui::Vec2>) {
    let zoom = viewer.zoom.unwrap_or(viewer.fitted_zoom);
    let new_zoom = (zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    let anchor = anchor.unwrap_or(egui::Vec2::ZERO);
    viewer.pan = anchor - (anchor - viewer.pan) * (new_zoom / zoom);
    viewer.zoom = Some(new_zoom);
}

fn keys_ui(ctx: &egui::Context, viewer: &mut ImageViewer, count: usize) {
    ctx.input(|input| {
        if input.key_pressed(egui::Key::ArrowLeft) && viewer.index > 0 {
            *viewer = ImageViewer::new(viewer.card, viewer.index - 1);
        }
        if input.key_pressed(egui::Key::ArrowRight) && viewer.index + 1 < count {
            *viewer = ImageViewer::new(viewer.card, viewer.index + 1);
        }
        if input.key_pressed(egui::Key::Plus) || input.key_pressed(egui::Key::Equals) {
            zoom_by(viewer, ZOOM_STEP, None);
        }
        if input.key_pressed(egui::Key::Minus) {
            zoom_by(viewer, 1.0 / ZOOM_STEP, None);
        }
        if input.key_pressed(egui::Key::Num0) {
            *viewer = ImageViewer::new(viewer.card, viewer.index);
        }
    });
}
