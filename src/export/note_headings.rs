//! Headings in a card's notes, moved below the card's own heading in a Markdown export (and back
//! when an export is read in again), so the document's outline stays the board's: the board `#`,
//! a column `##`, a card `###`, and what the notes head within the card below that. Found by a
//! CommonMark parser, so a `#` in a code block or code span stays as written, and only the
//! headings' markers change: the rest of the notes is kept byte for byte.

use pulldown_cmark::{Event, Parser, Tag};

use crate::model::notes_markdown_options;

/// `notes` with its headings below a card's `###`: a note's `##` (a part of the card) becomes
/// `####`, `###` becomes `#####`, and deeper ones `######`, the deepest there is; a `#` becomes
/// `####` too, as it can't stand beside the card. A setext heading (underlined with `===` or
/// `---`) is written as an ATX one (`#### Title`), as those go no deeper than `##`.
pub fn headings_below_card(notes: &str) -> String {
    relevel(notes, |level| (level + 2).clamp(4, 6))
}

/// The reverse of [`headings_below_card`], for notes read back from an export: `####` becomes
/// `##`, `#####` `###` and `######` `####`. Notes whose headings were `##` to `####` come back as
/// written; a `#` comes back as `##`, and a `#####` or `######` as `####`.
pub fn headings_from_below_card(notes: &str) -> String {
    relevel(notes, |level| if level >= 4 { level - 2 } else { level })
}

/// `markdown` with each heading of level `n` (1 to 6) made level `new_level(n)`.
fn relevel(markdown: &str, new_level: impl Fn(usize) -> usize) -> String {
    if !may_hold_a_heading(markdown) {
        // Most notes: no need to parse them (an export parses every card's).
        return markdown.to_owned();
    }
    let mut changed = String::with_capacity(markdown.len() + 16);
    let mut copied = 0;
    for (event, range) in Parser::new_ext(markdown, notes_markdown_options()).into_offset_iter() {
        let Event::Start(Tag::Heading { level, .. }) = event else {
            continue;
        };
        let level = level as usize;
        let wanted = new_level(level);
        let Some(source) = markdown.get(range.clone()) else {
            continue;
        };
        if wanted == level || range.start < copied {
            continue;
        }
        let (replaced, with) = if is_setext(source) {
            setext_as_atx(source, wanted)
        } else {
            let marker = atx_marker(source);
            if marker.is_empty() {
                continue;
            }
            (marker, "#".repeat(wanted))
        };
        changed.push_str(markdown.get(copied..range.start + replaced.start).unwrap_or_default());
        changed.push_str(&with);
        copied = range.start + replaced.end;
    }
    changed.push_str(markdown.get(copied..).unwrap_or_default());
    changed
}

/// Whether `markdown` has a `#` (every ATX heading has) or a line that could underline a setext
/// heading: only `=`s or only `-`s after any indentation and quote marks.
fn may_hold_a_heading(markdown: &str) -> bool {
    markdown.contains('#')
        || markdown.lines().any(|line| {
            let marks = line
                .trim_start_matches(|c: char| c.is_whitespace() || c == '>')
                .trim_end();
            !marks.is_empty() && (marks.bytes().all(|byte| byte == b'=') || marks.bytes().all(|byte| byte == b'-'))
        })
}

/// Whether a heading's `source` is a setext one: two lines or more, its text and its underline
/// (an ATX heading is one line).
fn is_setext(source: &str) -> bool {
    source.trim_end_matches(['\n', '\r']).contains(['\n', '\r'])
}

/// Where the `#` run that opens an ATX heading is in its `source`.
fn atx_marker(source: &str) -> std::ops::Range<usize> {
    let start = source.len() - source.trim_start_matches([' ', '\t']).len();
    let run = source
        .get(start..)
        .map_or(0, |rest| rest.bytes().take_while(|byte| *byte == b'#').count());
    start..start + run
}

/// What replaces a setext heading's `source` (its text lines and underline): its text on one line
/// after `level` `#`s.
fn setext_as_atx(source: &str, level: usize) -> (std::ops::Range<usize>, String) {
    let source = source.trim_end_matches(['\n', '\r']);
    // The underline is the last line; the lines before it hold the text.
    let text_end = source.rfind(['\n', '\r']).unwrap_or(0);
    let text = source.get(..text_end).unwrap_or_default();
    let lines: Vec<&str> = text
        .lines()
        .enumerate()
        .map(|(index, line)| {
            // A later line starts after its container's marks (`> `, a list item's indentation),
            // which can't begin the text of a paragraph's continuation line.
            let line = if index == 0 {
                line
            } else {
                line.trim_start_matches([' ', '\t', '>'])
            };
            without_hard_break(line.trim_end_matches([' ', '\t', '\r']))
        })
        .collect();
    let mut atx = format!("{} {}", "#".repeat(level), lines.join(" "));
    if atx.ends_with('#') {
        // A closing run of its own, so the text's own last `#`s aren't taken for one.
        atx.push_str(" #");
    }
    (0..source.len(), atx)
}

