//! Merging two copies of a 5,000-card board with 500 different edits on each side, and the size of a
//! version 3 file against version 1 for the same cards: `cargo bench --bench merge`.
//! Prints medians; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::hint::black_box;

use std::time::{Duration, Instant};

use boothboard::app::OpenBoard;
use boothboard::model::{Board, BoardEdit, CardId, DeviceId, merge};
use boothboard::store::{self, Fingerprint, OutsideVersion};
use serde_json::Value;

#[path = "support/screenshot.rs"]
mod screenshot;
#[path = "support/synthetic_board.rs"]
mod synthetic_board;
#[path = "support/timing.rs"]
mod timing;

const CARDS: usize = 5_000;
const EDITS: usize = 500;
const RUNS: usize = 21;

/// 500 edits of one side: summaries, notes (some on cards the other side edits too), moves, ticks.
fn edit(board: &mut Board, side: usize) {
    let cards: Vec<CardId> = board.cards().map(|card| card.id).collect();
    let columns: Vec<_> = board.columns.iter().map(|column| column.id).collect();
    let theme = board.themes[0].id;
    for n in 0..EDITS {
        // Each side edits its own cards, and every tenth edit a card both edit.
        let pick = if n % 10 == 0 { n * 3 } else { n * 7 + side * 2_500 };
        let card = cards[pick % cards.len()];
        let edit = match n % 4 {
            0 => {
                let notes = board.card(card).unwrap().notes.clone();
                BoardEdit::SetCardNotes(card, format!("{notes}\nSide {side}, edit {n}."))
            }
            1 => BoardEdit::SetCardSummary(card, format!("Side {side}, edit {n}")),
            2 => BoardEdit::MoveCard(card, columns[(n + side) % columns.len()], n % 5),
            _ => BoardEdit::SetCardTheme(card, theme, side == 0),
        };
        board.apply(edit).unwrap();
    }
}

/// The bytes the same board takes in version 1: no keys, stamps, card version vectors or
/// tombstones, and ids as numbers.
fn version_1_size(board: &Board) -> usize {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for field in ["order", "changed", "seen", "title_changed", "deleted", "names"] {
                    map.remove(field);
                }
                if let Some(Value::String(id)) = map.get("id") {
                    let number = u64::from_str_radix(id, 16).unwrap();
                    map.insert("id".into(), Value::from(number));
                }
                if let Some(Value::Array(themes)) = map.get_mut("themes") {
                    for theme in themes.iter_mut() {
                        if let Value::String(id) = theme {
                            *theme = Value::from(u64::from_str_radix(id, 16).unwrap());
                        }
                    }
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value: Value = serde_json::from_slice(&store::to_bytes(board).unwrap()).unwrap();
    strip(&mut value);
    value["version"] = Value::from(1);
    serde_json::to_vec_pretty(&value).unwrap().len() + 1
}

fn main() {
    let folder = tempfile::tempdir().unwrap();
    let (_, mut common) = synthetic_board::synthetic_board(folder.path(), CARDS, 0);
    common.adopt_device(DeviceId(100));
    let mut ours = common.clone();
    ours.adopt_device(DeviceId(1));
    edit(&mut ours, 0);
    let mut theirs = common.clone();
    theirs.adopt_device(DeviceId(2));
    edit(&mut theirs, 1);

    let (merged, report) = merge(&ours, &theirs);
    let took = timing::median_time(RUNS, || {
        black_box(merge(black_box(&ours), black_box(&theirs)));
    });
    println!(
        "merge of two {CARDS}-card boards, {EDITS} edits a side: median of {RUNS} runs {:.1} ms \
         ({} cards after, {} need a look)",
        took.as_secs_f64() * 1000.0,
        merged.card_count(),
        report.notes_to_check.len()
    );
    // The same in the window, on the UI thread: another program's save merged into the open board
    // with its unsaved edits, the board compared and the undo steps the merge touched dropped.
    let path = folder.path().join("open.json");
    let samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let mut open = OpenBoard::new(path.clone(), ours.clone());
            open.want_outside_check();
            let expected = open.start_outside_check().unwrap();
            let found = OutsideVersion::Changed(Box::new(theirs.clone()), Fingerprint::of(b"theirs"));
            let started = Instant::now();
            black_box(open.finish_outside_check(expected, found, Instant::now()));
            started.elapsed()
        })
        .collect();
    println!(
        "another program's save merged into the open {CARDS}-card board: median of {RUNS} runs {:.1} ms",
        timing::median(samples).as_secs_f64() * 1000.0
    );

    let newest = store::to_bytes(&ours).unwrap().len();
    let version_1 = version_1_size(&ours);
    println!(
        "size of the {CARDS}-card board: version {} {:.2} MB, version 1 {:.2} MB, ratio {:.2}",
        store::VERSION,
        newest as f64 / 1e6,
        version_1 as f64 / 1e6,
        newest as f64 / version_1 as f64
    );
}
