//! Copies of a board, edited apart, made one: a merge is the join of what each copy holds, so it
//! gives the same board whichever copy is "ours", in whatever order and grouping copies meet, and
//! merging a copy again changes nothing (`merge(a, merge(b, c)) == merge(merge(a, b), c)`,
//! `merge(a, b) == merge(b, a)`, `merge(a, a) == a`).
//!
//! Single-valued fields take the later stamp; lines of notes, links, images and theme ticks are
//! kept unless the other copy held them and removed them (two copies' versions of one line both
//! stay, and the card asks to check them); a card, column or theme deleted on one copy comes back
//! when the other holds a change the deletion had not seen. What a merge leaves deleted keeps its
//! last content for a while, so a later merge with such a change brings the whole of it back.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::dots::Seen;
use super::entries::{Entry, has_versions, join, join_ticks, line_hashes, note_lines};
use super::stamping::name_unnamed;
use super::stamps::{CardStamps, Deleted, Tombstones};
use super::{Board, Card, CardId, Column, ColumnId, ImageRef, Link, Stamp, Theme, ThemeId};

/// What a merge did that someone should know about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Cards that now hold two copies' versions of a line of their notes, and did not before.
    pub notes_to_check: Vec<CardId>,
    /// Cards one copy deleted while the other changed them: kept.
    pub kept_after_deletion: Vec<CardId>,
    /// Cards only the other copy had.
    pub cards_added: usize,
    /// Cards that were on our copy and that the other copy deleted.
    pub cards_removed: Vec<CardId>,
}

/// Merges two copies of a board: the board holding every change either holds.
pub fn merge(ours: &Board, theirs: &Board) -> (Board, MergeReport) {
    let mut merged = Board::new(String::new());
    merged.columns.clear();
    (merged.title, merged.title_stamp) = later((&ours.title, ours.title_stamp), (&theirs.title, theirs.title_stamp));

    let (themes, theme_deletions) = join_all(
        [ours, theirs].map(|board| {
            let live = board.themes.iter().map(|theme| (theme.id, theme.clone()));
            let buried = buried(&board.tombstones.themes);
            (live.chain(buried).collect::<Vec<_>>(), &board.tombstones.themes)
        }),
        join_themes,
    );
    let (columns, column_deletions) = join_all(
        [ours, theirs].map(|board| {
            let live = board.columns.iter().map(|column| (column.id, head(column)));
            let buried = buried(&board.tombstones.columns);
            (live.chain(buried).collect::<Vec<_>>(), &board.tombstones.columns)
        }),
        join_columns,
    );
    let (cards, card_deletions) = join_all(
        [ours, theirs].map(|board| {
            let live = board.columns.iter().flat_map(|column| {
                column
                    .cards
                    .iter()
                    .map(move |card| (card.id, (column.id, Cow::Borrowed(card))))
            });
            let buried = board.tombstones.cards.iter().filter_map(|(id, deleted)| {
                let (column, card) = deleted.last.as_ref()?;
                Some((*id, (*column, Cow::Borrowed(card))))
            });
            (live.chain(buried).collect::<Vec<_>>(), &board.tombstones.cards)
        }),
        join_cards,
    );

    let mut tombstones = Tombstones::default();
    let mut live_themes: Vec<Theme> = Vec::new();
    for (id, theme) in themes {
        let deletion = theme_deletions.get(&id);
        if deletion.is_none_or(|deleted| !deleted.hides(&theme.stamps.seen)) {
            live_themes.push(theme);
            keep_deletion(&mut tombstones.themes, id, deletion, None);
        } else {
            keep_deletion(&mut tombstones.themes, id, deletion, Some(theme));
        }
    }
    let theme_ids: BTreeSet<ThemeId> = live_themes.iter().map(|theme| theme.id).collect();

    let mut placed: BTreeMap<ColumnId, Vec<Card>> = BTreeMap::new();
    for (id, (column, card)) in cards {
        let mut card = card.into_owned();
        let deletion = card_deletions.get(&id);
        if deletion.is_none_or(|deleted| !deleted.hides(&card.stamps.seen)) {
            card.themes = card
                .stamps
                .ticks
                .iter()
                .map(|tick| tick.theme)
                .filter(|theme| theme_ids.contains(theme))
                .collect();
            placed.entry(column).or_default().push(card);
            keep_deletion(&mut tombstones.cards, id, deletion, None);
        } else {
            keep_deletion(&mut tombstones.cards, id, deletion, Some((column, card)));
        }
    }

    let mut live_columns: Vec<Column> = Vec::new();
    for (id, mut column) in columns {
        let deletion = column_deletions.get(&id);
        let holds_cards = placed.contains_key(&id);
        if holds_cards || deletion.is_none_or(|deleted| !deleted.hides(&column.stamps.seen)) {
            column.cards = placed.remove(&id).unwrap_or_default();
            live_columns.push(column);
            keep_deletion(&mut tombstones.columns, id, deletion, None);
        } else {
            keep_deletion(&mut tombstones.columns, id, deletion, Some(column));
        }
    }
    // Cards whose column neither copy knows (a damaged file): a column of their own, unnamed.
    for (id, cards) in placed {
        live_columns.push(Column {
            id,
            cards,
            ..Column::default()
        });
    }
    for column in &mut live_columns {
        column.cards.sort_by(|a, b| (&a.order, a.id).cmp(&(&b.order, b.id)));
    }
    live_columns.sort_by(|a, b| (&a.order, a.id).cmp(&(&b.order, b.id)));
    live_themes.sort_by(|a, b| (&a.order, a.id).cmp(&(&b.order, b.id)));
    merged.themes = live_themes;
    merged.columns = live_columns;
    merged.tombstones = tombstones;
    merged.clock = merged.clock_after_every_stamp(ours.clock.device());
    let report = report(ours, &merged);
    (merged, report)
}

