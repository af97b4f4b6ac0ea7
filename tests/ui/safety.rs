//! The data-safety promises, driven through the window: failed saves, a second Boothboard,
//! another program's edits, refused links. Helpers come from `tests/ui.rs`.

use std::path::Path;
use std::time::{Duration, Instant};

use boothboard::app::{OpenBoard, Startup, close_on_quit_signals};
use boothboard::open::open_or_create;
use boothboard::store::{self, AppHome, WriteFault};
use boothboard::ui::SaveStatus;
use egui_kittest::kittest::Queryable as _;

use super::{Session, WAIT_LIMIT, harness, sample_session};

impl Session {
    /// Steps the app until its save status satisfies `check`.
    pub(super) fn wait_for_status(&mut self, what: &str, check: impl Fn(&SaveStatus) -> bool) -> SaveStatus {
        self.wait_for_app(what, |session| check(&session.harness.state().save_status()));
        self.harness.state().save_status()
    }

    /// Steps the app (letting background threads finish) until `check` holds.
    pub(super) fn wait_for_app(&mut self, what: &str, check: impl Fn(&Self) -> bool) {
        let deadline = Instant::now() + WAIT_LIMIT;
        while !check(self) {
            assert!(Instant::now() < deadline, "never happened: {what}");
            self.harness.step();
            std::thread::sleep(Duration::from_millis(20));
        }
        self.harness.run_steps(1);
    }

    pub(super) fn folder(&self) -> &Path {
        self.path.parent().unwrap()
    }

    /// Files in the board's folder whose names start with `prefix`.
    pub(super) fn files_starting_with(&self, prefix: &str) -> Vec<std::path::PathBuf> {
        std::fs::read_dir(self.folder())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .collect()
    }
}

/// Promise 2, for one kind of disk failure injected at the store's file-system seam.
fn a_failed_save_loses_nothing(fault: WriteFault, reason_shown: &str) {
    let mut session = sample_session();
    let last_good = std::fs::read(&session.path).unwrap();
    let injected = store::inject_write_fault(session.folder(), fault);
    session.type_into("Board title", " (kept)");

    let status = session.wait_for_status("the failure shown", |status| matches!(status, SaveStatus::Failed(_)));
    assert!(
        matches!(&status, SaveStatus::Failed(reason) if reason.contains(reason_shown)),
        "{status:?}"
    );
    session.harness.get_by_label("Not saved, retrying");
    assert!(
        session.harness.state().board().unwrap().title.ends_with("(kept)"),
        "the edit is kept"
    );
    assert_eq!(
        std::fs::read(&session.path).unwrap(),
        last_good,
        "the file stays the last good one"
    );

    let commands = session.request_close();
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    session.harness.run_steps(2);
    session.harness.get_by_label_contains("Your last changes are not saved");
    session.harness.get_by_label("Quit without saving");
    assert_eq!(std::fs::read(&session.path).unwrap(), last_good);
    assert!(session.files_starting_with(".kubecon-2018.json.tmp").is_empty());

    drop(injected);
    // The quit asked for before goes ahead once the retried save lands.
    session.wait_for_close();
    assert_eq!(session.harness.state().save_status(), SaveStatus::Saved);
    assert!(store::load(&session.path).unwrap().title.ends_with("(kept)"));
    assert_eq!(
        session.harness.state().message(),
        None,
        "the error went with the failure"
    );
    session.harness.run_steps(1);
    assert!(session.harness.query_by_label("Quit without saving").is_none());
    assert!(session.files_starting_with(".kubecon-2018.json.tmp").is_empty());
}

#[test]
fn a_full_disk_keeps_the_edits_asks_before_quitting_and_saves_once_there_is_room() {
    a_failed_save_loses_nothing(WriteFault::DiskFull, "the disk is full");
}

#[test]
fn a_read_only_file_system_keeps_the_edits_asks_before_quitting_and_saves_once_writable() {
    a_failed_save_loses_nothing(WriteFault::ReadOnly, "the file system is read only");
}

