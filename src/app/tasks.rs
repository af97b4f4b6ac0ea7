//! Work that waits on the user or the disk, on named threads: file dialogs, opening boards.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};

use super::OpenBoard;
use crate::command::{Command, ImageSource, ImageTarget};
use crate::export::{ExportOptions, ExportScope};
use crate::i18n::Language;
use crate::import::{import_file, new_board_path};
use crate::model::{Board, CardId};
use crate::open::{OpenError, create_board, open_or_create};
use crate::store::{self, AppHome, Fingerprint, LoadError, OnNews, OutsideVersion, Settings};
use crate::ui::{LoadFailure, Message, OpenBoardDialog};
use crate::{i18n, tr};

/// A finished background task.
#[derive(Debug)]
pub enum TaskOutcome {
    /// A board was opened (or created), its lock and fingerprint taken here, off the UI thread; switch to it.
    Opened(Box<OpenBoard>),
    /// A board failed to open.
    Failed(LoadFailure),
    /// The open board's file was read again (by a read-only window, to become the writer).
    Reloaded(Box<OpenBoard>),
    /// A board was imported from another tool's file and opened; the summary says what came in.
    Imported(Box<OpenBoard>, String),
    /// Something to tell the user that is not a failure to open.
    Notice(Message),
    /// Something to do now, as if the UI had asked for it, if the board it was asked for is still open.
    ForBoard(PathBuf, Command),
    /// The open board's file was read again after another program may have written it.
    Checked {
        /// The board file.
        board: PathBuf,
        /// What the file was expected to hold.
        expected: Option<Fingerprint>,
        /// What it held.
        found: OutsideVersion,
    },
    /// What "Open board" offers, gathered.
    BoardList(OpenBoardDialog),
    /// Conflict copies that sync tools left beside the open board, read.
    ConflictCopies {
        /// The board file.
        board: PathBuf,
        /// Each copy, loaded or not.
        read: Vec<(PathBuf, Result<Board, LoadError>)>,
    },
}

/// Runs tasks on threads and collects their outcomes.
pub struct Tasks {
    home: AppHome,
    /// Whether the system's file dialogs can open here; looked up once, at start.
    native_dialogs: bool,
    sender: Sender<TaskOutcome>,
    outcomes: Receiver<TaskOutcome>,
    ctx: egui::Context,
}

impl std::fmt::Debug for Tasks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tasks")
            .field("home", &self.home)
            .finish_non_exhaustive()
    }
}

impl Tasks {
    /// Tasks for the app at `home`; outcomes wake the UI through `ctx`.
    pub fn new(ctx: &egui::Context, home: AppHome) -> Self {
        let (sender, outcomes) = mpsc::channel();
        Self {
            home,
            native_dialogs: file_dialog_available(),
            sender,
            outcomes,
            ctx: ctx.clone(),
        }
    }

