//! Markdown exports on real files, read back with a real CommonMark parser.
//!
//! The sample board's export is kept in `tests/golden/kubecon-2018.md`, and the Chinese sample
//! board's, exported in Chinese, in `tests/golden/kubecon-2018.zh-CN.md`. After a deliberate change
//! to the output, regenerate them with `BOOTHBOARD_UPDATE_GOLDEN=1 cargo test --test export` and
//! review the diff.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use boothboard::export::{
    ExportError, ExportFormat, ExportOptions, ExportProgress, ExportScope, Exported, board_canvas, board_markdown,
    card_markdown, encode_path_segment, export_to_dir, obsidian_kanban,
};
use boothboard::i18n::{self, Language};
use boothboard::model::{Board, ImageRef, Link, MediaName};
use boothboard::open::create_board;
use boothboard::store;
use common::unicode::NON_ASCII_BEFORE_A_DOT;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;
use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

mod common;

const GOLDEN: &str = "tests/golden/kubecon-2018.md";
const GOLDEN_CHINESE: &str = "tests/golden/kubecon-2018.zh-CN.md";
const HOSTILE: &str =
    "<script>alert(1)</script> *not bold* [click](javascript:alert(1)) <https://evil.example> &lt;b&gt;";

/// The sample board, created as `boothboard new --sample` creates it, at `dir/name`.
fn sample_board(dir: &Path, name: &str) -> (PathBuf, Board) {
    let path = dir.join(name);
    let board = create_board(&path, None, true, boothboard::model::DeviceId(1)).unwrap();
    (path, board)
}

fn export(board: &Board, path: &Path, scope: &ExportScope, out: &Path) -> Exported {
    export_to_dir(board, path, scope, &ExportOptions::default(), out, &mut |_| {}).unwrap()
}

/// File names in `dir`, sorted, hidden ones included.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// What a reader of the rendered page sees, per card heading.
#[derive(Debug, Default)]
struct Parsed {
    /// Level-3 headings (cards), in order, with their plain text.
    cards: Vec<String>,
    /// Every heading, in order, with its level.
    outline: Vec<(HeadingLevel, String)>,
    /// Per card: its task list items' checked states, in order.
    ticks: BTreeMap<String, Vec<bool>>,
    /// Image targets, as written.
    images: Vec<String>,
    /// Link targets, as written.
    links: Vec<String>,
    /// Raw HTML, inline or block.
    html: Vec<String>,
    /// Emphasis or strong text inside a heading.
    emphasis_in_headings: usize,
}

fn parse(markdown: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut card = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, heading)) = &mut heading {
                    heading.push_str(&text);
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong) if heading.is_some() => parsed.emphasis_in_headings += 1,
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    if level == HeadingLevel::H3 {
                        card = text.clone();
                        parsed.cards.push(text.clone());
                    }
                    parsed.outline.push((level, text));
                }
            }
            Event::TaskListMarker(checked) => parsed.ticks.entry(card.clone()).or_default().push(checked),
            Event::Start(Tag::Image { dest_url, .. }) => parsed.images.push(dest_url.into_string()),
            Event::Start(Tag::Link { dest_url, .. }) => parsed.links.push(dest_url.into_string()),
            Event::Html(html) | Event::InlineHtml(html) => parsed.html.push(html.into_string()),
            _ => {}
        }
    }
    parsed
}

/// `%E4%BC%9A` → `会`: how a browser reads a relative link.
fn percent_decode(target: &str) -> String {
    let bytes = target.as_bytes();
    let mut decoded = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            decoded.push(u8::from_str_radix(&target[index + 1..index + 3], 16).unwrap());
            index += 3;
        } else {
            decoded.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(decoded).unwrap()
}

/// Exports the sample board made in `language`, in that language, and checks it against `golden`.
fn exports_as_golden(language: Language, golden: &str) -> (tempfile::TempDir, PathBuf, Exported, PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().to_owned();
    // The sample board is made in the language of the thread, as the window's first launch does.
    i18n::set_language(language);
    let (path, board) = sample_board(&dir, "kubecon-2018.json");
    i18n::set_language(Language::English);
    let out = dir.join("blog");
    let options = ExportOptions {
        language,
        ..ExportOptions::default()
    };
    let exported = export_to_dir(&board, &path, &ExportScope::Board, &options, &out, &mut |_| {}).unwrap();
    assert_eq!(exported.document, out.join("kubecon-2018.md"));
    let markdown = fs::read_to_string(&exported.document).unwrap();
    if std::env::var_os("BOOTHBOARD_UPDATE_GOLDEN").is_some() {
        fs::write(golden, &markdown).unwrap();
    }
    let expected = fs::read_to_string(golden).expect("the golden file; BOOTHBOARD_UPDATE_GOLDEN=1 writes it");
    assert!(
        markdown == expected,
        "the export differs from {golden}; if the change is meant, regenerate it with \
         BOOTHBOARD_UPDATE_GOLDEN=1 cargo test --test export and review the diff.\n{markdown}"
    );
    (temp, path, exported, out)
}

