//! The board as it was in memory when the window crashed, kept beside its file as
//! `NAME.recovered.json` until the user restores it or keeps the saved board. Then it is moved
//! aside to `NAME.recovered-TIME.json`: a recovery file is never deleted unless it holds
//! exactly what the board file holds.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic_write::write_atomic_with;
use super::board_file::{LoadError, SaveError, encode_for, load};
use super::kept_copies::{claim_name_beside, release_name};
use super::permissions::permissions_beside;
use crate::model::Board;

/// A recovery file found beside a board.
#[derive(Debug)]
pub enum Recovery {
    /// It holds a board other than the saved one.
    Found(Box<Board>),
    /// It can't be loaded; it is left where it is.
    Damaged(LoadError),
}

/// Where a crashed window keeps its board: `talks.json` → `talks.recovered.json`.
///
/// ```
/// use std::path::Path;
/// use boothboard::store::recovery_path_for;
/// assert_eq!(recovery_path_for(Path::new("boards/talks.json")), Path::new("boards/talks.recovered.json"));
/// ```
pub fn recovery_path_for(board_path: &Path) -> PathBuf {
    board_path.with_extension("recovered.json")
}

/// Writes `board` to the recovery file beside `board_path` (never to the board file itself). A
/// recovery file already there, from an earlier crash not dealt with, is moved aside first.
pub fn write_recovery(board_path: &Path, board: &Board) -> Result<PathBuf, SaveError> {
    let path = recovery_path_for(board_path);
    let write_error = |source| SaveError::Write {
        path: path.clone(),
        source,
    };
    let bytes = encode_for(&path, board)?;
    if path.exists() {
        set_recovery_aside(board_path).map_err(write_error)?;
    }
    write_atomic_with(&path, &bytes, permissions_beside(board_path).as_ref()).map_err(write_error)?;
    Ok(path)
}

/// The recovery file beside `board_path`, if there is one to offer. One that holds `saved` (the
/// board as its file holds it) has nothing to offer and is removed.
pub fn find_recovery(board_path: &Path, saved: &Board) -> Option<Recovery> {
    let path = recovery_path_for(board_path);
    match load(&path) {
        Ok(recovered) if recovered == *saved => {
            if let Err(error) = fs::remove_file(&path) {
                log::warn!("{}: can't remove it: {error}", path.display());
            }
            None
        }
        Ok(recovered) => Some(Recovery::Found(Box::new(recovered))),
        Err(error) if error.is_not_found() => None,
        Err(error) => Some(Recovery::Damaged(error)),
    }
}

/// Moves the recovery file beside `board_path` to `NAME.recovered-TIME.json`, once the user
/// has restored it or kept the saved board. Returns where it went.
pub fn set_recovery_aside(board_path: &Path) -> io::Result<PathBuf> {
    let aside = claim_name_beside(board_path, "recovered")?;
    fs::rename(recovery_path_for(board_path), &aside).inspect_err(|_| release_name(&aside))?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::board_file::tests::names_in;
    use crate::store::save;

    #[test]
    fn a_recovery_that_differs_is_offered_and_set_aside_never_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("talks.json");
        let saved = Board::new("Saved");
        save(&path, &saved).unwrap();
        assert!(find_recovery(&path, &saved).is_none(), "nothing to offer");

        let recovery = write_recovery(&path, &Board::new("Typed before the crash")).unwrap();
        assert_eq!(recovery, dir.path().join("talks.recovered.json"));
        assert_eq!(load(&path).unwrap(), saved, "the board file is untouched");
        let Some(Recovery::Found(found)) = find_recovery(&path, &saved) else {
            panic!("not offered");
        };
        assert_eq!(found.title, "Typed before the crash");

        let aside = set_recovery_aside(&path).unwrap();
        assert!(
            aside
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("talks.recovered-")
        );
        assert_eq!(load(&aside).unwrap().title, "Typed before the crash");
        assert!(find_recovery(&path, &saved).is_none(), "offered once");
    }

    #[test]
    fn a_second_crash_moves_the_first_recovery_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("talks.json");
        write_recovery(&path, &Board::new("First crash")).unwrap();
        write_recovery(&path, &Board::new("Second crash")).unwrap();
        assert_eq!(load(&recovery_path_for(&path)).unwrap().title, "Second crash");
        let names = names_in(dir.path());
        assert_eq!(names.len(), 2, "{names:?}");
        let aside = dir.path().join(&names[0]);
        assert!(names[0].starts_with("talks.recovered-"), "{names:?}");
        assert_eq!(load(&aside).unwrap().title, "First crash");
    }

    #[test]
    fn a_recovery_identical_to_the_board_is_removed_quietly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("talks.json");
        let saved = Board::new("Saved");
        save(&path, &saved).unwrap();
        write_recovery(&path, &saved).unwrap();
        assert!(find_recovery(&path, &saved).is_none());
        assert_eq!(names_in(dir.path()), ["talks.json"]);
    }

    #[test]
    fn a_damaged_recovery_is_reported_and_left_where_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("talks.json");
        let recovery = recovery_path_for(&path);
        fs::write(&recovery, b"{ \"format\": \"boothboard\", ").unwrap();
        let Some(Recovery::Damaged(error)) = find_recovery(&path, &Board::new("Saved")) else {
            panic!("not reported");
        };
        assert!(error.to_string().contains("talks.recovered.json"), "{error}");
        assert_eq!(fs::read(&recovery).unwrap(), b"{ \"format\": \"boothboard\", ");
    }
}
