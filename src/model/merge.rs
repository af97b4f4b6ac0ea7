//! Two copies of a board, edited apart, made one: card by card and field by field, with nothing
//! anyone typed lost. A pure function: the store reads and writes the files around it.
//!
//! The rules (docs/format-v2.md): union of cards, columns and themes by id; each field takes the
//! value with the later stamp, which is the changed one when only one copy changed it; notes both
//! copies changed are merged line by line, both texts kept where the same lines changed, and the
//! card flagged; theme ticks both copies changed are united; a deletion on one side and a change
//! the deleting copy had not seen on the other keeps the card. The result does not depend on which
//! copy is "ours": `merge(a, b) == merge(b, a)`, and `merge(a, a) == a`.

use std::collections::{BTreeMap, BTreeSet};

use super::stamps::{CardStamps, Seen, Tombstones};
use super::{Board, Card, CardId, Column, ColumnId, Stamp, Theme};

/// What a merge did that someone should know about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Cards whose notes both copies changed in the same place: both texts are kept between
    /// markers, and the card says "merged — check the notes".
    pub notes_to_check: Vec<CardId>,
    /// Cards one copy deleted while the other changed them: kept.
    pub kept_after_deletion: Vec<CardId>,
    /// Cards only the other copy had.
    pub cards_added: usize,
}

