//! Loading and saving a big board: `cargo bench --bench load_save`.
//!
//! Load: from the file to the first frame drawn (open and check the board, start the app, run and
//! tessellate one frame). Save: serialize, write a temporary file, fsync, rename, fsync the folder,
//! on the saver thread; the UI thread's part is only a copy of the board. Prints medians; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::hint::black_box;
use std::time::Duration;

use boothboard::store;

#[path = "support/headless_window.rs"]
mod headless_window;
#[path = "support/screenshot.rs"]
mod screenshot;
#[path = "support/synthetic_board.rs"]
mod synthetic_board;

#[path = "support/timing.rs"]
mod timing;

use timing::median_time;

const RUNS: usize = 21;

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

fn main() {
    println!("Medians of {RUNS} runs.");
    println!(
        "| cards | file size | load to first frame | of which parse and check | save (saver thread) | of which serialize | UI thread's part of a save |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for (cards, images) in [(1_000, 1_000), (5_000, 1_000)] {
        let folder = tempfile::tempdir().unwrap();
        let (path, mut board) = synthetic_board::synthetic_board(folder.path(), cards, images);
        let size = std::fs::metadata(&path).unwrap().len();
        let first_frame = median_time(RUNS, || {
            let home = tempfile::tempdir().unwrap();
            let mut window = headless_window::Window::open(&path, home.path());
            window.frame();
        });
        let parse = median_time(RUNS, || {
            black_box(store::load(&path).unwrap());
        });
        let serialize = median_time(RUNS, || {
            black_box(store::to_bytes(&board).unwrap());
        });
        let mut edit = 0;
        let save = median_time(RUNS, || {
            // A real change each time: an unchanged board is not written at all.
            edit += 1;
            board.title = format!("Synthetic board, edit {edit}");
            store::save(&path, &board).unwrap();
        });
        let snapshot = median_time(RUNS, || {
            black_box(board.clone());
        });
        println!(
            "| {cards} | {:.1} MB | {} | {} | {} | {} | {} |",
            size as f64 / 1e6,
            ms(first_frame),
            ms(parse),
            ms(save),
            ms(serialize),
            ms(snapshot),
        );
    }
}