#[test]
fn the_chinese_sample_board_exports_in_chinese_as_its_golden_file_and_reads_back() {
    let (_dir, path, exported, _) = exports_as_golden(Language::SimplifiedChinese, GOLDEN_CHINESE);
    let markdown = fs::read_to_string(&exported.document).unwrap();
    assert!(
        markdown.starts_with("# KubeCon + CloudNativeCon 北美 2018（西雅图）\n\n## 主题\n"),
        "{markdown}"
    );
    assert!(!markdown.contains("Themes"), "{markdown}");
    // Boothboard's own Markdown import knows the Chinese themes heading.
    let board = store::load(&path).unwrap();
    let home = path.parent().unwrap();
    let imported = home.join("imported.json");
    let output = common::boothboard(
        &[
            "import",
            exported.document.to_str().unwrap(),
            "--out",
            imported.to_str().unwrap(),
        ],
        home,
    );
    common::succeeds(&output);
    let back = store::load(&imported).unwrap();
    let names = |board: &Board| board.themes.iter().map(|theme| theme.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&back), names(&board));
    assert_eq!(back.columns.len(), board.columns.len());
}

#[test]
fn the_sample_board_exports_as_the_golden_file() {
    let (_dir, path, exported, out) = exports_as_golden(Language::English, GOLDEN);
    // Both sample images, copied byte for byte, and nothing else.
    let media = store::media_dir_for(&path);
    assert_eq!(names_in(&exported.media_dir), names_in(&media));
    for name in names_in(&media) {
        assert_eq!(
            fs::read(exported.media_dir.join(&name)).unwrap(),
            fs::read(media.join(&name)).unwrap()
        );
    }
    assert_eq!(names_in(&out), ["kubecon-2018.md", "kubecon-2018.media"]);
}

#[test]
fn every_card_has_a_heading_its_ticks_and_images_that_exist() {
    let dir = tempfile::tempdir().unwrap();
    // A space and Chinese in the name: the image links must still resolve.
    let (path, mut board) = sample_board(dir.path(), "KubeCon 2018 会议.json");
    let database = board.theme_by_name("Database story").unwrap().id;
    let gloo = board.card_by_title("Gloo").unwrap().id;
    board.set_card_theme(gloo, database, true).unwrap();
    let out = dir.path().join("out dir");
    let exported = export(&board, &path, &ExportScope::Board, &out);
    assert_eq!(exported.images, 2);
    let markdown = fs::read_to_string(&exported.document).unwrap();
    let parsed = parse(&markdown);

    let titles: Vec<&str> = board.cards().map(|card| card.title.as_str()).collect();
    assert_eq!(parsed.cards, titles);
    for card in board.cards() {
        let expected: Vec<bool> = board
            .themes
            .iter()
            .map(|theme| card.themes.contains(&theme.id))
            .collect();
        assert_eq!(parsed.ticks[&card.title], expected, "ticks of {}", card.title);
    }
    assert_eq!(parsed.images.len(), 2);
    for target in &parsed.images {
        assert!(!target.contains(' '), "{target} is encoded");
        let file = exported.document.parent().unwrap().join(percent_decode(target));
        assert!(file.is_file(), "{target} → {} exists", file.display());
    }
    assert!(parsed.html.is_empty(), "{:?}", parsed.html);
    assert!(
        parsed.links.iter().all(|link| link.starts_with("https://")),
        "{:?}",
        parsed.links
    );
}

