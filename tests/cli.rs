//! The real binary on files in a temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use boothboard::store;

mod common;

use common::{boothboard, succeeds};

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

    let cases: [(&[&str], &str); 5] = [
        (
            &["add-card", board_arg, "--title", "X", "--column", "  "],
            "--column needs a name",
        ),
        (
            &[
                "add-card", board_arg, "--title", "X", "--column", "Nope", "--theme", "Nope",
            ],
            "no theme \"Nope\"",
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
fn the_command_line_speaks_english_whatever_the_system_language() {
    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "board.json");
    let in_chinese = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_boothboard"))
            .args(args)
            .env(boothboard::store::HOME_ENV, dir.path())
            .env("LANG", "zh_CN.UTF-8")
            .env("LC_ALL", "zh_CN.UTF-8")
            .output()
            .unwrap()
    };
    let refused = in_chinese(&["new", board.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("a file is already there; choose another name"),
        "{}",
        stderr(&refused)
    );
    let help = stdout(&in_chinese(&["--help"]));
    assert!(help.contains("Usage"), "{help}");
    // The sample board a command makes is the English one too.
    let sample = dir.path().join("sample.json");
    succeeds(&in_chinese(&["new", sample.to_str().unwrap(), "--sample"]));
    assert!(std::fs::read_to_string(&sample).unwrap().contains("Developer story"));
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

#[cfg(unix)]
#[test]
fn a_save_keeps_the_board_files_permissions_and_a_read_only_board_is_refused() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let set_mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("private.json");
    let board_arg = board.to_str().unwrap();
    succeeds(&boothboard(&["new", board_arg], dir.path()));
    set_mode(&board, 0o600);
    succeeds(&boothboard(&["add-card", board_arg, "--title", "Secret"], dir.path()));
    assert_eq!(mode(&board), 0o600, "the board stays private");
    assert_eq!(mode(&store::backup_path_for(&board)), 0o600);

    let slide = common::write_png(dir.path(), "slide.png", 64, 48);
    succeeds(&boothboard(
        &["attach", board_arg, "--card", "Secret", slide.to_str().unwrap()],
        dir.path(),
    ));
    assert_eq!(mode(&board), 0o600);
    let media = store::media_dir_for(&board);
    assert_eq!(
        mode(&media),
        0o700,
        "the media folder made for a private board is private"
    );
    let images = common::files_under(&media);
    assert_eq!(images.len(), 1, "{images:?}");
    assert_eq!(mode(&images[0]), 0o600, "a private board's images are private");

    // A board made read only is not rewritten behind the user's back, by a save or an image.
    set_mode(&board, 0o444);
    let before = std::fs::read(&board).unwrap();
    let refused = boothboard(&["add-card", board_arg, "--title", "Another"], dir.path());
    assert_refused(&refused, "private.json", "the file is read only");
    let photo = common::write_png(dir.path(), "photo.png", 32, 32);
    let refused = boothboard(
        &["attach", board_arg, "--card", "Secret", photo.to_str().unwrap()],
        dir.path(),
    );
    assert_refused(&refused, "private.json", "the file is read only");
    assert_eq!(std::fs::read(&board).unwrap(), before, "unchanged");
    assert_eq!(mode(&board), 0o444);
    assert_eq!(common::files_under(&media), images, "no image stored for it");

    set_mode(&board, 0o640);
    succeeds(&boothboard(&["add-card", board_arg, "--title", "Another"], dir.path()));
    assert_eq!(mode(&board), 0o640, "writable again, and still as the user set it");

    // A board named relative to the current folder gets its media folder made all the same.
    let in_dir = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_boothboard"))
            .args(args)
            .current_dir(dir.path())
            .env(store::HOME_ENV, dir.path())
            .output()
            .unwrap()
    };
    succeeds(&in_dir(&["new", "here.json"]));
    set_mode(&dir.path().join("here.json"), 0o600);
    succeeds(&in_dir(&["add-card", "here.json", "--title", "Here"]));
    succeeds(&in_dir(&["attach", "here.json", "--card", "Here", "photo.png"]));
    assert_eq!(mode(&dir.path().join("here.media")), 0o700);
}

