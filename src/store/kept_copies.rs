//! Copies of a board kept beside it: one side's version when an outside edit was resolved, and
//! restoring a damaged board from one of them or from its backup.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic_write::write_atomic;
use super::board_file::{backup_path_for, load, parse};
use super::lock::BoardLock;

/// The labels of copies that hold a whole good board: the user's or another program's version.
const RESTORABLE_LABELS: [&str; 2] = ["mine", "theirs"];

/// Writes `bytes` beside the board as `NAME.LABEL-SECONDS.json` (never over an existing file)
/// and returns where: one side's version when the user resolves an outside edit.
pub fn keep_copy_beside(path: &Path, label: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let copy = unused_name_beside(path, label);
    write_atomic(&copy, bytes)?;
    Ok(copy)
}

/// `talks.json` → `talks.LABEL-SECONDS.json`, or `…-SECONDS-2.json` if that is taken.
pub(super) fn unused_name_beside(path: &Path, label: &str) -> PathBuf {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|since| since.as_secs())
        .unwrap_or(0);
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let mut candidate = path.with_file_name(format!("{stem}.{label}-{stamp}.json"));
    let mut number = 2;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{stem}.{label}-{stamp}-{number}.json"));
        number += 1;
    }
    candidate
}

/// The copies a damaged board can be restored from, each a board that loads: its backup first,
/// then the `mine-…` and `theirs-…` copies beside it, newest first.
pub fn restorable_copies(path: &Path) -> Vec<PathBuf> {
    let backup = backup_path_for(path);
    let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let mut copies: Vec<(std::time::SystemTime, PathBuf)> = path
        .parent()
        .and_then(|folder| fs::read_dir(folder).ok())
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.ends_with(".json")
                && RESTORABLE_LABELS
                    .iter()
                    .any(|label| name.starts_with(&format!("{stem}.{label}-")))
        })
        .filter_map(|entry| {
            let modified = entry.metadata().ok()?.modified().ok()?;
            Some((modified, entry.path()))
        })
        .collect();
    copies.sort_by(|a, b| b.cmp(a));
    std::iter::once(backup)
        .chain(copies.into_iter().map(|(_, copy)| copy))
        .filter(|copy| load(copy).is_ok())
        .collect()
}

/// Moves a damaged board file aside (it is never deleted) and puts `copy` (its backup, or a kept
/// copy) in its place. Returns where the damaged file was kept.
pub fn restore_copy(path: &Path, copy: &Path) -> io::Result<PathBuf> {
    let bytes = fs::read(copy)
        .map_err(|error| io::Error::new(error.kind(), format!("{}: can't read it: {error}", copy.display())))?;
    parse(copy, &bytes).map_err(|error| io::Error::other(format!("that copy is damaged too: {error}")))?;
    let _writer = BoardLock::acquire(path).map_err(io::Error::other)?;
    let kept = unused_name_beside(path, "damaged");
    if path.exists() {
        fs::rename(path, &kept)?;
    }
    write_atomic(path, &bytes)?;
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Board;
    use crate::store::save;

    #[test]
    fn restoring_the_backup_keeps_the_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let mut board = Board::new("First");
        save(&path, &board).unwrap();
        board.title = "Second".to_owned();
        save(&path, &board).unwrap();
        fs::write(&path, b"{ damaged").unwrap();
        let kept = restore_copy(&path, &backup_path_for(&path)).unwrap();
        assert_eq!(fs::read(&kept).unwrap(), b"{ damaged");
        assert_eq!(load(&path).unwrap().title, "First");
    }

    #[test]
    fn the_copies_to_restore_are_the_backup_and_the_good_kept_versions_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("talks.json");
        let bytes = |title: &str| crate::store::to_bytes(&Board::new(title)).unwrap();
        let older = keep_copy_beside(&path, "theirs", &bytes("Theirs")).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let newer = keep_copy_beside(&path, "mine", &bytes("Mine")).unwrap();
        keep_copy_beside(&path, "mine", b"{ damaged").unwrap();
        keep_copy_beside(&path, "damaged", &bytes("Damaged is not offered")).unwrap();
        keep_copy_beside(&dir.path().join("other.json"), "mine", &bytes("Another board")).unwrap();
        assert_eq!(restorable_copies(&path), [newer.clone(), older], "no backup yet");
        fs::write(&path, b"{ damaged").unwrap();
        let kept = restore_copy(&path, &newer).unwrap();
        assert_eq!(load(&path).unwrap().title, "Mine");
        assert_eq!(fs::read(kept).unwrap(), b"{ damaged");
        assert!(newer.exists(), "the copy stays");
    }
}