#[test]
fn headings_in_notes_sit_below_their_card_in_every_markdown_the_card_goes_into() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut board) = sample_board(dir.path(), "kubecon-2018.json");
    let gloo = board.card_by_title("Gloo").unwrap().id;
    let notes = "# Overview\n\n## Demo\n\nRouting *functions*.\n\nQuestions\n---------\n\n\
                 ```\n## not a heading\n```\n\n<div>\n### Was in HTML\n</div>";
    board.card_mut(gloo).unwrap().notes = notes.to_owned();
    let exported = export(&board, &path, &ExportScope::Board, &dir.path().join("out"));
    let markdown = fs::read_to_string(&exported.document).unwrap();
    assert!(
        markdown.contains(
            "#### Overview\n\n#### Demo\n\nRouting *functions*.\n\n#### Questions\n\n```\n## not a heading\n```"
        ),
        "{markdown}"
    );
    let parsed = parse(&markdown);
    let titles: Vec<&str> = board.cards().map(|card| card.title.as_str()).collect();
    assert_eq!(parsed.cards, titles, "the notes add no card");
    let under_gloo: Vec<(HeadingLevel, &str)> = parsed
        .outline
        .iter()
        .skip_while(|(_, text)| text != "Gloo")
        .skip(1)
        .take_while(|(level, _)| *level > HeadingLevel::H3)
        .map(|(level, text)| (*level, text.as_str()))
        .collect();
    assert_eq!(
        under_gloo,
        [
            (HeadingLevel::H4, "Overview"),
            (HeadingLevel::H4, "Demo"),
            (HeadingLevel::H4, "Questions"),
            (HeadingLevel::H5, "Was in HTML"),
        ],
        "HTML shown as text leaves its lines to the parser: a heading among them goes down too"
    );

    // Copy as Markdown, and a canvas's card node, are the same card Markdown.
    let card = board.card(gloo).unwrap();
    let copied = card_markdown(&board.themes, card, "kubecon-2018.media", &ExportOptions::default());
    let copied_outline = parse(&copied).outline;
    assert_eq!(copied_outline.first(), Some(&(HeadingLevel::H3, "Gloo".to_owned())));
    assert!(
        copied_outline
            .iter()
            .skip(1)
            .all(|(level, _)| *level > HeadingLevel::H3),
        "{copied}"
    );
    let canvas = board_canvas(
        &board,
        &ExportScope::Board,
        "kubecon-2018.media",
        &ExportOptions::default(),
    )
    .unwrap();
    assert!(canvas.contains("#### Demo"), "{canvas}");
    // An Obsidian Kanban card is an item, not a heading: its notes keep their headings, indented in it.
    let kanban = obsidian_kanban(&board, &ExportScope::Board, &ExportOptions::default()).unwrap();
    assert!(kanban.contains("\t# Overview\n\t\n\t## Demo\n"), "{kanban}");
}

/// The Gloo diagram, stored in the media folder of the board at `board_path` with `caption`.
fn stored_image(board_path: &Path, caption: &str) -> ImageRef {
    boothboard::media::store_image_bytes(
        &store::media_dir_for(board_path),
        include_bytes!("../assets/images/gloo-architecture.png"),
        caption,
    )
    .unwrap()
}

/// All the text a reader of the rendered page sees, run together.
fn page_text(markdown: &str) -> String {
    Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Text(text) => Some(text.into_string()),
            _ => None,
        })
        .collect()
}

/// A board where every piece of plain text is hostile, and one real link.
fn hostile_board(dir: &Path) -> (PathBuf, Board) {
    let path = dir.join("hostile.json");
    let mut board = Board::new(HOSTILE);
    board.columns[0].name = HOSTILE.to_owned();
    board.add_theme(HOSTILE, HOSTILE);
    let column = board.columns[0].id;
    let card = board.add_card(column, HOSTILE).unwrap();
    let image = stored_image(&path, HOSTILE);
    let card = board.card_mut(card).unwrap();
    card.summary = format!("{HOSTILE} https://evil.example www.evil.example");
    card.links = vec![
        Link {
            label: HOSTILE.to_owned(),
            url: "https://example.com/a b".to_owned(),
        },
        Link {
            label: "Script".to_owned(),
            url: "javascript:alert(1)".to_owned(),
        },
    ];
    card.images.push(image);
    store::save(&path, &board).unwrap();
    (path, board)
}

#[test]
fn hostile_text_renders_literally_with_no_html_and_no_links() {
    let dir = tempfile::tempdir().unwrap();
    let (path, board) = hostile_board(dir.path());
    let exported = export(&board, &path, &ExportScope::Board, &dir.path().join("out"));
    let markdown = fs::read_to_string(&exported.document).unwrap();
    let parsed = parse(&markdown);
    assert_eq!(parsed.cards, [HOSTILE], "the title shows as typed:\n{markdown}");
    assert_eq!(parsed.emphasis_in_headings, 0, "{markdown}");
    assert!(parsed.html.is_empty(), "no raw HTML: {:?}\n{markdown}", parsed.html);
    assert_eq!(
        parsed.links,
        ["https://example.com/a%20b"],
        "only the card's web link:\n{markdown}"
    );
    assert_eq!(parsed.images.len(), 1);
    // The whole page's text holds the hostile text as typed, every time it was used.
    let text = page_text(&markdown);
    assert!(text.matches(HOSTILE).count() >= 6, "{text}");
}

