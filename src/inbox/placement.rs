//! Where an image from the inbox goes on a board: nowhere when the board shows it already, else
//! onto a new card in the inbox column, which is made first on the left when the board has none.

use crate::media::hash_in_name;
use crate::model::{Board, BoardEdit, ColumnId, Created, EditError};

/// Whether some card shows an image with this content hash.
pub fn on_board(board: &Board, hash: &str) -> bool {
    board
        .cards()
        .flat_map(|card| &card.images)
        .any(|image| hash_in_name(&image.file) == Some(hash))
}

/// A board being changed: straight (the command line), or through the app's edit history.
pub trait BoardEditor {
    /// The board as it is now.
    fn board(&self) -> &Board;
    /// Applies an edit.
    fn edit(&mut self, edit: BoardEdit) -> Result<Created, EditError>;
}

impl BoardEditor for Board {
    fn board(&self) -> &Board {
        self
    }

    fn edit(&mut self, edit: BoardEdit) -> Result<Created, EditError> {
        self.apply(edit)
    }
}

/// The column called `name` (ignoring case); made first on the left when the board has none.
pub fn inbox_column(editor: &mut impl BoardEditor, name: &str) -> Result<ColumnId, EditError> {
    if let Some(column) = editor.board().column_by_name(name) {
        return Ok(column.id);
    }
    let Created::Column(column) = editor.edit(BoardEdit::AddColumn(name.to_owned()))? else {
        // Only a read-only window makes nothing, and it takes no images in.
        return Err(EditError::NoColumn(ColumnId(0)));
    };
    editor.edit(BoardEdit::MoveColumn(column, 0))?;
    Ok(column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ImageRef, MediaName};

    const HASH: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn an_image_the_board_shows_is_found_by_its_content_hash() {
        let mut board = Board::new("Talks");
        let column = board.add_column("Keynotes");
        let card = board.add_card(column, "Opening").unwrap();
        assert!(!on_board(&board, HASH));
        let image = ImageRef {
            file: MediaName::new(format!("{HASH}.png")).unwrap(),
            caption: "slide.png".to_owned(),
            width: 1920,
            height: 1080,
        };
        board.apply(BoardEdit::AddImages(card, vec![image])).unwrap();
        assert!(on_board(&board, HASH));
        assert!(!on_board(&board, "fedcba9876543210fedcba9876543210"));
    }

    #[test]
    fn the_inbox_column_is_made_first_on_the_left_once_and_then_found() {
        let mut board = Board::new("Talks");
        board.add_column("Keynotes");
        let inbox = inbox_column(&mut board, "Inbox").unwrap();
        assert_eq!(board.columns.first().map(|column| column.id), Some(inbox));
        assert_eq!(
            inbox_column(&mut board, "inbox").unwrap(),
            inbox,
            "found again, ignoring case"
        );
        assert_eq!(board.columns.len(), 3, "Projects, Keynotes and Inbox");
    }
}
