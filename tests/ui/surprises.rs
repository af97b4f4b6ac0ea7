//! Surprises that lose or hide work (issue 19), driven through the window. Helpers come from `tests/ui.rs`.

use std::time::{Duration, Instant};

use boothboard::app::{Startup, load_failure};
use boothboard::open::open_or_create;
use boothboard::store::{self, AppHome};
use boothboard::ui::SaveStatus;
use egui_kittest::kittest::Queryable as _;

use super::{Session, WAIT_LIMIT, harness, sample_session};

impl Session {
    fn tidb_exists(&self) -> bool {
        self.board().card_by_title("TiDB").is_some()
    }
}

#[test]
fn delete_leaves_a_card_the_theme_filter_hides() {
    let mut session = sample_session();
    session.click("TiDB");
    assert_eq!(session.selected_title().as_deref(), Some("TiDB"));
    // The first theme is "Developer story", which TiDB does not tick.
    session.click("Show only these");
    assert!(session.harness.query_by_label("TiDB").is_none(), "filtered out");
    assert_eq!(session.selected_title(), None, "a hidden card leaves the selection");
    session.press(egui::Modifiers::NONE, egui::Key::Delete);
    assert!(session.tidb_exists(), "Delete acts only on cards in view");
}

#[test]
fn delete_leaves_a_card_a_search_hides() {
    let mut session = sample_session();
    session.ctrl_click("TiDB");
    session.ctrl_click("Gloo");
    session.type_into("Search", "Gloo");
    // Leave the field without Esc (which clears the search).
    session.click("Themes");
    assert_eq!(session.selected_title().as_deref(), Some("Gloo"));
    assert!(session.harness.state().view().also_selected.is_empty());
    session.press(egui::Modifiers::NONE, egui::Key::Delete);
    assert!(session.tidb_exists(), "the card the search hides stays");
    assert!(
        session.board().card_by_title("Gloo").is_none(),
        "the match in view goes"
    );
}

/// The sample session after another program wrote a damaged board file and the user typed.
fn session_with_a_damaged_outside_edit() -> Session {
    let mut session = sample_session();
    session.type_into("Board title", " (saved)");
    session.wait_for_file("a first save, so there is a backup", |board| {
        board.title.ends_with("(saved)")
    });
    std::fs::write(&session.path, "{ damaged by another program").unwrap();
    session.type_into("Board title", " (mine)");
    session.wait_for_status("the outside edit noticed", |status| {
        *status == SaveStatus::ChangedOutside
    });
    session
}

#[test]
fn keep_mine_over_a_damaged_file_leaves_the_backup_a_good_save() {
    let mut session = session_with_a_damaged_outside_edit();
    let backup = std::fs::read(store::backup_path_for(&session.path)).unwrap();
    session.click("Keep mine");
    session.wait_for_file("mine saved", |board| board.title.ends_with("(mine)"));
    assert_eq!(
        std::fs::read(store::backup_path_for(&session.path)).unwrap(),
        backup,
        "the backup is still the last good save"
    );
    let theirs = session.files_starting_with("kubecon-2018.theirs-");
    assert_eq!(
        std::fs::read_to_string(&theirs[0]).unwrap(),
        "{ damaged by another program"
    );
}

#[test]
fn the_damaged_board_screen_offers_the_kept_versions_and_restores_one() {
    let session = sample_session();
    // A version of the user's kept beside the board, as Boothboard 0.1 kept one on Reload theirs.
    let mut mine = store::load(&session.path).unwrap();
    mine.title.push_str(" (mine)");
    let mine = store::keep_copy_beside(&session.path, "mine", &store::to_bytes(&mine).unwrap()).unwrap();
    let mine_name = mine.file_name().unwrap().to_string_lossy().into_owned();
    let (path, home_dir) = (session.path.clone(), session._home);
    drop(session.harness);
    std::fs::write(&path, "{ damaged").unwrap();

    let home = AppHome::at(home_dir.path());
    let error = open_or_create(&home, &path).unwrap_err();
    let mut harness = harness(home, Startup::Failed(load_failure(&path, &error)));
    assert!(
        harness.query_by_label("Restore from backup").is_none(),
        "nothing was saved before the outside edit, so there is no backup"
    );
    harness.get_by_label(&format!("Restore {mine_name}")).click();
    let deadline = Instant::now() + WAIT_LIMIT;
    while harness.state().board().is_none() {
        assert!(Instant::now() < deadline, "the restored board never opened");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(harness.state().board().unwrap().title.ends_with("(mine)"));
    assert!(store::load(&path).unwrap().title.ends_with("(mine)"));
    assert!(mine.exists(), "the copy stays");
}

#[test]
fn a_theme_name_another_theme_has_is_refused_with_a_message() {
    let mut session = sample_session();
    session.click("Add theme");
    session.click("Done");
    session.click("TiDB");
    // A new theme is untitled everywhere: the panel, the card's ticks.
    assert_eq!(session.harness.get_all_by_label("Untitled theme").count(), 2);

    session.harness.get_all_by_label("Edit").last().unwrap().click();
    session.harness.run_steps(2);
    session.type_into("Theme name", "database STORY");
    session
        .harness
        .get_by_label_contains("Not renamed: another theme is already named “Database story”");
    let named = |session: &Session, name: &str| session.board().themes_named(name).count();
    assert_eq!(named(&session, "Database story"), 1, "not applied");
    assert_eq!(named(&session, "Untitled theme"), 1);

    session.type_into("Theme name", " 2");
    let board = session.wait_for_file("the name once it differs", |board| {
        board.theme_by_name("database STORY 2").is_some()
    });
    assert_eq!(board.themes.len(), 3);
    assert!(session.harness.query_by_label_contains("Not renamed").is_none());
}