#[test]
fn the_export_command_keeps_text_with_a_letter_that_is_not_ascii_before_a_full_stop() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dots.json");
    let mut board = Board::new("Dots");
    let column = board.columns[0].id;
    for text in NON_ASCII_BEFORE_A_DOT {
        let card = board.add_card(column, text).unwrap();
        let image = stored_image(&path, text);
        let card = board.card_mut(card).unwrap();
        card.summary = text.to_owned();
        card.links = vec![Link {
            label: text.to_owned(),
            url: "https://example.com/".to_owned(),
        }];
        card.images.push(image);
    }
    store::save(&path, &board).unwrap();
    let out = dir.path().join("out");
    let exported = Command::new(env!("CARGO_BIN_EXE_boothboard"))
        .args(["export", path.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .env(store::HOME_ENV, dir.path())
        .output()
        .unwrap();
    assert!(
        exported.status.success(),
        "exit {:?}: {}",
        exported.status.code(),
        String::from_utf8_lossy(&exported.stderr)
    );
    let markdown = fs::read_to_string(out.join("dots.md")).unwrap();
    assert_eq!(parse(&markdown).cards, NON_ASCII_BEFORE_A_DOT, "{markdown}");
    let text = page_text(&markdown);
    for written in NON_ASCII_BEFORE_A_DOT {
        // Title, summary, link label and caption.
        assert_eq!(text.matches(written).count(), 4, "{written} in {text}");
    }
}

#[test]
fn chinese_japanese_korean_and_emoji_come_out_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("asia.json");
    let mut board = Board::new("KubeCon 中国 2018 🚀");
    let column = board.columns[0].id;
    let card = board.add_card(column, "云原生数据库 TiDB").unwrap();
    board.card_mut(card).unwrap().summary = "日本語の説明と한국어 설명 ✨".to_owned();
    board.card_mut(card).unwrap().notes = "很好。**太好了** 🎉".to_owned();
    store::save(&path, &board).unwrap();
    let exported = export(&board, &path, &ExportScope::Board, &dir.path().join("out"));
    assert!(!exported.media_dir.exists(), "no images, no media folder");
    assert_eq!(
        fs::read_to_string(&exported.document).unwrap(),
        "# KubeCon 中国 2018 🚀\n\n## Projects\n\n### 云原生数据库 TiDB\n\n日本語の説明と한국어 설명 ✨\n\n很好。**太好了** 🎉\n"
    );
}

#[test]
fn exporting_again_replaces_the_previous_export_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut board) = sample_board(dir.path(), "kubecon-2018.json");
    let out = dir.path().join("blog");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("post.md"), "my own post").unwrap();
    let outside_before = names_in(dir.path());

    let first = export(&board, &path, &ExportScope::Board, &out);
    let first_bytes = fs::read(&first.document).unwrap();
    let mut progress = Vec::new();
    let again = export_to_dir(
        &board,
        &path,
        &ExportScope::Board,
        &ExportOptions::default(),
        &out,
        &mut |step| {
            progress.push(step);
        },
    )
    .unwrap();
    assert_eq!(
        fs::read(&again.document).unwrap(),
        first_bytes,
        "an unchanged board exports the same bytes"
    );
    assert_eq!(
        progress.last(),
        Some(&ExportProgress {
            images_copied: 2,
            images_total: 2
        })
    );

    // TiDB drops its diagram: the next export must not keep it.
    let tidb_image = board.card_by_title("TiDB").unwrap().images[0].file.clone();
    let tidb = board.card_by_title("TiDB").unwrap().id;
    board.card_mut(tidb).unwrap().images.clear();
    let third = export(&board, &path, &ExportScope::Board, &out);
    assert_eq!(names_in(&third.media_dir).len(), 1);
    assert!(!third.media_dir.join(tidb_image.as_str()).exists(), "no stale image");
    assert_eq!(names_in(&out), ["kubecon-2018.md", "kubecon-2018.media", "post.md"]);
    assert_eq!(fs::read_to_string(out.join("post.md")).unwrap(), "my own post");
    let mut outside_after = names_in(dir.path());
    outside_after.retain(|name| name != "blog");
    let mut outside_expected = outside_before;
    outside_expected.retain(|name| name != "blog");
    assert_eq!(
        outside_after, outside_expected,
        "nothing written outside the export folder"
    );

    // A theme with no images: the media folder goes too.
    let developer = board.theme_by_name("Developer story").unwrap().id;
    let gloo = board.card_by_title("Gloo").unwrap().id;
    board.card_mut(gloo).unwrap().images.clear();
    let themed = export(&board, &path, &ExportScope::Theme(developer), &out);
    assert!(!themed.media_dir.exists());
    assert_eq!(names_in(&out), ["kubecon-2018.md", "post.md"]);
}

