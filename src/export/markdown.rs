//! The Markdown of a board, a theme or some cards: CommonMark with GFM task lists.
//!
//! Titles, summaries, captions and labels are the user's plain text and are escaped; notes are
//! the user's own Markdown and pass through.

use std::fmt::Write as _;

use super::escape::{encode_path_segment, escape_text, link_destination};
use super::{ExportError, ExportScope};
use crate::model::{Board, Card, Link, openable_url};

/// The Markdown document for `scope`; images link into the folder named `media_folder`
/// beside the document.
pub fn board_markdown(board: &Board, scope: &ExportScope, media_folder: &str) -> Result<String, ExportError> {
    let outline = scope.outline(board)?;
    let mut doc = Document::default();
    doc.block(&format!("# {}", text_or(&board.title, "Untitled board")));
    if outline.lists_themes && !board.themes.is_empty() {
        doc.block("## Themes");
        let themes: Vec<String> = board
            .themes
            .iter()
            .map(|theme| {
                let name = text_or(&theme.name, "Untitled theme");
                match escape_text(&theme.question) {
                    question if question.is_empty() => format!("- **{name}**"),
                    question => format!("- **{name}**: {question}"),
                }
            })
            .collect();
        doc.block(&themes.join("\n"));
    }
    for section in &outline.sections {
        doc.block(&format!("## {}", text_or(section.heading, "Untitled")));
        if !section.intro.trim().is_empty() {
            doc.block(&escape_text(section.intro));
        }
        if section.cards.is_empty() {
            doc.block("*No card ticks this theme yet.*");
        }
        for card in &section.cards {
            card_blocks(&mut doc, board, card, media_folder);
        }
    }
    Ok(doc.finish())
}

/// One card's Markdown, as it appears in an export; images link into `media_folder`.
pub fn card_markdown(board: &Board, card: &Card, media_folder: &str) -> String {
    let mut doc = Document::default();
    card_blocks(&mut doc, board, card, media_folder);
    doc.finish()
}

fn card_blocks(doc: &mut Document, board: &Board, card: &Card, media_folder: &str) {
    doc.block(&format!("### {}", text_or(&card.title, "Untitled card")));
    if !card.summary.trim().is_empty() {
        doc.block(&escape_text(&card.summary));
    }
    let links: Vec<String> = card.links.iter().filter_map(link_item).collect();
    if !links.is_empty() {
        // `*` bullets, so a task list right after them is a list of its own.
        doc.list(&links.join("\n"));
    }
    let media_folder = encode_path_segment(media_folder);
    for image in &card.images {
        let alt = match escape_text(&image.caption) {
            caption if caption.is_empty() => text_or(&card.title, "Image"),
            caption => caption,
        };
        let target = format!("{media_folder}/{}", encode_path_segment(image.file.as_str()));
        doc.block(&format!("![{alt}]({target})"));
    }
    if !board.themes.is_empty() {
        let ticks: Vec<String> = board
            .themes
            .iter()
            .map(|theme| {
                let tick = if card.themes.contains(&theme.id) { 'x' } else { ' ' };
                format!("- [{tick}] {}", text_or(&theme.name, "Untitled theme"))
            })
            .collect();
        doc.list(&ticks.join("\n"));
    }
    doc.notes(&card.notes);
}

/// `* [Label](address)` for an address that may be opened; the rest as plain text, never a link.
fn link_item(link: &Link) -> Option<String> {
    let label = escape_text(&link.label);
    let item = match openable_url(&link.url) {
        Ok(url) => {
            let label = if label.is_empty() { escape_text(url) } else { label };
            format!("* [{label}]({})", link_destination(url))
        }
        Err(_) if link.url.trim().is_empty() && label.is_empty() => return None,
        Err(_) if link.url.trim().is_empty() => format!("* {label}"),
        Err(_) if label.is_empty() => format!("* {}", escape_text(&link.url)),
        Err(_) => format!("* {label}: {}", escape_text(&link.url)),
    };
    Some(item)
}

/// Escaped text, or `fallback` when there is none.
fn text_or(text: &str, fallback: &str) -> String {
    match escape_text(text) {
        text if text.is_empty() => fallback.to_owned(),
        text => text,
    }
}

/// Blocks separated by blank lines, remembering whether the last one was a list.
#[derive(Default)]
struct Document {
    text: String,
    after_list: bool,
}

impl Document {
    fn block(&mut self, block: &str) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.push_str(block);
        self.after_list = false;
    }

    fn list(&mut self, items: &str) {
        self.block(items);
        self.after_list = true;
    }

    /// The user's Markdown as written, but unable to spill into what follows it.
    fn notes(&mut self, notes: &str) {
        let notes = notes.replace("\r\n", "\n").replace('\r', "\n");
        let notes = notes.trim_end();
        // Drop whole blank lines at the start; the first line's indentation is meaningful.
        let start = notes
            .char_indices()
            .take_while(|(_, c)| c.is_whitespace())
            .filter(|(_, c)| *c == '\n')
            .last()
            .map_or(0, |(index, _)| index + 1);
        let notes = notes.get(start..).unwrap_or_default();
        if notes.is_empty() {
            return;
        }
        if self.after_list && notes.starts_with([' ', '\t']) {
            // An indented first line would join the list's last item; the comment ends the list,
            // as the CommonMark spec suggests.
            self.block("<!-- -->");
        }
        let mut block = notes.to_owned();
        if let Some(fence) = unclosed_fence(notes) {
            // Otherwise every card after this one would show as code.
            let _ = write!(block, "\n{fence}");
        }
        self.block(&block);
    }

    fn finish(mut self) -> String {
        self.text.push('\n');
        self.text
    }
}

