//! The eframe app: owns the board, the saver and the background tasks; applies commands.

mod open_board;
mod tasks;
mod thumbnail_cache;

use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use open_board::{OpenBoard, SaveDue};
pub use tasks::load_failure;

use crate::command::Command;
use crate::model::{Board, Changed, Created, Travel, openable_url};
use crate::store::{self, AppHome, Saver};
use crate::ui::{self, LoadFailure, Message, SaveStatus, ViewState};
use tasks::{TaskOutcome, Tasks};
use thumbnail_cache::ThumbnailCache;

/// How long quitting waits for the last save before it asks what to do.
const QUIT_SAVE_TIMEOUT: Duration = Duration::from_secs(10);

/// The board the app starts on.
#[derive(Debug)]
pub enum Startup {
    /// Loaded (or created) at this path.
    Opened(PathBuf, Box<Board>),
    /// Could not be opened; the window explains and offers ways forward.
    Failed(LoadFailure),
}

enum Workspace {
    Open(Box<OpenBoard>),
    Failed(LoadFailure),
}

/// The Boothboard window.
pub struct BoothboardApp {
    workspace: Workspace,
    view: ViewState,
    saver: Saver,
    tasks: Tasks,
    thumbnails: ThumbnailCache,
    message: Option<Message>,
    window_title: String,
    /// Set when a quit was stopped because the last changes could not be saved.
    quit_blocked: bool,
    quit_without_saving: bool,
}

impl std::fmt::Debug for BoothboardApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BoothboardApp")
            .field("view", &self.view)
            .finish_non_exhaustive()
    }
}

impl BoothboardApp {
    /// Starts the app's worker threads and shows `startup`.
    pub fn new(ctx: &egui::Context, home: AppHome, startup: Startup) -> std::io::Result<Self> {
        ui::install_cjk_fallback(ctx);
        let repaint = ctx.clone();
        let saver = Saver::spawn(Box::new(move || repaint.request_repaint()))?;
        let (workspace, media_dir) = match startup {
            Startup::Opened(path, board) => {
                let media_dir = store::media_dir_for(&path);
                (Workspace::Open(Box::new(OpenBoard::new(path, *board))), media_dir)
            }
            Startup::Failed(failure) => (Workspace::Failed(failure), PathBuf::new()),
        };
        Ok(Self {
            workspace,
            view: ViewState::default(),
            saver,
            tasks: Tasks::new(ctx, home),
            thumbnails: ThumbnailCache::new(ctx, media_dir)?,
            message: None,
            window_title: String::new(),
            quit_blocked: false,
            quit_without_saving: false,
        })
    }

    /// The open board, if any (for tests and the window title).
    pub fn board(&self) -> Option<&Board> {
        match &self.workspace {
            Workspace::Open(open) => Some(&open.board),
            Workspace::Failed(_) => None,
        }
    }