#[test]
fn only_the_images_of_the_exported_cards_are_copied() {
    let dir = tempfile::tempdir().unwrap();
    let (path, board) = sample_board(dir.path(), "kubecon-2018.json");
    let database = board.theme_by_name("Database story").unwrap().id;
    let exported = export(&board, &path, &ExportScope::Theme(database), &dir.path().join("db"));
    let tidb_image = &board.card_by_title("TiDB").unwrap().images[0].file;
    assert_eq!(names_in(&exported.media_dir), [tidb_image.as_str()]);
    let parsed = parse(&fs::read_to_string(&exported.document).unwrap());
    assert_eq!(
        parsed.cards,
        ["TiDB", "FoundationDB", "Cassandra / DataStax Enterprise", "Rook"]
    );

    let gloo = board.card_by_title("Gloo").unwrap().id;
    let exported = export(&board, &path, &ExportScope::Cards(vec![gloo]), &dir.path().join("gloo"));
    let parsed = parse(&fs::read_to_string(&exported.document).unwrap());
    assert_eq!(parsed.cards, ["Gloo"]);
    assert_eq!(exported.images, 1);
}

#[test]
fn a_missing_image_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut board) = sample_board(dir.path(), "kubecon-2018.json");
    let gloo = board.card_by_title("Gloo").unwrap().id;
    board.card_mut(gloo).unwrap().images.push(ImageRef {
        file: MediaName::new("gone.png").unwrap(),
        caption: "Gone".to_owned(),
        width: 1,
        height: 1,
    });
    let out = dir.path().join("blog");
    let error = export_to_dir(
        &board,
        &path,
        &ExportScope::Board,
        &ExportOptions::default(),
        &out,
        &mut |_| {},
    )
    .unwrap_err();
    assert!(matches!(error, ExportError::MissingImage { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.contains("\"Gloo\"") && message.contains("gone.png"),
        "{message}"
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn the_board_folder_itself_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (path, board) = sample_board(dir.path(), "kubecon-2018.json");
    let media = store::media_dir_for(&path);
    let before = names_in(&media);
    let error = export_to_dir(
        &board,
        &path,
        &ExportScope::Board,
        &ExportOptions::default(),
        dir.path(),
        &mut |_| {},
    )
    .unwrap_err();
    assert!(matches!(error, ExportError::BoardMediaInTheWay { .. }), "{error}");
    assert!(error.to_string().contains("choose another folder"), "{error}");
    assert_eq!(names_in(&media), before, "the board's images are untouched");
    assert!(!dir.path().join("kubecon-2018.md").exists());
}

const NOTES_WITH_HTML: &str = "Demo:\n\n<script>alert(1)</script>\n\n<details>\n<summary>More</summary>\n\nHidden\n</details>\n\n\
                               Press <kbd>Ctrl</kbd> and `<b>` in code.";

/// A board with one card whose notes hold raw HTML, saved at `dir/html.json`.
fn board_with_html_notes(dir: &Path) -> (PathBuf, Board) {
    let path = dir.join("html.json");
    let mut board = Board::new("HTML");
    let column = board.columns[0].id;
    let card = board.add_card(column, "Demo").unwrap();
    board.card_mut(card).unwrap().notes = NOTES_WITH_HTML.to_owned();
    store::save(&path, &board).unwrap();
    (path, board)
}

#[test]
fn raw_html_in_notes_shows_as_text_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let (path, board) = board_with_html_notes(dir.path());
    let out = dir.path().join("blog");
    let exported = export(&board, &path, &ExportScope::Board, &out);
    let markdown = fs::read_to_string(&exported.document).unwrap();
    let parsed = parse(&markdown);
    assert!(
        parsed.html.is_empty(),
        "no raw HTML by default: {:?}\n{markdown}",
        parsed.html
    );
    let shown: String = Parser::new(&markdown)
        .filter_map(|event| match event {
            Event::Text(text) | Event::Code(text) => Some(text.into_string()),
            _ => None,
        })
        .collect();
    for text in ["<script>alert(1)</script>", "<details>", "<kbd>Ctrl</kbd>", "<b>"] {
        assert!(shown.contains(text), "{text} shows as text: {shown}");
    }

    let allowed = ExportOptions {
        allow_html: true,
        ..ExportOptions::default()
    };
    let exported = export_to_dir(&board, &path, &ExportScope::Board, &allowed, &out, &mut |_| {}).unwrap();
    let parsed = parse(&fs::read_to_string(&exported.document).unwrap());
    let html = parsed.html.concat();
    for tag in ["<script>alert(1)</script>", "<details>", "<kbd>"] {
        assert!(html.contains(tag), "{tag} passed through: {html}");
    }
}

#[cfg(unix)]
#[test]
fn an_image_swapped_for_a_link_after_the_check_is_not_copied() {
    let dir = tempfile::tempdir().unwrap();
    let (path, board) = sample_board(dir.path(), "kubecon-2018.json");
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "the secret").unwrap();
    let out = dir.path().join("blog");
    let first = export(&board, &path, &ExportScope::Board, &out);
    let before = names_in(&first.media_dir);

    let media = store::media_dir_for(&path);
    let mut swapped = false;
    let error = export_to_dir(
        &board,
        &path,
        &ExportScope::Board,
        &ExportOptions::default(),
        &out,
        &mut |_| {
            // The images were checked; now, before they are copied, each becomes a link to the secret.
            if !swapped {
                swapped = true;
                for name in names_in(&media) {
                    fs::remove_file(media.join(&name)).unwrap();
                    std::os::unix::fs::symlink(&secret, media.join(&name)).unwrap();
                }
            }
        },
    )
    .unwrap_err();
    assert!(swapped, "the export reached the copy");
    assert!(matches!(error, ExportError::RefusedImages(_)), "{error}");
    assert!(error.to_string().contains("secret.txt"), "{error}");
    for file in common::files_under(&out) {
        assert_ne!(
            fs::read(&file).unwrap_or_default(),
            b"the secret",
            "{} holds the secret",
            file.display()
        );
    }
    assert_eq!(names_in(&first.media_dir), before, "the earlier export is kept");
    assert_eq!(
        names_in(&out),
        ["kubecon-2018.md", "kubecon-2018.media"],
        "no staging folder left"
    );
}

