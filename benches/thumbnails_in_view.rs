//! After a jump to the end of a large board, how long until the cards in view show their
//! thumbnails: `cargo bench --bench thumbnails_in_view`.
//!
//! The 1,000-image synthetic board (different 1920x1080 screenshots) in the app's real UI, headless,
//! with no thumbnail kept on disk yet: a few frames at the top, then every column scrolled to its
//! last card, two frames each, as a fast scroll does. Measured from the last jump until no card in
//! view is still loading, and until all thumbnail work is done. Median of the runs; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::time::{Duration, Instant};

#[path = "support/headless_window.rs"]
mod headless_window;
#[path = "support/screenshot.rs"]
mod screenshot;
#[path = "support/synthetic_board.rs"]
mod synthetic_board;

use headless_window::Window;

const RUNS: usize = 7;

struct Run {
    in_view: Duration,
    all_done: Duration,
}

fn run(path: &std::path::Path) -> Run {
    let home = tempfile::tempdir().unwrap();
    let mut window = Window::open(path, home.path());
    for _ in 0..3 {
        window.frame();
    }
    let last_cards: Vec<_> = window
        .app
        .board()
        .unwrap()
        .columns
        .iter()
        .filter_map(|column| column.cards.last().map(|card| card.id))
        .collect();
    for card in last_cards {
        window.app.view_mut().select_and_reveal(Some(card));
        window.frame();
        window.frame();
    }
    let jumped = Instant::now();
    let mut in_view = None;
    loop {
        window.frame();
        if in_view.is_none() && window.app.thumbnails_loading_in_view() == 0 {
            // The frame just drawn asked for nothing still loading: the cards in view show theirs.
            window.frame();
            if window.app.thumbnails_loading_in_view() == 0 {
                in_view = Some(jumped.elapsed());
            }
        }
        if in_view.is_some() && !window.app.thumbnails_busy() {
            break;
        }
        assert!(jumped.elapsed() < Duration::from_secs(300), "thumbnails never arrived");
        std::thread::sleep(Duration::from_millis(2));
    }
    Run {
        in_view: in_view.unwrap_or_default(),
        all_done: jumped.elapsed(),
    }
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn main() {
    let boards = tempfile::tempdir().unwrap();
    println!("Making a board of 1,000 cards with 1,000 screenshots (1920x1080)…");
    let (path, _) = synthetic_board::synthetic_board(boards.path(), 1_000, 1_000);
    let runs: Vec<Run> = (0..RUNS).map(|_| run(&path)).collect();
    let in_view = median(runs.iter().map(|run| run.in_view).collect());
    let all_done = median(runs.iter().map(|run| run.all_done).collect());
    println!("| after a jump to the end of the 1,000-image board (median of {RUNS}) | time |");
    println!("|---|---:|");
    println!(
        "| until the cards in view show their thumbnails | {:.0} ms |",
        in_view.as_secs_f64() * 1000.0
    );
    println!(
        "| until all thumbnail work asked for is done | {:.0} ms |",
        all_done.as_secs_f64() * 1000.0
    );
}