/// What changed for `ours` in `merged`.
fn report(ours: &Board, merged: &Board) -> MergeReport {
    let ours_cards: BTreeMap<CardId, &Card> = ours.cards().map(|card| (card.id, card)).collect();
    let merged_ids: BTreeSet<CardId> = merged.cards().map(|card| card.id).collect();
    let mut report = MergeReport::default();
    for card in merged.cards() {
        match ours_cards.get(&card.id) {
            None => {
                report.cards_added += 1;
                if ours.tombstones.cards.contains_key(&card.id) {
                    report.kept_after_deletion.push(card.id);
                }
            }
            Some(was) => {
                if card.check_notes && !was.check_notes {
                    report.notes_to_check.push(card.id);
                }
                if merged.tombstones.cards.contains_key(&card.id) && !ours.tombstones.cards.contains_key(&card.id) {
                    report.kept_after_deletion.push(card.id);
                }
            }
        }
    }
    report.cards_removed = ours_cards
        .keys()
        .filter(|id| !merged_ids.contains(id))
        .copied()
        .collect();
    report
}

/// The deleted things of a board whose content is still kept.
fn buried<K: Copy, T: Clone>(deletions: &BTreeMap<K, Deleted<T>>) -> impl Iterator<Item = (K, T)> + '_ {
    deletions
        .iter()
        .filter_map(|(id, deleted)| deleted.last.clone().map(|last| (*id, last)))
}

/// Every thing of both copies by id, those both have joined, and the deletions of both joined.
#[allow(clippy::type_complexity)]
fn join_all<K: Ord + Copy, T: Clone + PartialEq, D: Clone>(
    [(a, a_deleted), (b, b_deleted)]: [(Vec<(K, T)>, &BTreeMap<K, Deleted<D>>); 2],
    both: impl Fn(&T, &T) -> T,
) -> (BTreeMap<K, T>, BTreeMap<K, Deleted<()>>) {
    let mut things: BTreeMap<K, T> = a.into_iter().collect();
    for (id, thing) in b {
        match things.get_mut(&id) {
            Some(mine) if *mine != thing => *mine = both(mine, &thing),
            Some(_) => {}
            None => {
                things.insert(id, thing);
            }
        }
    }
    let mut deletions: BTreeMap<K, Deleted<()>> = BTreeMap::new();
    for (id, deleted) in a_deleted.iter().chain(b_deleted) {
        let bare = Deleted {
            at: deleted.at,
            seen: deleted.seen.clone(),
            last: None,
        };
        match deletions.get_mut(id) {
            Some(earlier) => earlier.join(&bare),
            None => {
                deletions.insert(*id, bare);
            }
        }
    }
    (things, deletions)
}

/// Keeps a joined deletion, with the content when the thing stays deleted.
fn keep_deletion<K: Ord + Copy, T>(
    into: &mut BTreeMap<K, Deleted<T>>,
    id: K,
    deletion: Option<&Deleted<()>>,
    last: Option<T>,
) {
    if let Some(deletion) = deletion {
        into.insert(
            id,
            Deleted {
                at: deletion.at,
                seen: deletion.seen.clone(),
                last,
            },
        );
    }
}

/// A column without its cards.
fn head(column: &Column) -> Column {
    Column {
        id: column.id,
        name: column.name.clone(),
        cards: Vec::new(),
        order: column.order.clone(),
        stamps: column.stamps.clone(),
    }
}

