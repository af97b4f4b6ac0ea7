//! Any text a user can type or a file can carry, through every function that takes user text:
//! escaping, link destinations, path segments, excerpts, search, undo step labels, names made
//! from file names and titles, the Markdown of whole boards, and the task items and glimpse of notes,
//! imports of any text and Obsidian Kanban and canvas exports of any board. Nothing panics, and what each
//! function promises holds for every plane, combining marks, right-to-left text, emoji with
//! joiners, control characters and NUL.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::indexing_slicing)]

use std::path::Path;
use std::time::{Duration, Instant};

use boothboard::export::{
    ExportOptions, ExportScope, board_canvas, board_markdown, card_markdown, encode_path_segment, escape_text,
    export_names, link_destination, obsidian_kanban,
};
use boothboard::import::ImportFormat;
use boothboard::model::{
    Board, BoardEdit, Card, DeviceId, History, ImageRef, Link, MediaName, Search, excerpt, note_tasks, notes_glimpse,
    openable_url, task_progress, toggle_task,
};
use boothboard::open::create_board;
use boothboard::store;
use common::unicode::{any_text, file_stem};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

mod common;

/// Enough cases to meet every kind of piece many times, few enough for a debug `cargo test`.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..ProptestConfig::default()
    }
}

/// How Markdown shows escaped plain text: whitespace runs as one space, NUL as U+FFFD.
fn as_shown(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\0', "\u{FFFD}")
}

/// The CommonMark features the export is read with (GitHub's task lists and strikethrough).
fn markdown_events(markdown: &str) -> Vec<Event<'_>> {
    Parser::new_ext(
        markdown,
        Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    )
    .collect()
}

/// The text of what `markdown` renders, when it is nothing but text (no markup, no links, no HTML).
fn plain_text(markdown: &str, wrapper: fn(&Tag) -> bool) -> Result<String, String> {
    let mut text = String::new();
    for event in markdown_events(markdown) {
        match event {
            Event::Text(part) => text.push_str(&part),
            Event::Start(tag) if wrapper(&tag) => {}
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => {}
            other => return Err(format!("{other:?} in {markdown:?}")),
        }
    }
    Ok(text)
}

