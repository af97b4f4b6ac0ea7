//! Boards kept by a team (issue 12), in the window. Helpers come from `tests/ui.rs`.

use std::path::Path;

use boothboard::app::Startup;
use boothboard::media::store_image_bytes;
use boothboard::model::{Board, BoardEdit, Created, DeviceId, merge};
use boothboard::open::open_or_create;
use boothboard::store::{self, AppHome};
use boothboard::ui::SaveStatus;
use egui_kittest::kittest::Queryable as _;

use super::{Session, common, harness, sample_session, sample_session_with};

#[test]
fn a_card_a_merge_flagged_says_so_until_its_notes_are_marked_as_checked() {
    let home_dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(home_dir.path());
    let path = home.default_board_path();
    // The sample board as a merge of two copies that changed the same lines of Rook's notes left it.
    let start = open_or_create(&home, &path).unwrap();
    let rook = start.card_by_title("Rook").unwrap().id;
    let copy = |device, notes: &str| {
        let mut copy = start.clone();
        copy.adopt_device(DeviceId(device));
        copy.apply(BoardEdit::SetCardNotes(rook, notes.into())).unwrap();
        copy
    };
    let (flagged, _) = merge(&copy(1, "Ceph on every node."), &copy(2, "Only on storage nodes."));
    assert!(flagged.card(rook).unwrap().check_notes);
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

/// The board file as another device changed it: `change` applied to what is on disk now, stamped
/// by that device. `write` puts it in place as a sync tool does: whole, by renaming a finished file.
fn as_another_device(path: &Path, change: impl FnOnce(&mut Board)) -> Board {
    let mut theirs = store::load(path).unwrap();
    theirs.adopt_device(DeviceId(0x5eed));
    change(&mut theirs);
    theirs
}

fn write_as_sync_tool(path: &Path, board: &Board) {
    let temp = path.with_file_name(format!(
        ".syncthing.{}.tmp",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&temp, store::to_bytes(board).unwrap()).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

#[test]
fn another_programs_save_is_merged_with_the_unsaved_edits_and_nothing_is_asked() {
    let mut session = sample_session();
    let theirs = as_another_device(&session.path, |board| {
        let column = board.columns[0].id;
        board.apply(BoardEdit::AddCard(column, "Vitess".into())).unwrap();
    });
    session.type_into("Board title", " (mine)");
    write_as_sync_tool(&session.path, &theirs);

    let board = session.wait_for_file("both versions in the file", |board| {
        board.title.ends_with("(mine)") && board.card_by_title("Vitess").is_some()
    });
    assert_eq!(board.card_count(), theirs.card_count());
    let shown = session.harness.state().board().unwrap();
    assert!(shown.card_by_title("Vitess").is_some() && shown.title.ends_with("(mine)"));
    session.wait_for_status("saved", |status| *status == SaveStatus::Saved);
    assert!(
        session.harness.query_by_label("Keep mine").is_none(),
        "nothing to choose"
    );
    session
        .harness
        .get_by_label_contains("Merged changes another program saved to kubecon-2018.json: 1 card added.");
    session.type_into("Board title", " and more");
    session.wait_for_file("typing goes on", |board| board.title.ends_with("(mine) and more"));
}

#[test]
fn a_syncthing_conflict_copy_is_merged_moved_into_the_merged_folder_and_its_image_waits_for_sync() {
    let mut session = sample_session();
    // The other laptop added a card with a screenshot; Syncthing brings the image later.
    let elsewhere = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(common::write_png(elsewhere.path(), "booth.png", 64, 40)).unwrap();
    let image = store_image_bytes(elsewhere.path(), &bytes, "Vitess booth").unwrap();
    let theirs = as_another_device(&session.path, |board| {
        let column = board.columns[0].id;
        let Created::Card(card) = board.apply(BoardEdit::AddCard(column, "Vitess".into())).unwrap() else {
            panic!("a card");
        };
        board.apply(BoardEdit::AddImages(card, vec![image.clone()])).unwrap();
    });
    let copy = session
        .path
        .with_file_name("kubecon-2018.sync-conflict-20181211-143005-7QXJ4ZB.json");
    store::save(&copy, &theirs).unwrap();

    let board = session.wait_for_file("the copy merged and saved", |board| {
        board.card_by_title("Vitess").is_some()
    });
    assert_eq!(board.card_count(), theirs.card_count());
    let filed = store::merged_copies_dir_for(&session.path).join(copy.file_name().unwrap());
    session.wait_for_app("the copy moved into kubecon-2018.merged/", |_| {
        filed.is_file() && !copy.exists()
    });
    assert_eq!(store::load(&filed).unwrap(), theirs, "moved as it was");
    session.wait_for_app("the image shown as on its way", |session| {
        session
            .harness
            .query_by_label_contains("Waiting for sync: Vitess booth")
            .is_some()
    });

    // The image arrives as Syncthing writes it: a temporary name, then renamed.
    let media = store::media_dir_for(&session.path);
    std::fs::create_dir_all(&media).unwrap();
    let temp = media.join(format!(".syncthing.{}.tmp", image.file));
    std::fs::write(&temp, &bytes).unwrap();
    std::fs::rename(&temp, media.join(image.file.as_str())).unwrap();
    session.wait_for_app("the image shown once it arrived", |session| {
        session.harness.query_by_label_contains("Waiting for sync").is_none()
            && session.harness.state().textures_held() > 0
            && !session.harness.state().thumbnails_busy()
    });
    assert!(session.harness.query_by_label_contains("Image missing").is_none());
}

#[test]
fn a_conflict_copy_left_while_the_board_was_closed_is_merged_when_it_opens() {
    let mut session = sample_session_with(|path| {
        let theirs = as_another_device(path, |board| {
            let column = board.columns[1].id;
            board.apply(BoardEdit::AddCard(column, "CockroachDB".into())).unwrap();
        });
        let copy = path.with_file_name("kubecon-2018 (Ana's conflicted copy 2018-12-11).json");
        store::save(&copy, &theirs).unwrap();
    });
    session.wait_for_file("the copy merged", |board| board.card_by_title("CockroachDB").is_some());
    let merged = store::merged_copies_dir_for(&session.path);
    session.wait_for_app("the copy filed away", |_| {
        merged
            .join("kubecon-2018 (Ana's conflicted copy 2018-12-11).json")
            .is_file()
    });
    assert!(store::conflict_copies(&session.path).is_empty());
}

#[test]
fn a_damaged_conflict_copy_is_left_where_it_is_with_a_message() {
    let mut session = sample_session();
    let copy = session
        .path
        .with_file_name("kubecon-2018.sync-conflict-20181211-143005-7QXJ4ZB.json");
    std::fs::write(&copy, b"{ \"version\": 2, \"title\": ").unwrap();
    session.wait_for_app("the refusal said", |session| {
        session.harness.query_by_label_contains("Not merged:").is_some()
    });
    session
        .harness
        .get_by_label_contains("kubecon-2018.sync-conflict-20181211-143005-7QXJ4ZB.json");
    assert!(copy.is_file(), "left where it is");
    assert!(!store::merged_copies_dir_for(&session.path).exists());
}

#[test]
fn a_teammates_deletions_merged_in_are_one_undo_away() {
    let mut session = sample_session();
    let before = store::load(&session.path).unwrap();
    let theirs = as_another_device(&session.path, |board| {
        for title in ["TiDB", "Rook"] {
            let card = board.card_by_title(title).unwrap().id;
            board.apply(BoardEdit::DeleteCard(card)).unwrap();
        }
    });
    write_as_sync_tool(&session.path, &theirs);
    session.wait_for_app("the deletions merged", |session| {
        session.board().card_by_title("TiDB").is_none() && session.board().card_by_title("Rook").is_none()
    });
    session
        .harness
        .get_by_label_contains("2 cards deleted on the other copy were removed (Undo brings them back)");
    assert_eq!(session.edit_menu_items().0, "Undo merge that removed 2 cards Ctrl+Z");

    session.press(super::COMMAND, egui::Key::Z);
    let board = session.wait_for_file("both cards back in the file", |board| {
        board.card_by_title("TiDB").is_some() && board.card_by_title("Rook").is_some()
    });
    for title in ["TiDB", "Rook"] {
        let (was, now) = (
            before.card_by_title(title).unwrap(),
            board.card_by_title(title).unwrap(),
        );
        assert_eq!(
            (&now.notes, &now.images),
            (&was.notes, &was.images),
            "{title} as it was"
        );
    }
    // The undo is a change of its own: merged with the teammate's copy again, the cards stay.
    let (again, _) = merge(&board, &theirs);
    assert!(again.card_by_title("TiDB").is_some() && again.card_by_title("Rook").is_some());
}

#[test]
fn typing_goes_on_where_it_was_when_a_teammates_lines_are_merged_into_the_notes_being_edited() {
    let mut session = sample_session();
    session.click("TiDB");
    session.click("Edit notes");
    session.harness.get_by_label("Notes").type_text(" Ask about TiFlash");
    session.harness.run_steps(2);
    let tidb = |board: &Board| board.card_by_title("TiDB").unwrap().notes.clone();
    session.wait_for_file("the first words saved", |board| {
        tidb(board).ends_with("Ask about TiFlash")
    });
    // A teammate adds two lines at the top of TiDB's notes and one line to the first paragraph.
    let theirs = as_another_device(&session.path, |board| {
        let card = board.card_by_title("TiDB").unwrap().id;
        let notes = board.card(card).unwrap().notes.replacen(":\n", ": (checked)\n", 1);
        let notes = format!("Seen at the booth.\nGood demo.\n{notes}");
        board.apply(BoardEdit::SetCardNotes(card, notes)).unwrap();
    });
    write_as_sync_tool(&session.path, &theirs);
    session.wait_for_app("the teammate's lines merged", |session| {
        tidb(session.board()).starts_with("Seen at the booth.")
    });
    session.harness.get_by_label("Notes").type_text(" and TiKV");
    session.harness.run_steps(2);
    let notes = tidb(session.board());
    assert!(
        notes.ends_with("Ask about TiFlash and TiKV"),
        "typed where the cursor was: {notes}"
    );
    assert!(
        notes.starts_with("Seen at the booth.\nGood demo.\n") && notes.contains(": (checked)\n"),
        "{notes}"
    );
}

#[test]
fn two_copies_versions_of_a_line_are_shown_side_by_side_until_marked_as_checked() {
    let mut session = sample_session();
    let start = store::load(&session.path).unwrap();
    let rook = start.card_by_title("Rook").unwrap().id;
    let copy = |device, first: &str| {
        let mut copy = start.clone();
        copy.adopt_device(DeviceId(device));
        let notes = copy.card(rook).unwrap().notes.clone();
        let rest: Vec<&str> = notes.split('\n').skip(1).collect();
        copy.apply(BoardEdit::SetCardNotes(rook, format!("{first}\n{}", rest.join("\n"))))
            .unwrap();
        copy
    };
    let theirs = merge(
        &copy(0x5eed, "Ceph on every node."),
        &copy(0x5eee, "Only on storage nodes."),
    )
    .0;
    write_as_sync_tool(&session.path, &theirs);
    session.wait_for_app("the versions merged", |session| {
        session.board().card_by_title("Rook").unwrap().check_notes
    });
    session.click("Rook");
    session.harness.get_by_label("One copy's version:");
    session.harness.get_by_label("The other copy's version:");
    // In the box of versions, and in the notes below it.
    assert_eq!(session.harness.get_all_by_label("Ceph on every node.").count(), 2);
    assert_eq!(session.harness.get_all_by_label("Only on storage nodes.").count(), 2);
    session.click("Mark as checked");
    assert!(session.harness.query_by_label("One copy's version:").is_none());
}
