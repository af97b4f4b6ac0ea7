//! A panic in the window loses nothing typed: the board goes beside its file, a crash report
//! under the home, and the next launch offers the board back. Helpers come from `tests/ui.rs`.

use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use boothboard::diagnostics::{CrashReport, UtcTime, install_panic_hook, newest_crash_report, write_crash_report};
use boothboard::model::sample;
use boothboard::store::{self, AppHome};
use egui_kittest::kittest::Queryable as _;

use super::{Session, sample_session, sample_session_with};

/// The home of a board in `sample_session`: `HOME/boards/kubecon-2018.json`.
fn home_of(board: &Path) -> AppHome {
    AppHome::at(board.parent().unwrap().parent().unwrap())
}

/// The sample board, with a recovery file beside it that `change` makes from the saved board,
/// and a crash report in its home.
fn session_with_a_recovery(change: impl FnOnce(&mut boothboard::model::Board)) -> (Session, PathBuf) {
    let mut report = None;
    let session = sample_session_with(|path| {
        let mut board = store::load(path).unwrap();
        change(&mut board);
        store::write_recovery(path, &board).unwrap();
        let crash = CrashReport {
            time: UtcTime::now(),
            message: "a bug".to_owned(),
            location: "src/app/mod.rs:1:1".to_owned(),
            thread: "main".to_owned(),
            backtrace: String::new(),
        };
        report = Some(write_crash_report(&home_of(path).crash_reports_dir(), &crash).unwrap());
    });
    (session, report.unwrap())
}

/// Files beside the board that a recovery file was moved aside to.
fn set_aside(session: &Session) -> Vec<PathBuf> {
    std::fs::read_dir(session.path.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("kubecon-2018.recovered-")
        })
        .collect()
}

const TYPED: &str = " (typed before the crash)";

#[test]
fn a_board_kept_by_a_crashed_window_is_offered_and_restored() {
    let (mut session, report) = session_with_a_recovery(|board| board.title.push_str(TYPED));
    let saved = std::fs::read(&session.path).unwrap();
    session
        .harness
        .get_by_label_contains("Boothboard closed unexpectedly with this board open");
    session
        .harness
        .get_by_label_contains(&format!("The crash report is {}.", report.display()));
    assert_eq!(
        session.harness.state().board().unwrap().title,
        sample::TITLE,
        "not before asked"
    );

    session.click("Restore it");
    assert!(
        session.harness.query_by_label("Restore it").is_none(),
        "the bar is gone"
    );
    assert!(session.harness.state().board().unwrap().title.ends_with(TYPED));
    session.wait_for_file("the restored board saved", |board| board.title.ends_with(TYPED));
    assert_eq!(
        std::fs::read(store::backup_path_for(&session.path)).unwrap(),
        saved,
        "the board it replaced is the backup"
    );
    assert!(!store::recovery_path_for(&session.path).exists());
    let aside = set_aside(&session);
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(
        store::load(&aside[0]).unwrap().title.ends_with(TYPED),
        "kept, not deleted"
    );
}

#[test]
fn keep_the_saved_board_leaves_it_as_saved_and_sets_the_recovery_aside() {
    let (mut session, _) = session_with_a_recovery(|board| board.title.push_str(TYPED));
    let saved = std::fs::read(&session.path).unwrap();
    session.click("Keep the saved board");
    session.harness.run_steps(3);
    assert!(
        session.harness.query_by_label("Keep the saved board").is_none(),
        "the bar is gone"
    );
    assert_eq!(session.harness.state().board().unwrap().title, sample::TITLE);
    assert_eq!(std::fs::read(&session.path).unwrap(), saved);
    assert!(!store::recovery_path_for(&session.path).exists());
    let aside = set_aside(&session);
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(store::load(&aside[0]).unwrap().title.ends_with(TYPED));
}

#[test]
fn a_damaged_recovery_file_is_reported_not_loaded() {
    let session = sample_session_with(|path| {
        std::fs::write(
            store::recovery_path_for(path),
            b"{ \"format\": \"boothboard\", \"title\": ",
        )
        .unwrap();
    });
    session
        .harness
        .get_by_label_contains("kubecon-2018.recovered.json can't be read, so it was not loaded");
    assert!(session.harness.query_by_label("Restore it").is_none());
    session.harness.get_by_label("Keep the saved board");
}

#[test]
fn a_recovery_file_that_holds_the_saved_board_is_removed_quietly() {
    let session = sample_session_with(|path| {
        store::write_recovery(path, &store::load(path).unwrap()).unwrap();
    });
    assert!(
        session
            .harness
            .query_by_label_contains("Boothboard closed unexpectedly")
            .is_none()
    );
    assert!(!store::recovery_path_for(&session.path).exists());
    assert!(set_aside(&session).is_empty());
}

/// Puts back the default panic hook when dropped, so that later panics in this test process
/// write no crash reports into a removed folder.
struct PanicHookInstalled;

impl Drop for PanicHookInstalled {
    fn drop(&mut self) {
        // A failing test is unwinding here, and the hook can't be changed then.
        if !std::thread::panicking() {
            drop(std::panic::take_hook());
        }
    }
}

#[test]
fn a_panic_in_a_frame_keeps_the_board_beside_its_file_and_writes_a_crash_report() {
    let mut session = sample_session();
    let crash_reports = home_of(&session.path).crash_reports_dir();
    install_panic_hook(crash_reports.clone());
    let _hook = PanicHookInstalled;
    session.type_into("Board title", TYPED);

    session.harness.state_mut().panic_in_next_frame();
    let crashed = std::panic::catch_unwind(AssertUnwindSafe(|| session.harness.step()));
    assert!(crashed.is_err(), "the panic goes on, as a crash");

    let kept = store::load(&store::recovery_path_for(&session.path)).unwrap();
    assert!(kept.title.ends_with(TYPED), "{}", kept.title);
    let report = newest_crash_report(&crash_reports).expect("a crash report");
    let text = std::fs::read_to_string(&report).unwrap();
    for expected in [
        "message: a panic in the frame, asked for by a test",
        "location: src/app/mod.rs:",
        concat!("version: ", env!("CARGO_PKG_VERSION")),
        "thread: crash_recovery::a_panic_in_a_frame_keeps_the_board",
        "backtrace:\n   0: ",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
}
