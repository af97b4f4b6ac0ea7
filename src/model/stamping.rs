//! Every edit stamps what it changed, field by field, and leaves a tombstone for what it deleted,
//! so two copies of a board can be merged without a common ancestor.

use super::stamps::{CardField, Seen, Tombstones};
use super::{Board, BoardEdit, CardId, Clock, ColumnId, DeviceId, OrderKey, Stamp, ThemeId};

/// What an edit changes, worked out before it is applied (a deletion must know what it deletes).
#[derive(Debug)]
pub(super) enum Effect {
    /// Nothing to stamp: a failed lookup, or new things, which are stamped when made.
    Nothing,
    /// The board's title.
    Title,
    /// One field of a card.
    Card(CardId, CardField),
    /// A card moved: its place and key.
    CardMoved(CardId),
    /// A card deleted, with the changes it held.
    CardDeleted(CardId, Seen),
    /// A column renamed.
    ColumnName(ColumnId),
    /// A column moved.
    ColumnMoved(ColumnId),
    /// A column deleted, with its cards.
    ColumnDeleted(ColumnId, Vec<(CardId, Seen)>),
    /// A theme renamed.
    ThemeName(ThemeId),
    /// A theme's question changed.
    ThemeQuestion(ThemeId),
    /// A theme deleted, with the cards that ticked it.
    ThemeDeleted(ThemeId, Vec<CardId>),
}

impl Effect {
    /// What `edit` will change on `board`.
    pub(super) fn of(edit: &BoardEdit, board: &Board) -> Self {
        let held = |card: CardId| {
            board
                .card(card)
                .map(|card| card.stamps.seen.clone())
                .unwrap_or_default()
        };
        match edit {
            BoardEdit::SetTitle(_) => Self::Title,
            BoardEdit::AddColumn(_)
            | BoardEdit::AddCard(..)
            | BoardEdit::AddImageCards(..)
            | BoardEdit::AddTheme(_)
            | BoardEdit::Batch(_) => Self::Nothing,
            BoardEdit::RenameColumn(column, _) => Self::ColumnName(*column),
            BoardEdit::MoveColumn(column, _) => Self::ColumnMoved(*column),
            BoardEdit::RemoveColumn(column) => Self::ColumnDeleted(
                *column,
                board
                    .column(*column)
                    .map(|column| {
                        column
                            .cards
                            .iter()
                            .map(|card| (card.id, card.stamps.seen.clone()))
                            .collect()
                    })
                    .unwrap_or_default(),
            ),
            BoardEdit::SetCardTitle(card, _) => Self::Card(*card, CardField::Title),
            BoardEdit::SetCardSummary(card, _) => Self::Card(*card, CardField::Summary),
            // The flag goes with the notes: a merge takes both from the same copy.
            BoardEdit::SetCardNotes(card, _)
            | BoardEdit::ToggleNoteTask(card, _)
            | BoardEdit::ClearNotesCheck(card) => Self::Card(*card, CardField::Notes),
            BoardEdit::SetCardTheme(card, ..) => Self::Card(*card, CardField::Themes),
            BoardEdit::AddLink(card) | BoardEdit::SetLink(card, ..) | BoardEdit::RemoveLink(card, _) => {
                Self::Card(*card, CardField::Links)
            }
            BoardEdit::AddImages(card, _)
            | BoardEdit::MoveImage(card, ..)
            | BoardEdit::RemoveImage(card, _)
            | BoardEdit::SetImageCaption(card, ..) => Self::Card(*card, CardField::Images),
            BoardEdit::MoveCard(card, ..) => Self::CardMoved(*card),
            BoardEdit::DeleteCard(card) => Self::CardDeleted(*card, held(*card)),
            BoardEdit::RenameTheme(theme, _) => Self::ThemeName(*theme),
            BoardEdit::SetThemeQuestion(theme, _) => Self::ThemeQuestion(*theme),
            BoardEdit::DeleteTheme(theme) => {
                Self::ThemeDeleted(*theme, board.cards_with_theme(*theme).map(|card| card.id).collect())
            }
        }
    }
}