/// `%E4%BC%9A` → the bytes of `会`.
fn percent_decoded(encoded: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut rest = encoded.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            let hex = std::str::from_utf8(&tail[..2]).unwrap();
            bytes.push(u8::from_str_radix(hex, 16).unwrap());
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    bytes
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn escaped_text_renders_as_typed_with_no_markup(text in any_text()) {
        let escaped = escape_text(&text);
        prop_assert!(!escaped.contains(['\n', '\r']), "one line: {:?}", escaped);
        let mut chars = escaped.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => drop(chars.next()),
                '<' | '>' | '[' | ']' | '*' | '_' | '`' | '&' => {
                    prop_assert!(false, "unescaped {:?} in {:?}", c, escaped);
                }
                _ => {}
            }
        }
        let paragraph = plain_text(&escaped, |tag| matches!(tag, Tag::Paragraph));
        prop_assert_eq!(paragraph, Ok(as_shown(&text)));
        let heading = plain_text(&format!("### {escaped}"), |tag| matches!(tag, Tag::Heading { .. }));
        prop_assert_eq!(heading, Ok(as_shown(&text)));
    }

    #[test]
    fn a_link_destination_points_exactly_where_the_card_says(url in any_text()) {
        let destination = link_destination(&url);
        prop_assert!(!destination.contains(|c: char| c.is_whitespace() || c.is_control() || c == '<'));
        let markdown = format!("[link]({destination})");
        let links: Vec<String> = markdown_events(&markdown)
            .into_iter()
            .filter_map(|event| match event {
                Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.into_string()),
                _ => None,
            })
            .collect();
        // What the card says, with only the characters a destination can't hold percent-encoded.
        let mut expected = String::new();
        for c in url.chars() {
            if c.is_whitespace() || c.is_control() || c == '<' || c == '>' {
                let mut buffer = [0; 4];
                for byte in c.encode_utf8(&mut buffer).bytes() {
                    expected.push_str(&format!("%{byte:02X}"));
                }
            } else {
                expected.push(c);
            }
        }
        prop_assert_eq!(links, vec![expected], "{}", markdown);
    }

    #[test]
    fn a_path_segment_is_encoded_to_plain_ascii_and_back(segment in any_text()) {
        let encoded = encode_path_segment(&segment);
        prop_assert!(
            encoded.chars().all(|c| c.is_ascii_alphanumeric() || "-._~%".contains(c)),
            "{:?}",
            encoded
        );
        prop_assert_eq!(percent_decoded(&encoded), segment.into_bytes());
    }

    #[test]
    fn an_excerpt_is_a_prefix_of_at_most_max_chars_and_an_ellipsis(text in any_text(), max_chars in 0usize..40) {
        let cut = excerpt(&text, max_chars);
        let length = text.chars().count();
        if length <= max_chars {
            prop_assert_eq!(cut.as_ref(), text.as_str());
        } else {
            prop_assert_eq!(cut.chars().count(), max_chars + 1);
            let head: String = text.chars().take(max_chars).collect();
            prop_assert_eq!(cut.as_ref(), format!("{head}…"));
        }
    }

    #[test]
    fn a_search_finds_a_card_holding_the_query(query in any_text(), before in any_text(), after in any_text()) {
        let Some(search) = Search::new(&query) else {
            prop_assert!(query.trim().is_empty());
            return Ok(());
        };
        let card = |text: String| Card { notes: text, ..Card::default() };
        prop_assert!(search.matches(&card(query.clone())));
        let surrounded = format!("{before} {query} {after}");
        prop_assert!(search.matches(&card(surrounded)));
    }

    #[test]
    fn only_web_and_mail_links_open(url in prop_oneof![
        any_text(),
        any_text().prop_map(|text| format!("https://{text}")),
        any_text().prop_map(|text| format!("MailTo:{text}")),
        any_text().prop_map(|text| format!("javascript:{text}")),
    ]) {
        if let Ok(opened) = openable_url(&url) {
            prop_assert_eq!(opened, url.trim());
            let scheme = opened.split_once(':').map(|(scheme, _)| scheme.to_ascii_lowercase());
            prop_assert!(matches!(scheme.as_deref(), Some("http" | "https" | "mailto")), "{:?}", opened);
        }
    }
}

