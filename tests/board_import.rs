//! `boothboard import` and `boothboard export --format` on the real binary: the fixtures in
//! tests/fixtures (hand-written in the shapes Trello, Obsidian Kanban and Boothboard write), round
//! trips through each export, and files made to hurt.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::indexing_slicing)]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use boothboard::model::{Board, BoardEdit, Card, Created, DeviceId, Link};
use boothboard::store;

mod common;

use common::{boothboard, succeeds};

const FIXTURES: &str = "tests/fixtures";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURES).join(name)
}

/// Imports `file` into `dir/name`, checks the board with `boothboard check`, and loads it.
fn import(file: &Path, dir: &Path, name: &str) -> (String, Board) {
    let out = dir.join(name);
    let printed = succeeds(&boothboard(
        &["import", file.to_str().unwrap(), "--out", out.to_str().unwrap()],
        dir,
    ));
    let checked = succeeds(&boothboard(&["check", out.to_str().unwrap()], dir));
    assert!(checked.contains(": ok: version 3"), "{checked}");
    (printed, store::load(&out).unwrap())
}

fn column_names(board: &Board) -> Vec<&str> {
    board.columns.iter().map(|column| column.name.as_str()).collect()
}

fn titles(board: &Board) -> Vec<Vec<&str>> {
    board
        .columns
        .iter()
        .map(|column| column.cards.iter().map(|card| card.title.as_str()).collect())
        .collect()
}

fn card<'a>(board: &'a Board, title: &str) -> &'a Card {
    board
        .card_by_title(title)
        .unwrap_or_else(|| panic!("no card {title:?}"))
}

fn theme_names(board: &Board, card: &Card) -> Vec<String> {
    board
        .themes
        .iter()
        .filter(|theme| card.themes.contains(&theme.id))
        .map(|theme| theme.name.clone())
        .collect()
}

/// Exit non-zero with one line on stderr naming `name` and saying `reason`; nothing written at `out`.
fn assert_refused(output: &Output, name: &str, reason: &str, out: &Path) {
    assert!(
        !output.status.success(),
        "should fail: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err:?}");
    assert!(
        err.contains(name) && err.contains(reason),
        "{name:?} and {reason:?} in: {err}"
    );
    assert!(!out.exists(), "nothing written at {}", out.display());
    assert!(
        !store::media_dir_for(out).exists(),
        "no media folder for {}",
        out.display()
    );
}

#[test]
fn a_trello_export_becomes_a_board_without_its_archived_cards() {
    let dir = tempfile::tempdir().unwrap();
    let (printed, board) = import(&fixture("trello-board.json"), dir.path(), "kubecon.json");
    assert!(
        printed.contains("(Trello board export)")
            && printed.contains("4 cards in 2 columns; 2 archived cards and 1 archived column left out"),
        "{printed}"
    );
    assert_eq!(board.title, "KubeCon EU 2025 (London) 🇬🇧");
    assert_eq!(column_names(&board), ["Gateways and languages", "Storage 💾"]);
    assert_eq!(
        titles(&board),
        [vec!["Gloo", "Ballerina 🩰"], vec!["TiDB 分布式数据库", "Rook"]]
    );
    let themes: Vec<&str> = board.themes.iter().map(|theme| theme.name.as_str()).collect();
    assert_eq!(
        themes,
        ["Developer story", "yellow", "数据库"],
        "an unnamed label is named after its colour"
    );

    let gloo = card(&board, "Gloo");
    assert_eq!(theme_names(&board, gloo), ["Developer story", "yellow"]);
    assert_eq!(
        gloo.notes,
        "Envoy underneath.\n\n<script>alert('hi')</script> stays text.\n\n\
         **Follow up**\n\n- [x] Watch the talk\n- [ ] Try glooctl on kind\n\n**問題**\n\n- [x] Knative ingress?\n",
        "checklists in pos order, HTML kept as text in the notes"
    );
    let rook = card(&board, "Rook");
    let links: Vec<(&str, &str)> = rook
        .links
        .iter()
        .map(|link| (link.label.as_str(), link.url.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("Rook site", "https://rook.io/"),
            (
                "ceph-architecture.png",
                "https://trello.com/1/cards/card-rook/attachments/att-2/download/ceph-architecture.png"
            )
        ],
        "an uploaded attachment is a link labelled with its name; javascript: is dropped"
    );
    assert_eq!(theme_names(&board, rook), ["数据库"]);
}