/// The value with the later stamp; equal stamps name one change, so either value will do, and
/// the greater is taken so the result does not depend on the order.
fn later<T: Ord + Clone>((a, a_stamp): (&T, Stamp), (b, b_stamp): (&T, Stamp)) -> (T, Stamp) {
    if (a_stamp, a) >= (b_stamp, b) {
        (a.clone(), a_stamp)
    } else {
        (b.clone(), b_stamp)
    }
}

fn joined_seen(a: &Seen, b: &Seen) -> Seen {
    let mut seen = a.clone();
    seen.join(b);
    seen
}

fn join_themes(a: &Theme, b: &Theme) -> Theme {
    let mut theme = a.clone();
    (theme.name, theme.stamps.name) = later((&a.name, a.stamps.name), (&b.name, b.stamps.name));
    (theme.question, theme.stamps.question) = later((&a.question, a.stamps.question), (&b.question, b.stamps.question));
    (theme.order, theme.stamps.place) = later((&a.order, a.stamps.place), (&b.order, b.stamps.place));
    theme.stamps.seen = joined_seen(&a.stamps.seen, &b.stamps.seen);
    theme
}

fn join_columns(a: &Column, b: &Column) -> Column {
    let mut column = a.clone();
    (column.name, column.stamps.name) = later((&a.name, a.stamps.name), (&b.name, b.stamps.name));
    (column.order, column.stamps.place) = later((&a.order, a.stamps.place), (&b.order, b.stamps.place));
    column.stamps.seen = joined_seen(&a.stamps.seen, &b.stamps.seen);
    column
}

/// One card as two copies hold it, each with its column.
fn join_cards<'a>(
    (a_column, a): &(ColumnId, Cow<'a, Card>),
    (b_column, b): &(ColumnId, Cow<'a, Card>),
) -> (ColumnId, Cow<'a, Card>) {
    let (a, b) = (named(a), named(b));
    let (s, t) = (&a.stamps, &b.stamps);
    let mut card = Card {
        id: a.id,
        ..Card::default()
    };
    let mut stamps = CardStamps {
        seen: joined_seen(&s.seen, &t.seen),
        ..CardStamps::default()
    };
    (card.title, stamps.title) = later((&a.title, s.title), (&b.title, t.title));
    (card.summary, stamps.summary) = later((&a.summary, s.summary), (&b.summary, t.summary));
    let ((column, order), place) = later(
        (&(*a_column, a.order.clone()), s.place),
        (&(*b_column, b.order.clone()), t.place),
    );
    (card.order, stamps.place) = (order, place);

    let lines = |card: &Card| -> Vec<(Entry, String)> {
        let texts = note_lines(&card.notes).into_iter().map(str::to_owned);
        card.stamps.lines.iter().cloned().zip(texts).collect()
    };
    let joined_lines = join(&lines(&a), &s.seen, &lines(&b), &t.seen);
    card.notes = joined_lines
        .iter()
        .map(|(_, line)| line.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    stamps.lines = joined_lines.into_iter().map(|(entry, _)| entry).collect();

    let links = |card: &Card| -> Vec<(Entry, Link)> {
        card.stamps
            .links
            .iter()
            .cloned()
            .zip(card.links.iter().cloned())
            .collect()
    };
    (stamps.links, card.links) = join(&links(&a), &s.seen, &links(&b), &t.seen).into_iter().unzip();

    let images = |card: &Card| -> Vec<(Entry, ImageRef)> {
        card.stamps
            .images
            .iter()
            .cloned()
            .zip(card.images.iter().cloned())
            .collect()
    };
    (stamps.images, card.images) = join(&images(&a), &s.seen, &images(&b), &t.seen).into_iter().unzip();

    stamps.ticks = join_ticks(&s.ticks, &s.seen, &t.ticks, &t.seen);
    card.themes = stamps.ticks.iter().map(|tick| tick.theme).collect();
    card.check_notes = has_versions(&stamps.lines);
    card.stamps = stamps;
    (column, Cow::Owned(card))
}

/// A card with names for all it holds (one built in code may have none yet).
fn named<'a>(card: &'a Card) -> Cow<'a, Card> {
    let lines = line_hashes(&card.stamps.lines, &card.notes).len();
    let ticked = card
        .stamps
        .ticks
        .iter()
        .filter(|tick| card.themes.contains(&tick.theme))
        .count();
    if card.stamps.lines.len() == lines
        && card.stamps.links.len() == card.links.len()
        && card.stamps.images.len() == card.images.len()
        && ticked == card.themes.len()
    {
        Cow::Borrowed(card)
    } else {
        let mut card = card.clone();
        name_unnamed(&mut card);
        Cow::Owned(card)
    }
}
