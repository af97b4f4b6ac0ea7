//! How an export treats what the user wrote: the choices beside what it covers.

use std::borrow::Cow;

use crate::i18n::{self, Language};
use crate::model::Theme;

/// Choices for an export; the default is the safe one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Let raw HTML in notes (`<details>`, `<kbd>` …) through to the Markdown. Off by default: a
    /// note from a teammate or an import can hold `<script>`, so raw HTML is shown as text.
    pub allow_html: bool,
    /// The kind of file to write.
    pub format: ExportFormat,
    /// The language of the export's own words (the "Themes" heading, "Untitled card"); the
    /// cards' content is never translated.
    pub language: Language,
}

impl ExportOptions {
    /// The export's word `id` in its language.
    pub fn words(&self, id: &'static str) -> String {
        i18n::text_in(self.language, id, &[])
    }

    /// A theme's name, or the export's word for an untitled one.
    pub fn theme_name<'a>(&self, theme: &'a Theme) -> Cow<'a, str> {
        self.name_or_untitled(&theme.name, "export-untitled-theme")
    }

    /// `name`, or the export's word `untitled` when it is blank.
    pub fn name_or_untitled<'a>(&self, name: &'a str, untitled: &'static str) -> Cow<'a, str> {
        if name.trim().is_empty() {
            Cow::Owned(self.words(untitled))
        } else {
            Cow::Borrowed(name)
        }
    }
}

/// The kind of file an export writes, each with the images it shows in a media folder beside it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportFormat {
    /// Blog-ready Markdown: `NAME.md`.
    #[default]
    Markdown,
    /// A board the Obsidian Kanban plugin opens: `NAME.kanban.md`.
    ObsidianKanban,
    /// A JSON Canvas 1.0 file (Obsidian and other canvas tools): `NAME.canvas`.
    Canvas,
}

impl ExportFormat {
    /// Every format, in the order a choice lists them.
    pub const ALL: [Self; 3] = [Self::Markdown, Self::ObsidianKanban, Self::Canvas];

    /// Its name, as a choice shows it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown",
            Self::ObsidianKanban => "Obsidian Kanban",
            Self::Canvas => "JSON Canvas",
        }
    }

    /// What replaces `.json` in the board's file name to name the export.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::ObsidianKanban => "kanban.md",
            Self::Canvas => "canvas",
        }
    }
}
