//! Small app settings that outlive a session: which board was open last.

use std::fs;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{AppHome, atomic_write::write_atomic};

/// Settings kept in `settings.json` under the app home.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The board open when the app last ran.
    #[serde(default)]
    pub last_board: Option<PathBuf>,
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

    /// Remembers `board` as the last one opened; failure only costs the memory of it.
    pub fn remember_board(home: &AppHome, board: PathBuf) {
        let settings = Self {
            last_board: Some(board),
        };
        if let Err(error) = settings.save(home) {
            log::warn!(
                "{}: can't remember the last board: {error}",
                home.settings_path().display()
            );
        }
    }
}
