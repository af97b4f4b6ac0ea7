//! Reading and writing a board file, and the files that travel with it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::atomic_write::{replace_via_temp, write_atomic, write_atomic_with};
use super::fingerprint::Fingerprint;
use super::format::{self, FORMAT, VERSION};
use super::kept_copies::keep_copy_beside;
use super::permissions::{is_read_only_file, permissions_beside};
use crate::model::{Board, excerpt};
use crate::{i18n, tr};

/// Larger files are refused before they are read: no real board comes near this.
pub const MAX_BOARD_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// An error quotes at most this much of what the parser said (which may quote the file).
const MAX_MESSAGE_CHARS: usize = 300;

/// An inconsistent board's error lists this many problems, then how many more there are.
const MAX_PROBLEMS_SHOWN: usize = 10;

/// Why a board could not be opened. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}", tr!("load-error-read", path = path.display().to_string(), error = i18n::io_error(source)))]
    Read {
        /// The board file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// Over [`MAX_BOARD_FILE_BYTES`].
    #[error("{}", tr!("load-error-too-large", path = path.display().to_string(), bytes = *bytes))]
    TooLarge {
        /// The board file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// Not valid JSON.
    #[error("{}", tr!("load-error-syntax", path = path.display().to_string(), line = *line, column = *column, message = message))]
    Syntax {
        /// The board file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// JSON, but not a Boothboard board.
    #[error("{}", tr!("load-error-not-a-board", path = path.display().to_string(), format = FORMAT))]
    NotABoard {
        /// The file.
        path: PathBuf,
    },
    /// Written by a newer Boothboard; never written to by this one.
    #[error("{}", tr!("load-error-newer-version", path = path.display().to_string(), found = *found, version = VERSION))]
    NewerVersion {
        /// The board file.
        path: PathBuf,
        /// The version in the file.
        found: u64,
    },
    /// A field of the wrong type, an unknown field, a bad image path…
    #[error("{}", tr!("load-error-invalid", path = path.display().to_string(), line = *line, column = *column, message = message))]
    Invalid {
        /// The board file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Readable, but its records contradict each other.
    #[error("{}", tr!("load-error-inconsistent", path = path.display().to_string(), problems = problems.join("; ")))]
    Inconsistent {
        /// The board file.
        path: PathBuf,
        /// Each problem, naming the record.
        problems: Vec<String>,
    },
}

impl LoadError {
    /// The file that failed to load.
    pub fn path(&self) -> &Path {
        match self {
            Self::Read { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Syntax { path, .. }
            | Self::NotABoard { path }
            | Self::NewerVersion { path, .. }
            | Self::Invalid { path, .. }
            | Self::Inconsistent { path, .. } => path,
        }
    }

    /// True when the file does not exist (as opposed to existing and being broken).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Read { source, .. } if source.kind() == io::ErrorKind::NotFound)
    }
}

/// Why a board could not be saved. The board in memory is untouched, and so is the file.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The system refused a read or a write.
    #[error("{}", tr!("save-error-write", path = path.display().to_string(), error = i18n::io_error(source)))]
    Write {
        /// The board file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The board could not be turned into JSON; nothing was written.
    #[error("{}", tr!("save-error-encode", path = path.display().to_string(), error = source.to_string()))]
    Encode {
        /// The board file.
        path: PathBuf,
        /// What the serializer said.
        source: serde_json::Error,
    },
    /// Another program changed the file since Boothboard last read or wrote it.
    #[error("{}", tr!("save-error-changed-outside", path = path.display().to_string()))]
    ChangedOutside {
        /// The board file.
        path: PathBuf,
    },
    /// The file's permissions allow no writing (`chmod 444`): it is not replaced, though its
    /// folder would allow that.
    #[error("{}", tr!("save-error-read-only-file", path = path.display().to_string()))]
    ReadOnlyFile {
        /// The board file.
        path: PathBuf,
    },
}

impl SaveError {
    /// The board file.
    pub fn path(&self) -> &Path {
        match self {
            Self::Write { path, .. }
            | Self::Encode { path, .. }
            | Self::ChangedOutside { path }
            | Self::ReadOnlyFile { path } => path,
        }
    }
}

/// Refuses to change the board file at `path` when its permissions allow no writing: a save
/// replaces the file, which its folder's permissions alone would let through.
pub fn refuse_read_only(path: &Path) -> Result<(), SaveError> {
    if is_read_only_file(path) {
        Err(SaveError::ReadOnlyFile { path: path.to_owned() })
    } else {
        Ok(())
    }
}

/// What a save did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// The file already held exactly these bytes; nothing was written.
    Unchanged,
    /// The file was replaced; the previous one is the backup.
    Written,
}

/// What a save may replace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// Whatever is there (a new board, or a command that just loaded it under the lock).
    Anything,
    /// Only the file as Boothboard last read or wrote it (`None`: no file). Anything else is an
    /// outside edit, and the save fails with [`SaveError::ChangedOutside`].
    Known(Option<Fingerprint>),
    /// Whatever is there, after keeping it as a copy beside the board: the user chose "Keep mine".
    KeepingTheirs,
}

/// A save that succeeded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// Whether bytes were written.
    pub outcome: SaveOutcome,
    /// What the file holds now: what the next save expects to find.
    pub fingerprint: Fingerprint,
    /// Where another program's version went, for [`Replace::KeepingTheirs`].
    pub theirs_kept: Option<PathBuf>,
}

