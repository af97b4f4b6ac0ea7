//! Why an image was refused or could not be shown.

use std::path::PathBuf;

use super::MediaProblem;
use super::limits::{MAX_IMAGE_FILE_BYTES, MAX_IMAGE_PIXELS};
use crate::{i18n, tr};

/// An image problem; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// The file could not be read.
    #[error("{}", tr!("image-error-read", path = path.display().to_string(), error = i18n::io_error(source)))]
    Read {
        /// The image file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The content is not PNG, JPEG, GIF, WebP or BMP, whatever the file is called.
    #[error("{}", tr!("image-error-not-an-image", name = name))]
    NotAnImage {
        /// The file's name.
        name: String,
    },
    /// Over the file size limit.
    #[error("{}", tr!("image-error-file-too-large", name = name, mib = *mib, limit = MAX_IMAGE_FILE_BYTES >> 20))]
    FileTooLarge {
        /// The file's name.
        name: String,
        /// Its size in MiB.
        mib: u64,
    },
    /// Over the pixel limit.
    #[error("{}", tr!("image-error-too-many-pixels", name = name, width = *width, height = *height, limit = MAX_IMAGE_PIXELS / 1_000_000))]
    TooManyPixels {
        /// The file's name.
        name: String,
        /// Pixel width.
        width: u32,
        /// Pixel height.
        height: u32,
    },
    /// The image is damaged or truncated.
    #[error("{}", tr!("image-error-damaged", name = name, message = message))]
    Damaged {
        /// The file's name.
        name: String,
        /// What the decoder said.
        message: String,
    },
    /// Storing the image in the media folder failed.
    #[error("{}", tr!("image-error-write", path = path.display().to_string(), error = i18n::io_error(source)))]
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
