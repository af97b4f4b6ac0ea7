//! A JSON Canvas 1.0 file (jsoncanvas.org; Obsidian opens it): a group node per column, a text node
//! per card laid out top to bottom inside it, the card's cover image as a file node beside it, and
//! the themes as coloured nodes of a legend whose colours the cards that tick them take.

use serde::Serialize;

use super::{ExportError, ExportOptions, ExportScope, card_markdown};
use crate::model::{Board, Card, Theme, ThemeId};

const PADDING: i64 = 20;
const GAP: i64 = 80;
const CARD_WIDTH: i64 = 400;
const COVER_WIDTH: i64 = 300;
const THEME_HEIGHT: i64 = 60;
/// The canvas's preset colours: red, orange, yellow, green, cyan, purple.
const PRESET_COLOURS: usize = 6;

/// The whole canvas: its nodes, and no edges.
#[derive(Serialize)]
struct Canvas {
    nodes: Vec<Node>,
    edges: [(); 0],
}

/// A node, with the fields of its type.
#[derive(Serialize)]
struct Node {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    x: i64,
    y: i64,
    width: i64,
    height: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    color: Option<String>,
}

impl Node {
    fn new(id: String, kind: &'static str, (x, y): (i64, i64), (width, height): (i64, i64)) -> Self {
        Self {
            id,
            kind,
            x,
            y,
            width,
            height,
            text: None,
            file: None,
            label: None,
            color: None,
        }
    }
}

/// The canvas for `scope`; cover images are linked as `media_folder/file`, relative to the canvas.
pub fn board_canvas(
    board: &Board,
    scope: &ExportScope,
    media_folder: &str,
    options: &ExportOptions,
) -> Result<String, ExportError> {
    let outline = scope.outline(board)?;
    let mut nodes = legend(&board.themes, options);
    let mut x = 0;
    for (index, section) in outline.sections.iter().enumerate() {
        let has_cover = section.cards.iter().any(|card| !card.images.is_empty());
        let width = PADDING + CARD_WIDTH + PADDING + if has_cover { COVER_WIDTH + PADDING } else { 0 };
        let group_at = nodes.len();
        let mut y = PADDING;
        for card in &section.cards {
            let text = card_text(board, card, media_folder, options);
            let mut card_node = Node::new(
                format!("card-{:016x}", card.id.0),
                "text",
                (x + PADDING, y),
                (CARD_WIDTH, text_height(&text)),
            );
            card_node.color = colour_of(&board.themes, card);
            card_node.text = Some(text);
            let mut row_height = card_node.height;
            nodes.push(card_node);
            if let Some(cover) = card.images.first() {
                let height = cover_height(cover.width, cover.height);
                let mut cover_node = Node::new(
                    format!("cover-{:016x}", card.id.0),
                    "file",
                    (x + PADDING + CARD_WIDTH + PADDING, y),
                    (COVER_WIDTH, height),
                );
                cover_node.file = Some(format!("{media_folder}/{}", cover.file));
                row_height = row_height.max(height);
                nodes.push(cover_node);
            }
            y += row_height + PADDING;
        }
        let mut group = Node::new(format!("column-{index}"), "group", (x, 0), (width, y.max(2 * PADDING)));
        group.label = Some(section.heading_or_untitled(options).into_owned());
        // Groups first, so the cards are drawn over them.
        nodes.insert(group_at, group);
        x += width + GAP;
    }
    let canvas = Canvas { nodes, edges: [] };
    // Plain structs with string keys: serde_json can't fail on them.
    let mut json = serde_json::to_string_pretty(&canvas).unwrap_or_default();
    json.push('\n');
    Ok(json)
}

/// The card's Markdown without its images (the cover is a node of its own), ticks for the themes it ticks.
fn card_text(board: &Board, card: &Card, media_folder: &str, options: &ExportOptions) -> String {
    let ticked: Vec<Theme> = board
        .themes
        .iter()
        .filter(|theme| card.themes.contains(&theme.id))
        .cloned()
        .collect();
    let without_images = Card {
        images: Vec::new(),
        ..card.clone()
    };
    let text = card_markdown(&ticked, &without_images, media_folder, options);
    text.trim_end().to_owned()
}

