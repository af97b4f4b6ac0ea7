//! Promise 3: one writer at a time, across processes. A separate process opens the board the way
//! the app does and holds it; a second Boothboard (the real binary, and the app's own board
//! holder) can't write it; when the first is killed, the OS releases its lock.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use boothboard::app::OpenBoard;
use boothboard::store::{self, HOME_ENV};
use boothboard::ui::SaveStatus;

/// Set for the child process: the board [`hold_board_in_this_process`] opens.
const HOLD_ENV: &str = "BOOTHBOARD_TEST_HOLD_BOARD";

/// Not a test on its own: the first Boothboard, run as a child process by the tests below.
/// Opens the board as the app does, says so, then waits to be killed.
#[test]
#[ignore = "run as a child process by the tests in this file"]
fn hold_board_in_this_process() {
    let Some(path) = std::env::var_os(HOLD_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    let open = OpenBoard::new(path.clone(), store::load(&path).unwrap());
    assert_eq!(open.read_only_reason(), None, "the first Boothboard is the writer");
    println!("holding");
    std::thread::park();
}

/// Starts the first Boothboard on `board` and waits until it holds it.
fn first_boothboard(board: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["hold_board_in_this_process", "--exact", "--ignored", "--nocapture"])
        .env(HOLD_ENV, board)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(
        lines.any(|line| line.unwrap().contains("holding")),
        "the first Boothboard did not open the board"
    );
    child
}

fn boothboard(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boothboard"))
        .args(args)
        .env(HOME_ENV, home)
        .output()
        .unwrap()
}

fn add_card(board: &Path, title: &str) -> Output {
    boothboard(
        &["add-card", board.to_str().unwrap(), "--title", title],
        board.parent().unwrap(),
    )
}

#[test]
fn a_second_boothboard_never_writes_until_the_first_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("board.json");
    let created = boothboard(&["new", board.to_str().unwrap(), "--sample"], dir.path());
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let before = std::fs::read(&board).unwrap();
    let mut first = first_boothboard(&board);

    let refused = add_card(&board, "Vitess");
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("board.json") && stderr.contains("open in another Boothboard"),
        "{stderr}"
    );
    let slide = dir.path().join("slide.png");
    image::RgbaImage::from_pixel(64, 36, image::Rgba([40, 90, 160, 255]))
        .save(&slide)
        .unwrap();
    let attach = boothboard(
        &[
            "attach",
            board.to_str().unwrap(),
            "--card",
            "TiDB",
            slide.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(!attach.status.success(), "attach waits its turn too");
    assert!(String::from_utf8_lossy(&attach.stderr).contains("open in another Boothboard"));
    let second_window = OpenBoard::new(board.clone(), store::load(&board).unwrap());
    assert_eq!(second_window.save_status(), SaveStatus::ReadOnly);
    assert!(!second_window.may_save());
    drop(second_window);
    assert_eq!(
        std::fs::read(&board).unwrap(),
        before,
        "the second Boothboard wrote nothing"
    );

    // A crash of the first: the OS drops its lock, nothing needs cleaning up by hand.
    first.kill().unwrap();
    first.wait().unwrap();
    let added = add_card(&board, "Vitess");
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    assert!(store::load(&board).unwrap().card_by_title("Vitess").is_some());
}
