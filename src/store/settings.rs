//! Small app settings that outlive a session: the boards opened lately, where the last export
//! went, the language chosen, this device's id, and each board's screenshot inbox.

use std::fs;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{AppHome, atomic_write::write_atomic};
use crate::i18n::Language;
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
    /// The boards opened lately, the latest first, at most [`RECENT_BOARDS`].
    #[serde(default)]
    pub recent_boards: Vec<PathBuf>,
    /// The folder the last export went into.
    #[serde(default)]
    pub last_export_folder: Option<PathBuf>,
    /// The language chosen in the View menu; none follows the system's.
    #[serde(default, deserialize_with = "known_language")]
    pub language: Option<Language>,
    /// The screenshot inbox of each board that has had one: this machine's folders, so kept here
    /// and never in the board file.
    #[serde(default)]
    pub inboxes: Vec<InboxSetting>,
}

/// The folder a board takes new screenshots and photos from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxSetting {
    /// The board file.
    pub board: PathBuf,
    /// The folder watched.
    pub folder: PathBuf,
    /// Whether the folder is watched now (the folder is remembered when it is not).
    pub watching: bool,
    /// New images go onto the selected card rather than onto new cards.
    #[serde(default)]
    pub attach_to_selected: bool,
}

/// How many boards "Open board" remembers.
pub const RECENT_BOARDS: usize = 10;

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

    /// Remembers `board` as the last one opened, first among the recent ones; failure only
    /// costs the memory of it.
    pub fn remember_board(home: &AppHome, board: PathBuf) {
        Self::change(home, "the last board", |settings| {
            settings.recent_boards.retain(|recent| *recent != board);
            settings.recent_boards.insert(0, board.clone());
            settings.recent_boards.truncate(RECENT_BOARDS);
            settings.last_board = Some(board);
        });
    }

    /// Remembers the folder an export went into, to offer it for the next one.
    pub fn remember_export_folder(home: &AppHome, folder: PathBuf) {
        Self::change(home, "the export folder", |settings| {
            settings.last_export_folder = Some(folder);
        });
    }

    /// Remembers the language chosen in the View menu (none: the system's).
    pub fn remember_language(home: &AppHome, language: Option<Language>) {
        Self::change(home, "the language", |settings| settings.language = language);
    }

    /// The language the window speaks: the one chosen, else the system's.
    pub fn window_language(&self) -> Language {
        self.language.unwrap_or_else(Language::of_system)
    }

    /// Remembers a board's inbox, replacing what was remembered for that board.
    pub fn remember_inbox(home: &AppHome, inbox: InboxSetting) {
        Self::change(home, "the screenshot folder", |settings| {
            settings.inboxes.retain(|kept| kept.board != inbox.board);
            settings.inboxes.push(inbox);
        });
    }

    /// The inbox remembered for `board`.
    pub fn inbox_for(&self, board: &std::path::Path) -> Option<&InboxSetting> {
        self.inboxes.iter().find(|inbox| inbox.board == board)
    }

    /// The boards opened lately, the latest first (from before this list was kept: the last one).
    pub fn recent_boards(&self) -> Vec<PathBuf> {
        if self.recent_boards.is_empty() {
            self.last_board.iter().cloned().collect()
        } else {
            self.recent_boards.clone()
        }
    }

    /// Settings already so are not written again: each launch remembers its board, and writing the
    /// same file again, with its two flushes to disk, cost 2 ms of every start.
    fn change(home: &AppHome, what: &str, change: impl FnOnce(&mut Self)) {
        let before = Self::load(home);
        let mut settings = before.clone();
        change(&mut settings);
        if settings == before {
            return;
        }
        if let Err(error) = settings.save(home) {
            log::warn!("{}: can't remember {what}: {error}", home.settings_path().display());
        }
    }
}

