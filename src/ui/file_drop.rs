//! Files dragged in from the file manager: a hint while they hover, a target where they land.

use std::path::PathBuf;

use crate::command::{Command, ImageSource, ImageTarget};
use crate::tr;

/// How long a drop waits for a fresh pointer position before it goes by the last one known.
const POINTER_WAIT_SECONDS: f64 = 0.5;

/// Where files dropped in this frame would go, decided while the board is drawn.
#[derive(Debug, Default)]
pub struct FileDrop {
    files: Vec<PathBuf>,
    pointer: Option<egui::Pos2>,
    target: Option<ImageTarget>,
}

/// What is known about a drag of files between frames.
///
/// On X11 the file manager grabs the pointer while files hover, so the window sees no motion, and the
/// position egui has may be from before the grab. The grab's end moves the pointer here: before the
/// drop arrives (GTK) or just after it (other toolkits). So a drop is placed only by a pointer that
/// moved during the hover (after its first frame) or since the drop, or after a short wait.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileDrag {
    hovering: bool,
    pointer_fresh: bool,
    waiting: Option<(Vec<PathBuf>, f64)>,
}

impl FileDrop {
    /// The files dropped in this frame (or waiting from an earlier one), once where they go can be told.
    pub fn this_frame(ctx: &egui::Context, drag: &mut FileDrag) -> Self {
        let (dropped, hovering, moved, pointer, now) = ctx.input(|input| {
            let dropped: Vec<PathBuf> = input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .collect();
            let moved = input
                .events
                .iter()
                .any(|event| matches!(event, egui::Event::PointerMoved(_)));
            let hovering = !input.raw.hovered_files.is_empty();
            (dropped, hovering, moved, input.pointer.latest_pos(), input.time)
        });
        if hovering {
            // A move in the first frame of the hover may be the pointer on its way in, before the grab.
            drag.pointer_fresh = drag.hovering && (drag.pointer_fresh || moved);
        }
        drag.hovering = hovering;
        let (mut files, dropped_at) = drag.waiting.take().unwrap_or((Vec::new(), now));
        files.extend(dropped);
        if files.is_empty() {
            return Self::default();
        }
        if !(moved || drag.pointer_fresh) && now - dropped_at < POINTER_WAIT_SECONDS {
            drag.waiting = Some((files, dropped_at));
            ctx.request_repaint_after(std::time::Duration::from_millis(20));
            return Self::default();
        }
        drag.pointer_fresh = false;
        Self {
            files,
            pointer,
            target: None,
        }
    }

    /// Offers a place on screen; the first one under the pointer wins, so cards offer before their column.
    pub fn offer(&mut self, ui: &egui::Ui, rect: egui::Rect, target: ImageTarget) {
        let visible = rect.intersect(ui.clip_rect());
        if self.target.is_none() && self.pointer.is_some_and(|pointer| visible.contains(pointer)) {
            self.target = Some(target);
        }
    }

    /// The command for this frame's drop: to the target under the pointer, else new cards in the first column.
    pub fn into_command(self) -> Option<Command> {
        if self.files.is_empty() {
            return None;
        }
        let target = self.target.unwrap_or(ImageTarget::FirstColumn);
        Some(Command::AddImages(ImageSource::Files(self.files), target))
    }
}

/// While files hover over the window, covers it with a hint that a drop is possible and what it does.
pub fn file_hover_ui(ctx: &egui::Context) {
    let count = ctx.input(|input| input.raw.hovered_files.len());
    if count == 0 {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("file_hover"),
    ));
    let visuals = ctx.global_style().visuals.clone();
    painter.rect_filled(screen, 0.0, visuals.extreme_bg_color.gamma_multiply(0.85));
    painter.rect_stroke(
        screen.shrink(12.0),
        12.0,
        egui::Stroke::new(3.0, visuals.selection.stroke.color),
        egui::StrokeKind::Inside,
    );
    let hint = if count == 1 {
        tr!("drop-one-image")
    } else {
        tr!("drop-images", count = count)
    };
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        hint,
        egui::FontId::proportional(22.0),
        visuals.strong_text_color(),
    );
}

/// An image pasted with Ctrl+V in this frame (egui sends it when the clipboard holds an image and no text).
pub fn pasted_image(ctx: &egui::Context) -> Option<std::sync::Arc<egui::ColorImage>> {
    ctx.input(|input| {
        input.events.iter().find_map(|event| match event {
            egui::Event::PasteImage(image) => Some(std::sync::Arc::clone(image)),
            _ => None,
        })
    })
}
