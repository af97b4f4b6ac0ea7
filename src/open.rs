//! Opening a board: load it, or create it (the sample board on first launch).
//! Sits above `store` and `media`, and serves the CLI and the app alike.

use crate::{i18n, tr};
use std::path::{Path, PathBuf};

use crate::media::{MediaError, store_image_bytes};
use crate::model::{Board, DeviceId, sample};
use crate::store::{self, AppHome, BoardLock, LoadError, LockError, SaveError, Settings};

const GLOO_PNG: &[u8] = include_bytes!("../assets/images/gloo-architecture.png");
const TIDB_PNG: &[u8] = include_bytes!("../assets/images/tidb-architecture.png");

/// Why a board could not be opened or created.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The file exists but could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A new board's file could not be written.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// Another Boothboard is writing that file.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// A sample image could not be stored.
    #[error(transparent)]
    Media(#[from] MediaError),
    /// `new` on a path that already holds a file.
    #[error("{}", tr!("open-error-exists", path = path.display().to_string()))]
    Exists {
        /// The occupied path.
        path: PathBuf,
    },
}

/// The board to open at launch: the one asked for, else the last one, else the sample board.
pub fn board_to_open(home: &AppHome, requested: Option<PathBuf>) -> PathBuf {
    requested
        .or_else(|| Settings::load(home).last_board.filter(|last| last.exists()))
        .unwrap_or_else(|| home.default_board_path())
}

/// Loads `path`; a missing file becomes a new board there (the sample board at the default
/// path). Never writes over an existing file.
/// The board's next edits are stamped as this device's.
pub fn open_or_create(home: &AppHome, path: &Path) -> Result<Board, OpenError> {
    // The device id is read (or made) only for a board that opens: a failure writes nothing.
    match store::load(path) {
        Ok(mut board) => {
            board.adopt_device(Settings::device(home));
            Ok(board)
        }
        Err(error) if error.is_not_found() => {
            create_board(path, None, path == home.default_board_path(), Settings::device(home))
        }
        Err(error) => Err(error.into()),
    }
}

/// Creates a board file (and its media folder for the sample), stamped as `device`'s. Refuses an
/// existing path.
pub fn create_board(path: &Path, title: Option<&str>, with_sample: bool, device: DeviceId) -> Result<Board, OpenError> {
    create_board_file(path, device, |media| {
        let mut board = if with_sample {
            // In the language of this thread: the window's, or English on the command line.
            let language = i18n::language();
            let [gloo, tidb] = sample::SampleText::of(language).captions;
            let images = sample::SampleImages {
                gloo: store_image_bytes(media, GLOO_PNG, gloo)?,
                tidb: store_image_bytes(media, TIDB_PNG, tidb)?,
            };
            sample::sample_board(images, language)
        } else {
            let mut board = Board::new(title_from_file_name(path));
            // Its first column in the words of this thread: the window's, or English on the command line.
            if let Some(first) = board.columns.first_mut() {
                first.name = tr!("board-first-column-name");
            }
            board
        };
        if let Some(title) = title {
            title.clone_into(&mut board.title);
        }
        Ok(board)
    })
}

/// Creates a board file with the board `make` builds (given the board's media folder to store
/// images in), stamped as `device`'s, while holding the board's lock. Refuses an existing path.
pub fn create_board_file<E: From<OpenError>>(
    path: &Path,
    device: DeviceId,
    make: impl FnOnce(&Path) -> Result<Board, E>,
) -> Result<Board, E> {
    if path.exists() {
        return Err(OpenError::Exists { path: path.to_owned() }.into());
    }
    if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| {
            OpenError::from(SaveError::Write {
                path: path.to_owned(),
                source,
            })
        })?;
    }
    let _writer = BoardLock::acquire(path).map_err(OpenError::from)?;
    let mut board = make(&store::media_dir_for(path))?;
    board.adopt_device(device);
    store::save(path, &board).map_err(OpenError::from)?;
    Ok(board)
}

/// The title a board gets from its file name: `kubecon-2018.json` → "kubecon 2018".
pub fn title_from_file_name(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_launch_creates_the_sample_board_with_its_images() {
        let home = tempfile::tempdir().unwrap();
        let home = AppHome::at(home.path());
        let path = board_to_open(&home, None);
        assert_eq!(path, home.default_board_path());
        let board = open_or_create(&home, &path).unwrap();
        assert_eq!(board.title, sample::TITLE);
        assert!(crate::media::audit_media(&board, &store::media_dir_for(&path)).is_empty());
        assert_eq!(std::fs::read_dir(store::media_dir_for(&path)).unwrap().count(), 2);
        // The second launch loads what the first one wrote.
        assert_eq!(open_or_create(&home, &path).unwrap(), board);
    }

    #[test]
    fn a_new_board_names_its_first_column_in_the_language_of_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let first_column = |name: &str| {
            let board = create_board(&dir.path().join(name), None, false, DeviceId(1)).unwrap();
            board.columns.first().map(|column| column.name.clone())
        };
        assert_eq!(first_column("english.json").as_deref(), Some("Projects"));
        i18n::set_language(i18n::Language::SimplifiedChinese);
        assert_eq!(first_column("chinese.json").as_deref(), Some("项目"));
        i18n::set_language(i18n::Language::English);
    }

    #[test]
    fn create_refuses_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.json");
        std::fs::write(&path, "my notes").unwrap();
        assert!(matches!(
            create_board(&path, None, false, DeviceId(1)),
            Err(OpenError::Exists { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes");
    }
}
