//! The app driven as a person would, headless: click, type, drag; then read the board file.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::indexing_slicing)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use boothboard::app::{BoothboardApp, Startup, load_failure};
use boothboard::command::Command;
use boothboard::export::{ExportOptions, ExportScope};
use boothboard::model::{Board, BoardEdit, History};
use boothboard::open::open_or_create;
use boothboard::store::{self, AppHome};
use boothboard::ui::{
    ExportChoice, ExportStatus, SaveStatus, Screen, ThumbnailState, Thumbnails, ViewState, board_screen_ui,
};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[path = "ui/big_board.rs"]
mod big_board;
#[path = "ui/chinese.rs"]
mod chinese;
#[path = "ui/crash_recovery.rs"]
mod crash_recovery;
#[path = "ui/desktop.rs"]
mod desktop;
#[path = "ui/finishing.rs"]
mod finishing;
#[path = "ui/import_export.rs"]
mod import_export;
#[path = "ui/inbox.rs"]
mod inbox;
#[path = "ui/keystrokes.rs"]
mod keystrokes;
#[path = "ui/notes.rs"]
mod notes;
#[path = "ui/safety.rs"]
mod safety;
#[path = "ui/surprises.rs"]
mod surprises;
#[path = "ui/team.rs"]
mod team;

/// How long a test waits for background work (saves, the folder watch, exports) before it fails:
/// seconds when the machine is idle, more when CI builds beside the tests.
const WAIT_LIMIT: Duration = Duration::from_secs(30);

struct Session {
    harness: Harness<'static, BoothboardApp>,
    path: PathBuf,
    _home: tempfile::TempDir,
}

/// The app on a fresh sample board in a temporary home.
fn sample_session() -> Session {
    sample_session_with(|_| {})
}

/// The app on a fresh sample board, after `prepare` has done something to the board's files.
fn sample_session_with(prepare: impl FnOnce(&Path)) -> Session {
    let home_dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(home_dir.path());
    let path = home.default_board_path();
    let board = open_or_create(&home, &path).unwrap();
    prepare(&path);
    let startup = Startup::Opened(path.clone(), Box::new(board));
    Session {
        harness: harness(home, startup),
        path,
        _home: home_dir,
    }
}

/// The app on the board saved at `path`, with its home in `home_dir`.
fn session_on_saved_board(home_dir: tempfile::TempDir, path: PathBuf) -> Session {
    let home = AppHome::at(home_dir.path());
    let board = open_or_create(&home, &path).unwrap();
    Session {
        harness: harness(home, Startup::Opened(path.clone(), Box::new(board))),
        path,
        _home: home_dir,
    }
}

fn harness(home: AppHome, startup: Startup) -> Harness<'static, BoothboardApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        // A frame of a 60 Hz screen, so two clicks a step apart are a double-click, as in a real window.
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| BoothboardApp::new(&cc.egui_ctx, home, startup).unwrap());
    harness.run_steps(3);
    harness
}

impl Session {
    fn click(&mut self, label: &str) {
        self.harness
            .get_all_by_label(label)
            .next()
            .unwrap_or_else(|| panic!("no widget {label:?}"))
            .click();
        self.harness.run_steps(2);
    }

