//! File version 2: made to be merged. Ids are 64-bit and unique across copies (16 hex digits in a
//! string, which JavaScript tools read exactly); each card, column and theme has an order key and
//! a stamp per field (`hlc@device`, both in hex); a card lists the newest change of each device it
//! holds; deletions leave tombstones. A one-card edit changes only that card's lines.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::v1::{ImageRecord, LinkRecord};
use super::{FORMAT, VERSION};
use crate::model::{
    Board, Card, CardId, CardStamps, Column, ColumnId, ColumnStamps, DeviceId, OrderKey, Seen, Stamp, Theme, ThemeId,
    ThemeStamps, Tombstones,
};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BoardFile {
    format: String,
    version: u32,
    title: String,
    title_changed: StampText,
    #[serde(default)]
    themes: Vec<ThemeRecord>,
    #[serde(default)]
    columns: Vec<ColumnRecord>,
    #[serde(default, skip_serializing_if = "DeletedRecord::is_empty")]
    deleted: DeletedRecord,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeRecord {
    id: Hex,
    order: KeyText,
    name: String,
    #[serde(default)]
    question: String,
    changed: ThemeChanged,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeChanged {
    name: StampText,
    question: StampText,
    place: StampText,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnRecord {
    id: Hex,
    order: KeyText,
    name: String,
    changed: ColumnChanged,
    #[serde(default)]
    cards: Vec<CardRecord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnChanged {
    name: StampText,
    place: StampText,
}

#[derive(Serialize, Deserialize)]
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
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    check_notes: bool,
    changed: CardChanged,
    #[serde(default)]
    seen: SeenRecord,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardChanged {
    title: StampText,
    summary: StampText,
    notes: StampText,
    links: StampText,
    themes: StampText,
    images: StampText,
    place: StampText,
}

/// Device (hex) → its newest change the card holds (hex hlc).
type SeenRecord = BTreeMap<Hex, Hex>;

#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeletedRecord {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    cards: BTreeMap<Hex, DeletedCard>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    columns: BTreeMap<Hex, StampText>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    themes: BTreeMap<Hex, StampText>,
}

impl DeletedRecord {
    fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.columns.is_empty() && self.themes.is_empty()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeletedCard {
    at: StampText,
    #[serde(default)]
    seen: SeenRecord,
}

/// A 64-bit number as 16 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
struct Hex(u64);

impl TryFrom<String> for Hex {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let valid = text.len() == 16 && text.bytes().all(|byte| byte.is_ascii_hexdigit());
        let parsed = valid.then(|| u64::from_str_radix(&text, 16).ok()).flatten();
        parsed.map(Self).ok_or_else(|| format!("{text:?} is not 16 hex digits"))
    }
}

impl From<Hex> for String {
    fn from(hex: Hex) -> Self {
        format!("{:016x}", hex.0)
    }
}

/// A stamp as `hlc@device`, each 16 hex digits.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
struct StampText(Stamp);

impl TryFrom<String> for StampText {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let bad = || format!("{text:?} is not a change stamp (hlc@device, 16 hex digits each)");
        let (hlc, device) = text.split_once('@').ok_or_else(bad)?;
        let hlc = Hex::try_from(hlc.to_owned()).map_err(|_| bad())?;
        let device = Hex::try_from(device.to_owned()).map_err(|_| bad())?;
        Ok(Self(Stamp {
            hlc: hlc.0,
            device: DeviceId(device.0),
        }))
    }
}

impl From<StampText> for String {
    fn from(StampText(stamp): StampText) -> Self {
        format!("{:016x}@{:016x}", stamp.hlc, stamp.device.0)
    }
}

/// An order key, checked when read.
#[derive(Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
struct KeyText(OrderKey);

impl TryFrom<String> for KeyText {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        OrderKey::parse(&text).map(Self).map_err(|error| error.to_string())
    }
}

impl From<KeyText> for String {
    fn from(KeyText(key): KeyText) -> Self {
        key.as_str().to_owned()
    }
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
                .map(|(id, deleted)| (CardId(id.0), (deleted.at.0, seen_from(deleted.seen))))
                .collect(),
            columns: file
                .deleted
                .columns
                .into_iter()
                .map(|(id, at)| (ColumnId(id.0), at.0))
                .collect(),
            themes: file
                .deleted
                .themes
                .into_iter()
                .map(|(id, at)| (ThemeId(id.0), at.0))
                .collect(),
        };
        // Two copies may have given two things the same key: the id breaks the tie above, and
        // settling gives the second its own key.
        board.settle_orders();
        board
    }
}

