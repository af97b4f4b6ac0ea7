//! Promises 5 and 6: a board file Boothboard does not fully understand is refused with a clear
//! error that names the file (and the place), never half-read, never a panic; and a fuzz run
//! (proptest) over the loader with structured JSON, mutations of the sample board, any text in its
//! fields, and byte mutations. Whatever the loader accepts is sound: consistent, saved back
//! unchanged, with image paths that stay inside the media folder, and exportable to Markdown.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::indexing_slicing)]

use std::cell::Cell;
use std::path::{Component, Path};
use std::sync::OnceLock;

use boothboard::export::{ExportOptions, ExportScope, board_markdown, card_markdown};
use boothboard::model::Board;
use boothboard::open::create_board;
use boothboard::store::{self, LoadError};
use common::unicode::{NON_ASCII_BEFORE_A_DOT, any_text};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

mod common;

/// Loads `text` from a file named `hostile.json` and returns the error it must give.
fn refused(dir: &Path, text: &str) -> LoadError {
    let path = dir.join("hostile.json");
    std::fs::write(&path, text).unwrap();
    let error = store::load(&path).expect_err("the file should be refused");
    let message = error.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "names the file: {message}"
    );
    assert!(message.len() < 2_000, "a short message, {} bytes", message.len());
    error
}

fn board_with(columns: &Value, themes: &Value) -> String {
    json!({"format": "boothboard", "version": 1, "title": "Hostile", "themes": themes, "columns": columns}).to_string()
}

fn card(fields: &Value) -> Value {
    let mut card = json!({"id": 1, "title": "Gloo"});
    card.as_object_mut()
        .unwrap()
        .extend(fields.as_object().unwrap().clone());
    card
}

#[test]
fn wrong_types_are_refused_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        board_with(&json!([{"id": "one", "name": "c"}]), &json!([])),
        board_with(&json!({"id": 1}), &json!([])),
        board_with(
            &json!([{"id": 1, "name": "c", "cards": [card(&json!({"notes": ["a"]}))]}]),
            &json!([]),
        ),
        board_with(&json!([{"id": -1, "name": "c"}]), &json!([])),
        board_with(&json!([{"id": 1.5, "name": "c"}]), &json!([])),
        board_with(&json!([]), &json!([{"id": 1, "name": null}])),
        board_with(
            &json!([{"id": 1, "name": "c", "cards": [card(&json!({"images": [{"file": "a.png", "width": "wide", "height": 1}]}))]}]),
            &json!([]),
        ),
        r#"{"format": "boothboard", "version": "1", "title": "x"}"#.to_owned(),
    ];
    for text in cases {
        let error = refused(dir.path(), &text);
        assert!(matches!(error, LoadError::Invalid { .. }), "{text}: {error}");
        assert!(error.to_string().contains("line 1, column"), "{error}");
    }
}

#[test]
fn duplicate_ids_and_missing_themes_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            board_with(&json!([]), &json!([{"id": 1, "name": "A"}, {"id": 1, "name": "B"}])),
            "theme 1 (\"B\") appears twice",
        ),
        (
            board_with(&json!([{"id": 1, "name": "A"}, {"id": 1, "name": "B"}]), &json!([])),
            "column 1 (\"B\") appears twice",
        ),
        (
            board_with(
                &json!([{"id": 1, "name": "A", "cards": [card(&json!({}))]}, {"id": 2, "name": "B", "cards": [card(&json!({"title": "Copy"}))]}]),
                &json!([]),
            ),
            "card 1 (\"Copy\") appears twice",
        ),
        (
            board_with(
                &json!([{"id": 1, "name": "A", "cards": [card(&json!({"themes": [7]}))]}]),
                &json!([]),
            ),
            "card 1 (\"Gloo\") ticks theme 7, which the board does not have",
        ),
    ];
    for (text, expected) in cases {
        let error = refused(dir.path(), &text);
        assert!(error.to_string().contains(expected), "{error}");
    }
}

/// Cards live inside their column in the file, so a card can't name a column that is missing;
/// a card outside any column is an unknown field.
#[test]
fn cards_outside_a_column_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        json!({"format": "boothboard", "version": 1, "title": "x", "cards": [{"id": 1, "title": "t", "column": 9}]});
    let error = refused(dir.path(), &text.to_string());
    assert!(error.to_string().contains("unknown field `cards`"), "{error}");
}

