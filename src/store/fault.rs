//! A seam for tests (cargo feature `test-seams`, never in release builds): make the store's writes
//! in one folder fail as a full disk or a read-only file system would, or take long as a slow disk
//! does. Folder permissions can't do that where tests run as root (as CI does).
//!
//! Every file the store writes goes through `atomic_write`, which asks this module first, so a
//! fault reaches the app's real save path: saver thread, board file, backup, temporary file.

use std::fs::File;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// A way for the disk to refuse or hold up a write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteFault {
    /// Data stops fitting part-way through a file: "No space left on device".
    DiskFull,
    /// No file can be created or replaced: "Read-only file system".
    ReadOnly,
    /// Every file takes this long to write, then is written.
    Slow(std::time::Duration),
}

/// Folders with a fault in force. Tests in one process each use their own folder.
static FAULTS: Mutex<Vec<(PathBuf, WriteFault)>> = Mutex::new(Vec::new());

/// Keeps a fault in force until dropped.
#[derive(Debug)]
#[must_use = "the fault is lifted when this is dropped"]
pub struct InjectedFault {
    folder: PathBuf,
}

/// Makes every write the store makes in `folder` (or below it) fail with `fault`.
pub fn inject_write_fault(folder: impl Into<PathBuf>, fault: WriteFault) -> InjectedFault {
    let folder = folder.into();
    faults().push((folder.clone(), fault));
    InjectedFault { folder }
}

impl Drop for InjectedFault {
    fn drop(&mut self) {
        faults().retain(|(folder, _)| *folder != self.folder);
    }
}

/// Refuses to create or replace `path` where the file system is made read only.
pub(super) fn refuse_replace(path: &Path) -> io::Result<()> {
    match fault_for(path) {
        Some(WriteFault::ReadOnly) => Err(io::Error::new(
            io::ErrorKind::ReadOnlyFilesystem,
            "Read-only file system",
        )),
        _ => Ok(()),
    }
}

/// Before `bytes` go to the just created `file` at `path`: a full disk lets half of them land and
/// fails, a slow one waits.
pub(super) fn disturb_write(file: &mut File, path: &Path, bytes: &[u8]) -> io::Result<()> {
    match fault_for(path) {
        Some(WriteFault::DiskFull) => {
            file.write_all(bytes.get(..bytes.len() / 2).unwrap_or_default())?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "No space left on device"))
        }
        Some(WriteFault::Slow(delay)) => {
            std::thread::sleep(delay);
            Ok(())
        }
        Some(WriteFault::ReadOnly) | None => Ok(()),
    }
}

/// The fault in force for a file about to be written, if any.
fn fault_for(path: &Path) -> Option<WriteFault> {
    faults()
        .iter()
        .find(|(folder, _)| path.starts_with(folder))
        .map(|(_, fault)| *fault)
}

fn faults() -> std::sync::MutexGuard<'static, Vec<(PathBuf, WriteFault)>> {
    // The list stays consistent even if a test panicked while holding it.
    FAULTS.lock().unwrap_or_else(PoisonError::into_inner)
}
