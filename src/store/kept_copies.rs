//! Copies of a board kept beside it: one side's version when an outside edit was resolved, and
//! restoring a damaged board from one of them or from its backup.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::atomic_write::write_atomic_with;
use super::board_file::{backup_path_for, load, parse};
use super::local_time::file_name_time;
use super::lock::BoardLock;
use super::permissions::permissions_beside;

/// The labels of copies that hold a whole good board: the user's or another program's version,
/// and the board as it was before a merge removed cards.
const RESTORABLE_LABELS: [&str; 3] = ["mine", "theirs", "before-merge"];

/// How many copies of one label may be kept in one second before keeping another fails.
const MAX_SAME_NAME: u32 = 1000;

/// Writes `bytes` beside the board as `NAME.LABEL-TIME.json` (never over an existing file)
/// and returns where: one side's version when the user resolves an outside edit.
/// The copy may be read by whoever may read the board file.
pub fn keep_copy_beside(path: &Path, label: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let copy = claim_name_beside(path, label)?;
    write_atomic_with(&copy, bytes, permissions_beside(path).as_ref()).inspect_err(|_| release_name(&copy))?;
    Ok(copy)
}

/// Claims a name for a copy kept beside the board: `talks.json` → `talks.LABEL-TIME.json`, the
/// local time as `2026-12-02T14-03-05`, or `…-TIME-2.json`, `…-TIME-3.json` when that is taken.
/// The name is claimed by creating an empty file there, never over a file (nor a link) already
/// there, also one made in the same instant; the caller renames the copy over it, or
/// [`release_name`]s it when that fails. (Copies kept before were named by Unix time,
/// `talks.mine-1700000000.json`: both kinds are found the same way, by `NAME.LABEL-`.)
pub(super) fn claim_name_beside(path: &Path, label: &str) -> io::Result<PathBuf> {
    let time = file_name_time(SystemTime::now());
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    for number in 1..=MAX_SAME_NAME {
        let suffix = if number == 1 {
            String::new()
        } else {
            format!("-{number}")
        };
        let candidate = path.with_file_name(format!("{stem}.{label}-{time}{suffix}.json"));
        match OpenOptions::new().write(true).create_new(true).open(&candidate) {
            Ok(_) => return Ok(candidate),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{stem}.{label}-{time}…: {MAX_SAME_NAME} copies are there already"),
    ))
}

/// Removes the empty file that claimed `copy`'s name, once keeping the copy has failed.
pub(super) fn release_name(copy: &Path) {
    if fs::metadata(copy).is_ok_and(|claimed| claimed.len() == 0) {
        // Best effort: the error that matters is the one that made the copy fail.
        let _ = fs::remove_file(copy);
    }
}

/// The copies a damaged board can be restored from, each a board that loads: its backup first,
/// then the `mine-…`, `theirs-…` and `before-merge-…` copies beside it, newest first.
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
    // The restored board may be read by whoever could read the damaged one.
    let permissions = permissions_beside(path);
    let kept = claim_name_beside(path, "damaged")?;
    if path.exists() {
        fs::rename(path, &kept).inspect_err(|_| release_name(&kept))?;
    } else {
        release_name(&kept);
    }
    write_atomic_with(path, &bytes, permissions.as_ref())?;
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

    /// The part of a kept copy's name after `NAME.LABEL-`, without `.json`.
    fn stamp_of<'a>(copy: &'a Path, prefix: &str) -> &'a str {
        let name = copy.file_name().unwrap().to_str().unwrap();
        name.strip_prefix(prefix).unwrap().strip_suffix(".json").unwrap()
    }

    #[test]
    fn a_kept_copy_is_named_by_local_time_and_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("talks.json");
        let before = file_name_time(SystemTime::now());
        let first = keep_copy_beside(&path, "theirs", b"first").unwrap();
        let after = file_name_time(SystemTime::now());
        let stamp = stamp_of(&first, "talks.theirs-");
        assert!(before.as_str() <= stamp && stamp <= after.as_str(), "{stamp}");
        let shape: String = stamp
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        assert_eq!(shape, "0000-00-00T00-00-00", "{stamp}");

        // This second's names taken by someone else's file and by a link to nowhere.
        let now = file_name_time(SystemTime::now());
        let someones = dir.path().join(format!("talks.theirs-{now}.json"));
        if !someones.exists() {
            fs::write(&someones, b"someone else's").unwrap();
        }
        let link = dir.path().join(format!("talks.theirs-{now}-2.json"));
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
        let second = keep_copy_beside(&path, "theirs", b"second").unwrap();
        assert_ne!(second, someones);
        assert_ne!(second, link);
        assert_eq!(fs::read(&second).unwrap(), b"second");
        assert_eq!(fs::read(&first).unwrap(), b"first", "the first copy stays");
        if someones != first {
            assert_eq!(fs::read(&someones).unwrap(), b"someone else's");
        }
        #[cfg(unix)]
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(!dir.path().join("nowhere").exists(), "nothing written through the link");
    }

    #[test]
    fn copies_kept_by_unix_time_and_by_local_time_are_both_offered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("talks.json");
        let bytes = |title: &str| crate::store::to_bytes(&Board::new(title)).unwrap();
        // As Boothboard kept them before: seconds since 1970.
        let old = dir.path().join("talks.mine-1700000000.json");
        fs::write(&old, bytes("Old mine")).unwrap();
        let old_second = dir.path().join("talks.theirs-1700000000-2.json");
        fs::write(&old_second, bytes("Old theirs")).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let new = keep_copy_beside(&path, "theirs", &bytes("New theirs")).unwrap();
        assert_eq!(restorable_copies(&path), [new.clone(), old_second, old]);
        fs::write(&path, bytes("The board")).unwrap();
        assert_eq!(
            crate::store::boards_in(dir.path()),
            [path.as_path()],
            "copies are not boards"
        );

        fs::write(&path, b"{ damaged").unwrap();
        let kept = restore_copy(&path, &new).unwrap();
        assert!(stamp_of(&kept, "talks.damaged-").starts_with(['1', '2']), "{kept:?}");
        assert_eq!(fs::read(&kept).unwrap(), b"{ damaged");
        assert_eq!(load(&path).unwrap().title, "New theirs");
        fs::write(&path, b"{ damaged again").unwrap();
        let again = restore_copy(&path, &new).unwrap();
        assert_ne!(again, kept);
        assert_eq!(fs::read(&kept).unwrap(), b"{ damaged", "the first damaged file stays");
        assert_eq!(fs::read(&again).unwrap(), b"{ damaged again");
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