#[test]
fn attach_of_an_image_the_card_has_says_already_attached() {
    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "kubecon.json");
    let board_arg = board.to_str().unwrap();
    let slide = common::write_png(dir.path(), "slide.png", 640, 360);
    let same = dir.path().join("slide again.png");
    std::fs::copy(&slide, &same).unwrap();
    let other = common::write_png(dir.path(), "other.png", 320, 200);
    let attach = |files: &[&Path]| {
        let mut args = vec!["attach", board_arg, "--card", "Rook"];
        args.extend(files.iter().map(|file| file.to_str().unwrap()));
        succeeds(&boothboard(&args, dir.path()))
    };

    assert!(attach(&[&slide]).starts_with("attached 1 image to \"Rook\""));
    let before = std::fs::read(&board).unwrap();
    let again = attach(&[&same]);
    assert_eq!(
        again.trim(),
        format!("\"slide again.png\" is already attached to \"Rook\" in {board_arg}; nothing changed")
    );
    assert_eq!(std::fs::read(&board).unwrap(), before, "the board is unchanged");
    let mixed = attach(&[&slide, &other]);
    assert_eq!(
        mixed.trim(),
        format!("attached 1 image to \"Rook\" in {board_arg}; \"slide.png\" is already attached")
    );
    let saved = store::load(&board).unwrap();
    assert_eq!(saved.card_by_title("Rook").unwrap().images.len(), 2);
}

#[test]
fn a_card_title_several_cards_share_is_refused_with_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "kubecon.json");
    let board_arg = board.to_str().unwrap();
    succeeds(&boothboard(
        &["add-card", board_arg, "--title", "TIDB", "--column", "Storage"],
        dir.path(),
    ));
    // Only the case differs; "TiDB 2" is another title, not a match.
    succeeds(&boothboard(
        &["add-card", board_arg, "--title", "TiDB 2", "--column", "Storage"],
        dir.path(),
    ));
    let before = std::fs::read(&board).unwrap();
    let slide = common::write_png(dir.path(), "slide.png", 640, 360);
    let refused = boothboard(
        &["attach", board_arg, "--card", "tidb", slide.to_str().unwrap()],
        dir.path(),
    );
    assert_refused(
        &refused,
        "kubecon.json",
        "2 cards are titled \"tidb\": \"TiDB\" (card 1 in column \"Databases\"), \"TIDB\" (card 2 in column \"Storage\")",
    );
    assert_eq!(std::fs::read(&board).unwrap(), before, "nothing attached");

    let folder = dir.path().join("screenshots");
    std::fs::create_dir(&folder).unwrap();
    let watch = boothboard(
        &["watch", board_arg, folder.to_str().unwrap(), "--attach-to", "TiDB"],
        dir.path(),
    );
    assert_refused(&watch, "kubecon.json", "2 cards are titled \"TiDB\"");

    let one = boothboard(
        &["attach", board_arg, "--card", "tidb 2", slide.to_str().unwrap()],
        dir.path(),
    );
    assert!(
        stdout(&one).contains("attached 1 image to \"tidb 2\""),
        "{}",
        stderr(&one)
    );
}

