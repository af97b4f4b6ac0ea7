//! How an export treats what the user wrote: the choices beside what it covers.

/// Choices for an export; the default is the safe one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Let raw HTML in notes (`<details>`, `<kbd>` …) through to the Markdown. Off by default: a
    /// note from a teammate or an import can hold `<script>`, so raw HTML is shown as text.
    pub allow_html: bool,
}
