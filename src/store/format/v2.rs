//! File version 2 (read only; version 3 is written): made to be merged. Ids are 64-bit and unique across copies (16 hex digits in a
//! string, which JavaScript tools read exactly); each card, column and theme has an order key and
//! a stamp per field (`hlc@device`, both in hex); a card lists the newest change of each device it
//! holds; deletions leave tombstones. A one-card edit changes only that card's lines.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::fields::{Hex, KeyText, StampText};
use super::v1::{ImageRecord, LinkRecord};
use crate::model::{
    Board, Card, CardId, CardStamps, Column, ColumnId, ColumnStamps, Deleted, DeviceId, Dot, Seen, Stamp, Theme,
    ThemeId, ThemeStamps, Tombstones, name_unnamed,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BoardFile {
    // Checked before this is read.
    #[serde(rename = "format")]
    _format: String,
    #[serde(rename = "version")]
    _version: u32,
    title: String,
    title_changed: StampText,
    #[serde(default)]
    themes: Vec<ThemeRecord>,
    #[serde(default)]
    columns: Vec<ColumnRecord>,
    #[serde(default)]
    deleted: DeletedRecord,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeRecord {
    id: Hex,
    order: KeyText,
    name: String,
    #[serde(default)]
    question: String,
    changed: ThemeChanged,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeChanged {
    name: StampText,
    question: StampText,
    place: StampText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnRecord {
    id: Hex,
    order: KeyText,
    name: String,
    changed: ColumnChanged,
    #[serde(default)]
    cards: Vec<CardRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnChanged {
    name: StampText,
    place: StampText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardRecord {
    id: Hex,
    order: KeyText,
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    links: Vec<LinkRecord>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    themes: BTreeSet<Hex>,
    #[serde(default)]
    images: Vec<ImageRecord>,
    // Read so the file is accepted; version 3 works the flag out from the lines.
    #[serde(default, rename = "check_notes")]
    _check_notes: bool,
    changed: CardChanged,
    #[serde(default)]
    seen: SeenRecord,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardChanged {
    title: StampText,
    summary: StampText,
    #[serde(rename = "notes")]
    _notes: StampText,
    #[serde(rename = "links")]
    _links: StampText,
    #[serde(rename = "themes")]
    _themes: StampText,
    #[serde(rename = "images")]
    _images: StampText,
    place: StampText,
}

/// Device (hex) → its newest change the card holds (hex hlc).
type SeenRecord = BTreeMap<Hex, Hex>;

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeletedRecord {
    #[serde(default)]
    cards: BTreeMap<Hex, DeletedCard>,
    #[serde(default)]
    columns: BTreeMap<Hex, StampText>,
    #[serde(default)]
    themes: BTreeMap<Hex, StampText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeletedCard {
    at: StampText,
    #[serde(default)]
    seen: SeenRecord,
}

impl From<BoardFile> for Board {
    fn from(file: BoardFile) -> Self {
        let mut board = Board::new(file.title);
        board.title_stamp = file.title_changed.0;
        board.themes = sorted(file.themes.into_iter().map(Theme::from).collect(), |theme| {
            (theme.order.clone(), theme.id.0)
        });
        board.columns = sorted(file.columns.into_iter().map(Column::from).collect(), |column| {
            (column.order.clone(), column.id.0)
        });
        board.tombstones = Tombstones {
            cards: file
                .deleted
                .cards
                .into_iter()
                .map(|(id, record)| (CardId(id.0), deleted(record.at.0, seen_from(record.seen))))
                .collect(),
            columns: file
                .deleted
                .columns
                .into_iter()
                .map(|(id, at)| (ColumnId(id.0), deleted(at.0, held(&[at.0]))))
                .collect(),
            themes: file
                .deleted
                .themes
                .into_iter()
                .map(|(id, at)| (ThemeId(id.0), deleted(at.0, held(&[at.0]))))
                .collect(),
        };
        for card in board.columns.iter_mut().flat_map(|column| &mut column.cards) {
            name_unnamed(card);
        }
        board
    }
}

/// Items in key order, ties broken by id, so every copy shows the same order.
fn sorted<T, K: Ord>(mut items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    items.sort_by_cached_key(key);
    items
}

/// A deletion read from version 2, which kept no content.
fn deleted<T>(at: Stamp, seen: Seen) -> Deleted<T> {
    Deleted { at, seen, last: None }
}

fn seen_from(record: SeenRecord) -> Seen {
    Seen {
        devices: record
            .into_iter()
            .map(|(device, hlc)| (DeviceId(device.0), hlc.0))
            .collect(),
        ..Seen::default()
    }
}

/// What a version 2 column or theme held: the changes its stamps name.
fn held(stamps: &[Stamp]) -> Seen {
    let mut seen = Seen::default();
    for stamp in stamps {
        seen.add(Dot {
            counter: stamp.hlc,
            device: stamp.device,
        });
    }
    seen
}

impl From<ThemeRecord> for Theme {
    fn from(record: ThemeRecord) -> Self {
        Self {
            id: ThemeId(record.id.0),
            name: record.name,
            question: record.question,
            order: record.order.0,
            stamps: ThemeStamps {
                name: record.changed.name.0,
                question: record.changed.question.0,
                place: record.changed.place.0,
                seen: held(&[record.changed.name.0, record.changed.question.0, record.changed.place.0]),
            },
        }
    }
}

impl From<ColumnRecord> for Column {
    fn from(record: ColumnRecord) -> Self {
        Self {
            id: ColumnId(record.id.0),
            name: record.name,
            cards: sorted(record.cards.into_iter().map(Card::from).collect(), |card| {
                (card.order.clone(), card.id.0)
            }),
            order: record.order.0,
            stamps: ColumnStamps {
                name: record.changed.name.0,
                place: record.changed.place.0,
                seen: held(&[record.changed.name.0, record.changed.place.0]),
            },
        }
    }
}

impl From<CardRecord> for Card {
    fn from(record: CardRecord) -> Self {
        let changed = record.changed;
        Self {
            id: CardId(record.id.0),
            title: record.title,
            summary: record.summary,
            links: record.links.into_iter().map(Into::into).collect(),
            notes: record.notes,
            themes: record.themes.into_iter().map(|theme| ThemeId(theme.0)).collect(),
            images: record.images.into_iter().map(Into::into).collect(),
            order: record.order.0,
            // Lines, links, images and ticks are named by their content when the board is read.
            stamps: CardStamps {
                title: changed.title.0,
                summary: changed.summary.0,
                place: changed.place.0,
                seen: seen_from(record.seen),
                ..CardStamps::default()
            },
            check_notes: false,
        }
    }
}