/// Merges two copies of a board. `base`, when known (git hands it over), is the version both
/// started from; without it, notes are merged against the lines both copies share.
pub fn merge(ours: &Board, theirs: &Board, base: Option<&Board>) -> (Board, MergeReport) {
    let mut report = MergeReport::default();
    let mut merged = Board::new(String::new());
    (merged.title, merged.title_stamp) = later((&ours.title, ours.title_stamp), (&theirs.title, theirs.title_stamp));
    merged.tombstones = union_tombstones(&ours.tombstones, &theirs.tombstones);

    merged.themes = merge_by_id(&ours.themes, &theirs.themes, |theme| theme.id.0, merge_theme)
        .into_iter()
        .filter(|theme| alive(newest_theme_stamp(theme), merged.tombstones.themes.get(&theme.id)))
        .collect();

    let cards = merge_cards(ours, theirs, base, &merged.tombstones, &mut report);
    let card_columns: BTreeSet<ColumnId> = cards.iter().map(|(column, _)| *column).collect();
    let columns = merge_by_id(&ours.columns, &theirs.columns, |column| column.id.0, merge_column);
    merged.columns = columns
        .into_iter()
        .filter(|column| {
            // A column deleted on one side stays while a card kept on the other is in it.
            card_columns.contains(&column.id)
                || alive(
                    column.stamps.name.max(column.stamps.place),
                    merged.tombstones.columns.get(&column.id),
                )
        })
        .map(|mut column| {
            column.cards = Vec::new();
            column
        })
        .collect();
    for (column, card) in cards {
        if let Some(target) = merged.columns.iter_mut().find(|each| each.id == column) {
            target.cards.push(card);
        }
    }
    for column in &mut merged.columns {
        column.cards.sort_by(|a, b| (&a.order, a.id).cmp(&(&b.order, b.id)));
    }
    merged.themes.sort_by(|a, b| (&a.order, a.id).cmp(&(&b.order, b.id)));
    merged.columns.sort_by(|a, b| (&a.order, a.id).cmp(&(&b.order, b.id)));
    merged.settle_orders();

    // What is on the board is not deleted.
    let live_cards: BTreeSet<CardId> = merged.cards().map(|card| card.id).collect();
    merged.tombstones.cards.retain(|id, _| !live_cards.contains(id));
    let live_columns: BTreeSet<ColumnId> = merged.columns.iter().map(|column| column.id).collect();
    merged.tombstones.columns.retain(|id, _| !live_columns.contains(id));
    let themes = merged.themes.iter().map(|theme| theme.id).collect::<BTreeSet<_>>();
    merged.tombstones.themes.retain(|id, _| !themes.contains(id));
    for column in &mut merged.columns {
        for card in &mut column.cards {
            card.themes.retain(|theme| themes.contains(theme));
        }
    }
    // No pruning here: what a merge gives must not depend on when it runs.
    merged.clock = merged.clock_after_every_stamp(ours.clock.device());
    report.notes_to_check.sort_unstable();
    report.kept_after_deletion.sort_unstable();
    (merged, report)
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

/// Items of both lists by id: those in both merged, the others as they are.
fn merge_by_id<T: Clone>(ours: &[T], theirs: &[T], id: impl Fn(&T) -> u64, both: impl Fn(&T, &T) -> T) -> Vec<T> {
    let theirs_by_id: BTreeMap<u64, &T> = theirs.iter().map(|item| (id(item), item)).collect();
    let ours_ids: BTreeSet<u64> = ours.iter().map(&id).collect();
    let mut merged: Vec<T> = ours
        .iter()
        .map(|item| {
            theirs_by_id
                .get(&id(item))
                .map_or_else(|| item.clone(), |other| both(item, other))
        })
        .collect();
    merged.extend(theirs.iter().filter(|item| !ours_ids.contains(&id(item))).cloned());
    merged
}

/// Whether something changed at `newest` survives a tombstone: when it changed after the deletion.
fn alive(newest: Stamp, tombstone: Option<&Stamp>) -> bool {
    tombstone.is_none_or(|deleted| newest > *deleted)
}

fn newest_theme_stamp(theme: &Theme) -> Stamp {
    theme.stamps.name.max(theme.stamps.question).max(theme.stamps.place)
}

fn merge_theme(a: &Theme, b: &Theme) -> Theme {
    let mut theme = a.clone();
    (theme.name, theme.stamps.name) = later((&a.name, a.stamps.name), (&b.name, b.stamps.name));
    (theme.question, theme.stamps.question) = later((&a.question, a.stamps.question), (&b.question, b.stamps.question));
    (theme.order, theme.stamps.place) = later((&a.order, a.stamps.place), (&b.order, b.stamps.place));
    theme
}

fn merge_column(a: &Column, b: &Column) -> Column {
    let mut column = a.clone();
    (column.name, column.stamps.name) = later((&a.name, a.stamps.name), (&b.name, b.stamps.name));
    (column.order, column.stamps.place) = later((&a.order, a.stamps.place), (&b.order, b.stamps.place));
    column
}

fn union_tombstones(a: &Tombstones, b: &Tombstones) -> Tombstones {
    let mut union = a.clone();
    for (id, (stamp, seen)) in &b.cards {
        let entry = union.cards.entry(*id).or_insert_with(|| (*stamp, Seen::default()));
        entry.0 = entry.0.max(*stamp);
        entry.1.add_all(seen);
    }
    for (id, stamp) in &b.columns {
        let entry = union.columns.entry(*id).or_insert(*stamp);
        *entry = (*entry).max(*stamp);
    }
    for (id, stamp) in &b.themes {
        let entry = union.themes.entry(*id).or_insert(*stamp);
        *entry = (*entry).max(*stamp);
    }
    union
}

/// Every card either copy has, merged, with the column each goes in; cards deleted on one side
/// and not changed since on the other are left out.
fn merge_cards(
    ours: &Board,
    theirs: &Board,
    base: Option<&Board>,
    tombstones: &Tombstones,
    report: &mut MergeReport,
) -> Vec<(ColumnId, Card)> {
    let placed = |board: &Board| -> BTreeMap<CardId, (ColumnId, Card)> {
        board
            .columns
            .iter()
            .flat_map(|column| {
                column
                    .cards
                    .iter()
                    .map(move |card| (card.id, (column.id, card.clone())))
            })
            .collect()
    };
    let (ours, theirs) = (placed(ours), placed(theirs));
    let ids: BTreeSet<CardId> = ours.keys().chain(theirs.keys()).copied().collect();
    let mut cards = Vec::with_capacity(ids.len());
    for id in ids {
        let merged = match (ours.get(&id), theirs.get(&id)) {
            (Some(a), Some(b)) => Some(merge_card(a, b, base.and_then(|base| base.card(id)), report)),
            (Some(only), None) | (None, Some(only)) => {
                let kept = match tombstones.cards.get(&id) {
                    None => true,
                    // Kept when it holds a change the deleting copy had not seen.
                    Some((_, seen_when_deleted)) => {
                        let kept = has_unseen_change(&only.1.stamps, seen_when_deleted);
                        if kept {
                            report.kept_after_deletion.push(id);
                        }
                        kept
                    }
                };
                if kept && !tombstones.cards.contains_key(&id) {
                    report.cards_added += usize::from(!ours.contains_key(&id));
                }
                kept.then(|| only.clone())
            }
            (None, None) => None,
        };
        cards.extend(merged);
    }
    cards
}

fn has_unseen_change(stamps: &CardStamps, seen: &Seen) -> bool {
    [
        stamps.title,
        stamps.summary,
        stamps.notes,
        stamps.links,
        stamps.themes,
        stamps.images,
        stamps.place,
    ]
    .into_iter()
    .any(|stamp| stamp != Stamp::default() && !seen.has(stamp))
}

fn merge_card(
    (a_column, a): &(ColumnId, Card),
    (b_column, b): &(ColumnId, Card),
    base: Option<&Card>,
    report: &mut MergeReport,
) -> (ColumnId, Card) {
    let mut card = a.clone();
    let (s, t) = (&a.stamps, &b.stamps);
    (card.title, card.stamps.title) = later((&a.title, s.title), (&b.title, t.title));
    (card.summary, card.stamps.summary) = later((&a.summary, s.summary), (&b.summary, t.summary));
    (card.links, card.stamps.links) = later((&a.links, s.links), (&b.links, t.links));
    (card.images, card.stamps.images) = later((&a.images, s.images), (&b.images, t.images));
    let (a_place, b_place) = ((*a_column, a.order.clone()), (*b_column, b.order.clone()));
    let ((column, order), place_stamp) = later((&a_place, s.place), (&b_place, t.place));
    (card.order, card.stamps.place) = (order, place_stamp);
    // Ticks both copies changed are united, so neither copy's tick is lost.
    if concurrent(s.themes, t.themes, s, t) {
        card.themes = a.themes.union(&b.themes).copied().collect();
        card.stamps.themes = s.themes.max(t.themes);
    } else {
        (card.themes, card.stamps.themes) = later((&a.themes, s.themes), (&b.themes, t.themes));
    }
    // The "check the notes" flag goes with the notes, so clearing it is a change that merges.
    if a.notes == b.notes || !concurrent(s.notes, t.notes, s, t) {
        let (a_notes, b_notes) = ((a.notes.clone(), a.check_notes), (b.notes.clone(), b.check_notes));
        let ((notes, check), stamp) = later((&a_notes, s.notes), (&b_notes, t.notes));
        (card.notes, card.check_notes, card.stamps.notes) = (notes, check, stamp);
    } else {
        let (notes, clean) = merge_notes(a, b, base);
        card.notes = notes;
        card.stamps.notes = s.notes.max(t.notes);
        card.check_notes = !clean || a.check_notes || b.check_notes;
        if !clean {
            report.notes_to_check.push(a.id);
        }
    }
    card.stamps.seen = s.seen.clone();
    card.stamps.seen.add_all(&t.seen);
    (column, card)
}

/// Whether both copies changed a field: each one's stamp is a change the other had not seen.
fn concurrent(a: Stamp, b: Stamp, a_stamps: &CardStamps, b_stamps: &CardStamps) -> bool {
    a != b && !a_stamps.seen.has(b) && !b_stamps.seen.has(a)
}

/// Notes both copies changed, merged line by line: against the base when known, else against
/// the lines both share. Returns the text and whether it merged without overlapping changes.
fn merge_notes(a: &Card, b: &Card, base: Option<&Card>) -> (String, bool) {
    // The older change first, so the result does not depend on which copy is "ours".
    let (first, second) = if (a.stamps.notes, &a.notes) <= (b.stamps.notes, &b.notes) {
        (a, b)
    } else {
        (b, a)
    };
    let ancestor = base.map_or_else(|| shared_lines(&first.notes, &second.notes), |base| base.notes.clone());
    let mut options = diffy::MergeOptions::new();
    options.set_conflict_style(diffy::ConflictStyle::Merge);
    match options.merge(
        &with_newline(&ancestor),
        &with_newline(&first.notes),
        &with_newline(&second.notes),
    ) {
        Ok(text) => (restore_ending(text, first, second), true),
        Err(conflicted) => (restore_ending(mark_conflicts(&conflicted), first, second), false),
    }
}

/// diffy merges whole lines: a text without a final newline gets one for the merge.
fn with_newline(text: &str) -> String {
    if text.is_empty() || text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    }
}

