//! What undo history and search cost on a big board: `cargo bench --bench history`.
//!
//! Prints medians. Recording a step clones one card (or column, theme, title), never the board, so
//! its cost should not grow with the board; a keystroke that joins a typing burst clones nothing.
#![allow(clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use boothboard::model::{Board, BoardEdit, CardId, History, Link, Search};

const CARDS: usize = 1_000;
const NOTES_BYTES: usize = 2_000;

fn big_board() -> Board {
    let mut board = Board::new("Bench");
    let columns: Vec<_> = (0..10).map(|n| board.add_column(format!("Column {n}"))).collect();
    let paragraph = "Runs on Kubernetes as a StatefulSet with one persistent volume per node; seeds need care. ";
    for n in 0..CARDS {
        let id = board
            .add_card(columns[n % columns.len()], format!("Project {n}"))
            .unwrap_or_default();
        if let Ok(card) = board.card_mut(id) {
            card.summary = format!("A one-line summary of project {n}");
            card.notes = paragraph.repeat(NOTES_BYTES / paragraph.len());
            card.links = vec![Link {
                label: "Repository".into(),
                url: format!("https://github.com/example/project-{n}"),
            }];
        }
    }
    board
}

/// The median time of one run of `f`, timing batches of `batch` runs.
fn median(batch: u32, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..51)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed() / batch
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn show(what: &str, time: Duration) {
    println!("{what:<62} {:>10.2} µs", time.as_secs_f64() * 1e6);
}

fn main() {
    let board = big_board();
    let card = CardId(500);
    let notes = board.card(card).map(|card| card.notes.clone()).unwrap_or_default();
    println!("board: {CARDS} cards with {NOTES_BYTES}-byte notes, medians");

    let mut plain = board.clone();
    let apply_only = median(1_000, || {
        let _ = plain.apply(BoardEdit::SetCardNotes(card, black_box(notes.clone())));
    });
    show("apply a keystroke, no history", apply_only);

    let mut edited = board.clone();
    let mut history = History::default();
    let start = Instant::now();
    let burst = median(1_000, || {
        let _ = history.apply(
            &mut edited,
            BoardEdit::SetCardNotes(card, black_box(notes.clone())),
            start,
        );
    });
    show("apply a keystroke that joins a typing burst", burst);

    let mut history = History::default();
    let mut at = start;
    let new_step = median(1_000, || {
        at += Duration::from_secs(2);
        let _ = history.apply(&mut edited, BoardEdit::SetCardNotes(card, black_box(notes.clone())), at);
    });
    show("apply a keystroke that starts a new step (clones one card)", new_step);
    println!(
        "{:<62} {:>10} steps, {:.1} MiB",
        "history after all that",
        history.len(),
        history.bytes() as f64 / (1024.0 * 1024.0)
    );

    let undo_redo = median(1_000, || {
        let _ = history.undo(&mut edited);
        let _ = history.redo(&mut edited);
    });
    show("undo + redo of that step", undo_redo);

    let mut deleted = board.clone();
    let mut history = History::default();
    let delete_undo = median(100, || {
        let _ = history.apply(&mut deleted, BoardEdit::DeleteCard(card), start);
        let _ = history.undo(&mut deleted);
    });
    show("delete a card + undo", delete_undo);

    let whole_board = median(10, || drop(black_box(board.clone())));
    show("for comparison: clone the whole board", whole_board);
    println!(
        "ratio whole-board clone / new step: {:.0}×",
        whole_board.as_secs_f64() / new_step.as_secs_f64()
    );

    for query in ["statefulset", "project 999", "展台"] {
        let search = Search::new(query);
        let count = median(5, || {
            let hits = search
                .as_ref()
                .map_or(0, |search| board.cards().filter(|card| search.matches(card)).count());
            black_box(hits);
        });
        show(
            &format!("search all cards for {query:?} (once per query or edit)"),
            count,
        );
    }
}
