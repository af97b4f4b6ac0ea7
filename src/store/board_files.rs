//! Finding the boards in a folder, for the app's list of boards to open.

use std::fs;
use std::path::{Path, PathBuf};

use super::is_conflict_copy;

/// The board files in `folder`, by name: `NAME.json` files, but not the copies Boothboard and
/// sync tools keep beside a board (`NAME.v1.json`, `NAME.mine-….json`, conflict copies) nor
/// hidden or temporary files. Only regular files: a link could lead out of the folder.
pub fn boards_in(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| entry.path())
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".json") && !name.starts_with('.')
        })
        .collect();
    let mut boards: Vec<PathBuf> = files
        .iter()
        .filter(|file| !files.iter().any(|board| is_kept_beside(board, file)))
        .cloned()
        .collect();
    boards.sort();
    boards
}

/// Whether `file` is a copy kept beside `board`: named after it, with something between.
fn is_kept_beside(board: &Path, file: &Path) -> bool {
    if board == file {
        return false;
    }
    let stem = board.file_stem().unwrap_or_default().to_string_lossy();
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    name.starts_with(&format!("{stem}.")) || is_conflict_copy(board, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_boards_but_not_the_copies_beside_them() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "kubecon-2018.json",
            "kubecon-2018.v1.json",
            "kubecon-2018.mine-1700000000.json",
            "kubecon-2018.theirs-2026-12-02T14-03-05.json",
            "kubecon-2018.damaged-2026-12-02T14-03-05-2.json",
            "kubecon-2018.sync-conflict-20181211-143005-7QXJ4ZB.json",
            "kubecon-2018 (Ana's conflicted copy 2018-12-11).json",
            "kubecon-2018.json.bak",
            ".kubecon-2018.json.tmp-1-0",
            "qcon-2019.json",
            "notes.txt",
        ] {
            fs::write(dir.path().join(name), b"{}").unwrap();
        }
        fs::create_dir(dir.path().join("folder.json")).unwrap();
        let names: Vec<String> = boards_in(dir.path())
            .iter()
            .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["kubecon-2018.json", "qcon-2019.json"]);
        assert!(boards_in(&dir.path().join("missing")).is_empty());
    }
}
