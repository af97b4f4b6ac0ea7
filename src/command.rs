//! What the UI asks the app to do; applied after the frame.

use std::path::PathBuf;

use crate::model::BoardEdit;

/// A request from the UI. The UI never changes the board or touches files itself.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Change the board.
    Edit(BoardEdit),
    /// Undo the last change to the board.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Open a link in the browser (http, https and mailto only).
    OpenLink(String),
    /// Ask for a board file to open.
    OpenBoardDialog,
    /// Ask where to create a new board.
    NewBoardDialog,
    /// Keep the damaged board file aside and continue from its backup.
    RestoreBackup(PathBuf),
    /// Dismiss the message bar.
    DismissMessage,
    /// Quit even though the last changes could not be saved.
    QuitWithoutSaving,
}