/// The media folder that belongs to a board file: `talks.json` → `talks.media`.
///
/// ```
/// use std::path::Path;
/// use boothboard::store::{backup_path_for, media_dir_for};
/// assert_eq!(media_dir_for(Path::new("boards/talks.json")), Path::new("boards/talks.media"));
/// assert_eq!(backup_path_for(Path::new("boards/talks.json")), Path::new("boards/talks.json.bak"));
/// ```
pub fn media_dir_for(board_path: &Path) -> PathBuf {
    board_path.with_extension("media")
}

/// Where the previous version of a board file is kept: `talks.json` → `talks.json.bak`.
pub fn backup_path_for(board_path: &Path) -> PathBuf {
    let mut name = board_path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    board_path.with_file_name(name)
}

/// The bytes of a board file: pretty JSON, fields in declaration order, a final newline.
/// The same board always gives the same bytes. An error is never turned into an empty file.
pub fn to_bytes(board: &Board) -> Result<Vec<u8>, serde_json::Error> {
    pretty_json(&format::newest(board))
}

/// [`to_bytes`] for a save to `path`: an error names the file.
pub(super) fn encode_for(path: &Path, board: &Board) -> Result<Vec<u8>, SaveError> {
    to_bytes(board).map_err(|source| SaveError::Encode {
        path: path.to_owned(),
        source,
    })
}

fn pretty_json(value: &impl serde::Serialize) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Reads and checks a board file.
pub fn load(path: &Path) -> Result<Board, LoadError> {
    load_with_fingerprint(path).map(|(board, _)| board)
}

/// Reads and checks a board file; also returns what a save over it should expect to find.
pub fn load_with_fingerprint(path: &Path) -> Result<(Board, Fingerprint), LoadError> {
    let bytes = read_board_bytes(path)?;
    Ok((parse(path, &bytes)?, Fingerprint::of(&bytes)))
}

/// What a board file holds, compared with what a window expects there.
#[derive(Debug)]
pub enum OutsideVersion {
    /// What was expected: nothing to do.
    Same,
    /// Another version, which loads (to merge), with its fingerprint.
    Changed(Box<Board>, Fingerprint),
    /// Another version that does not load: damaged, from a newer Boothboard, or gone.
    Unreadable(LoadError),
}

/// Reads the board file at `path` when it no longer holds what `expected` says (`None`: no file).
/// Only a changed file is parsed, so a window reading back its own save costs a hash.
pub fn read_if_changed(path: &Path, expected: Option<Fingerprint>) -> OutsideVersion {
    let bytes = match read_board_bytes(path) {
        Ok(bytes) => bytes,
        Err(LoadError::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound && expected.is_none() => {
            return OutsideVersion::Same;
        }
        Err(error) => return OutsideVersion::Unreadable(error),
    };
    let fingerprint = Fingerprint::of(&bytes);
    if Some(fingerprint) == expected {
        return OutsideVersion::Same;
    }
    match parse(path, &bytes) {
        Ok(board) => OutsideVersion::Changed(Box::new(board), fingerprint),
        Err(error) => OutsideVersion::Unreadable(error),
    }
}

/// The bytes of a board file, refusing one too large to be a board before reading it.
fn read_board_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let read_error = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
    let bytes = fs::metadata(path).map_err(read_error)?.len();
    if bytes > MAX_BOARD_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            bytes,
        });
    }
    fs::read(path).map_err(read_error)
}

