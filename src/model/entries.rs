//! The lines of a card's notes, its links, images and theme ticks as sets that merge: each thing
//! is named by the dot that made it and sits at an order key. An edit keeps the names of what it
//! left alone, gives new names to what it wrote, and drops what it removed; a merge keeps what
//! either copy has unless the other copy held it and removed it. Nothing anyone wrote is lost, and
//! the result does not depend on the order copies meet in.

use std::collections::{BTreeMap, BTreeSet};

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::dots::{Dot, Seen};
use super::{Clock, ImageRef, Link, OrderKey, ThemeId};

/// Content hashes are kept below this (four base-62 digits in the file).
pub const HASH_SPACE: u32 = 62 * 62 * 62 * 62;

/// One line of notes, link or image: who wrote it, where it sits, what it replaced, and a hash of
/// what it says (so a change made to the file by hand is found when it is read).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Entry {
    /// Its place among the others.
    pub key: OrderKey,
    /// The change that wrote it.
    pub dot: Dot,
    /// For a line written over another, the first line of that chain: two lines with the same
    /// origin are two copies' versions of one line.
    pub origin: Option<Dot>,
    /// A hash of its content ([`content_hash`]).
    pub hash: u32,
}

/// A theme ticked on a card by a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tick {
    /// The theme.
    pub theme: ThemeId,
    /// The change that ticked it.
    pub dot: Dot,
}

/// A short hash of some content, below [`HASH_SPACE`].
pub fn content_hash(bytes: &[u8]) -> u32 {
    let hash = blake3::hash(bytes);
    let mut first = [0; 4];
    first.copy_from_slice(hash.as_bytes().get(..4).unwrap_or(&[0; 4]));
    u32::from_le_bytes(first) % HASH_SPACE
}

/// What a thing on a card hashes to.
pub trait Hashed {
    /// Its [`content_hash`].
    fn hashed(&self) -> u32;
}

impl Hashed for &str {
    fn hashed(&self) -> u32 {
        content_hash(self.as_bytes())
    }
}

impl Hashed for Link {
    fn hashed(&self) -> u32 {
        content_hash(format!("{}\u{1f}{}", self.label, self.url).as_bytes())
    }
}

impl Hashed for ImageRef {
    fn hashed(&self) -> u32 {
        let text = format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}",
            self.file.as_str(),
            self.caption,
            self.width,
            self.height
        );
        content_hash(text.as_bytes())
    }
}

/// A card's notes as lines, split at each newline: empty notes are one empty line, a final newline
/// makes a last, empty line, and joining them with newlines gives the text back.
pub fn note_lines(notes: &str) -> Vec<&str> {
    notes.split('\n').collect()
}

/// The hashes of the lines of `notes`, as named by `lines`: empty notes are no lines when they
/// have no names (a new card, or every line removed by a merge), else one empty line.
pub fn line_hashes(lines: &[Entry], notes: &str) -> Vec<u32> {
    if lines.is_empty() && notes.is_empty() {
        Vec::new()
    } else {
        hashes(note_lines(notes))
    }
}

/// The hashes of `items`, in order.
pub fn hashes<T: Hashed>(items: impl IntoIterator<Item = T>) -> Vec<u32> {
    items.into_iter().map(|item| item.hashed()).collect()
}

/// Names the things of a list after an edit: `old` named it before, `new_hashes` is what it holds
/// now. Unchanged things keep their names; new ones are named by new dots (held in `seen`) at keys
/// between their neighbours', a run of them sharing a prefix of this device's so two devices'
/// runs in one place don't interleave; removed ones are recorded in `seen`. `None` when nothing
/// changed.
pub(super) fn reconcile(old: &[Entry], new_hashes: &[u32], clock: &mut Clock, seen: &mut Seen) -> Option<Vec<Entry>> {
    let old_hashes: Vec<u32> = old.iter().map(|entry| entry.hash).collect();
    if old_hashes == new_hashes {
        return None;
    }
    let mut named: Vec<Entry> = Vec::with_capacity(new_hashes.len());
    let mut waiting: Vec<(u32, Option<Dot>)> = Vec::new();
    let removed = |range: std::ops::Range<usize>, seen: &mut Seen| {
        for entry in old.get(range).unwrap_or_default() {
            seen.remove(entry.dot);
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_hashes, new_hashes) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                let kept = old.get(old_index..old_index + len).unwrap_or_default();
                name_waiting(
                    &mut named,
                    &mut waiting,
                    kept.first().map(|entry| &entry.key),
                    clock,
                    seen,
                );
                named.extend(kept.iter().cloned());
            }
            DiffOp::Delete { old_index, old_len, .. } => removed(old_index..old_index + old_len, seen),
            DiffOp::Insert { new_index, new_len, .. } => {
                let added = new_hashes.get(new_index..new_index + new_len).unwrap_or_default();
                waiting.extend(added.iter().map(|hash| (*hash, None)));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let written = new_hashes.get(new_index..new_index + new_len).unwrap_or_default();
                let blank = "".hashed();
                for (offset, hash) in written.iter().enumerate() {
                    // Written over an old line: a version of it (a second copy's version of the
                    // same line is then shown beside it). Text typed into a blank line is new:
                    // two people adding lines below notes that end in a newline don't clash.
                    let origin = (offset < old_len)
                        .then(|| old.get(old_index + offset))
                        .flatten()
                        .filter(|was| was.hash != blank || was.origin.is_some())
                        .map(|was| was.origin.unwrap_or(was.dot));
                    waiting.push((*hash, origin));
                }
                removed(old_index..old_index + old_len, seen);
            }
        }
    }
    name_waiting(&mut named, &mut waiting, None, clock, seen);
    Some(named)
}

