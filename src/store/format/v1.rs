//! File version 1: sequential integer ids, no change stamps. Field order here is the order in
//! the file; a field this version does not know refuses the file rather than being dropped.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::FORMAT;
use crate::model::{Board, Card, CardId, Column, ColumnId, ImageRef, Link, MediaName, Theme, ThemeId};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BoardFile {
    format: String,
    version: u32,
    title: String,
    #[serde(default)]
    themes: Vec<ThemeRecord>,
    #[serde(default)]
    columns: Vec<ColumnRecord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeRecord {
    id: u64,
    name: String,
    #[serde(default)]
    question: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnRecord {
    id: u64,
    name: String,
    #[serde(default)]
    cards: Vec<CardRecord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardRecord {
    id: u64,
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    links: Vec<LinkRecord>,
    #[serde(default)]
    notes: String,
    /// A set, so the file order is stable.
    #[serde(default)]
    themes: BTreeSet<u64>,
    #[serde(default)]
    images: Vec<ImageRecord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LinkRecord {
    label: String,
    url: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ImageRecord {
    /// Checked when read: a plain file name inside the media folder.
    file: MediaName,
    #[serde(default)]
    caption: String,
    width: u32,
    height: u32,
}

impl From<BoardFile> for Board {
    fn from(file: BoardFile) -> Self {
        let mut board = Board::new(file.title);
        board.themes = file.themes.into_iter().map(Theme::from).collect();
        board.columns = file.columns.into_iter().map(Column::from).collect();
        board.settle_orders();
        board.name_unnamed_cards();
        board
    }
}

impl From<&Board> for BoardFile {
    fn from(board: &Board) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: 1,
            title: board.title.clone(),
            themes: board.themes.iter().map(ThemeRecord::from).collect(),
            columns: board.columns.iter().map(ColumnRecord::from).collect(),
        }
    }
}

impl From<ThemeRecord> for Theme {
    fn from(record: ThemeRecord) -> Self {
        Self {
            id: ThemeId(record.id),
            name: record.name,
            question: record.question,
            ..Theme::default()
        }
    }
}

impl From<&Theme> for ThemeRecord {
    fn from(theme: &Theme) -> Self {
        Self {
            id: theme.id.0,
            name: theme.name.clone(),
            question: theme.question.clone(),
        }
    }
}

impl From<ColumnRecord> for Column {
    fn from(record: ColumnRecord) -> Self {
        Self {
            id: ColumnId(record.id),
            name: record.name,
            cards: record.cards.into_iter().map(Card::from).collect(),
            ..Column::default()
        }
    }
}

impl From<&Column> for ColumnRecord {
    fn from(column: &Column) -> Self {
        Self {
            id: column.id.0,
            name: column.name.clone(),
            cards: column.cards.iter().map(CardRecord::from).collect(),
        }
    }
}

impl From<CardRecord> for Card {
    fn from(record: CardRecord) -> Self {
        Self {
            id: CardId(record.id),
            title: record.title,
            summary: record.summary,
            links: record.links.into_iter().map(Link::from).collect(),
            notes: record.notes,
            themes: record.themes.into_iter().map(ThemeId).collect(),
            images: record.images.into_iter().map(ImageRef::from).collect(),
            ..Card::default()
        }
    }
}

impl From<&Card> for CardRecord {
    fn from(card: &Card) -> Self {
        Self {
            id: card.id.0,
            title: card.title.clone(),
            summary: card.summary.clone(),
            links: card.links.iter().map(LinkRecord::from).collect(),
            notes: card.notes.clone(),
            themes: card.themes.iter().map(|theme| theme.0).collect(),
            images: card.images.iter().map(ImageRecord::from).collect(),
        }
    }
}

impl From<LinkRecord> for Link {
    fn from(record: LinkRecord) -> Self {
        Self {
            label: record.label,
            url: record.url,
        }
    }
}

impl From<&Link> for LinkRecord {
    fn from(link: &Link) -> Self {
        Self {
            label: link.label.clone(),
            url: link.url.clone(),
        }
    }
}

impl From<ImageRecord> for ImageRef {
    fn from(record: ImageRecord) -> Self {
        Self {
            file: record.file,
            caption: record.caption,
            width: record.width,
            height: record.height,
        }
    }
}

impl From<&ImageRef> for ImageRecord {
    fn from(image: &ImageRef) -> Self {
        Self {
            file: image.file.clone(),
            caption: image.caption.clone(),
            width: image.width,
            height: image.height,
        }
    }
}
