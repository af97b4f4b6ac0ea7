//! Undo and redo are changes too: what they put back is stamped anew where it differs from what
//! it replaced, and what they take away leaves a tombstone, so a merge with a copy that saw the
//! step keeps the undo.

use std::collections::BTreeSet;

use super::stamping::key_fits;
use super::stamps::CardField;
use super::{Board, Card, CardId, CardPosition, Column, ColumnId, Theme, ThemeId};

impl Board {
    /// Stamps a card that undo or redo just made as it was, against `replaced`: the card and its
    /// place before (`None` where it did not exist).
    pub(super) fn restamp_card(&mut self, id: CardId, replaced: Option<(&Card, CardPosition)>) {
        let stamp = self.clock.tick();
        let now = self.card(id).cloned().zip(self.card_position(id));
        match (replaced, now) {
            (None, None) => {}
            (Some((was, _)), None) => {
                let mut seen = was.stamps.seen.clone();
                seen.add(stamp);
                self.tombstones.cards.insert(id, (stamp, seen));
            }
            (replaced, Some((card, position))) => {
                let mut changed: Vec<CardField> = match replaced {
                    None => CardField::ALL.to_vec(),
                    Some((was, was_at)) => changed_card_fields(was, was_at, &card, position),
                };
                let fits = self
                    .column(position.column)
                    .is_some_and(|column| key_fits(&column.cards, position.index, |card| &card.order));
                if !fits && !changed.contains(&CardField::Place) {
                    changed.push(CardField::Place);
                }
                self.tombstones.cards.remove(&id);
                if let Ok(card) = self.card_mut(id) {
                    if let Some((was, _)) = replaced {
                        card.stamps.seen.add_all(&was.stamps.seen);
                    }
                    for field in &changed {
                        card.stamps.set(*field, stamp);
                    }
                }
                if changed.contains(&CardField::Place) {
                    self.rekey_card(id);
                }
            }
        }
    }

    /// Stamps a column that undo or redo just made as it was, against `replaced`.
    pub(super) fn restamp_column(&mut self, id: ColumnId, replaced: Option<(&Column, usize)>) {
        let stamp = self.clock.tick();
        let index = self.columns.iter().position(|column| column.id == id);
        match (replaced, index) {
            (None, None) => {}
            (Some((was, _)), None) => {
                self.tombstones.columns.insert(id, stamp);
                for card in &was.cards {
                    self.tombstones.cards.insert(card.id, (stamp, card.stamps.seen.clone()));
                }
            }
            (replaced, Some(index)) => {
                self.tombstones.columns.remove(&id);
                let (renamed, moved) = match replaced {
                    None => (true, true),
                    Some((was, was_at)) => (
                        self.columns.get(index).is_some_and(|column| column.name != was.name),
                        was_at != index || !key_fits(&self.columns, index, |column| &column.order),
                    ),
                };
                let came_back: Vec<CardId> = self
                    .columns
                    .get(index)
                    .map(|column| column.cards.iter().map(|card| card.id).collect())
                    .unwrap_or_default();
                let was_there: BTreeSet<CardId> = replaced
                    .map(|(was, _)| was.cards.iter().map(|card| card.id).collect())
                    .unwrap_or_default();
                if let Some(column) = self.columns.get_mut(index) {
                    if renamed {
                        column.stamps.name = stamp;
                    }
                    if moved {
                        column.stamps.place = stamp;
                    }
                }
                if moved {
                    self.rekey_column(index);
                }
                // Cards brought back with their column are changes the deleting copy has not seen.
                for card in came_back.into_iter().filter(|card| !was_there.contains(card)) {
                    self.tombstones.cards.remove(&card);
                    for field in CardField::ALL {
                        self.stamp_card(card, field, stamp);
                    }
                }
            }
        }
    }

    /// Stamps a theme that undo or redo just made as it was, against `replaced` and the cards
    /// that ticked it before.
    pub(super) fn restamp_theme(&mut self, id: ThemeId, replaced: Option<&Theme>, ticked_before: &BTreeSet<CardId>) {
        let stamp = self.clock.tick();
        let now = self.theme(id).cloned();
        match (replaced, &now) {
            (Some(_), None) => {
                self.tombstones.themes.insert(id, stamp);
            }
            (_, Some(theme)) => {
                self.tombstones.themes.remove(&id);
                if let Ok(restored) = self.theme_mut(id) {
                    if replaced.is_none_or(|was| was.name != theme.name) {
                        restored.stamps.name = stamp;
                    }
                    if replaced.is_none_or(|was| was.question != theme.question) {
                        restored.stamps.question = stamp;
                    }
                    if replaced.is_none() {
                        restored.stamps.place = stamp;
                    }
                }
                if let Some(index) = self.themes.iter().position(|theme| theme.id == id)
                    && !key_fits(&self.themes, index, |theme| &theme.order)
                {
                    self.rekey_theme(index, stamp);
                }
            }
            (None, None) => {}
        }
        let ticked_now: BTreeSet<CardId> = self.cards_with_theme(id).map(|card| card.id).collect();
        for card in ticked_now.symmetric_difference(ticked_before) {
            self.stamp_card(*card, CardField::Themes, stamp);
        }
    }

    /// Stamps the title if undo or redo changed it.
    pub(super) fn restamp_title(&mut self, replaced: &str) {
        if self.title != replaced {
            self.title_stamp = self.clock.tick();
        }
    }
}

/// The fields of a card that differ between two versions of it.
fn changed_card_fields(was: &Card, was_at: CardPosition, now: &Card, now_at: CardPosition) -> Vec<CardField> {
    [
        (CardField::Title, was.title != now.title),
        (CardField::Summary, was.summary != now.summary),
        (CardField::Notes, was.notes != now.notes),
        (CardField::Links, was.links != now.links),
        (CardField::Themes, was.themes != now.themes),
        (CardField::Images, was.images != now.images),
        (CardField::Place, was_at != now_at),
    ]
    .into_iter()
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect()
}
