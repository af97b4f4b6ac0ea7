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

const MEASURED_FRAMES: usize = 600;
const ROUNDS: usize = 20;
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

/// A board under test, set up and scrolled, with its frame times so far.
struct Subject {
    cards: usize,
    images: usize,
    window: Window,
    cpu: Vec<Duration>,
    wall: Vec<Duration>,
    primitives: usize,
    _folder: tempfile::TempDir,
}

impl Subject {
    fn new(cards: usize, images: usize) -> Self {
        let folder = tempfile::tempdir().unwrap();
        let mut window = Window::open(cards, images, folder.path());
        window.settle();
        window.scroll_to_middle();
        Self {
            cards,
            images,
            window,
            cpu: Vec::new(),
            wall: Vec::new(),
            primitives: 0,
            _folder: folder,
        }
    }

    fn measure(&mut self, frames: usize) {
        for _ in 0..frames {
            let started = std::time::Instant::now();
            let thread_time = cpu_time::ThreadTime::now();
            self.primitives = self.window.frame();
            self.cpu.push(thread_time.elapsed());
            self.wall.push(started.elapsed());
        }
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
    let mut subjects: Vec<Subject> = [0, 1_000]
        .into_iter()
        .flat_map(|images| [20, 1_000, 5_000].map(|cards| (cards, images.min(cards))))
        .map(|(cards, images)| Subject::new(cards, images))
        .collect();
    // Round robin, so drift on a shared machine touches every board alike.
    for _ in 0..ROUNDS {
        for subject in &mut subjects {
            subject.measure(MEASURED_FRAMES / ROUNDS);
        }
    }
    println!("| cards | images | CPU per frame | ratio to 20 cards | wall per frame | primitives |");
    println!("|---:|---:|---:|---:|---:|---:|");
    let mut baseline = Duration::ZERO;
    for subject in subjects {
        let cpu = median(subject.cpu);
        if subject.cards == 20 {
            baseline = cpu;
        }
        println!(
            "| {} | {} | {} | {:.2} | {} | {} |",
            subject.cards,
            subject.images,
            ms(cpu),
            cpu.as_secs_f64() / baseline.as_secs_f64(),
            ms(median(subject.wall)),
            subject.primitives,
        );
    }
}
