//! The screenshot inbox, timed: from a 1920x1080 PNG being fully written into the watched folder
//! to its card with its thumbnail on the board (the app's real code, headless, 20 screenshots),
//! and the CPU `boothboard watch` uses while it watches an idle folder for a minute.
//!
//! Run: `cargo bench --bench inbox` (prints medians; no assertions). `-- latency` or `-- idle`
//! runs only that part.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
#![allow(clippy::indexing_slicing)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use boothboard::app::{BoothboardApp, Startup};
use boothboard::command::Command as AppCommand;
use boothboard::open::open_or_create;
use boothboard::store::{AppHome, HOME_ENV};
use egui_kittest::Harness;
use image::ImageFormat;

#[path = "support/screenshot.rs"]
mod screenshot;

use screenshot::screenshot;

const SCREENSHOTS: usize = 20;
const IDLE: Duration = Duration::from_secs(60);

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1000.0)
}

fn inbox_cards(harness: &Harness<'_, BoothboardApp>) -> usize {
    let board = harness.state().board().unwrap();
    board.column_by_name("Inbox").map_or(0, |column| column.cards.len())
}

/// Each screenshot is encoded beside the folder, then written into it in one go (as a screenshot
/// tool saves); the clock starts when the file is closed.
fn latency() {
    let dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(dir.path().join("home"));
    let path = home.default_board_path();
    let board = open_or_create(&home, &path).unwrap();
    let shots = dir.path().join("Screenshots");
    std::fs::create_dir(&shots).unwrap();
    let startup = Startup::Opened(path, Box::new(board));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .build_eframe(move |cc| BoothboardApp::new(&cc.egui_ctx, home, startup).unwrap());
    harness.state_mut().queue_command(AppCommand::WatchInbox {
        folder: shots.clone(),
        attach_to_selected: false,
    });
    harness.run_steps(3);
    while harness.state().thumbnails_busy() {
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    // Let the watch start and the file times pass its start.
    std::thread::sleep(Duration::from_millis(1500));
    let mut times = Vec::new();
    for index in 0..SCREENSHOTS {
        let encoded = dir.path().join("encoded.png");
        screenshot(1920, 1080, index as u32)
            .save_with_format(&encoded, ImageFormat::Png)
            .unwrap();
        let bytes = std::fs::read(&encoded).unwrap();
        let textures = harness.state().textures_held();
        std::fs::write(shots.join(format!("Screenshot {index:02}.png")), &bytes).unwrap();
        let written = Instant::now();
        loop {
            harness.step();
            let state = harness.state();
            let placed = inbox_cards(&harness) == index + 1;
            if placed && state.images_in_progress() == 0 && state.textures_held() > textures {
                break;
            }
            assert!(
                written.elapsed() < Duration::from_secs(60),
                "screenshot {index} never arrived"
            );
            // A real window sleeps until the inbox or a worker wakes it; polling every 2 ms is close to that.
            std::thread::sleep(Duration::from_millis(2));
        }
        times.push(written.elapsed());
        // The next screenshot comes later, as at a booth.
        std::thread::sleep(Duration::from_millis(300));
    }
    println!(
        "| 1920x1080 PNG written to its card with thumbnail ({SCREENSHOTS} screenshots) | median {} | fastest {} | slowest {} |",
        ms(median(times.clone())),
        ms(*times.iter().min().unwrap()),
        ms(*times.iter().max().unwrap()),
    );
}

/// Clock ticks of CPU (user and system) a process has used, from /proc.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // After the command name (in parentheses) come the state, then 10 more fields, then utime and stime.
    let (_, after_name) = stat.rsplit_once(')').unwrap();
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

fn idle(binary: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("board.json");
    let shots = dir.path().join("Screenshots");
    std::fs::create_dir(&shots).unwrap();
    // An old folder: a thousand screenshots from before cost nothing at start.
    let old = dir.path().join("old.png");
    screenshot(320, 180, 1)
        .save_with_format(&old, ImageFormat::Png)
        .unwrap();
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for index in 0..1000 {
        let copy = shots.join(format!("Screenshot old {index:04}.png"));
        std::fs::copy(&old, &copy).unwrap();
        std::fs::File::options()
            .write(true)
            .open(copy)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
    }
    let created = Command::new(binary)
        .args(["new", board.to_str().unwrap(), "--sample"])
        .env(HOME_ENV, dir.path())
        .output()
        .unwrap();
    assert!(created.status.success());
    let mut watch = Command::new(binary)
        .args(["watch", board.to_str().unwrap(), shots.to_str().unwrap()])
        .env(HOME_ENV, dir.path())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let start_ticks = cpu_ticks(watch.id());
    let started = Instant::now();
    std::thread::sleep(IDLE);
    let ticks = cpu_ticks(watch.id()) - start_ticks;
    let elapsed = started.elapsed();
    watch.kill().unwrap();
    watch.wait().unwrap();
    // Linux counts CPU time in ticks of 10 ms.
    let cpu = Duration::from_millis(ticks * 10);
    println!(
        "| boothboard watch, idle folder of 1,000 old screenshots, {} s | CPU {} ({:.3} % of a core) | start-up to watching (with the baseline): CPU {} |",
        elapsed.as_secs(),
        ms(cpu),
        cpu.as_secs_f64() / elapsed.as_secs_f64() * 100.0,
        ms(Duration::from_millis(start_ticks * 10)),
    );
}

fn main() {
    let only: Option<String> = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
    let binary = Path::new(env!("CARGO_BIN_EXE_boothboard"));
    if only.as_deref().is_none_or(|only| only == "latency") {
        latency();
    }
    if only.as_deref().is_none_or(|only| only == "idle") {
        idle(binary);
    }
}
