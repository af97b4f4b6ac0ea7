//! The real binary on files in a temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use boothboard::store;

mod common;

fn boothboard(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boothboard"))
        .args(args)
        .env(store::HOME_ENV, home)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Creates a sample board at `dir/name` with `boothboard new --sample`.
fn new_sample_board(dir: &Path, name: &str) -> PathBuf {
    let board = dir.join(name);
    let created = boothboard(&["new", board.to_str().unwrap(), "--sample"], dir);
    assert!(created.status.success(), "{}", stderr(&created));
    board
}

/// `boothboard check` passes; returns what it printed.
fn check_passes(board: &Path, home: &Path) -> String {
    let checked = boothboard(&["check", board.to_str().unwrap()], home);
    assert!(checked.status.success(), "{}", stderr(&checked));
    stdout(&checked)
}

/// Exit non-zero with exactly one line on stderr that names `name`.
fn assert_refused(output: &Output, name: &str, reason: &str) {
    assert!(!output.status.success(), "should fail: {}", stdout(output));
    let err = stderr(output);
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(
        err.contains(name) && err.contains(reason),
        "stderr should name {name:?} and say {reason:?}: {err}"
    );
}

#[test]
fn new_add_card_and_check_work_together() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("talks.json");
    let board_arg = board.to_str().unwrap();

    let created = boothboard(&["new", board_arg, "--title", "RustConf 2026"], dir.path());
    assert!(created.status.success(), "{}", stderr(&created));

    let added = boothboard(
        &[
            "add-card",
            board_arg,
            "--title",
            "egui",
            "--summary",
            "Immediate mode GUI",
            "--notes",
            "Fast. 很快。",
            "--link",
            "https://github.com/emilk/egui",
        ],
        dir.path(),
    );
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(stdout(&added).contains("egui"));

    let loaded = store::load(&board).unwrap();
    assert_eq!(loaded.title, "RustConf 2026");
    let card = loaded.card_by_title("egui").unwrap();
    assert_eq!(card.notes, "Fast. 很快。");
    assert_eq!(card.links[0].url, "https://github.com/emilk/egui");
    assert_eq!(card.links[0].label, "github.com");

    assert!(check_passes(&board, dir.path()).contains("ok"));
}

#[test]
fn sample_board_from_the_command_line_has_its_images() {
    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "kubecon.json");
    let board_arg = board.to_str().unwrap();
    let added = boothboard(
        &[
            "add-card",
            board_arg,
            "--title",
            "Vitess",
            "--column",
            "databases",
            "--theme",
            "Database story",
        ],
        dir.path(),
    );
    assert!(added.status.success(), "{}", stderr(&added));
    let loaded = store::load(&board).unwrap();
    let vitess = loaded.card_by_title("Vitess").unwrap();
    assert_eq!(vitess.themes.len(), 1);
    let checked = check_passes(&board, dir.path());
    assert!(checked.contains("2 images"), "{checked}");
}

#[test]
fn bad_input_is_one_clear_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "board.json");
    let board_arg = board.to_str().unwrap();
    let before = std::fs::read(&board).unwrap();

    let cases: [(&[&str], &str); 4] = [
        (
            &["add-card", board_arg, "--title", "X", "--column", "Nope"],
            "no column \"Nope\"",
        ),
        (
            &["add-card", board_arg, "--title", "X", "--theme", "Nope"],
            "no theme \"Nope\"",
        ),
        (
            &["add-card", board_arg, "--title", "X", "--link", "javascript:alert(1)"],
            "only http, https and mailto",
        ),
        (&["new", board_arg], "a file is already there"),
    ];
    for (args, reason) in cases {
        assert_refused(&boothboard(args, dir.path()), "board.json", reason);
    }
    assert_eq!(std::fs::read(&board).unwrap(), before, "nothing half-written");
}