/// Promise 5: a field this version does not know, at any level, refuses the file rather than
/// being dropped on the next save; a newer version is refused before its fields are read.
#[test]
fn unknown_fields_at_every_level_and_newer_versions_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let extra = json!({"stickers": true});
    let image = json!({"file": "a.png", "width": 1, "height": 1, "stickers": true});
    let cases = [
        json!({"format": "boothboard", "version": 1, "title": "x", "stickers": []}).to_string(),
        board_with(&json!([]), &json!([{"id": 1, "name": "t", "stickers": true}])),
        board_with(&json!([{"id": 1, "name": "c", "stickers": true}]), &json!([])),
        board_with(&json!([{"id": 1, "name": "c", "cards": [card(&extra)]}]), &json!([])),
        board_with(
            &json!([{"id": 1, "name": "c", "cards": [card(&json!({"links": [{"label": "l", "url": "https://x.org", "stickers": 1}]}))]}]),
            &json!([]),
        ),
        board_with(
            &json!([{"id": 1, "name": "c", "cards": [card(&json!({"images": [image]}))]}]),
            &json!([]),
        ),
    ];
    for text in cases {
        let error = refused(dir.path(), &text);
        assert!(error.to_string().contains("unknown field `stickers`"), "{error}");
    }
    let newer = json!({"format": "boothboard", "version": 4, "title": "x", "stickers": []}).to_string();
    assert!(matches!(
        refused(dir.path(), &newer),
        LoadError::NewerVersion { found: 4, .. }
    ));
}

