//! Who made which change: every change to a card, column or theme is a dot (a device and a number
//! that only grows on that device), and each keeps the newest dot of every device it holds. A line
//! of notes, a link, an image or a theme tick is named by the dot that made it, so a copy that
//! lacks it can tell "removed here" (it held that dot) from "added there" (it never did).

use std::collections::{BTreeMap, BTreeSet};

use super::DeviceId;

/// The device that stands for a version 1 or 2 file: lines, links and images that were there
/// before they had dots of their own are named by their content under it.
pub const LEGACY_DEVICE: DeviceId = DeviceId(0);

/// One change, or the thing it made: a device and a number that only grows on that device.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dot {
    /// Grows with each change the device makes (its hybrid clock, so a restored old file never
    /// makes a number twice).
    pub counter: u64,
    /// The device that made it.
    pub device: DeviceId,
}

/// The changes a card, column or theme holds: the newest dot of each device (every older dot of
/// that device is held too, or was removed), and the legacy things removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// Device → its newest dot held.
    pub devices: BTreeMap<DeviceId, u64>,
    /// Legacy things (named by content, not counted) that were removed.
    pub removed_legacy: BTreeSet<u64>,
}

impl Seen {
    /// Records a change as held.
    pub fn add(&mut self, dot: Dot) {
        if dot.device == LEGACY_DEVICE {
            return;
        }
        let newest = self.devices.entry(dot.device).or_default();
        *newest = (*newest).max(dot.counter);
    }

    /// Records that a thing was removed: for a counted dot, holding it says so.
    pub fn remove(&mut self, dot: Dot) {
        if dot.device == LEGACY_DEVICE {
            self.removed_legacy.insert(dot.counter);
        } else {
            self.add(dot);
        }
    }

    /// Whether a thing named `dot` that is not here was removed (rather than never seen).
    pub fn covers(&self, dot: Dot) -> bool {
        if dot.device == LEGACY_DEVICE {
            self.removed_legacy.contains(&dot.counter)
        } else {
            self.devices
                .get(&dot.device)
                .is_some_and(|newest| *newest >= dot.counter)
        }
    }

    /// Takes in everything `other` holds.
    pub fn join(&mut self, other: &Self) {
        for (device, newest) in &other.devices {
            let mine = self.devices.entry(*device).or_default();
            *mine = (*mine).max(*newest);
        }
        self.removed_legacy.extend(other.removed_legacy.iter().copied());
    }

    /// Whether every change this holds is held by `other` too.
    pub fn within(&self, other: &Self) -> bool {
        self.devices
            .iter()
            .all(|(device, newest)| other.devices.get(device).is_some_and(|theirs| theirs >= newest))
    }

    /// The counted changes alone: what a deletion needs to know of what was deleted.
    pub fn counted(&self) -> Self {
        Self {
            devices: self.devices.clone(),
            removed_legacy: BTreeSet::new(),
        }
    }

    /// The newest dot of `device` held.
    pub fn newest_of(&self, device: DeviceId) -> u64 {
        self.devices.get(&device).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dot(device: u64, counter: u64) -> Dot {
        Dot {
            counter,
            device: DeviceId(device),
        }
    }

    #[test]
    fn a_held_dot_covers_every_older_dot_of_its_device() {
        let mut seen = Seen::default();
        seen.add(dot(1, 10));
        assert!(seen.covers(dot(1, 3)) && seen.covers(dot(1, 10)));
        assert!(!seen.covers(dot(1, 11)) && !seen.covers(dot(2, 1)));
        let mut other = Seen::default();
        other.add(dot(2, 5));
        assert!(!seen.within(&other));
        other.join(&seen);
        assert!(seen.within(&other) && other.covers(dot(1, 10)));
    }

    #[test]
    fn legacy_things_are_covered_only_once_removed() {
        let mut seen = Seen::default();
        let old_line = dot(0, 12345);
        assert!(!seen.covers(old_line));
        seen.remove(old_line);
        assert!(seen.covers(old_line));
        assert!(seen.devices.is_empty(), "the legacy device is never counted");
    }
}
