//! Why an export did not happen. Every variant says what and where.

use std::path::PathBuf;

use crate::media::MediaProblem;
use crate::model::{MediaName, ThemeId};

/// An export failure. Nothing in the export folder is changed when an export fails before
/// writing, and a half-copied export never replaces the previous one.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The board's path has no file name to name the export after.
    #[error("{}: not a board file name", path.display())]
    NoFileName {
        /// The board path.
        path: PathBuf,
    },
    /// The theme to export is not on the board.
    #[error("there is no {0} on this board")]
    NoTheme(ThemeId),
    /// None of the cards to export are on the board.
    #[error("none of the cards to export are on the board")]
    NoCards,
    /// A card shows an image whose file is gone from the board's media folder.
    #[error(
        "card {card:?} shows {file}, which is missing from {}; put the file back or remove the image from the card",
        media_dir.display()
    )]
    MissingImage {
        /// The card's title.
        card: String,
        /// The image file.
        file: MediaName,
        /// The board's media folder.
        media_dir: PathBuf,
    },
    /// The board's media folder is a link or not a folder: no image is read through it.
    #[error("{0}; nothing was written")]
    MediaFolder(MediaProblem),
    /// Images that are not what Boothboard stored: links, not regular files, or changed content.
    #[error(
        "{}, so nothing was written; `boothboard check --fix-media BOARD` moves them aside:\n{}",
        refused_count(.0.len()),
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    )]
    RefusedImages(Vec<RefusedImage>),
    /// The export's media folder would be a board's own media folder.
    #[error(
        "{}: this is the media folder of the board {}; choose another folder for the export",
        media_dir.display(),
        board.display()
    )]
    BoardMediaInTheWay {
        /// The media folder the export would replace.
        media_dir: PathBuf,
        /// The board that owns it.
        board: PathBuf,
    },
    /// An image could not be copied.
    #[error("{}: can't copy the image: {source}", path.display())]
    Copy {
        /// The image file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The export folder could not be written.
    #[error("{}: can't write the export: {source}", path.display())]
    Write {
        /// What was being written.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// An image an export refused, and the card that shows it.
#[derive(Debug, thiserror::Error)]
#[error("card {card:?}: {problem}")]
pub struct RefusedImage {
    /// The card's title.
    pub card: String,
    /// What is wrong with its file.
    pub problem: MediaProblem,
}

fn refused_count(images: usize) -> String {
    if images == 1 {
        "an image of this board is not what Boothboard stored".to_owned()
    } else {
        format!("{images} images of this board are not what Boothboard stored")
    }
}