/// What a save of `board` (just loaded from `path`) should expect to find there: the file's
/// fingerprint while it still holds `board`. If it holds anything else, another program wrote it
/// after the load, and the fingerprint returned makes the first save report that.
pub fn fingerprint_for(path: &Path, board: &Board) -> Option<Fingerprint> {
    match fs::read(path) {
        Ok(bytes) if parse(path, &bytes).is_ok_and(|on_disk| on_disk == *board) => Some(Fingerprint::of(&bytes)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        // Any fingerprint but the file's will do. A board that can't be encoded never gets as far
        // as comparing: its saves fail with `SaveError::Encode` first.
        _ => to_bytes(board).ok().map(|bytes| Fingerprint::of(&bytes)),
    }
}

/// Checks the bytes of a board file; `path` is only used in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Board, LoadError> {
    // Read the header first, so a newer file is refused for its version rather than its fields.
    #[derive(Deserialize)]
    struct Header {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|error| match error.classify() {
        serde_json::error::Category::Data => LoadError::NotABoard { path: path.to_owned() },
        _ => LoadError::Syntax {
            path: path.to_owned(),
            line: error.line(),
            column: error.column(),
            message: error_message(&error),
        },
    })?;
    if header.format.as_ref().and_then(|format| format.as_str()) != Some(FORMAT) {
        return Err(LoadError::NotABoard { path: path.to_owned() });
    }
    if let Some(found) = header.version.as_ref().and_then(serde_json::Value::as_u64)
        && found > u64::from(VERSION)
    {
        return Err(LoadError::NewerVersion {
            path: path.to_owned(),
            found,
        });
    }
    let version = header.version.as_ref().and_then(serde_json::Value::as_u64);
    let board = format::decode(version, bytes).map_err(|error| LoadError::Invalid {
        path: path.to_owned(),
        line: error.line(),
        column: error.column(),
        message: error_message(&error),
    })?;
    let mut problems = board.problems();
    if problems.len() > MAX_PROBLEMS_SHOWN {
        let more = problems.len() - MAX_PROBLEMS_SHOWN;
        problems.truncate(MAX_PROBLEMS_SHOWN);
        problems.push(format!("and {more} more problems"));
    }
    if problems.is_empty() {
        Ok(board)
    } else {
        Err(LoadError::Inconsistent {
            path: path.to_owned(),
            problems,
        })
    }
}

/// serde_json's message without its own " at line L column C" tail, which we format ourselves,
/// and without most of any huge value it quotes.
fn error_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(head, _)| head);
    excerpt(message, MAX_MESSAGE_CHARS).into_owned()
}

/// Saves atomically, keeping the file it replaces as the backup, and that file's permissions.
///
/// Writes nothing when the file already holds these bytes, so the backup stays the
/// previous version rather than a copy of the current one. A file whose permissions allow no
/// writing is not replaced ([`SaveError::ReadOnlyFile`]).
pub fn save(path: &Path, board: &Board) -> Result<SaveOutcome, SaveError> {
    save_replacing(path, board, Replace::Anything).map(|saved| saved.outcome)
}

/// Saves like [`save`], first checking that the file is what `replace` allows.
///
/// The check and the rename are not one atomic step: a program that writes in between is not
/// caught. Boothboard's own windows and commands can't, as they hold the board's lock.
pub fn save_replacing(path: &Path, board: &Board, replace: Replace) -> Result<Saved, SaveError> {
    let write_error = |source| SaveError::Write {
        path: path.to_owned(),
        source,
    };
    let bytes = encode_for(path, board)?;
    let fingerprint = Fingerprint::of(&bytes);
    let existing = match fs::read(path) {
        Ok(existing) => Some(existing),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(write_error(error)),
    };
    let saved = |outcome, theirs_kept| Saved {
        outcome,
        fingerprint,
        theirs_kept,
    };
    if existing.as_ref() == Some(&bytes) {
        return Ok(saved(SaveOutcome::Unchanged, None));
    }
    refuse_read_only(path)?;
    let mut theirs_kept = None;
    match replace {
        Replace::Anything => {}
        Replace::Known(known) => {
            if existing.as_deref().map(Fingerprint::of) != known {
                return Err(SaveError::ChangedOutside { path: path.to_owned() });
            }
        }
        Replace::KeepingTheirs => {
            if let Some(theirs) = &existing {
                theirs_kept = Some(keep_copy_beside(path, "theirs", theirs).map_err(write_error)?);
            }
        }
    }
    // Theirs may be damaged and is kept in its copy: the backup stays the last good save.
    if existing.is_some() && replace != Replace::KeepingTheirs {
        keep_backup(path).map_err(write_error)?;
    }
    if let Some(existing) = &existing {
        keep_older_version(path, existing).map_err(write_error)?;
    }
    write_atomic(path, &bytes).map_err(write_error)?;
    Ok(saved(SaveOutcome::Written, theirs_kept))
}