/// Takes the newline added for the merge off again when neither text ended with one.
fn restore_ending(text: String, first: &Card, second: &Card) -> String {
    if first.notes.ends_with('\n') || second.notes.ends_with('\n') {
        text
    } else {
        text.strip_suffix('\n').map(str::to_owned).unwrap_or(text)
    }
}

/// diffy's markers say "ours" and "theirs", which mean nothing to the reader of a card.
fn mark_conflicts(conflicted: &str) -> String {
    conflicted
        .lines()
        .map(|line| match line {
            "<<<<<<< ours" => "<<<<<<< merged: one copy's version",
            "=======" => "======= merged: the other copy's version",
            ">>>>>>> theirs" => ">>>>>>> merged: end",
            line => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The lines two texts share, in order (a longest common subsequence): the base for a merge
/// without a common ancestor, so lines each copy added are both kept. Long notes fall back to
/// no shared lines, which keeps both texts whole.
fn shared_lines(a: &str, b: &str) -> String {
    const MAX_CELLS: usize = 4_000_000;
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    if a.len().saturating_mul(b.len()) > MAX_CELLS {
        return String::new();
    }
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    let width = b.len() + 1;
    let mut lengths = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let value = if a.get(i) == b.get(j) {
                lengths.get(at(i + 1, j + 1)).copied().unwrap_or(0) + 1
            } else {
                let down = lengths.get(at(i + 1, j)).copied().unwrap_or(0);
                let right = lengths.get(at(i, j + 1)).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = lengths.get_mut(at(i, j)) {
                *cell = value;
            }
        }
    }
    let (mut i, mut j, mut shared) = (0, 0, String::new());
    while i < a.len() && j < b.len() {
        if a.get(i) == b.get(j) {
            shared.push_str(a.get(i).copied().unwrap_or_default());
            shared.push('\n');
            i += 1;
            j += 1;
        } else if lengths.get(at(i + 1, j)) >= lengths.get(at(i, j + 1)) {
            i += 1;
        } else {
            j += 1;
        }
    }
    shared
}
