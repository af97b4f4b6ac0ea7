//! Choosing files on any desktop (issue 14): the app's own "Open board", the export folder,
//! and what stands in for the system's file dialog where none can open. Helpers come from `tests/ui.rs`.

use boothboard::open::open_or_create;
use boothboard::store::{self, AppHome, Settings};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::{Session, sample_session, wait_for_export};

impl Session {
    /// Selects all the text of the field named `label` and types `text` over it.
    pub(super) fn type_over(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).focus();
        self.harness.run_steps(1);
        self.harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        self.harness.run_steps(1);
        self.harness.get_by_label(label).type_text(text);
        self.harness.run_steps(2);
    }

    fn open_board_dialog(&mut self) {
        self.click("Board");
        // The menu item's name ends with its shortcut.
        self.harness.get_by_label_contains("Open board…").click();
        self.wait_for_app("the boards listed", |session| {
            session.harness.state().view().open_board.is_some()
        });
    }
}

#[test]
fn open_board_lists_the_boards_opened_lately_and_those_in_the_folder_and_opens_one() {
    let mut session = sample_session();
    let home = AppHome::at(session._home.path());
    // A board opened before, elsewhere, and one more in the Boothboard folder.
    let elsewhere = session._home.path().join("team").join("qcon-2019.json");
    open_or_create(&home, &elsewhere).unwrap();
    Settings::remember_board(&home, elsewhere.clone());
    open_or_create(&home, &home.boards_dir().join("devoxx.json")).unwrap();
    Settings::remember_board(&home, session.path.clone());

    session.open_board_dialog();
    assert!(
        session
            .harness
            .get_by_label("kubecon-2018.json")
            .accesskit_node()
            .is_disabled(),
        "the open board is there, but not to open again"
    );
    session.harness.get_by_label("devoxx.json");
    session.click("qcon-2019.json");
    session.wait_for_app("the chosen board open", |session| {
        session.harness.state().save_status() == boothboard::ui::SaveStatus::Saved
            && session.harness.state().view().open_board.is_none()
            && store::load(&elsewhere).is_ok_and(|board| {
                session
                    .harness
                    .state()
                    .board()
                    .is_some_and(|shown| shown.title == board.title)
            })
    });
    assert_eq!(
        Settings::load(&home).recent_boards()[0],
        elsewhere,
        "first among the recent ones"
    );
}

#[test]
fn a_path_typed_into_open_board_creates_a_board_in_the_boothboard_folder() {
    let mut session = sample_session();
    let native = session.harness.state().view().native_dialogs;
    session.open_board_dialog();
    assert_eq!(
        !session
            .harness
            .get_by_label("Open another file…")
            .accesskit_node()
            .is_disabled(),
        native,
        "the system's dialog is offered only where it can open"
    );
    session.type_into(
        "Path of a board (a name alone means the Boothboard folder):",
        "kubecon-2019",
    );
    session.click("Open");
    let created = session.path.with_file_name("kubecon-2019.json");
    session.wait_for_app("the new board open", |_| created.is_file());
    session.wait_for_app("the new board shown", |session| {
        session.harness.state().view().open_board.is_none()
            && session
                .harness
                .state()
                .board()
                .is_some_and(|board| board.card_count() == 0)
    });
    store::load(&created).unwrap();
}

#[test]
fn the_export_dialog_offers_a_folder_and_exports_into_the_one_typed_with_one_click() {
    let mut session = sample_session();
    session.click("Board");
    session.harness.get_by_label_contains("Export…").click();
    session.harness.run_steps(2);
    let offered = session.harness.state().view().export_folder.clone();
    assert!(
        offered.ends_with("Boothboard/kubecon-2018"),
        "a folder per board in Documents: {offered}"
    );
    assert_eq!(
        !session
            .harness
            .get_by_label("Choose folder…")
            .accesskit_node()
            .is_disabled(),
        session.harness.state().view().native_dialogs
    );

    // A relative path can't be meant: Export waits for a full one.
    session.type_over("Into the folder:", "blog");
    session
        .harness
        .get_by_label("Type the folder's full path, starting with / or ~/.");
    let export_button = |session: &Session| {
        session
            .harness
            .get_by_role_and_label(egui::accesskit::Role::Button, "Export")
            .accesskit_node()
            .is_disabled()
    };
    assert!(export_button(&session), "Export waits for a full path");

    let out = session._home.path().join("blog");
    session.type_over("Into the folder:", &format!("'{}'", out.display()));
    assert!(!export_button(&session));
    session
        .harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Export")
        .click();
    session.harness.run_steps(2);
    wait_for_export(&mut session);
    assert!(out.join("kubecon-2018.md").is_file());
    let home = AppHome::at(session._home.path());
    session.wait_for_app("the folder remembered", |_| {
        Settings::load(&home).last_export_folder.as_ref() == Some(&out)
    });

    // The next export offers it.
    session.click("Board");
    session.harness.get_by_label_contains("Export…").click();
    session.harness.run_steps(2);
    assert_eq!(session.harness.state().view().export_folder, out.display().to_string());
}

#[test]
fn add_images_is_offered_only_where_a_file_dialog_can_open() {
    let mut session = sample_session();
    session.click("TiDB");
    let native = session.harness.state().view().native_dialogs;
    let button = session.harness.get_by_label("Add images…");
    assert_eq!(!button.accesskit_node().is_disabled(), native);
}

#[test]
fn esc_closes_open_board_and_the_board_below_takes_no_keys_meanwhile() {
    let mut session = sample_session();
    session.click("TiDB");
    session.open_board_dialog();
    session.harness.key_press(egui::Key::Escape);
    session.harness.run_steps(2);
    assert!(session.harness.state().view().open_board.is_none(), "Esc closes it");
    assert!(
        session.harness.state().view().editor_card().is_some(),
        "the Esc was the dialog's, not the editor's"
    );
}
