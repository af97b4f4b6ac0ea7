//! When and where a change was made: hybrid logical clock stamps that order changes across
//! devices whose clocks disagree by minutes.
//!
//! A stamp's `hlc` is wall-clock milliseconds shifted left 16 bits, plus a counter. A device never
//! stamps lower than anything it has stamped or seen, so a change made after seeing another is
//! always later than it, whatever the clocks say; two changes made apart are ordered by wall clock.

use std::time::{SystemTime, UNIX_EPOCH};

use super::dots::Dot;

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

/// How far ahead of this device's clock another device's stamp may be and still move it: a clock
/// a few minutes off is ordinary; a stamp beyond this (a device set a year ahead) does not drag
/// this device's stamps along, and an edit made here after seeing it is still stamped after it
/// ([`Clock::tick_over`]) so it wins.
pub const MAX_AHEAD_MS: u64 = 10 * 60 * 1000;

/// Hands out stamps and dots for one device: each later than the last, and than any stamp it
/// has seen (within [`MAX_AHEAD_MS`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    device: DeviceId,
    last: u64,
    last_dot: u64,
    skew_ms: i64,
}

impl Clock {
    /// A clock for `device` that has seen nothing yet.
    pub fn new(device: DeviceId) -> Self {
        Self {
            device,
            ..Self::default()
        }
    }

    /// The device this clock stamps for.
    pub fn device(&self) -> DeviceId {
        self.device
    }

    /// Makes this clock run `skew_ms` off the system's, as a device with a wrong clock does
    /// (for tests of clocks that disagree).
    pub fn set_skew_ms(&mut self, skew_ms: i64) {
        self.skew_ms = skew_ms;
    }

    /// How far this clock runs off the system's.
    pub fn skew_ms(&self) -> i64 {
        self.skew_ms
    }

    /// A new stamp, now.
    pub fn tick(&mut self) -> Stamp {
        self.tick_at(self.now_ms())
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

    /// A new stamp for a value that replaces one stamped `replaced`: later than it, even when
    /// it came from a clock far ahead.
    pub fn tick_over(&mut self, replaced: Stamp) -> Stamp {
        let stamp = self.tick();
        Stamp {
            hlc: stamp.hlc.max(replaced.hlc.saturating_add(1)),
            device: self.device,
        }
    }

    /// A new dot: a number this device has never used, whatever file it was restored from.
    pub fn dot(&mut self) -> Dot {
        let physical = self.now_ms().saturating_mul(1 << COUNTER_BITS);
        self.last_dot = physical.max(self.last_dot.saturating_add(1));
        Dot {
            counter: self.last_dot,
            device: self.device,
        }
    }

    /// Two base-62 digits (1-61 each) for this device, which begin the keys of the things it
    /// inserts together.
    pub fn tag(&self) -> [u8; 2] {
        let spread = self.device.0 ^ (self.device.0 >> 29);
        [
            1 + u8::try_from(spread % 61).unwrap_or(0),
            1 + u8::try_from((spread / 61) % 61).unwrap_or(0),
        ]
    }

    /// Takes in a stamp from a board or another device, so the next tick is later than it,
    /// unless it lies more than [`MAX_AHEAD_MS`] ahead of this clock.
    pub fn observe(&mut self, stamp: Stamp) {
        let limit = self
            .now_ms()
            .saturating_add(MAX_AHEAD_MS)
            .saturating_mul(1 << COUNTER_BITS);
        if stamp.hlc <= limit {
            self.last = self.last.max(stamp.hlc);
        }
    }

    /// Takes in the newest dot this device made, so it never makes that number again.
    pub fn observe_own_dot(&mut self, counter: u64) {
        self.last_dot = self.last_dot.max(counter);
    }

    fn now_ms(&self) -> u64 {
        now_ms().saturating_add_signed(self.skew_ms)
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
