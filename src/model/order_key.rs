//! Positions that merge: a card's (or column's, or theme's) place is a key that sorts between its
//! neighbours', so moving one writes one key and two copies that moved different things agree on
//! the order of the rest.
//!
//! A key is a fraction in base 62, written with its digits `0-9A-Za-z` (which sort as ASCII) and
//! never ending in `0`, so there is always room between any two keys.

use smol_str::SmolStr;

use crate::tr;

/// The digits, in order.
const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE: u8 = 62;

/// Where something sits among its siblings; compares as its text. Short keys are kept inline,
/// so copying a board (every line of notes has one) allocates nothing for them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrderKey(SmolStr);

/// A key that is not made of base-62 digits, is empty or ends in `0`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("bad-order-key", key = format!("{:?}", .0)))]
pub struct BadOrderKey(pub String);

impl OrderKey {
    /// Checks a key read from a file.
    pub fn parse(text: &str) -> Result<Self, BadOrderKey> {
        let valid = !text.is_empty() && text.bytes().all(|byte| digit_value(byte).is_some()) && !text.ends_with('0');
        if valid {
            Ok(Self(SmolStr::new(text)))
        } else {
            Err(BadOrderKey(text.to_owned()))
        }
    }

    /// The key as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A key after `before` and before `after` (either may be the open end).
    /// `before` must sort below `after`; if not, the result still sorts after `before`.
    pub fn between(before: Option<&Self>, after: Option<&Self>) -> Self {
        let low = before.map_or_else(Vec::new, |key| digits_of(&key.0));
        let high = after.map(|key| digits_of(&key.0)).filter(|high| *high > low);
        // Adding at an end (the usual case) steps by one digit, so keys stay short.
        let digits = match high {
            None => step_up(&low),
            Some(high) if low.is_empty() && high.first().is_some_and(|first| *first >= 2) => {
                high.first().map(|first| vec![first - 1]).unwrap_or_default()
            }
            Some(high) => midpoint(&low, Some(&high)),
        };
        Self::from_digits(&digits)
    }

    /// `count` keys in order between `before` and `after`, all beginning with the key between
    /// them followed by `tag` (a device's two digits), so the runs two devices insert in one
    /// place each stay together. Falls back to plain keys where the tagged ones don't fit.
    pub fn run(before: Option<&Self>, after: Option<&Self>, count: usize, tag: [u8; 2]) -> Vec<Self> {
        let mut prefix = digits_of(&Self::between(before, after).0);
        prefix.extend(tag.iter().map(|digit| digit.clamp(&1, &(BASE - 1))));
        let keys: Vec<Self> = Self::spread(count)
            .iter()
            .map(|place| {
                let mut digits = prefix.clone();
                digits.extend(digits_of(&place.0));
                Self::from_digits(&digits)
            })
            .collect();
        let fits = keys
            .last()
            .is_none_or(|last| after.is_none_or(|after| last < after) && before.is_none_or(|before| before < last));
        if fits {
            return keys;
        }
        let mut plain: Vec<Self> = Vec::with_capacity(count);
        for _ in 0..count {
            let key = Self::between(plain.last().or(before), after);
            plain.push(key);
        }
        plain
    }

    /// `count` keys in order, evenly spread and as short as can be, for things that had no keys
    /// (a version 1 file).
    pub fn spread(count: usize) -> Vec<Self> {
        let mut width = 1;
        let mut room = u128::from(BASE);
        while room <= count as u128 + 1 {
            width += 1;
            room *= u128::from(BASE);
        }
        let step = room / (count as u128 + 1);
        (1..=count as u128)
            .map(|place| {
                let mut value = place * step;
                let mut digits = vec![0; width];
                for digit in digits.iter_mut().rev() {
                    *digit = u8::try_from(value % u128::from(BASE)).unwrap_or(0);
                    value /= u128::from(BASE);
                }
                while digits.last() == Some(&0) {
                    digits.pop();
                }
                Self::from_digits(&digits)
            })
            .collect()
    }

    fn from_digits(digits: &[u8]) -> Self {
        Self(
            digits
                .iter()
                .filter_map(|digit| DIGITS.get(usize::from(*digit)))
                .map(|byte| char::from(*byte))
                .collect::<String>()
                .into(),
        )
    }
}

/// A key after `low` with nothing above: its first digit plus one, or `z` and a step within.
fn step_up(low: &[u8]) -> Vec<u8> {
    match low.split_first() {
        None => vec![BASE / 2],
        Some((first, rest)) if *first == BASE - 1 => {
            let mut digits = vec![*first];
            digits.extend(step_up(rest));
            digits
        }
        Some((first, _)) => vec![first + 1],
    }
}

impl Default for OrderKey {
    /// The key of the first thing in an empty list.
    fn default() -> Self {
        Self::between(None, None)
    }
}

