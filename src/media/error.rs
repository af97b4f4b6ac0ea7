//! Why an image was refused or could not be shown.

use std::path::PathBuf;

use super::MediaProblem;

/// An image problem; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// The file could not be read.
    #[error("{}: can't read the file: {source}", path.display())]
    Read {
        /// The image file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The content is not PNG, JPEG, GIF, WebP or BMP, whatever the file is called.
    #[error("{name}: not an image Boothboard can show (PNG, JPEG, GIF, WebP or BMP)")]
    NotAnImage {
        /// The file's name.
        name: String,
    },
    /// Over the size or pixel limits.
    #[error("{name}: {reason}")]
    TooLarge {
        /// The file's name.
        name: String,
        /// Which limit, with the numbers.
        reason: String,
    },
    /// The image is damaged or truncated.
    #[error("{name}: the image is damaged and can't be decoded: {message}")]
    Damaged {
        /// The file's name.
        name: String,
        /// What the decoder said.
        message: String,
    },
    /// Storing the image in the media folder failed.
    #[error("{}: can't store the image: {source}", path.display())]
    Write {
        /// Where it was being written.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A board's media file was refused before it was decoded: a link, not a regular file, or changed.
    #[error(transparent)]
    Refused(#[from] MediaProblem),
}

impl MediaError {
    /// The file is not there (moved, deleted, or a board copied without its media folder).
    pub fn is_missing(&self) -> bool {
        match self {
            Self::Read { source, .. } => source.kind() == std::io::ErrorKind::NotFound,
            Self::Refused(problem) => problem.is_missing(),
            _ => false,
        }
    }

    /// The file is not what Boothboard stored: a link, something other than a file, or changed content.
    pub fn is_untrusted(&self) -> bool {
        matches!(self, Self::Refused(problem) if problem.is_untrusted())
    }
}
