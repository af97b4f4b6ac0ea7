//! Board files on disk: load, validate, atomic save with backup, and where files live. No egui.

mod atomic_write;
mod board_file;
mod home;
mod saver;
mod settings;

pub use atomic_write::write_atomic;
pub use board_file::{
    LoadError, MAX_BOARD_FILE_BYTES, SaveError, SaveOutcome, backup_path_for, load, media_dir_for, parse,
    restore_backup, save, to_bytes,
};
pub use home::{AppHome, HOME_ENV, NoHome};
pub use saver::{OnSaved, SaveReport, Saver};
pub use settings::Settings;
