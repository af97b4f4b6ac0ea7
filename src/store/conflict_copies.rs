//! The copies of a board that sync tools leave beside it when two machines changed it at once:
//! found, and once merged, filed away in `NAME.merged/` (never deleted).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic_write::sync_parent;

/// Whether `candidate` is a conflict copy of the board at `board`, by the names that Syncthing
/// (`NAME.sync-conflict-20181211-143005-ABCDEFG.json`), Dropbox (`NAME (Ana's conflicted copy
/// 2018-12-11).json`), Nextcloud (`NAME (conflicted copy 2018-12-11 143005).json`) and ownCloud
/// (`NAME_conflict-20181211-143005.json`) give them.
pub fn is_conflict_copy(board: &Path, candidate: &Path) -> bool {
    if board.parent() != candidate.parent() {
        return false;
    }
    let (Some(stem), Some(name)) = (board.file_stem(), candidate.file_name()) else {
        return false;
    };
    let (stem, name) = (stem.to_string_lossy(), name.to_string_lossy());
    let Some(rest) = name.strip_prefix(stem.as_ref()) else {
        return false;
    };
    let Some(rest) = rest.strip_suffix(".json").or_else(|| rest.strip_suffix(".JSON")) else {
        return false;
    };
    rest.starts_with(".sync-conflict-")
        || rest.starts_with("_conflict-")
        || (rest.starts_with(" (") && rest.ends_with(')') && rest.to_lowercase().contains("conflicted copy"))
}

/// The conflict copies beside `board` now, oldest name first. Only regular files: a link could
/// point out of the board's folder.
pub fn conflict_copies(board: &Path) -> Vec<PathBuf> {
    let Some(folder) = board.parent() else {
        return Vec::new();
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| board.with_file_name(entry.file_name()))
        .filter(|candidate| is_conflict_copy(board, candidate))
        .collect();
    copies.sort();
    copies
}

/// `talks.json` → `talks.merged`: where merged conflict copies go.
pub fn merged_copies_dir_for(board: &Path) -> PathBuf {
    let stem = board.file_stem().unwrap_or_default().to_string_lossy();
    board.with_file_name(format!("{stem}.merged"))
}

/// Moves a conflict copy whose content is now in the saved board into `NAME.merged/`, under its
/// own name (numbered if that is taken), and returns where it went. Call only once the merged
/// board is durably saved.
pub fn file_away_merged_copy(board: &Path, copy: &Path) -> io::Result<PathBuf> {
    let folder = merged_copies_dir_for(board);
    fs::create_dir_all(&folder)?;
    let name = copy.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name.as_str(), "json"));
    let mut target = folder.join(&name);
    let mut number = 2;
    while fs::symlink_metadata(&target).is_ok() {
        target = folder.join(format!("{stem}-{number}.{extension}"));
        number += 1;
    }
    fs::rename(copy, &target)?;
    sync_parent(&target)?;
    sync_parent(copy)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_conflict_copies_of_syncthing_dropbox_nextcloud_and_owncloud() {
        let board = Path::new("/boards/kubecon.json");
        for name in [
            "kubecon.sync-conflict-20181211-143005-ABCDEFG.json",
            "kubecon (Ana's conflicted copy 2018-12-11).json",
            "kubecon (conflicted copy 2018-12-11 143005).json",
            "kubecon (Conflicted copy 2018-12-11 143005) (1).json",
            "kubecon_conflict-20181211-143005.json",
        ] {
            assert!(is_conflict_copy(board, &board.with_file_name(name)), "{name}");
        }
        for name in [
            "kubecon.json",
            "kubecon.backup.json",
            "kubecon.mine-1700000000.json",
            "kubecon.theirs-2026-12-02T14-03-05.json",
            "kubecon.v1.json",
            "kubecon2.sync-conflict-20181211-143005-ABCDEFG.json",
            "other.sync-conflict-20181211-143005-ABCDEFG.json",
            "kubecon (copy).json",
            "kubecon.sync-conflict-20181211-143005-ABCDEFG.json.tmp",
        ] {
            assert!(!is_conflict_copy(board, &board.with_file_name(name)), "{name}");
        }
        assert!(!is_conflict_copy(
            board,
            Path::new("/elsewhere/kubecon.sync-conflict-20181211-143005-ABCDEFG.json")
        ));
    }

    #[test]
    fn finds_copies_but_not_links_and_files_them_away_without_overwriting() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("kubecon.json");
        let copy = board.with_file_name("kubecon.sync-conflict-20181211-143005-ABCDEFG.json");
        fs::write(&board, b"{}").unwrap();
        fs::write(&copy, b"copy").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            &board,
            board.with_file_name("kubecon.sync-conflict-20181211-150000-LINKED.json"),
        )
        .unwrap();
        assert_eq!(conflict_copies(&board), vec![copy.clone()]);

        let filed = file_away_merged_copy(&board, &copy).unwrap();
        assert_eq!(filed, dir.path().join("kubecon.merged").join(copy.file_name().unwrap()));
        assert_eq!(fs::read(&filed).unwrap(), b"copy");
        assert!(!copy.exists());

        fs::write(&copy, b"again").unwrap();
        let second = file_away_merged_copy(&board, &copy).unwrap();
        assert_ne!(second, filed);
        assert_eq!(fs::read(&filed).unwrap(), b"copy", "the first stays as it was");
        assert_eq!(fs::read(&second).unwrap(), b"again");
    }
}
