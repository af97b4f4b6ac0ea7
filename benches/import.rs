//! Drop 20 screenshots on the board and time it: drop to first and to last visible thumbnail,
//! and every UI frame while the images are taken in. The app's real UI code, headless (egui_kittest).
//!
//! Run: `cargo bench --bench import` (prints medians over a few runs; no assertions).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
#![allow(clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use boothboard::app::{BoothboardApp, Startup};
use boothboard::open::open_or_create;
use boothboard::store::AppHome;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use image::{ImageFormat, RgbImage};

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "support/photo.rs"]
mod photo;
#[path = "support/screenshot.rs"]
mod screenshot;

use photo::photo;
use screenshot::screenshot;

const IMAGES: usize = 20;
const RUNS: usize = 3;

fn write_set(dir: &Path, name: &str, format: ImageFormat, make: impl Fn(u32) -> RgbImage) -> Vec<PathBuf> {
    (0..IMAGES)
        .map(|index| {
            let path = dir.join(format!("{name}-{index:02}.{}", format.extensions_str()[0]));
            make(index as u32).save_with_format(&path, format).unwrap();
            path
        })
        .collect()
}

struct Run {
    first_visible: Duration,
    all_visible: Duration,
    /// Wall time of each frame: what a person sees, including waits for a core.
    frames: Vec<Duration>,
    /// CPU time the UI thread spent on each frame: the app's own work.
    frame_cpu: Vec<Duration>,
}

fn drop_and_measure(files: &[PathBuf]) -> Run {
    let home_dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(home_dir.path());
    let path = home.default_board_path();
    let board = open_or_create(&home, &path).unwrap();
    let startup = Startup::Opened(path, Box::new(board));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .build_eframe(move |cc| BoothboardApp::new(&cc.egui_ctx, home, startup).unwrap());
    // Let the sample board's own thumbnails load first.
    harness.run_steps(3);
    while harness.state().thumbnails_busy() {
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    let baseline = harness.state().textures_held();
    let column = harness.get_by_label("Rook").rect().center() + egui::vec2(0.0, 400.0);
    // The pointer arrives with the drop, as when a file manager ends its grab.
    harness.hover_at(column);
    for file in files {
        let file: egui::DroppedFileHandle = Arc::new(common::DroppedPath(file.clone()));
        harness.input_mut().dropped_files.push(file);
    }
    let dropped = Instant::now();
    let mut first_visible = None;
    let mut frames = Vec::new();
    let mut frame_cpu = Vec::new();
    loop {
        let frame = Instant::now();
        let cpu = cpu_time::ThreadTime::now();
        harness.step();
        frame_cpu.push(cpu.elapsed());
        frames.push(frame.elapsed());
        let state = harness.state();
        if first_visible.is_none() && state.textures_held() > baseline {
            first_visible = Some(dropped.elapsed());
        }
        if state.images_in_progress() == 0 && !state.thumbnails_busy() {
            break;
        }
        // A real window sleeps until a worker wakes it; polling every 2 ms is close to that.
        std::thread::sleep(Duration::from_millis(2));
    }
    let all_visible = dropped.elapsed();
    assert_eq!(harness.state().board().unwrap().card_count(), 6 + files.len());
    Run {
        first_visible: first_visible.unwrap_or(all_visible),
        all_visible,
        frames,
        frame_cpu,
    }
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    println!("Making {IMAGES} PNG screenshots (1920x1080) and {IMAGES} JPEG photos (4032x3024)…");
    let sets = [
        (
            "PNG 1920x1080",
            write_set(dir.path(), "screenshot", ImageFormat::Png, |seed| {
                screenshot(1920, 1080, seed)
            }),
        ),
        (
            "JPEG 4032x3024",
            write_set(dir.path(), "photo", ImageFormat::Jpeg, |seed| photo(4032, 3024, seed)),
        ),
    ];
    println!(
        "| {IMAGES} dropped at once | first thumbnail | all thumbnails | median frame | longest frame | frames > 16 ms \
         | UI thread CPU: median frame, longest frame |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (name, files) in &sets {
        let runs: Vec<Run> = (0..RUNS).map(|_| drop_and_measure(files)).collect();
        let longest: Vec<Duration> = runs.iter().map(|run| *run.frames.iter().max().unwrap()).collect();
        let slow: usize = runs
            .iter()
            .flat_map(|run| &run.frames)
            .filter(|frame| **frame > Duration::from_millis(16))
            .count();
        let frames: Vec<Duration> = runs.iter().flat_map(|run| run.frames.iter().copied()).collect();
        let total_frames = frames.len();
        let cpu: Vec<Duration> = runs.iter().flat_map(|run| run.frame_cpu.iter().copied()).collect();
        let longest_cpu = cpu.iter().max().copied().unwrap_or_default();
        println!(
            "| {name} | {} | {} | {} | {} (worst of {RUNS} runs: {}) | {slow} of {total_frames} | {}, {} |",
            ms(median(runs.iter().map(|run| run.first_visible).collect())),
            ms(median(runs.iter().map(|run| run.all_visible).collect())),
            ms(median(frames)),
            ms(median(longest.clone())),
            ms(*longest.iter().max().unwrap()),
            ms(median(cpu)),
            ms(longest_cpu),
        );
    }
}
