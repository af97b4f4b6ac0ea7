//! Why an import did not happen. Every variant names the file; nothing is written when it fails.

use std::path::PathBuf;

use super::{ImportFormat, JsonProblem};
use crate::media::MediaError;
use crate::model::EditError;
use crate::open::OpenError;
use crate::{i18n, tr};

/// An import failure.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{}", tr!("import-error-read", path = path.display().to_string(), error = i18n::io_error(source)))]
    Read {
        /// The imported file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A folder, a named pipe or a device, not a file.
    #[error("{}", tr!("import-error-not-a-file", path = path.display().to_string()))]
    NotAFile {
        /// The path given.
        path: PathBuf,
    },
    /// Larger than any board Boothboard imports.
    #[error("{}", tr!("import-error-too-large", path = path.display().to_string(), mib = super::MAX_IMPORT_BYTES >> 20))]
    TooLarge {
        /// The imported file.
        path: PathBuf,
    },
    /// Not text in UTF-8.
    #[error("{}", tr!("import-error-not-text", path = path.display().to_string()))]
    NotText {
        /// The imported file.
        path: PathBuf,
    },
    /// A format Boothboard does not know.
    #[error("{}", tr!("import-error-unknown", path = path.display().to_string()))]
    Unknown {
        /// The imported file.
        path: PathBuf,
    },
    /// A Boothboard board file, which is opened rather than imported.
    #[error("{}", tr!("import-error-board-file", path = path.display().to_string()))]
    BoardFile {
        /// The board file.
        path: PathBuf,
    },
    /// The file is of a known format but broken: cut off, nested too deep, of the wrong shape.
    #[error("{}", tr!("import-error-damaged", path = path.display().to_string(), format = format.name(), problem = problem.to_string()))]
    Damaged {
        /// The imported file.
        path: PathBuf,
        /// What it looks like.
        format: ImportFormat,
        /// What is wrong, and where.
        problem: JsonProblem,
    },
    /// An image the file shows was refused: missing, a link, changed, or not an image.
    #[error("{}", tr!("import-error-image", path = path.display().to_string(), image = image, problem = problem))]
    Image {
        /// The imported file.
        path: PathBuf,
        /// The image as the file names it.
        image: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The board could not be made (a bug, never the file's fault).
    #[error("{}", tr!("import-error-build", path = path.display().to_string(), error = source.to_string()))]
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