#[test]
fn a_board_open_in_another_boothboard_is_read_only_until_that_one_closes() {
    let home_dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(home_dir.path());
    let path = home.default_board_path();
    let board = open_or_create(&home, &path).unwrap();
    let first = OpenBoard::new(path.clone(), board.clone());
    let mut session = Session {
        harness: harness(home, Startup::Opened(path.clone(), Box::new(board))),
        path,
        _home: home_dir,
    };
    let before = std::fs::read(&session.path).unwrap();
    session
        .harness
        .get_by_label_contains("Read only, nothing can be changed in this window: ");
    session
        .harness
        .get_by_label_contains("the board is open in another Boothboard");
    session.harness.get_by_label("Read only");

    session.type_into("Board title", " (second window)");
    let deadline = Instant::now() + Duration::from_millis(1500);
    while Instant::now() < deadline {
        session.harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!session.harness.state().board().unwrap().title.contains("second window"));
    let message = session.harness.state().message().unwrap().text.clone();
    assert!(message.contains("read only"), "{message}");
    assert_eq!(
        std::fs::read(&session.path).unwrap(),
        before,
        "a read-only window never writes"
    );

    drop(first);
    session.click("Try again");
    session.wait_for_app("the window became the writer", |session| {
        session.harness.state().save_status() != SaveStatus::ReadOnly
    });
    assert!(session.harness.query_by_label_contains("Read only,").is_none());
    session.type_into("Board title", " (now the writer)");
    session.wait_for_file("the edit of the new writer", |board| {
        board.title.ends_with("(now the writer)")
    });
}

/// The sample session after a newer Boothboard, which this one can't merge with, wrote the
/// board file, and the user typed.
pub(super) fn session_with_an_outside_edit() -> (Session, String) {
    let mut session = sample_session();
    let theirs = std::fs::read_to_string(&session.path)
        .unwrap()
        .replacen("\"version\": 3", "\"version\": 99", 1);
    std::fs::write(&session.path, &theirs).unwrap();
    session.type_into("Board title", " (mine)");
    session.wait_for_status("the outside edit noticed", |status| {
        *status == SaveStatus::ChangedOutside
    });
    session
        .harness
        .get_by_label_contains("Another program changed kubecon-2018.json, and its version can't be merged with yours");
    session.harness.get_by_label("Changed outside, not saved");
    assert_eq!(
        std::fs::read_to_string(&session.path).unwrap(),
        theirs,
        "theirs is not overwritten"
    );
    (session, theirs)
}

#[test]
fn an_outside_edit_that_cant_be_merged_is_never_overwritten_and_keep_mine_keeps_theirs_as_a_copy() {
    let (mut session, theirs) = session_with_an_outside_edit();
    let commands = session.request_close();
    assert!(
        commands.contains(&egui::ViewportCommand::CancelClose),
        "quitting asks first"
    );
    assert_eq!(std::fs::read_to_string(&session.path).unwrap(), theirs);

    session.click("Keep mine");
    session.wait_for_file("mine saved", |board| board.title.ends_with("(mine)"));
    let copies = session.files_starting_with("kubecon-2018.theirs-");
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(std::fs::read_to_string(&copies[0]).unwrap(), theirs);
    session.wait_for_status("saved", |status| *status == SaveStatus::Saved);
    session
        .harness
        .get_by_label_contains("The other program's version is kept in");
}

