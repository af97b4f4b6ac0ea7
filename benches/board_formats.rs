//! Boards in and out of other tools' formats: `cargo bench --bench board_formats`.
//!
//! Import of a generated 5,000-card Trello export (read, parse, build through the model, write the
//! board file), and export of the 5,000-card synthetic board to Markdown, Obsidian Kanban and JSON
//! Canvas (the document alone, and the whole export to disk). Prints medians; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use boothboard::export::{
    ExportFormat, ExportOptions, ExportScope, board_canvas, board_markdown, export_to_dir, obsidian_kanban,
};
use boothboard::import::{ImportFormat, import_file};
use boothboard::model::DeviceId;

#[path = "support/screenshot.rs"]
mod screenshot;
#[path = "support/synthetic_board.rs"]
mod synthetic_board;
#[path = "support/timing.rs"]
mod timing;

use timing::median_time;

const RUNS: usize = 11;
const CARDS: usize = 5_000;

fn ms(duration: Duration) -> String {
    format!("{:>9.2} ms", duration.as_secs_f64() * 1000.0)
}

/// A Trello board export of `cards` cards over 8 lists, as Trello writes it: labels, a checklist on
/// every fifth card, an attachment on every tenth, one card in twenty archived, and the fields
/// Boothboard ignores (actions, prefs) around them.
fn trello_export(cards: usize) -> String {
    let mut json = String::from(
        r#"{"id": "board", "name": "Generated Trello board", "prefs": {"background": "blue"},
  "labels": [{"id": "l1", "name": "Developer story", "color": "green"}, {"id": "l2", "name": "", "color": "red"}],
  "lists": ["#,
    );
    for list in 0..8 {
        let comma = if list == 0 { "" } else { "," };
        let _ = write!(
            json,
            r#"{comma}{{"id": "list{list}", "name": "Hall {list}", "closed": false, "pos": {}}}"#,
            (8 - list) * 16384
        );
    }
    json.push_str("],\n  \"cards\": [\n");
    for card in 0..cards {
        let comma = if card == 0 { "" } else { ",\n" };
        let attachments = if card % 10 == 0 {
            format!(r#"[{{"name": "Site", "url": "https://example.com/project-{card}", "isUpload": false}}]"#)
        } else {
            "[]".to_owned()
        };
        let _ = write!(
            json,
            r#"{comma}{{"id": "c{card}", "name": "Project {card} 项目", "desc": "Seen at the booth: the control plane runs as a Deployment.\n\n- ask about multi-cluster\n- 试试演示", "closed": {}, "idList": "list{}", "pos": {}, "idLabels": ["l{}"], "attachments": {attachments}, "badges": {{"votes": 0}}}}"#,
            card % 20 == 19,
            card % 8,
            card * 1024,
            card % 2 + 1
        );
    }
    json.push_str("],\n  \"checklists\": [\n");
    for card in (0..cards).step_by(5) {
        let comma = if card == 0 { "" } else { ",\n" };
        let _ = write!(
            json,
            r#"{comma}{{"id": "k{card}", "idCard": "c{card}", "name": "Follow up", "pos": 1, "checkItems": [{{"name": "Watch the talk", "state": "complete", "pos": 1}}, {{"name": "Try the demo", "state": "incomplete", "pos": 2}}]}}"#
        );
    }
    json.push_str("],\n  \"actions\": [{\"type\": \"createCard\", \"data\": {}}]\n}\n");
    json
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    println!("board formats benchmark, median of {RUNS} runs");

    let trello = dir.path().join("trello.json");
    std::fs::write(&trello, trello_export(CARDS)).unwrap();
    let text = std::fs::read_to_string(&trello).unwrap();
    let parse = median_time(RUNS, || drop(ImportFormat::Trello.parse(&text).unwrap()));
    let plan = ImportFormat::Trello.parse(&text).unwrap();
    let build = median_time(RUNS, || drop(plan.build("Imported", DeviceId(1), Vec::new()).unwrap()));
    let mut run = 0;
    let import = median_time(RUNS, || {
        run += 1;
        let out = dir.path().join(format!("imported-{run}.json"));
        drop(import_file(&trello, &out, None, DeviceId(1)).unwrap());
    });
    println!(
        "import of a {CARDS}-card Trello export ({} KiB): whole {}, of which parse {}, build {}",
        text.len() / 1024,
        ms(import),
        ms(parse),
        ms(build)
    );

    let (path, board) = synthetic_board::synthetic_board(dir.path(), CARDS, 0);
    for format in ExportFormat::ALL {
        let options = ExportOptions {
            format,
            ..ExportOptions::default()
        };
        let document = median_time(RUNS, || {
            let made = match format {
                ExportFormat::Markdown => board_markdown(&board, &ExportScope::Board, "board.media", &options),
                ExportFormat::ObsidianKanban => obsidian_kanban(&board, &ExportScope::Board, &options),
                ExportFormat::Canvas => board_canvas(&board, &ExportScope::Board, "board.media", &options),
            };
            drop(made.unwrap());
        });
        let out = dir.path().join("out");
        let mut written = None;
        let export = median_time(RUNS, || {
            written = Some(export_to_dir(&board, &path, &ExportScope::Board, &options, &out, &mut |_| {}).unwrap());
        });
        let bytes = written
            .map(|exported| std::fs::metadata(Path::new(&exported.document)).unwrap().len())
            .unwrap_or_default();
        println!(
            "export of the {CARDS}-card synthetic board to {:<15}: document {}, whole export to disk {} ({} KiB)",
            format.name(),
            ms(document),
            ms(export),
            bytes / 1024
        );
    }
}
