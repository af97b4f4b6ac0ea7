//! The name of a file inside a board's media folder.

use crate::tr;
use serde::{Deserialize, Serialize};

/// A plain file name inside the media folder: no separators, no `..`, no hidden files,
/// so a board file can never point outside its media folder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MediaName(String);

/// Why a string is not a valid media file name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", tr!("bad-media-name", name = format!("{name:?}")))]
pub struct BadMediaName {
    /// The rejected name, as written in the file.
    pub name: String,
}

const MAX_NAME_LEN: usize = 200;

impl MediaName {
    /// Accepts ASCII letters, digits, `-`, `_` and `.`, not starting with `.`.
    pub fn new(name: impl Into<String>) -> Result<Self, BadMediaName> {
        let name = name.into();
        let plain = !name.is_empty()
            && name.len() <= MAX_NAME_LEN
            && !name.starts_with('.')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if plain {
            Ok(Self(name))
        } else {
            Err(BadMediaName { name })
        }
    }

    /// The file name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for MediaName {
    type Error = BadMediaName;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        Self::new(name)
    }
}

impl From<MediaName> for String {
    fn from(name: MediaName) -> Self {
        name.0
    }
}

impl std::fmt::Display for MediaName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::MediaName;

    #[test]
    fn only_plain_names_are_accepted() {
        assert!(MediaName::new("0a1b2c.png").is_ok());
        for bad in ["", "../x.png", "/etc/passwd", "a/b.png", "a\\b.png", ".hidden", "é.png"] {
            assert!(MediaName::new(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
