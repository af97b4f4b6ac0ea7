//! File version 3: merges in any order, with nothing typed lost. As version 2 (ids unique across
//! copies, an order key and change stamps per card, column and theme, deletions kept), and:
//! each line of a card's notes, link, image and theme tick is named by the change that wrote it
//! (`names`, one short text per list), so copies merge line by line without a common ancestor;
//! every change is counted per device (`seen`); a stamped value carries a hash of itself, so a
//! change made to the file by hand is found when it is read; and a deleted thing keeps its last
//! content for a while (`deleted`). Text, links and images are written as in version 2, so the
//! file still reads (and diffs) as the board it is.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::fields::{DotReader, DotWriter, HashedStamp, Hex, KeyText, StampText, base62, parse_base62, tick_hash};
use super::v1::{ImageRecord, LinkRecord};
use super::{FORMAT, VERSION};
use crate::model::{
    Board, Card, CardField, CardId, CardStamps, Column, ColumnId, ColumnStamps, Deleted, DeviceId, OrderKey,
    OutsideEdit, Seen, Theme, ThemeId, ThemeStamps, Tick, Tombstones, content_hash, name_changed, name_unnamed,
};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BoardFile {
    format: String,
    version: u32,
    title: String,
    title_changed: HashedStamp,
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
    #[serde(default)]
    seen: SeenRecord,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeChanged {
    name: HashedStamp,
    question: HashedStamp,
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
    seen: SeenRecord,
    #[serde(default)]
    cards: Vec<CardRecord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnChanged {
    name: HashedStamp,
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
    /// Every theme ticked, including ticks of themes deleted since (a merge may bring one back).
    #[serde(default)]
    themes: Vec<Hex>,
    #[serde(default)]
    images: Vec<ImageRecord>,
    changed: CardChanged,
    #[serde(default)]
    seen: SeenRecord,
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    names: Names,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardChanged {
    title: HashedStamp,
    summary: HashedStamp,
    place: HashedStamp,
}

/// The names of a card's lines, links, images and ticks, in the order the card lists them, and
/// the legacy ones removed.
#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Names {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    notes: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    links: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    images: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    themes: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    removed: String,
}

impl Names {
    fn is_empty(&self) -> bool {
        [&self.notes, &self.links, &self.images, &self.themes, &self.removed]
            .iter()
            .all(|text| text.is_empty())
    }
}

/// Device (hex) → its newest change held (hex).
type SeenRecord = BTreeMap<Hex, Hex>;

#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeletedRecord {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    cards: BTreeMap<Hex, DeletedCard>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    columns: BTreeMap<Hex, DeletedColumn>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    themes: BTreeMap<Hex, DeletedTheme>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    column: Option<Hex>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    card: Option<CardRecord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeletedColumn {
    at: StampText,
    #[serde(default)]
    seen: SeenRecord,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    column: Option<ColumnRecord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeletedTheme {
    at: StampText,
    #[serde(default)]
    seen: SeenRecord,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    theme: Option<ThemeRecord>,
}

fn text_hash(text: &str) -> u32 {
    content_hash(text.as_bytes())
}

fn place_hash(column: ColumnId, order: &OrderKey) -> u32 {
    content_hash(format!("{}/{}", String::from(Hex(column.0)), order.as_str()).as_bytes())
}

fn seen_from(record: &SeenRecord, removed: &str) -> Result<Seen, String> {
    let removed_legacy = removed
        .split(' ')
        .filter(|token| !token.is_empty())
        .map(|token| parse_base62(token).ok_or_else(|| format!("{token:?} is not a removed line's name")))
        .collect::<Result<_, _>>()?;
    Ok(Seen {
        devices: record
            .iter()
            .map(|(device, newest)| (DeviceId(device.0), newest.0))
            .collect(),
        removed_legacy,
    })
}

fn seen_record(seen: &Seen) -> SeenRecord {
    seen.devices
        .iter()
        .map(|(device, newest)| (Hex(device.0), Hex(*newest)))
        .collect()
}

/// Reading a file: what was found changed by hand, to be stamped when a device adopts the board.
#[derive(Default)]
struct Outside(Vec<OutsideEdit>);

impl BoardFile {
    /// The board the file holds; `Err` names what is wrong where.
    pub(super) fn into_board(self) -> Result<Board, String> {
        let mut outside = Outside::default();
        let mut board = Board::new(self.title);
        board.title_stamp = self.title_changed.0;
        if self.title_changed.1 != text_hash(&board.title) {
            outside.0.push(OutsideEdit::Title);
        }
        board.themes = self
            .themes
            .into_iter()
            .map(|record| theme_from(record, &mut outside))
            .collect::<Result<_, _>>()?;
        board.themes.sort_by(|a, b| (&a.order, a.id).cmp(&(&b.order, b.id)));
        let live_themes: BTreeSet<ThemeId> = board.themes.iter().map(|theme| theme.id).collect();
        board.columns = self
            .columns
            .into_iter()
            .map(|record| column_from(record, &live_themes, &mut outside))
            .collect::<Result<_, _>>()?;
        board.columns.sort_by(|a, b| (&a.order, a.id).cmp(&(&b.order, b.id)));
        let mut tombstones = Tombstones::default();
        for (id, record) in self.deleted.cards {
            let last = match (record.column, record.card) {
                (Some(column), Some(card)) => Some((
                    ColumnId(column.0),
                    card_from(card, &live_themes, &mut Outside::default())?,
                )),
                _ => None,
            };
            let seen = seen_from(&record.seen, "")?;
            tombstones.cards.insert(
                CardId(id.0),
                Deleted {
                    at: record.at.0,
                    seen,
                    last,
                },
            );
        }
        for (id, record) in self.deleted.columns {
            let last = record
                .column
                .map(|column| column_from(column, &live_themes, &mut Outside::default()))
                .transpose()?;
            let seen = seen_from(&record.seen, "")?;
            tombstones.columns.insert(
                ColumnId(id.0),
                Deleted {
                    at: record.at.0,
                    seen,
                    last,
                },
            );
        }
        for (id, record) in self.deleted.themes {
            let last = record
                .theme
                .map(|theme| theme_from(theme, &mut Outside::default()))
                .transpose()?;
            let seen = seen_from(&record.seen, "")?;
            tombstones.themes.insert(
                ThemeId(id.0),
                Deleted {
                    at: record.at.0,
                    seen,
                    last,
                },
            );
        }
        board.tombstones = tombstones;
        board.outside_edits = outside.0;
        Ok(board)
    }
}

fn theme_from(record: ThemeRecord, outside: &mut Outside) -> Result<Theme, String> {
    let theme = Theme {
        id: ThemeId(record.id.0),
        order: record.order.0,
        stamps: ThemeStamps {
            name: record.changed.name.0,
            question: record.changed.question.0,
            place: record.changed.place.0,
            seen: seen_from(&record.seen, "")?,
        },
        name: record.name,
        question: record.question,
    };
    if record.changed.name.1 != text_hash(&theme.name) || record.changed.question.1 != text_hash(&theme.question) {
        outside.0.push(OutsideEdit::Theme(theme.id));
    }
    Ok(theme)
}

fn column_from(record: ColumnRecord, live_themes: &BTreeSet<ThemeId>, outside: &mut Outside) -> Result<Column, String> {
    let id = ColumnId(record.id.0);
    if record.changed.name.1 != text_hash(&record.name) {
        outside.0.push(OutsideEdit::Column(id));
    }
    let mut cards = Vec::with_capacity(record.cards.len());
    for card in record.cards {
        let place = card.changed.place.1;
        let mut card = card_from(card, live_themes, outside)?;
        if place != place_hash(id, &card.order) {
            mark(outside, card.id, Some(CardField::Place));
        }
        card.themes.retain(|theme| live_themes.contains(theme));
        cards.push(card);
    }
    cards.sort_by(|a, b| (&a.order, a.id).cmp(&(&b.order, b.id)));
    Ok(Column {
        id,
        name: record.name,
        cards,
        order: record.order.0,
        stamps: ColumnStamps {
            name: record.changed.name.0,
            place: record.changed.place.0,
            seen: seen_from(&record.seen, "")?,
        },
    })
}

/// Notes that a card's `field` was changed by hand (an empty list: only its lists).
fn mark(outside: &mut Outside, card: CardId, field: Option<CardField>) {
    let fields = match outside.0.iter_mut().find_map(|edit| match edit {
        OutsideEdit::Card(id, fields) if *id == card => Some(fields),
        _ => None,
    }) {
        Some(fields) => fields,
        None => {
            outside.0.push(OutsideEdit::Card(card, Vec::new()));
            match outside.0.last_mut() {
                Some(OutsideEdit::Card(_, fields)) => fields,
                _ => return,
            }
        }
    };
    if let Some(field) = field
        && !fields.contains(&field)
    {
        fields.push(field);
    }
}

fn card_from(record: CardRecord, _live_themes: &BTreeSet<ThemeId>, outside: &mut Outside) -> Result<Card, String> {
    let id = CardId(record.id.0);
    let seen = seen_from(&record.seen, &record.names.removed)?;
    let devices: Vec<DeviceId> = seen.devices.keys().copied().collect();
    let reader = DotReader { devices: &devices };
    let in_card = |error: String| format!("card {}: {error}", String::from(record.id));
    let lines = reader.entries(&record.names.notes).map_err(in_card)?;
    let links = reader.entries(&record.names.links).map_err(in_card)?;
    let images = reader.entries(&record.names.images).map_err(in_card)?;
    let tick_names = reader.ticks(&record.names.themes).map_err(in_card)?;
    let themes: Vec<ThemeId> = record.themes.iter().map(|theme| ThemeId(theme.0)).collect();
    // Ticks pair with the themes listed by the hash of the theme's id; one without its pair was
    // ticked by hand and is named when the card is.
    let mut unpaired = tick_names;
    let mut ticks = Vec::with_capacity(themes.len());
    for theme in &themes {
        if let Some(index) = unpaired.iter().position(|(_, hash)| *hash == tick_hash(*theme)) {
            let (dot, _) = unpaired.remove(index);
            ticks.push(Tick { theme: *theme, dot });
        }
    }
    let mut card = Card {
        id,
        order: record.order.0,
        stamps: CardStamps {
            title: record.changed.title.0,
            summary: record.changed.summary.0,
            place: record.changed.place.0,
            seen,
            lines,
            links,
            images,
            ticks,
        },
        title: record.title,
        summary: record.summary,
        links: record.links.into_iter().map(Into::into).collect(),
        notes: record.notes,
        themes: themes.into_iter().collect(),
        images: record.images.into_iter().map(Into::into).collect(),
        check_notes: false,
    };
    // Ticks taken off by hand: their names are left over.
    for (dot, _) in unpaired {
        card.stamps.seen.remove(dot);
    }
    if record.changed.title.1 != text_hash(&card.title) {
        mark(outside, id, Some(CardField::Title));
    }
    if record.changed.summary.1 != text_hash(&card.summary) {
        mark(outside, id, Some(CardField::Summary));
    }
    if name_changed(&mut card) {
        mark(outside, id, None);
    }
    Ok(card)
}

impl From<&Board> for BoardFile {
    fn from(board: &Board) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            title: board.title.clone(),
            title_changed: HashedStamp(board.title_stamp, text_hash(&board.title)),
            themes: board.themes.iter().map(theme_record).collect(),
            columns: board.columns.iter().map(column_record).collect(),
            deleted: DeletedRecord {
                cards: board
                    .tombstones
                    .cards
                    .iter()
                    .map(|(id, deleted)| {
                        let record = DeletedCard {
                            at: StampText(deleted.at),
                            seen: seen_record(&deleted.seen),
                            column: deleted.last.as_ref().map(|(column, _)| Hex(column.0)),
                            card: deleted.last.as_ref().map(|(column, card)| card_record(*column, card)),
                        };
                        (Hex(id.0), record)
                    })
                    .collect(),
                columns: board
                    .tombstones
                    .columns
                    .iter()
                    .map(|(id, deleted)| {
                        let record = DeletedColumn {
                            at: StampText(deleted.at),
                            seen: seen_record(&deleted.seen),
                            column: deleted.last.as_ref().map(column_record),
                        };
                        (Hex(id.0), record)
                    })
                    .collect(),
                themes: board
                    .tombstones
                    .themes
                    .iter()
                    .map(|(id, deleted)| {
                        let record = DeletedTheme {
                            at: StampText(deleted.at),
                            seen: seen_record(&deleted.seen),
                            theme: deleted.last.as_ref().map(theme_record),
                        };
                        (Hex(id.0), record)
                    })
                    .collect(),
            },
        }
    }
}

