//! Who may read the files Boothboard writes beside a board: whoever may read the board file. A
//! board made private (`chmod 600`) keeps its copies, its recovery file and its images private too.

use std::fs::{self, Permissions};
use std::path::Path;

/// The permissions for a file written beside the board file `board` (a kept copy, the recovery
/// file, an image in its media folder): the board file's, always readable and writable by its
/// owner and never executable. `None` where there is no board file yet, or the system has no
/// such bits: then a new file gets the system's default.
pub fn permissions_beside(board: &Path) -> Option<Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(board).ok()?.permissions().mode();
        Some(Permissions::from_mode((mode & 0o666) | 0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = (board, fs::metadata);
        None
    }
}

/// The permissions for a folder made beside the board file `board` (its media folder): those of
/// [`permissions_beside`], with the right to list it for whoever may read it.
pub fn folder_permissions_beside(board: &Path) -> Option<Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = permissions_beside(board)?.mode();
        Some(Permissions::from_mode(mode | ((mode & 0o444) >> 2)))
    }
    #[cfg(not(unix))]
    {
        permissions_beside(board)
    }
}

/// Makes the folder `dir` (and any missing folder above it), giving those it makes `permissions`
/// (`None`: the system's default). A folder already there is left as it is.
pub fn create_folder_with(dir: &Path, permissions: Option<&Permissions>) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    // A relative path's last ancestor is "" (the current folder), which is there.
    let made: Vec<&Path> = dir
        .ancestors()
        .take_while(|folder| !folder.as_os_str().is_empty() && !folder.exists())
        .collect();
    fs::create_dir_all(dir)?;
    if let Some(permissions) = permissions {
        for folder in made {
            fs::set_permissions(folder, permissions.clone())?;
        }
    }
    Ok(())
}

/// Whether the board file at `path` is there and its permissions allow no writing (`chmod 444`):
/// then it is not to be replaced, though the folder would allow it.
pub fn is_read_only_file(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|metadata| metadata.is_file() && metadata.permissions().readonly())
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn files_and_folders_beside_a_board_follow_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.json");
        assert_eq!(permissions_beside(&board), None, "no board yet: the system's default");
        fs::write(&board, b"{}").unwrap();
        for (board_mode, file_mode, folder_mode) in [
            (0o600, 0o600, 0o700),
            (0o640, 0o640, 0o750),
            (0o644, 0o644, 0o755),
            (0o755, 0o644, 0o755),
            (0o444, 0o644, 0o755),
            (0o400, 0o600, 0o700),
        ] {
            fs::set_permissions(&board, Permissions::from_mode(board_mode)).unwrap();
            assert_eq!(
                permissions_beside(&board).map(|permissions| permissions.mode()),
                Some(file_mode),
                "{board_mode:o}"
            );
            assert_eq!(
                folder_permissions_beside(&board).map(|permissions| permissions.mode()),
                Some(folder_mode),
                "{board_mode:o}"
            );
        }
    }

    #[test]
    fn a_folder_made_gets_the_permissions_and_one_there_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let media = dir.path().join("board.media");
        create_folder_with(&media, Some(&Permissions::from_mode(0o700))).unwrap();
        assert_eq!(mode(&media), 0o700);
        fs::set_permissions(&media, Permissions::from_mode(0o755)).unwrap();
        create_folder_with(&media, Some(&Permissions::from_mode(0o700))).unwrap();
        assert_eq!(mode(&media), 0o755, "not changed");
    }

    #[test]
    fn a_file_without_write_permission_is_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("board.json");
        assert!(!is_read_only_file(&board), "not there");
        fs::write(&board, b"{}").unwrap();
        assert!(!is_read_only_file(&board));
        fs::set_permissions(&board, Permissions::from_mode(0o444)).unwrap();
        assert!(is_read_only_file(&board));
        assert!(!is_read_only_file(dir.path()), "a folder is not a read-only file");
    }
}
