//! The Markdown of a board, a theme or some cards: CommonMark with GFM task lists.
//!
//! Titles, summaries, captions and labels are the user's plain text and are escaped; notes are
//! the user's own Markdown and pass through, their raw HTML shown as text unless it is allowed,
//! and their links and images as text unless their address may be opened (http, https, mailto),
//! as in the window.

use std::fmt::Write as _;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use super::escape::{encode_path_segment, escape_text, link_destination};
use super::note_headings::headings_below_card;
use super::refused_links::{document_markdown, user_markdown};
use super::{ExportError, ExportOptions, ExportScope};
use crate::model::{Board, Card, Link, Theme, notes_markdown_options, openable_url};

/// The Markdown document for `scope`; images link into the folder named `media_folder`
/// beside the document.
pub fn board_markdown(
    board: &Board,
    scope: &ExportScope,
    media_folder: &str,
    options: &ExportOptions,
) -> Result<String, ExportError> {
    let outline = scope.outline(board)?;
    let mut doc = Document::default();
    doc.block(&format!(
        "# {}",
        text_or(&board.title, &options.words("export-untitled-board"))
    ));
    if outline.lists_themes && !board.themes.is_empty() {
        doc.block(&format!("## {}", options.words("export-themes")));
        let themes: Vec<String> = board
            .themes
            .iter()
            .map(|theme| {
                let name = escape_text(&options.theme_name(theme));
                match escape_text(&theme.question) {
                    question if question.is_empty() => format!("- **{name}**"),
                    question => format!("- **{name}**: {question}"),
                }
            })
            .collect();
        doc.block(&themes.join("\n"));
    }
    for section in &outline.sections {
        doc.block(&format!("## {}", escape_text(&section.heading_or_untitled(options))));
        if !section.intro.trim().is_empty() {
            doc.block(&escape_text(section.intro));
        }
        if section.cards.is_empty() {
            doc.block(&format!("*{}*", options.words("export-no-card-ticks-theme")));
        }
        for card in &section.cards {
            card_blocks(&mut doc, &board.themes, card, media_folder, options);
        }
    }
    Ok(doc.finish(options))
}

/// One card's Markdown, as it appears in an export, with a tick line for each of `themes` (the
/// board's); images link into `media_folder`.
pub fn card_markdown(themes: &[Theme], card: &Card, media_folder: &str, options: &ExportOptions) -> String {
    let mut doc = Document::default();
    card_blocks(&mut doc, themes, card, media_folder, options);
    doc.finish(options)
}

fn card_blocks(doc: &mut Document, themes: &[Theme], card: &Card, media_folder: &str, options: &ExportOptions) {
    doc.block(&format!(
        "### {}",
        text_or(&card.title, &options.words("export-untitled-card"))
    ));
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
            caption if caption.is_empty() => text_or(&card.title, &options.words("export-image")),
            caption => caption,
        };
        let target = format!("{media_folder}/{}", encode_path_segment(image.file.as_str()));
        doc.block(&format!("![{alt}]({target})"));
        doc.own_images.insert(target);
    }
    if !themes.is_empty() {
        let ticks: Vec<String> = themes
            .iter()
            .map(|theme| {
                let tick = if card.themes.contains(&theme.id) { 'x' } else { ' ' };
                format!("- [{tick}] {}", escape_text(&options.theme_name(theme)))
            })
            .collect();
        doc.list(&ticks.join("\n"));
    }
    doc.notes(&card.notes, options);
}