#[test]
fn an_obsidian_kanban_board_becomes_a_board_without_its_archive() {
    let dir = tempfile::tempdir().unwrap();
    let (printed, board) = import(&fixture("obsidian-kanban.md"), dir.path(), "kanban.json");
    assert!(
        printed.contains("(Obsidian Kanban board)")
            && printed.contains("5 cards in 3 columns; 2 archived cards left out"),
        "{printed}"
    );
    assert_eq!(board.title, "obsidian kanban", "titled after the file");
    assert_eq!(column_names(&board), ["🚀 To see", "完了 [[Notes]] ✅", "Empty lane"]);
    assert_eq!(
        titles(&board),
        [
            vec!["TiDB", "分布式 存储", "Gloo @{2025-04-02}"],
            vec!["Ballerina", "Rook"],
            vec![]
        ]
    );
    let tidb = card(&board, "TiDB");
    assert_eq!(tidb.notes, "HTAP on TiKV, MySQL protocol.\n\n- ask about [[TiFlash]]");
    assert_eq!(theme_names(&board, tidb), ["database", "cncf/sandbox"]);
    assert_eq!(theme_names(&board, card(&board, "分布式 存储")), ["数据库"]);
    let gloo = card(&board, "Gloo @{2025-04-02}");
    assert_eq!(theme_names(&board, gloo), ["Done"]);
    assert_eq!(gloo.notes, "Envoy underneath.");
    assert_eq!(card(&board, "Ballerina").notes, "sequence diagrams\nfrom code");
    assert_eq!(card(&board, "Rook").notes, "four spaces, not a tab");
}

#[test]
fn a_boothboard_markdown_export_written_by_hand_is_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture("boothboard-export.md");
    let out = dir.path().join("rustconf.json");
    let printed = succeeds(&boothboard(
        &[
            "import",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--title",
            "RustConf",
        ],
        dir.path(),
    ));
    assert!(
        printed.contains("3 cards in 2 columns") && !printed.contains("left out"),
        "{printed}"
    );
    let board = store::load(&out).unwrap();
    assert_eq!(board.title, "RustConf", "--title wins");
    assert_eq!(column_names(&board), ["Talks 🎤", "Hallway"]);
    assert_eq!(board.themes[0].question, "Is async Rust easier now?");
    let tokio = card(&board, "Tokio internals");
    assert_eq!(tokio.summary, "The scheduler, explained");
    assert_eq!(tokio.links.len(), 1, "file: is not a link to keep");
    assert_eq!(tokio.links[0].url, "https://www.youtube.com/watch?v=abc&t=42s");
    assert_eq!(theme_names(&board, tokio), ["Async story"]);
    assert!(tokio.notes.starts_with("Work stealing") && tokio.notes.ends_with("- [x] read the blog post"));
    let other = card(&board, "组合子 <script>");
    assert_eq!(theme_names(&board, other), ["嵌入式"]);
    assert_eq!(other.notes, "    fn main() {}");
    assert!(card(&board, "No themes ticked").themes.is_empty());
}

/// The sample board, with a note of task items added, made with the real binary.
fn sample_board(dir: &Path) -> (PathBuf, Board) {
    let path = dir.join("kubecon-2018.json");
    succeeds(&boothboard(&["new", path.to_str().unwrap(), "--sample"], dir));
    let board = store::load(&path).unwrap();
    (path, board)
}

fn export(board: &Path, out: &Path, format: &str, home: &Path) -> PathBuf {
    let printed = succeeds(&boothboard(
        &[
            "export",
            board.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--format",
            format,
        ],
        home,
    ));
    PathBuf::from(printed.trim())
}