impl std::fmt::Display for OrderKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn digit_value(byte: u8) -> Option<u8> {
    DIGITS
        .iter()
        .position(|digit| *digit == byte)
        .and_then(|value| u8::try_from(value).ok())
}

fn digits_of(text: &str) -> Vec<u8> {
    text.bytes().filter_map(digit_value).collect()
}

/// Digits strictly between the fractions `low` and `high` (1 when `None`), not ending in 0.
fn midpoint(low: &[u8], high: Option<&[u8]>) -> Vec<u8> {
    let low_digit = |index: usize| low.get(index).copied().unwrap_or(0);
    if let Some(high) = high {
        // Keep the digits both share; the answer differs after them.
        let shared = high
            .iter()
            .enumerate()
            .take_while(|(index, digit)| low_digit(*index) == **digit)
            .count();
        if shared > 0 {
            let mut digits = high.iter().take(shared).copied().collect::<Vec<_>>();
            digits.extend(midpoint(low.get(shared..).unwrap_or_default(), high.get(shared..)));
            return digits;
        }
    }
    let first_low = low_digit(0);
    let first_high = high.and_then(|high| high.first().copied()).unwrap_or(BASE);
    if first_high - first_low > 1 {
        return vec![(first_low + first_high) / 2];
    }
    // Neighbouring first digits: the high one alone fits when high goes on after it.
    if high.is_some_and(|high| high.len() > 1) {
        return vec![first_high];
    }
    let mut digits = vec![first_low];
    digits.extend(midpoint(low.get(1..).unwrap_or_default(), None));
    digits
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn key(text: &str) -> OrderKey {
        OrderKey::parse(text).unwrap()
    }

    #[test]
    fn keys_fall_between_their_neighbours() {
        assert_eq!(OrderKey::between(None, None), key("V"));
        let cases = [
            ("V", "W"),
            ("V", "V1"),
            ("Vz", "W"),
            ("1", "2"),
            ("z", "zz"),
            ("y", "z"),
        ];
        for (low, high) in cases {
            let mid = OrderKey::between(Some(&key(low)), Some(&key(high)));
            assert!(key(low) < mid && mid < key(high), "{low} < {mid} < {high}");
        }
        assert!(OrderKey::between(None, Some(&key("1"))) < key("1"));
        assert!(OrderKey::between(Some(&key("zzz")), None) > key("zzz"));
    }

    #[test]
    fn spread_keys_sort_in_order_and_stay_short() {
        let keys = OrderKey::spread(500);
        assert!(keys.windows(2).all(|pair| pair.first() < pair.last()));
        assert!(keys.iter().all(|key| key.as_str().len() <= 2), "{:?}", keys.last());
        let mut appended = vec![OrderKey::between(None, None)];
        for _ in 0..500 {
            let next = OrderKey::between(appended.last(), None);
            appended.push(next);
        }
        assert!(appended.windows(2).all(|pair| pair.first() < pair.last()));
        assert!(
            appended.iter().all(|key| key.as_str().len() <= 20),
            "{:?}",
            appended.last()
        );
    }

    #[test]
    fn runs_of_two_devices_in_one_gap_do_not_interleave() {
        let (low, high) = (key("V"), key("W"));
        let a = OrderKey::run(Some(&low), Some(&high), 3, [5, 7]);
        let b = OrderKey::run(Some(&low), Some(&high), 2, [9, 2]);
        let mut all: Vec<(&OrderKey, char)> = a.iter().map(|k| (k, 'a')).chain(b.iter().map(|k| (k, 'b'))).collect();
        all.sort();
        let owners: String = all.iter().map(|(_, owner)| *owner).collect();
        assert_eq!(owners, "aaabb");
        assert!(all.iter().all(|(k, _)| low < **k && **k < high));
        let tight = OrderKey::run(Some(&key("V")), Some(&key("V1")), 2, [61, 61]);
        assert!(
            tight.windows(2).all(|pair| pair[0] < pair[1]) && tight.iter().all(|k| key("V") < *k && *k < key("V1"))
        );
    }

    #[test]
    fn bad_keys_are_refused() {
        for bad in ["", "a0", "a-b", "ä"] {
            assert_eq!(OrderKey::parse(bad), Err(BadOrderKey(bad.to_owned())));
        }
    }

    proptest! {
        #[test]
        fn inserting_anywhere_keeps_keys_in_order(places in prop::collection::vec(any::<prop::sample::Index>(), 1..200)) {
            let mut keys = vec![OrderKey::between(None, None)];
            for place in places {
                let at = place.index(keys.len() + 1);
                let before = at.checked_sub(1).and_then(|index| keys.get(index));
                let key = OrderKey::between(before, keys.get(at));
                prop_assert!(OrderKey::parse(key.as_str()).is_ok(), "{}", key);
                keys.insert(at, key);
            }
            prop_assert!(keys.windows(2).all(|pair| pair.first() < pair.last()));
        }
    }
}
