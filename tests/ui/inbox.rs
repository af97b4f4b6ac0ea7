//! The screenshot inbox in the window (issue 17): turned on from the Board menu, a screenshot
//! saved into the folder becomes a card in "Inbox", ready to rename. Helpers come from `tests/ui.rs`.

use boothboard::store::AppHome;
use boothboard::store::Settings;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::common::{write_png, write_text_named_png};
use super::{Session, WAIT_LIMIT, sample_session};

impl Session {
    /// Board → Watch a folder for screenshots…, with `folder` typed in.
    fn watch_folder(&mut self, folder: &std::path::Path, attach_to_selected: bool) {
        self.click("Board");
        self.click("Watch a folder for screenshots…");
        self.type_over("Folder", &folder.display().to_string());
        if attach_to_selected {
            self.click("Attach to the selected card");
        }
        self.click("Watch this folder");
    }

    /// Waits for an image to come in: on a loaded 2-core machine the image workers (which yield
    /// to everything else) take longer than other background work, so this allows twice as long.
    fn wait_for_image(&mut self, what: &str, check: impl Fn(&Self) -> bool) {
        // The sample board's own thumbnails are made first, on the same workers.
        self.wait_for_app("the sample board's thumbnails", |session| {
            !session.harness.state().thumbnails_busy()
        });
        let deadline = std::time::Instant::now() + WAIT_LIMIT * 2;
        while !check(self) {
            assert!(std::time::Instant::now() < deadline, "never happened: {what}");
            self.harness.step();
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        self.harness.run_steps(1);
    }

    fn inbox_titles(&self) -> Vec<String> {
        let board = self.harness.state().board().unwrap();
        board
            .column_by_name("Inbox")
            .map(|column| column.cards.iter().map(|card| card.title.clone()).collect())
            .unwrap_or_default()
    }
}

#[test]
fn a_screenshot_saved_into_the_watched_folder_becomes_a_card_in_inbox_ready_to_rename() {
    let mut session = sample_session();
    let shots = session.path.parent().unwrap().parent().unwrap().join("Screenshots");
    std::fs::create_dir(&shots).unwrap();
    write_png(&shots, "from before.png", 64, 48);
    // A second for the file times to tell "before" from "after" (they lag the clock a little).
    std::thread::sleep(std::time::Duration::from_millis(1500));
    session.watch_folder(&shots, false);
    session.wait_for_app("the offer of the image already there", |session| {
        session
            .harness
            .query_by_label("Import the 1 image already there")
            .is_some()
    });
    session.click("Leave them");
    session.harness.get_by_label_contains("Inbox: Screenshots");

    write_png(&shots, "Screenshot 2026-03-01 14-03-22.png", 320, 200);
    session.wait_for_image("a card in Inbox", |session| session.inbox_titles().len() == 1);
    let board = session.harness.state().board().unwrap();
    assert_eq!(board.columns[0].name, "Inbox", "made first on the left");
    let card = &board.columns[0].cards[0];
    assert!(card.title.starts_with("Screenshot "), "{}", card.title);
    assert_eq!(card.images.len(), 1);
    assert_eq!(
        session.harness.state().view().editor_card(),
        Some(card.id),
        "selected, open"
    );
    assert!(session.harness.state().view().focus_card_title || session.harness.state().view().text_had_focus);
    // Typing renames it.
    session.harness.get_by_label("Title").type_text(" — Gloo keynote");
    session.harness.run_steps(2);
    assert!(
        session.inbox_titles()[0].ends_with("— Gloo keynote"),
        "{:?}",
        session.inbox_titles()
    );

    // A text file named as an image is refused once, by name, and the watch goes on.
    write_text_named_png(&shots, "notes.png");
    session.wait_for_app("the refusal", |session| {
        session
            .harness
            .state()
            .message()
            .is_some_and(|message| message.text.contains("notes.png"))
    });
    // Remembered for this board on this machine, not in the board file.
    let home = AppHome::at(session.path.parent().unwrap().parent().unwrap());
    session.wait_for_app("the setting saved", |session| {
        Settings::load(&home)
            .inbox_for(&session.path)
            .is_some_and(|inbox| inbox.watching && inbox.folder == shots)
    });
    let file = std::fs::read_to_string(&session.path).unwrap();
    assert!(!file.contains("Screenshots\""), "the folder is not in the board file");
}

#[test]
fn with_attach_ticked_a_screenshot_goes_onto_the_selected_card() {
    let mut session = sample_session();
    let shots = session.path.parent().unwrap().parent().unwrap().join("Phone");
    std::fs::create_dir(&shots).unwrap();
    session.click("TiDB");
    session.watch_folder(&shots, true);
    write_png(&shots, "IMG_2041.png", 320, 200);
    session.wait_for_image("the photo on TiDB", |session| {
        let board = session.harness.state().board().unwrap();
        board
            .card_by_title("TiDB")
            .unwrap()
            .images
            .iter()
            .any(|image| image.caption == "IMG_2041.png")
    });
    assert!(session.inbox_titles().is_empty(), "no new card");
}

#[test]
fn the_folder_chosen_in_the_system_dialog_fills_the_inbox_dialog() {
    let mut session = sample_session();
    let native = session.harness.state().view().native_dialogs;
    session.click("Board");
    session.click("Watch a folder for screenshots…");
    assert_eq!(
        !session.harness.get_by_label("Choose…").accesskit_node().is_disabled(),
        native,
        "the system's folder dialog is offered only where it can open"
    );
    // What the folder dialog hands back (it can't be clicked through here).
    let chosen = session.path.parent().unwrap().join("Phone photos");
    std::fs::create_dir(&chosen).unwrap();
    session
        .harness
        .state_mut()
        .queue_command(boothboard::command::Command::InboxFolderPicked(chosen.clone()));
    session.harness.run_steps(2);
    session.click("Watch this folder");
    let home = AppHome::at(session.path.parent().unwrap().parent().unwrap());
    session.wait_for_app("the chosen folder watched", |session| {
        Settings::load(&home)
            .inbox_for(&session.path)
            .is_some_and(|inbox| inbox.watching && inbox.folder == chosen)
    });
}