/// Every link and image a renderer makes of `markdown` whose address the window would not open
/// (only http, https and mailto; an e-mail autolink is a mailto: link), but the images the export
/// linked to in its own media folder (`own_images`). Read as plain CommonMark and with every
/// extension the parser knows but wikilinks (Obsidian's `![[file]]` embeds, not CommonMark).
fn links_the_window_would_not_open(markdown: &str, own_images: &[String]) -> Vec<String> {
    let mut refused = Vec::new();
    for options in [Options::empty(), Options::all().difference(Options::ENABLE_WIKILINKS)] {
        for event in Parser::new_ext(markdown, options) {
            let (image, link_type, dest) = match event {
                Event::Start(Tag::Link {
                    link_type, dest_url, ..
                }) => (false, link_type, dest_url),
                Event::Start(Tag::Image {
                    link_type, dest_url, ..
                }) => (true, link_type, dest_url),
                _ => continue,
            };
            let url = match link_type {
                LinkType::Email => format!("mailto:{dest}"),
                _ => dest.to_string(),
            };
            let own = image && own_images.iter().any(|own| *own == *dest);
            if boothboard::model::openable_url(&url).is_err() && !own {
                refused.push(dest.into_string());
            }
        }
    }
    refused
}

/// Every Markdown an export writes of `board`, named: the Markdown document, Copy as Markdown of
/// each card, the Obsidian Kanban board and each text of the JSON Canvas.
fn every_export(board: &Board) -> Vec<(String, String)> {
    let options = ExportOptions::default();
    let mut exports = vec![(
        "markdown".to_owned(),
        board_markdown(board, &ExportScope::Board, "talks.media", &options).unwrap(),
    )];
    for card in board.cards() {
        let copied = card_markdown(&board.themes, card, "talks.media", &options);
        exports.push((format!("copy of {:?}", card.title), copied));
    }
    let kanban = ExportOptions {
        format: ExportFormat::ObsidianKanban,
        ..ExportOptions::default()
    };
    exports.push((
        "kanban".to_owned(),
        obsidian_kanban(board, &ExportScope::Board, &kanban).unwrap(),
    ));
    let canvas = board_canvas(board, &ExportScope::Board, "talks.media", &options).unwrap();
    let canvas: serde_json::Value = serde_json::from_str(&canvas).unwrap();
    for node in canvas["nodes"].as_array().unwrap() {
        if let Some(text) = node["text"].as_str() {
            exports.push((format!("canvas node {}", node["id"]), text.to_owned()));
        }
    }
    exports
}

