//! Team boards on any number of devices, synced in any order (issue 26), proven the way CRDT
//! engines prove theirs (Loro's crdt_fuzzer, Automerge's FUZZING.md): 3 to 5 devices start from
//! one board, make random edits of every kind (with undo and redo), merge pairwise in a random
//! order, one of them late from an old copy, then all meet; every copy must then be the same bytes,
//! whatever order and grouping the merges took, and nothing anyone typed may be lost.
//!
//! `cargo test --test sync` runs 200 seeded cases; `BOOTHBOARD_FUZZ_CASES=10000 cargo test
//! --release --test sync -- --ignored` runs more.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use boothboard::model::{Board, BoardEdit, Card, CardId, ColumnId, DeviceId, History, Link, ThemeId, merge};
use boothboard::store;

mod common;

/// SplitMix64: small, seeded, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.below(items.len())])
    }
}

/// What a device did that the end result is checked against: version vectors of edits, so "a
/// deletion that had seen every change of a card" can be told from "a change the deletion had not
/// seen".
#[derive(Default)]
struct Oracle {
    /// Lines typed into a card's notes.
    typed: BTreeSet<(CardId, String)>,
    /// Typed lines a device that held them removed (and did not type or bring back since).
    removed: BTreeSet<(CardId, String)>,
    /// Cards made on some device.
    added: BTreeSet<CardId>,
    /// Each card's changes: (device, that device's count of changes then).
    card_changes: BTreeMap<CardId, Vec<(usize, u64)>>,
    /// Each card's deletions: what the deleting device had seen.
    card_deletions: BTreeMap<CardId, Vec<Vec<u64>>>,
}

struct Device {
    index: usize,
    board: Board,
    history: History,
    /// How many changes of each device this copy holds.
    seen: Vec<u64>,
    now: Instant,
}

use common::{image_named as image, sample_start as start};

/// A card's content as a person sees it.
fn content(board: &Board, id: CardId) -> Option<(ColumnId, Card)> {
    let at = board.card_position(id)?;
    let mut card = board.card(id)?.clone();
    card.stamps = Default::default();
    Some((at.column, card))
}

impl Device {
    fn new(index: usize, board: &Board, skew_ms: i64, devices: usize) -> Self {
        let mut board = board.clone();
        board.clock.set_skew_ms(skew_ms);
        board.adopt_device(DeviceId(1_000 + index as u64));
        Self {
            index,
            board,
            history: History::default(),
            seen: vec![0; devices],
            now: Instant::now(),
        }
    }

    /// One random edit (or an undo or redo), recorded in `oracle`.
    fn act(&mut self, rng: &mut Rng, oracle: &mut Oracle, label: &str) {
        let before = self.board.clone();
        self.now += Duration::from_millis(if rng.chance(50) { 200 } else { 3_000 });
        let roll = rng.below(100);
        let mut typed: Vec<(CardId, String)> = Vec::new();
        if roll < 6 {
            let _ = self.history.undo(&mut self.board);
        } else if roll < 9 {
            let _ = self.history.redo(&mut self.board);
        } else if let Some(edit) = self.random_edit(rng, label, &mut typed) {
            let _ = self.history.apply(&mut self.board, edit, self.now);
        }
        self.record(&before, oracle, &typed);
    }

    /// Notes what the last action changed: each changed card is a change of this device's, a
    /// card gone is a deletion with what this copy had seen, typed lines gone were removed.
    fn record(&mut self, before: &Board, oracle: &mut Oracle, typed: &[(CardId, String)]) {
        let ids: BTreeSet<CardId> = before.cards().chain(self.board.cards()).map(|card| card.id).collect();
        let mut changed = Vec::new();
        for id in ids {
            let (was, now) = (content(before, id), content(&self.board, id));
            if was == now {
                continue;
            }
            changed.push(id);
            // A card that was deleted here held the lines its deletion kept; bringing it back
            // without some of them removes those.
            let was_notes = was.as_ref().map(|(_, card)| card.notes.clone()).or_else(|| {
                let deleted = before.tombstones.cards.get(&id)?;
                deleted.last.as_ref().map(|(_, card)| card.notes.clone())
            });
            if let (Some(was_notes), Some((_, now))) = (&was_notes, &now) {
                // Counted, for a card may hold the same words twice.
                let counts = |notes: &str| {
                    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
                    for line in notes.split('\n') {
                        *counts.entry(line.to_owned()).or_default() += 1;
                    }
                    counts
                };
                let (was_counts, now_counts) = (counts(was_notes), counts(&now.notes));
                for (line, was_count) in &was_counts {
                    let typed = (id, line.clone());
                    if now_counts.get(line).copied().unwrap_or(0) < *was_count && oracle.typed.contains(&typed) {
                        oracle.removed.insert(typed);
                    }
                }
                for (line, now_count) in &now_counts {
                    if was_counts.get(line).copied().unwrap_or(0) < *now_count {
                        oracle.removed.remove(&(id, line.clone()));
                    }
                }
            }
            if was.is_none() && now.is_some() && !before.cards().any(|card| card.id == id) {
                oracle.added.insert(id);
            }
        }
        // A line typed where the same words already were is no new line.
        let count = |board: &Board, card: CardId, line: &str| {
            board
                .card(card)
                .map_or(0, |each| each.notes.split('\n').filter(|each| *each == line).count())
        };
        for (card, line) in typed {
            if count(&self.board, *card, line) > count(before, *card, line) {
                oracle.typed.insert((*card, line.clone()));
                oracle.removed.remove(&(*card, line.clone()));
            }
        }
        if changed.is_empty() {
            return;
        }
        self.seen[self.index] += 1;
        for id in changed {
            if self.board.card(id).is_some() {
                oracle
                    .card_changes
                    .entry(id)
                    .or_default()
                    .push((self.index, self.seen[self.index]));
            } else {
                oracle.card_deletions.entry(id).or_default().push(self.seen.clone());
            }
        }
    }