    /// Focuses the field named `label` and types into it.
    fn type_into(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).focus();
        self.harness.run_steps(1);
        self.harness.get_by_label(label).type_text(text);
        self.harness.run_steps(2);
    }

    /// Presses on `from`, moves to `to` in steps, releases.
    fn drag(&mut self, from: egui::Pos2, to: egui::Pos2) {
        self.harness.hover_at(from);
        self.harness.run_steps(1);
        self.harness.drag_at(from);
        self.harness.run_steps(1);
        for step in 1..=10 {
            self.harness.hover_at(from + (to - from) * (step as f32 / 10.0));
            self.harness.run_steps(1);
        }
        self.harness.drop_at(to);
        self.harness.run_steps(2);
    }

    /// Makes every save fail, even for root: a file where the board's folder was.
    /// Returns where the folder went, for [`Self::unbreak_board_folder`].
    fn break_board_folder(&self) -> PathBuf {
        let folder = self.path.parent().unwrap().to_owned();
        let moved = folder.with_extension("moved");
        std::fs::rename(&folder, &moved).unwrap();
        std::fs::write(&folder, "not a folder").unwrap();
        moved
    }

    fn unbreak_board_folder(&self, moved: &Path) {
        let folder = self.path.parent().unwrap();
        std::fs::remove_file(folder).unwrap();
        std::fs::rename(moved, folder).unwrap();
    }

    /// Closes the window as its close button does; returns what the app told the window.
    fn request_close(&mut self) -> Vec<egui::ViewportCommand> {
        let root = egui::ViewportId::ROOT;
        self.harness
            .input_mut()
            .viewports
            .entry(root)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        self.harness.step();
        self.harness.output().viewport_output[&root].commands.clone()
    }

    /// Steps the app until the board file satisfies `check`: autosave must get there on its own.
    fn wait_for_file(&mut self, what: &str, check: impl Fn(&Board) -> bool) -> Board {
        let path = self.path.clone();
        let mut found = None;
        self.wait_for(&format!("the board file: {what}"), || {
            found = store::load(&path).ok().filter(|board| check(board));
            found.is_some()
        });
        found.unwrap()
    }

    /// Steps the app until `done` (background work that must get there on its own).
    fn wait_for(&mut self, what: &str, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + WAIT_LIMIT;
        loop {
            self.harness.step();
            if done() {
                return;
            }
            assert!(Instant::now() < deadline, "never happened: {what}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Double-clicks the cover captioned `caption` on the board, once thumbnails are made.
    fn open_viewer_on_cover(&mut self, caption: &str) {
        self.wait_for_imports();
        for _ in 0..2 {
            self.harness.get_by_role_and_label(Role::Image, caption).click();
            self.harness.step();
        }
        self.harness.run_steps(2);
    }

    /// Double-clicks the widget labelled `label`, as a person does: two clicks a frame apart.
    fn double_click(&mut self, label: &str) {
        for _ in 0..2 {
            self.harness.get_by_label(label).click();
            self.harness.step();
        }
        self.harness.run_steps(2);
    }

    /// Steps the app until a widget labelled `label` shows.
    fn wait_for_label(&mut self, label: &str) {
        let deadline = Instant::now() + WAIT_LIMIT;
        while self.harness.query_by_label(label).is_none() {
            assert!(Instant::now() < deadline, "never shown: {label}");
            self.harness.step();
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The app's home (settings, crash reports).
    fn home(&self) -> AppHome {
        AppHome::at(self._home.path())
    }
}

fn column_of(board: &Board, title: &str) -> String {
    let card = board.card_by_title(title).unwrap().id;
    let position = board.card_position(card).unwrap();
    board.column(position.column).unwrap().name.clone()
}

#[test]
fn ticking_a_theme_checkbox_changes_the_saved_file() {
    let mut session = sample_session();
    session.click("TiDB");
    assert!(
        session.harness.state().view().editor_card().is_some(),
        "clicking a card opens its editor"
    );
    session
        .harness
        .get_by_role_and_label(Role::CheckBox, "Developer story")
        .click();
    session.harness.run_steps(2);
    let board = session.wait_for_file("TiDB ticks Developer story", |board| {
        let developer = board.theme_by_name("Developer story").unwrap().id;
        board.card_by_title("TiDB").unwrap().themes.contains(&developer)
    });
    let developer = board.theme_by_name("Developer story").unwrap().id;
    assert_eq!(board.cards_with_theme(developer).count(), 3);
}

#[test]
fn typed_notes_reach_the_file_in_any_script() {
    let mut session = sample_session();
    session.click("Gloo");
    // Chinese, Japanese and Korean: the harness panics on any glyph no font has.
    let typed = "在展台上看到的演示：很好。日本語のメモ。한국어 메모.";
    session.click("Edit notes");
    session.type_into("Notes", typed);
    session.wait_for_file("CJK notes on Gloo", |board| {
        board.card_by_title("Gloo").unwrap().notes.contains(typed)
    });
}

#[test]
fn add_card_creates_a_card_ready_to_name() {
    let mut session = sample_session();
    let cards_before = session.harness.state().board().unwrap().card_count();
    session.click("Add card");
    assert!(
        session.harness.get_by_label("Title").is_focused(),
        "the new card's title has the keyboard"
    );
    session.harness.get_by_label("Title").type_text("Vitess");
    session.harness.run_steps(2);
    let board = session.wait_for_file("a card named Vitess", |board| board.card_by_title("Vitess").is_some());
    assert_eq!(board.card_count(), cards_before + 1);
    assert_eq!(column_of(&board, "Vitess"), "Gateways and languages");
}

#[test]
fn a_card_moves_to_another_column_from_its_editor() {
    let mut session = sample_session();
    session.click("Ballerina");
    session.click("Column");
    session.click("Storage");
    let board = session.wait_for_file("Ballerina in Storage", |board| {
        column_of(board, "Ballerina") == "Storage"
    });
    assert_eq!(
        board.columns[2].cards.last().map(|card| card.title.as_str()),
        Some("Ballerina")
    );
}

#[test]
fn a_card_moves_to_another_column_by_drag_and_drop() {
    let mut session = sample_session();
    let from = session.harness.get_by_label("Ballerina").rect().center();
    // Below Rook, the last card of the third column: on that column's "Add card".
    let to = session
        .harness
        .get_all_by_label("Add card")
        .nth(2)
        .unwrap()
        .rect()
        .center();
    session.drag(from, to);
    let board = session.wait_for_file("Ballerina dropped below Rook", |board| {
        column_of(board, "Ballerina") == "Storage"
    });
    let storage: Vec<_> = board.columns[2].cards.iter().map(|card| card.title.as_str()).collect();
    assert_eq!(storage, ["Rook", "Ballerina"]);
}

#[test]
fn a_damaged_board_is_explained_and_left_untouched() {
    let home_dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(home_dir.path());
    let path = home_dir.path().join("damaged.json");
    let damaged = "{\n  \"format\": \"boothboard\",\n  \"version\": 1,\n  \"title\": \"Oops\"\n  \"columns\": []\n}\n";
    std::fs::write(&path, damaged).unwrap();
    let error = open_or_create(&home, &path).unwrap_err();
    let mut harness = harness(home, Startup::Failed(load_failure(&path, &error)));
    harness.get_by_label("This board can't be opened");
    harness.get_by_label_contains("line 5, column 3");
    harness.get_by_label("Open another board…");
    harness.run_steps(5);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), damaged);
    assert!(!store::backup_path_for(&path).exists());
    assert!(only_file_in(home_dir.path(), "damaged.json"));
}

fn only_file_in(dir: &Path, name: &str) -> bool {
    let names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    names == [name]
}

#[test]
fn the_card_editor_keeps_its_place_from_frame_to_frame() {
    let mut session = sample_session();
    session.click("TiDB");
    let before = session
        .harness
        .get_by_role_and_label(Role::CheckBox, "Developer story")
        .rect();
    session.harness.run_steps(10);
    let after = session
        .harness
        .get_by_role_and_label(Role::CheckBox, "Developer story")
        .rect();
    assert_eq!(before, after, "the editor panel must not grow by itself");
}

#[test]
fn a_card_moves_within_its_column_by_drag_and_drop() {
    let mut session = sample_session();
    let from = session
        .harness
        .get_by_label("Cassandra / DataStax Enterprise")
        .rect()
        .center();
    let to = session.harness.get_by_label("TiDB").rect().left_top() + egui::vec2(20.0, -2.0);
    session.drag(from, to);
    let board = session.wait_for_file("Cassandra first in Databases", |board| {
        board.columns[1]
            .cards
            .first()
            .is_some_and(|card| card.title.starts_with("Cassandra"))
    });
    let databases: Vec<_> = board.columns[1].cards.iter().map(|card| card.title.as_str()).collect();
    assert_eq!(databases, ["Cassandra / DataStax Enterprise", "TiDB", "FoundationDB"]);
}

#[test]
fn themes_are_added_named_questioned_and_deleted() {
    let mut session = sample_session();
    session.click("Add theme");
    assert!(session.harness.get_by_label("Theme name").is_focused());
    session
        .harness
        .get_by_label("Theme name")
        .type_text("Observability story");
    session.type_into("Question", "Can we see inside?");
    session.wait_for_file("a third theme with its question", |board| {
        board
            .theme_by_name("Observability story")
            .is_some_and(|theme| theme.question == "Can we see inside?")
    });
    session.click("Delete theme…");
    session
        .harness
        .get_by_label_contains("Delete the theme “Observability story”?");
    session.click("Delete theme");
    let board = session.wait_for_file("the theme gone", |board| {
        board.theme_by_name("Observability story").is_none()
    });
    assert_eq!(board.themes.len(), 2);
}

#[test]
fn double_clicking_a_column_name_renames_it() {
    // Card text is made unselectable for speed; the column's name must still take a double-click.
    let mut session = sample_session();
    session.double_click("Databases");
    session.harness.get_by_label("Column name").type_text(" and queues");
    session.press(egui::Modifiers::NONE, egui::Key::Enter);
    let board = session.wait_for_file("the column renamed", |board| {
        board.column_by_name("Databases and queues").is_some()
    });
    assert!(board.column_by_name("Databases").is_none());
}

#[test]
fn columns_are_added_named_and_deleted() {
    let mut session = sample_session();
    session.click("Add column");
    session.harness.get_by_label("Column name").type_text("Talks");
    session.harness.key_press(egui::Key::Enter);
    session.harness.run_steps(2);
    session.wait_for_file("a column named Talks", |board| {
        board.columns.last().is_some_and(|c| c.name == "Talks")
    });
    session.harness.get_all_by_label("…").last().unwrap().click();
    session.harness.run_steps(2);
    session.click("Delete column…");
    session.harness.get_by_label("Delete the empty column “Talks”?");
    session.click("Delete column");
    let board = session.wait_for_file("Talks gone", |board| board.column_by_name("Talks").is_none());
    assert_eq!(board.columns.len(), 3);
}

#[test]
fn deleting_a_card_asks_first() {
    let mut session = sample_session();
    session.click("TiDB");
    session.click("Delete card…");
    session.click("Cancel");
    assert!(session.harness.state().board().unwrap().card_by_title("TiDB").is_some());
    session.click("Delete card…");
    session
        .harness
        .get_by_label("Delete the card “TiDB” with its notes, links and 1 image?");
    session.click("Delete card");
    let board = session.wait_for_file("TiDB deleted", |board| board.card_by_title("TiDB").is_none());
    assert_eq!(board.card_count(), 5);
    assert!(
        session.harness.query_by_label("Delete card…").is_none(),
        "the editor closes with its card"
    );
}

#[test]
fn a_failed_save_keeps_the_edits_and_retries_until_it_succeeds() {
    let mut session = sample_session();
    let moved = session.break_board_folder();
    session.type_into("Board title", " (notes)");
    let deadline = Instant::now() + WAIT_LIMIT;
    while !matches!(
        session.harness.state().save_status(),
        boothboard::ui::SaveStatus::Failed(_)
    ) {
        assert!(Instant::now() < deadline, "the failure is shown");
        session.harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    session.harness.run_steps(1);
    session.harness.get_by_label("Not saved, retrying");
    assert!(
        session.harness.state().board().unwrap().title.ends_with("(notes)"),
        "the edit is kept"
    );

    session.unbreak_board_folder(&moved);
    let board = session.wait_for_file("the retried save", |board| board.title.ends_with("(notes)"));
    assert_eq!(board.card_count(), 6);
    session.harness.run_steps(1);
    session.harness.get_by_label("All changes saved");
}

#[test]
fn the_window_title_follows_the_board_title() {
    let mut session = sample_session();
    session.harness.get_by_label("Board title").focus();
    session.harness.run_steps(1);
    session.harness.get_by_label("Board title").type_text(" day 2");
    let mut sent = Vec::new();
    for _ in 0..3 {
        session.harness.step();
        sent.extend(
            session.harness.output().viewport_output[&egui::ViewportId::ROOT]
                .commands
                .iter()
                .cloned(),
        );
    }
    let expected = "KubeCon + CloudNativeCon North America 2018 (Seattle) day 2 — Boothboard";
    assert!(
        sent.contains(&egui::ViewportCommand::Title(expected.to_owned())),
        "{sent:?}"
    );
}

#[test]
fn quitting_right_after_typing_keeps_every_word() {
    let mut session = sample_session();
    session.click("FoundationDB");
    session.click("Edit notes");
    session.type_into("Notes", " Last words.");
    // Quit before the autosave's quiet period is over: on_exit must write the edit.
    eframe::App::on_exit(session.harness.state_mut(), None);
    let board = store::load(&session.path).unwrap();
    assert!(
        board
            .card_by_title("FoundationDB")
            .unwrap()
            .notes
            .ends_with("Last words.")
    );
}

#[test]
fn quitting_with_a_failed_save_asks_before_losing_edits() {
    let mut session = sample_session();
    session.break_board_folder();
    session.type_into("Board title", " (unsaved)");

    let commands = session.request_close();
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "the quit is stopped: {commands:?}"
    );
    session.harness.run_steps(2);
    session.harness.get_by_label_contains("Your last changes are not saved");

    session.harness.get_by_label("Quit without saving").click();
    session.harness.step();
    let commands = &session.harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(commands.contains(&egui::ViewportCommand::Close), "{commands:?}");
}

/// Clicks "Copy as Markdown" and steps the app until the Markdown, made on a worker thread,
/// reaches the clipboard, and a few frames more; returns every text copied.
fn copy_as_markdown(session: &mut Session) -> Vec<String> {
    session.harness.get_by_label("Copy as Markdown").click();
    let deadline = Instant::now() + WAIT_LIMIT;
    let mut copied = Vec::new();
    let mut frames_after = 0;
    while frames_after < 3 {
        session.harness.step();
        copied.extend(
            session
                .harness
                .output()
                .platform_output
                .commands
                .iter()
                .filter_map(|command| match command {
                    egui::OutputCommand::CopyText(text) => Some(text.clone()),
                    _ => None,
                }),
        );
        if copied.is_empty() {
            assert!(Instant::now() < deadline, "nothing was copied");
            std::thread::sleep(Duration::from_millis(10));
        } else {
            frames_after += 1;
        }
    }
    copied
}

#[test]
fn copy_as_markdown_puts_the_card_on_the_clipboard() {
    let mut session = sample_session();
    session.click("TiDB");
    let copied = copy_as_markdown(&mut session);
    assert_eq!(copied.len(), 1, "{copied:?}");
    let markdown = &copied[0];
    assert!(
        markdown.starts_with("### TiDB\n\nPingCAP's MySQL-compatible"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- [ ] Developer story\n- [x] Database story"),
        "{markdown}"
    );
    // The image link works from the board's own folder, as it will beside an export.
    let target = markdown
        .split("](kubecon-2018.media/")
        .nth(1)
        .unwrap()
        .split(')')
        .next()
        .unwrap();
    assert!(store::media_dir_for(&session.path).join(target).is_file(), "{target}");
    session.harness.get_by_label("Copied “TiDB” as Markdown.");
}

#[test]
fn copy_as_markdown_keeps_a_title_with_a_letter_that_is_not_ascii_before_a_full_stop() {
    let mut session = sample_session();
    session.click("Add card");
    session.harness.get_by_label("Title").type_text("naïve.");
    session.harness.run_steps(2);
    let copied = copy_as_markdown(&mut session);
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(copied[0].starts_with("### naïve.\n"), "{}", copied[0]);
    // The window is still there and says what it did.
    session.harness.get_by_label("Copied “naïve.” as Markdown.");
    session.click("TiDB");
    assert_eq!(session.harness.get_by_label("Title").value().as_deref(), Some("TiDB"));
}

#[test]
fn the_export_dialog_offers_the_board_a_theme_or_the_selected_card() {
    let mut session = sample_session();
    let export_choice = |session: &Session| session.harness.state().view().export_dialog;
    session.click("Board");
    // The menu item's name ends with its shortcut.
    session.harness.get_by_label_contains("Export…").click();
    session.harness.run_steps(2);
    assert_eq!(export_choice(&session), Some(ExportChoice::Board));
    session.harness.get_by_label("The whole board (6 cards)");
    assert!(
        session
            .harness
            .get_by_label("The selected card (click a card first)")
            .accesskit_node()
            .is_disabled(),
        "no card is selected"
    );
    session.click("One theme:");
    let board = session.harness.state().board().unwrap().clone();
    let developer = board.theme_by_name("Developer story").unwrap().id;
    let database = board.theme_by_name("Database story").unwrap().id;
    assert_eq!(export_choice(&session), Some(ExportChoice::Theme(developer)));
    session.harness.get_by_role(Role::ComboBox).click();
    session.harness.run_steps(2);
    session.click("Database story (4 cards)");
    assert_eq!(export_choice(&session), Some(ExportChoice::Theme(database)));
    session.click("Cancel");
    assert_eq!(export_choice(&session), None);

    session.click("Gloo");
    session.click("Board");
    // The menu item's name ends with its shortcut.
    session.harness.get_by_label_contains("Export…").click();
    session.harness.run_steps(2);
    session.click("The selected card: Gloo");
    assert_eq!(export_choice(&session), Some(ExportChoice::SelectedCards));
    let gloo = board.card_by_title("Gloo").unwrap().id;
    assert_eq!(
        boothboard::ui::selected_cards(&board, session.harness.state().view()),
        [gloo]
    );
    session.harness.get_by_label("Choose folder…");
}

#[test]
fn the_export_dialog_lets_raw_html_through_only_when_ticked() {
    let mut session = sample_session();
    let allowed = |session: &Session| session.harness.state().view().export_options.allow_html;
    session.click("Board");
    session.harness.get_by_label_contains("Export…").click();
    session.harness.run_steps(2);
    assert!(!allowed(&session), "raw HTML shows as text unless asked for");
    session.click("Keep raw HTML in notes (<details>, <kbd> …)");
    assert!(allowed(&session));
}

/// Steps the app until the export bar shows something other than progress.
pub(crate) fn wait_for_export(session: &mut Session) -> Option<ExportStatus> {
    let deadline = Instant::now() + WAIT_LIMIT;
    loop {
        session.harness.step();
        let status = session.harness.state().export_status().cloned();
        if !matches!(status, Some(ExportStatus::Running(_))) {
            return status;
        }
        assert!(Instant::now() < deadline, "the export never finished");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn an_export_chosen_in_the_dialog_runs_in_the_background_and_offers_its_folder() {
    let mut session = sample_session();
    let out = session._home.path().join("blog");
    // What the folder dialog sends once a folder is picked.
    session.harness.state_mut().queue_command(Command::ExportMarkdown(
        ExportScope::Board,
        ExportOptions::default(),
        out.clone(),
    ));
    session.harness.step();
    assert!(
        matches!(
            session.harness.state().export_status(),
            Some(ExportStatus::Running(_) | ExportStatus::Done(_))
        ),
        "the export bar shows at once"
    );
    let markdown = out.join("kubecon-2018.md");
    assert_eq!(
        wait_for_export(&mut session),
        Some(ExportStatus::Done(markdown.clone()))
    );
    let golden = std::fs::read_to_string("tests/golden/kubecon-2018.md").unwrap();
    assert_eq!(std::fs::read_to_string(&markdown).unwrap(), golden);
    session.harness.run_steps(1);
    session
        .harness
        .get_by_label(&format!("Exported {}", markdown.display()));
    session.harness.get_by_label("Open folder");
    session.click("Dismiss");
    assert_eq!(session.harness.state().export_status(), None);
}

#[test]
fn a_failed_export_says_why() {
    let mut session = sample_session();
    let board_folder = session.path.parent().unwrap().to_owned();
    session.harness.state_mut().queue_command(Command::ExportMarkdown(
        ExportScope::Board,
        ExportOptions::default(),
        board_folder,
    ));
    assert_eq!(wait_for_export(&mut session), None);
    session.harness.run_steps(1);
    session
        .harness
        .get_by_label_contains("choose another folder for the export");
}

impl Session {
    /// Drops `files` with the pointer at `at`, then waits until they are taken in.
    fn drop_files(&mut self, at: egui::Pos2, files: &[PathBuf]) {
        self.start_dropping_files(at, files);
        self.wait_for_imports();
    }

    /// Drops `files` with the pointer at `at` and runs the frame of the drop only.
    fn start_dropping_files(&mut self, at: egui::Pos2, files: &[PathBuf]) {
        // The pointer arrives with the drop, as when a file manager ends its grab.
        self.harness.hover_at(at);
        for file in files {
            let file: egui::DroppedFileHandle = std::sync::Arc::new(common::DroppedPath(file.clone()));
            self.harness.input_mut().dropped_files.push(file);
        }
        self.harness.step();
    }

    /// Clicks with Ctrl (Cmd on macOS) held, which adds a card to the selection or takes it out.
    fn ctrl_click(&mut self, label: &str) {
        self.harness
            .get_by_label(label)
            .click_modifiers(egui::Modifiers::COMMAND);
        self.harness.run_steps(2);
    }

    /// Steps the app until it closes its window by itself.
    fn wait_for_close(&mut self) {
        // Decoding several large images in a debug build takes long on a loaded machine.
        let deadline = Instant::now() + WAIT_LIMIT * 2;
        loop {
            self.harness.step();
            let commands = &self.harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
            if commands.contains(&egui::ViewportCommand::Close) {
                return;
            }
            assert!(Instant::now() < deadline, "the window never closed");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for_imports(&mut self) {
        let deadline = Instant::now() + WAIT_LIMIT * 2;
        while self.harness.state().images_in_progress() > 0 || self.harness.state().thumbnails_busy() {
            assert!(Instant::now() < deadline, "the images were never taken in");
            std::thread::sleep(Duration::from_millis(10));
            self.harness.step();
        }
        self.harness.run_steps(2);
    }

    fn media_dir(&self) -> PathBuf {
        store::media_dir_for(&self.path)
    }

    /// Scrolls the widget into view first, as a person would, then clicks it.
    fn scroll_to_and_click(&mut self, label: &str) {
        self.harness.get_by_label(label).scroll_to_me();
        // Long enough for the scroll animation to end.
        self.harness.run_steps(20);
        self.click(label);
    }
}

#[test]
fn images_dropped_on_a_card_are_attached_and_saved() {
    let mut session = sample_session();
    let images = tempfile::tempdir().unwrap();
    let slide = common::write_png(images.path(), "ballerina-slide.png", 1280, 720);
    let photo = common::write_jpeg_with_orientation(images.path(), "booth photo.jpg", 400, 300, 6);
    let card = session.harness.get_by_label("Ballerina").rect().center();
    session.drop_files(card, &[slide, photo]);

    let board = session.wait_for_file("Ballerina has two images", |board| {
        board.card_by_title("Ballerina").unwrap().images.len() == 2
    });
    let attached = &board.card_by_title("Ballerina").unwrap().images;
    assert_eq!(attached[0].caption, "ballerina-slide.png");
    assert_eq!(
        (attached[1].width, attached[1].height),
        (300, 400),
        "the photo is upright"
    );
    for image in attached {
        assert!(session.media_dir().join(image.file.as_str()).is_file());
    }
    assert_eq!(board.card_count(), 6, "no new cards");
    assert!(session.harness.state().message().is_none());
    assert!(session.harness.state().textures_held() >= 1, "the cover is on screen");
}

#[test]
fn images_dropped_on_a_column_become_new_cards_ready_to_rename() {
    let mut session = sample_session();
    let images = tempfile::tempdir().unwrap();
    let keynote = common::write_png(images.path(), "Rook keynote.png", 800, 450);
    let demo = common::write_png(images.path(), "demo.png", 640, 480);
    // Below the last card of "Storage": the column's empty space.
    let rook = session.harness.get_by_label("Rook").rect();
    session.drop_files(egui::pos2(rook.center().x, 900.0), &[keynote, demo]);

    let board = session.wait_for_file("two new cards", |board| board.card_count() == 8);
    assert_eq!(column_of(&board, "Rook keynote"), "Storage");
    assert_eq!(column_of(&board, "demo"), "Storage");
    let keynote = board.card_by_title("Rook keynote").unwrap();
    assert_eq!(keynote.images[0].caption, "Rook keynote.png");
    assert_eq!(
        session.harness.state().view().selected_card,
        Some(keynote.id),
        "the first is selected"
    );
    session.harness.get_by_label("Title").type_text(" (day 2)");
    session.harness.run_steps(2);
    session.wait_for_file("the new card renamed", |board| {
        board.card_by_title("Rook keynote (day 2)").is_some()
    });
}

#[test]
fn a_dropped_file_that_is_not_an_image_is_refused_with_its_name() {
    let mut session = sample_session();
    let files = tempfile::tempdir().unwrap();
    let notes = common::write_text_named_png(files.path(), "notes.png");
    let cut = common::write_truncated_png(files.path(), "cut-off.png");
    let good = common::write_png(files.path(), "good.png", 200, 100);
    let card = session.harness.get_by_label("TiDB").rect().center();
    let before = std::fs::read(&session.path).unwrap();
    session.drop_files(card, &[notes, cut, good]);

    let message = session.harness.state().message().unwrap().text.clone();
    assert!(
        message.contains("notes.png") && message.contains("not an image"),
        "{message}"
    );
    assert!(
        message.contains("cut-off.png") && message.contains("damaged"),
        "{message}"
    );
    let board = session.wait_for_file("only the good image attached", |board| {
        board.card_by_title("TiDB").unwrap().images.len() == 2
    });
    assert_eq!(board.card_by_title("TiDB").unwrap().images[1].caption, "good.png");
    assert_ne!(before, std::fs::read(&session.path).unwrap());
    session.harness.get_by_label_contains("notes.png");
}

#[test]
fn a_pasted_image_becomes_a_card_or_joins_the_selected_one() {
    let mut session = sample_session();
    let screenshot = egui::ColorImage::filled([320, 200], egui::Color32::from_rgb(30, 120, 200));
    session
        .harness
        .event(egui::Event::PasteImage(std::sync::Arc::new(screenshot.clone())));
    session.harness.step();
    session.wait_for_imports();
    let board = session.wait_for_file("a pasted card", |board| board.card_by_title("Pasted image").is_some());
    assert_eq!(column_of(&board, "Pasted image"), "Gateways and languages");

    session.click("Gloo");
    session
        .harness
        .event(egui::Event::PasteImage(std::sync::Arc::new(screenshot)));
    session.harness.step();
    session.wait_for_imports();
    let board = session.wait_for_file("Gloo has a pasted image", |board| {
        board.card_by_title("Gloo").unwrap().images.len() == 2
    });
    assert_eq!(board.card_by_title("Gloo").unwrap().images[1].caption, "Pasted image");

    // Selected with its editor closed: still the card a paste goes to.
    session.click("Close");
    assert!(!session.harness.state().view().editor_open);
    let another = egui::ColorImage::filled([320, 200], egui::Color32::from_rgb(200, 60, 30));
    session
        .harness
        .event(egui::Event::PasteImage(std::sync::Arc::new(another)));
    session.harness.step();
    session.wait_for_imports();
    session.wait_for_file("Gloo has a second pasted image", |board| {
        board.card_by_title("Gloo").unwrap().images.len() == 3
    });
}

#[test]
fn the_viewer_edits_captions_reorders_and_removes_images() {
    let mut session = sample_session();
    let images = tempfile::tempdir().unwrap();
    let slide = common::write_png(images.path(), "slide.png", 1600, 900);
    let gloo = session.harness.get_by_label("Gloo").rect().center();
    session.drop_files(gloo, &[slide]);
    session.click("Gloo");
    session.wait_for_imports();

    session.scroll_to_and_click("Make cover");
    let board = session.wait_for_file("the slide is the cover", |board| {
        board.card_by_title("Gloo").unwrap().images[0].caption == "slide.png"
    });
    assert_eq!(
        board.card_by_title("Gloo").unwrap().images[1].caption,
        "Gloo architecture"
    );

    session.scroll_to_and_click("View slide.png");
    assert!(session.harness.state().view().viewer.is_some(), "the viewer is open");
    session.press(egui::Modifiers::NONE, egui::Key::ArrowRight);
    assert_eq!(
        session.harness.state().view().viewer.unwrap().index,
        1,
        "arrows page images"
    );
    session.press(egui::Modifiers::NONE, egui::Key::Delete);
    assert!(
        session.board().card_by_title("Gloo").is_some(),
        "Delete in the viewer deletes no card"
    );
    session.click("Previous");
    session.click("Next");
    assert_eq!(session.harness.state().view().viewer.unwrap().index, 1);
    session.click("+");
    assert!(session.harness.state().view().viewer.unwrap().zoom.is_some());
    session.click("Fit");
    assert_eq!(session.harness.state().view().viewer.unwrap().zoom, None);
    session.type_into("Image caption", " (control plane)");
    session.wait_for_file("the caption changed", |board| {
        board.card_by_title("Gloo").unwrap().images[1].caption == "Gloo architecture (control plane)"
    });
    session.click("Remove from card");
    let board = session.wait_for_file("the diagram is off the card", |board| {
        board.card_by_title("Gloo").unwrap().images.len() == 1
    });
    assert_eq!(board.card_by_title("Gloo").unwrap().images[0].caption, "slide.png");
    assert!(
        session.harness.state().view().viewer.is_some(),
        "the viewer shows the image left"
    );
}

#[test]
fn a_missing_media_file_shows_a_placeholder_not_a_crash() {
    // The board was copied without its media folder.
    let mut session = sample_session_with(|path| std::fs::remove_dir_all(store::media_dir_for(path)).unwrap());
    session.wait_for_imports();
    session.click("TiDB");
    session.wait_for_imports();
    let placeholders = session
        .harness
        .get_all_by_label_contains("Image missing: TiDB architecture");
    assert_eq!(placeholders.count(), 2, "on the card and in its editor");
    assert_eq!(session.harness.state().textures_held(), 0);
}

#[cfg(unix)]
#[test]
fn a_media_file_linked_outside_the_board_shows_a_warning_not_the_picture() {
    let outside = tempfile::tempdir().unwrap();
    let picture = common::write_png(outside.path(), "elsewhere.png", 320, 200);
    let mut gloo_file = None;
    let mut session = sample_session_with(|path| {
        let board = store::load(path).unwrap();
        let file = board.card_by_title("Gloo").unwrap().images[0].file.clone();
        let in_media = store::media_dir_for(path).join(file.as_str());
        std::fs::remove_file(&in_media).unwrap();
        std::os::unix::fs::symlink(&picture, &in_media).unwrap();
        gloo_file = Some(file);
    });
    session.wait_for_imports();
    session.click("Gloo");
    session.wait_for_imports();
    let placeholders = session
        .harness
        .get_all_by_label_contains("Image changed outside Boothboard: Gloo architecture");
    assert_eq!(placeholders.count(), 2, "on the card and in its editor");
    assert_eq!(session.harness.state().textures_held(), 1, "TiDB's picture only");

    // "Open in system viewer" does not hand the link to the system's opener.
    session
        .harness
        .state_mut()
        .queue_command(Command::OpenImage(gloo_file.unwrap()));
    session.harness.step();
    let message = session.harness.state().message().unwrap().text.clone();
    assert!(
        message.starts_with("Not opened in the system viewer") && message.contains("elsewhere.png"),
        "{message}"
    );
}

#[test]
fn only_the_images_of_cards_in_view_become_textures() {
    let home_dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(home_dir.path());
    let path = home_dir.path().join("long.json");
    let media = store::media_dir_for(&path);
    let images = tempfile::tempdir().unwrap();
    let mut board = Board::new("A long column");
    let column = board.columns[0].id;
    for number in 0..60 {
        let file = common::write_png(images.path(), &format!("slide {number}.png"), 160 + number, 90);
        let image = boothboard::media::prepare_file(&file).unwrap().store(&media).unwrap();
        let created = board
            .apply(boothboard::model::BoardEdit::AddImageCards(
                column,
                vec![(format!("Talk {number}"), image)],
            ))
            .unwrap();
        assert!(matches!(created, boothboard::model::Created::Card(_)));
    }
    store::save(&path, &board).unwrap();
    let mut session = Session {
        harness: harness(home, Startup::Opened(path.clone(), Box::new(board))),
        path,
        _home: home_dir,
    };
    session.wait_for_imports();
    let on_screen = session.harness.state().textures_held();
    assert!(
        (1..=12).contains(&on_screen),
        "{on_screen} textures for a column that shows a few cards"
    );
    // Scrolled to the end, the cards there get theirs; the count stays bounded.
    let column = session.harness.get_by_label("Talk 0").rect().center();
    session.scroll_wheel(column, 100.0);
    assert!(session.harness.query_by_label("Talk 59").is_some());
    session.wait_for_imports();
    let after_scroll = session.harness.state().textures_held();
    assert!(
        after_scroll > on_screen && after_scroll <= 30,
        "{after_scroll} textures after scrolling"
    );
}

// Undo, search and the keyboard (issue 7).

impl Session {
    /// Turns the mouse wheel `pages` pages down over `at` at once, and lets the scrolling end.
    fn scroll_wheel(&mut self, at: egui::Pos2, pages: f32) {
        self.harness.hover_at(at);
        self.harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -pages),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        });
        self.harness.run_steps(30);
    }

    fn press(&mut self, modifiers: egui::Modifiers, key: egui::Key) {
        self.harness.key_press_modifiers(modifiers, key);
        self.harness.run_steps(2);
    }

    fn board(&self) -> &Board {
        self.harness.state().board().unwrap()
    }

    fn selected_title(&self) -> Option<String> {
        let card = self.harness.state().view().selected_card?;
        Some(self.board().card(card)?.title.clone())
    }

    /// Opens the Edit menu and reads its undo and redo items.
    fn edit_menu_items(&mut self) -> (String, String) {
        self.click("Edit");
        let item = |harness: &Harness<'static, BoothboardApp>, verb: &str| {
            harness
                .get_all_by_role(Role::Button)
                .filter_map(|node| node.accesskit_node().label())
                .find(|label| label.starts_with(verb))
                .unwrap_or_else(|| panic!("no {verb} item"))
        };
        let items = (item(&self.harness, "Undo"), item(&self.harness, "Redo"));
        let editor_open = self.harness.state().view().editor_open;
        self.press(egui::Modifiers::NONE, egui::Key::Escape);
        assert!(
            self.harness.query_by_label("Search cards Ctrl+F").is_none(),
            "Esc closes the menu"
        );
        assert_eq!(
            self.harness.state().view().editor_open,
            editor_open,
            "…and only the menu"
        );
        items
    }
}

const COMMAND: egui::Modifiers = egui::Modifiers::COMMAND;
const COMMAND_SHIFT: egui::Modifiers = egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT);

#[test]
fn typed_notes_are_undone_and_redone_with_the_keyboard() {
    let mut session = sample_session();
    session.click("Gloo");
    let original = session.board().card_by_title("Gloo").unwrap().notes.clone();
    session.click("Edit notes");
    session.type_into("Notes", " Ask about gRPC.");
    let gloo_notes = |session: &Session| session.board().card_by_title("Gloo").unwrap().notes.clone();
    assert_eq!(gloo_notes(&session), format!("{original} Ask about gRPC."));

    // The field still has the cursor: the board's history undoes, not the field's own.
    assert!(session.harness.get_by_label("Notes").is_focused());
    session.press(COMMAND, egui::Key::Z);
    assert_eq!(gloo_notes(&session), original);
    assert_eq!(
        session.harness.get_by_label("Notes").value().as_deref(),
        Some(original.as_str())
    );
    session.wait_for_file("the notes as they were", |board| {
        board.card_by_title("Gloo").unwrap().notes == original
    });
    session.press(COMMAND_SHIFT, egui::Key::Z);
    assert_eq!(gloo_notes(&session), format!("{original} Ask about gRPC."));
    session.press(COMMAND, egui::Key::Z);
    assert_eq!(
        session.edit_menu_items(),
        (
            "Undo Ctrl+Z".to_owned(),
            "Redo edit notes of “Gloo” Ctrl+Shift+Z".to_owned()
        )
    );
    session.press(COMMAND, egui::Key::Y);
    assert_eq!(gloo_notes(&session), format!("{original} Ask about gRPC."));
    session.wait_for_file("the notes typed again", |board| {
        board.card_by_title("Gloo").unwrap().notes.ends_with("Ask about gRPC.")
    });
}

#[test]
fn the_delete_key_removes_the_selected_card_and_undo_brings_it_back_with_its_images() {
    let mut session = sample_session();
    let tidb = session.board().card_by_title("TiDB").unwrap().clone();
    let position = session.board().card_position(tidb.id);
    assert_eq!(
        tidb.images.len(),
        1,
        "the sample TiDB card has its architecture diagram"
    );
    session.click("TiDB");
    session.press(egui::Modifiers::NONE, egui::Key::Delete);
    assert!(
        session.board().card_by_title("TiDB").is_none(),
        "deleted without a dialog"
    );
    assert!(session.harness.query_by_label("Delete card").is_none());
    assert_eq!(
        session.selected_title().as_deref(),
        Some("FoundationDB"),
        "the next card is selected"
    );
    session.wait_for_file("TiDB deleted", |board| board.card_by_title("TiDB").is_none());
    let caption = tidb.images[0].caption.clone();
    assert_eq!(session.harness.query_all_by_label(&caption).count(), 0);
    assert_eq!(session.edit_menu_items().0, "Undo delete card “TiDB” Ctrl+Z");

    session.press(COMMAND, egui::Key::Z);
    let as_written = |card: &boothboard::model::Card| {
        (
            card.title.clone(),
            card.notes.clone(),
            card.links.clone(),
            card.images.clone(),
        )
    };
    assert_eq!(session.board().card(tidb.id).map(as_written), Some(as_written(&tidb)));
    assert_eq!(session.board().card_position(tidb.id), position);
    assert_eq!(session.selected_title().as_deref(), Some("TiDB"));
    // The card and its editor (which follows the selection) show the image again.
    assert!(session.harness.query_all_by_label(&caption).count() > 0);
    let board = session.wait_for_file("TiDB back", |board| board.card_by_title("TiDB").is_some());
    assert_eq!(board.card(tidb.id).map(as_written), Some(as_written(&tidb)));
    let media = store::media_dir_for(&session.path).join(tidb.images[0].file.as_str());
    assert!(media.is_file(), "the image file stayed on disk");
}

#[test]
fn search_finds_chinese_notes_and_escape_clears_it() {
    let mut session = sample_session();
    session.click("Ballerina");
    session.click("Edit notes");
    session.type_into("Notes", "\n在展台上看到的演示：序列图。");
    session.press(COMMAND, egui::Key::F);
    assert!(
        session.harness.get_by_label("Search").is_focused(),
        "Ctrl+F focuses search"
    );
    session.harness.get_by_label("Search").type_text("展台");
    session.harness.run_steps(2);
    session.harness.get_by_label("1 card matches");
    let ballerina = session.board().card_by_title("Ballerina").unwrap().id;
    let hits = &session.harness.state().view().search_hits.cards;
    assert_eq!(hits.iter().copied().collect::<Vec<_>>(), [ballerina]);

    assert!(session.harness.get_by_label("Search").is_focused(), "still focused");
    session.press(egui::Modifiers::NONE, egui::Key::Escape);
    assert_eq!(session.harness.state().view().search, "");
    assert!(session.harness.query_by_label("1 card matches").is_none());

    // Case does not matter; the count covers titles, notes and link addresses alike.
    session.type_into("Search", "TIDB");
    session.harness.get_by_label("1 card matches");
    session.harness.get_by_label("Search").type_text("X");
    session.harness.run_steps(2);
    session.harness.get_by_label("No cards match");
}

#[test]
fn enter_in_search_selects_the_first_match() {
    let mut session = sample_session();
    session.type_into("Search", "kubernetes");
    session.press(egui::Modifiers::NONE, egui::Key::Enter);
    let first_match = session
        .board()
        .cards()
        .find(|card| card.notes.contains("Kubernetes"))
        .unwrap();
    assert_eq!(session.selected_title(), Some(first_match.title.clone()));
}

#[test]
fn arrow_keys_move_the_selection_enter_opens_and_escape_closes() {
    let mut session = sample_session();
    let arrow = |session: &mut Session, key| {
        session.press(egui::Modifiers::NONE, key);
        session.selected_title().unwrap_or_default()
    };
    assert_eq!(arrow(&mut session, egui::Key::ArrowDown), "Gloo");
    assert_eq!(arrow(&mut session, egui::Key::ArrowDown), "Ballerina");
    assert_eq!(arrow(&mut session, egui::Key::ArrowRight), "FoundationDB");
    assert_eq!(arrow(&mut session, egui::Key::ArrowRight), "Rook");
    assert_eq!(arrow(&mut session, egui::Key::ArrowRight), "Rook");
    assert_eq!(arrow(&mut session, egui::Key::ArrowLeft), "TiDB");
    assert_eq!(arrow(&mut session, egui::Key::ArrowUp), "TiDB");
    assert!(
        session.harness.query_by_label("Title").is_none(),
        "selecting does not open the editor"
    );

    session.press(egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(session.harness.get_by_label("Title").value().as_deref(), Some("TiDB"));
    // In a text field the arrows move the text cursor, not the selection.
    session.harness.get_by_label("Title").focus();
    session.harness.run_steps(1);
    assert_eq!(arrow(&mut session, egui::Key::ArrowDown), "TiDB");
    // Escape leaves the field first, then closes the editor.
    session.press(egui::Modifiers::NONE, egui::Key::Escape);
    assert!(session.harness.query_by_label("Title").is_some());
    session.press(egui::Modifiers::NONE, egui::Key::Escape);
    assert!(session.harness.query_by_label("Title").is_none());
    assert_eq!(session.selected_title().as_deref(), Some("TiDB"), "the selection stays");
}

#[test]
fn ctrl_n_adds_a_card_to_the_selected_cards_column_and_undo_takes_it_away() {
    let mut session = sample_session();
    session.click("Rook");
    session.press(COMMAND, egui::Key::N);
    assert!(session.harness.get_by_label("Title").is_focused());
    session.harness.get_by_label("Title").type_text("Longhorn");
    session.harness.run_steps(2);
    assert_eq!(column_of(session.board(), "Longhorn"), "Storage");
    session.press(COMMAND, egui::Key::Z);
    assert_eq!(
        session
            .board()
            .card_by_title("")
            .map(|card| column_of(session.board(), &card.title)),
        Some("Storage".to_owned())
    );
    session.press(COMMAND, egui::Key::Z);
    assert_eq!(session.board().card_count(), 6);
    session.wait_for_file("no new card", |board| board.card_count() == 6);
}

#[test]
fn f1_shows_the_shortcut_overview() {
    let mut session = sample_session();
    session.press(egui::Modifiers::NONE, egui::Key::F1);
    session.harness.get_by_label("Keyboard shortcuts");
    session.harness.get_by_label("Ctrl+Shift+Z or Ctrl+Y");
    session.press(egui::Modifiers::NONE, egui::Key::Escape);
    assert!(session.harness.query_by_label("Ctrl+Shift+Z or Ctrl+Y").is_none());
}

/// The board screen alone, with the commands it emits kept for the test to read.
fn board_screen_harness(board: Board) -> Harness<'static, (ViewState, Vec<Command>)> {
    struct NoThumbnails;
    impl Thumbnails for NoThumbnails {
        fn thumbnail(&mut self, _: &boothboard::model::ImageRef) -> ThumbnailState {
            ThumbnailState::Loading
        }

        fn full_size(&mut self, _: &boothboard::model::ImageRef) -> ThumbnailState {
            ThumbnailState::Loading
        }
    }
    let history = History::default();
    Harness::builder().with_size(egui::vec2(1500.0, 1000.0)).build_ui_state(
        move |ui, (view, commands)| {
            let screen = Screen {
                board: &board,
                save_status: &SaveStatus::Saved,
                history: &history,
                revision: 0,
                images_in_progress: 0,
                inbox: None,
            };
            board_screen_ui(ui, screen, view, &mut NoThumbnails, commands);
        },
        (ViewState::default(), Vec::new()),
    )
}

#[test]
fn board_file_shortcuts_ask_for_a_file_and_new_card_goes_to_the_first_column() {
    let board = Board::new("Keys");
    let first_column = board.columns[0].id;
    let mut harness = board_screen_harness(board);
    let mut press = |modifiers, key| {
        harness.state_mut().1.clear();
        harness.key_press_modifiers(modifiers, key);
        harness.run_steps(1);
        harness.state().1.clone()
    };
    assert_eq!(press(COMMAND, egui::Key::O), [Command::ShowOpenBoard]);
    assert_eq!(press(COMMAND_SHIFT, egui::Key::N), [Command::NewBoardDialog]);
    assert_eq!(
        press(COMMAND, egui::Key::N),
        [Command::Edit(BoardEdit::AddCard(first_column, String::new()))]
    );
    assert_eq!(press(COMMAND, egui::Key::E), [Command::ExportDialogOpened]);
    assert!(harness.state().0.export_dialog.is_some(), "Ctrl+E asks what to export");
}

#[test]
fn a_drop_that_arrives_before_the_pointer_waits_for_it() {
    let mut session = sample_session();
    let images = tempfile::tempdir().unwrap();
    let slide = common::write_png(images.path(), "rook-slide.png", 640, 360);
    let lost = common::write_png(images.path(), "lost.png", 320, 180);
    // Some drag sources send the drop before releasing their pointer grab: no position yet.
    session.harness.event(egui::Event::PointerGone);
    session.harness.step();
    let file: egui::DroppedFileHandle = std::sync::Arc::new(common::DroppedPath(slide));
    session.harness.input_mut().dropped_files.push(file);
    session.harness.step();
    assert_eq!(session.harness.state().images_in_progress(), 0, "not decided yet");
    let rook = session.harness.get_by_label("Rook").rect().center();
    session.harness.hover_at(rook);
    session.harness.step();
    session.wait_for_imports();
    let board = session.wait_for_file("Rook has the slide", |board| {
        board.card_by_title("Rook").unwrap().images.len() == 1
    });
    assert_eq!(board.card_count(), 6);

    // When the pointer never comes, the image still lands: as a new card in the first column.
    session.harness.event(egui::Event::PointerGone);
    session.harness.step();
    let file: egui::DroppedFileHandle = std::sync::Arc::new(common::DroppedPath(lost));
    session.harness.input_mut().dropped_files.push(file);
    for _ in 0..200 {
        session.harness.step();
        if session.harness.state().images_in_progress() > 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    session.wait_for_imports();
    let board = session.wait_for_file("a new card for lost.png", |board| board.card_by_title("lost").is_some());
    assert_eq!(column_of(&board, "lost"), "Gateways and languages");
}

#[test]
fn ctrl_click_selects_several_cards_to_export_together() {
    let mut session = sample_session();
    session.click("TiDB");
    session.ctrl_click("Gloo");
    session.ctrl_click("Rook");
    // A second Ctrl+click takes a card out again.
    session.ctrl_click("Rook");
    let board = session.board().clone();
    let (gloo, tidb) = (
        board.card_by_title("Gloo").unwrap().id,
        board.card_by_title("TiDB").unwrap().id,
    );
    assert_eq!(
        boothboard::ui::selected_cards(&board, session.harness.state().view()),
        [gloo, tidb],
        "in board order"
    );
    session.press(egui::Modifiers::COMMAND, egui::Key::E);
    session.click("The 2 selected cards");
    assert_eq!(
        session.harness.state().view().export_dialog,
        Some(ExportChoice::SelectedCards)
    );
    // A plain click selects one card again.
    session.click("Cancel");
    session.click("FoundationDB");
    let view = session.harness.state().view();
    assert_eq!(boothboard::ui::selected_cards(&board, view).len(), 1);
}

#[test]
fn double_clicking_a_cover_on_the_board_opens_the_viewer() {
    let mut session = sample_session();
    session.open_viewer_on_cover("Gloo architecture");
    let viewer = session.harness.state().view().viewer.expect("the viewer is open");
    assert_eq!(viewer.index, 0);
    assert_eq!(
        Some(viewer.card),
        session.board().card_by_title("Gloo").map(|card| card.id)
    );
    let pictures = session
        .harness
        .get_all_by_role_and_label(Role::Image, "Gloo architecture");
    assert_eq!(
        pictures.count(),
        2,
        "the cover on the board and the picture in the viewer"
    );

    // An image dropped on the viewer joins the card it shows, whatever card lies under it.
    let images = tempfile::tempdir().unwrap();
    let slide = common::write_png(images.path(), "gloo-demo.png", 400, 225);
    let tidb = session.harness.get_by_label("TiDB").rect().center();
    session.drop_files(tidb, &[slide]);
    let board = session.wait_for_file("Gloo has the dropped slide", |board| {
        board.card_by_title("Gloo").unwrap().images.len() == 2
    });
    assert_eq!(board.card_by_title("TiDB").unwrap().images.len(), 1);
}

#[test]
fn one_undo_takes_back_a_whole_drop_of_images() {
    let mut session = sample_session();
    let images = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = (0..3)
        .map(|number| common::write_png(images.path(), &format!("slide {number}.png"), 300 + number, 200))
        .collect();
    let rook = session.harness.get_by_label("Rook").rect();
    session.drop_files(egui::pos2(rook.center().x, 900.0), &files);
    session.wait_for_file("three new cards", |board| board.card_count() == 9);
    session.press(egui::Modifiers::COMMAND, egui::Key::Z);
    let board = session.wait_for_file("the drop undone", |board| board.card_count() == 6);
    assert!(board.card_by_title("slide 0").is_none());
    session.press(egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT), egui::Key::Z);
    let board = session.wait_for_file("the drop redone", |board| board.card_count() == 9);
    assert_eq!(column_of(&board, "slide 2"), "Storage");
}

#[test]
fn delete_removes_every_selected_card_and_undo_brings_them_back() {
    let mut session = sample_session();
    session.click("TiDB");
    session.press(egui::Modifiers::NONE, egui::Key::Escape);
    session.ctrl_click("Rook");
    session.press(egui::Modifiers::NONE, egui::Key::Delete);
    let board = session.wait_for_file("both deleted", |board| board.card_count() == 4);
    assert!(board.card_by_title("TiDB").is_none() && board.card_by_title("Rook").is_none());
    assert_eq!(session.edit_menu_items().0, "Undo delete 2 cards Ctrl+Z");
    session.press(egui::Modifiers::COMMAND, egui::Key::Z);
    session.wait_for_file("both back with one undo", |board| board.card_count() == 6);
}

#[test]
fn quitting_while_images_are_added_waits_for_them() {
    let mut session = sample_session();
    let images = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = (0..3)
        .map(|number| common::write_png(images.path(), &format!("late {number}.png"), 1920 + number, 1080))
        .collect();
    let tidb = session.harness.get_by_label("TiDB").rect().center();
    session.start_dropping_files(tidb, &files);
    assert!(session.harness.state().images_in_progress() > 0);
    let commands = session.request_close();
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    session.wait_for_close();
    let saved = store::load(&session.path).unwrap();
    assert_eq!(
        saved.card_by_title("TiDB").unwrap().images.len(),
        4,
        "the images made it in"
    );
}

#[test]
fn a_card_released_outside_every_column_stays_where_it_was() {
    let mut session = sample_session();
    let from = session.harness.get_by_label("Ballerina").rect().center();
    // Over Rook's column first, then away to the themes panel, and let go there.
    let rook = session.harness.get_by_label("Rook").rect().center();
    session.drag(from, rook);
    assert_eq!(
        column_of(session.board(), "Ballerina"),
        "Storage",
        "the drag itself works"
    );
    let back = session.harness.get_by_label("Ballerina").rect().center();
    session.drag(back, egui::pos2(100.0, 600.0));
    session.harness.run_steps(3);
    assert_eq!(
        column_of(session.board(), "Ballerina"),
        "Storage",
        "released over no column"
    );
}
