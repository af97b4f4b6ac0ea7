//! Boothboard's own Markdown export read back: `# board`, `## Themes`, a `## column` per column,
//! and per card a `### title`, its summary, links, images, theme ticks and notes, in that order.
//!
//! Read by a CommonMark parser, so a `##` inside a code block is code. Each part of a card is
//! taken only in its place and shape (a summary is one line of escaped text, ticks name the
//! board's themes); whatever follows is the notes, as written.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::plan::{BoardPlan, CardPlan, ColumnPlan, ImagePlan, ThemePlan};
use crate::export::{escape_text, headings_from_below_card};
use crate::i18n::{self, Language};
use crate::model::{Link, MediaName, notes_markdown_options};

/// Whether `heading` is the one of the section that lists the themes, in any language.
fn is_themes_heading(heading: &str) -> bool {
    Language::ALL
        .iter()
        .any(|language| heading == i18n::text_in(*language, "export-themes", &[]))
}

/// Whether `text` starts as an export does: with a `# ` heading.
pub(super) fn looks_like(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| line.starts_with("# "))
}

/// One top-level block: where it is in the text, and its events.
struct Block<'a> {
    range: Range<usize>,
    events: Vec<Event<'a>>,
}

impl Block<'_> {
    fn heading(&self) -> Option<HeadingLevel> {
        match self.events.first() {
            Some(Event::Start(Tag::Heading { level, .. })) => Some(*level),
            _ => None,
        }
    }

    fn starts(&self, wanted: fn(&Tag) -> bool) -> bool {
        matches!(self.events.first(), Some(Event::Start(tag)) if wanted(tag))
    }

    /// The text a reader sees, on one line.
    fn plain_text(&self) -> String {
        plain_text(&self.events)
    }
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(part) | Event::Code(part) => text.push_str(part),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// The top-level blocks of `text`.
fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, notes_markdown_options()).into_offset_iter() {
        match &event {
            Event::Start(_) => {
                if depth == 0 {
                    open = Some(Block {
                        range,
                        events: Vec::new(),
                    });
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ if depth == 0 => {
                blocks.push(Block {
                    range,
                    events: vec![event],
                });
                continue;
            }
            _ => {}
        }
        if let Some(block) = open.as_mut() {
            block.events.push(event);
        }
        if depth == 0
            && let Some(block) = open.take()
        {
            blocks.push(block);
        }
    }
    blocks
}

/// Reads an export back into a plan; images are named, to be read from the media folder beside it.
pub(super) fn parse(text: &str) -> BoardPlan {
    let mut plan = BoardPlan::default();
    // The heading of the themes section, while in it.
    let mut in_themes: Option<String> = None;
    let mut card: Option<(String, Vec<Block>)> = None;
    for block in blocks(text) {
        // Headings of levels 4 to 6 are a card's notes' own: an export puts them below the card's.
        let level = block.heading().filter(|level| *level <= HeadingLevel::H3);
        if level.is_some()
            && let Some((title, body)) = card.take()
        {
            let made = card_from(title, &body, text, &plan.themes);
            push_card(&mut plan, made);
        }
        match level {
            Some(HeadingLevel::H1) if plan.title.is_none() => plan.title = Some(block.plain_text()),
            Some(HeadingLevel::H2) => {
                let name = block.plain_text();
                in_themes = (is_themes_heading(&name) && plan.columns.is_empty() && plan.themes.is_empty())
                    .then(|| name.clone());
                if in_themes.is_none() {
                    plan.columns.push(ColumnPlan {
                        name,
                        cards: Vec::new(),
                    });
                }
            }
            Some(HeadingLevel::H3) => {
                if let Some(heading) = in_themes.take() {
                    // Cards under "Themes": it was a column of that name.
                    plan.columns.push(ColumnPlan {
                        name: heading,
                        cards: Vec::new(),
                    });
                }
                card = Some((block.plain_text(), Vec::new()));
            }
            _ => match card.as_mut() {
                Some((_, body)) => body.push(block),
                None if in_themes.is_some() && block.starts(|tag| matches!(tag, Tag::List(_))) => {
                    plan.themes.extend(themes_from(&block));
                }
                // A theme's question, or "No card ticks this theme yet".
                None => {}
            },
        }
    }
    if let Some((title, body)) = card.take() {
        let made = card_from(title, &body, text, &plan.themes);
        push_card(&mut plan, made);
    }
    plan
}

fn push_card(plan: &mut BoardPlan, card: CardPlan) {
    if plan.columns.is_empty() {
        plan.columns.push(ColumnPlan::default());
    }
    if let Some(column) = plan.columns.last_mut() {
        column.cards.push(card);
    }
}

/// `- **Name**: question` items.
fn themes_from(block: &Block) -> Vec<ThemePlan> {
    list_items(&block.events)
        .into_iter()
        .filter_map(|item| {
            let strong_end = item
                .iter()
                .position(|event| matches!(event, Event::End(TagEnd::Strong)))?;
            let name = plain_text(item.get(..strong_end)?);
            let question = plain_text(item.get(strong_end..)?);
            let question = question.strip_prefix(':').unwrap_or(&question).trim().to_owned();
            Some(ThemePlan { name, question })
        })
        .collect()
}

/// The events of each item of the list `events` opens.
fn list_items<'e, 'a>(events: &'e [Event<'a>]) -> Vec<&'e [Event<'a>]> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (index, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Item) => {
                if depth == 0 {
                    start = index + 1;
                }
                depth += 1;
            }
            Event::End(TagEnd::Item) => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let Some(item) = events.get(start..index)
                {
                    items.push(item);
                }
            }
            _ => {}
        }
    }
    items
}