/// `* [Label](address)` for an address that may be opened; the rest as plain text, never a link.
pub(super) fn link_item(link: &Link) -> Option<String> {
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

/// The comment that ends a list, where the notes that follow it would join its last item.
const LIST_END: &str = "<!-- -->";

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
    /// The addresses of the images the export links to in its media folder.
    own_images: std::collections::HashSet<String>,
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

    /// The user's Markdown as written (raw HTML as text unless `options` allow it, links that may
    /// not be opened as text, headings below the card's), but unable to spill into what follows it.
    fn notes(&mut self, notes: &str, options: &ExportOptions) {
        let notes = notes.replace("\r\n", "\n").replace('\r', "\n");
        let notes = user_markdown(&notes, options.allow_html);
        // After the escaping: a line that was inside raw HTML may be a heading once that is text.
        let notes = headings_below_card(&notes);
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
            self.block(LIST_END);
        }
        let mut block = notes.to_owned();
        if let Some(closing) = unclosed_block(notes) {
            // Otherwise every card after this one would show as code, or vanish into raw HTML.
            let _ = write!(block, "\n{closing}");
        }
        self.block(&block);
    }

    /// The document, read again as a whole: what its parts could make together (a link, raw
    /// HTML unless `options` allow it) is made text, but its own images and list ends.
    fn finish(mut self, options: &ExportOptions) -> String {
        self.text.push('\n');
        document_markdown(
            &self.text,
            options.allow_html,
            &|dest| self.own_images.contains(dest),
            &|html| html == LIST_END,
        )
    }
}

