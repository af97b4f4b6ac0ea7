//! What checking media against their names costs: `cargo bench --bench media_check`.
//!
//! The 1,000-image synthetic board (1,000 cards, a 1920x1080 screenshot each): time from opening it
//! to the first frame with every thumbnail in view drawn. With an empty thumbnail disk cache every
//! image is read and decoded, and hashing what was read is part of that. With the cache filled, the
//! check is the only reading of the images: there the app's way (`ContentCheck::Verify`) and showing
//! kept thumbnails unread (`Trust`) take turns in the same run. Then the thumbnails alone, without the
//! window; the export of the whole board (which checks every image before writing and again while
//! copying); and the check pass alone.
//! Prints medians; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::path::Path;
use std::time::{Duration, Instant};

use boothboard::export::{ExportOptions, ExportScope, export_to_dir};
use boothboard::media::{ContentCheck, ThumbnailDiskCache, make_thumbnail, verify_media};
use boothboard::store;

#[path = "support/headless_window.rs"]
mod headless_window;
#[path = "support/screenshot.rs"]
mod screenshot;
#[path = "support/synthetic_board.rs"]
mod synthetic_board;
#[path = "support/timing.rs"]
mod timing;

use headless_window::Window;
use timing::{median, median_time};

const IMAGES: usize = 1_000;
const ROUNDS: usize = 7;
/// Thumbnails timed in a row from a filled disk cache: the cost per image without the window.
const CACHED_THUMBNAILS: usize = 50;
/// The app's thumbnail size.
const THUMBNAIL_MAX_SIDE: u32 = 512;

/// Opens the board and runs frames until the thumbnails in view have arrived; returns the time taken.
fn open_and_draw(path: &Path, home: &Path, check: ContentCheck) -> Duration {
    let started = Instant::now();
    let mut window = match check {
        ContentCheck::Verify => Window::open(path, home),
        ContentCheck::Trust => Window::open_checking(path, home, check),
    };
    for _ in 0..100_000 {
        window.frame();
        if window.app.textures_held() > 0 && !window.app.thumbnails_busy() && !window.ctx.has_requested_repaint() {
            return started.elapsed();
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("the thumbnails never arrived");
}

fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1000.0)
}

fn main() {
    let folder = tempfile::tempdir().unwrap();
    println!("Writing a board of {IMAGES} cards with a 1920x1080 screenshot each…");
    let (path, board) = synthetic_board::synthetic_board(folder.path(), IMAGES, IMAGES);
    let media = store::media_dir_for(&path);
    let media_bytes: u64 = std::fs::read_dir(&media)
        .unwrap()
        .map(|entry| entry.unwrap().metadata().unwrap().len())
        .sum();

    let checks = [ContentCheck::Verify, ContentCheck::Trust];
    // A first open, not measured, so every measured one finds the files in the page cache.
    open_and_draw(&path, &folder.path().join("warm-up"), ContentCheck::Verify);
    let mut cold = Vec::new();
    let mut warm: [Vec<Duration>; 2] = Default::default();
    for round in 0..ROUNDS {
        let home = tempfile::tempdir().unwrap();
        cold.push(open_and_draw(&path, home.path(), ContentCheck::Verify));
        // Taking turns, the order changing every round, so drift on a shared machine touches both alike.
        for turn in 0..2 {
            let which = (round + turn) % 2;
            warm[which].push(open_and_draw(&path, home.path(), checks[which]));
        }
        println!(
            "round {} of {ROUNDS}: empty cache {}; filled cache, check on {}, off {}",
            round + 1,
            ms(cold[round]),
            ms(warm[0][round]),
            ms(warm[1][round])
        );
    }

    let out = folder.path().join("export");
    let export = median_time(ROUNDS, || {
        let exported = export_to_dir(
            &board,
            &path,
            &ExportScope::Board,
            &ExportOptions::default(),
            &out,
            &mut |_| {},
        );
        assert_eq!(exported.unwrap().images, IMAGES);
    });
    let names: Vec<_> = board
        .cards()
        .flat_map(|card| &card.images)
        .map(|image| image.file.clone())
        .collect();
    let disk = ThumbnailDiskCache::new(folder.path().join("thumbnails"));
    let sample = &names[..CACHED_THUMBNAILS];
    for name in sample {
        make_thumbnail(&media, name, THUMBNAIL_MAX_SIDE, &disk, ContentCheck::Trust).unwrap();
    }
    let mut cached: [Vec<Duration>; 2] = Default::default();
    for round in 0..ROUNDS * 4 {
        for turn in 0..2 {
            let which = (round + turn) % 2;
            cached[which].push(median_time(1, || {
                for name in sample {
                    make_thumbnail(&media, name, THUMBNAIL_MAX_SIDE, &disk, checks[which]).unwrap();
                }
            }));
        }
    }
    let check_pass = median_time(ROUNDS, || {
        for name in &names {
            verify_media(&media, name).unwrap();
        }
    });

    println!();
    println!(
        "{IMAGES} images, {} MiB in the media folder; median of {ROUNDS} runs.",
        media_bytes >> 20
    );
    println!("| measured | content check on | content check off | cost |");
    println!("|---|---:|---:|---:|");
    println!(
        "| open to first draw, empty thumbnail cache (every image read, decoded and hashed) | {} | – | |",
        ms(median(cold))
    );
    let [on, off] = warm.map(median);
    println!(
        "| open to first draw, thumbnail cache filled | {} | {} | {:+.0} ms |",
        ms(on),
        ms(off),
        (on.as_secs_f64() - off.as_secs_f64()) * 1000.0
    );
    let [on, off] = cached.map(median);
    let per_thumbnail = |total: Duration| total.as_secs_f64() * 1000.0 / CACHED_THUMBNAILS as f64;
    println!(
        "| one thumbnail from the filled cache ({CACHED_THUMBNAILS} in a row) | {:.2} ms | {:.2} ms | {:+.2} ms |",
        per_thumbnail(on),
        per_thumbnail(off),
        per_thumbnail(on) - per_thumbnail(off)
    );
    println!(
        "| export of the whole board (checks every image, then copies) | {} | | |",
        ms(export)
    );
    println!(
        "| of which the check pass alone ({IMAGES} files hashed) | {} | | |",
        ms(check_pass)
    );
}