/// A card from the blocks under its heading: summary, links, images and ticks where an export
/// puts them; the rest is the notes.
fn card_from(title: String, body: &[Block], text: &str, themes: &[ThemePlan]) -> CardPlan {
    let mut card = CardPlan {
        title,
        ..CardPlan::default()
    };
    let mut rest = body;
    if let Some((first, after)) = rest.split_first()
        && let Some(summary) = summary_of(first, text)
    {
        card.summary = summary;
        rest = after;
    }
    if let Some((first, after)) = rest.split_first()
        && source(first, text).starts_with("* ")
        && let Some(links) = links_of(first)
    {
        card.links = links;
        rest = after;
    }
    while let Some((first, after)) = rest.split_first()
        && let Some(image) = image_of(first)
    {
        card.images.push(image);
        rest = after;
    }
    if let Some((first, after)) = rest.split_first()
        && source(first, text).starts_with("- [")
        && let Some(ticked) = ticks_of(first, themes)
    {
        card.themes = ticked;
        rest = after;
    }
    if let Some((first, after)) = rest.split_first()
        && source(first, text).trim() == "<!-- -->"
    {
        rest = after;
    }
    if let (Some(first), Some(last)) = (rest.first(), rest.last()) {
        // From the start of its line: an indented code block's range begins after its indentation.
        let before = text.get(..first.range.start).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let start = if before.get(line_start..).is_some_and(|indent| indent.trim().is_empty()) {
            line_start
        } else {
            first.range.start
        };
        // The export put the notes' headings below the card's `###`: back to where they were.
        card.notes = headings_from_below_card(text.get(start..last.range.end).unwrap_or_default().trim_end());
    }
    card
}

fn source<'t>(block: &Block, text: &'t str) -> &'t str {
    text.get(block.range.clone()).unwrap_or_default()
}

/// A summary: one paragraph of one line that is escaped plain text.
fn summary_of(block: &Block, text: &str) -> Option<String> {
    let written = source(block, text).trim();
    let is_line = block.starts(|tag| matches!(tag, Tag::Paragraph)) && !written.contains('\n');
    let summary = block.plain_text();
    (is_line && escape_text(&summary) == written).then_some(summary)
}

/// Links: a `*` list whose items are each one link, or the plain text of one that may not be opened
/// (left out).
fn links_of(block: &Block) -> Option<Vec<Link>> {
    let mut links = Vec::new();
    for item in list_items(&block.events) {
        let start = item
            .iter()
            .position(|event| matches!(event, Event::Start(Tag::Link { .. })));
        let Some(start) = start else {
            continue;
        };
        let Some(Event::Start(Tag::Link { dest_url, .. })) = item.get(start) else {
            continue;
        };
        let end = item
            .iter()
            .position(|event| matches!(event, Event::End(TagEnd::Link)))?;
        let label = plain_text(item.get(start..end)?);
        links.push(Link {
            label: if label == dest_url.as_ref() {
                String::new()
            } else {
                label
            },
            url: dest_url.to_string(),
        });
    }
    Some(links)
}