#[test]
fn a_markdown_export_imports_as_the_same_board() {
    let dir = tempfile::tempdir().unwrap();
    let (path, original) = sample_board(dir.path());
    let exported = export(&path, &dir.path().join("blog"), "markdown", dir.path());
    assert!(exported.ends_with("blog/kubecon-2018.md"));
    let (printed, imported) = import(&exported, dir.path(), "again.json");
    assert!(printed.contains("(Boothboard Markdown export)"), "{printed}");

    assert_eq!(imported.title, original.title);
    assert_eq!(column_names(&imported), column_names(&original));
    assert_eq!(titles(&imported), titles(&original));
    let themes = |board: &Board| -> Vec<(String, String)> {
        board
            .themes
            .iter()
            .map(|theme| (theme.name.clone(), theme.question.clone()))
            .collect()
    };
    assert_eq!(themes(&imported), themes(&original));
    for (was, now) in original.cards().zip(imported.cards()) {
        assert_eq!(now.summary, was.summary, "{}", was.title);
        assert_eq!(now.links, was.links, "{}", was.title);
        assert_eq!(now.notes, was.notes.trim_end(), "{}", was.title);
        assert_eq!(
            theme_names(&imported, now),
            theme_names(&original, was),
            "{}",
            was.title
        );
        let images = |card: &Card| -> Vec<(String, String, u32, u32)> {
            card.images
                .iter()
                .map(|image| (image.file.to_string(), image.caption.clone(), image.width, image.height))
                .collect()
        };
        assert_eq!(images(now), images(was), "{}", was.title);
    }
    let media = store::media_dir_for(&dir.path().join("again.json"));
    for image in imported.cards().flat_map(|card| &card.images) {
        assert_eq!(
            fs::read(media.join(image.file.as_str())).unwrap(),
            fs::read(store::media_dir_for(&path).join(image.file.as_str())).unwrap()
        );
    }
}

#[test]
fn a_markdown_export_of_text_of_every_kind_imports_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("会议 2026.json");
    let mut board = boothboard::open::create_board(&path, Some("KubeCon 🚢 <b>北京</b>"), false, DeviceId(3)).unwrap();
    let first = board.columns[0].id;
    board
        .apply(BoardEdit::RenameColumn(first, "数据库 & *storage*".into()))
        .unwrap();
    let Created::Column(second) = board.apply(BoardEdit::AddColumn("## Not a heading #1".into())).unwrap() else {
        panic!("no column");
    };
    let Created::Theme(theme) = board.apply(BoardEdit::AddTheme("Ünïcode [story]".into())).unwrap() else {
        panic!("no theme");
    };
    let texts = [
        (
            first,
            "TiDB *not bold* <script>",
            "HTAP — 分布式 `code` \\ 1. not a list",
            "Notes in **Markdown**.\n\n```\n## not a column\n### not a card\n```\n\n- [ ] task 任务\n- [x] done ✅",
        ),
        (first, "🎉", "", "    indented code first"),
        (second, "[[wiki]] #tag", "- starts like a list", ""),
        (
            second,
            "Headings in notes",
            "",
            "## Demo ##\n\nA *part* of the card.\n\n### Questions\n\n#### Asked twice\n\n\
             > ## In a quote\n\n- ### In a list\n\n```\n## code\n```\n\n#hashtag, not a heading",
        ),
    ];
    for (column, title, summary, notes) in texts {
        let Created::Card(card) = board.apply(BoardEdit::AddCard(column, title.into())).unwrap() else {
            panic!("no card");
        };
        board.apply(BoardEdit::SetCardSummary(card, summary.into())).unwrap();
        board.apply(BoardEdit::SetCardNotes(card, notes.into())).unwrap();
        board.apply(BoardEdit::AddLink(card)).unwrap();
        let link = Link {
            label: "Talk (video) [1]".into(),
            url: "https://example.com/a_(b)?c=1&d=2".into(),
        };
        board.apply(BoardEdit::SetLink(card, 0, link)).unwrap();
        board
            .apply(BoardEdit::SetCardTheme(card, theme, title == "🎉"))
            .unwrap();
    }
    store::save(&path, &board).unwrap();

    let exported = export(&path, &dir.path().join("out"), "markdown", dir.path());
    let markdown = fs::read_to_string(&exported).unwrap();
    assert!(
        markdown.contains(
            "#### Demo ##\n\nA *part* of the card.\n\n##### Questions\n\n###### Asked twice\n\n\
                           > #### In a quote\n\n- ##### In a list\n\n```\n## code\n```"
        ),
        "the notes' headings sit below the card's: {markdown}"
    );
    let (_, imported) = import(&exported, dir.path(), "again.json");
    assert_eq!(imported.title, board.title);
    assert_eq!(column_names(&imported), column_names(&board));
    assert_eq!(titles(&imported), titles(&board));
    for (was, now) in board.cards().zip(imported.cards()) {
        assert_eq!(now.summary, was.summary, "{}", was.title);
        assert_eq!(now.links, was.links, "{}", was.title);
        assert_eq!(now.notes, was.notes, "{}", was.title);
        assert_eq!(theme_names(&imported, now), theme_names(&board, was), "{}", was.title);
    }
}