/// The name quoted in a step label: at most 40 characters, the name itself when it fits.
fn check_label(label: Option<&str>, verb: &str, name: &str, untitled: &str) -> Result<(), TestCaseError> {
    let label = label.expect("a step to undo");
    let quoted = label
        .strip_prefix(verb)
        .and_then(|rest| rest.strip_prefix(" “"))
        .and_then(|rest| rest.strip_suffix('”'));
    let Some(quoted) = quoted else {
        return Err(TestCaseError::fail(format!("{label:?} is not {verb} “…”")));
    };
    prop_assert!(quoted.chars().count() <= 40, "{:?}", label);
    prop_assert!(!quoted.contains(['\n', '\r']), "one line: {:?}", label);
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = if name.is_empty() { untitled } else { &name };
    if name.chars().count() <= 40 {
        prop_assert_eq!(quoted, name);
    } else {
        let shown = quoted.strip_suffix('…').expect("a cut name ends with …");
        prop_assert!(name.starts_with(shown), "{:?} starts {:?}", label, name);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn undo_steps_name_any_text_and_give_it_back(title in any_text(), column in any_text(), theme in any_text()) {
        let mut board = Board::new("Labels");
        let mut history = History::default();
        let now = Instant::now();
        let later = |seconds| now + Duration::from_secs(seconds);
        let column_id = board.columns[0].id;
        history.apply(&mut board, BoardEdit::RenameColumn(column_id, column.clone()), now).unwrap();
        let boothboard::model::Created::Card(card) =
            history.apply(&mut board, BoardEdit::AddCard(column_id, title.clone()), later(10)).unwrap()
        else {
            panic!("a card is created");
        };
        let boothboard::model::Created::Theme(theme_id) =
            history.apply(&mut board, BoardEdit::AddTheme(theme.clone()), later(20)).unwrap()
        else {
            panic!("a theme is created");
        };
        history.apply(&mut board, BoardEdit::SetCardTheme(card, theme_id, true), later(30)).unwrap();
        let label = history.undo_label().unwrap().to_string();
        prop_assert!(label.starts_with("tick “") && label.contains("” on “"), "{:?}", label);
        history.apply(&mut board, BoardEdit::SetCardTitle(card, format!("{title}!")), later(40)).unwrap();
        check_label(history.undo_label().map(ToString::to_string).as_deref(), "edit title of", &title, "Untitled card")?;
        history.apply(&mut board, BoardEdit::DeleteCard(card), later(50)).unwrap();
        check_label(history.undo_label().map(ToString::to_string).as_deref(), "delete card", &format!("{title}!"), "Untitled card")?;
        history.apply(&mut board, BoardEdit::DeleteTheme(theme_id), later(60)).unwrap();
        check_label(history.undo_label().map(ToString::to_string).as_deref(), "delete theme", &theme, "Untitled theme")?;
        history.apply(&mut board, BoardEdit::RemoveColumn(column_id), later(70)).unwrap();
        check_label(history.undo_label().map(ToString::to_string).as_deref(), "delete column", &column, "Untitled column")?;

        // Undoing everything brings every text back as it was typed.
        while history.undo(&mut board).unwrap().is_some() {}
        prop_assert_eq!(&board.columns[0].name, "Projects");
        for _ in 0..4 {
            history.redo(&mut board).unwrap();
        }
        prop_assert_eq!(&board.columns[0].name, &column);
        prop_assert_eq!(&board.card(card).unwrap().title, &title);
        prop_assert_eq!(&board.theme(theme_id).unwrap().name, &theme);
    }
}

proptest! {
    // These write real files: fewer cases.
    #![proptest_config(config(64))]

    #[test]
    fn names_made_from_a_board_file_name_stay_beside_it(stem in file_stem()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{stem}.json"));
        let board = create_board(&path, None, false, boothboard::model::DeviceId(1)).unwrap();
        let stem = path.file_stem().unwrap().to_str().unwrap();
        prop_assert_eq!(board.title, stem.replace(['-', '_'], " "));
        prop_assert_eq!(export_names(&path).unwrap(), (format!("{stem}.md"), format!("{stem}.media")));
        for beside in [
            store::media_dir_for(&path),
            store::backup_path_for(&path),
            store::lock_path_for(&path),
        ] {
            prop_assert_eq!(beside.parent(), Some(dir.path()));
            prop_assert!(beside.file_name().unwrap().to_str().unwrap().contains(stem));
        }
        let copy = store::keep_copy_beside(&path, "theirs", b"their version").unwrap();
        prop_assert_eq!(copy.parent(), Some(dir.path()));
        let copy_name = copy.file_name().unwrap().to_str().unwrap();
        prop_assert!(copy_name.starts_with(&format!("{stem}.theirs-")) && copy_name.ends_with(".json"), "{}", copy_name);
        prop_assert_eq!(std::fs::read(&copy).unwrap(), b"their version");
    }

    #[test]
    fn an_image_file_with_any_name_is_added_or_refused_by_that_name(stem in file_stem()) {
        let dir = tempfile::tempdir().unwrap();
        let name = format!("{stem}.png");
        let not_an_image = dir.path().join(&name);
        std::fs::write(&not_an_image, "not a picture").unwrap();
        let error = boothboard::media::prepare_file(&not_an_image).unwrap_err();
        prop_assert!(error.to_string().starts_with(&name), "{}", error);
    }
}

/// A card's text, every field arbitrary.
#[derive(Clone, Debug)]
struct CardText {
    title: String,
    summary: String,
    notes: String,
    links: Vec<(String, String)>,
    captions: Vec<String>,
    ticks: Vec<bool>,
}

fn card_text() -> impl Strategy<Value = CardText> {
    let url = prop_oneof![
        any_text(),
        any_text().prop_map(|text| format!("https://example.com/{text}")),
        any_text().prop_map(|text| format!("mailto:{text}")),
    ];
    (
        any_text(),
        any_text(),
        any_notes(),
        prop::collection::vec((any_text(), url), 0..3),
        prop::collection::vec(any_text(), 0..2),
        prop::collection::vec(any::<bool>(), 0..3),
    )
        .prop_map(|(title, summary, notes, links, captions, ticks)| CardText {
            title,
            summary,
            notes,
            links,
            captions,
            ticks,
        })
}

/// A board with arbitrary text in every text field: title, columns, themes and cards.
fn any_board() -> impl Strategy<Value = Board> {
    (
        any_text(),
        prop::collection::vec((any_text(), any_text()), 0..3),
        prop::collection::vec((any_text(), prop::collection::vec(card_text(), 0..3)), 1..3),
    )
        .prop_map(|(title, themes, columns)| {
            let mut board = Board::new(title);
            board.columns.clear();
            let themes: Vec<_> = themes
                .into_iter()
                .map(|(name, question)| board.add_theme(name, question))
                .collect();
            for (name, cards) in columns {
                let column = board.add_column(name);
                for text in cards {
                    let id = board.add_card(column, text.title).unwrap();
                    for (theme, ticked) in themes.iter().zip(text.ticks) {
                        board.set_card_theme(id, *theme, ticked).unwrap();
                    }
                    let card = board.card_mut(id).unwrap();
                    card.summary = text.summary;
                    card.notes = text.notes;
                    card.links = text.links.into_iter().map(|(label, url)| Link { label, url }).collect();
                    card.images = text
                        .captions
                        .into_iter()
                        .map(|caption| ImageRef {
                            file: MediaName::new("0a1b.png").unwrap(),
                            caption,
                            width: 1,
                            height: 1,
                        })
                        .collect();
                }
            }
            board
        })
}

/// Headings of a level, with their text.
fn headings(markdown: &str, wanted: HeadingLevel) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    for event in markdown_events(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) if level == wanted => current = Some(String::new()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(current) = &mut current {
                    current.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => found.extend(current.take()),
            _ => {}
        }
    }
    found
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_board_the_loader_accepts_exports_its_titles_as_headings(board in any_board()) {
        let path = Path::new("unicode.json");
        let board = store::parse(path, &store::to_bytes(&board).unwrap()).map_err(|error| TestCaseError::reject(error.to_string()))?;
        let media = "unicode ✨.media";
        let mut scopes = vec![ExportScope::Board];
        let cards: Vec<_> = board.cards().map(|card| card.id).collect();
        if !cards.is_empty() {
            scopes.push(ExportScope::Cards(cards));
        }
        scopes.extend(board.themes.iter().map(|theme| ExportScope::Theme(theme.id)));
        for scope in &scopes {
            let markdown = board_markdown(&board, scope, media, &ExportOptions::default()).unwrap();
            let shown_title = Some(as_shown(&board.title)).filter(|title| !title.is_empty());
            let title = headings(&markdown, HeadingLevel::H1);
            prop_assert_eq!(title.first(), Some(&shown_title.unwrap_or_else(|| "Untitled board".to_owned())));
        }
        let markdown = board_markdown(&board, &ExportScope::Board, media, &ExportOptions::default()).unwrap();
        let titles: Vec<String> = board
            .cards()
            .map(|card| Some(as_shown(&card.title)).filter(|title| !title.is_empty()).unwrap_or_else(|| "Untitled card".to_owned()))
            .collect();
        // Notes are the user's own Markdown, their headings below their card's: they hide no card
        // and add none, nor a column or a title.
        prop_assert_eq!(&headings(&markdown, HeadingLevel::H3), &titles, "{}", markdown);
        prop_assert_eq!(headings(&markdown, HeadingLevel::H1).len(), 1, "{}", markdown);
        for (card, title) in board.cards().zip(&titles) {
            let one = card_markdown(&board.themes, card, media, &ExportOptions::default());
            let heading = headings(&one, HeadingLevel::H3);
            prop_assert_eq!(heading.first(), Some(title), "{}", one);
        }
    }
}

