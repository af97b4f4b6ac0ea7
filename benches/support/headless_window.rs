//! The app's whole window on a bare `egui::Context`, driven frame by frame as eframe would, headless.

use std::path::Path;

use boothboard::app::{BoothboardApp, Startup};
use boothboard::media::ContentCheck;
use boothboard::open::open_or_create;
use boothboard::store::AppHome;

/// The app's default window size, in points.
pub const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// A window's worth of egui, driven frame by frame.
pub struct Window {
    pub ctx: egui::Context,
    pub app: BoothboardApp,
    time: f64,
}

impl Window {
    /// Opens the board at `path` as the app does at start, with its home in `home`.
    pub fn open(path: &Path, home: &Path) -> Self {
        Self::open_checking(path, home, ContentCheck::Verify)
    }

    /// [`Self::open`], checking media against their names as `content_check` says.
    pub fn open_checking(path: &Path, home: &Path, content_check: ContentCheck) -> Self {
        let home = AppHome::at(home);
        let board = open_or_create(&home, path).unwrap();
        let ctx = egui::Context::default();
        let startup = Startup::Opened(path.to_owned(), Box::new(board));
        let app = BoothboardApp::with_content_check(&ctx, home, startup, content_check).unwrap();
        Self { ctx, app, time: 0.0 }
    }

    /// Runs one frame and tessellates it, as a renderer would; returns the number of primitives.
    pub fn frame(&mut self) -> usize {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            ..Default::default()
        };
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.window_ui(ui));
        // No renderer takes the texture uploads; a debug build checks that someone did.
        output.textures_delta.clear();
        self.ctx.tessellate(output.shapes, output.pixels_per_point).len()
    }
}
