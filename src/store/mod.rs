//! Board files on disk: load, validate, atomic save with backup, one writer at a time, outside
//! edits noticed, the board a crashed window kept, and where files live. No egui.

mod atomic_write;
mod board_file;
mod board_files;
mod board_watch;
mod conflict_copies;
#[cfg(feature = "test-seams")]
mod fault;
mod fingerprint;
mod format;
mod home;
mod kept_copies;
mod local_time;
mod lock;
mod permissions;
mod recovery;
mod saver;
mod settings;
mod watcher;

pub use atomic_write::{write_atomic, write_atomic_with};
pub use board_file::{
    LoadError, MAX_BOARD_FILE_BYTES, OutsideVersion, Replace, SaveError, SaveOutcome, Saved, backup_path_for,
    fingerprint_for, load, load_with_fingerprint, media_dir_for, parse, read_if_changed, refuse_read_only, save,
    save_replacing, to_bytes, version_of,
};
pub use board_files::boards_in;
pub use board_watch::{BoardWatch, OnNews, WatchNews};
pub use conflict_copies::{conflict_copies, file_away_merged_copy, is_conflict_copy, merged_copies_dir_for};
#[cfg(feature = "test-seams")]
pub use fault::{InjectedFault, WriteFault, inject_write_fault};
pub use fingerprint::Fingerprint;
pub use format::{FORMAT, VERSION};
pub use home::{AppHome, HOME_ENV, NoHome};
pub use kept_copies::{keep_copy_beside, restorable_copies, restore_copy};
pub use local_time::{file_name_time, local_time};
pub use lock::{BoardLock, LockError, lock_path_for};
pub use permissions::{create_folder_with, folder_permissions_beside, is_read_only_file, permissions_beside};
pub use recovery::{Recovery, find_recovery, recovery_path_for, set_recovery_aside, write_recovery};
pub use saver::{OnSaved, SaveReport, SaveRequest, Saver};
pub use settings::{InboxSetting, RECENT_BOARDS, Settings};
pub use watcher::{DebounceEventResult, FolderWatcher, folder_watcher, watch_folder};