#[test]
fn a_title_with_nul_exports_as_readers_show_it() {
    let mut board = Board::new("Board");
    let column = board.columns[0].id;
    board.add_card(column, "a\0b").unwrap();
    let markdown = board_markdown(&board, &ExportScope::Board, "m.media", &ExportOptions::default()).unwrap();
    assert_eq!(headings(&markdown, HeadingLevel::H3), ["a\u{FFFD}b"]);
}

/// Notes of any text, with task items and Markdown markers among it.
fn any_notes() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => any_text(),
        1 => Just("\n- [ ] ".to_owned()),
        1 => Just("\n- [x] ".to_owned()),
        1 => Just("\n## ".to_owned()),
        1 => Just("\r\n".to_owned()),
        1 => Just("\n```\n".to_owned()),
        1 => prop_oneof![
            Just("\n# "),
            Just("\n### "),
            Just("\n===\n"),
            Just("\n---\n"),
            Just("\n> "),
            Just("\\\n"),
        ]
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn any_notes_give_a_glimpse_of_whole_lines_and_tasks_that_tick(notes in any_notes()) {
        let glimpse = notes_glimpse(&notes, 2);
        prop_assert!(glimpse.len() <= 2);
        for line in &glimpse {
            prop_assert!(!line.is_empty() && !line.contains(['\n', '\r']), "{:?}", line);
        }
        let tasks = note_tasks(&notes);
        let progress = task_progress(&notes);
        prop_assert_eq!(progress.total, tasks.len());
        prop_assert!(progress.done <= progress.total);
        let lines = notes.split('\n').count() + notes.matches('\r').count();
        for line in 0..=lines {
            let toggled = toggle_task(&notes, line);
            prop_assert_eq!(toggled.is_some(), tasks.iter().any(|task| task.line == line), "line {}", line);
            if let Some(toggled) = toggled {
                prop_assert_eq!(toggled.len(), notes.len());
            }
        }
    }
}

