//! The first lines of a card's notes as plain text, for the card on the board.

use pulldown_cmark::{Event, Parser, TagEnd};

use super::notes_markdown_options;

/// The longest a glimpse line gets, in characters; a card shows far less.
const MAX_LINE_CHARS: usize = 200;

/// The first `lines` lines of text in `notes`, without Markdown markers (`#`, `**`, `- [ ]`,
/// link addresses): each heading, paragraph line, list item or code line is a line; blank ones are
/// skipped. Raw HTML counts as text, as the card editor shows it. Stops reading once it has them.
///
/// ```
/// use boothboard::model::notes_glimpse;
/// let notes = "## Talk\n\n**TiKV** is [Raft](https://raft.github.io) based.\n- [ ] ask";
/// assert_eq!(notes_glimpse(notes, 2), ["Talk", "TiKV is Raft based."]);
/// ```
pub fn notes_glimpse(notes: &str, lines: usize) -> Vec<String> {
    let mut glimpse = Vec::new();
    let mut line = String::new();
    let end_line = |line: &mut String, glimpse: &mut Vec<String>| {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            glimpse.push(trimmed.chars().take(MAX_LINE_CHARS).collect());
        }
        line.clear();
    };
    for event in Parser::new_ext(notes, notes_markdown_options()) {
        if glimpse.len() >= lines {
            break;
        }
        match event {
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                let mut pieces = text.split(['\n', '\r']);
                if let Some(first) = pieces.next() {
                    line.push_str(first);
                }
                for piece in pieces {
                    end_line(&mut line, &mut glimpse);
                    line.push_str(piece);
                }
            }
            Event::SoftBreak | Event::HardBreak => end_line(&mut line, &mut glimpse),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => end_line(&mut line, &mut glimpse),
            Event::End(TagEnd::TableCell) => line.push(' '),
            _ => {}
        }
    }
    end_line(&mut line, &mut glimpse);
    glimpse.truncate(lines);
    glimpse
}

#[cfg(test)]
mod tests {
    use super::notes_glimpse;

    #[test]
    fn markers_are_left_out_and_blank_lines_skipped() {
        let notes = "\n\n# **Gloo**\n\n- [x] Envoy *underneath*\n- `glooctl` set-up\n> quoted";
        assert_eq!(notes_glimpse(notes, 3), ["Gloo", "Envoy underneath", "glooctl set-up"]);
        assert_eq!(notes_glimpse(notes, 1), ["Gloo"]);
        assert_eq!(notes_glimpse("", 2), Vec::<String>::new());
        assert_eq!(notes_glimpse("  \n\n ", 2), Vec::<String>::new());
    }

    #[test]
    fn each_line_of_a_paragraph_or_code_block_is_a_line_and_html_is_text() {
        assert_eq!(notes_glimpse("one\ntwo\r\nthree", 2), ["one", "two"]);
        assert_eq!(notes_glimpse("```\nlet a;\nlet b;\n```", 5), ["let a;", "let b;"]);
        assert_eq!(
            notes_glimpse("<script>alert(1)</script>", 2),
            ["<script>alert(1)</script>"]
        );
        assert_eq!(notes_glimpse("| a | b |\n|---|---|\n| 1 | 2 |", 5), ["a b", "1 2"]);
    }

    #[test]
    fn a_long_line_is_cut() {
        let long = "x".repeat(1000);
        assert_eq!(notes_glimpse(&long, 2), ["x".repeat(200)]);
    }
}