impl Board {
    /// Stamps what an applied edit changed.
    pub(super) fn stamp(&mut self, effect: Effect) {
        if matches!(effect, Effect::Nothing) {
            return;
        }
        let stamp = self.clock.tick();
        match effect {
            Effect::Nothing => {}
            Effect::Title => self.title_stamp = stamp,
            Effect::Card(card, field) => self.stamp_card(card, field, stamp),
            Effect::CardMoved(card) => {
                self.stamp_card(card, CardField::Place, stamp);
                self.rekey_card(card);
            }
            Effect::CardDeleted(card, seen) => {
                self.tombstones.cards.insert(card, (stamp, seen));
            }
            Effect::ColumnName(column) => {
                if let Ok(column) = self.column_mut(column) {
                    column.stamps.name = stamp;
                }
            }
            Effect::ColumnMoved(column) => {
                if let Some(index) = self.columns.iter().position(|each| each.id == column) {
                    self.rekey_column(index);
                    if let Some(column) = self.columns.get_mut(index) {
                        column.stamps.place = stamp;
                    }
                }
            }
            Effect::ColumnDeleted(column, cards) => {
                self.tombstones.columns.insert(column, stamp);
                for (card, seen) in cards {
                    self.tombstones.cards.insert(card, (stamp, seen));
                }
            }
            Effect::ThemeName(theme) => {
                if let Ok(theme) = self.theme_mut(theme) {
                    theme.stamps.name = stamp;
                }
            }
            Effect::ThemeQuestion(theme) => {
                if let Ok(theme) = self.theme_mut(theme) {
                    theme.stamps.question = stamp;
                }
            }
            Effect::ThemeDeleted(theme, ticked) => {
                self.tombstones.themes.insert(theme, stamp);
                for card in ticked {
                    self.stamp_card(card, CardField::Themes, stamp);
                }
            }
        }
    }

    /// Stamps one field of a card, if the card is there.
    pub(super) fn stamp_card(&mut self, card: CardId, field: CardField, stamp: Stamp) {
        if let Ok(card) = self.card_mut(card) {
            card.stamps.set(field, stamp);
        }
    }

    /// Gives a card that was put somewhere a key between its new neighbours'.
    pub(super) fn rekey_card(&mut self, card: CardId) {
        let Some(position) = self.card_position(card) else {
            return;
        };
        if let Ok(column) = self.column_mut(position.column) {
            let key = key_between(&column.cards, position.index, |card| &card.order);
            if let Some(card) = column.cards.get_mut(position.index) {
                card.order = key;
            }
        }
    }

    /// Makes this device the one that stamps the board's next edits, later than every stamp
    /// the board holds (its clock may be behind theirs), and drops tombstones older than
    /// [`TOMBSTONE_DAYS`](super::TOMBSTONE_DAYS).
    pub fn adopt_device(&mut self, device: DeviceId) {
        self.clock = self.clock_after_every_stamp(device);
        let now = self.clock.tick();
        self.tombstones.prune(now);
    }

    /// A clock for `device` that stamps later than everything this board holds.
    pub(super) fn clock_after_every_stamp(&self, device: DeviceId) -> Clock {
        let mut clock = Clock::new(device);
        let newest = self
            .themes
            .iter()
            .flat_map(|theme| [theme.stamps.name, theme.stamps.question, theme.stamps.place])
            .chain(
                self.columns
                    .iter()
                    .flat_map(|column| [column.stamps.name, column.stamps.place]),
            )
            .chain(self.cards().map(|card| card.stamps.newest()))
            .chain(self.tombstones.cards.values().map(|(stamp, _)| *stamp))
            .chain(self.tombstones.columns.values().copied())
            .chain(self.tombstones.themes.values().copied())
            .chain([self.title_stamp])
            .max()
            .unwrap_or_default();
        clock.observe(newest);
        clock
    }

    /// Gives the column at `index` a key between its neighbours'.
    pub(super) fn rekey_column(&mut self, index: usize) {
        let key = key_between(&self.columns, index, |column| &column.order);
        if let Some(column) = self.columns.get_mut(index) {
            column.order = key;
        }
    }