/// A language this version doesn't know (chosen in a newer one) follows the system, and the
/// other settings are kept.
fn known_language<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Language>, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_chosen_language_is_remembered_and_an_unknown_one_follows_the_system() {
        let dir = tempfile::tempdir().unwrap();
        let home = AppHome::at(dir.path());
        Settings::remember_board(&home, PathBuf::from("/boards/a.json"));
        Settings::remember_language(&home, Some(Language::SimplifiedChinese));
        let settings = Settings::load(&home);
        assert_eq!(settings.language, Some(Language::SimplifiedChinese));
        assert_eq!(settings.window_language(), Language::SimplifiedChinese);
        assert_eq!(settings.last_board, Some(PathBuf::from("/boards/a.json")));
        std::fs::write(
            home.settings_path(),
            br#"{ "last_board": "/boards/a.json", "language": "Klingon", "device": 7 }"#,
        )
        .unwrap();
        let settings = Settings::load(&home);
        assert_eq!(settings.language, None);
        assert_eq!(settings.device, Some(7));
        assert_eq!(settings.last_board, Some(PathBuf::from("/boards/a.json")));
    }

    #[test]
    fn settings_that_are_already_so_are_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let home = AppHome::at(dir.path());
        Settings::remember_board(&home, PathBuf::from("/boards/a.json"));
        // The same settings, written by hand: a rewrite would change the bytes.
        let by_hand = r#"{"last_board":"/boards/a.json","recent_boards":["/boards/a.json"]}"#;
        std::fs::write(home.settings_path(), by_hand).unwrap();
        Settings::remember_board(&home, PathBuf::from("/boards/a.json"));
        assert_eq!(std::fs::read_to_string(home.settings_path()).unwrap(), by_hand);
        Settings::remember_board(&home, PathBuf::from("/boards/b.json"));
        assert_ne!(std::fs::read_to_string(home.settings_path()).unwrap(), by_hand);
        assert_eq!(Settings::load(&home).last_board, Some(PathBuf::from("/boards/b.json")));
    }

    #[test]
    fn recent_boards_are_the_latest_first_without_repeats_and_at_most_ten() {
        let dir = tempfile::tempdir().unwrap();
        let home = AppHome::at(dir.path());
        // Settings written before the list was kept name only the last board.
        std::fs::write(home.settings_path(), br#"{ "last_board": "/boards/old.json" }"#).unwrap();
        assert_eq!(
            Settings::load(&home).recent_boards(),
            vec![PathBuf::from("/boards/old.json")]
        );
        for n in 0..12 {
            Settings::remember_board(&home, PathBuf::from(format!("/boards/{n}.json")));
        }
        Settings::remember_board(&home, PathBuf::from("/boards/5.json"));
        let recent = Settings::load(&home).recent_boards();
        assert_eq!(recent.len(), RECENT_BOARDS);
        assert_eq!(recent[0], PathBuf::from("/boards/5.json"));
        assert_eq!(recent[1], PathBuf::from("/boards/11.json"));
        assert_eq!(recent.iter().filter(|path| path.ends_with("5.json")).count(), 1);
        Settings::remember_export_folder(&home, PathBuf::from("/exports"));
        assert_eq!(
            Settings::load(&home).last_export_folder,
            Some(PathBuf::from("/exports"))
        );
        assert_eq!(Settings::load(&home).last_board, Some(PathBuf::from("/boards/5.json")));
    }

    #[test]
    fn each_board_has_its_own_inbox_and_the_last_choice_counts() {
        let dir = tempfile::tempdir().unwrap();
        let home = AppHome::at(dir.path());
        let inbox = |board: &str, folder: &str, watching| InboxSetting {
            board: PathBuf::from(board),
            folder: PathBuf::from(folder),
            watching,
            attach_to_selected: false,
        };
        Settings::remember_inbox(&home, inbox("/a.json", "/shots", true));
        Settings::remember_inbox(&home, inbox("/b.json", "/photos", true));
        Settings::remember_inbox(&home, inbox("/a.json", "/shots", false));
        let settings = Settings::load(&home);
        assert_eq!(settings.inboxes.len(), 2);
        assert_eq!(
            settings.inbox_for(Path::new("/a.json")),
            Some(&inbox("/a.json", "/shots", false))
        );
        assert_eq!(
            settings.inbox_for(Path::new("/b.json")).unwrap().folder,
            PathBuf::from("/photos")
        );
        assert_eq!(settings.inbox_for(Path::new("/c.json")), None);
    }
}