/// The command line never writes a board it refused, newer or damaged.
#[test]
fn add_card_leaves_a_refused_board_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.json");
    let newer = json!({"format": "boothboard", "version": 4, "title": "x", "stickers": []}).to_string();
    std::fs::write(&path, &newer).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_boothboard"))
        .args(["add-card", path.to_str().unwrap(), "--title", "t"])
        .env(store::HOME_ENV, dir.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("version 4"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
    assert!(!store::backup_path_for(&path).exists());
}

#[test]
fn ten_thousand_levels_of_nesting_are_an_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let deep_arrays = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_objects = format!("{}1{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000));
    refused(dir.path(), &deep_arrays);
    refused(dir.path(), &deep_objects);
    // Deep inside a board that passes the header check, too.
    let deep_in_notes = format!(
        r#"{{"format": "boothboard", "version": 1, "title": "x", "columns": [{{"id": 1, "name": "c", "cards": [{{"id": 1, "title": "t", "notes": {deep_arrays}}}]}}]}}"#
    );
    let error = refused(dir.path(), &deep_in_notes);
    assert!(error.to_string().contains("line 1, column 131"), "{error}");
}

#[test]
fn hundred_megabyte_strings_load_or_are_refused_in_a_short_message() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "x".repeat(100 * 1024 * 1024);
    let board = |columns: &str| {
        format!(r#"{{"format": "boothboard", "version": 1, "title": "Hostile", "columns": [{columns}]}}"#)
    };
    let path = dir.path().join("huge-notes.json");
    std::fs::write(
        &path,
        board(&format!(
            r#"{{"id": 1, "name": "c", "cards": [{{"id": 1, "title": "t", "notes": "{huge}"}}]}}"#
        )),
    )
    .unwrap();
    // A long note is the user's own text: it loads whole.
    assert_eq!(
        store::load(&path).unwrap().cards().next().unwrap().notes.len(),
        huge.len()
    );

    // Where the error would quote the string, it quotes only its start. (Formatting a 100 MB
    // quote takes serde seconds, so the other places get 1 MB: the cut is the same.)
    let refused_huge_id = board(&format!(r#"{{"id": "{huge}", "name": "c"}}"#));
    drop(huge);
    refused(dir.path(), &refused_huge_id);
    let long = "x".repeat(1024 * 1024);
    let in_wrong_places = [
        board(&format!(r#"{{"id": 1, "name": "c", "{long}": 1}}"#)),
        board(&format!(
            r#"{{"id": 1, "name": "c", "cards": [{{"id": 1, "title": "t", "images": [{{"file": "{long}", "width": 1, "height": 1}}]}}]}}"#
        )),
        board(&format!(
            r#"{{"id": 1, "name": "{long}"}}, {{"id": 1, "name": "{long}"}}"#
        )),
    ];
    for text in in_wrong_places {
        refused(dir.path(), &text);
    }
}

#[test]
fn image_paths_that_leave_the_media_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for file in [
        "/etc/passwd",
        "../../secret.png",
        "..",
        "sub/dir.png",
        "C:\\x.png",
        ".hidden.png",
        "",
    ] {
        let image = json!({"file": file, "width": 1, "height": 1});
        let text = board_with(
            &json!([{"id": 1, "name": "c", "cards": [card(&json!({"images": [image]}))]}]),
            &json!([]),
        );
        let error = refused(dir.path(), &text);
        assert!(
            error
                .to_string()
                .contains("is not a plain file name inside the media folder"),
            "{error}"
        );
    }
}

// The fuzz run. Its size is bounded so that it fits in `cargo test`; PROPTEST_CASES runs more.

/// Cases per strategy unless PROPTEST_CASES says otherwise.
const CASES: u32 = 1_000;

fn runner() -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(CASES);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// The sample board's file, as `boothboard new --sample` writes it.
fn sample_bytes() -> &'static [u8] {
    static SAMPLE: OnceLock<Vec<u8>> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sample.json");
        create_board(&path, None, true, boothboard::model::DeviceId(1)).unwrap();
        std::fs::read(path).unwrap()
    })
}

/// What must hold for every input: no panic (the runner would report it), a short error that
/// names the file, or a board that is sound.
fn check_loader(bytes: &[u8]) -> Result<(), TestCaseError> {
    let path = Path::new("fuzz.json");
    match store::parse(path, bytes) {
        Err(error) => {
            let message = error.to_string();
            prop_assert!(message.starts_with("fuzz.json"), "{}", message);
            prop_assert!(message.len() < 4_000, "{} bytes", message.len());
        }
        Ok(board) => check_sound(path, &board)?,
    }
    Ok(())
}

fn check_sound(path: &Path, board: &Board) -> Result<(), TestCaseError> {
    prop_assert!(board.problems().is_empty());
    let again =
        store::parse(path, &store::to_bytes(board).unwrap()).map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!(&again, board, "saving and loading changes nothing");
    for image in board.cards().flat_map(|card| &card.images) {
        let components: Vec<_> = Path::new(image.file.as_str()).components().collect();
        prop_assert!(matches!(components[..], [Component::Normal(_)]), "{}", image.file);
    }
    // Whatever text it holds exports: the whole board, each theme, each card.
    let markdown = |scope| {
        board_markdown(board, &scope, "fuzz.media", &ExportOptions::default())
            .map_err(|error| TestCaseError::fail(error.to_string()))
    };
    markdown(ExportScope::Board)?;
    for theme in &board.themes {
        markdown(ExportScope::Theme(theme.id))?;
    }
    for card in board.cards() {
        card_markdown(&board.themes, card, "fuzz.media", &ExportOptions::default());
    }
    Ok(())
}

/// Keys a board has, and a few it doesn't: structured inputs get past the first checks.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "format", "version", "title", "themes", "columns", "id", "name", "question", "cards", "summary",
            "links", "notes", "images", "file", "caption", "width", "height", "label", "url",
        ])
        .prop_map(str::to_owned),
        1 => "[a-z]{1,8}",
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u64..5).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![
            Just("boothboard".to_owned()),
            Just("../x.png".to_owned()),
            Just("/etc/passwd".to_owned()),
            "[a-z0-9.]{0,12}",
            any::<String>(),
            prop::sample::select(NON_ASCII_BEFORE_A_DOT.to_vec()).prop_map(str::to_owned),
            any_text(),
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(key(), inner, 0..6).prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

#[test]
fn fuzz_structured_json_boards() {
    let board = (
        json_value(),
        prop::collection::btree_map(key(), json_value(), 0..6),
        0u64..3,
    )
        .prop_map(|(columns, extra, version)| {
            let mut board = json!({"format": "boothboard", "version": version, "title": "Fuzz"});
            board.as_object_mut().unwrap().extend(extra);
            board["columns"] = columns;
            board
        });
    let runs = Cell::new(0);
    runner()
        .run(&prop_oneof![json_value(), board], |value| {
            runs.set(runs.get() + 1);
            check_loader(&serde_json::to_vec(&value).unwrap())
        })
        .unwrap();
    println!("fuzz: {} structured JSON inputs", runs.get());
}

/// Replaces, removes or duplicates the node that `steps` lead to.
fn mutate(value: &mut Value, steps: &[usize], action: usize, replacement: Value) {
    let (step, rest) = match steps.split_first() {
        Some(split) => split,
        None => return *value = replacement,
    };
    let children = match value {
        Value::Array(items) => items.len(),
        Value::Object(map) => map.len(),
        _ => 0,
    };
    if children == 0 {
        return *value = replacement;
    }
    let index = step % children;
    if rest.is_empty() {
        match (value, action % 3) {
            (Value::Array(items), 0) => drop(items.remove(index)),
            (Value::Array(items), 1) => items.push(items[index].clone()),
            (Value::Object(map), 0) => {
                let key = map.keys().nth(index).cloned().unwrap_or_default();
                map.remove(&key);
            }
            (Value::Array(items), _) => items[index] = replacement,
            (Value::Object(map), _) => {
                if let Some((_, child)) = map.iter_mut().nth(index) {
                    *child = replacement;
                }
            }
            _ => {}
        }
        return;
    }
    let child = match value {
        Value::Array(items) => &mut items[index],
        Value::Object(map) => map.iter_mut().nth(index).map(|(_, child)| child).unwrap(),
        _ => return,
    };
    mutate(child, rest, action, replacement);
}

#[test]
fn fuzz_mutations_of_the_sample_board() {
    let sample: Value = serde_json::from_slice(sample_bytes()).unwrap();
    let runs = Cell::new(0);
    runner()
        .run(
            &(
                prop::collection::vec(any::<usize>(), 1..8),
                any::<usize>(),
                json_value(),
            ),
            |(steps, action, replacement)| {
                runs.set(runs.get() + 1);
                let mut board = sample.clone();
                mutate(&mut board, &steps, action, replacement);
                check_loader(&serde_json::to_vec_pretty(&board).unwrap())
            },
        )
        .unwrap();
    println!("fuzz: {} mutations of the sample board", runs.get());
}

/// Every string in `value`: names, text, addresses, and the fields that must stay as they are.
fn strings_in(value: &mut Value) -> Vec<&mut String> {
    match value {
        Value::String(text) => vec![text],
        Value::Array(items) => items.iter_mut().flat_map(strings_in).collect(),
        Value::Object(map) => map.values_mut().flat_map(strings_in).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn fuzz_any_text_in_the_sample_board() {
    let sample: Value = serde_json::from_slice(sample_bytes()).unwrap();
    let runs = Cell::new(0);
    runner()
        .run(
            &prop::collection::vec((any::<prop::sample::Index>(), any_text()), 1..4),
            |edits| {
                runs.set(runs.get() + 1);
                let mut board = sample.clone();
                for (at, text) in edits {
                    let mut strings = strings_in(&mut board);
                    let index = at.index(strings.len());
                    *strings[index] = text;
                }
                check_loader(&serde_json::to_vec_pretty(&board).unwrap())
            },
        )
        .unwrap();
    println!("fuzz: {} texts in the sample board", runs.get());
}

#[test]
fn fuzz_byte_mutations_of_the_sample_file() {
    let sample = sample_bytes();
    let edit = (any::<prop::sample::Index>(), 0u8..4, any::<u8>());
    let runs = Cell::new(0);
    runner()
        .run(&prop::collection::vec(edit, 1..6), |edits| {
            runs.set(runs.get() + 1);
            let mut bytes = sample.to_vec();
            for (at, kind, byte) in edits {
                let index = at.index(bytes.len().max(1));
                match kind {
                    0 if !bytes.is_empty() => bytes[index] ^= byte | 1,
                    1 => bytes.insert(index.min(bytes.len()), byte),
                    2 if !bytes.is_empty() => drop(bytes.remove(index)),
                    _ => bytes.truncate(index),
                }
            }
            check_loader(&bytes)
        })
        .unwrap();
    println!("fuzz: {} byte mutations of the sample file", runs.get());
}
