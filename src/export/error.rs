//! Why an export did not happen. Every variant says what and where.

use std::path::PathBuf;

use crate::media::MediaProblem;
use crate::model::{MediaName, ThemeId};
use crate::{i18n, tr};

/// An export failure. Nothing in the export folder is changed when an export fails before
/// writing, and a half-copied export never replaces the previous one.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The board's path has no file name to name the export after.
    #[error("{}", tr!("export-error-no-file-name", path = path.display().to_string()))]
    NoFileName {
        /// The board path.
        path: PathBuf,
    },
    /// The theme to export is not on the board.
    #[error("{}", tr!("edit-error-no-theme", id = .0.0))]
    NoTheme(ThemeId),
    /// None of the cards to export are on the board.
    #[error("{}", tr!("export-error-no-cards"))]
    NoCards,
    /// A card shows an image whose file is gone from the board's media folder.
    #[error("{}", tr!("export-error-missing-image", card = format!("{card:?}"), file = file.as_str(), folder = media_dir.display().to_string()))]
    MissingImage {
        /// The card's title.
        card: String,
        /// The image file.
        file: MediaName,
        /// The board's media folder.
        media_dir: PathBuf,
    },
    /// The board's media folder is a link or not a folder: no image is read through it.
    #[error("{}", tr!("export-error-media-folder", problem = .0.to_string()))]
    MediaFolder(MediaProblem),
    /// Images that are not what Boothboard stored: links, not regular files, or changed content.
    #[error("{}", tr!(
        "export-error-refused-images",
        count = .0.len(),
        images = .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    ))]
    RefusedImages(Vec<RefusedImage>),
    /// The export's media folder would be a board's own media folder.
    #[error("{}", tr!("export-error-board-media-in-the-way", folder = media_dir.display().to_string(), board = board.display().to_string()))]
    BoardMediaInTheWay {
        /// The media folder the export would replace.
        media_dir: PathBuf,
        /// The board that owns it.
        board: PathBuf,
    },
    /// An image could not be copied.
    #[error("{}", tr!("export-error-copy", path = path.display().to_string(), error = i18n::io_error(source)))]
    Copy {
        /// The image file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The export folder could not be written.
    #[error("{}", tr!("export-error-write", path = path.display().to_string(), error = i18n::io_error(source)))]
    Write {
        /// What was being written.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// An image an export refused, and the card that shows it.
#[derive(Debug, thiserror::Error)]
#[error("{}", tr!("export-refused-image", card = format!("{card:?}"), problem = problem.to_string()))]
pub struct RefusedImage {
    /// The card's title.
    pub card: String,
    /// What is wrong with its file.
    pub problem: MediaProblem,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Language};

    fn refused(card: &str) -> RefusedImage {
        RefusedImage {
            card: card.to_owned(),
            problem: MediaProblem::Changed {
                path: PathBuf::from("board.media/a.png"),
            },
        }
    }

    #[test]
    fn refused_images_are_counted_and_listed_one_a_line_in_each_language() {
        i18n::set_language(Language::English);
        assert_eq!(
            ExportError::RefusedImages(vec![refused("TiDB")]).to_string(),
            "an image of this board is not what Boothboard stored, so nothing was written; \
             `boothboard check --fix-media BOARD` moves them aside:\n\
             card \"TiDB\": board.media/a.png: the content does not match its name; the image was changed outside Boothboard"
        );
        let two = ExportError::RefusedImages(vec![refused("TiDB"), refused("Gloo")]).to_string();
        assert!(two.starts_with("2 images of this board are not what"), "{two}");
        assert_eq!(two.lines().count(), 3, "{two}");
        i18n::set_language(Language::SimplifiedChinese);
        let two = ExportError::RefusedImages(vec![refused("TiDB"), refused("Gloo")]).to_string();
        assert!(two.starts_with("这个看板有 2 张图片"), "{two}");
        assert!(
            two.contains("\n卡片 \"Gloo\"：board.media/a.png：内容与文件名不符"),
            "{two}"
        );
        i18n::set_language(Language::English);
    }
}
