//! When and where a change was made: hybrid logical clock stamps that order changes across
//! devices whose clocks disagree by minutes.
//!
//! A stamp's `hlc` is wall-clock milliseconds shifted left 16 bits, plus a counter. A device never
//! stamps lower than anything it has stamped or seen, so a change made after seeing another is
//! always later than it, whatever the clocks say; two changes made apart are ordered by wall clock.

use std::time::{SystemTime, UNIX_EPOCH};

/// Bits of an hlc below the milliseconds: a counter for changes within one millisecond.
const COUNTER_BITS: u32 = 16;

/// One install of Boothboard: random, kept in this machine's settings, never in a board.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeviceId(pub u64);

impl std::fmt::Display for DeviceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// When a change was made and by which device. Ordered by time, then device, so two stamps are
/// never equal unless they name the same change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    /// Hybrid logical clock: milliseconds since 1970 << 16, plus a counter.
    pub hlc: u64,
    /// The device that made the change.
    pub device: DeviceId,
}

impl Stamp {
    /// Milliseconds since 1970 by the wall clock of the device that made the change.
    pub fn wall_ms(self) -> u64 {
        self.hlc >> COUNTER_BITS
    }
}

/// Hands out stamps for one device: each later than the last, and than any stamp it has seen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    device: DeviceId,
    last: u64,
}

impl Clock {
    /// A clock for `device` that has seen nothing yet.
    pub fn new(device: DeviceId) -> Self {
        Self { device, last: 0 }
    }

    /// The device this clock stamps for.
    pub fn device(&self) -> DeviceId {
        self.device
    }

    /// A new stamp, now.
    pub fn tick(&mut self) -> Stamp {
        self.tick_at(now_ms())
    }

    /// A new stamp at wall-clock time `wall_ms`: later than every stamp before it.
    pub fn tick_at(&mut self, wall_ms: u64) -> Stamp {
        let physical = wall_ms.saturating_mul(1 << COUNTER_BITS);
        self.last = physical.max(self.last.saturating_add(1));
        Stamp {
            hlc: self.last,
            device: self.device,
        }
    }

    /// Takes in a stamp from a board or another device, so the next tick is later than it.
    pub fn observe(&mut self, stamp: Stamp) {
        self.last = self.last.max(stamp.hlc);
    }
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| u64::try_from(since.as_millis()).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_only_go_forward_even_when_the_wall_clock_goes_back() {
        let mut clock = Clock::new(DeviceId(1));
        let first = clock.tick_at(10_000);
        let same_ms = clock.tick_at(10_000);
        let earlier_wall = clock.tick_at(9_000);
        assert!(first < same_ms && same_ms < earlier_wall);
        assert_eq!(first.wall_ms(), 10_000);
        assert_eq!(earlier_wall.wall_ms(), 10_000, "the counter, not the wall clock, moved");
        assert!(clock.tick_at(11_000).wall_ms() == 11_000);
    }

    #[test]
    fn a_change_made_after_seeing_another_is_later_whatever_the_clocks_say() {
        // The laptop's clock is five minutes ahead of the phone's.
        let mut laptop = Clock::new(DeviceId(1));
        let mut phone = Clock::new(DeviceId(2));
        let seen = laptop.tick_at(1_000_000 + 300_000);
        phone.observe(seen);
        let answer = phone.tick_at(1_000_000);
        assert!(answer > seen);
        assert_eq!(answer.device, DeviceId(2));
    }
}
