//! How long a Markdown export takes: `cargo bench --bench export`. Prints medians; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::indexing_slicing)]

use std::path::Path;

use boothboard::export::{ExportOptions, ExportScope, board_markdown, export_to_dir};
use boothboard::media::store_image_bytes;
use boothboard::model::{Board, Link};
use boothboard::store;

#[path = "support/timing.rs"]
mod timing;

use timing::median_time;

const RUNS: usize = 15;

/// A board of `cards` cards in 10 columns, with notes, links and two themes; every tenth card
/// shows one of `images` distinct images.
fn big_board(path: &Path, cards: usize, images: usize) -> Board {
    let mut board = Board::new("Benchmark board");
    let developer = board.add_theme("Developer story", "Has it got better?");
    board.add_theme("Database story", "Which databases?");
    let columns: Vec<_> = (1..10).map(|n| board.add_column(format!("Column {n}"))).collect();
    let columns: Vec<_> = [board.columns[0].id].into_iter().chain(columns).collect();
    let media = store::media_dir_for(path);
    let png = include_bytes!("../assets/images/gloo-architecture.png");
    let stored: Vec<_> = (0..images)
        .map(|n| {
            // A different last byte gives a different content hash; PNG decoders ignore trailing data.
            let mut bytes = png.to_vec();
            bytes.extend_from_slice(&(n as u64).to_le_bytes());
            store_image_bytes(&media, &bytes, &format!("Diagram {n}")).unwrap()
        })
        .collect();
    for n in 0..cards {
        let id = board
            .add_card(columns[n % columns.len()], format!("Project {n} <v{n}> *beta*"))
            .unwrap();
        if n % 2 == 0 {
            board.set_card_theme(id, developer, true).unwrap();
        }
        let card = board.card_mut(id).unwrap();
        card.summary = format!("What project {n} does, in one line: fast, small & [simple].");
        card.links = vec![Link {
            label: "Repository".to_owned(),
            url: format!("https://github.com/example/project-{n}"),
        }];
        card.notes = "Seen at the booth.\n\n- one\n- two\n\n```yaml\nkind: Deployment\n```\n".repeat(3);
        if n % 10 == 0 && !stored.is_empty() {
            card.images.push(stored[n / 10 % stored.len()].clone());
        }
    }
    store::save(path, &board).unwrap();
    board
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    println!("export benchmark, median of {RUNS} runs");
    for (cards, images) in [(6, 2), (1_000, 20), (5_000, 100)] {
        let path = dir.path().join(format!("board-{cards}.json"));
        let board = big_board(&path, cards, images);
        let out = dir.path().join(format!("out-{cards}"));
        let clone = median_time(RUNS, || drop(std::hint::black_box(board.clone())));
        let markdown = median_time(RUNS, || {
            drop(board_markdown(&board, &ExportScope::Board, "board.media", &ExportOptions::default()).unwrap());
        });
        let export = median_time(RUNS, || {
            drop(
                export_to_dir(
                    &board,
                    &path,
                    &ExportScope::Board,
                    &ExportOptions::default(),
                    &out,
                    &mut |_| {},
                )
                .unwrap(),
            );
        });
        let bytes = std::fs::metadata(out.join(format!("board-{cards}.md"))).unwrap().len();
        println!(
            "{cards:>5} cards, {images:>3} images: board clone (UI thread) {clone:>10.2?}, Markdown {markdown:>10.2?}, \
             whole export to disk {export:>10.2?} ({} KiB of Markdown)",
            bytes / 1024
        );
    }
}
