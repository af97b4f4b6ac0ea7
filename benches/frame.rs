//! What one frame of the board costs, and whether it grows with the board: `cargo bench --bench frame`.
//!
//! The app's real UI code on a bare `egui::Context` (`run_ui` plus tessellation, as egui's own
//! benchmark does), 1280x800 points, every column scrolled to its middle, the editor open on one card.
//! Prints the median CPU time of a frame per board size and its ratio to the 20-card board; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::Duration;

use boothboard::app::{BoothboardApp, Startup};
use boothboard::open::open_or_create;
use boothboard::store::AppHome;

#[path = "support/screenshot.rs"]
mod screenshot;
#[path = "support/synthetic_board.rs"]
mod synthetic_board;

const MEASURED_FRAMES: usize = 300;
const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// A window's worth of egui, driven frame by frame.
struct Window {
    ctx: egui::Context,
    app: BoothboardApp,
    time: f64,
}

impl Window {
    fn open(cards: usize, images: usize, folder: &std::path::Path) -> Self {
        let (path, _) = synthetic_board::synthetic_board(folder, cards, images);
        let home = AppHome::at(folder.join("home"));
        let board = open_or_create(&home, &path).unwrap();
        let ctx = egui::Context::default();
        let app = BoothboardApp::new(&ctx, home, Startup::Opened(path, Box::new(board))).unwrap();
        Self { ctx, app, time: 0.0 }
    }

    /// Runs one frame and tessellates it, as a renderer would; returns the number of primitives.
    fn frame(&mut self) -> usize {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            ..Default::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.window_ui(ui));
        self.ctx.tessellate(output.shapes, output.pixels_per_point).len()
    }

    /// Frames until the thumbnails in view have arrived.
    fn settle(&mut self) {
        for _ in 0..3_000 {
            self.frame();
            if !self.app.thumbnails_busy() && !self.ctx.has_requested_repaint() {
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Scrolls every column to its middle card, then opens the editor on the middle card of column 4,
    /// which leaves the middle columns in view.
    fn scroll_to_middle(&mut self) {
        let board = self.app.board().unwrap().clone();
        let middle_cards: Vec<_> = board
            .columns
            .iter()
            .filter_map(|column| column.cards.get(column.cards.len() / 2).map(|card| card.id))
            .collect();
        let last = middle_cards.get(3).or(middle_cards.last()).copied();
        for card in middle_cards.into_iter().chain(last) {
            self.app.view_mut().select_and_reveal(Some(card));
            for _ in 0..30 {
                self.frame();
            }
        }
        if let Some(card) = last {
            self.app.view_mut().open_editor(card);
        }
        self.settle();
    }
}

struct Measured {
    cpu: Duration,
    wall: Duration,
    primitives: usize,
}

fn measure(cards: usize, images: usize) -> Measured {
    let folder = tempfile::tempdir().unwrap();
    let mut window = Window::open(cards, images, folder.path());
    window.settle();
    window.scroll_to_middle();
    for _ in 0..30 {
        window.frame();
    }
    let mut cpu = Vec::with_capacity(MEASURED_FRAMES);
    let mut wall = Vec::with_capacity(MEASURED_FRAMES);
    let mut primitives = 0;
    for _ in 0..MEASURED_FRAMES {
        let started = std::time::Instant::now();
        let thread_time = cpu_time::ThreadTime::now();
        primitives = window.frame();
        cpu.push(thread_time.elapsed());
        wall.push(started.elapsed());
    }
    Measured {
        cpu: median(cpu),
        wall: median(wall),
        primitives,
    }
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1000.0)
}

fn main() {
    println!(
        "Median of {MEASURED_FRAMES} frames, {}x{} points, scrolled to the middle, editor open.",
        SCREEN.x, SCREEN.y
    );
    println!("| cards | images | CPU per frame | ratio to 20 cards | wall per frame | primitives |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for images_per_board in [0, 1_000] {
        let mut baseline = None;
        for cards in [20, 1_000, 5_000] {
            let images = images_per_board.min(cards);
            let measured = measure(cards, images);
            let base = *baseline.get_or_insert(measured.cpu);
            println!(
                "| {cards} | {images} | {} | {:.2} | {} | {} |",
                ms(measured.cpu),
                measured.cpu.as_secs_f64() / base.as_secs_f64(),
                ms(measured.wall),
                measured.primitives,
            );
        }
    }
}