fn theme_record(theme: &Theme) -> ThemeRecord {
    ThemeRecord {
        id: Hex(theme.id.0),
        order: KeyText(theme.order.clone()),
        name: theme.name.clone(),
        question: theme.question.clone(),
        changed: ThemeChanged {
            name: HashedStamp(theme.stamps.name, text_hash(&theme.name)),
            question: HashedStamp(theme.stamps.question, text_hash(&theme.question)),
            place: StampText(theme.stamps.place),
        },
        seen: seen_record(&theme.stamps.seen),
    }
}

fn column_record(column: &Column) -> ColumnRecord {
    ColumnRecord {
        id: Hex(column.id.0),
        order: KeyText(column.order.clone()),
        name: column.name.clone(),
        changed: ColumnChanged {
            name: HashedStamp(column.stamps.name, text_hash(&column.name)),
            place: StampText(column.stamps.place),
        },
        seen: seen_record(&column.stamps.seen),
        cards: column.cards.iter().map(|card| card_record(column.id, card)).collect(),
    }
}

fn card_record(column: ColumnId, card: &Card) -> CardRecord {
    // A card set without an edit (built in code) is named by its content first.
    let card = if card.stamps.lines.len() == crate::model::line_hashes(&card.stamps.lines, &card.notes).len()
        && card.stamps.links.len() == card.links.len()
        && card.stamps.images.len() == card.images.len()
        && card
            .stamps
            .ticks
            .iter()
            .filter(|tick| card.themes.contains(&tick.theme))
            .count()
            == card.themes.len()
    {
        Cow::Borrowed(card)
    } else {
        let mut named = card.clone();
        name_unnamed(&mut named);
        Cow::Owned(named)
    };
    let stamps = &card.stamps;
    let devices: Vec<DeviceId> = stamps.seen.devices.keys().copied().collect();
    let writer = DotWriter { devices: &devices };
    CardRecord {
        id: Hex(card.id.0),
        order: KeyText(card.order.clone()),
        title: card.title.clone(),
        summary: card.summary.clone(),
        links: card.links.iter().map(Into::into).collect(),
        notes: card.notes.clone(),
        themes: stamps.ticks.iter().map(|tick| Hex(tick.theme.0)).collect(),
        images: card.images.iter().map(Into::into).collect(),
        changed: CardChanged {
            title: HashedStamp(stamps.title, text_hash(&card.title)),
            summary: HashedStamp(stamps.summary, text_hash(&card.summary)),
            place: HashedStamp(stamps.place, place_hash(column, &card.order)),
        },
        seen: seen_record(&stamps.seen),
        names: Names {
            notes: writer.entries(&stamps.lines),
            links: writer.entries(&stamps.links),
            images: writer.entries(&stamps.images),
            themes: writer.ticks(&stamps.ticks),
            removed: stamps
                .seen
                .removed_legacy
                .iter()
                .map(|counter| base62(*counter, 1))
                .collect::<Vec<_>>()
                .join(" "),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dot, LEGACY_DEVICE};

    #[test]
    fn removed_legacy_names_read_back() {
        let mut seen = Seen::default();
        seen.remove(Dot {
            counter: u64::MAX - 3,
            device: LEGACY_DEVICE,
        });
        let removed = seen
            .removed_legacy
            .iter()
            .map(|counter| base62(*counter, 1))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(seen_from(&seen_record(&seen), &removed).unwrap(), seen);
    }
}
