//! For the window benchmark: with `BOOTHBOARD_FRAME_PROBE` set, each frame prints `frame N` on
//! stdout, so start-up (to the second frame, when the first one is on screen) and frames at rest
//! can be counted from outside. Without it the app is passed through untouched.

/// The environment variable that turns the probe on.
pub const FRAME_PROBE_VAR: &str = "BOOTHBOARD_FRAME_PROBE";

/// Wraps an app; see the module's documentation.
#[derive(Debug)]
pub struct FrameProbe<App> {
    app: App,
    frames: u64,
}

/// `app`, wrapped in a probe if the environment asks for one.
pub fn with_frame_probe<App: eframe::App + 'static>(app: App) -> Box<dyn eframe::App> {
    if std::env::var_os(FRAME_PROBE_VAR).is_some() {
        Box::new(FrameProbe { app, frames: 0 })
    } else {
        Box::new(app)
    }
}

impl<App: eframe::App> eframe::App for FrameProbe<App> {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames += 1;
        println!("frame {}", self.frames);
        self.app.ui(ui, frame);
        if self.frames == 1 {
            // The second frame starts once the first has been painted: that is when the window shows.
            ui.ctx().request_repaint();
        }
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.app.raw_input_hook(ctx, raw_input);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        self.app.clear_color(visuals)
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        self.app.on_exit(gl);
    }
}