/// The start of each format an import recognises, so any text after it reaches that format's parser.
fn import_prefix() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "",
        "{\"lists\": [], \"cards\": [",
        "---\nkanban-plugin: basic\n---\n## ",
        "---\nkanban-plugin: basic\n---\n## Lane\n- [ ] ",
        "# ",
        "# Board\n\n## Column\n\n### ",
    ])
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn any_text_imports_as_a_sound_board_or_is_refused(prefix in import_prefix(), text in any_text()) {
        let text = format!("{prefix}{text}");
        if let Some(format) = ImportFormat::recognise(&text)
            && let Ok(plan) = format.parse(&text)
        {
            let board = plan.build("Imported", DeviceId(1), Vec::new()).unwrap();
            prop_assert!(board.problems().is_empty(), "{:?}", board.problems());
        }
    }

    #[test]
    fn any_board_exports_to_a_kanban_board_with_its_lanes_and_items(board in any_board()) {
        let kanban = obsidian_kanban(&board, &ExportScope::Board, &ExportOptions::default()).unwrap();
        prop_assert_eq!(ImportFormat::recognise(&kanban), Some(ImportFormat::ObsidianKanban));
        let plan = ImportFormat::ObsidianKanban.parse(&kanban).unwrap();
        let exported: Vec<usize> = board
            .columns
            .iter()
            .map(|column| column.cards.len())
            .filter(|cards| *cards > 0)
            .collect();
        let imported: Vec<usize> = plan.columns.iter().map(|column| column.cards.len()).collect();
        prop_assert_eq!(imported, exported, "{}", kanban);
    }

    #[test]
    fn any_board_exports_to_a_canvas_of_unique_ids_and_integer_places(board in any_board()) {
        let canvas = board_canvas(&board, &ExportScope::Board, "board.media", &ExportOptions::default()).unwrap();
        let canvas: serde_json::Value = serde_json::from_str(&canvas).unwrap();
        let nodes = canvas["nodes"].as_array().unwrap();
        let ids: std::collections::HashSet<&str> = nodes.iter().map(|node| node["id"].as_str().unwrap()).collect();
        prop_assert_eq!(ids.len(), nodes.len());
        for node in nodes {
            for field in ["x", "y", "width", "height"] {
                prop_assert!(node[field].is_i64(), "{}", node);
            }
        }
    }
}
