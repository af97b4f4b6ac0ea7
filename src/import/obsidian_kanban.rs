//! Obsidian Kanban boards: a Markdown file with `kanban-plugin` in its front matter, a `## lane`
//! per column and a `- [ ] item` per card, its indented lines the card's notes.

use super::plan::{BoardPlan, CardPlan, ColumnPlan};
use crate::export::DONE_THEME;

/// Whether `text` is an Obsidian Kanban board: front matter that names the plugin.
pub(super) fn looks_like(text: &str) -> bool {
    front_matter(text).is_some_and(|(matter, _)| {
        matter
            .lines()
            .any(|line| line.trim_start().starts_with("kanban-plugin:"))
    })
}

/// The front matter and what follows it.
fn front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n'))?;
    let end = rest.find("\n---")?;
    let (matter, after) = rest.split_at(end);
    let after = after.get("\n---".len()..).unwrap_or_default();
    Some((matter, after))
}

/// Where the parser is in the file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Lanes,
    /// After `***`: the archive, counted and left out.
    Archive,
}

/// Reads a board: lanes, items and their continuation lines; the archive is counted, the
/// settings block ignored.
pub(super) fn parse(text: &str) -> BoardPlan {
    let text = text.replace("\r\n", "\n");
    let body = front_matter(&text).map_or(text.as_str(), |(_, body)| body);
    let mut plan = BoardPlan::default();
    let mut part = Part::Lanes;
    let mut item: Option<Item> = None;
    for line in body.lines() {
        if line.starts_with("%% kanban:settings") {
            break;
        }
        if let Some(open) = item.as_mut()
            && (line.trim().is_empty() || line.starts_with([' ', '\t']))
        {
            open.lines.push(unindent(line).to_owned());
            continue;
        }
        if let Some(done) = item.take() {
            finish(&mut plan, part, done);
        }
        let trimmed = line.trim();
        if trimmed == "***" {
            part = Part::Archive;
        } else if let Some(lane) = line.strip_prefix("## ") {
            if part == Part::Lanes {
                plan.columns.push(ColumnPlan {
                    name: lane.trim().to_owned(),
                    cards: Vec::new(),
                });
            }
        } else if let Some((done, first)) = task_item(line) {
            item = Some(Item {
                done,
                lines: first.split("<br>").map(str::to_owned).collect(),
            });
        }
        // Anything else in a lane (its "**Complete**" mark, stray text) is the plugin's own.
    }
    if let Some(done) = item.take() {
        finish(&mut plan, part, done);
    }
    plan
}

/// An item being read: its tick and its lines, the first being the title.
struct Item {
    done: bool,
    lines: Vec<String>,
}

fn finish(plan: &mut BoardPlan, part: Part, item: Item) {
    if part == Part::Archive {
        plan.left_out.archived_cards += 1;
        return;
    }
    let mut lines = item.lines.into_iter();
    let first = lines.next().unwrap_or_default();
    let rest: Vec<String> = lines.collect();
    let notes = rest.join("\n");
    let (title, mut themes) = take_tags(&first);
    themes.extend(tags_in(&notes));
    if item.done {
        themes.push(DONE_THEME.to_owned());
    }
    let card = CardPlan {
        title: if title.is_empty() {
            first.trim().to_owned()
        } else {
            title
        },
        notes: notes.trim_matches('\n').trim_end().to_owned(),
        themes,
        ..CardPlan::default()
    };
    if plan.columns.is_empty() {
        plan.columns.push(ColumnPlan::default());
    }
    if let Some(column) = plan.columns.last_mut() {
        column.cards.push(card);
    }
}

/// `- [ ] text` → (false, text); `- [x] text` → (true, text).
fn task_item(line: &str) -> Option<(bool, &str)> {
    let rest = line.strip_prefix("- [").or_else(|| line.strip_prefix("* ["))?;
    let mut chars = rest.chars();
    let mark = chars.next()?;
    let rest = chars.as_str().strip_prefix(']')?;
    let text = rest.strip_prefix(' ').unwrap_or(rest);
    Some((matches!(mark, 'x' | 'X'), text))
}

/// One level of indentation off a continuation line: a tab, or up to four spaces.
fn unindent(line: &str) -> &str {
    if let Some(rest) = line.strip_prefix('\t') {
        return rest;
    }
    let spaces = line.len() - line.trim_start_matches(' ').len();
    line.get(spaces.min(4)..).unwrap_or_default()
}

/// The title without its `#tags`, and the tags.
fn take_tags(line: &str) -> (String, Vec<String>) {
    let mut words = Vec::new();
    let mut tags = Vec::new();
    for word in line.split_whitespace() {
        match tag(word) {
            Some(tag) => tags.push(tag.to_owned()),
            None => words.push(word),
        }
    }
    (words.join(" "), tags)
}

/// The `#tags` in notes (outside code is not worked out: a tag in code is a theme too).
fn tags_in(notes: &str) -> Vec<String> {
    notes.split_whitespace().filter_map(tag).map(str::to_owned).collect()
}

/// `#tag` → `tag`: letters, digits, `_`, `-` and `/`, not only digits (as Obsidian has them).
fn tag(word: &str) -> Option<&str> {
    let name = word.strip_prefix('#')?;
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'))
        && !name.chars().all(|c| c.is_ascii_digit());
    valid.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_items_notes_tags_and_the_archive() {
        let text = "---\n\nkanban-plugin: basic\n\n---\n\n## 🚀 To see\n\n- [ ] TiDB #database\n\tHTAP on TiKV\n\n\tsecond paragraph\n- [x] Gloo<br>on Envoy\n\n## 完了 [[Notes]]\n\n**Complete**\n- [ ] 你好\n\n***\n\n## Archive\n\n- [x] Old\n\n%% kanban:settings\n```\n{\"kanban-plugin\":\"basic\"}\n```\n%%\n";
        assert!(looks_like(text));
        let plan = parse(text);
        let names: Vec<&str> = plan.columns.iter().map(|column| column.name.as_str()).collect();
        assert_eq!(names, ["🚀 To see", "完了 [[Notes]]"]);
        let tidb = &plan.columns[0].cards[0];
        assert_eq!(tidb.title, "TiDB");
        assert_eq!(tidb.notes, "HTAP on TiKV\n\nsecond paragraph");
        assert_eq!(tidb.themes, ["database"]);
        let gloo = &plan.columns[0].cards[1];
        assert_eq!((gloo.title.as_str(), gloo.notes.as_str()), ("Gloo", "on Envoy"));
        assert_eq!(gloo.themes, [DONE_THEME]);
        assert_eq!(plan.columns[1].cards.len(), 1);
        assert_eq!(plan.left_out.archived_cards, 1);
    }

    #[test]
    fn indented_lines_that_look_like_the_files_own_marks_are_notes() {
        let text = "---\nkanban-plugin: basic\n---\n## Lane\n- [ ] Card\n\t%% kanban:settings\n\t***\n\t## Archive\n- [ ] Next\n";
        let plan = parse(text);
        let cards = &plan.columns[0].cards;
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].notes, "%% kanban:settings\n***\n## Archive");
        assert_eq!(plan.left_out.archived_cards, 0);
    }

    #[test]
    fn markdown_without_the_plugin_is_not_a_kanban_board() {
        assert!(!looks_like("---\ntitle: x\n---\n## Lane\n- [ ] a\n"));
        assert!(!looks_like("## Lane\n- [ ] a\n"));
    }
}