    /// The view state (for tests).
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// The message shown at the bottom, if any.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// Whether the board on screen is on disk.
    pub fn save_status(&self) -> SaveStatus {
        match &self.workspace {
            Workspace::Open(open) => open.save_status(),
            Workspace::Failed(_) => SaveStatus::Saved,
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Edit(edit) => {
                let Workspace::Open(open) = &mut self.workspace else {
                    return;
                };
                match open.apply(edit, Instant::now()) {
                    Ok(Created::Card(card)) => {
                        self.view.open_editor(card);
                        self.view.scroll_to_selected = true;
                        self.view.focus_card_title = true;
                    }
                    Ok(Created::Column(column)) => self.view.renaming_column = Some(column),
                    Ok(Created::Theme(theme)) => {
                        self.view.editing_theme = Some(theme);
                        self.view.focus_theme_name = true;
                    }
                    Ok(Created::Nothing) => {}
                    // The UI only names what it drew; a stale id just means nothing to do.
                    Err(error) => log::debug!("ignored edit: {error}"),
                }
            }
            Command::Undo => self.travel(Travel::Undo),
            Command::Redo => self.travel(Travel::Redo),
            Command::OpenLink(url) => match openable_url(&url) {
                Ok(url) => {
                    if let Err(error) = open::that_detached(url) {
                        self.message = Some(Message::error(format!("Can't open {url}: {error}")));
                    }
                }
                Err(refused) => {
                    self.message = Some(Message::error(format!("Link not opened: {refused}.")));
                }
            },
            Command::OpenBoardDialog => self.tasks.open_dialog(),
            Command::NewBoardDialog => self.tasks.new_dialog(),
            Command::RestoreBackup(path) => self.tasks.restore_backup(path),
            Command::DismissMessage => self.message = None,
            Command::QuitWithoutSaving => {
                self.quit_without_saving = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Undoes or redoes a step and selects the card it changed, so the change is in view.
    fn travel(&mut self, travel: Travel) {
        let Workspace::Open(open) = &mut self.workspace else {
            return;
        };
        match open.travel(travel, Instant::now()) {
            Ok(Some(Changed::Card(card))) if open.board.card(card).is_some() => {
                self.view.select_and_reveal(Some(card));
            }
            Ok(_) => {}
            Err(error) => {
                self.message = Some(Message::error(format!(
                    "That step can't be undone or redone ({error}); it was dropped and the board is as it was."
                )));
            }
        }
    }

    fn receive_background_results(&mut self, ctx: &egui::Context) {
        for report in self.saver.reports() {
            if let Workspace::Open(open) = &mut self.workspace {
                open.finish_save(report, Instant::now());
            }
        }
        let outcomes: Vec<_> = self.tasks.outcomes().collect();
        for outcome in outcomes {
            match outcome {
                TaskOutcome::Opened(path, board) => self.switch_to(path, *board),
                // With no board open, the failure screen shows the newest failure and its ways out;
                // with one open, it stays and a message explains.
                TaskOutcome::Failed(failure) => match &mut self.workspace {
                    Workspace::Failed(shown) => *shown = failure,
                    Workspace::Open(_) => self.message = Some(Message::error(failure.error)),
                },
                TaskOutcome::Notice(text) => self.message = Some(Message::error(text)),
            }
        }
        self.thumbnails.receive(ctx);
    }

    fn switch_to(&mut self, path: PathBuf, board: Board) {
        if !self.flush_saves() {
            // Switching would drop the edits that could not be saved.
            self.message = Some(Message::error(format!(
                "{} was not opened: the last changes to this board are not saved ({}). Boothboard keeps retrying.",
                path.display(),
                self.unsaved_reason()
            )));
            return;
        }
        self.thumbnails.set_media_dir(store::media_dir_for(&path));
        self.workspace = Workspace::Open(Box::new(OpenBoard::new(path, board)));
        self.view = ViewState::default();
        self.message = None;
    }

    /// Starts a save when one is due; schedules a wake-up for one that will be.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Workspace::Open(open) = &mut self.workspace else {
            return;
        };
        match open.save_due(Instant::now()) {
            SaveDue::No => {}
            SaveDue::Now => {
                let (path, board, generation) = open.start_save();
                self.saver.save(path, board, generation);
            }
            SaveDue::After(wait) => ctx.request_repaint_after(wait),
        }
    }

    /// Saves any unsaved edits and waits for the disk. Returns true when all is saved.
    fn flush_saves(&mut self) -> bool {
        let Workspace::Open(open) = &mut self.workspace else {
            return true;
        };
        if open.has_unsaved_edits() {
            let (path, board, generation) = open.start_save();
            self.saver.save(path, board, generation);
        }
        self.saver.wait_until_idle(QUIT_SAVE_TIMEOUT);
        for report in self.saver.reports() {
            open.finish_save(report, Instant::now());
        }
        !open.has_unsaved_edits()
    }

    fn handle_quit(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|input| input.consume_shortcut(&ui::QUIT)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if ctx.input(|input| input.viewport().close_requested()) && !self.quit_without_saving && !self.flush_saves() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.quit_blocked = true;
            self.message = Some(Message::error(format!(
                "Your last changes are not saved: {}. Free some space or fix the folder's permissions; Boothboard keeps retrying.",
                self.unsaved_reason()
            )));
        }
    }

    /// Why the last changes are not on disk, after [`Self::flush_saves`] returned false.
    fn unsaved_reason(&self) -> String {
        match self.save_status() {
            SaveStatus::Failed(reason) => reason,
            _ => "the save did not finish in time".to_owned(),
        }
    }

    fn update_window_title(&mut self, ctx: &egui::Context) {
        let title = match self.board() {
            Some(board) if !board.title.trim().is_empty() => {
                format!("{} — Boothboard", board.title.trim())
            }
            _ => "Boothboard".to_owned(),
        };
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}

impl eframe::App for BoothboardApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.receive_background_results(&ctx);
        self.handle_quit(&ctx);

        let mut commands = Vec::new();
        if let Some(message) = &self.message {
            ui::message_ui(ui, message, &mut commands);
        }
        if self.quit_blocked {
            match self.save_status() {
                SaveStatus::Failed(reason) => ui::quit_anyway_ui(ui, &reason, &mut commands),
                _ => self.quit_blocked = false,
            }
        }
        match &self.workspace {
            Workspace::Open(open) => {
                let save_status = open.save_status();
                let screen = ui::Screen {
                    board: &open.board,
                    save_status: &save_status,
                    history: open.history(),
                    revision: open.revision(),
                };
                ui::board_screen_ui(ui, screen, &mut self.view, &mut self.thumbnails, &mut commands);
            }
            Workspace::Failed(failure) => {
                egui::CentralPanel::default().show(ui, |ui| ui::load_failure_ui(ui, failure, &mut commands));
            }
        }
        for command in commands {
            self.apply(&ctx, command);
        }
        self.autosave(&ctx);
        self.update_window_title(&ctx);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if !self.quit_without_saving && !self.flush_saves() {
            log::error!("quitting with unsaved changes: {:?}", self.save_status());
        }
    }
}
