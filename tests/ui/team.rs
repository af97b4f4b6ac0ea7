//! Boards kept by a team (issue 12), in the window. Helpers come from `tests/ui.rs`.

use boothboard::app::Startup;
use boothboard::open::open_or_create;
use boothboard::store::{self, AppHome};
use egui_kittest::kittest::Queryable as _;

use super::{Session, harness};

#[test]
fn a_card_a_merge_flagged_says_so_until_its_notes_are_marked_as_checked() {
    let home_dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(home_dir.path());
    let path = home.default_board_path();
    // The sample board as a merge that found the same lines of Rook's notes changed left it.
    let mut flagged = open_or_create(&home, &path).unwrap();
    let rook = flagged.card_by_title("Rook").unwrap().id;
    flagged.card_mut(rook).unwrap().check_notes = true;
    store::save(&path, &flagged).unwrap();
    let board = open_or_create(&home, &path).unwrap();
    let mut session = Session {
        harness: harness(home, Startup::Opened(path.clone(), Box::new(board))),
        path,
        _home: home_dir,
    };

    session.harness.get_by_label_contains("merged — check the notes");
    session.click("Rook");
    session.harness.get_by_label_contains("both versions are kept");
    session.click("Mark as checked");
    let board = session.wait_for_file("the flag cleared", |board| {
        !board.card_by_title("Rook").unwrap().check_notes
    });
    assert!(board.card_by_title("Rook").is_some());
    assert!(
        session
            .harness
            .query_by_label_contains("merged — check the notes")
            .is_none()
    );
    assert!(session.harness.query_by_label("Mark as checked").is_none());
}
