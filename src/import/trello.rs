//! Trello's board export (JSON, from Menu → Print, export and share → Export as JSON): open lists
//! and cards in `pos` order, labels as themes, checklists as task lists, attachments as links.

use crate::tr;
use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Deserialize;

use super::plan::{BoardPlan, CardPlan, ColumnPlan, ThemePlan};
use crate::export::escape_text;
use crate::model::Link;

/// The parts of a Trello export that become the board; the many other fields are ignored.
#[derive(Debug, Deserialize)]
struct Export {
    #[serde(default)]
    name: Option<String>,
    lists: Vec<List>,
    cards: Vec<Card>,
    #[serde(default)]
    labels: Vec<Label>,
    #[serde(default)]
    checklists: Vec<Checklist>,
}

#[derive(Debug, Deserialize)]
struct List {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    closed: bool,
    #[serde(default)]
    pos: f64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Card {
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    desc: Option<String>,
    #[serde(default)]
    closed: bool,
    id_list: String,
    #[serde(default)]
    pos: f64,
    #[serde(default)]
    id_labels: Vec<String>,
    #[serde(default)]
    labels: Option<Vec<Label>>,
    #[serde(default)]
    attachments: Vec<Attachment>,
}

#[derive(Debug, Deserialize)]
struct Label {
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    color: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Checklist {
    #[serde(default)]
    name: String,
    id_card: String,
    #[serde(default)]
    pos: f64,
    #[serde(default)]
    check_items: Vec<CheckItem>,
}

#[derive(Debug, Deserialize)]
struct CheckItem {
    #[serde(default)]
    name: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    pos: f64,
}

#[derive(Debug, Deserialize)]
struct Attachment {
    #[serde(default)]
    name: String,
    #[serde(default)]
    url: Option<String>,
}

/// Whether `text` looks like a Trello export: a JSON object with `lists` and `cards`.
pub(super) fn looks_like(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with('{') && text.contains("\"lists\"") && text.contains("\"cards\"")
}

/// Reads a Trello export; the error says what is wrong and where (line and column).
pub(super) fn parse(text: &str) -> Result<BoardPlan, JsonProblem> {
    if let Some(line) = too_deep(text) {
        return Err(JsonProblem::TooDeep { line });
    }
    let export: Export = serde_json::from_str(text)?;
    let mut plan = BoardPlan {
        title: export.name.filter(|name| !name.trim().is_empty()),
        ..BoardPlan::default()
    };
    let board_labels: HashMap<&str, &Label> = export.labels.iter().map(|label| (label.id.as_str(), label)).collect();
    for label in &export.labels {
        plan.themes.push(ThemePlan {
            name: label_name(label),
            question: String::new(),
        });
    }

    let mut lists: Vec<&List> = export.lists.iter().collect();
    lists.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let mut column_of: HashMap<&str, Option<usize>> = HashMap::new();
    for list in lists {
        if list.closed {
            plan.left_out.archived_columns += 1;
            column_of.insert(&list.id, None);
        } else {
            column_of.insert(&list.id, Some(plan.columns.len()));
            plan.columns.push(ColumnPlan {
                name: list.name.clone(),
                cards: Vec::new(),
            });
        }
    }

    let mut checklists: HashMap<&str, Vec<&Checklist>> = HashMap::new();
    for checklist in &export.checklists {
        checklists.entry(&checklist.id_card).or_default().push(checklist);
    }
    let mut cards: Vec<&Card> = export.cards.iter().collect();
    cards.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    for card in cards {
        let column = match column_of.get(card.id_list.as_str()) {
            Some(Some(column)) if !card.closed => *column,
            Some(_) => {
                plan.left_out.archived_cards += 1;
                continue;
            }
            None => {
                plan.left_out.cards_without_column += 1;
                continue;
            }
        };
        let themes = match &card.labels {
            Some(labels) => labels.iter().map(label_name).collect(),
            None => card
                .id_labels
                .iter()
                .filter_map(|id| board_labels.get(id.as_str()))
                .map(|label| label_name(label))
                .collect(),
        };
        let mut notes = card.desc.clone().unwrap_or_default();
        if let Some(lists) = checklists.get_mut(card.id.as_str()) {
            lists.sort_by(|a, b| a.pos.total_cmp(&b.pos));
            for checklist in lists.iter() {
                append_checklist(&mut notes, checklist);
            }
        }
        let links = card
            .attachments
            .iter()
            .filter_map(|attachment| {
                let url = attachment.url.clone()?;
                Some(Link {
                    label: attachment.name.trim().to_owned(),
                    url,
                })
            })
            .collect();
        if let Some(column) = plan.columns.get_mut(column) {
            column.cards.push(CardPlan {
                title: card.name.clone(),
                notes,
                links,
                themes,
                ..CardPlan::default()
            });
        }
    }
    Ok(plan)
}

/// A label's name, or its colour when it has none.
fn label_name(label: &Label) -> String {
    match (label.name.as_deref().map(str::trim), label.color.as_deref()) {
        (Some(name), _) if !name.is_empty() => name.to_owned(),
        (_, Some(color)) if !color.trim().is_empty() => color.trim().to_owned(),
        _ => String::new(),
    }
}

/// The checklist as a task list under its name, after what the notes already hold.
fn append_checklist(notes: &mut String, checklist: &Checklist) {
    let mut items: Vec<&CheckItem> = checklist.check_items.iter().collect();
    items.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    if !notes.trim().is_empty() {
        *notes = format!("{}\n\n", notes.trim_end());
    }
    // The name is plain text in Trello: escaped, so a `*` in it can't end the bold early.
    let name = escape_text(&checklist.name);
    let _ = writeln!(notes, "**{}**\n", if name.is_empty() { "Checklist" } else { &name });
    for item in items {
        let tick = if item.state == "complete" { 'x' } else { ' ' };
        let _ = writeln!(notes, "- [{tick}] {}", one_line(&item.name));
    }
}

/// Text on one line: runs of whitespace (line breaks too) become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Deeper than any Trello export: a file nested deeper is made to hurt, not to import.
const MAX_DEPTH: usize = 64;

/// The line where `json` first nests deeper than [`MAX_DEPTH`] (strings looked over), if it does.
fn too_deep(json: &str) -> Option<usize> {
    let (mut depth, mut line) = (0usize, 1);
    let (mut in_string, mut escaped) = (false, false);
    for byte in json.bytes() {
        match byte {
            b'\n' => line += 1,
            _ if in_string => match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            },
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(line);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// What is wrong with a Trello export's JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JsonProblem {
    /// The text ends inside a value.
    #[error("{}", tr!("json-cut-off", line = *line, column = *column))]
    CutOff {
        /// Where it ends.
        line: usize,
        /// Where it ends.
        column: usize,
    },
    /// Nested deeper than [`MAX_DEPTH`].
    #[error("{}", tr!("json-too-deep", line = *line, depth = MAX_DEPTH))]
    TooDeep {
        /// Where it goes too deep.
        line: usize,
    },
    /// Not JSON.
    #[error("{}", tr!("json-not-json", line = *line, column = *column, cause = cause))]
    NotJson {
        /// Where.
        line: usize,
        /// Where.
        column: usize,
        /// What the parser found.
        cause: String,
    },
    /// JSON, but a field of the wrong type or a required one missing.
    #[error("{}", tr!("json-wrong-shape", line = *line, column = *column, cause = cause))]
    WrongShape {
        /// Where.
        line: usize,
        /// Where.
        column: usize,
        /// What the parser expected.
        cause: String,
    },
}

impl From<serde_json::Error> for JsonProblem {
    fn from(error: serde_json::Error) -> Self {
        let (line, column) = (error.line(), error.column());
        let text = error.to_string();
        let cause = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(cause, _)| cause)
            .to_owned();
        match error.classify() {
            serde_json::error::Category::Eof => Self::CutOff { line, column },
            serde_json::error::Category::Data => Self::WrongShape { line, column, cause },
            serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
                Self::NotJson { line, column, cause }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_cards_come_in_pos_order_and_closed_ones_are_counted() {
        let plan = parse(
            r#"{"name": "Trip", "labels": [{"id": "l1", "name": "", "color": "green"}],
                "lists": [{"id": "b", "name": "Two", "pos": 2}, {"id": "a", "name": "One", "pos": 1.5},
                          {"id": "c", "name": "Old", "closed": true, "pos": 3}],
                "cards": [{"id": "2", "name": "Second", "idList": "a", "pos": 20, "idLabels": ["l1"]},
                          {"id": "1", "name": "First", "idList": "a", "pos": 10, "desc": "<b>hi</b>"},
                          {"id": "3", "name": "Gone", "idList": "a", "pos": 5, "closed": true},
                          {"id": "4", "name": "In old", "idList": "c", "pos": 1}],
                "checklists": [{"idCard": "1", "name": "To *do*", "checkItems": [
                    {"name": "B", "state": "incomplete", "pos": 2}, {"name": "A", "state": "complete", "pos": 1}]}]}"#,
        )
        .unwrap();
        assert_eq!(plan.title.as_deref(), Some("Trip"));
        let names: Vec<&str> = plan.columns.iter().map(|column| column.name.as_str()).collect();
        assert_eq!(names, ["One", "Two"]);
        let cards = &plan.columns[0].cards;
        assert_eq!(cards[0].title, "First");
        assert_eq!(cards[0].notes, "<b>hi</b>\n\n**To \\*do\\***\n\n- [x] A\n- [ ] B\n");
        assert_eq!(cards[1].themes, ["green"]);
        assert_eq!(plan.left_out.archived_cards, 2);
        assert_eq!(plan.left_out.archived_columns, 1);
    }

    #[test]
    fn bad_json_is_named_by_what_is_wrong() {
        let problem = parse(r#"{"lists": [], "cards": [{"name": "x""#).unwrap_err();
        assert!(matches!(problem, JsonProblem::CutOff { line: 1, .. }), "{problem}");
        assert!(problem.to_string().contains("cut off"), "{problem}");
        let problem = parse(r#"{"lists": 5, "cards": []}"#).unwrap_err().to_string();
        assert!(
            problem.starts_with("not the shape of a Trello export at line 1"),
            "{problem}"
        );
        let deep = format!(
            r#"{{"lists": [], "cards": [], "actions": {}{}}}"#,
            "[".repeat(500),
            "]".repeat(500)
        );
        assert_eq!(parse(&deep).unwrap_err(), JsonProblem::TooDeep { line: 1 });
        let problem = parse(
            r#"{"lists": [], "cards": [], "name": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"[[[[["}"#,
        );
        assert!(problem.is_ok(), "brackets in strings don't count: {problem:?}");
    }
}