/// The addresses of the images the Markdown export links to in its media folder.
fn own_images(board: &Board) -> Vec<String> {
    board
        .cards()
        .flat_map(|card| &card.images)
        .map(|image| format!("talks.media/{}", encode_path_segment(image.file.as_str())))
        .collect()
}

const REFUSED_IN_NOTES: &str = "Demo: [bad](javascript:alert(1)), [f](file:///etc/passwd), \
    <javascript:alert(1)>, [x][ref], [ref][], [ref] and ![pixel](file:///home/me/secret.png); \
    [TiKV](https://tikv.org) stays.\n\n[ref]: javascript:alert(2)\n";

#[test]
fn links_the_window_shows_as_text_are_text_in_every_export() {
    let mut board = Board::new("Links");
    let column = board.columns[0].id;
    let card = board.add_card(column, "[t](javascript:alert(3))").unwrap();
    let card = board.card_mut(card).unwrap();
    card.notes = REFUSED_IN_NOTES.to_owned();
    card.summary = "[s](javascript:alert(4)) <file:///etc/passwd>".to_owned();
    for (what, markdown) in every_export(&board) {
        let refused = links_the_window_would_not_open(&markdown, &[]);
        assert!(refused.is_empty(), "{what}: {refused:?}\n{markdown}");
        if what == "markdown" {
            assert!(
                markdown.contains(r"\[bad](javascript:alert(1)), \[f](file:///etc/passwd), \<javascript:alert(1)>"),
                "the rest of the notes as written:\n{markdown}"
            );
            assert_eq!(parse(&markdown).links, ["https://tikv.org"], "{markdown}");
        }
    }
}

#[test]
fn links_in_imported_notes_are_text_in_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let kanban = dir.path().join("Trip.md");
    let notes: String = REFUSED_IN_NOTES.lines().map(|line| format!("\t{line}\n")).collect();
    fs::write(
        &kanban,
        format!("---\n\nkanban-plugin: basic\n\n---\n\n## Booths\n\n- [ ] TiDB\n{notes}\n"),
    )
    .unwrap();
    let path = dir.path().join("trip.json");
    boothboard::import::import_file(&kanban, &path, None, boothboard::model::DeviceId(1)).unwrap();
    let board = store::load(&path).unwrap();
    assert!(
        board
            .card_by_title("TiDB")
            .unwrap()
            .notes
            .contains("[bad](javascript:alert(1))"),
        "imported as written"
    );
    for format in [
        ExportFormat::Markdown,
        ExportFormat::ObsidianKanban,
        ExportFormat::Canvas,
    ] {
        let options = ExportOptions {
            format,
            ..ExportOptions::default()
        };
        let out = dir.path().join(format!("out-{format:?}"));
        let exported = export_to_dir(&board, &path, &ExportScope::Board, &options, &out, &mut |_| {}).unwrap();
        let written = fs::read_to_string(&exported.document).unwrap();
        let texts = if format == ExportFormat::Canvas {
            let canvas: serde_json::Value = serde_json::from_str(&written).unwrap();
            canvas["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|node| node["text"].as_str().map(str::to_owned))
                .collect()
        } else {
            vec![written]
        };
        for markdown in texts {
            let refused = links_the_window_would_not_open(&markdown, &[]);
            assert!(refused.is_empty(), "{format:?}: {refused:?}\n{markdown}");
        }
    }
}

