//! One writer at a time: an OS file lock beside the board file.
//!
//! The lock is taken on `.NAME.lock` beside `NAME` rather than on the board itself, because every
//! save replaces the board file with a new one. The OS releases it when the holder exits or is
//! killed, so a crash never leaves a board locked. The lock file itself is empty and stays.

use crate::{i18n, tr};
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use super::atomic_write::remove_stale_temps;
use super::board_file::backup_path_for;

/// Why this process may not write a board file.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another Boothboard (a window or a command) holds the lock.
    #[error("{}", tr!("lock-error-busy", path = path.display().to_string()))]
    Busy {
        /// The board file.
        path: PathBuf,
    },
    /// The lock file could not be opened or locked.
    #[error("{}", tr!("lock-error-io", path = path.display().to_string(), error = i18n::io_error(source)))]
    Io {
        /// The board file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// Held while this process is the one that writes a board file; released on drop (or death).
#[derive(Debug)]
pub struct BoardLock {
    _file: File,
}

impl BoardLock {
    /// Takes the lock without waiting, then removes temporary files that a killed writer left.
    pub fn acquire(board: &Path) -> Result<Self, LockError> {
        let io_error = |source| LockError::Io {
            path: board.to_owned(),
            source,
        };
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(lock_path_for(board))
            .map_err(io_error)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(LockError::Busy { path: board.to_owned() }),
            Err(TryLockError::Error(source)) => return Err(io_error(source)),
        }
        for target in [board.to_owned(), backup_path_for(board)] {
            // Leftovers cost only disk space; failing to remove them must not stop the work.
            if let Err(error) = remove_stale_temps(&target) {
                log::warn!("{}: can't remove stale temporary files: {error}", target.display());
            }
        }
        Ok(Self { _file: file })
    }
}

/// `talks.json` → `.talks.json.lock`.
pub fn lock_path_for(board: &Path) -> PathBuf {
    let name = board.file_name().map(|name| name.to_string_lossy()).unwrap_or_default();
    board.with_file_name(format!(".{name}.lock"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.json");
        let first = BoardLock::acquire(&board).unwrap();
        // A second open file description is refused even in the same process.
        let second = BoardLock::acquire(&board).unwrap_err();
        assert!(matches!(second, LockError::Busy { .. }), "{second}");
        assert!(second.to_string().contains("open in another Boothboard"), "{second}");
        drop(first);
        BoardLock::acquire(&board).unwrap();
        assert!(lock_path_for(&board).is_file());
    }
}
