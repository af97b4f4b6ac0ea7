//! What a merge needs to know about each card, column and theme: when each of its fields last
//! changed and on which device, which devices' changes a card holds, and what was deleted.

use std::collections::BTreeMap;

use super::{CardId, ColumnId, DeviceId, Stamp, ThemeId};

/// Tombstones are dropped this long after the deletion: copies apart for longer may bring a
/// deleted card back, which loses nothing.
pub const TOMBSTONE_DAYS: u64 = 90;

/// The newest change of each device that a card holds (a version vector): a field of another copy
/// stamped by device `d` at `h` is news to this one when `h` is above `seen[d]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen(pub BTreeMap<DeviceId, u64>);

impl Seen {
    /// Records a change.
    pub fn add(&mut self, stamp: Stamp) {
        let newest = self.0.entry(stamp.device).or_default();
        *newest = (*newest).max(stamp.hlc);
    }

    /// Records every change `other` holds.
    pub fn add_all(&mut self, other: &Self) {
        for (device, newest) in &other.0 {
            self.add(Stamp {
                hlc: *newest,
                device: *device,
            });
        }
    }

    /// Whether the change stamped `stamp` is one this holds (or has replaced).
    pub fn has(&self, stamp: Stamp) -> bool {
        self.0.get(&stamp.device).is_some_and(|newest| *newest >= stamp.hlc)
    }
}

/// When each field of a card last changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardStamps {
    /// The title.
    pub title: Stamp,
    /// The summary.
    pub summary: Stamp,
    /// The notes.
    pub notes: Stamp,
    /// The links, as a list.
    pub links: Stamp,
    /// The theme ticks, as a set.
    pub themes: Stamp,
    /// The images and their captions, as a list.
    pub images: Stamp,
    /// The column and the place in it.
    pub place: Stamp,
    /// The changes of each device the card holds.
    pub seen: Seen,
}

/// A field of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardField {
    /// The title.
    Title,
    /// The summary.
    Summary,
    /// The notes.
    Notes,
    /// The links.
    Links,
    /// The theme ticks.
    Themes,
    /// The images.
    Images,
    /// The column and the place in it.
    Place,
}

impl CardField {
    /// Every field, for a card made or brought back whole.
    pub const ALL: [Self; 7] = [
        Self::Title,
        Self::Summary,
        Self::Notes,
        Self::Links,
        Self::Themes,
        Self::Images,
        Self::Place,
    ];
}

impl CardStamps {
    /// Every field stamped `stamp`: a new card.
    pub fn new(stamp: Stamp) -> Self {
        let mut stamps = Self::default();
        for field in CardField::ALL {
            stamps.set(field, stamp);
        }
        stamps
    }

    /// Stamps one field, and records the change as held.
    pub fn set(&mut self, field: CardField, stamp: Stamp) {
        *match field {
            CardField::Title => &mut self.title,
            CardField::Summary => &mut self.summary,
            CardField::Notes => &mut self.notes,
            CardField::Links => &mut self.links,
            CardField::Themes => &mut self.themes,
            CardField::Images => &mut self.images,
            CardField::Place => &mut self.place,
        } = stamp;
        self.seen.add(stamp);
    }

    /// The newest stamp of any field.
    pub fn newest(&self) -> Stamp {
        [
            self.title,
            self.summary,
            self.notes,
            self.links,
            self.themes,
            self.images,
            self.place,
        ]
        .into_iter()
        .max()
        .unwrap_or_default()
    }
}

/// When a column's name and place last changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnStamps {
    /// The name.
    pub name: Stamp,
    /// The place among the columns.
    pub place: Stamp,
}

/// When a theme's name, question and place last changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ThemeStamps {
    /// The name.
    pub name: Stamp,
    /// The question.
    pub question: Stamp,
    /// The place among the themes.
    pub place: Stamp,
}

/// What was deleted and when, so a merge can tell "deleted here" from "added there".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tombstones {
    /// Deleted cards, with what each held when deleted: a change it did not hold brings it back.
    pub cards: BTreeMap<CardId, (Stamp, Seen)>,
    /// Deleted columns.
    pub columns: BTreeMap<ColumnId, Stamp>,
    /// Deleted themes.
    pub themes: BTreeMap<ThemeId, Stamp>,
}

impl Tombstones {
    /// Drops tombstones older than [`TOMBSTONE_DAYS`] before `now`.
    pub fn prune(&mut self, now: Stamp) {
        let keep_after = now.wall_ms().saturating_sub(TOMBSTONE_DAYS * 24 * 60 * 60 * 1000);
        self.cards.retain(|_, (stamp, _)| stamp.wall_ms() >= keep_after);
        self.columns.retain(|_, stamp| stamp.wall_ms() >= keep_after);
        self.themes.retain(|_, stamp| stamp.wall_ms() >= keep_after);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tombstones_go_ninety_days_after_the_deletion() {
        let day_ms = 24 * 60 * 60 * 1000;
        let at_day = |day: u64| Stamp {
            hlc: (day * day_ms) << 16,
            device: DeviceId(1),
        };
        let mut tombstones = Tombstones::default();
        tombstones.cards.insert(CardId(1), (at_day(100), Seen::default()));
        tombstones.columns.insert(ColumnId(2), at_day(150));
        tombstones.themes.insert(ThemeId(3), at_day(100));
        tombstones.prune(at_day(100 + TOMBSTONE_DAYS));
        assert_eq!(tombstones.cards.len(), 1, "90 days old: kept");
        tombstones.prune(at_day(101 + TOMBSTONE_DAYS));
        assert!(tombstones.cards.is_empty() && tombstones.themes.is_empty());
        assert_eq!(tombstones.columns.len(), 1);
    }
}