#[test]
fn a_damaged_outside_version_stops_saving_until_it_is_repaired_then_both_are_merged() {
    let mut session = sample_session();
    let good = store::load(&session.path).unwrap();
    std::fs::write(&session.path, b"{ \"version\": 2, \"title\": \"KubeCon").unwrap();
    session.type_into("Board title", " (mine)");
    session.wait_for_status("the damaged file noticed", |status| {
        *status == SaveStatus::ChangedOutside
    });
    session.harness.get_by_label_contains("can't be merged with yours");

    // The other program finishes writing: its version, with Gloo renamed.
    let mut theirs = good;
    theirs.adopt_device(boothboard::model::DeviceId(0x5eed));
    let gloo = theirs.card_by_title("Gloo").unwrap().id;
    theirs
        .apply(boothboard::model::BoardEdit::SetCardTitle(gloo, "Glue".into()))
        .unwrap();
    std::fs::write(&session.path, store::to_bytes(&theirs).unwrap()).unwrap();
    session.click("Try again");
    let board = session.wait_for_file("both versions saved", |board| {
        board.title.ends_with("(mine)") && board.card_by_title("Glue").is_some()
    });
    assert!(board.card_by_title("Gloo").is_none());
    assert!(session.harness.query_by_label("Keep mine").is_none(), "the banner went");
    assert!(
        session.files_starting_with("kubecon-2018.mine-").is_empty(),
        "nothing to keep aside"
    );
}

#[test]
fn keep_mine_writes_the_board_over_a_damaged_file_also_with_no_edit_pending() {
    let mut session = sample_session();
    session.type_into("Board title", " (saved)");
    session.wait_for_file("the edit saved", |board| board.title.ends_with("(saved)"));
    session.wait_for_status("saved", |status| *status == SaveStatus::Saved);
    let damaged = "{ damaged by another program";
    std::fs::write(&session.path, damaged).unwrap();
    session.wait_for_app("the damaged file noticed", |session| {
        session
            .harness
            .query_by_label_contains("can't be merged with yours")
            .is_some()
    });
    assert_eq!(session.harness.state().save_status(), SaveStatus::ChangedOutside);
    session.harness.get_by_label("Changed outside, not saved");
    assert!(
        session.harness.query_by_label("All changes saved").is_none(),
        "the file holds theirs, not the board shown"
    );

    session.click("Keep mine");
    let commands = session.request_close();
    if commands.contains(&egui::ViewportCommand::CancelClose) {
        // A slow disk: the window closes once the save is done.
        session.wait_for_close();
    }
    let saved = store::load(&session.path).expect("the board shown is written over the damaged file");
    assert!(saved.title.ends_with("(saved)"), "{}", saved.title);
    let copies = session.files_starting_with("kubecon-2018.theirs-");
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(std::fs::read_to_string(&copies[0]).unwrap(), damaged);
    assert_eq!(session.harness.state().save_status(), SaveStatus::Saved);
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_board_files_permissions_and_a_read_only_board_is_not_rewritten() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let set_mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    let mut session = sample_session();
    set_mode(&session.path, 0o600);
    session.type_into("Board title", " (private)");
    session.wait_for_file("the edit saved", |board| board.title.ends_with("(private)"));
    assert_eq!(mode(&session.path), 0o600, "the board stays private");

    set_mode(&session.path, 0o444);
    let before = std::fs::read(&session.path).unwrap();
    session.type_into("Board title", " (read only)");
    let status = session.wait_for_status("the refusal shown", |status| matches!(status, SaveStatus::Failed(_)));
    assert!(
        matches!(&status, SaveStatus::Failed(reason) if reason.contains("the file is read only")),
        "{status:?}"
    );
    session.harness.get_by_label("Not saved, retrying");
    assert_eq!(std::fs::read(&session.path).unwrap(), before, "not rewritten");
    assert_eq!(mode(&session.path), 0o444);

    // Made writable again: the retried save lands, with the permissions the user gave it.
    set_mode(&session.path, 0o640);
    session.wait_for_file("the edit saved", |board| board.title.ends_with("(read only)"));
    assert_eq!(mode(&session.path), 0o640);
}