/// The opening run of a code fence (```` ``` ```` or `~~~`) that `notes` leave open.
///
/// Only fences opened at the start of a line are tracked: one indented by a space or more may
/// sit in a list item, and the cards that follow close that item and its code anyway.
fn unclosed_fence(notes: &str) -> Option<String> {
    let mut open: Option<(char, usize)> = None;
    for line in notes.lines() {
        match open {
            None => {
                if let Some((c, len)) = fence_run(line)
                    && (c == '~' || !line.get(len..).unwrap_or_default().contains('`'))
                {
                    open = Some((c, len));
                }
            }
            Some((c, len)) => {
                let trimmed = line.trim_start_matches(' ');
                let indent = line.len() - trimmed.len();
                let after_run = trimmed.trim_start_matches(c);
                let run = trimmed.len() - after_run.len();
                if indent <= 3 && run >= len && after_run.trim().is_empty() {
                    open = None;
                }
            }
        }
    }
    open.map(|(c, len)| c.to_string().repeat(len))
}

/// The fence character and run length when `line` starts with three or more of ` or ~.
fn fence_run(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = line.len() - line.trim_start_matches(c).len();
    (len >= 3).then_some((c, len))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ImageRef, MediaName};

    fn board() -> (Board, crate::model::CardId) {
        let mut board = Board::new("Test");
        let column = board.columns[0].id;
        let theme = board.add_theme("Developer story", "Better?");
        board.add_theme("Database story", "");
        let card = board.add_card(column, "Gloo").unwrap();
        board.set_card_theme(card, theme, true).unwrap();
        (board, card)
    }

    #[test]
    fn a_card_has_heading_summary_links_images_ticks_and_notes() {
        let (mut board, id) = board();
        let card = board.card_mut(id).unwrap();
        card.summary = "Envoy underneath".to_owned();
        card.links = vec![
            Link {
                label: "Repository".to_owned(),
                url: "https://github.com/solo-io/gloo".to_owned(),
            },
            Link {
                label: "Evil".to_owned(),
                url: "javascript:alert(1)".to_owned(),
            },
            Link::default(),
        ];
        card.images.push(ImageRef {
            file: MediaName::new("0a1b.png").unwrap(),
            caption: "Gloo architecture".to_owned(),
            width: 1,
            height: 1,
        });
        card.notes = "\n\nBuilt on **Envoy**.\n\n".to_owned();
        let card = board.card(id).unwrap();
        assert_eq!(
            card_markdown(&board, card, "my talks.media"),
            "### Gloo\n\nEnvoy underneath\n\n\
             * [Repository](https://github.com/solo-io/gloo)\n* Evil: javascript:alert(1)\n\n\
             ![Gloo architecture](my%20talks.media/0a1b.png)\n\n\
             - [x] Developer story\n- [ ] Database story\n\n\
             Built on **Envoy**.\n"
        );
    }

    #[test]
    fn notes_cannot_spill_into_the_next_card() {
        let (mut board, id) = board();
        board.card_mut(id).unwrap().notes = "    indented code\n\n```rust\nfn main() {}".to_owned();
        let markdown = card_markdown(&board, board.card(id).unwrap(), "m");
        assert!(
            markdown.ends_with("- [ ] Database story\n\n<!-- -->\n\n    indented code\n\n```rust\nfn main() {}\n```\n"),
            "{markdown}"
        );
    }

    #[test]
    fn only_fences_left_open_are_closed() {
        assert_eq!(unclosed_fence("```\ncode\n```"), None);
        assert_eq!(unclosed_fence("````\n```\n"), Some("````".to_owned()));
        assert_eq!(unclosed_fence("~~~\ncode\n  ~~~~  "), None);
        assert_eq!(unclosed_fence("``` not ` a fence\ntext"), None);
        assert_eq!(unclosed_fence("- item\n\n  ```\n  code"), None);
        assert_eq!(unclosed_fence("text ```"), None);
    }

    #[test]
    fn a_theme_export_lists_the_cards_that_tick_it() {
        let (mut board, _) = board();
        let column = board.columns[0].id;
        board.add_card(column, "Rook").unwrap();
        let developer = board.themes[0].id;
        let markdown = board_markdown(&board, &ExportScope::Theme(developer), "m").unwrap();
        assert!(
            markdown.starts_with("# Test\n\n## Developer story\n\nBetter?\n\n### Gloo\n"),
            "{markdown}"
        );
        assert!(!markdown.contains("Rook"));
        let empty = board.themes[1].id;
        let markdown = board_markdown(&board, &ExportScope::Theme(empty), "m").unwrap();
        assert!(markdown.contains("*No card ticks this theme yet.*"), "{markdown}");
    }

    #[test]
    fn chosen_cards_keep_board_order_and_unknown_ones_are_an_error() {
        let (mut board, gloo) = board();
        let second = board.add_column("Storage");
        let rook = board.add_card(second, "Rook").unwrap();
        board.add_card(second, "Ceph").unwrap();
        let markdown = board_markdown(&board, &ExportScope::Cards(vec![rook, gloo]), "m").unwrap();
        let headings: Vec<&str> = markdown.lines().filter(|line| line.starts_with('#')).collect();
        assert_eq!(
            headings,
            [
                "# Test",
                "## Themes",
                "## Projects",
                "### Gloo",
                "## Storage",
                "### Rook"
            ]
        );
        assert!(matches!(
            board_markdown(&board, &ExportScope::Cards(vec![crate::model::CardId(99)]), "m"),
            Err(ExportError::NoCards)
        ));
    }
}
