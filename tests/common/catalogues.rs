//! The catalogues in `i18n/`, read as a translator sees them.

use std::collections::BTreeMap;

use fluent_syntax::ast::{Entry, Pattern, PatternElement};

/// Every message of `language`'s catalogue, by id.
pub fn messages(language: &str) -> BTreeMap<String, Pattern<String>> {
    let path = format!("{}/i18n/{language}/boothboard.ftl", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{path}: {errors:?}"));
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let pattern = message
                .value
                .unwrap_or_else(|| panic!("{path}: {} has no text", message.id.name));
            let repeated = messages.insert(message.id.name, pattern);
            assert!(repeated.is_none(), "{path}: a message twice");
        }
    }
    messages
}

/// The messages of `language` that are plain text (no variables), by id.
pub fn plain_texts(language: &str) -> BTreeMap<String, String> {
    messages(language)
        .into_iter()
        .filter_map(|(id, pattern)| {
            let mut text = String::new();
            for element in &pattern.elements {
                match element {
                    PatternElement::TextElement { value } => text.push_str(value),
                    PatternElement::Placeable { .. } => return None,
                }
            }
            Some((id, text))
        })
        .collect()
}