/// Promise 7 in the window: a link of this kind is refused when typed, with the message the
/// command line gives, and is neither saved nor opened.
fn a_link_is_refused_with_a_message(url: &str) {
    let mut session = sample_session();
    session.click("Gloo");
    session.click("Add link");
    session.type_into("Link 3 address", url);
    session.harness.get_all_by_label("Open").last().unwrap().click();
    session.harness.run_steps(2);
    let refusal = format!("Link 3 not saved: {}.", boothboard::model::saved_url(url).unwrap_err());
    assert!(
        refusal.contains("only http, https and mailto") && refusal.contains(url),
        "{refusal}"
    );
    session.harness.get_by_label(&refusal);
    assert_eq!(
        session.harness.get_by_label("Link 3 address").value().as_deref(),
        Some(url),
        "what was typed stays in the field"
    );
    let board = session.wait_for_file("the new link, empty", |board| {
        board.card_by_title("Gloo").unwrap().links.len() == 3
    });
    assert_eq!(board.card_by_title("Gloo").unwrap().links[2].url, "", "not saved");
    session
        .harness
        .get_by_label_contains("Link not opened: the link has no address");
}

#[test]
fn a_www_address_is_saved_as_https() {
    let mut session = sample_session();
    session.click("Gloo");
    session.click("Add link");
    session.type_into("Link 3 address", "www.example.com/talk");
    assert_eq!(
        session.harness.get_by_label("Link 3 address").value().as_deref(),
        Some("www.example.com/talk"),
        "as typed while typing"
    );
    session.wait_for_file("the address saved", |board| {
        board
            .card_by_title("Gloo")
            .unwrap()
            .links
            .get(2)
            .map(|link| link.url.as_str())
            == Some("https://www.example.com/talk")
    });
    session.click("Themes");
    assert_eq!(
        session.harness.get_by_label("Link 3 address").value().as_deref(),
        Some("https://www.example.com/talk")
    );
}

#[test]
fn a_javascript_link_is_refused_with_a_message() {
    a_link_is_refused_with_a_message("javascript:alert(1)");
}

#[test]
fn a_file_link_is_refused_with_a_message() {
    a_link_is_refused_with_a_message("file:///etc/passwd");
}

#[test]
fn a_bare_path_link_is_refused_with_a_message() {
    a_link_is_refused_with_a_message("/usr/bin/xterm");
}

/// Promise 8: SIGTERM and SIGINT flush a pending save before the app exits. The signals are
/// real, raised in this process after the app's handlers are installed (as `main` does); the
/// window is the harness's, so the test hands the app's close request back as eframe does.
/// `.ci/smoke-window.sh` does the same to the real binary in a real window under Xvfb.
/// The handlers stay installed in this test process afterwards.
#[cfg(unix)]
#[test]
fn sigterm_and_sigint_save_the_last_edit_before_quitting() {
    use signal_hook::consts::{SIGINT, SIGTERM};

    let mut session = sample_session();
    close_on_quit_signals(&session.harness.ctx).unwrap();
    for (signal, typed) in [(SIGTERM, " (before SIGTERM)"), (SIGINT, " (before SIGINT)")] {
        session.type_into("Board title", typed);
        signal_hook::low_level::raise(signal).unwrap();
        session.wait_for_app("the signal asks the window to close", |session| {
            session.harness.output().viewport_output[&egui::ViewportId::ROOT]
                .commands
                .contains(&egui::ViewportCommand::Close)
        });
        let commands = session.request_close();
        assert!(!commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
        // The close itself saved the edit: no waiting for the autosave.
        let saved = store::load(&session.path).unwrap();
        assert!(saved.title.ends_with(typed), "signal {signal}: {:?}", saved.title);
    }
}

#[test]
fn a_slow_disk_never_freezes_quitting_the_window_closes_once_the_save_is_done() {
    let mut session = sample_session();
    let slow = store::inject_write_fault(session.folder(), WriteFault::Slow(Duration::from_millis(1500)));
    session.type_into("Board title", " (slow disk)");

    let commands = session.request_close();
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    // The frame ended while the 1.5 s write was still going: the UI thread did not wait it out.
    let on_disk = store::load(&session.path).unwrap();
    assert!(!on_disk.title.ends_with("(slow disk)"), "{:?}", on_disk.title);
    // The window stays responsive, then closes by itself once the save is on disk.
    session.wait_for_close();
    drop(slow);
    assert!(store::load(&session.path).unwrap().title.ends_with("(slow disk)"));
    assert!(session.harness.state().message().is_none(), "no error for a slow disk");
}