#[test]
fn a_refused_command_says_so_once_on_stderr_and_in_the_log_file() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("missing.json");
    let refused = boothboard(&["check", missing.to_str().unwrap()], home.path());
    assert_refused(&refused, "missing.json", "can't read the file");
    let log = std::fs::read_to_string(home.path().join("logs").join("boothboard.log")).unwrap();
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(
        log.contains(" ERROR boothboard: ") && log.contains("missing.json: can't read the file"),
        "{log}"
    );
}

#[test]
fn check_names_the_damaged_place_and_missing_images() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("damaged.json");
    std::fs::write(&damaged, "{\"format\": \"boothboard\",\n \"version\": 1,,}").unwrap();
    assert_refused(
        &boothboard(&["check", damaged.to_str().unwrap()], dir.path()),
        "damaged.json",
        "line 2, column",
    );

    let board = new_sample_board(dir.path(), "sample.json");
    let media = store::media_dir_for(&board);
    let first_image = std::fs::read_dir(&media).unwrap().next().unwrap().unwrap().path();
    std::fs::remove_file(&first_image).unwrap();
    let output = boothboard(&["check", board.to_str().unwrap()], dir.path());
    assert!(!output.status.success());
    assert!(stderr(&output).contains("missing"), "{}", stderr(&output));

    let newer = dir.path().join("newer.json");
    std::fs::write(&newer, r#"{"format": "boothboard", "version": 99, "title": "x"}"#).unwrap();
    assert_refused(
        &boothboard(&["check", newer.to_str().unwrap()], dir.path()),
        "newer.json",
        "version 99",
    );

    let missing = dir.path().join("missing.json");
    assert_refused(
        &boothboard(&["check", missing.to_str().unwrap()], dir.path()),
        "missing.json",
        "can't read",
    );
}

#[test]
fn help_lists_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let output = boothboard(&["--help"], dir.path());
    assert!(output.status.success());
    let help = stdout(&output);
    for command in ["new", "add-card", "check", "export", "[BOARD]"] {
        assert!(help.contains(command), "{command} missing from --help: {help}");
    }
    let unknown = boothboard(&["add-card"], dir.path());
    assert!(!unknown.status.success());
    assert_eq!(stderr(&unknown).lines().count(), 1, "{}", stderr(&unknown));
}

#[test]
fn export_writes_markdown_and_images_and_prints_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "kubecon 2018.json");
    let board_arg = board.to_str().unwrap();
    let out = dir.path().join("blog");
    let out_arg = out.to_str().unwrap();

    let exported = boothboard(&["export", board_arg, "--out", out_arg], dir.path());
    assert!(exported.status.success(), "{}", stderr(&exported));
    let markdown = out.join("kubecon 2018.md");
    assert_eq!(stdout(&exported).trim_end(), markdown.to_str().unwrap());
    let text = std::fs::read_to_string(&markdown).unwrap();
    assert!(
        text.starts_with("# KubeCon + CloudNativeCon North America 2018 (Seattle)\n"),
        "{text}"
    );
    assert!(text.contains("](kubecon%202018.media/"), "{text}");
    assert_eq!(std::fs::read_dir(out.join("kubecon 2018.media")).unwrap().count(), 2);

    let themed = boothboard(
        &["export", board_arg, "--out", out_arg, "--theme", "developer story"],
        dir.path(),
    );
    assert!(themed.status.success(), "{}", stderr(&themed));
    let text = std::fs::read_to_string(&markdown).unwrap();
    assert!(text.contains("### Gloo") && !text.contains("### TiDB"), "{text}");
    assert_eq!(std::fs::read_dir(out.join("kubecon 2018.media")).unwrap().count(), 1);

    let before = std::fs::read(&markdown).unwrap();
    assert_refused(
        &boothboard(&["export", board_arg, "--out", out_arg, "--theme", "Nope"], dir.path()),
        "kubecon 2018.json",
        "no theme \"Nope\"",
    );
    assert_refused(
        &boothboard(
            &["export", board_arg, "--out", dir.path().to_str().unwrap()],
            dir.path(),
        ),
        "kubecon 2018.media",
        "choose another folder",
    );
    let media = store::media_dir_for(&board);
    for image in std::fs::read_dir(&media).unwrap() {
        std::fs::remove_file(image.unwrap().path()).unwrap();
    }
    assert_refused(
        &boothboard(&["export", board_arg, "--out", out_arg], dir.path()),
        "kubecon 2018.media",
        "missing",
    );
    assert_eq!(
        std::fs::read(&markdown).unwrap(),
        before,
        "a failed export changes nothing"
    );
}

