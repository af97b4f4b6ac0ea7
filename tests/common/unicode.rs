//! Text as users type it and files carry it, mixed on purpose: every Unicode plane, combining
//! marks, right-to-left text and controls, emoji with joiners, control characters, NUL, odd
//! whitespace and Markdown punctuation, next to the texts that once crashed the export.

use proptest::prelude::*;

/// A character that is not ASCII three bytes before a `.`: escaping these once panicked.
pub const NON_ASCII_BEFORE_A_DOT: [&str; 3] = ["naïve.", "Привет.", "demo 🎉."];

/// Any text, built from a few pieces of the kinds above.
pub fn any_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..8).prop_map(|pieces| pieces.concat())
}

/// A name a file may have on any desktop system (no `/`, no NUL, short enough), not empty.
pub fn file_stem() -> impl Strategy<Value = String> {
    any_text().prop_map(|text| {
        let mut stem = String::new();
        for c in text.chars().filter(|c| !matches!(c, '/' | '\\' | '\0')) {
            if stem.len() + c.len_utf8() > 180 {
                break;
            }
            stem.push(c);
        }
        match stem.as_str() {
            "" | "." | ".." => format!("x{stem}"),
            _ => stem,
        }
    })
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::sample::select(NON_ASCII_BEFORE_A_DOT.to_vec()).prop_map(str::to_owned),
        2 => "[a-zA-Z0-9 .]{1,6}",
        2 => any::<char>().prop_map(String::from),
        // The planes past the first one: emoji, historic scripts, CJK extensions, tags, private use.
        1 => prop::char::range('\u{10000}', '\u{10FFFF}').prop_map(String::from),
        2 => ("[a-zA-Z]", prop::collection::vec(prop::char::range('\u{300}', '\u{36F}'), 1..5))
            .prop_map(|(base, marks)| base + &marks.into_iter().collect::<String>()),
        2 => prop::sample::select(vec![
            "שלום", "مرحبا.", "עברית.", "\u{202E}txt.exe\u{202C}", "\u{2067}", "\u{2069}", "\u{200F}", "\u{200E}",
            "云原生", "日本語", "한국어", "ﷺ", "𒀱",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "👩\u{200D}👩\u{200D}👧\u{200D}👦", "🏳\u{FE0F}\u{200D}🌈", "🇺🇦", "👍🏽", "1\u{FE0F}\u{20E3}",
            "🧑🏿\u{200D}🚀", "\u{200D}", "\u{FE0F}", "🎉",
        ])
        .prop_map(str::to_owned),
        2 => prop_oneof![
            prop::char::range('\0', '\u{1F}'),
            prop::char::range('\u{7F}', '\u{9F}'),
            Just('\0'),
        ]
        .prop_map(String::from),
        1 => prop::sample::select(vec![
            " ", "\t", "\n", "\r\n", "\r", "\u{A0}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{200B}", "\u{FEFF}",
            "\u{85}", "    ",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "*", "_", "`", "```", "~~~", "<", ">", "&", "&amp;", "&#64;", "[", "](", ")", "(", "\\", "#", "- ",
            "1. ", "2)", "=", "+", "www.", "WwW.", "https://", "mailto:", ":", "|", "$", "!", "<script>", "<!--",
            "-->", "<pre>", "%20", "\"", "'",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}