/// Gives the things waiting for names new dots and keys between the last named and `after`.
fn name_waiting(
    named: &mut Vec<Entry>,
    waiting: &mut Vec<(u32, Option<Dot>)>,
    after: Option<&OrderKey>,
    clock: &mut Clock,
    seen: &mut Seen,
) {
    if waiting.is_empty() {
        return;
    }
    let keys = OrderKey::run(named.last().map(|entry| &entry.key), after, waiting.len(), clock.tag());
    for ((hash, origin), key) in waiting.drain(..).zip(keys) {
        let dot = clock.dot();
        seen.add(dot);
        named.push(Entry { key, dot, origin, hash });
    }
}

/// The things of two copies of a list, each with what that copy held: those both have, and those
/// one has that the other never held. In key order.
pub(super) fn join<T: Clone + Ord>(
    a: &[(Entry, T)],
    a_seen: &Seen,
    b: &[(Entry, T)],
    b_seen: &Seen,
) -> Vec<(Entry, T)> {
    let by_dot = |items: &[(Entry, T)]| -> BTreeMap<Dot, (Entry, T)> {
        items.iter().map(|item| (item.0.dot, item.clone())).collect()
    };
    let (a, b) = (by_dot(a), by_dot(b));
    let mut joined: Vec<(Entry, T)> = Vec::with_capacity(a.len().max(b.len()));
    for (dot, item) in &a {
        match b.get(dot) {
            // The same thing: the same in both, unless a file was damaged; either way one answer.
            Some(other) => joined.push(item.clone().max(other.clone())),
            None if !b_seen.covers(*dot) => joined.push(item.clone()),
            None => {}
        }
    }
    joined.extend(
        b.iter()
            .filter(|(dot, _)| !a.contains_key(dot) && !a_seen.covers(**dot))
            .map(|(_, item)| item.clone()),
    );
    joined.sort_by(|x, y| x.0.cmp(&y.0));
    joined
}

/// Two copies' theme ticks joined: a tick stays unless the other copy held it and took it off. A
/// theme ticked on two copies apart keeps both ticks (unticking takes off all that copy holds).
pub(super) fn join_ticks(a: &[Tick], a_seen: &Seen, b: &[Tick], b_seen: &Seen) -> Vec<Tick> {
    let (a_dots, b_dots): (BTreeSet<Dot>, BTreeSet<Dot>) = (
        a.iter().map(|tick| tick.dot).collect(),
        b.iter().map(|tick| tick.dot).collect(),
    );
    let kept_a = a
        .iter()
        .filter(|tick| b_dots.contains(&tick.dot) || !b_seen.covers(tick.dot));
    let kept_b = b
        .iter()
        .filter(|tick| !a_dots.contains(&tick.dot) && !a_seen.covers(tick.dot));
    let mut ticks: Vec<Tick> = kept_a.chain(kept_b).copied().collect();
    ticks.sort_unstable();
    ticks.dedup();
    ticks
}

/// The ticks after an edit left `ticked` ticked, of the themes in `live` (the ticks of a deleted
/// theme are kept as they are: a merge may bring the theme back): new themes get a tick of their
/// own, and the ticks of themes no longer ticked are recorded as removed. `None` when nothing
/// changed.
pub(super) fn reconcile_ticks(
    old: &[Tick],
    ticked: &BTreeSet<ThemeId>,
    live: &BTreeSet<ThemeId>,
    clock: &mut Clock,
    seen: &mut Seen,
) -> Option<Vec<Tick>> {
    let had: BTreeSet<ThemeId> = old
        .iter()
        .map(|tick| tick.theme)
        .filter(|theme| live.contains(theme))
        .collect();
    if &had == ticked {
        return None;
    }
    let mut ticks: Vec<Tick> = Vec::with_capacity(old.len() + ticked.len());
    for tick in old {
        if ticked.contains(&tick.theme) || !live.contains(&tick.theme) {
            ticks.push(*tick);
        } else {
            seen.remove(tick.dot);
        }
    }
    for theme in ticked.difference(&had) {
        let dot = clock.dot();
        seen.add(dot);
        ticks.push(Tick { theme: *theme, dot });
    }
    ticks.sort_unstable();
    Some(ticks)
}

