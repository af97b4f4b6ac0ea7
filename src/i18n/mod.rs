//! The app's own words in the user's language: Project Fluent catalogues, one file per language in
//! `i18n/LANGUAGE/boothboard.ftl`, embedded in the binary. English is the fallback for any message
//! a catalogue lacks, so a missing translation shows English, never a message id.
//!
//! The language is per thread: the UI thread's is set by the app (from the system, or the user's
//! choice), and work on other threads that writes words (an export) is handed the language.
//! Card content is never translated.

mod language;

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use fluent_templates::Loader as _;
use fluent_templates::fluent_bundle::FluentValue;

pub use language::Language;

fluent_templates::static_loader! {
    static CATALOGUES = {
        locales: "./i18n",
        fallback_language: "en-US",
        // Without the Unicode isolation marks Fluent puts around each value: egui shows them.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// The language of this thread's words.
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// Sets the language of this thread's words.
pub fn set_language(language: Language) {
    CURRENT.with(|current| current.set(language));
}

/// Formatted messages kept, at most: far more than a window shows at once.
const REMEMBERED: usize = 4096;

/// A formatted message: its language, id and arguments.
type Formatted = (Language, &'static str, Vec<(&'static str, String)>);

thread_local! {
    /// The UI asks for the same messages every frame; Fluent formats each only once.
    static REMEMBERED_TEXTS: RefCell<HashMap<Formatted, String>> = RefCell::new(HashMap::new());
}

/// The message `id` in `language`, with `args` filled in.
pub fn text_in(language: Language, id: &'static str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let key: Formatted = (
        language,
        id,
        args.iter().map(|(name, value)| (*name, argument_key(value))).collect(),
    );
    if let Some(text) = REMEMBERED_TEXTS.with(|texts| texts.borrow().get(&key).cloned()) {
        return text;
    }
    let text = if args.is_empty() {
        CATALOGUES.lookup(language.id(), id)
    } else {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        CATALOGUES.lookup_with_args(language.id(), id, &args)
    };
    REMEMBERED_TEXTS.with(|texts| {
        let mut texts = texts.borrow_mut();
        if texts.len() >= REMEMBERED {
            texts.clear();
        }
        texts.insert(key, text.clone());
    });
    text
}

/// An argument as part of a key: its text, or its number.
fn argument_key(value: &FluentValue<'_>) -> String {
    match value {
        FluentValue::String(text) => format!("s{text}"),
        FluentValue::Number(number) => format!("n{}", number.as_string()),
        other => format!("{other:?}"),
    }
}

/// The message `id` in this thread's language, with `args` filled in (see [`tr!`](crate::tr)).
pub fn text(id: &'static str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    text_in(language(), id, args)
}

/// A message in this thread's language: `tr!("cards-count", count = 3)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($name), $crate::i18n::FluentArg::from($value).0)),+],
        )
    };
}

/// What the system said about a failed file operation, in this thread's language for the common
/// kinds, else as the system put it.
pub fn io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let id = match error.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::AlreadyExists => "io-already-exists",
        ErrorKind::StorageFull => "io-storage-full",
        ErrorKind::ReadOnlyFilesystem => "io-read-only",
        ErrorKind::NotADirectory => "io-not-a-folder",
        ErrorKind::IsADirectory => "io-is-a-folder",
        _ => return error.to_string(),
    };
    text(id, &[])
}

/// A value for a message's variable: text or a number.
#[derive(Debug)]
pub struct FluentArg(pub FluentValue<'static>);

impl From<&str> for FluentArg {
    fn from(text: &str) -> Self {
        Self(FluentValue::from(text.to_owned()))
    }
}

impl From<String> for FluentArg {
    fn from(text: String) -> Self {
        Self(FluentValue::from(text))
    }
}

impl From<&String> for FluentArg {
    fn from(text: &String) -> Self {
        Self(FluentValue::from(text.clone()))
    }
}

impl From<u32> for FluentArg {
    fn from(number: u32) -> Self {
        Self(FluentValue::from(number))
    }
}

impl From<u64> for FluentArg {
    fn from(number: u64) -> Self {
        Self(FluentValue::from(number))
    }
}

impl From<usize> for FluentArg {
    fn from(number: usize) -> Self {
        Self(FluentValue::from(number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_follow_the_language_and_each_language_counts_its_own_way() {
        set_language(Language::English);
        assert_eq!(crate::tr!("cards-count", count = 1_usize), "1 card");
        assert_eq!(crate::tr!("cards-count", count = 2_usize), "2 cards");
        set_language(Language::SimplifiedChinese);
        assert_eq!(crate::tr!("cards-count", count = 1_usize), "1 张卡片");
        assert_eq!(crate::tr!("cards-count", count = 2_usize), "2 张卡片");
        set_language(Language::English);
        assert_eq!(
            text_in(Language::SimplifiedChinese, "cards-count", &[("count", 3.into())]),
            "3 张卡片"
        );
    }

    #[test]
    fn a_message_a_catalogue_lacks_is_shown_in_english_never_as_its_id() {
        // No catalogue for French at all: every message falls back to English.
        let french: fluent_templates::LanguageIdentifier = "fr-FR".parse().unwrap();
        assert_eq!(CATALOGUES.lookup(&french, "board-menu"), "Board");
        let args = HashMap::from([(Cow::Borrowed("count"), FluentValue::from(2))]);
        assert_eq!(CATALOGUES.lookup_with_args(&french, "cards-count", &args), "2 cards");
    }
}
