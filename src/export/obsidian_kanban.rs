//! A board the Obsidian Kanban plugin opens: `## lane` per column, `- [ ] title #tags` per card
//! with its summary, links, images (`![[file]]`) and notes as indented lines below it, each
//! indented by one tab as the plugin writes a card of several lines.

use std::fmt::Write as _;

use super::markdown::link_item;
use super::raw_html::escape_raw_html;
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
        let lane = one_line(&escape_raw_html(&section.heading_or_untitled(options)));
        let _ = writeln!(text, "## {lane}\n");
        for card in &section.cards {
            let tick = if done.is_some_and(|done| card.themes.contains(&done)) {
                'x'
            } else {
                ' '
            };
            let mut first = one_line(&escape_raw_html(&card.title));
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
            let _ = writeln!(text, "- [{tick}] {first}");
            // Every line indented, blank ones too, as the plugin writes them: it takes them off again.
            for line in item_lines(card, options) {
                let _ = writeln!(text, "\t{line}");
            }
        }
        text.push('\n');
    }
    text.push_str("\n\n");
    text.push_str(SETTINGS);
    Ok(text)
}

/// The lines under a card's title: summary, links, images and notes, blank lines between.
fn item_lines(card: &Card, options: &ExportOptions) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let summary = one_line(&escape_raw_html(&card.summary));
    if !summary.is_empty() {
        parts.push(summary);
    }
    let links: Vec<String> = card.links.iter().filter_map(link_item).collect();
    if !links.is_empty() {
        parts.push(links.join("\n"));
    }
    for image in &card.images {
        parts.push(format!("![[{}]]", image.file));
    }
    let notes = card.notes.replace("\r\n", "\n").replace('\r', "\n");
    let notes = if options.allow_html {
        notes
    } else {
        escape_raw_html(&notes)
    };
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
