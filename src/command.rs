//! What the UI asks the app to do; applied after the frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use crate::export::{ExportOptions, ExportScope};
use crate::i18n::Language;
use crate::model::{BoardEdit, CardId, ColumnId, MediaName};

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
    /// Ask for a Trello, Obsidian Kanban or Markdown file to import as a new board.
    ImportBoardDialog,
    /// Import this file as a new board in the boards folder, and open it.
    ImportBoard(PathBuf),
    /// Keep the damaged board file aside and continue from a copy of it (its backup, or a version
    /// kept when an outside edit was resolved).
    RestoreCopy {
        /// The damaged board file.
        board: PathBuf,
        /// The copy to put in its place.
        copy: PathBuf,
    },
    /// Dismiss the message bar.
    DismissMessage,
    /// Quit even though the last changes could not be saved.
    QuitWithoutSaving,
    /// Ask for a folder, then export this part of the board to Markdown in it.
    ExportMarkdownDialog(ExportScope, ExportOptions),
    /// Export this part of the board to Markdown in this folder.
    ExportMarkdown(ExportScope, ExportOptions, PathBuf),
    /// Put a card's Markdown on the clipboard.
    CopyCardMarkdown(CardId),
    /// Show a folder in the system's file manager.
    OpenFolder(PathBuf),
    /// Dismiss the export bar.
    DismissExportStatus,
    /// Read the board file again and try again to become the writer of a read-only board.
    ReloadFromDisk,
    /// Save the user's version over another program's (theirs is kept in a copy).
    KeepMine,
    /// Read the board file again, to merge another program's version once it loads.
    ReadBoardFileAgain,
    /// The export dialog was opened: offer the last export's folder, or the default one.
    ExportDialogOpened,
    /// Speak this language from now on, or the system's (none); remembered in the settings.
    SetLanguage(Option<Language>),
    /// Show "Open board": the boards opened lately and in the Boothboard folder.
    ShowOpenBoard,
    /// Open (or create) the board at this path.
    OpenBoard(PathBuf),
    /// Make the board a crashed window kept the open board's content (the recovery file is moved aside).
    RestoreRecovered,
    /// Keep the board as saved and move the recovery file a crashed window left aside.
    KeepSavedBoard,
    /// Take images in (checked and copied on worker threads) and put them where the user dropped them.
    AddImages(ImageSource, ImageTarget),
    /// Ask for image files to attach to a card.
    PickImages(CardId),
    /// Show an image of the board in the system's image viewer.
    OpenImage(MediaName),
    /// The inbox dialog was opened: offer the inbox's folder, or the platform's screenshots folder.
    InboxDialogOpened,
    /// Watch this folder for new images, for the open board (remembered for it on this machine).
    WatchInbox {
        /// The folder.
        folder: PathBuf,
        /// Attach new images to the selected card rather than make a card for each.
        attach_to_selected: bool,
    },
    /// Stop watching the open board's inbox folder.
    StopInbox,
    /// Ask for the inbox folder in the system's folder dialog, starting in this one if it is there.
    PickInboxFolder(Option<PathBuf>),
    /// The folder dialog chose this folder: the inbox dialog shows it.
    InboxFolderPicked(PathBuf),
    /// Take in the images that were in the inbox folder when watching began.
    ImportInboxBacklog,
    /// Leave the images already in the inbox folder where they are.
    DismissInboxOffer,
}

/// Where images come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageSource {
    /// Files dropped or picked; each becomes one image.
    Files(Vec<PathBuf>),
    /// An image pasted from the clipboard (converted to a file on a worker thread, not in the frame).
    Pasted(Arc<egui::ColorImage>),
}

/// Where new images go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageTarget {
    /// Attached to this card.
    Card(CardId),
    /// One new card per image at the bottom of this column.
    Column(ColumnId),
    /// One new card per image in the first column.
    FirstColumn,
    /// A new card in the inbox column (made first on the left if need be), titled from the time
    /// the image was taken.
    Inbox(SystemTime),
}