#[test]
fn a_theme_no_board_has_lists_the_themes_or_says_there_are_none() {
    let dir = tempfile::tempdir().unwrap();
    let sample = new_sample_board(dir.path(), "kubecon.json");
    let out = dir.path().join("out");
    let export = |board: &Path| {
        boothboard(
            &[
                "export",
                board.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--theme",
                "Security",
            ],
            dir.path(),
        )
    };
    assert_refused(
        &export(&sample),
        "kubecon.json",
        "no theme \"Security\"; the themes are \"Developer story\", \"Database story\"",
    );
    let empty = dir.path().join("empty.json");
    succeeds(&boothboard(&["new", empty.to_str().unwrap()], dir.path()));
    assert_refused(
        &export(&empty),
        "empty.json",
        "no theme \"Security\"; the board has no themes; add them in the app",
    );
    let added = boothboard(
        &[
            "add-card",
            empty.to_str().unwrap(),
            "--title",
            "X",
            "--theme",
            "Security",
        ],
        dir.path(),
    );
    assert_refused(&added, "empty.json", "the board has no themes");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn add_card_to_a_column_the_board_lacks_creates_it_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "kubecon.json");
    let board_arg = board.to_str().unwrap();
    let help = succeeds(&boothboard(&["add-card", "--help"], dir.path()));
    assert!(help.contains("is created"), "{help}");

    let added = succeeds(&boothboard(
        &[
            "add-card",
            board_arg,
            "--title",
            "Linkerd",
            "--column",
            "Service meshes",
        ],
        dir.path(),
    ));
    assert!(
        added.contains("\"Linkerd\" to the new column \"Service meshes\" in"),
        "{added}"
    );
    let again = succeeds(&boothboard(
        &["add-card", board_arg, "--title", "Istio", "--column", "service MESHES"],
        dir.path(),
    ));
    assert!(again.contains("\"Istio\" to column \"Service meshes\" in"), "{again}");
    let saved = store::load(&board).unwrap();
    let last = saved.columns.last().unwrap();
    assert_eq!(last.name, "Service meshes", "made at the right end");
    let titles: Vec<&str> = last.cards.iter().map(|card| card.title.as_str()).collect();
    assert_eq!(titles, ["Linkerd", "Istio"]);
    assert_eq!(saved.columns.len(), 4, "made once");
    check_passes(&board, dir.path());
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

/// The sample board at `dir/kubecon-2018.json` as a stranger sends it, with the card and file of
/// Gloo's image, and a secret outside the board's folder that nothing may read.
struct StrangerBoard {
    board: PathBuf,
    media: PathBuf,
    card: String,
    file: String,
    secret: PathBuf,
}

const SECRET: &str = "-----BEGIN OPENSSH PRIVATE KEY----- the secret";

fn stranger_board(dir: &Path) -> StrangerBoard {
    let board = new_sample_board(dir, "kubecon-2018.json");
    let loaded = store::load(&board).unwrap();
    let gloo = loaded.card_by_title("Gloo").unwrap();
    let outside = dir.join("home-of-the-receiver");
    std::fs::create_dir(&outside).unwrap();
    let secret = outside.join("id_rsa");
    std::fs::write(&secret, SECRET).unwrap();
    StrangerBoard {
        media: store::media_dir_for(&board),
        board,
        card: gloo.title.clone(),
        file: gloo.images.first().unwrap().file.as_str().to_owned(),
        secret,
    }
}

impl StrangerBoard {
    fn check(&self, home: &Path) -> Output {
        boothboard_within(&["check", self.board.to_str().unwrap()], home)
    }

    /// Exports into `dir/out`; asserts that nothing outside the board reached it.
    fn export(&self, home: &Path, extra: &[&str]) -> Output {
        let out = home.join("out");
        let mut args = vec!["export", self.board.to_str().unwrap(), "--out", out.to_str().unwrap()];
        args.extend(extra);
        let output = boothboard_within(&args, home);
        for file in common::files_under(&out) {
            let content = std::fs::read(&file).unwrap_or_default();
            assert!(
                !String::from_utf8_lossy(&content).contains("the secret"),
                "{} holds the secret",
                file.display()
            );
        }
        output
    }
}

