//! How the file writes ids, stamps, order keys and the names of lines, links, images and ticks:
//! short text, checked when read.

use serde::{Deserialize, Serialize};

use crate::model::{DeviceId, Dot, Entry, HASH_SPACE, LEGACY_DEVICE, OrderKey, Stamp, ThemeId, Tick};

/// A 64-bit number as 16 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub(super) struct Hex(pub(super) u64);

impl TryFrom<String> for Hex {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let valid = text.len() == 16 && text.bytes().all(|byte| byte.is_ascii_hexdigit());
        let parsed = valid.then(|| u64::from_str_radix(&text, 16).ok()).flatten();
        parsed.map(Self).ok_or_else(|| format!("{text:?} is not 16 hex digits"))
    }
}

impl From<Hex> for String {
    fn from(hex: Hex) -> Self {
        format!("{:016x}", hex.0)
    }
}

/// A stamp as `hlc@device`, each 16 hex digits.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub(super) struct StampText(pub(super) Stamp);

impl TryFrom<String> for StampText {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let bad = || format!("{text:?} is not a change stamp (hlc@device, 16 hex digits each)");
        let (hlc, device) = text.split_once('@').ok_or_else(bad)?;
        let hlc = Hex::try_from(hlc.to_owned()).map_err(|_| bad())?;
        let device = Hex::try_from(device.to_owned()).map_err(|_| bad())?;
        Ok(Self(Stamp {
            hlc: hlc.0,
            device: DeviceId(device.0),
        }))
    }
}

impl From<StampText> for String {
    fn from(StampText(stamp): StampText) -> Self {
        format!("{:016x}@{:016x}", stamp.hlc, stamp.device.0)
    }
}

/// An order key, checked when read.
#[derive(Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub(super) struct KeyText(pub(super) OrderKey);

impl TryFrom<String> for KeyText {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        OrderKey::parse(&text).map(Self).map_err(|error| error.to_string())
    }
}

impl From<KeyText> for String {
    fn from(KeyText(key): KeyText) -> Self {
        key.as_str().to_owned()
    }
}

/// A stamp with a hash of the value it stamps, `hlc@device#hash`: a value changed by hand no
/// longer matches its hash.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub(super) struct HashedStamp(pub(super) Stamp, pub(super) u32);

impl TryFrom<String> for HashedStamp {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let bad = || format!("{text:?} is not a change stamp (hlc@device#hash)");
        let (stamp, hash) = text.split_once('#').ok_or_else(bad)?;
        let stamp = StampText::try_from(stamp.to_owned()).map_err(|_| bad())?;
        Ok(Self(stamp.0, parse_hash(hash).ok_or_else(bad)?))
    }
}

impl From<HashedStamp> for String {
    fn from(HashedStamp(stamp, hash): HashedStamp) -> Self {
        format!("{}#{}", String::from(StampText(stamp)), base62(u64::from(hash), 4))
    }
}

const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// `value` in base 62, at least `width` digits.
pub(super) fn base62(value: u64, width: usize) -> String {
    let mut text = String::new();
    push_base62(&mut text, value, width);
    text
}

/// Appends `value` in base 62, at least `width` digits.
fn push_base62(text: &mut String, mut value: u64, width: usize) {
    let mut digits = [b'0'; 11];
    let mut start = digits.len();
    while value > 0 || digits.len() - start < width.min(digits.len()) {
        start -= 1;
        if let (Some(slot), Some(digit)) = (
            digits.get_mut(start),
            DIGITS.get(usize::try_from(value % 62).unwrap_or(0)),
        ) {
            *slot = *digit;
        }
        value /= 62;
    }
    text.extend(
        digits
            .get(start..)
            .unwrap_or_default()
            .iter()
            .map(|byte| char::from(*byte)),
    );
}

pub(super) fn parse_base62(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 11 {
        return None;
    }
    text.bytes().try_fold(0u64, |value, byte| {
        let digit = DIGITS.iter().position(|digit| *digit == byte)?;
        value.checked_mul(62)?.checked_add(u64::try_from(digit).ok()?)
    })
}

fn parse_hash(text: &str) -> Option<u32> {
    parse_base62(text)
        .and_then(|hash| u32::try_from(hash).ok())
        .filter(|hash| *hash < HASH_SPACE && text.len() == 4)
}

/// Writes dots as `I:COUNTER` (I: the device's place among `devices`) or `~COUNTER` (legacy).
pub(super) struct DotWriter<'a> {
    pub(super) devices: &'a [DeviceId],
}

