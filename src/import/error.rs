//! Why an import did not happen. Every variant names the file; nothing is written when it fails.

use std::path::PathBuf;

use super::{ImportFormat, JsonProblem};
use crate::media::MediaError;
use crate::model::EditError;
use crate::open::OpenError;

/// An import failure.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{}: can't read the file: {source}", path.display())]
    Read {
        /// The imported file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A folder, a named pipe or a device, not a file.
    #[error(
        "{}: not a file; choose a Trello export, an Obsidian Kanban board or a Boothboard Markdown export",
        path.display()
    )]
    NotAFile {
        /// The path given.
        path: PathBuf,
    },
    /// Larger than any board Boothboard imports.
    #[error("{}: larger than {} MiB, the largest file Boothboard imports", path.display(), super::MAX_IMPORT_BYTES >> 20)]
    TooLarge {
        /// The imported file.
        path: PathBuf,
    },
    /// Not text in UTF-8.
    #[error("{}: not a text file (it is not UTF-8); Boothboard imports Trello JSON and Markdown", path.display())]
    NotText {
        /// The imported file.
        path: PathBuf,
    },
    /// A format Boothboard does not know.
    #[error(
        "{}: not a board Boothboard can import; it knows Trello board exports (JSON), \
         Obsidian Kanban boards (Markdown) and Boothboard's own Markdown exports",
        path.display()
    )]
    Unknown {
        /// The imported file.
        path: PathBuf,
    },
    /// A Boothboard board file, which is opened rather than imported.
    #[error("{}: already a Boothboard board; open it (Board → Open board…, or boothboard PATH) rather than import it", path.display())]
    BoardFile {
        /// The board file.
        path: PathBuf,
    },
    /// The file is of a known format but broken: cut off, nested too deep, of the wrong shape.
    #[error("{}: a {} that can't be read: {problem}", path.display(), format.name())]
    Damaged {
        /// The imported file.
        path: PathBuf,
        /// What it looks like.
        format: ImportFormat,
        /// What is wrong, and where.
        problem: JsonProblem,
    },
    /// An image the file shows was refused: missing, a link, changed, or not an image.
    #[error("{}: the image {image} can't be imported: {problem}", path.display())]
    Image {
        /// The imported file.
        path: PathBuf,
        /// The image as the file names it.
        image: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The board could not be made (a bug, never the file's fault).
    #[error("{}: can't make the board: {source}", path.display())]
    Build {
        /// The imported file.
        path: PathBuf,
        /// The edit that failed.
        source: EditError,
    },
    /// The new board file could not be created or written.
    #[error(transparent)]
    Open(#[from] OpenError),
}

impl From<MediaError> for ImportError {
    fn from(error: MediaError) -> Self {
        Self::Open(OpenError::Media(error))
    }
}

impl ImportError {
    /// An image refusal, worded once.
    pub(super) fn image(path: &std::path::Path, image: String, problem: &dyn std::fmt::Display) -> Self {
        Self::Image {
            path: path.to_owned(),
            image,
            problem: problem.to_string(),
        }
    }
}