/// The groups of lines that are versions of one line written on two copies apart, each as the
/// indices of its lines in order: what the card editor shows side by side.
pub fn version_groups(lines: &[Entry]) -> Vec<Vec<usize>> {
    let mut groups: Vec<(Dot, Vec<usize>)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let Some(origin) = line.origin else { continue };
        match groups.iter_mut().find(|(each, _)| *each == origin) {
            Some((_, members)) => members.push(index),
            None => groups.push((origin, vec![index])),
        }
    }
    groups
        .into_iter()
        .filter(|(_, members)| members.len() > 1)
        .map(|(_, members)| members)
        .collect()
}

/// Lines that are versions of one line, written on two copies apart: both are kept, and the card
/// asks to check them.
pub fn has_versions(lines: &[Entry]) -> bool {
    let mut origins = BTreeSet::new();
    lines
        .iter()
        .filter_map(|line| line.origin)
        .any(|origin| !origins.insert(origin))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeviceId;

    fn named(text: &str, clock: &mut Clock, seen: &mut Seen) -> Vec<Entry> {
        reconcile(&[], &hashes(note_lines(text)), clock, seen).unwrap_or_default()
    }

    fn with_lines<'a>(entries: &[Entry], text: &'a str) -> Vec<(Entry, &'a str)> {
        entries.iter().cloned().zip(note_lines(text)).collect()
    }

    #[test]
    fn an_edit_keeps_the_names_of_the_lines_it_left_alone() {
        let mut clock = Clock::new(DeviceId(1));
        let mut seen = Seen::default();
        let before = named("a\nb\nc", &mut clock, &mut seen);
        let after = reconcile(&before, &hashes(note_lines("a\nB\nc\nd")), &mut clock, &mut seen).unwrap();
        assert_eq!(after.len(), 4);
        assert_eq!(after[0], before[0]);
        assert_eq!(after[2], before[2]);
        assert_eq!(after[1].origin, Some(before[1].dot), "B is a version of b");
        assert_eq!(after[3].origin, None);
        assert!(after.windows(2).all(|pair| pair[0].key < pair[1].key));
        assert!(reconcile(&after, &hashes(note_lines("a\nB\nc\nd")), &mut clock, &mut seen).is_none());
        let ends_blank = named("a\n", &mut clock, &mut seen);
        let typed = reconcile(&ends_blank, &hashes(note_lines("a\nx")), &mut clock, &mut seen).unwrap();
        assert_eq!(typed[1].origin, None, "typing into the last, blank line adds a line");
    }

    #[test]
    fn lines_added_in_one_place_on_two_devices_stay_together_and_versions_are_flagged() {
        let mut start_clock = Clock::new(DeviceId(1));
        let mut start_seen = Seen::default();
        let start = named("top\nbottom", &mut start_clock, &mut start_seen);
        let edit = |device: u64, text: &str| {
            let mut clock = Clock::new(DeviceId(device));
            clock.observe_own_dot(start_seen.newest_of(DeviceId(device)));
            let mut seen = start_seen.clone();
            let entries = reconcile(&start, &hashes(note_lines(text)), &mut clock, &mut seen).unwrap();
            (entries, seen)
        };
        let (a, a_seen) = edit(2, "top\na1\na2\nbottom changed by a");
        let (b, b_seen) = edit(3, "top\nb1\nb2\nbottom changed by b");
        let a_text = "top\na1\na2\nbottom changed by a";
        let b_text = "top\nb1\nb2\nbottom changed by b";
        let ab = join(&with_lines(&a, a_text), &a_seen, &with_lines(&b, b_text), &b_seen);
        let ba = join(&with_lines(&b, b_text), &b_seen, &with_lines(&a, a_text), &a_seen);
        assert_eq!(ab, ba);
        let lines: Vec<&str> = ab.iter().map(|(_, line)| *line).collect();
        let a_run = lines.iter().position(|line| *line == "a1").unwrap();
        assert_eq!(lines[a_run + 1], "a2", "{lines:?}");
        let b_run = lines.iter().position(|line| *line == "b1").unwrap();
        assert_eq!(lines[b_run + 1], "b2", "{lines:?}");
        assert!(!lines.contains(&"bottom"));
        let entries: Vec<Entry> = ab.into_iter().map(|(entry, _)| entry).collect();
        assert!(has_versions(&entries));
    }
}