#[test]
fn attach_adds_images_to_a_card_or_nothing_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "kubecon.json");
    let board_arg = board.to_str().unwrap();
    let slide = common::write_png(dir.path(), "tidb-slide.png", 640, 360);
    let photo = common::write_jpeg_with_orientation(dir.path(), "tidb booth.jpg", 300, 200, 6);
    let notes = common::write_text_named_png(dir.path(), "notes.png");
    let before = std::fs::read(&board).unwrap();

    let refused = boothboard(
        &[
            "attach",
            board_arg,
            "--card",
            "TiDB",
            slide.to_str().unwrap(),
            notes.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(!refused.status.success());
    let err = stderr(&refused);
    assert!(err.contains("notes.png") && err.contains("not an image"), "{err}");
    assert!(err.contains("nothing was attached"), "{err}");
    assert_eq!(std::fs::read(&board).unwrap(), before, "the board is unchanged");

    let attached = boothboard(
        &[
            "attach",
            board_arg,
            "--card",
            "tidb",
            slide.to_str().unwrap(),
            photo.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(attached.status.success(), "{}", stderr(&attached));
    assert!(stdout(&attached).contains("attached 2 images to \"tidb\""));
    let saved = store::load(&board).unwrap();
    let images = &saved.card_by_title("TiDB").unwrap().images;
    let captions: Vec<&str> = images.iter().map(|image| image.caption.as_str()).collect();
    assert_eq!(captions, ["TiDB architecture", "tidb-slide.png", "tidb booth.jpg"]);
    assert_eq!((images[2].width, images[2].height), (200, 300), "upright");
    assert!(check_passes(&board, dir.path()).contains("4 images"));

    let no_card = boothboard(
        &["attach", board_arg, "--card", "Kafka", slide.to_str().unwrap()],
        dir.path(),
    );
    assert_refused(&no_card, "kubecon.json", "no card titled \"Kafka\"");
}

#[test]
fn export_of_a_theme_name_two_themes_share_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "shared.json");
    // A file from before names had to differ: the second theme renamed like the first.
    let mut json: serde_json::Value = serde_json::from_slice(&std::fs::read(&board).unwrap()).unwrap();
    json["themes"][1]["name"] = "developer STORY".into();
    std::fs::write(&board, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    let out = dir.path().join("out");
    let exported = boothboard(
        &[
            "export",
            board.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--theme",
            "Developer story",
        ],
        dir.path(),
    );
    assert_refused(
        &exported,
        "shared.json",
        "more than one theme is named \"Developer story\"",
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn add_card_saves_a_www_link_as_https() {
    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "talks.json");
    let board_arg = board.to_str().unwrap();
    let added = boothboard(
        &[
            "add-card",
            board_arg,
            "--title",
            "Envoy",
            "--link",
            "www.envoyproxy.io",
            "--theme",
            "developer story",
        ],
        dir.path(),
    );
    assert!(added.status.success(), "{}", stderr(&added));
    let saved = store::load(&board).unwrap();
    let envoy = saved.card_by_title("Envoy").unwrap();
    assert_eq!(envoy.links[0].url, "https://www.envoyproxy.io");
    assert_eq!(envoy.links[0].label, "www.envoyproxy.io");
    assert_eq!(envoy.themes.len(), 1);
}
