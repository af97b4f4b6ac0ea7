//! The catalogues in `i18n/`: every language has the same messages with the same variables, so no
//! window ever shows a message id or drops a number.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

mod common;

/// Message id → the variables it uses, for one catalogue.
fn messages(language: &str) -> BTreeMap<String, BTreeSet<String>> {
    common::catalogues::messages(language)
        .into_iter()
        .map(|(id, pattern)| {
            let mut variables = BTreeSet::new();
            pattern_variables(&pattern, &mut variables);
            (id, variables)
        })
        .collect()
}

fn pattern_variables(pattern: &Pattern<String>, variables: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, variables);
        }
    }
}

fn expression_variables(expression: &Expression<String>, variables: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, variables);
            for variant in variants {
                pattern_variables(&variant.value, variables);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, variables),
    }
}

fn inline_variables(inline: &InlineExpression<String>, variables: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, variables),
        _ => {}
    }
}

#[test]
fn every_language_has_the_same_messages_with_the_same_variables() {
    let english = messages("en-US");
    assert!(!english.is_empty());
    let chinese = messages("zh-CN");
    let only_english: Vec<_> = english.keys().filter(|id| !chinese.contains_key(*id)).collect();
    let only_chinese: Vec<_> = chinese.keys().filter(|id| !english.contains_key(*id)).collect();
    assert!(only_english.is_empty(), "not translated: {only_english:?}");
    assert!(only_chinese.is_empty(), "not in English: {only_chinese:?}");
    for (id, variables) in &english {
        assert_eq!(&chinese[id], variables, "{id}: the variables differ");
    }
}

/// The message ids the code asks for: `tr!("id"…)`, `text("id"…)`, `words("id")`, and match arms
/// that name one (`=> "step-add-card"`), in every file under `src/`.
fn ids_in_code() -> BTreeSet<(String, String)> {
    fn files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, found);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                found.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut paths,
    );
    let mut ids = BTreeSet::new();
    for path in paths {
        let code = std::fs::read_to_string(&path).unwrap();
        for opening in ["tr!(\"", "text(\"", "words(\"", "value(\"", "=> \""] {
            for (at, _) in code.match_indices(opening) {
                let rest = &code[at + opening.len()..];
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                let whole = rest[id.len()..].starts_with('"') && id.starts_with(|c: char| c.is_ascii_lowercase());
                if whole && (id.contains('-') || opening == "tr!(\"") {
                    ids.insert((id, path.display().to_string()));
                }
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_asks_for_is_in_the_english_catalogue() {
    let english = messages("en-US");
    let ids = ids_in_code();
    assert!(ids.len() > 300, "the code is read: {}", ids.len());
    let missing: Vec<_> = ids.iter().filter(|(id, _)| !english.contains_key(id)).collect();
    assert!(missing.is_empty(), "not in i18n/en-US/boothboard.ftl: {missing:?}");
}

/// The headings of a Markdown file, outside code blocks, by level.
fn heading_levels(file: &str) -> Vec<usize> {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    let mut in_fence = false;
    let mut levels = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence && line.starts_with('#') {
            levels.push(line.chars().take_while(|c| *c == '#').count());
        }
    }
    levels
}

#[test]
fn the_chinese_readme_has_the_english_ones_sections() {
    let english = heading_levels("README.md");
    assert!(english.len() > 10);
    assert_eq!(
        heading_levels("README.zh-CN.md"),
        english,
        "README.zh-CN.md is kept in step with README.md, section by section"
    );
}
