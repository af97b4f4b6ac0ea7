//! A board the Obsidian Kanban plugin opens: `## lane` per column, `- [ ] title #tags` per card
//! with its summary, links, images (`![[file]]`) and notes as indented lines below it, each
//! indented by one tab as the plugin writes a card of several lines.

use std::fmt::Write as _;

use super::markdown::link_item;
use super::refused_links::user_markdown;
use super::{ExportError, ExportOptions, ExportScope};
use crate::model::{Board, Card};

/// The theme whose tick is a Kanban item's `[x]`, both ways.
pub const DONE_THEME: &str = "Done";

/// What the plugin writes at the end of a board it made, so it opens this one as a board too.
const SETTINGS: &str = "%% kanban:settings\n```\n{\"kanban-plugin\":\"basic\"}\n```\n%%\n";

/// The Obsidian Kanban Markdown for `scope`; images are named by file, as Obsidian finds them
/// anywhere in the vault.
pub fn obsidian_kanban(board: &Board, scope: &ExportScope, options: &ExportOptions) -> Result<String, ExportError> {
    let outline = scope.outline(board)?;
    let done = board.theme_by_name(DONE_THEME).map(|theme| theme.id);
    let mut text = String::from("---\n\nkanban-plugin: basic\n\n---\n\n");
    for section in &outline.sections {
        let lane = in_place("## ", &one_line(&section.heading_or_untitled(options)));
        let _ = writeln!(text, "## {lane}\n");
        for card in &section.cards {
            let tick = if done.is_some_and(|done| card.themes.contains(&done)) {
                'x'
            } else {
                ' '
            };
            let mut first = one_line(&card.title);
            if first.is_empty() {
                first = options.words("export-untitled-card");
            }
            for theme in board.themes.iter().filter(|theme| card.themes.contains(&theme.id)) {
                if Some(theme.id) != done
                    && let Some(tag) = tag_for(&options.theme_name(theme))
                {
                    let _ = write!(first, " #{tag}");
                }
            }
            // The title and the summary below it are one paragraph: read together. Their raw HTML
            // is text even where the notes' may stay (else the whole item is read so below).
            let summary = one_line(&card.summary);
            let heading = format!("[{tick}] {first}\n\t{summary}");
            let heading = if options.allow_html {
                in_place("- ", &heading)
            } else {
                heading
            };
            let (first, summary) = heading.split_once("\n\t").unwrap_or((&heading, ""));
            let mut item = format!("- {first}\n");
            // Every line indented, blank ones too, as the plugin writes them: it takes them off again.
            for line in item_lines(card, summary, options) {
                let _ = writeln!(item, "\t{line}");
            }
            // Read again as a whole: with no summary, the first line of the notes joins the title's
            // paragraph, where a line that was code on its own is text.
            text.push_str(&user_markdown(&item, options.allow_html));
        }
        text.push('\n');
    }
    text.push_str("\n\n");
    text.push_str(SETTINGS);
    // Each item is safe on its own; read as a whole, the file can be less so (a link reference
    // definition in one card's notes reaches every card).
    Ok(user_markdown(&text, options.allow_html))
}

/// `text` (the user's Markdown, a lane's name or a card's title and summary) with its raw HTML
/// and links that may not be opened as text, read where the file holds it: after `prefix` (`## `,
/// `- `). The same words read on their own may differ: ```` ``` <b>```` is a code fence there,
/// but a heading holding a tag here.
fn in_place(prefix: &str, text: &str) -> String {
    let line = user_markdown(&format!("{prefix}{text}"), false);
    line.strip_prefix(prefix).map_or_else(|| line.clone(), str::to_owned)
}

/// The lines under a card's title: `summary` (as written already), links, images and notes, blank
/// lines between.
fn item_lines(card: &Card, summary: &str, options: &ExportOptions) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    if !summary.is_empty() {
        parts.push(summary.to_owned());
    }
    let links: Vec<String> = card.links.iter().filter_map(link_item).collect();
    if !links.is_empty() {
        parts.push(links.join("\n"));
    }
    for image in &card.images {
        parts.push(format!("![[{}]]", image.file));
    }
    let notes = card.notes.replace("\r\n", "\n").replace('\r', "\n");
    let notes = user_markdown(&notes, options.allow_html);
    let notes = notes.trim_end().trim_start_matches('\n');
    if !notes.is_empty() {
        parts.push(notes.to_owned());
    }
    parts.join("\n\n").lines().map(str::to_owned).collect()
}

/// A theme's name as an Obsidian tag: spaces as `-`, only letters, digits, `_`, `-` and `/`, and
/// never only digits. `None` when nothing of it is left.
fn tag_for(name: &str) -> Option<String> {
    let tag: String = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'))
        .collect();
    if tag.is_empty() {
        None
    } else if tag.chars().all(|c| c.is_ascii_digit()) {
        Some(format!("_{tag}"))
    } else {
        Some(tag)
    }
}

/// Text on one line, as an item's title or a lane's name must be.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_are_items_with_tags_and_indented_notes() {
        let mut board = Board::new("Test");
        let column = board.columns[0].id;
        let theme = board.add_theme("Developer story", "");
        let done = board.add_theme(DONE_THEME, "");
        let card = board.add_card(column, "Gloo <b>").unwrap();
        board.set_card_theme(card, theme, true).unwrap();
        board.set_card_theme(card, done, true).unwrap();
        board.card_mut(card).unwrap().notes = "First\n\n- a\n".to_owned();
        let text = obsidian_kanban(&board, &ExportScope::Board, &ExportOptions::default()).unwrap();
        assert!(
            text.starts_with("---\n\nkanban-plugin: basic\n\n---\n\n## Projects\n\n"),
            "{text}"
        );
        assert!(
            text.contains("- [x] Gloo &lt;b> #Developer-story\n\tFirst\n\t\n\t- a\n"),
            "{text}"
        );
        assert!(text.ends_with(SETTINGS));
        assert_eq!(tag_for("2018"), Some("_2018".to_owned()));
        assert_eq!(tag_for("云 原生!"), Some("云-原生".to_owned()));
        assert_eq!(tag_for("!!"), None);
    }
}