/// An image the export copied: a paragraph of one `![caption](folder/file)`, relative to the file.
fn image_of(block: &Block) -> Option<ImagePlan> {
    let [
        Event::Start(Tag::Paragraph),
        Event::Start(Tag::Image { dest_url, .. }),
        caption @ ..,
    ] = block.events.as_slice()
    else {
        return None;
    };
    let [caption @ .., Event::End(TagEnd::Image), Event::End(TagEnd::Paragraph)] = caption else {
        return None;
    };
    let target = percent_decode(dest_url)?;
    let (folder, file) = target.split_once('/')?;
    let plain_folder = !folder.is_empty() && folder != "." && folder != ".." && !folder.contains(['/', '\\']);
    let file = MediaName::new(file).ok()?;
    plain_folder.then(|| ImagePlan {
        folder: folder.to_owned(),
        file,
        caption: plain_text(caption),
    })
}

/// Theme ticks: a task list naming each of the board's themes.
fn ticks_of(block: &Block, themes: &[ThemePlan]) -> Option<Vec<String>> {
    let items = list_items(&block.events);
    if themes.is_empty() || items.len() != themes.len() {
        return None;
    }
    let mut ticked = Vec::new();
    for (item, theme) in items.into_iter().zip(themes) {
        let Some(Event::TaskListMarker(done)) = item.iter().find(|event| !matches!(event, Event::Start(_))) else {
            return None;
        };
        if plain_text(item).trim() != theme.name {
            return None;
        }
        if *done {
            ticked.push(theme.name.clone());
        }
    }
    Some(ticked)
}

/// `%20` and the like decoded; `None` when the result is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|digits| std::str::from_utf8(digits).ok())
            .and_then(|digits| u8::from_str_radix(digits, 16).ok());
        match (byte, hex) {
            (b'%', Some(value)) => {
                decoded.push(value);
                index += 3;
            }
            _ => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(decoded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_is_read_back_part_by_part() {
        let text = "# Kube\\#Con\n\n## Themes\n\n- **Dev**: Better?\n- **Data**\n\n## Gateways\n\n### Gloo\n\nEnvoy underneath\n\n\
                    * [Repository](https://github.com/solo-io/gloo)\n* Evil: javascript:alert(1)\n\n\
                    ![Gloo architecture](my%20talks.media/0a1b.png)\n\n- [x] Dev\n- [ ] Data\n\n\
                    Built on **Envoy**.\n\n```\n## not a column\n```\n\n### 你好\n\n- [ ] Dev\n- [x] Data\n\n<!-- -->\n\n    code\n";
        assert!(looks_like(text));
        let plan = parse(text);
        assert_eq!(plan.title.as_deref(), Some("Kube#Con"));
        assert_eq!(plan.themes.len(), 2);
        assert_eq!(plan.themes[0].question, "Better?");
        assert_eq!(plan.columns.len(), 1);
        let [gloo, nihao] = plan.columns[0].cards.as_slice() else {
            panic!("{:?}", plan.columns);
        };
        assert_eq!(gloo.summary, "Envoy underneath");
        assert_eq!(gloo.links.len(), 1);
        assert_eq!(gloo.images[0].folder, "my talks.media");
        assert_eq!(gloo.images[0].caption, "Gloo architecture");
        assert_eq!(gloo.themes, ["Dev"]);
        assert_eq!(gloo.notes, "Built on **Envoy**.\n\n```\n## not a column\n```");
        assert_eq!(nihao.title, "你好");
        assert_eq!(nihao.themes, ["Data"]);
        assert_eq!(nihao.notes, "    code");
    }

    #[test]
    fn headings_below_a_card_are_its_notes_moved_back_up() {
        let plan = parse("# B\n\n## C\n\n### Card\n\n#### Part\n\ntext\n\n###### Deep\n\n### Next\n");
        let [card, next] = plan.columns[0].cards.as_slice() else {
            panic!("{:?}", plan.columns);
        };
        assert_eq!(card.notes, "## Part\n\ntext\n\n#### Deep");
        assert_eq!(next.title, "Next");
    }

    #[test]
    fn notes_that_are_not_a_summary_stay_notes() {
        let plan = parse("# B\n\n## C\n\n### Card\n\nSome *notes*\n");
        assert_eq!(plan.columns[0].cards[0].summary, "");
        assert_eq!(plan.columns[0].cards[0].notes, "Some *notes*");
        let plan = parse("# B\n\n## C\n\n### Card\n\n![x](../etc/passwd.png)\n");
        assert!(plan.columns[0].cards[0].images.is_empty());
    }
}