#[test]
fn headings_a_markdown_export_cannot_keep_apart_come_back_one_level_below_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.json");
    succeeds(&boothboard(&["new", path.to_str().unwrap()], dir.path()));
    let notes = "# Top\n\nUnderlined\n---\n\n##### Five\n\n###### Six";
    succeeds(&boothboard(
        &["add-card", path.to_str().unwrap(), "--title", "Card", "--notes", notes],
        dir.path(),
    ));
    let exported = export(&path, &dir.path().join("out"), "markdown", dir.path());
    let markdown = fs::read_to_string(&exported).unwrap();
    assert!(
        markdown.ends_with("### Card\n\n#### Top\n\n#### Underlined\n\n###### Five\n\n###### Six\n"),
        "{markdown}"
    );
    let (_, imported) = import(&exported, dir.path(), "again.json");
    assert_eq!(
        card(&imported, "Card").notes,
        "## Top\n\n## Underlined\n\n#### Five\n\n#### Six"
    );
}

#[test]
fn an_obsidian_kanban_export_imports_with_its_columns_titles_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, original) = sample_board(dir.path());
    let exported = export(&path, &dir.path().join("vault"), "obsidian-kanban", dir.path());
    assert!(exported.ends_with("vault/kubecon-2018.kanban.md"));
    let text = fs::read_to_string(&exported).unwrap();
    assert!(text.starts_with("---\n\nkanban-plugin: basic\n\n---\n\n## "), "{text}");
    assert!(text.contains("- [ ] Gloo #Developer-story\n\tsolo.io"), "{text}");
    // Images are copied beside it and named as Obsidian finds them.
    for image in original.cards().flat_map(|card| &card.images) {
        assert!(text.contains(&format!("\t![[{}]]\n", image.file)));
        assert!(
            dir.path()
                .join("vault/kubecon-2018.media")
                .join(image.file.as_str())
                .is_file()
        );
    }

    let (_, imported) = import(&exported, dir.path(), "again.json");
    assert_eq!(column_names(&imported), column_names(&original));
    assert_eq!(titles(&imported), titles(&original));
    for (was, now) in original.cards().zip(imported.cards()) {
        // The summary, links and images come first among the item's lines; the notes follow as written.
        assert!(
            now.notes.starts_with(&was.summary) && now.notes.ends_with(was.notes.trim_end()),
            "{}: {:?}",
            was.title,
            now.notes
        );
    }
}

#[test]
fn a_canvas_export_keeps_to_the_json_canvas_rules() {
    let dir = tempfile::tempdir().unwrap();
    let (path, original) = sample_board(dir.path());
    let exported = export(&path, &dir.path().join("vault"), "canvas", dir.path());
    assert!(exported.ends_with("vault/kubecon-2018.canvas"));
    let canvas: serde_json::Value = serde_json::from_str(&fs::read_to_string(&exported).unwrap()).unwrap();
    let nodes = canvas["nodes"].as_array().unwrap();
    assert!(canvas["edges"].as_array().unwrap().is_empty());
    let mut ids = HashSet::new();
    for node in nodes {
        assert!(ids.insert(node["id"].as_str().unwrap()), "ids are unique: {node}");
        for field in ["x", "y", "width", "height"] {
            assert!(node[field].is_i64(), "{field} is an integer: {node}");
        }
        let kind = node["type"].as_str().unwrap();
        assert!(["text", "file", "group"].contains(&kind), "{node}");
        if let Some(colour) = node.get("color") {
            assert!(
                ["1", "2", "3", "4", "5", "6"].contains(&colour.as_str().unwrap()),
                "{node}"
            );
        }
        if kind == "file" {
            assert!(
                exported
                    .parent()
                    .unwrap()
                    .join(node["file"].as_str().unwrap())
                    .is_file(),
                "{node}"
            );
        }
    }
    let count = |kind: &str| nodes.iter().filter(|node| node["type"] == kind).count();
    assert_eq!(
        count("group"),
        original.columns.len() + 1,
        "a group per column and the themes' legend"
    );
    assert_eq!(count("text"), original.card_count() + original.themes.len());
    assert_eq!(
        count("file"),
        original.cards().filter(|card| !card.images.is_empty()).count()
    );
    // Each card sits inside its column's group, below the card before it.
    let groups: Vec<&serde_json::Value> = nodes
        .iter()
        .filter(|node| node["type"] == "group" && node["id"] != "themes")
        .collect();
    for (group, column) in groups.iter().zip(&original.columns) {
        assert_eq!(group["label"], column.name.as_str());
        let inside: Vec<&serde_json::Value> = nodes
            .iter()
            .filter(|node| node["type"] == "text" && node["id"].as_str().unwrap().starts_with("card-"))
            .filter(|node| {
                let x = node["x"].as_i64().unwrap();
                let group_x = group["x"].as_i64().unwrap();
                x > group_x && x + node["width"].as_i64().unwrap() < group_x + group["width"].as_i64().unwrap()
            })
            .collect();
        assert_eq!(inside.len(), column.cards.len(), "{}", column.name);
        assert!(
            inside
                .windows(2)
                .all(|pair| pair[0]["y"].as_i64() < pair[1]["y"].as_i64())
        );
    }
}