/// The file version a board file says it is, if it says.
pub fn version_of(bytes: &[u8]) -> Option<u64> {
    #[derive(Deserialize)]
    struct Header {
        version: Option<u64>,
    }
    serde_json::from_slice::<Header>(bytes)
        .ok()
        .and_then(|header| header.version)
}

/// Keeps a file an older Boothboard wrote as `NAME.vN.json` before it is replaced by the newest
/// version, so that an older Boothboard can still open it; the app never deletes it.
fn keep_older_version(path: &Path, existing: &[u8]) -> io::Result<()> {
    let Some(version) = version_of(existing).filter(|version| *version < u64::from(VERSION)) else {
        return Ok(());
    };
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let kept = path.with_file_name(format!("{stem}.v{version}.json"));
    if kept.exists() {
        keep_copy_beside(path, &format!("v{version}"), existing).map(drop)
    } else {
        write_atomic_with(&kept, existing, permissions_beside(path).as_ref())
    }
}

/// Points the backup name at the current file; a hard link costs no copy, and the
/// rename that follows in `save` leaves the link holding the old bytes.
fn keep_backup(path: &Path) -> io::Result<()> {
    replace_via_temp(&backup_path_for(path), |staging| {
        // File systems without hard links: copy instead.
        fs::hard_link(path, staging).or_else(|_| fs::copy(path, staging).map(drop))
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::Board;

    fn sample() -> Board {
        let mut board = Board::new("Test 测试");
        let column = board.columns[0].id;
        let theme = board.add_theme("Developer story", "Better?");
        let card = board.add_card(column, "Gloo").unwrap();
        board.set_card_theme(card, theme, true).unwrap();
        board.card_mut(card).unwrap().notes = "line one\nline two — 笔记".to_owned();
        board.name_unnamed_cards();
        board
    }

    /// The names of the files in `dir`, sorted.
    pub(in crate::store) fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn round_trip_and_byte_identical_resave() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let board = sample();
        assert_eq!(save(&path, &board).unwrap(), SaveOutcome::Written);
        let first = fs::read(&path).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded, board);
        assert_eq!(save(&path, &loaded).unwrap(), SaveOutcome::Unchanged);
        assert_eq!(to_bytes(&loaded).unwrap(), first);
        assert_eq!(fs::read(&path).unwrap(), first);
        let text = String::from_utf8(first).unwrap();
        assert!(
            text.starts_with("{\n  \"format\": \"boothboard\",\n  \"version\": 3,"),
            "{text}"
        );
    }

    #[test]
    fn an_encoding_error_is_an_error_not_an_empty_file_body() {
        // serde_json refuses map keys that are not strings; a board has none today, and the day a
        // field brings one, the save must fail rather than write an empty file.
        let refused = std::collections::BTreeMap::from([((1, 2), "value")]);
        assert!(pretty_json(&refused).is_err());
        assert_eq!(pretty_json(&"board").unwrap(), b"\"board\"\n");
    }

    #[test]
    fn saves_keep_a_backup_and_leave_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let mut board = sample();
        save(&path, &board).unwrap();
        let first = fs::read(&path).unwrap();
        board.title = "Renamed".to_owned();
        save(&path, &board).unwrap();
        assert_eq!(fs::read(backup_path_for(&path)).unwrap(), first);
        assert_eq!(load(&path).unwrap().title, "Renamed");
        assert_eq!(names_in(dir.path()), ["board.json", "board.json.bak"]);
    }

    #[test]
    fn a_backup_that_is_already_a_link_to_the_board_leaves_no_temporary_file() {
        // What a crash between linking the backup and renaming the new board leaves.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let mut board = sample();
        let before_crash = board.clone();
        save(&path, &board).unwrap();
        fs::hard_link(&path, backup_path_for(&path)).unwrap();
        board.title = "After the crash".to_owned();
        save(&path, &board).unwrap();
        assert_eq!(names_in(dir.path()), ["board.json", "board.json.bak"]);
        assert_eq!(load(&backup_path_for(&path)).unwrap(), before_crash);
    }

    #[test]
    fn corrupt_file_names_line_and_column_and_is_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let damaged = b"{\n  \"format\": \"boothboard\",\n  \"version\": 1,\n  \"title\": \"x\"\n  \"themes\": []\n}\n";
        fs::write(&path, damaged).unwrap();
        let error = load(&path).unwrap_err();
        assert!(matches!(error, LoadError::Syntax { line: 5, column: 3, .. }), "{error}");
        assert!(error.to_string().contains("board.json: line 5, column 3"), "{error}");
        assert_eq!(fs::read(&path).unwrap(), damaged);
    }

    #[test]
    fn keeping_mine_over_a_damaged_file_leaves_the_backup_a_good_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let mut board = sample();
        save(&path, &board).unwrap();
        board.title = "Second".to_owned();
        save(&path, &board).unwrap();
        let backup = fs::read(backup_path_for(&path)).unwrap();
        fs::write(&path, b"{ damaged by another program").unwrap();
        board.title = "Mine".to_owned();
        let saved = save_replacing(&path, &board, Replace::KeepingTheirs).unwrap();
        assert_eq!(load(&path).unwrap().title, "Mine");
        let theirs = saved.theirs_kept.unwrap();
        assert_eq!(fs::read(theirs).unwrap(), b"{ damaged by another program");
        assert_eq!(
            fs::read(backup_path_for(&path)).unwrap(),
            backup,
            "the backup is untouched"
        );
        assert!(load(&backup_path_for(&path)).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_private_board_keeps_its_permissions_and_so_do_the_files_beside_it() {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let mut board = sample();
        save(&path, &board).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        board.title = "Second".to_owned();
        save(&path, &board).unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&backup_path_for(&path)), 0o600);

        fs::write(&path, b"{ damaged by another program").unwrap();
        board.title = "Mine".to_owned();
        let theirs = save_replacing(&path, &board, Replace::KeepingTheirs)
            .unwrap()
            .theirs_kept
            .unwrap();
        assert_eq!((mode(&path), mode(&theirs)), (0o600, 0o600));
        let recovery = crate::store::write_recovery(&path, &board).unwrap();
        assert_eq!(mode(&recovery), 0o600);
    }

    #[test]
    fn a_board_file_whose_permissions_allow_no_writing_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let mut board = sample();
        save(&path, &board).unwrap();
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        let before = fs::read(&path).unwrap();
        assert_eq!(save(&path, &board).unwrap(), SaveOutcome::Unchanged, "nothing to write");
        board.title = "Changed".to_owned();
        for replace in [Replace::Anything, Replace::KeepingTheirs] {
            let error = save_replacing(&path, &board, replace).unwrap_err();
            assert!(matches!(error, SaveError::ReadOnlyFile { .. }), "{error}");
            assert!(error.to_string().contains("the file is read only"), "{error}");
        }
        assert_eq!(fs::read(&path).unwrap(), before);
        assert_eq!(names_in(dir.path()), ["board.json"], "no copy, no backup");
    }

    #[test]
    fn newer_version_is_refused_before_its_fields_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        fs::write(
            &path,
            br#"{"format": "boothboard", "version": 4, "title": "x", "stickers": []}"#,
        )
        .unwrap();
        assert!(matches!(load(&path), Err(LoadError::NewerVersion { found: 4, .. })));
    }

    #[test]
    fn wrong_types_unknown_fields_and_escaping_paths_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let cases: [(&str, &str); 5] = [
            (r#"[1, 2]"#, "not a Boothboard board"),
            (r#"{"format": "boothboard", "version": 1, "title": 7}"#, "line 1"),
            (
                r#"{"format": "boothboard", "version": 1, "title": "x", "color": "red"}"#,
                "unknown field",
            ),
            (
                r#"{"format": "boothboard", "version": 1, "title": "x", "columns": [{"id": 1, "name": "c", "cards": [{"id": 1, "title": "t", "images": [{"file": "../../etc/passwd", "width": 1, "height": 1}]}]}]}"#,
                "not a plain file name",
            ),
            (
                r#"{"format": "boothboard", "version": 1, "title": "x", "columns": [{"id": 1, "name": "a"}, {"id": 1, "name": "b"}]}"#,
                "appears twice",
            ),
        ];
        for (text, expected) in cases {
            fs::write(&path, text).unwrap();
            let error = load(&path).unwrap_err().to_string();
            assert!(error.contains(expected), "{text}: {error}");
            assert!(error.contains("board.json"), "{error}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        fs::write(&path, deep).unwrap();
        assert!(load(&path).is_err());
    }
}