impl From<&Board> for BoardFile {
    fn from(board: &Board) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            title: board.title.clone(),
            title_changed: StampText(board.title_stamp),
            themes: board.themes.iter().map(ThemeRecord::from).collect(),
            columns: board.columns.iter().map(ColumnRecord::from).collect(),
            deleted: DeletedRecord {
                cards: board
                    .tombstones
                    .cards
                    .iter()
                    .map(|(id, (at, seen))| {
                        let deleted = DeletedCard {
                            at: StampText(*at),
                            seen: seen_record(seen),
                        };
                        (Hex(id.0), deleted)
                    })
                    .collect(),
                columns: board
                    .tombstones
                    .columns
                    .iter()
                    .map(|(id, at)| (Hex(id.0), StampText(*at)))
                    .collect(),
                themes: board
                    .tombstones
                    .themes
                    .iter()
                    .map(|(id, at)| (Hex(id.0), StampText(*at)))
                    .collect(),
            },
        }
    }
}

/// Items in key order, ties broken by id, so every copy shows the same order.
fn sorted<T, K: Ord>(mut items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    items.sort_by_cached_key(key);
    items
}

fn seen_from(record: SeenRecord) -> Seen {
    Seen(
        record
            .into_iter()
            .map(|(device, hlc)| (DeviceId(device.0), hlc.0))
            .collect(),
    )
}

fn seen_record(seen: &Seen) -> SeenRecord {
    seen.0.iter().map(|(device, hlc)| (Hex(device.0), Hex(*hlc))).collect()
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
            },
        }
    }
}

impl From<&Theme> for ThemeRecord {
    fn from(theme: &Theme) -> Self {
        Self {
            id: Hex(theme.id.0),
            order: KeyText(theme.order.clone()),
            name: theme.name.clone(),
            question: theme.question.clone(),
            changed: ThemeChanged {
                name: StampText(theme.stamps.name),
                question: StampText(theme.stamps.question),
                place: StampText(theme.stamps.place),
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
            },
        }
    }
}

impl From<&Column> for ColumnRecord {
    fn from(column: &Column) -> Self {
        Self {
            id: Hex(column.id.0),
            order: KeyText(column.order.clone()),
            name: column.name.clone(),
            changed: ColumnChanged {
                name: StampText(column.stamps.name),
                place: StampText(column.stamps.place),
            },
            cards: column.cards.iter().map(CardRecord::from).collect(),
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
            stamps: CardStamps {
                title: changed.title.0,
                summary: changed.summary.0,
                notes: changed.notes.0,
                links: changed.links.0,
                themes: changed.themes.0,
                images: changed.images.0,
                place: changed.place.0,
                seen: seen_from(record.seen),
            },
            check_notes: record.check_notes,
        }
    }
}

impl From<&Card> for CardRecord {
    fn from(card: &Card) -> Self {
        let stamps = &card.stamps;
        Self {
            id: Hex(card.id.0),
            order: KeyText(card.order.clone()),
            title: card.title.clone(),
            summary: card.summary.clone(),
            links: card.links.iter().map(Into::into).collect(),
            notes: card.notes.clone(),
            themes: card.themes.iter().map(|theme| Hex(theme.0)).collect(),
            images: card.images.iter().map(Into::into).collect(),
            check_notes: card.check_notes,
            changed: CardChanged {
                title: StampText(stamps.title),
                summary: StampText(stamps.summary),
                notes: StampText(stamps.notes),
                links: StampText(stamps.links),
                themes: StampText(stamps.themes),
                images: StampText(stamps.images),
                place: StampText(stamps.place),
            },
            seen: seen_record(&stamps.seen),
        }
    }
}
