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