/// Runs the binary, failing the test if it has not finished within a minute (a read that blocks on a pipe).
fn boothboard_within(args: &[&str], home: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_boothboard"))
        .args(args)
        .env(store::HOME_ENV, home)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("boothboard {args:?} hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Fails, with stderr naming each of `words`.
fn assert_fails_naming(output: &Output, words: &[&str]) {
    assert!(!output.status.success(), "should fail: {}", stdout(output));
    let err = stderr(output);
    for word in words {
        assert!(err.contains(word), "stderr should name {word:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_media_file_linked_outside_the_board_is_refused_by_check_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let stranger = stranger_board(dir.path());
    let file = stranger.media.join(&stranger.file);
    std::fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink(&stranger.secret, &file).unwrap();

    let card = format!("{:?}", stranger.card);
    let secret = stranger.secret.to_str().unwrap();
    let checked = stranger.check(dir.path());
    assert_fails_naming(&checked, &[&card, &stranger.file, "a link to", secret]);
    let exported = stranger.export(dir.path(), &[]);
    assert_fails_naming(&exported, &["nothing was written", &card, &stranger.file, secret]);
    assert!(!dir.path().join("out").exists(), "nothing written");

    let fixed = boothboard_within(&["check", "--fix-media", stranger.board.to_str().unwrap()], dir.path());
    let moved = stranger.media.join(".quarantine").join(&stranger.file);
    assert!(
        moved.symlink_metadata().unwrap().file_type().is_symlink(),
        "the link itself moved"
    );
    assert_eq!(
        std::fs::read_to_string(&stranger.secret).unwrap(),
        SECRET,
        "its target untouched"
    );
    assert_fails_naming(&fixed, &["moved", "missing"]);
}

#[cfg(unix)]
#[test]
fn a_media_folder_linked_elsewhere_is_refused_with_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let stranger = stranger_board(dir.path());
    // The card names a file in the folder the link leads to.
    let mut board = store::load(&stranger.board).unwrap();
    let gloo = board.card_by_title("Gloo").unwrap().id;
    board.card_mut(gloo).unwrap().images.first_mut().unwrap().file =
        boothboard::model::MediaName::new("id_rsa").unwrap();
    store::save(&stranger.board, &board).unwrap();
    std::fs::rename(&stranger.media, dir.path().join("put-away")).unwrap();
    let outside = stranger.secret.parent().unwrap();
    std::os::unix::fs::symlink(outside, &stranger.media).unwrap();

    let outside = outside.to_str().unwrap();
    assert_fails_naming(&stranger.check(dir.path()), &["the media folder is a link to", outside]);
    let exported = stranger.export(dir.path(), &[]);
    assert_fails_naming(
        &exported,
        &["nothing was written", "the media folder is a link to", outside],
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
    let fixed = boothboard_within(&["check", "--fix-media", stranger.board.to_str().unwrap()], dir.path());
    assert_fails_naming(&fixed, &["the media folder is a link to"]);
    assert_eq!(
        std::fs::read_dir(outside).unwrap().count(),
        1,
        "nothing moved inside the link's target"
    );
}

#[test]
fn an_image_changed_outside_boothboard_is_named_and_moved_aside_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let stranger = stranger_board(dir.path());
    let file = stranger.media.join(&stranger.file);
    let other = common::write_png(dir.path(), "other.png", 40, 30);
    std::fs::copy(&other, &file).unwrap();

    let card = format!("{:?}", stranger.card);
    let checked = stranger.check(dir.path());
    assert_fails_naming(&checked, &[&card, &stranger.file, "changed outside Boothboard"]);
    let exported = stranger.export(dir.path(), &[]);
    assert_fails_naming(&exported, &["nothing was written", &card, &stranger.file]);
    assert!(!dir.path().join("out").exists(), "nothing written");

    let fixed = boothboard_within(&["check", "--fix-media", stranger.board.to_str().unwrap()], dir.path());
    assert_fails_naming(&fixed, &["moved", &stranger.file, "missing"]);
    let moved = stranger.media.join(".quarantine").join(&stranger.file);
    assert_eq!(
        std::fs::read(moved).unwrap(),
        std::fs::read(&other).unwrap(),
        "kept, not deleted"
    );
}

#[test]
fn files_no_card_shows_are_a_warning_and_move_aside_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let stranger = stranger_board(dir.path());
    std::fs::write(stranger.media.join("notes.txt"), "left here").unwrap();
    let checked = stranger.check(dir.path());
    assert!(checked.status.success(), "{}", stderr(&checked));
    let report = stdout(&checked);
    assert!(
        report.contains("warning: no card shows") && report.contains("notes.txt"),
        "{report}"
    );
    assert!(report.contains(": ok: "), "{report}");

    let fixed = boothboard_within(&["check", "--fix-media", stranger.board.to_str().unwrap()], dir.path());
    assert!(fixed.status.success(), "{}", stderr(&fixed));
    assert!(!stranger.media.join("notes.txt").exists());
    let quarantine = stranger.media.join(".quarantine");
    assert_eq!(
        std::fs::read_to_string(quarantine.join("notes.txt")).unwrap(),
        "left here"
    );
    // Once aside, the same name again does not replace what was moved.
    std::fs::write(stranger.media.join("notes.txt"), "again").unwrap();
    let fixed = boothboard_within(&["check", "--fix-media", stranger.board.to_str().unwrap()], dir.path());
    assert!(fixed.status.success(), "{}", stderr(&fixed));
    assert_eq!(
        std::fs::read_to_string(quarantine.join("notes.txt")).unwrap(),
        "left here"
    );
    assert_eq!(
        std::fs::read_to_string(quarantine.join("notes.txt.1")).unwrap(),
        "again"
    );
    assert!(!check_passes(&stranger.board, dir.path()).contains("warning"));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_the_media_folder_never_hangs_check_or_export() {
    let dir = tempfile::tempdir().unwrap();
    let stranger = stranger_board(dir.path());
    let file = stranger.media.join(&stranger.file);
    std::fs::remove_file(&file).unwrap();
    assert!(Command::new("mkfifo").arg(&file).status().unwrap().success());
    assert!(
        Command::new("mkfifo")
            .arg(stranger.media.join("spare.png"))
            .status()
            .unwrap()
            .success()
    );

    let card = format!("{:?}", stranger.card);
    assert_fails_naming(&stranger.check(dir.path()), &[&card, "a named pipe", "spare.png"]);
    assert_fails_naming(&stranger.export(dir.path(), &[]), &[&card, "a named pipe"]);
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn export_shows_raw_html_as_text_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let stranger = stranger_board(dir.path());
    let added = boothboard(
        &[
            "add-card",
            stranger.board.to_str().unwrap(),
            "--title",
            "Demo",
            "--notes",
            "<script>alert(1)</script>\n\n<details>\n\nMore\n</details>",
        ],
        dir.path(),
    );
    assert!(added.status.success(), "{}", stderr(&added));
    let markdown = dir.path().join("out").join("kubecon-2018.md");
    let exported = stranger.export(dir.path(), &[]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let text = std::fs::read_to_string(&markdown).unwrap();
    assert!(
        text.contains("&lt;script>alert(1)&lt;/script>") && !text.contains("<details>"),
        "{text}"
    );
    let exported = stranger.export(dir.path(), &["--allow-html"]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let text = std::fs::read_to_string(&markdown).unwrap();
    assert!(
        text.contains("<script>alert(1)</script>") && text.contains("<details>"),
        "{text}"
    );
}

/// The lines a running command prints, read on a thread as they come.
fn lines_of(stream: impl std::io::Read + Send + 'static) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead as _;
    let (sender, lines) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("read-lines".to_owned())
        .spawn(move || {
            for line in std::io::BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = sender.send(line);
            }
        })
        .unwrap();
    lines
}

#[test]
fn watch_adds_the_images_copied_into_the_folder_and_stops_saved_on_sigint() {
    use std::time::{Duration, Instant};
    const WAIT_LIMIT: Duration = Duration::from_secs(30);

    let dir = tempfile::tempdir().unwrap();
    let board = new_sample_board(dir.path(), "kubecon.json");
    let shots = dir.path().join("Screenshots");
    std::fs::create_dir(&shots).unwrap();
    let old = common::write_png(&shots, "from before.png", 64, 48);
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(old)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    let mut watch = Command::new(env!("CARGO_BIN_EXE_boothboard"))
        .args(["watch", board.to_str().unwrap(), shots.to_str().unwrap()])
        .env(store::HOME_ENV, dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = lines_of(watch.stdout.take().unwrap());
    let errors = lines_of(watch.stderr.take().unwrap());
    let first = stdout.recv_timeout(WAIT_LIMIT).unwrap();
    assert!(first.starts_with("watching "), "{first}");

    // Another writer is refused while it watches: it holds the board's lock.
    let refused = boothboard(&["add-card", board.to_str().unwrap(), "--title", "X"], dir.path());
    assert_refused(&refused, "kubecon.json", "open in another Boothboard");

    let elsewhere = tempfile::tempdir().unwrap();
    for name in ["Screenshot 14-03-22.png", "IMG_2041.jpg"] {
        let made = if name.ends_with(".png") {
            common::write_png(elsewhere.path(), name, 320, 200)
        } else {
            common::write_jpeg_with_orientation(elsewhere.path(), name, 320, 200, 6)
        };
        std::fs::copy(&made, shots.join(name)).unwrap();
    }
    common::write_text_named_png(&shots, "notes.png");
    let deadline = Instant::now() + WAIT_LIMIT;
    let inbox_cards = loop {
        let loaded = store::load(&board).unwrap();
        let inbox = loaded
            .column_by_name("Inbox")
            .map(|column| column.cards.len())
            .unwrap_or(0);
        if inbox >= 2 {
            break loaded;
        }
        assert!(Instant::now() < deadline, "the images never reached the board file");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(inbox_cards.columns[0].name, "Inbox", "made first on the left");
    assert_eq!(
        inbox_cards.columns[0].cards.len(),
        2,
        "the screenshot from before is left alone"
    );
    let titles: Vec<&str> = inbox_cards
        .cards()
        .filter(|card| card.title.starts_with("Screenshot "))
        .map(|card| card.title.as_str())
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");

    let refusal = errors.recv_timeout(WAIT_LIMIT).unwrap();
    assert!(
        refusal.contains("notes.png") && refusal.contains("not an image"),
        "{refusal}"
    );

    let pid = watch.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let status = watch.wait().unwrap();
    assert!(status.success(), "{status}");
    let printed: Vec<String> = stdout.try_iter().collect();
    assert_eq!(
        printed.iter().filter(|line| line.starts_with("added ")).count(),
        2,
        "{printed:?}"
    );
    assert!(printed.iter().any(|line| line.contains("IMG_2041.jpg")), "{printed:?}");
    let complaints: Vec<String> = errors.try_iter().collect();
    assert!(
        !complaints.iter().any(|line| line.contains("notes.png")),
        "the text file is refused once: {complaints:?}"
    );
    assert!(complaints.iter().any(|line| line.contains("SIGINT")), "{complaints:?}");
    // Saved: the file holds both, checks clean, and the old screenshot was left alone.
    assert!(
        check_passes(&board, dir.path()).contains("8 cards"),
        "6 sample cards and 2 new"
    );
    let lock_free = boothboard(&["add-card", board.to_str().unwrap(), "--title", "After"], dir.path());
    assert!(lock_free.status.success(), "{}", stderr(&lock_free));
}

/// `boothboard watch ARGS` running, with its stdout and stderr line by line.
fn start_watch(
    args: &[&str],
    home: &Path,
) -> (
    std::process::Child,
    std::sync::mpsc::Receiver<String>,
    std::sync::mpsc::Receiver<String>,
) {
    let mut watch = Command::new(env!("CARGO_BIN_EXE_boothboard"))
        .arg("watch")
        .args(args)
        .env(store::HOME_ENV, home)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = lines_of(watch.stdout.take().unwrap());
    let stderr = lines_of(watch.stderr.take().unwrap());
    (watch, stdout, stderr)
}

/// Stops a watch with SIGINT; returns the lines it printed on stdout that were not read yet.
fn stop_watch(mut watch: std::process::Child, stdout: &std::sync::mpsc::Receiver<String>) -> Vec<String> {
    let pid = watch.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let status = watch.wait().unwrap();
    assert!(status.success(), "{status}");
    stdout.try_iter().collect()
}

#[test]
fn watch_leaves_the_images_already_there_says_how_many_and_takes_them_with_include_existing() {
    use std::time::{Duration, Instant, SystemTime};
    const WAIT_LIMIT: Duration = Duration::from_secs(30);

    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("talks.json");
    let board_arg = board.to_str().unwrap();
    succeeds(&boothboard(&["new", board_arg], dir.path()));
    let shots = dir.path().join("Screenshots");
    std::fs::create_dir(&shots).unwrap();
    // An old screenshot, and a photo from a camera whose clock runs an hour ahead.
    let now = SystemTime::now();
    for (name, modified) in [
        ("old.png", now - Duration::from_secs(3600)),
        ("IMG_0001.png", now + Duration::from_secs(3600)),
    ] {
        let made = common::write_png(&shots, name, 64 + name.len() as u32, 48);
        std::fs::File::options()
            .write(true)
            .open(made)
            .unwrap()
            .set_modified(modified)
            .unwrap();
    }
    let shots_arg = shots.to_str().unwrap();
    let inbox_cards = || {
        store::load(&board)
            .unwrap()
            .column_by_name("Inbox")
            .map_or(0, |column| column.cards.len())
    };

    let (watch, stdout, _stderr) = start_watch(&[board_arg, shots_arg], dir.path());
    let first = stdout.recv_timeout(WAIT_LIMIT).unwrap();
    assert!(first.starts_with("watching "), "{first}");
    let left = stdout.recv_timeout(WAIT_LIMIT).unwrap();
    assert_eq!(
        left,
        format!("left 2 images that were already in {shots_arg}; run again with --include-existing to add them too")
    );
    std::thread::sleep(Duration::from_secs(2));
    let printed = stop_watch(watch, &stdout);
    assert!(!printed.iter().any(|line| line.starts_with("added ")), "{printed:?}");
    assert_eq!(inbox_cards(), 0, "nothing was taken in");

    let (watch, stdout, _stderr) = start_watch(&["--include-existing", board_arg, shots_arg], dir.path());
    let deadline = Instant::now() + WAIT_LIMIT;
    while inbox_cards() < 2 {
        assert!(Instant::now() < deadline, "the images never reached the board file");
        std::thread::sleep(Duration::from_millis(50));
    }
    let printed = stop_watch(watch, &stdout);
    let added: Vec<&String> = printed.iter().filter(|line| line.starts_with("added ")).collect();
    assert_eq!(added.len(), 2, "{printed:?}");
    assert!(added[0].contains("old.png"), "oldest first: {added:?}");
    assert!(!printed.iter().any(|line| line.starts_with("left ")), "{printed:?}");

    // Taken in once: a plain watch has nothing left to mention.
    let (watch, stdout, _stderr) = start_watch(&[board_arg, shots_arg], dir.path());
    std::thread::sleep(Duration::from_secs(2));
    let printed = stop_watch(watch, &stdout);
    assert!(!printed.iter().any(|line| line.starts_with("left ")), "{printed:?}");
    assert_eq!(inbox_cards(), 2);
}