    /// Gives the theme at `index` a key between its neighbours', as a change of its place.
    pub(super) fn rekey_theme(&mut self, index: usize, stamp: Stamp) {
        let key = key_between(&self.themes, index, |theme| &theme.order);
        if let Some(theme) = self.themes.get_mut(index) {
            theme.order = key;
            theme.stamps.place = stamp;
        }
    }

    /// The title's stamp and the tombstones: what a failed batch or undo puts back as they were.
    pub(super) fn stamps_outside_parts(&self) -> (Stamp, Tombstones) {
        (self.title_stamp, self.tombstones.clone())
    }

    /// Puts back what [`Self::stamps_outside_parts`] kept.
    pub(super) fn restore_stamps_outside_parts(&mut self, (title_stamp, tombstones): (Stamp, Tombstones)) {
        self.title_stamp = title_stamp;
        self.tombstones = tombstones;
    }

    /// Gives every theme, column and card whose key does not sort after the one before it a new
    /// one, spreading whole lists that have none (a version 1 file, the sample board).
    pub fn settle_orders(&mut self) {
        settle(&mut self.themes, |theme| &mut theme.order);
        settle(&mut self.columns, |column| &mut column.order);
        for column in &mut self.columns {
            settle(&mut column.cards, |card| &mut card.order);
        }
    }

    /// A new id that nothing on this board has, made from this device's clock: two devices never
    /// make the same one, and nor does one device twice.
    pub(super) fn fresh_id(&mut self, taken: impl Fn(&Self, u64) -> bool) -> u64 {
        loop {
            let stamp = self.clock.tick();
            let mut hasher = blake3::Hasher::new();
            hasher.update(&stamp.hlc.to_le_bytes());
            hasher.update(&stamp.device.0.to_le_bytes());
            let mut bytes = [0; 8];
            bytes.copy_from_slice(hasher.finalize().as_bytes().get(..8).unwrap_or(&[1; 8]));
            let id = u64::from_le_bytes(bytes);
            if id != 0 && !taken(self, id) {
                return id;
            }
        }
    }
}

/// Whether the item at `index` has a key between its neighbours'.
pub(super) fn key_fits<T>(items: &[T], index: usize, key: impl Fn(&T) -> &OrderKey) -> bool {
    let Some(this) = items.get(index).map(&key) else {
        return true;
    };
    let before = index.checked_sub(1).and_then(|before| items.get(before)).map(&key);
    let after = items.get(index + 1).map(&key);
    before.is_none_or(|before| before < this) && after.is_none_or(|after| this < after)
}

/// The key for the item at `index`, between its neighbours' keys.
fn key_between<T>(items: &[T], index: usize, key: impl Fn(&T) -> &OrderKey) -> OrderKey {
    let before = index.checked_sub(1).and_then(|before| items.get(before)).map(&key);
    let after = items.get(index + 1).map(&key);
    OrderKey::between(before, after)
}

/// Keys in list order: a list already in order is left alone, one with no order at all is
/// spread anew, and an item out of place gets a key between its neighbours.
fn settle<T>(items: &mut [T], key: impl Fn(&mut T) -> &mut OrderKey) {
    let mut keys: Vec<OrderKey> = items.iter_mut().map(|item| key(item).clone()).collect();
    if keys.windows(2).all(|pair| pair.first() < pair.last()) {
        return;
    }
    let all_same = keys.windows(2).all(|pair| pair.first() == pair.last());
    if all_same {
        keys = OrderKey::spread(keys.len());
    } else {
        for index in 0..keys.len() {
            let before = index.checked_sub(1).and_then(|before| keys.get(before));
            let fits = keys
                .get(index)
                .is_some_and(|this| before.is_none_or(|before| this > before));
            let next_fits = keys
                .get(index + 1)
                .is_none_or(|next| keys.get(index).is_some_and(|this| this < next));
            if !fits || !next_fits {
                let fresh = OrderKey::between(
                    before,
                    keys.get(index + 1)
                        .filter(|next| before.is_none_or(|before| *next > before)),
                );
                if let Some(slot) = keys.get_mut(index) {
                    *slot = fresh;
                }
            }
        }
    }
    for (item, fresh) in items.iter_mut().zip(keys) {
        *key(item) = fresh;
    }
}
