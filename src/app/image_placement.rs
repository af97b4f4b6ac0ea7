//! Where imported images go: onto the card they were dropped on, or as new cards in a column.

use super::imports::ImportProgress;
use super::{BoothboardApp, Workspace};
use crate::command::ImageTarget;
use crate::model::{BoardEdit, Created};
use crate::ui::Message;
use crate::{store, tr};

impl BoothboardApp {
    /// Puts imported images where they were dropped, and says which files were refused and why.
    pub(super) fn place_images(&mut self, ready: ImportProgress) {
        let Workspace::Open(open) = &self.workspace else {
            return;
        };
        if store::media_dir_for(&open.path) != ready.media_dir {
            self.message = Some(Message::error(tr!("images-board-closed")));
            return;
        }
        let board = &open.board;
        // The card or column may have been deleted while the images were read: then they become new cards.
        let target = match ready.target {
            ImageTarget::Card(card) if board.card(card).is_some() => ImageTarget::Card(card),
            ImageTarget::Column(column) if board.column(column).is_some() => ImageTarget::Column(column),
            ImageTarget::Inbox(taken) => ImageTarget::Inbox(taken),
            _ => ImageTarget::FirstColumn,
        };
        let first_column = board.columns.first().map(|column| column.id);
        let mut images = Vec::with_capacity(ready.images.len());
        for imported in ready.images {
            let file = imported.image.file.clone();
            self.inboxes.placed(&file);
            self.thumbnails
                .insert(ready.media_dir.clone(), file, imported.thumbnail);
            images.push(imported.image);
        }
        match target {
            ImageTarget::Inbox(taken) => {
                for image in images {
                    self.place_inbox_card(taken, image);
                }
            }
            ImageTarget::Card(card) => {
                self.apply_edit_as(BoardEdit::AddImages(card, images), Some(ready.is_first));
            }
            ImageTarget::Column(_) | ImageTarget::FirstColumn => {
                let column = match target {
                    ImageTarget::Column(column) => Some(column),
                    _ => first_column.or_else(|| {
                        match self.apply_edit_quietly(BoardEdit::AddColumn(tr!("board-first-column-name"))) {
                            Created::Column(column) => Some(column),
                            _ => None,
                        }
                    }),
                };
                let cards = images
                    .into_iter()
                    .map(|image| (card_title_for(&image.caption), image))
                    .collect();
                let created = column.map_or(Created::Nothing, |column| {
                    self.apply_edit_as(BoardEdit::AddImageCards(column, cards), Some(ready.is_first))
                });
                // The first new card of a drop is the one ready to rename; later parts leave it be.
                if ready.is_first {
                    self.show_created(created);
                }
            }
        }
        if !ready.refused.is_empty() {
            let reasons: Vec<String> = ready.refused.iter().map(ToString::to_string).collect();
            self.message = Some(Message::error(tr!("images-not-added", reasons = reasons.join("; "))));
        }
    }
}

/// A new card made from an image is titled after the file: "Keynote slide.png" gives "Keynote slide".
fn card_title_for(caption: &str) -> String {
    std::path::Path::new(caption)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.trim().is_empty())
        .unwrap_or_else(|| caption.to_owned())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::FileFailurePersistence;

    use super::card_title_for;

    #[test]
    fn a_card_is_titled_after_the_image_file() {
        assert_eq!(card_title_for("Keynote slide.png"), "Keynote slide");
        assert_eq!(card_title_for("naïve..png"), "naïve.");
        assert_eq!(card_title_for(" .png"), " .png");
    }

    /// File names with dots, slashes, blanks, NUL and characters from every plane.
    fn file_name() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            any::<char>(),
            prop::sample::select(vec!['.', '/', ' ', '\0', 'ï', '\u{202E}', '\u{200D}', '🎉']),
        ];
        prop::collection::vec(piece, 0..16).prop_map(String::from_iter)
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 512,
            failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
            ..ProptestConfig::default()
        })]

        #[test]
        fn any_file_name_gives_a_title_taken_from_it(caption in file_name()) {
            let title = card_title_for(&caption);
            prop_assert!(caption.contains(&title), "{:?} from {:?}", title, caption);
            prop_assert!(caption.trim().is_empty() || !title.trim().is_empty(), "{:?} from {:?}", title, caption);
        }
    }
}