    fn random_edit(&mut self, rng: &mut Rng, label: &str, typed: &mut Vec<(CardId, String)>) -> Option<BoardEdit> {
        let board = &self.board;
        let cards: Vec<CardId> = board.cards().map(|card| card.id).collect();
        let columns: Vec<ColumnId> = board.columns.iter().map(|column| column.id).collect();
        let themes: Vec<ThemeId> = board.themes.iter().map(|theme| theme.id).collect();
        let card = rng.pick(&cards);
        let column = rng.pick(&columns);
        let text = format!("{label} {}", rng.next() % 1_000_000);
        let with_card = |make: &dyn Fn(CardId) -> BoardEdit| card.map(make);
        Some(match rng.below(30) {
            0 => BoardEdit::SetTitle(text),
            1 => BoardEdit::AddColumn(text),
            2 => BoardEdit::RenameColumn(column?, text),
            3 if rng.chance(30) => BoardEdit::RemoveColumn(column?),
            4 => BoardEdit::MoveColumn(column?, rng.below(columns.len() + 1)),
            5 | 6 => BoardEdit::AddCard(column?, text),
            7 => with_card(&|id| BoardEdit::SetCardTitle(id, text.clone()))?,
            8 => with_card(&|id| BoardEdit::SetCardSummary(id, text.clone()))?,
            9..=13 => {
                // Notes: a line typed anywhere, a line removed, a line changed.
                let id = card?;
                let notes = board.card(id)?.notes.clone();
                let mut lines: Vec<String> = if notes.is_empty() {
                    Vec::new()
                } else {
                    notes.split('\n').map(str::to_owned).collect()
                };
                // Now and then two devices type the same words.
                let line = if rng.chance(15) {
                    format!("line the same {}", rng.below(3))
                } else {
                    format!("line {text}")
                };
                match rng.below(4) {
                    0 | 1 => {
                        let at = rng.below(lines.len() + 1);
                        lines.insert(at, line.clone());
                        typed.push((id, line));
                    }
                    2 if !lines.is_empty() => {
                        lines.remove(rng.below(lines.len()));
                    }
                    _ if !lines.is_empty() => {
                        let at = rng.below(lines.len());
                        lines[at] = line.clone();
                        typed.push((id, line));
                    }
                    _ => {
                        lines.push(line.clone());
                        typed.push((id, line));
                    }
                }
                BoardEdit::SetCardNotes(id, lines.join("\n"))
            }
            14 => {
                let id = card?;
                let notes = &board.card(id)?.notes;
                let task = notes.split('\n').position(|line| line.starts_with("- ["));
                match task {
                    Some(line) => BoardEdit::ToggleNoteTask(id, line),
                    None => BoardEdit::SetCardNotes(id, format!("{notes}\n- [ ] task {text}")),
                }
            }
            15 => with_card(&|id| BoardEdit::ClearNotesCheck(id))?,
            16 | 17 => {
                let id = card?;
                let theme = rng.pick(&themes)?;
                let ticked = board.card(id)?.themes.contains(&theme);
                BoardEdit::SetCardTheme(id, theme, !ticked)
            }
            18 => with_card(&|id| BoardEdit::AddLink(id))?,
            19 => {
                let id = card?;
                let links = board.card(id)?.links.len();
                let link = Link {
                    label: text.clone(),
                    url: format!("https://example.org/{}", rng.next() % 1000),
                };
                BoardEdit::SetLink(id, rng.below(links.max(1)), link)
            }
            20 => {
                let id = card?;
                let links = board.card(id)?.links.len();
                BoardEdit::RemoveLink(id, rng.below(links.max(1)))
            }
            21 | 22 => BoardEdit::MoveCard(card?, column?, rng.below(6)),
            23 if rng.chance(40) => BoardEdit::DeleteCard(card?),
            24 => {
                let name = format!("shot{}", rng.next() % 12);
                with_card(&|id| BoardEdit::AddImages(id, vec![image(&name)]))?
            }
            25 => BoardEdit::AddImageCards(
                column?,
                vec![(text.clone(), image(&format!("drop{}", rng.next() % 12)))],
            ),
            26 => {
                let id = card?;
                let images = board.card(id)?.images.len().max(1);
                match rng.below(3) {
                    0 => BoardEdit::MoveImage(id, rng.below(images), rng.below(images)),
                    1 => BoardEdit::RemoveImage(id, rng.below(images)),
                    _ => BoardEdit::SetImageCaption(id, rng.below(images), text),
                }
            }
            27 => match rng.below(4) {
                0 => BoardEdit::AddTheme(text),
                1 => BoardEdit::RenameTheme(rng.pick(&themes)?, text),
                2 => BoardEdit::SetThemeQuestion(rng.pick(&themes)?, text),
                _ if rng.chance(30) => BoardEdit::DeleteTheme(rng.pick(&themes)?),
                _ => BoardEdit::AddTheme(text),
            },
            28 => {
                let (a, b) = (rng.pick(&cards)?, rng.pick(&cards)?);
                BoardEdit::Batch(vec![
                    BoardEdit::SetCardSummary(a, text.clone()),
                    BoardEdit::SetCardTitle(b, format!("{text} too")),
                ])
            }
            _ => BoardEdit::SetCardSummary(card?, text),
        })
    }