impl DotWriter<'_> {
    fn push_dot(&self, text: &mut String, dot: Dot) {
        match self.devices.iter().position(|device| *device == dot.device) {
            Some(index) if dot.device != LEGACY_DEVICE => {
                text.push_str(&index.to_string());
                text.push(':');
            }
            _ => text.push('~'),
        }
        push_base62(text, dot.counter, 1);
    }

    /// Entries as `DOT,KEY,HASH[,ORIGIN]`, space apart.
    pub(super) fn entries(&self, entries: &[Entry]) -> String {
        let mut text = String::with_capacity(entries.len() * 24);
        for (index, entry) in entries.iter().enumerate() {
            if index > 0 {
                text.push(' ');
            }
            self.push_dot(&mut text, entry.dot);
            text.push(',');
            text.push_str(entry.key.as_str());
            text.push(',');
            push_base62(&mut text, u64::from(entry.hash), 4);
            if let Some(origin) = entry.origin {
                text.push(',');
                self.push_dot(&mut text, origin);
            }
        }
        text
    }

    /// Ticks as `DOT,HASH` (the hash of the theme's id), space apart, in the order of `themes`.
    pub(super) fn ticks(&self, ticks: &[Tick]) -> String {
        let mut text = String::with_capacity(ticks.len() * 20);
        for (index, tick) in ticks.iter().enumerate() {
            if index > 0 {
                text.push(' ');
            }
            self.push_dot(&mut text, tick.dot);
            text.push(',');
            push_base62(&mut text, u64::from(tick_hash(tick.theme)), 4);
        }
        text
    }
}

/// The hash a tick's name holds of its theme's id.
pub(super) fn tick_hash(theme: ThemeId) -> u32 {
    crate::model::content_hash(&theme.0.to_le_bytes())
}

/// Reads what [`DotWriter`] wrote.
pub(super) struct DotReader<'a> {
    pub(super) devices: &'a [DeviceId],
}

impl DotReader<'_> {
    fn dot(&self, text: &str) -> Result<Dot, String> {
        let bad = || format!("{text:?} is not a change (I:COUNTER or ~COUNTER)");
        if let Some(counter) = text.strip_prefix('~') {
            let counter = parse_base62(counter).ok_or_else(bad)?;
            return Ok(Dot {
                counter,
                device: LEGACY_DEVICE,
            });
        }
        let (index, counter) = text.split_once(':').ok_or_else(bad)?;
        let index: usize = index.parse().map_err(|_| bad())?;
        let device = *self
            .devices
            .get(index)
            .ok_or_else(|| format!("{text:?} names device {index}, which the card's \"seen\" does not list"))?;
        Ok(Dot {
            counter: parse_base62(counter).ok_or_else(bad)?,
            device,
        })
    }

    pub(super) fn entries(&self, text: &str) -> Result<Vec<Entry>, String> {
        text.split(' ')
            .filter(|token| !token.is_empty())
            .map(|token| {
                let bad = || format!("{token:?} is not a name (DOT,KEY,HASH[,ORIGIN])");
                let mut parts = token.split(',');
                let dot = self.dot(parts.next().ok_or_else(bad)?)?;
                let key = OrderKey::parse(parts.next().ok_or_else(bad)?).map_err(|error| error.to_string())?;
                let hash = parse_hash(parts.next().ok_or_else(bad)?).ok_or_else(bad)?;
                let origin = parts.next().map(|origin| self.dot(origin)).transpose()?;
                if parts.next().is_some() {
                    return Err(bad());
                }
                Ok(Entry { key, dot, origin, hash })
            })
            .collect()
    }

    /// Ticks, each with the hash of its theme's id.
    pub(super) fn ticks(&self, text: &str) -> Result<Vec<(Dot, u32)>, String> {
        text.split(' ')
            .filter(|token| !token.is_empty())
            .map(|token| {
                let bad = || format!("{token:?} is not a tick (DOT,HASH)");
                let (dot, hash) = token.split_once(',').ok_or_else(bad)?;
                Ok((self.dot(dot)?, parse_hash(hash).ok_or_else(bad)?))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_written() {
        let devices = [DeviceId(5), DeviceId(9)];
        let dot = |device, counter| Dot {
            counter,
            device: DeviceId(device),
        };
        let entries = vec![
            Entry {
                key: OrderKey::parse("VAb1").unwrap(),
                dot: dot(9, 123_456_789_012),
                origin: None,
                hash: 0,
            },
            Entry {
                key: OrderKey::parse("W").unwrap(),
                dot: dot(0, u64::MAX),
                origin: Some(dot(5, 1)),
                hash: HASH_SPACE - 1,
            },
        ];
        let text = DotWriter { devices: &devices }.entries(&entries);
        assert_eq!(DotReader { devices: &devices }.entries(&text).unwrap(), entries);
        assert!(
            DotReader { devices: &devices[..1] }.entries(&text).is_err(),
            "device 1 is not listed"
        );
        assert!(DotReader { devices: &devices }.entries("0:1,V").is_err());
        assert_eq!(base62(0, 4), "0000");
        assert_eq!(parse_base62(&base62(u64::MAX, 1)), Some(u64::MAX));
    }
}