/// A block that runs past a blank line, so it would swallow the cards that follow it.
#[derive(Clone, Copy)]
enum OpenBlock {
    /// A code fence: its character and run length.
    Fence(char, usize),
    /// Raw HTML (`<script>`, `<!--` …) that ends only at a line holding this.
    Html(&'static str),
}

/// The line that closes the code fence (```` ``` ```` or `~~~`) or raw HTML block that `notes`
/// leave open.
///
/// Lines are followed for fences opened at the start of a line and for HTML; a fence indented by a
/// space or more is closed only where a CommonMark parser finds it outside any list or quote (in
/// one, the cards that follow close that item and its code anyway).
fn unclosed_block(notes: &str) -> Option<String> {
    open_top_level_fence(notes).or_else(|| unclosed_line_block(notes))
}

/// The fence that closes a fenced code block that `notes` open outside any container and leave open.
fn open_top_level_fence(notes: &str) -> Option<String> {
    // Fences at the start of a line are followed line by line: parse only for an indented one.
    let indented_fence = |line: &str| {
        let unindented = line.trim_start_matches(' ');
        (1..=3).contains(&(line.len() - unindented.len())) && fence_run(unindented).is_some()
    };
    if !notes.lines().any(indented_fence) {
        return None;
    }
    let mut depth = 0usize;
    let mut last_fence = None;
    for (event, range) in Parser::new_ext(notes, notes_markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) if depth == 0 => {
                last_fence = Some(range);
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let block = notes.get(last_fence?)?;
    let (c, len) = fence_run(block.trim_start_matches(' '))?;
    let mut lines = block.lines();
    lines.next();
    let closed = lines.next_back().is_some_and(|last| {
        let last = last.trim_start_matches(' ');
        fence_run(last).is_some_and(|(closing, run)| closing == c && run >= len)
            && last.trim_start_matches(c).trim().is_empty()
    });
    (!closed).then(|| c.to_string().repeat(len))
}

/// [`unclosed_block`], line by line.
fn unclosed_line_block(notes: &str) -> Option<String> {
    let mut open: Option<OpenBlock> = None;
    for line in notes.lines() {
        open = match open {
            None => opened_by(line),
            Some(OpenBlock::Fence(c, len)) => {
                let trimmed = line.trim_start_matches(' ');
                let indent = line.len() - trimmed.len();
                let after_run = trimmed.trim_start_matches(c);
                let run = trimmed.len() - after_run.len();
                let closes = indent <= 3 && run >= len && after_run.trim().is_empty();
                (!closes).then_some(OpenBlock::Fence(c, len))
            }
            Some(OpenBlock::Html(end)) => (!holds(line, end)).then_some(OpenBlock::Html(end)),
        };
    }
    match open? {
        OpenBlock::Fence(c, len) => Some(c.to_string().repeat(len)),
        OpenBlock::Html(end) => Some(end.to_owned()),
    }
}

/// The block that `line` opens and does not close, if any.
fn opened_by(line: &str) -> Option<OpenBlock> {
    if let Some((c, len)) = fence_run(line)
        && (c == '~' || !line.get(len..).unwrap_or_default().contains('`'))
    {
        return Some(OpenBlock::Fence(c, len));
    }
    let unindented = line.trim_start_matches(' ');
    if line.len() - unindented.len() > 3 {
        return None;
    }
    html_block_end(unindented)
        .filter(|end| !holds(line, end))
        .map(OpenBlock::Html)
}

/// CommonMark's raw HTML blocks that a blank line does not end: what ends the one `line` starts.
/// (The spec ends `<pre>` at any of the four end tags, some renderers only at `</pre>`: the
/// matching one ends it in both.)
fn html_block_end(line: &str) -> Option<&'static str> {
    let start = line.chars().take(12).collect::<String>().to_ascii_lowercase();
    let raw_text = [
        ("<script", "</script>"),
        ("<pre", "</pre>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
    ];
    let raw_text_end = raw_text.into_iter().find_map(|(tag, end)| {
        start
            .strip_prefix(tag)
            .filter(|after| after.is_empty() || after.starts_with([' ', '\t', '>']))
            .map(|_| end)
    });
    if raw_text_end.is_some() {
        raw_text_end
    } else if line.starts_with("<!--") {
        Some("-->")
    } else if line.starts_with("<?") {
        Some("?>")
    } else if line.starts_with("<![CDATA[") {
        Some("]]>")
    } else if line
        .strip_prefix("<!")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        Some(">")
    } else {
        None
    }
}

/// Whether `line` holds `end` (lower case), ignoring ASCII case as HTML does.
fn holds(line: &str, end: &str) -> bool {
    line.to_ascii_lowercase().contains(end)
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
            card_markdown(&board.themes, card, "my talks.media", &ExportOptions::default()),
            "### Gloo\n\nEnvoy underneath\n\n\
             * [Repository](https://github.com/solo-io/gloo)\n* Evil: javascript:alert(1)\n\n\
             ![Gloo architecture](my%20talks.media/0a1b.png)\n\n\
             - [x] Developer story\n- [ ] Database story\n\n\
             Built on **Envoy**.\n"
        );
    }

    #[test]
    fn an_untitled_theme_is_named_in_the_exports_language() {
        let (mut board, id) = board();
        let blank = board.add_theme("", "");
        board.set_card_theme(id, blank, true).unwrap();
        for (language, word) in [
            (crate::i18n::Language::English, "Untitled theme"),
            (crate::i18n::Language::SimplifiedChinese, "未命名的主题"),
        ] {
            let options = ExportOptions {
                language,
                ..ExportOptions::default()
            };
            let whole = board_markdown(&board, &ExportScope::Board, "m", &options).unwrap();
            assert!(whole.contains(&format!("\n- **{word}**\n")), "{whole}");
            assert!(whole.contains(&format!("\n- [x] {word}\n")), "{whole}");
            let theme = board_markdown(&board, &ExportScope::Theme(blank), "m", &options).unwrap();
            assert!(theme.contains(&format!("\n## {word}\n")), "{theme}");
        }
    }

    #[test]
    fn notes_cannot_spill_into_the_next_card() {
        let (mut board, id) = board();
        board.card_mut(id).unwrap().notes = "    indented code\n\n```rust\nfn main() {}".to_owned();
        let markdown = card_markdown(&board.themes, board.card(id).unwrap(), "m", &ExportOptions::default());
        assert!(
            markdown.ends_with("- [ ] Database story\n\n<!-- -->\n\n    indented code\n\n```rust\nfn main() {}\n```\n"),
            "{markdown}"
        );
    }

    #[test]
    fn only_fences_left_open_are_closed() {
        assert_eq!(unclosed_block("```\ncode\n```"), None);
        assert_eq!(unclosed_block("````\n```\n"), Some("````".to_owned()));
        assert_eq!(unclosed_block("~~~\ncode\n  ~~~~  "), None);
        assert_eq!(unclosed_block("``` not ` a fence\ntext"), None);
        assert_eq!(unclosed_block("- item\n\n  ```\n  code"), None);
        assert_eq!(unclosed_block("text ```"), None);
        assert_eq!(unclosed_block("```\n<script>"), Some("```".to_owned()));
        assert_eq!(unclosed_block(" ```"), Some("```".to_owned()));
        assert_eq!(
            unclosed_block("text\n\n   ~~~~ rust\n<script>\n~~~"),
            Some("~~~~".to_owned())
        );
        assert_eq!(unclosed_block("  ```\ncode\n   ```"), None);
        assert_eq!(unclosed_block("> ```\n> code"), None);
    }

    #[test]
    fn raw_html_left_open_is_closed() {
        assert_eq!(unclosed_block("<script>alert(1)"), Some("</script>".to_owned()));
        assert_eq!(unclosed_block("text\n  <PRE class=x>\ncode"), Some("</pre>".to_owned()));
        assert_eq!(unclosed_block("<pre>\n</script>"), Some("</pre>".to_owned()));
        assert_eq!(unclosed_block("<!-- draft"), Some("-->".to_owned()));
        assert_eq!(unclosed_block("<?php"), Some("?>".to_owned()));
        assert_eq!(unclosed_block("<!DOCTYPE html"), Some(">".to_owned()));
        assert_eq!(unclosed_block("<![CDATA[ x"), Some("]]>".to_owned()));
        assert_eq!(unclosed_block("<script>x</script>"), None);
        assert_eq!(unclosed_block("<style>\n</STYLE>\n<!-- a -->"), None);
        assert_eq!(unclosed_block("<scripts>\n    <script>\n<div>"), None);
    }

    #[test]
    fn a_card_after_notes_with_open_html_still_shows() {
        let (mut board, id) = board();
        board.card_mut(id).unwrap().notes = "Demo:\n<script>\nalert(1)".to_owned();
        let allowed = ExportOptions {
            allow_html: true,
            ..ExportOptions::default()
        };
        let markdown = card_markdown(&board.themes, board.card(id).unwrap(), "m", &allowed);
        assert!(markdown.ends_with("<script>\nalert(1)\n</script>\n"), "{markdown}");
        let markdown = card_markdown(&board.themes, board.card(id).unwrap(), "m", &ExportOptions::default());
        assert!(markdown.ends_with("Demo:\n&lt;script>\nalert(1)\n"), "{markdown}");
    }

    #[test]
    fn a_theme_export_lists_the_cards_that_tick_it() {
        let (mut board, _) = board();
        let column = board.columns[0].id;
        board.add_card(column, "Rook").unwrap();
        let developer = board.themes[0].id;
        let markdown = board_markdown(&board, &ExportScope::Theme(developer), "m", &ExportOptions::default()).unwrap();
        assert!(
            markdown.starts_with("# Test\n\n## Developer story\n\nBetter?\n\n### Gloo\n"),
            "{markdown}"
        );
        assert!(!markdown.contains("Rook"));
        let empty = board.themes[1].id;
        let markdown = board_markdown(&board, &ExportScope::Theme(empty), "m", &ExportOptions::default()).unwrap();
        assert!(markdown.contains("*No card ticks this theme yet.*"), "{markdown}");
    }

    #[test]
    fn chosen_cards_keep_board_order_and_unknown_ones_are_an_error() {
        let (mut board, gloo) = board();
        let second = board.add_column("Storage");
        let rook = board.add_card(second, "Rook").unwrap();
        board.add_card(second, "Ceph").unwrap();
        let markdown = board_markdown(
            &board,
            &ExportScope::Cards(vec![rook, gloo]),
            "m",
            &ExportOptions::default(),
        )
        .unwrap();
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
            board_markdown(
                &board,
                &ExportScope::Cards(vec![crate::model::CardId(99)]),
                "m",
                &ExportOptions::default()
            ),
            Err(ExportError::NoCards)
        ));
    }
}