    /// Outcomes finished since the last call.
    pub fn outcomes(&self) -> impl Iterator<Item = TaskOutcome> + '_ {
        self.outcomes.try_iter()
    }

    /// Whether the system's file dialogs can open here.
    pub fn native_dialogs(&self) -> bool {
        self.native_dialogs
    }

    /// Gathers the boards "Open board" offers: those opened lately that are still there, and
    /// the others in the Boothboard folder.
    pub fn list_boards(&self) {
        self.spawn("list-boards", |home| {
            let recent: Vec<PathBuf> = Settings::load(home)
                .recent_boards()
                .into_iter()
                .filter(|board| board.is_file())
                .collect();
            let folder = home.boards_dir();
            let in_folder = store::boards_in(&folder)
                .into_iter()
                .filter(|board| !recent.contains(board))
                .collect();
            Some(TaskOutcome::BoardList(OpenBoardDialog {
                recent,
                in_folder,
                folder,
                path: String::new(),
            }))
        });
    }

    /// Opens (or creates) the board at `path`.
    pub fn open(&self, path: PathBuf) {
        let wake = self.waker();
        self.spawn("open-board", move |home| Some(open_task(home, &path, wake)));
    }

    /// Remembers the folder an export went into, for the next one.
    pub fn remember_export_folder(&self, folder: PathBuf) {
        self.spawn("remember-export-folder", move |home| {
            Settings::remember_export_folder(home, folder);
            None
        });
    }

    /// Remembers the language chosen in the View menu.
    pub fn remember_language(&self, language: Option<Language>) {
        self.spawn("remember-language", move |home| {
            Settings::remember_language(home, language);
            None
        });
    }

    /// Remembers a board's screenshot inbox in the settings.
    pub fn remember_inbox(&self, inbox: store::InboxSetting) {
        self.spawn("remember-inbox", move |home| {
            Settings::remember_inbox(home, inbox);
            None
        });
    }

    /// Asks for a board file, then opens it; where no file dialog can open, shows the app's own
    /// "Open board" instead.
    pub fn open_dialog(&self) {
        if !self.native_dialogs {
            return self.list_boards();
        }
        let start_in = self.home.boards_dir();
        let wake = self.waker();
        self.spawn("open-board-dialog", move |home| {
            let picked = board_file_dialog(&tr!("dialog-open-board"), start_in).pick_file();
            picked.map(|path| open_task(home, &path, wake))
        });
    }

    /// Asks where to create a board, then creates and opens it; where no file dialog can open,
    /// shows the app's own "Open board", whose path field creates a board at a new path.
    pub fn new_dialog(&self) {
        if !self.native_dialogs {
            return self.list_boards();
        }
        let start_in = self.home.boards_dir();
        let wake = self.waker();
        self.spawn("new-board-dialog", move |home| {
            let picked = board_file_dialog(&tr!("dialog-new-board"), start_in)
                .set_file_name("conference.json")
                .save_file();
            picked.map(|path| match create_board(&path, None, false, Settings::device(home)) {
                Ok(board) => opened(home, path, board, wake),
                Err(error) => TaskOutcome::Notice(Message::error(error.to_string())),
            })
        });
    }

    /// Asks for a folder, then exports `scope` of the open board to Markdown in it.
    pub fn export_folder_dialog(
        &self,
        board: PathBuf,
        scope: ExportScope,
        options: ExportOptions,
        start_in: Option<PathBuf>,
    ) {
        let native_dialogs = self.native_dialogs;
        self.spawn("export-folder-dialog", move |_| {
            if !native_dialogs {
                return Some(no_dialog(&tr!("no-dialog-export-instead")));
            }
            let dialog = rfd::FileDialog::new().set_title(tr!("dialog-export-folder"));
            let dialog = match start_in {
                Some(folder) => dialog.set_directory(folder),
                None => dialog,
            };
            let picked = dialog.pick_folder();
            picked.map(|folder| TaskOutcome::ForBoard(board, Command::ExportMarkdown(scope, options, folder)))
        });
    }

    /// Asks for a file from another tool, then imports it as a new board and opens it.
    pub fn import_dialog(&self) {
        let native_dialogs = self.native_dialogs;
        let wake = self.waker();
        self.spawn("import-board-dialog", move |home| {
            if !native_dialogs {
                return Some(no_dialog(&tr!("no-dialog-import-instead")));
            }
            let picked = rfd::FileDialog::new()
                .set_title(tr!("dialog-import"))
                .add_filter(tr!("dialog-import-filter"), &["json", "md"])
                .add_filter(tr!("dialog-all-files"), &["*"])
                .pick_file();
            picked.map(|file| import_task(home, &file, wake))
        });
    }

    /// Imports `file` as a new board in the boards folder, and opens it.
    pub fn import(&self, file: PathBuf) {
        let wake = self.waker();
        self.spawn("import-board", move |home| Some(import_task(home, &file, wake)));
    }

    /// Asks for image files, then hands them back to be attached to `card` of `board`.
    pub fn pick_images(&self, board: PathBuf, card: CardId) {
        let native_dialogs = self.native_dialogs;
        self.spawn("pick-images-dialog", move |_| {
            if !native_dialogs {
                return Some(no_dialog(&tr!("card-images-drop-hint")));
            }
            let picked = rfd::FileDialog::new()
                .set_title(tr!("dialog-add-images"))
                .add_filter(
                    tr!("dialog-images-filter"),
                    &["png", "jpg", "jpeg", "gif", "webp", "bmp"],
                )
                .add_filter(tr!("dialog-all-files"), &["*"])
                .pick_files();
            picked.map(|paths| {
                let add = Command::AddImages(ImageSource::Files(paths), ImageTarget::Card(card));
                TaskOutcome::ForBoard(board, add)
            })
        });
    }

    /// Asks for the inbox folder, then hands it back to the inbox dialog of `board`.
    pub fn pick_inbox_folder(&self, board: PathBuf, start_in: Option<PathBuf>) {
        self.spawn("inbox-folder-dialog", move |_| {
            let dialog = rfd::FileDialog::new().set_title(tr!("dialog-inbox-folder"));
            let dialog = match start_in.filter(|folder| folder.is_dir()) {
                Some(folder) => dialog.set_directory(folder),
                None => dialog,
            };
            let picked = dialog.pick_folder();
            picked.map(|folder| TaskOutcome::ForBoard(board, Command::InboxFolderPicked(folder)))
        });
    }

    /// Keeps the damaged file aside, puts `copy` in its place, and opens it.
    pub fn restore_copy(&self, path: PathBuf, copy: PathBuf) {
        let wake = self.waker();
        self.spawn("restore-copy", move |home| {
            Some(match store::restore_copy(&path, &copy) {
                Ok(_) => open_task(home, &path, wake),
                Err(error) => TaskOutcome::Notice(Message::error(error.to_string())),
            })
        });
    }

    /// Reads the open board's file again, as a read-only window does to become the writer once
    /// the other Boothboard has closed. A file that does not load is refused.
    pub fn reload(&self, path: PathBuf) {
        self.spawn("reload-board", move |home| {
            Some(match store::load(&path) {
                Ok(mut board) => {
                    board.adopt_device(Settings::device(home));
                    TaskOutcome::Reloaded(Box::new(OpenBoard::new(path, board)))
                }
                Err(error) => TaskOutcome::Notice(Message::error(tr!("not-reloaded", error = error.to_string()))),
            })
        });
    }

    /// Reads the open board's file again, expecting `expected` there, to merge what another
    /// program may have written.
    pub fn check_board_file(&self, board: PathBuf, expected: Option<Fingerprint>) {
        self.spawn("check-board-file", move |_| {
            let found = store::read_if_changed(&board, expected);
            Some(TaskOutcome::Checked { board, expected, found })
        });
    }

    /// Reads the conflict copies beside the open board: `copies`, or all there are when `None`.
    pub fn read_conflict_copies(&self, board: PathBuf, copies: Option<Vec<PathBuf>>) {
        self.spawn("read-conflict-copies", move |_| {
            let copies = copies.unwrap_or_else(|| store::conflict_copies(&board));
            let read: Vec<_> = copies
                .into_iter()
                .map(|copy| {
                    let loaded = store::load(&copy);
                    (copy, loaded)
                })
                .collect();
            (!read.is_empty()).then_some(TaskOutcome::ConflictCopies { board, read })
        });
    }

    /// Moves merged conflict copies into `NAME.merged/` beside `board`: their content is saved.
    pub fn file_away_copies(&self, board: PathBuf, copies: Vec<PathBuf>) {
        self.spawn("file-away-copies", move |_| {
            let failed: Vec<String> = copies
                .iter()
                .filter_map(|copy| match store::file_away_merged_copy(&board, copy) {
                    Ok(filed) => {
                        log::info!("merged {} and moved it to {}", copy.display(), filed.display());
                        None
                    }
                    Err(error) => Some(format!("{}: {error}", copy.display())),
                })
                .collect();
            (!failed.is_empty()).then(|| {
                TaskOutcome::Notice(Message::warning(tr!(
                    "merged-not-filed-away",
                    folder = store::merged_copies_dir_for(&board).display().to_string(),
                    copies = failed.join("; ")
                )))
            })
        });
    }

    /// Wakes the window when the folder of a board opened by a task has news.
    fn waker(&self) -> OnNews {
        let ctx = self.ctx.clone();
        Box::new(move || ctx.request_repaint())
    }

    fn spawn(&self, name: &str, task: impl FnOnce(&AppHome) -> Option<TaskOutcome> + Send + 'static) {
        let home = self.home.clone();
        let sender = self.sender.clone();
        let ctx = self.ctx.clone();
        // Its messages are in the window's language.
        let language = i18n::language();
        let spawned = std::thread::Builder::new().name(name.to_owned()).spawn(move || {
            i18n::set_language(language);
            if let Some(outcome) = task(&home) {
                let _ = sender.send(outcome);
                ctx.request_repaint();
            }
        });
        if let Err(error) = spawned {
            let _ = self.sender.send(TaskOutcome::Notice(Message::error(tr!(
                "task-cant-start",
                task = name,
                error = error.to_string()
            ))));
        }
    }
}