/// Schemes as a hostile note may spell them: any case, with whitespace, control characters or a
/// character reference inside, and the ones that may be opened.
const SCHEMES: &[&str] = &[
    "javascript",
    "JavaScript",
    "JAVASCRIPT",
    "java\tscript",
    "java\nscript",
    " javascript",
    "\u{1}javascript",
    "java\u{0}script",
    "jav&#x61;script",
    "jav&#97;script",
    "java\\script",
    "vbscript",
    "file",
    "FILE",
    "data",
    "ftp",
    "http",
    "https",
    "HTTPS",
    "mailto",
    "MailTo",
    "",
];
const RESTS: &[&str] = &[
    ":alert(1)",
    "://example.com/a",
    ":///etc/passwd",
    "://",
    ":",
    "//evil.example",
    ":text/html;base64,PHNjcmlwdD4=",
    ":a@b.c",
    "&#58;alert(1)",
    "%3Aalert(1)",
];
const TITLES: &[&str] = &[
    "",
    " \"t\"",
    " 't'",
    " (t)",
    " \"<b>x</b>\"",
    "\n\"t\"",
    " \"a\\\"b\"",
    " \"<javascript:x>\"",
];
const TEXTS: &[&str] = &[
    "x",
    "",
    "**b**",
    "a [b] c",
    "`c`",
    "<b>",
    "[n](https://ok.example)",
    "![i](javascript:y)",
    "\\]",
    "[",
    "*a",
];
const LABELS: &[&str] = &["r", "R", "ref one", "^1", "x", "<r>"];
const GLUE: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    "\n> ",
    "\n- ",
    "\n\n    ",
    "\n| a | b |\n|---|---|\n| ",
    "\n```\n",
    "*",
    "<div>\n",
    "]",
    "[",
    "(",
    ")",
    "<",
    ">",
    "!",
    "\\",
    "`",
    "\t",
    "- [ ] ",
    "$",
    "^",
    "~",
];

/// An address as a link may give it: bare, between angle brackets, with parentheses.
fn destination() -> impl Strategy<Value = String> {
    (select(SCHEMES), select(RESTS), 0..3usize).prop_map(|(scheme, rest, form)| match form {
        0 => format!("{scheme}{rest}"),
        1 => format!("<{scheme}{rest}>"),
        _ => format!("{scheme}{rest}(x)"),
    })
}

/// One of CommonMark's forms of link: inline, image, full, collapsed and shortcut references with
/// their definition, autolinks, definitions alone or in a quote, and links nested in each other.
fn link_form() -> impl Strategy<Value = String> {
    (
        0..11usize,
        select(TEXTS),
        destination(),
        select(TITLES),
        select(LABELS),
        select(SCHEMES),
        select(RESTS),
        destination(),
    )
        .prop_map(|(form, text, dest, title, label, scheme, rest, other)| {
            let definition = format!("\n\n[{label}]: {dest}{title}\n");
            match form {
                0 => format!("[{text}]({dest}{title})"),
                1 => format!("![{text}]({dest}{title})"),
                2 => format!("[{text}][{label}]{definition}"),
                3 => format!("[{label}][]{definition}"),
                4 => format!("[{label}]{definition}"),
                5 => format!("<{scheme}{rest}>"),
                6 => format!("   [{label}]: {dest}{title}"),
                7 => format!("> [{label}]: {dest}\n> [{text}][{label}]"),
                8 => format!("[a [{text}]({dest})]({other}{title})"),
                9 => format!("[![{text}]({dest})]({other})"),
                _ => format!("[{text}]({dest}{title}"),
            }
        })
}

/// Notes made of link forms, the characters that join or break them, and any other text.
fn hostile_notes() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => link_form(),
        2 => select(GLUE).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..10).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_export_links_to_an_address_the_window_would_not_open(
        notes in hostile_notes(),
        other_notes in hostile_notes(),
        title in hostile_notes(),
        summary in hostile_notes(),
        lane in hostile_notes(),
    ) {
        let mut board = Board::new("Links");
        board.columns[0].name = lane;
        let column = board.columns[0].id;
        let first = board.add_card(column, &title).unwrap();
        let first = board.card_mut(first).unwrap();
        first.notes = notes;
        first.summary = summary;
        // A definition in one card's notes reaches every card of the document.
        let second = board.add_card(column, "Second").unwrap();
        let second = board.card_mut(second).unwrap();
        second.notes = other_notes;
        second.images.push(ImageRef {
            file: MediaName::new("0a1b.png").unwrap(),
            caption: "Diagram".to_owned(),
            width: 1,
            height: 1,
        });
        let own = own_images(&board);
        for (what, markdown) in every_export(&board) {
            let refused = links_the_window_would_not_open(&markdown, &own);
            prop_assert!(refused.is_empty(), "{}: {:?}\n{}", what, refused, markdown);
            // Nor does taking a link out let raw HTML through: only the export's own separators.
            let html: Vec<String> = Parser::new_ext(&markdown, Options::all().difference(Options::ENABLE_WIKILINKS))
                .filter_map(|event| match event {
                    Event::Html(html) | Event::InlineHtml(html) => Some(html.into_string()),
                    _ => None,
                })
                .filter(|html| html.trim() != "<!-- -->")
                .collect();
            prop_assert!(html.is_empty(), "{}: raw HTML {:?}\n{}", what, html, markdown);
        }
    }
}