/// The themes above the board, each a node in its colour.
fn legend(themes: &[Theme], options: &ExportOptions) -> Vec<Node> {
    if themes.is_empty() {
        return Vec::new();
    }
    let count = i64::try_from(themes.len()).unwrap_or(i64::MAX / 1024);
    let height = PADDING + count * (THEME_HEIGHT + PADDING);
    let top = -(height + GAP);
    let mut group = Node::new(
        "themes".to_owned(),
        "group",
        (0, top),
        (CARD_WIDTH + 2 * PADDING, height),
    );
    group.label = Some(options.words("export-themes"));
    let mut nodes = vec![group];
    let mut y = top + PADDING;
    for (index, theme) in themes.iter().enumerate() {
        let mut node = Node::new(
            format!("theme-{index}"),
            "text",
            (PADDING, y),
            (CARD_WIDTH, THEME_HEIGHT),
        );
        let name = super::escape_text(&options.theme_name(theme));
        node.text = Some(match super::escape_text(&theme.question) {
            question if question.is_empty() => format!("**{name}**"),
            question => format!("**{name}**: {question}"),
        });
        node.color = Some(preset(index));
        nodes.push(node);
        y += THEME_HEIGHT + PADDING;
    }
    nodes
}

/// The colour of the first theme (in the board's order) the card ticks.
fn colour_of(themes: &[Theme], card: &Card) -> Option<String> {
    let ticks = |id: &ThemeId| card.themes.contains(id);
    themes.iter().position(|theme| ticks(&theme.id)).map(preset)
}

/// The preset colour of the theme at `index`: "1" to "6", then round again.
fn preset(index: usize) -> String {
    (index % PRESET_COLOURS + 1).to_string()
}

/// About how tall the text shows: a line per 48 characters, more for long notes, within bounds.
fn text_height(text: &str) -> i64 {
    let lines: usize = text.lines().map(|line| line.chars().count().div_ceil(48).max(1)).sum();
    let lines = i64::try_from(lines).unwrap_or(i64::MAX / 1024);
    (2 * PADDING + lines * 24).clamp(80, 1200)
}

/// The cover's height at [`COVER_WIDTH`], keeping its shape, within bounds.
fn cover_height(width: u32, height: u32) -> i64 {
    if width == 0 {
        return COVER_WIDTH;
    }
    (i64::from(height) * COVER_WIDTH / i64::from(width)).clamp(60, 900)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ImageRef, MediaName};

    #[test]
    fn columns_are_groups_holding_their_cards_and_covers() {
        let mut board = Board::new("Test");
        let column = board.columns[0].id;
        let theme = board.add_theme("Developer story", "Better?");
        let card = board.add_card(column, "Gloo").unwrap();
        board.add_card(column, "Rook").unwrap();
        board.set_card_theme(card, theme, true).unwrap();
        board.card_mut(card).unwrap().images.push(ImageRef {
            file: MediaName::new("0a1b.png").unwrap(),
            caption: String::new(),
            width: 1920,
            height: 1080,
        });
        let json = board_canvas(&board, &ExportScope::Board, "my talks.media", &ExportOptions::default()).unwrap();
        let canvas: serde_json::Value = serde_json::from_str(&json).unwrap();
        let nodes = canvas["nodes"].as_array().unwrap();
        let kinds: Vec<&str> = nodes.iter().map(|node| node["type"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["group", "text", "group", "text", "file", "text"]);
        let gloo = &nodes[3];
        assert_eq!(gloo["color"], "1");
        assert!(
            gloo["text"]
                .as_str()
                .unwrap()
                .starts_with("### Gloo\n\n- [x] Developer story")
        );
        assert_eq!(nodes[4]["file"], "my talks.media/0a1b.png");
        assert_eq!(nodes[4]["height"], 168);
        assert!(nodes[5]["y"].as_i64().unwrap() > gloo["y"].as_i64().unwrap() + 168);
        assert_eq!(canvas["edges"], serde_json::json!([]));
    }
}