/// rfd on Linux uses the XDG desktop portal (over the session bus) and falls back to zenity.
fn file_dialog_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let has_session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|address| !address.is_empty());
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file()));
    has_session_bus || has_zenity
}

/// Said when no native file dialog can open, rather than doing nothing; `instead` says what works.
fn no_dialog(instead: &str) -> TaskOutcome {
    TaskOutcome::Notice(Message::warning(tr!("no-dialog", instead = instead)))
}

fn board_file_dialog(title: &str, start_in: PathBuf) -> rfd::FileDialog {
    rfd::FileDialog::new()
        .set_title(title)
        .set_directory(start_in)
        .add_filter(tr!("dialog-board-filter"), &["json"])
}

fn open_task(home: &AppHome, path: &Path, wake: OnNews) -> TaskOutcome {
    match open_or_create(home, path) {
        Ok(board) => opened(home, path.to_owned(), board, wake),
        Err(error) => TaskOutcome::Failed(load_failure(path, &error)),
    }
}

/// Imports `file` into a free name in the boards folder, then opens the new board.
fn import_task(home: &AppHome, file: &Path, wake: OnNews) -> TaskOutcome {
    let out = new_board_path(&home.boards_dir(), file);
    match import_file(file, &out, None, Settings::device(home)) {
        Ok(imported) => match open_task(home, &out, wake) {
            TaskOutcome::Opened(open) => TaskOutcome::Imported(
                open,
                tr!(
                    "imported",
                    file = file.display().to_string(),
                    format = imported.format.name(),
                    summary = imported.summary(),
                    board = out.display().to_string()
                ),
            ),
            other => other,
        },
        Err(error) => TaskOutcome::Notice(Message::error(tr!("not-imported", error = error.to_string()))),
    }
}

fn opened(home: &AppHome, path: PathBuf, board: Board, wake: OnNews) -> TaskOutcome {
    Settings::remember_board(home, path.clone());
    let mut open = OpenBoard::new(path, board);
    open.look_for_recovery(&home.crash_reports_dir());
    open.watch_folder(wake);
    TaskOutcome::Opened(Box::new(open))
}

/// Describes a board that failed to open, with the good copies it can be restored from.
pub fn load_failure(path: &Path, error: &OpenError) -> LoadFailure {
    let copies = store::restorable_copies(path);
    let backup = store::backup_path_for(path);
    LoadFailure {
        path: path.to_owned(),
        error: error.to_string(),
        backup: copies.iter().find(|copy| **copy == backup).cloned(),
        kept: copies.into_iter().filter(|copy| *copy != backup).collect(),
    }
}