    /// Takes in another copy, as the app does when a sync tool brings it.
    fn take_in(&mut self, other: &Board, other_seen: &[u64]) {
        let (merged, _) = merge(&self.board, other);
        self.history.forget_changed_by_merge(&self.board, &merged);
        self.board = merged;
        for (mine, theirs) in self.seen.iter_mut().zip(other_seen) {
            *mine = (*mine).max(*theirs);
        }
    }
}

fn bytes(board: &Board) -> Vec<u8> {
    store::to_bytes(board).unwrap()
}

/// One case: returns a description of what failed, if anything.
fn run_case(seed: u64) -> Result<(), String> {
    let mut rng = Rng(seed);
    let count = 3 + rng.below(3);
    let common = start();
    // Clocks that disagree: by minutes, hours, or one device a year ahead.
    let skews: Vec<i64> = (0..count)
        .map(|_| match rng.below(6) {
            0 => 7 * 60 * 1000,
            1 => -3 * 60 * 60 * 1000,
            2 if rng.chance(30) => 366 * 24 * 60 * 60 * 1000,
            _ => 0,
        })
        .collect();
    let mut devices: Vec<Device> = (0..count)
        .map(|index| Device::new(index, &common, skews[index], count))
        .collect();
    let mut oracle = Oracle::default();
    let mut old_copy: Option<(Board, Vec<u64>)> = None;
    let rounds = 4 + rng.below(10);
    for round in 0..rounds {
        for device in devices.iter_mut() {
            for step in 0..rng.below(5) {
                let label = format!("d{} r{round} s{step}", device.index);
                device.act(&mut rng, &mut oracle, &label);
            }
        }
        // Some pairs meet, in a random order and direction.
        for _ in 0..rng.below(count + 1) {
            let (a, b) = (rng.below(count), rng.below(count));
            if a != b {
                let (board, seen) = (devices[b].board.clone(), devices[b].seen.clone());
                devices[a].take_in(&board, &seen);
            }
        }
        if round == 1 && old_copy.is_none() {
            let old = rng.below(count);
            old_copy = Some((devices[old].board.clone(), devices[old].seen.clone()));
        }
    }
    // A copy kept from early on arrives late, at one device.
    if let Some((old, seen)) = &old_copy {
        let late = rng.below(count);
        devices[late].take_in(old, seen);
    }

    // Order does not matter: these copies merged in three orders and groupings give one board.
    let copies: Vec<Board> = devices.iter().map(|device| device.board.clone()).collect();
    let fold = |order: &[usize]| {
        let mut merged = copies[order[0]].clone();
        for index in &order[1..] {
            merged = merge(&merged, &copies[*index]).0;
        }
        bytes(&merged)
    };
    let forward: Vec<usize> = (0..count).collect();
    let backward: Vec<usize> = (0..count).rev().collect();
    let mut shuffled = forward.clone();
    for index in (1..count).rev() {
        shuffled.swap(index, rng.below(index + 1));
    }
    let grouped = {
        let right = copies[1..]
            .iter()
            .fold(copies[count - 1].clone(), |acc, copy| merge(copy, &acc).0);
        bytes(&merge(&copies[0], &right).0)
    };
    let reference = fold(&forward);
    for (name, other) in [
        ("backward", fold(&backward)),
        ("shuffled", fold(&shuffled)),
        ("grouped", grouped),
    ] {
        if other != reference {
            return Err(format!("merging in {name} order gives another board"));
        }
    }
    let (a, b) = (&copies[0], &copies[1]);
    if bytes(&merge(a, b).0) != bytes(&merge(b, a).0) {
        return Err("merge(a, b) != merge(b, a)".into());
    }
    let ab = merge(a, b).0;
    if bytes(&merge(&ab, &ab).0) != bytes(&ab) || bytes(&merge(&ab, a).0) != bytes(&ab) {
        return Err("merging a copy again changed the board".into());
    }

    // A full exchange, twice round: every copy the same bytes.
    for _ in 0..2 {
        for a in 0..count {
            for b in 0..count {
                if a != b {
                    let (board, seen) = (devices[b].board.clone(), devices[b].seen.clone());
                    devices[a].take_in(&board, &seen);
                }
            }
        }
    }
    let end = bytes(&devices[0].board);
    for device in &devices[1..] {
        if bytes(&device.board) != end {
            return Err(format!("device {} differs after the full exchange", device.index));
        }
    }
    if end != reference {
        return Err("the full exchange differs from merging the copies in one go".into());
    }
    let board = &devices[0].board;
    let reloaded = store::parse(std::path::Path::new("merged.json"), &end).map_err(|error| error.to_string())?;
    if &reloaded != board || bytes(&reloaded) != end {
        let (a, b) = (format!("{board:?}"), format!("{reloaded:?}"));
        let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(0);
        let show = |text: &str| {
            text.get(at.saturating_sub(300)..(at + 200).min(text.len()))
                .unwrap_or("")
                .to_owned()
        };
        return Err(format!(
            "the merged board does not read back as itself:\n{}\n---\n{}",
            show(&a),
            show(&b)
        ));
    }
    if !board.problems().is_empty() {
        return Err(format!("problems: {:?}", board.problems()));
    }

    // Nothing typed is lost.
    for typed in &oracle.typed {
        if oracle.removed.contains(typed) {
            continue;
        }
        let (card, line) = typed;
        if let Some(kept) = board.card(*card)
            && !kept.notes.split('\n').any(|each| each == line)
        {
            return Err(format!(
                "{line:?}, typed into {card} and never removed, is gone: {:?}",
                kept.notes
            ));
        }
    }
    // Cards: one deleted after every change to it stays deleted; one with a change its deletions
    // had not seen is kept; one never deleted is there.
    for id in &oracle.added {
        let deletions = oracle.card_deletions.get(id);
        let changes = oracle.card_changes.get(id).map(Vec::as_slice).unwrap_or_default();
        let present = board.card(*id).is_some();
        match deletions {
            None if !present => return Err(format!("{id}, made and never deleted, is gone")),
            None => {}
            Some(deletions) => {
                let unseen = changes
                    .iter()
                    .any(|(device, count)| !deletions.iter().any(|seen| seen[*device] >= *count));
                if unseen != present {
                    return Err(format!(
                        "{id}: {} after deletions {deletions:?} and changes {changes:?}",
                        if present { "came back" } else { "gone" }
                    ));
                }
            }
        }
    }
    Ok(())
}

fn run_cases(cases: u64, first_seed: u64) {
    let failures: Vec<String> = (first_seed..first_seed + cases)
        .filter_map(|seed| run_case(seed).err().map(|error| format!("seed {seed}: {error}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn devices_that_sync_in_any_order_end_the_same_and_lose_nothing() {
    if let Some(seed) = std::env::var("BOOTHBOARD_FUZZ_SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
    {
        return run_cases(1, seed);
    }
    run_cases(200, 0);
}

#[test]
#[ignore = "long: BOOTHBOARD_FUZZ_CASES=10000 cargo test --release --test sync -- --ignored"]
fn many_devices_many_orders_long_run() {
    let cases = std::env::var("BOOTHBOARD_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(10_000);
    run_cases(cases, 1_000_000);
}
