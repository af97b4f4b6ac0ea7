//! Board → Import… and the export dialog's formats (issue 16), in the window. Helpers come from
//! `tests/ui.rs`; the steps after a native dialog are driven with `queue_command`, as the dialog
//! sends them.

use std::path::Path;
use std::time::{Duration, Instant};

use boothboard::command::Command;
use boothboard::export::{ExportFormat, ExportScope};
use boothboard::store;
use boothboard::ui::{ExportStatus, Severity};
use egui_kittest::kittest::Queryable as _;

use super::{Session, sample_session, wait_for_export};

const TRELLO: &str = r#"{"name": "Trade show", "labels": [{"id": "l", "name": "", "color": "green"}],
    "lists": [{"id": "a", "name": "Booths", "pos": 1}, {"id": "b", "name": "Talks", "pos": 2},
              {"id": "c", "name": "Old", "closed": true, "pos": 3}],
    "cards": [{"id": "1", "name": "Rook", "idList": "a", "pos": 1, "idLabels": ["l"], "desc": "Ceph inside"},
              {"id": "2", "name": "Gloo", "idList": "b", "pos": 1},
              {"id": "3", "name": "Gone", "idList": "a", "pos": 2, "closed": true}]}"#;

/// Steps the app until `done` holds, or fails after a while.
fn step_until(session: &mut Session, what: &str, done: impl Fn(&Session) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(session) {
        assert!(Instant::now() < deadline, "{what} never happened");
        std::thread::sleep(Duration::from_millis(10));
        session.harness.step();
    }
}

fn board_title(session: &Session) -> Option<String> {
    session.harness.state().board().map(|board| board.title.clone())
}

#[test]
fn a_file_picked_to_import_becomes_a_new_board_that_opens() {
    let mut session = sample_session();
    session.click("Board");
    // The item that opens the native dialog; what the dialog sends is queued below.
    session.harness.get_by_label("Import…");
    let home = session.path.parent().unwrap().parent().unwrap().to_owned();
    let file = home.join("trade-show.json");
    std::fs::write(&file, TRELLO).unwrap();
    session
        .harness
        .state_mut()
        .queue_command(Command::ImportBoard(file.clone()));
    step_until(&mut session, "the import", |session| {
        board_title(session).as_deref() == Some("Trade show")
    });

    let board = session.harness.state().board().unwrap();
    let columns: Vec<&str> = board.columns.iter().map(|column| column.name.as_str()).collect();
    assert_eq!(columns, ["Booths", "Talks"]);
    assert_eq!(board.themes[0].name, "green");
    let new_board = session.path.parent().unwrap().join("trade-show.json");
    assert_eq!(
        store::load(&new_board).unwrap().card_count(),
        2,
        "saved in the boards folder"
    );
    let message = session.harness.state().message().unwrap();
    assert_eq!(message.severity, Severity::Info, "{}", message.text);
    assert!(
        message
            .text
            .contains("2 cards in 2 columns; 1 archived card and 1 archived column left out")
            && message.text.contains(&new_board.display().to_string()),
        "{}",
        message.text
    );
    session.harness.run_steps(2);
    session.harness.get_by_label("Rook");

    // The same file again: a second board beside the first, never over it.
    session.harness.state_mut().queue_command(Command::ImportBoard(file));
    let second = session.path.parent().unwrap().join("trade-show-2.json");
    step_until(&mut session, "the second import", |_| second.is_file());
}

#[test]
fn a_file_that_is_not_a_board_is_not_imported_and_the_board_stays() {
    let mut session = sample_session();
    let notes = session.path.parent().unwrap().join("notes.txt");
    std::fs::write(&notes, "Just my notes.").unwrap();
    session
        .harness
        .state_mut()
        .queue_command(Command::ImportBoard(notes.clone()));
    step_until(&mut session, "the refusal", |session| {
        session.harness.state().message().is_some()
    });
    let message = session.harness.state().message().unwrap();
    assert_eq!(message.severity, Severity::Error);
    assert!(
        message.text.starts_with("Not imported: ") && message.text.contains(&notes.display().to_string()),
        "{}",
        message.text
    );
    assert_eq!(board_title(&session).as_deref(), Some(boothboard::model::sample::TITLE));
    assert!(!Path::new(&notes.with_extension("json")).exists());
}

#[test]
fn the_export_dialog_offers_obsidian_kanban_and_canvas() {
    let mut session = sample_session();
    session.click("Board");
    session.harness.get_by_label_contains("Export…").click();
    session.harness.run_steps(2);
    let format = |session: &Session| session.harness.state().view().export_options.format;
    assert_eq!(format(&session), ExportFormat::Markdown);
    session.click("Obsidian Kanban");
    assert_eq!(format(&session), ExportFormat::ObsidianKanban);
    session
        .harness
        .get_by_label("NAME.kanban.md: a board the Obsidian Kanban plugin opens.");
    session.click("JSON Canvas");
    assert_eq!(format(&session), ExportFormat::Canvas);

    // What "Choose folder…" and the folder dialog send once a folder is picked.
    let out = session.path.parent().unwrap().parent().unwrap().join("vault");
    let options = session.harness.state().view().export_options;
    session
        .harness
        .state_mut()
        .queue_command(Command::ExportMarkdown(ExportScope::Board, options, out.clone()));
    assert_eq!(
        wait_for_export(&mut session),
        Some(ExportStatus::Done(out.join("kubecon-2018.canvas")))
    );
    assert!(out.join("kubecon-2018.media").is_dir());
}

#[test]
fn import_says_how_to_import_from_the_command_line_where_no_file_dialog_can_open() {
    let mut session = sample_session();
    if session.harness.state().view().native_dialogs {
        // Clicking would open the system's real dialog; the steps after it are tested above.
        return;
    }
    session.click("Board");
    session.click("Import…");
    step_until(&mut session, "the advice", |session| {
        session.harness.state().message().is_some()
    });
    let message = session.harness.state().message().unwrap();
    assert!(
        message.text.contains("`boothboard import FILE --out BOARD`"),
        "{}",
        message.text
    );
    // A way round, not a failure: shown as a warning.
    assert_eq!(message.severity, Severity::Warning);
    assert_eq!(board_title(&session).as_deref(), Some(boothboard::model::sample::TITLE));
}