/// `line` without the backslash that ends it as a hard line break (an ATX heading is one line).
fn without_hard_break(line: &str) -> &str {
    let backslashes = line.len() - line.trim_end_matches('\\').len();
    if backslashes % 2 == 1 {
        line.get(..line.len() - 1).unwrap_or(line)
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The level and text of each heading a CommonMark parser finds.
    fn headings(markdown: &str) -> Vec<(usize, String)> {
        let mut found = Vec::new();
        let mut open: Option<(usize, String)> = None;
        for event in Parser::new_ext(markdown, notes_markdown_options()) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => open = Some((level as usize, String::new())),
                Event::Text(text) | Event::Code(text) => {
                    if let Some((_, heading)) = open.as_mut() {
                        heading.push_str(&text);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some((_, heading)) = open.as_mut() {
                        heading.push(' ');
                    }
                }
                Event::End(pulldown_cmark::TagEnd::Heading(_)) => found.extend(open.take()),
                _ => {}
            }
        }
        found
    }

    #[test]
    fn atx_headings_go_two_levels_down_within_four_to_six_and_nothing_else_changes() {
        let notes = "Intro *text*\n\n# Top\n\n## Part ##\n\ntext\n\n   ### Detail\n#### Deeper\n##### Deepest\n###### Six\n\n\
                     - ## In a list\n\n> ## In a quote\n\n```\n## code\n```\n\n    ## indented code\n\n`## span` #hashtag\n\n####### seven\n";
        let shifted = headings_below_card(notes);
        assert_eq!(
            shifted,
            "Intro *text*\n\n#### Top\n\n#### Part ##\n\ntext\n\n   ##### Detail\n###### Deeper\n###### Deepest\n###### Six\n\n\
             - #### In a list\n\n> #### In a quote\n\n```\n## code\n```\n\n    ## indented code\n\n`## span` #hashtag\n\n####### seven\n"
        );
        assert!(headings(&shifted).iter().all(|(level, _)| *level >= 4), "{shifted}");
    }

    #[test]
    fn setext_headings_become_atx_with_the_same_text() {
        let notes =
            "Title\n=====\n\nTwo\nlines  \n---\nafter\n\n> Quoted\n> still\n> ===\n\nHard\\\nbreak\n---\n\nC #\n---\n";
        let shifted = headings_below_card(notes);
        assert_eq!(
            shifted,
            "#### Title\n\n#### Two lines\nafter\n\n> #### Quoted still\n\n#### Hard break\n\n#### C # #\n"
        );
        assert_eq!(
            headings(&shifted),
            [
                (4, "Title".to_owned()),
                (4, "Two lines".to_owned()),
                (4, "Quoted still".to_owned()),
                (4, "Hard break".to_owned()),
                (4, "C #".to_owned()),
            ]
        );
    }

    #[test]
    fn no_heading_is_lost_whatever_whitespace_or_container_it_has() {
        let notes = [
            "#\u{b}vertical tab",
            "##\u{c}form feed\n",
            " \u{b}setext\n===",
            "- item\n\n  Text in\n  the item\n  ---\n",
            "> > Deep\n> > quote\n> > ===",
            "Lazy\n> x\n\n> quote\nlazy\n> ---",
            "#",
            "Ends with \\\\\n===",
            "1. # In an ordered list\n2. Two\n   ---",
            "| a |\n| - |\n| b |\n\n## After a table",
        ];
        for notes in notes {
            let shifted = headings_below_card(notes);
            let texts = |markdown: &str| -> Vec<String> {
                // The white space around a heading's text is not shown.
                headings(markdown)
                    .into_iter()
                    .map(|(_, text)| text.trim().to_owned())
                    .collect()
            };
            assert_eq!(texts(&shifted), texts(notes), "{notes:?} → {shifted:?}");
            assert!(headings(&shifted).iter().all(|(level, _)| *level >= 4), "{shifted:?}");
        }
    }

    #[test]
    fn headings_of_two_to_four_levels_come_back_as_written() {
        let notes = "## Demo\n\ntext\n\n### Questions\n\n#### Asked\n\n```\n#### code\n```";
        let exported = headings_below_card(notes);
        assert_eq!(
            exported,
            "#### Demo\n\ntext\n\n##### Questions\n\n###### Asked\n\n```\n#### code\n```"
        );
        assert_eq!(headings_from_below_card(&exported), notes);
        assert_eq!(headings_from_below_card("# A\n\n## B\n\n### C"), "# A\n\n## B\n\n### C");
    }

    #[test]
    fn text_without_headings_is_unchanged() {
        for notes in [
            "",
            "plain",
            "#nospace",
            "- a\n\n---",
            "    # code",
            "\\# escaped",
            "<!-- # -->",
        ] {
            assert!(headings(notes).is_empty(), "{notes}");
            assert_eq!(headings_below_card(notes), notes);
        }
    }
}
