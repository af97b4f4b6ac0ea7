//! Small app settings that outlive a session: which board was open last, and this device's id.

use std::fs;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{AppHome, atomic_write::write_atomic};
use crate::model::DeviceId;

/// Settings kept in `settings.json` under the app home.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The board open when the app last ran.
    #[serde(default)]
    pub last_board: Option<PathBuf>,
    /// This install's id, which stamps its changes to boards (made at random the first time).
    #[serde(default)]
    pub device: Option<u64>,
}

impl Settings {
    /// Reads the settings; missing or unreadable settings are the defaults (they hold nothing
    /// a user would lose).
    pub fn load(home: &AppHome) -> Self {
        let path = home.settings_path();
        match fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|error| {
                log::warn!("{}: ignoring unreadable settings: {error}", path.display());
                Self::default()
            }),
            Err(_) => Self::default(),
        }
    }

    /// Writes the settings atomically.
    pub fn save(&self, home: &AppHome) -> std::io::Result<()> {
        fs::create_dir_all(home.root())?;
        let mut bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        write_atomic(&home.settings_path(), &bytes)
    }

    /// This install's id; made at random and saved the first time. Where the settings can't be
    /// saved, a new id for this run: stamps stay unique, only less tidy.
    pub fn device(home: &AppHome) -> DeviceId {
        let mut settings = Self::load(home);
        if let Some(device) = settings.device {
            return DeviceId(device);
        }
        let device = getrandom::u64().unwrap_or_else(|_| fallback_random());
        settings.device = Some(device);
        if let Err(error) = settings.save(home) {
            log::warn!(
                "{}: can't keep this device's id: {error}",
                home.settings_path().display()
            );
        }
        DeviceId(device)
    }

    /// Remembers `board` as the last one opened; failure only costs the memory of it.
    pub fn remember_board(home: &AppHome, board: PathBuf) {
        let mut settings = Self::load(home);
        settings.last_board = Some(board);
        if let Err(error) = settings.save(home) {
            log::warn!(
                "{}: can't remember the last board: {error}",
                home.settings_path().display()
            );
        }
    }
}

/// Where the system has no random source: the time and the process, hashed.
fn fallback_random() -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    let hash = blake3::hash(format!("{now}-{}", std::process::id()).as_bytes());
    let mut bytes = [0; 8];
    bytes.copy_from_slice(hash.as_bytes().get(..8).unwrap_or(&[7; 8]));
    u64::from_le_bytes(bytes)
}