#[test]
fn files_made_to_hurt_are_refused_in_one_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("board.json");
    let refused = |name: &str, content: &[u8], reason: &str| {
        let file = dir.path().join(name);
        fs::write(&file, content).unwrap();
        let output = boothboard(
            &["import", file.to_str().unwrap(), "--out", out.to_str().unwrap()],
            dir.path(),
        );
        assert_refused(&output, name, reason, &out);
    };
    refused(
        "cut.json",
        br#"{"lists": [{"id": "a", "name": "One", "pos": 1}], "cards": [{"name": "x", "idList"#,
        "cut off",
    );
    refused(
        "types.json",
        br#"{"lists": {"id": "a"}, "cards": []}"#,
        "not the shape of a Trello export",
    );
    refused(
        "cards.json",
        br#"{"lists": [], "cards": [{"name": 5, "idList": "a"}]}"#,
        "invalid type: integer `5`",
    );
    let deep = format!(
        r#"{{"lists": [], "cards": [], "actions": {}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    refused("deep.json", deep.as_bytes(), "nested more than 64 levels deep");
    refused(
        "notes.md",
        b"Just some notes.\n\n- a list\n",
        "not a board Boothboard can import",
    );
    let (board, _) = sample_board(dir.path());
    let output = boothboard(
        &["import", board.to_str().unwrap(), "--out", out.to_str().unwrap()],
        dir.path(),
    );
    assert_refused(
        &output,
        "kubecon-2018.json",
        "already a Boothboard board; open it",
        &out,
    );
    refused(
        "binary.json",
        b"{\"lists\": [], \"cards\": [\xff\xfe]}",
        "not a text file",
    );

    let large = dir.path().join("large.json");
    fs::File::create(&large).unwrap().set_len((64 << 20) + 1).unwrap();
    let output = boothboard(
        &["import", large.to_str().unwrap(), "--out", out.to_str().unwrap()],
        dir.path(),
    );
    assert_refused(&output, "large.json", "larger than 64 MiB", &out);

    // A board is never written over.
    fs::write(&out, "my board").unwrap();
    let output = boothboard(
        &[
            "import",
            fixture("trello-board.json").to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(!output.status.success());
    assert_eq!(fs::read_to_string(&out).unwrap(), "my board");
}

#[cfg(unix)]
#[test]
fn a_folder_or_a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("board.json");
    let pipe = dir.path().join("pipe.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    let folder = dir.path().join("folder.md");
    fs::create_dir(&folder).unwrap();
    for (path, name) in [(&pipe, "pipe.json"), (&folder, "folder.md")] {
        let output = boothboard(
            &["import", path.to_str().unwrap(), "--out", out.to_str().unwrap()],
            dir.path(),
        );
        assert_refused(&output, name, "not a file", &out);
    }
}

#[cfg(unix)]
#[test]
fn an_image_linked_out_of_the_media_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (path, original) = sample_board(dir.path());
    let exported = export(&path, &dir.path().join("blog"), "markdown", dir.path());
    // A stranger's export: one image swapped for a link to a file elsewhere.
    let image = original.cards().flat_map(|card| &card.images).next().unwrap();
    let in_export = dir.path().join("blog/kubecon-2018.media").join(image.file.as_str());
    let secret = dir.path().join("secret.png");
    fs::rename(&in_export, &secret).unwrap();
    std::os::unix::fs::symlink(&secret, &in_export).unwrap();
    let out = dir.path().join("stranger.json");
    let output = boothboard(
        &["import", exported.to_str().unwrap(), "--out", out.to_str().unwrap()],
        dir.path(),
    );
    assert_refused(&output, "kubecon-2018.md", "a link to", &out);
}
