//! The catalogues in `i18n/`: every language has the same messages with the same variables, so no
//! window ever shows a message id or drops a number.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Message id → the variables it uses, for one catalogue.
fn messages(language: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = format!("{}/i18n/{language}/boothboard.ftl", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap();
    let resource =
        fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(_, errors)| panic!("{path}: {errors:?}"));
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let pattern = message
                .value
                .unwrap_or_else(|| panic!("{path}: {} has no text", message.id.name));
            let mut variables = BTreeSet::new();
            pattern_variables(&pattern, &mut variables);
            let repeated = messages.insert(message.id.name.to_owned(), variables);
            assert!(repeated.is_none(), "{path}: {} twice", message.id.name);
        }
    }
    messages
}

fn pattern_variables(pattern: &Pattern<&str>, variables: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, variables);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, variables: &mut BTreeSet<String>) {
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

fn inline_variables(inline: &InlineExpression<&str>, variables: &mut BTreeSet<String>) {
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
