//! What a merge needs to know about each card, column and theme: when each field that holds one
//! value last changed, which changes it holds, the names of its lines, links, images and ticks,
//! and what was deleted.

use std::collections::BTreeMap;

use super::dots::Seen;
use super::entries::{Entry, Tick};
use super::{Card, CardId, Column, ColumnId, Stamp, Theme, ThemeId};

/// A deleted card's, column's or theme's last content is kept this long after the deletion, so
/// a copy that changed it meanwhile brings the whole of it back; after that only the deletion
/// itself is kept (a few bytes), so an old copy never brings it back unchanged.
pub const TOMBSTONE_DAYS: u64 = 90;

/// When a card's single-valued fields last changed, and what it holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardStamps {
    /// The title.
    pub title: Stamp,
    /// The summary.
    pub summary: Stamp,
    /// The column and the place in it.
    pub place: Stamp,
    /// The changes it holds.
    pub seen: Seen,
    /// The lines of its notes, in order.
    pub lines: Vec<Entry>,
    /// Its links, in order.
    pub links: Vec<Entry>,
    /// Its images, in order.
    pub images: Vec<Entry>,
    /// Its theme ticks, by theme.
    pub ticks: Vec<Tick>,
}

/// A single-valued field of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CardField {
    /// The title.
    Title,
    /// The summary.
    Summary,
    /// The column and the place in it.
    Place,
}

/// When a column's name and place last changed, and what it holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnStamps {
    /// The name.
    pub name: Stamp,
    /// The place among the columns.
    pub place: Stamp,
    /// The changes it holds.
    pub seen: Seen,
}

/// When a theme's name, question and place last changed, and what it holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemeStamps {
    /// The name.
    pub name: Stamp,
    /// The question.
    pub question: Stamp,
    /// The place among the themes.
    pub place: Stamp,
    /// The changes it holds.
    pub seen: Seen,
}

/// Something deleted: when, what it held then, and (for [`TOMBSTONE_DAYS`]) what it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted<T> {
    /// The deletion.
    pub at: Stamp,
    /// The changes it held when deleted: one it did not hold brings it back.
    pub seen: Seen,
    /// Its last content, while a change made elsewhere may still bring it back.
    pub last: Option<T>,
}

/// What was deleted, so a merge can tell "deleted here" from "added there".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tombstones {
    /// Deleted cards, with the column each was in.
    pub cards: BTreeMap<CardId, Deleted<(ColumnId, Card)>>,
    /// Deleted columns (their cards are deleted one by one).
    pub columns: BTreeMap<ColumnId, Deleted<Column>>,
    /// Deleted themes.
    pub themes: BTreeMap<ThemeId, Deleted<Theme>>,
}

impl<T> Deleted<T> {
    /// Whether something holding `seen` stays deleted: when it holds no change the deletion had
    /// not seen.
    pub fn hides(&self, seen: &Seen) -> bool {
        seen.within(&self.seen)
    }

    /// Joins two deletions of one thing.
    pub fn join(&mut self, other: &Self) {
        self.at = self.at.max(other.at);
        self.seen.join(&other.seen);
    }
}

impl Tombstones {
    /// Forgets the content of things deleted more than [`TOMBSTONE_DAYS`] before `now`.
    pub fn prune(&mut self, now: Stamp) {
        let keep_after = now.wall_ms().saturating_sub(TOMBSTONE_DAYS * 24 * 60 * 60 * 1000);
        self.cards
            .values_mut()
            .for_each(|deleted| forget_if_old(deleted, keep_after));
        self.columns
            .values_mut()
            .for_each(|deleted| forget_if_old(deleted, keep_after));
        self.themes
            .values_mut()
            .for_each(|deleted| forget_if_old(deleted, keep_after));
    }
}

fn forget_if_old<T>(deleted: &mut Deleted<T>, keep_after: u64) {
    if deleted.at.wall_ms() < keep_after {
        deleted.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeviceId;

    #[test]
    fn deleted_content_goes_ninety_days_after_the_deletion_and_the_deletion_stays() {
        let day_ms = 24 * 60 * 60 * 1000;
        let at_day = |day: u64| Stamp {
            hlc: (day * day_ms) << 16,
            device: DeviceId(1),
        };
        let deleted = |day| Deleted {
            at: at_day(day),
            seen: Seen::default(),
            last: Some((ColumnId(1), Card::default())),
        };
        let mut tombstones = Tombstones::default();
        tombstones.cards.insert(CardId(1), deleted(100));
        tombstones.cards.insert(CardId(2), deleted(150));
        tombstones.prune(at_day(100 + TOMBSTONE_DAYS));
        assert!(
            tombstones.cards.values().all(|deleted| deleted.last.is_some()),
            "90 days old: kept"
        );
        tombstones.prune(at_day(101 + TOMBSTONE_DAYS));
        assert_eq!(tombstones.cards.len(), 2, "the deletions stay");
        assert!(tombstones.cards[&CardId(1)].last.is_none());
        assert!(tombstones.cards[&CardId(2)].last.is_some());
    }
}
