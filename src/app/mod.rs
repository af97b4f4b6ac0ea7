//! The eframe app: owns the board, the saver and the background tasks; applies commands.

mod crash_recovery;
mod export_job;
mod frame_probe;
mod image_placement;
mod imports;
mod inbox;
mod open_board;
mod outside_changes;
mod quit_signals;
mod tasks;
mod thumbnail_cache;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use crash_recovery::RecoveryOffer;
pub use frame_probe::{FRAME_PROBE_VAR, with_frame_probe};
pub use open_board::{OpenBoard, SaveDue};
pub use quit_signals::close_on_quit_signals;
pub use tasks::load_failure;

use crate::command::Command;
use crate::i18n::{self, Language};
use crate::media::{ContentCheck, ThumbnailDiskCache, WorkerPool, open_media};
use crate::model::{Board, BoardEdit, Changed, Created, Travel, openable_url};
use crate::store::{self, AppHome, Saver};
use crate::tr;
use crate::ui::{self, ExportStatus, LoadFailure, Message, SaveStatus, ViewState};
use export_job::Exports;
use imports::Imports;
use inbox::Inboxes;
use tasks::{TaskOutcome, Tasks};
use thumbnail_cache::ThumbnailCache;

/// The disk cache of thumbnails is trimmed to this at start: about 5,000 screenshots' worth.
const THUMBNAIL_CACHE_BYTES: u64 = 256 * 1024 * 1024;

/// The largest texture side the window asks for. egui makes its font atlas as wide as the
/// renderer allows: llvmpipe's 16,384 had the first frame clear, copy and upload four times the
/// pixels for the same glyphs (3 ms of a 95 ms start). The viewer's pictures are no larger.
const MAX_TEXTURE_SIDE: usize = 4096;

/// How long quitting waits for the last save before it asks what to do.
const EXIT_SAVE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a close or a switch of boards waits on the UI thread for the last save (usually a few
/// milliseconds); a slower disk finishes in the background, and the window closes when it is done.
const CLOSE_SAVE_WAIT: Duration = Duration::from_millis(500);

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
    /// The image workers while paused, until the first frame is on screen (see
    /// [`WorkerPool::spawn_paused`]); `None` once they run.
    paused_image_workers: Option<Arc<WorkerPool>>,
    thumbnails: ThumbnailCache,
    imports: Imports,
    /// The open board's screenshot inbox, and the other boards' as remembered.
    inboxes: Inboxes,
    message: Option<Message>,
    window_title: String,
    /// Set when a quit was stopped because the last changes could not be saved.
    quit_blocked: bool,
    quit_without_saving: bool,
    /// A close is waiting for images being added and a slow save to finish.
    close_when_saved: bool,
    /// Test seam: the next frame panics, as a bug would make it.
    #[cfg(feature = "test-seams")]
    panic_in_next_frame: bool,
    exports: Exports,
    /// Where exports go when none went anywhere yet: a folder per board in here.
    documents_dir: PathBuf,
    /// Commands to apply next frame, as if the UI had emitted them.
    queued: Vec<Command>,
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
        Self::with_content_check(ctx, home, startup, ContentCheck::Verify)
    }

    /// [`Self::new`], checking media content against its names as `content_check` says: the app
    /// always verifies; benchmarks compare that with trusting.
    pub fn with_content_check(
        ctx: &egui::Context,
        home: AppHome,
        startup: Startup,
        content_check: ContentCheck,
    ) -> std::io::Result<Self> {
        ui::install_fallback_fonts(ctx);
        ui::install_focus_first(ctx);
        let repaint = ctx.clone();
        let saver = Saver::spawn(Box::new(move || repaint.request_repaint()))?;
        let (workspace, media_dir) = match startup {
            Startup::Opened(path, board) => {
                let media_dir = store::media_dir_for(&path);
                let mut open = OpenBoard::new(path, *board);
                open.look_for_recovery(&home.crash_reports_dir());
                let wake = ctx.clone();
                open.watch_folder(Box::new(move || wake.request_repaint()));
                (Workspace::Open(Box::new(open)), media_dir)
            }
            Startup::Failed(failure) => (Workspace::Failed(failure), PathBuf::new()),
        };
        // One worker per core, up to four: image work is CPU-bound, and the UI thread is mostly idle meanwhile.
        let workers = std::thread::available_parallelism().map_or(2, |cores| cores.get().clamp(1, 4));
        let pool = Arc::new(WorkerPool::spawn_paused("image", workers)?);
        let disk = ThumbnailDiskCache::new(home.thumbnails_dir());
        let settings = store::Settings::load(&home);
        let documents_dir = directories::UserDirs::new()
            .and_then(|dirs| dirs.document_dir().map(Path::to_owned))
            .or_else(|| directories::BaseDirs::new().map(|dirs| dirs.home_dir().join("Documents")))
            .unwrap_or_else(|| home.root().join("exports"));
        let to_prune = disk.clone();
        pool.run(move || {
            let removed = to_prune.prune(THUMBNAIL_CACHE_BYTES);
            log::debug!("thumbnail cache: {removed} old entries removed");
        });
        let mut app = Self {
            workspace,
            view: ViewState::speaking(settings.language),
            saver,
            paused_image_workers: Some(Arc::clone(&pool)),
            thumbnails: ThumbnailCache::new(ctx, Arc::clone(&pool), media_dir, disk.clone(), content_check),
            imports: Imports::new(ctx, pool, disk),
            inboxes: Inboxes::new(ctx, home.clone(), settings.inboxes),
            tasks: Tasks::new(ctx, home),
            message: None,
            window_title: String::new(),
            quit_blocked: false,
            quit_without_saving: false,
            close_when_saved: false,
            #[cfg(feature = "test-seams")]
            panic_in_next_frame: false,
            exports: Exports::starting_in(settings.last_export_folder),
            documents_dir,
            queued: Vec::new(),
        };
        app.merge_conflict_copies_there();
        app.start_inbox(false);
        Ok(app)
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

    /// The view state, to set up a view without clicking to it (for benchmarks).
    pub fn view_mut(&mut self) -> &mut ViewState {
        &mut self.view
    }

    /// The message shown at the bottom, if any.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// What the export bar shows, if anything.
    pub fn export_status(&self) -> Option<&ExportStatus> {
        self.exports.status()
    }

    /// Test seam: makes the next frame panic, as a bug in it would.
    #[cfg(feature = "test-seams")]
    pub fn panic_in_next_frame(&mut self) {
        self.panic_in_next_frame = true;
    }

    /// Applies `command` in the next frame, as if the UI had emitted it (tests drive the steps
    /// after a native dialog this way).
    pub fn queue_command(&mut self, command: Command) {
        self.queued.push(command);
    }

    /// Whether the board on screen is on disk.
    pub fn save_status(&self) -> SaveStatus {
        match &self.workspace {
            Workspace::Open(open) => open.save_status(),
            Workspace::Failed(_) => SaveStatus::Saved,
        }
    }

    /// Images still being taken in (for tests and benchmarks).
    pub fn images_in_progress(&self) -> usize {
        self.imports.images_in_progress()
    }

    /// Whether thumbnails are still being made or uploaded (for tests and benchmarks).
    pub fn thumbnails_busy(&self) -> bool {
        self.thumbnails.is_busy()
    }

    /// How many thumbnails the last frame drew as still loading (for benchmarks).
    pub fn thumbnails_loading_in_view(&self) -> usize {
        self.thumbnails.loading_in_view()
    }

    /// Image textures held now (for tests and benchmarks).
    pub fn textures_held(&self) -> usize {
        self.thumbnails.texture_count()
    }

    /// Applies an edit and selects or focuses what it created.
    fn apply_edit(&mut self, edit: BoardEdit) -> Created {
        let created = self.apply_edit_quietly(edit);
        self.show_created(created);
        created
    }

    /// Applies an edit and leaves the view as it is.
    fn apply_edit_quietly(&mut self, edit: BoardEdit) -> Created {
        self.apply_edit_as(edit, None)
    }

    /// Applies an edit, as a part of a drop of images when `drop_part` says whether it is the
    /// first (later parts join its undo step), and leaves the view as it is.
    fn apply_edit_as(&mut self, edit: BoardEdit, drop_part: Option<bool>) -> Created {
        let Workspace::Open(open) = &mut self.workspace else {
            return Created::Nothing;
        };
        if open.read_only_reason().is_some() {
            // The banner says why; this says that the keystroke or click was not lost by accident.
            self.message = Some(Message::warning(tr!("read-only-not-changed")));
            return Created::Nothing;
        }
        let now = Instant::now();
        let applied = match drop_part {
            Some(first) => open.apply_part(edit, now, first),
            None => open.apply(edit, now),
        };
        applied.unwrap_or_else(|error| {
            // The UI only names what it drew; a stale id just means nothing to do.
            log::debug!("ignored edit: {error}");
            Created::Nothing
        })
    }

    /// Selects or focuses what an edit created: a new card opens with its title ready to type.
    fn show_created(&mut self, created: Created) {
        match created {
            Created::Card(card) => {
                self.view.open_editor(card);
                self.view.scroll_to_selected = true;
                self.view.focus_card_title = true;
            }
            Created::Column(column) => {
                let name = self
                    .board()
                    .and_then(|board| board.column(column))
                    .map(|column| column.name.clone());
                self.view.renaming_column = Some(ui::ColumnRename {
                    column,
                    name: name.unwrap_or_default(),
                });
            }
            Created::Theme(theme) => {
                self.view.editing_theme = Some(theme);
                self.view.focus_theme_name = true;
            }
            Created::Nothing => {}
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Edit(edit) => drop(self.apply_edit(edit)),
            Command::Undo => self.travel(Travel::Undo),
            Command::Redo => self.travel(Travel::Redo),
            Command::OpenLink(url) => match openable_url(&url) {
                Ok(url) => {
                    if let Err(error) = open::that_detached(url) {
                        self.message = Some(Message::error(tr!(
                            "link-cant-open",
                            url = url,
                            error = error.to_string()
                        )));
                    }
                }
                Err(refused) => {
                    self.message = Some(Message::error(tr!("link-not-opened", reason = refused.to_string())));
                }
            },
            Command::AddImages(source, target) => {
                let Workspace::Open(open) = &self.workspace else {
                    return;
                };
                // A read-only board gets nothing written beside it, not even media files.
                if let Some(reason) = open.read_only_reason() {
                    self.message = Some(Message::error(tr!("images-read-only", reason = reason)));
                } else {
                    self.imports.start(&open.path, target, source);
                }
            }
            Command::PickImages(card) => {
                if let Workspace::Open(open) = &self.workspace {
                    self.tasks.pick_images(open.path.clone(), card);
                }
            }
            Command::OpenImage(file) => {
                if let Workspace::Open(open) = &self.workspace {
                    let media_dir = store::media_dir_for(&open.path);
                    let path = media_dir.join(file.as_str());
                    // The opener follows links: hand it only a regular file whose content was checked.
                    let text = match open_media(&media_dir, &file) {
                        Err(problem) => Some(tr!("viewer-not-opened", reason = problem.to_string())),
                        Ok(_) if !self.thumbnails.is_verified(&file) => {
                            Some(tr!("viewer-still-checking", file = path.display().to_string()))
                        }
                        Ok(_) => open::that_detached(&path).err().map(|error| {
                            tr!(
                                "viewer-cant-open",
                                file = path.display().to_string(),
                                error = error.to_string()
                            )
                        }),
                    };
                    if let Some(text) = text {
                        self.message = Some(Message::error(text));
                    }
                }
            }
            Command::OpenBoardDialog => self.tasks.open_dialog(),
            Command::SetLanguage(language) => {
                i18n::set_language(language.unwrap_or_else(Language::of_system));
                self.view.language = language;
                self.tasks.remember_language(language);
            }
            Command::ShowOpenBoard => self.tasks.list_boards(),
            Command::OpenBoard(path) => self.tasks.open(path),
            Command::NewBoardDialog => self.tasks.new_dialog(),
            Command::ImportBoardDialog => self.tasks.import_dialog(),
            Command::ImportBoard(file) => self.tasks.import(file),
            Command::RestoreCopy { board, copy } => self.tasks.restore_copy(board, copy),
            Command::DismissMessage => self.message = None,
            Command::QuitWithoutSaving => {
                self.quit_without_saving = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::ExportMarkdownDialog(scope, options) => {
                if let Workspace::Open(open) = &self.workspace {
                    self.tasks
                        .export_folder_dialog(open.path.clone(), scope, options, self.exports.last_folder());
                }
            }
            Command::ExportDialogOpened => {
                if let Workspace::Open(open) = &self.workspace {
                    let stem = open.path.file_stem().unwrap_or_default();
                    let folder = self
                        .exports
                        .last_folder()
                        .unwrap_or_else(|| self.documents_dir.join("Boothboard").join(stem));
                    self.view.export_folder = folder.display().to_string();
                }
            }
            Command::ExportMarkdown(scope, options, out_dir) => {
                if let Workspace::Open(open) = &self.workspace {
                    match self.exports.start(ctx, open, scope, options, out_dir.clone()) {
                        Ok(()) => self.tasks.remember_export_folder(out_dir),
                        Err(error) => self.message = Some(Message::error(error)),
                    }
                }
            }
            Command::CopyCardMarkdown(card) => {
                if let Workspace::Open(open) = &self.workspace
                    && let Err(error) = self.exports.copy_card(ctx, open, card)
                {
                    self.message = Some(Message::error(error));
                }
            }
            Command::OpenFolder(folder) => {
                if let Err(error) = open::that_detached(&folder) {
                    self.message = Some(Message::error(tr!(
                        "folder-cant-open",
                        folder = folder.display().to_string(),
                        error = error.to_string()
                    )));
                }
            }
            Command::DismissExportStatus => self.exports.dismiss(),
            Command::ReloadFromDisk => {
                if let Workspace::Open(open) = &self.workspace {
                    self.tasks.reload(open.path.clone());
                }
            }
            Command::ReadBoardFileAgain => {
                if let Workspace::Open(open) = &mut self.workspace {
                    open.want_outside_check();
                }
            }
            Command::KeepMine => {
                if let Workspace::Open(open) = &mut self.workspace {
                    open.keep_mine(Instant::now());
                }
            }
            Command::InboxDialogOpened => self.fill_inbox_dialog(),
            Command::WatchInbox {
                folder,
                attach_to_selected,
            } => self.set_inbox(Some((folder, attach_to_selected))),
            Command::StopInbox => self.set_inbox(None),
            Command::PickInboxFolder(start_in) => {
                if let Workspace::Open(open) = &self.workspace {
                    self.tasks.pick_inbox_folder(open.path.clone(), start_in);
                }
            }
            Command::InboxFolderPicked(folder) => {
                if let Some(dialog) = &mut self.view.inbox_dialog {
                    dialog.folder = folder.display().to_string();
                }
            }
            Command::ImportInboxBacklog => self.answer_inbox_offer(true),
            Command::DismissInboxOffer => self.answer_inbox_offer(false),
            Command::RestoreRecovered => self.settle_recovery(true),
            Command::KeepSavedBoard => self.settle_recovery(false),
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
                self.message = Some(Message::error(tr!("undo-step-dropped", error = error.to_string())));
            }
        }
    }

    fn receive_background_results(&mut self, ctx: &egui::Context) {
        for report in self.saver.reports() {
            if let Workspace::Open(open) = &mut self.workspace
                && let Some(theirs) = open.finish_save(report, Instant::now())
            {
                self.message = Some(Message::error(tr!(
                    "keep-mine-saved",
                    file = theirs.display().to_string()
                )));
            }
        }
        let outcomes: Vec<_> = self.tasks.outcomes().collect();
        for outcome in outcomes {
            let Some(outcome) = self.merge_outside_change(outcome) else {
                continue;
            };
            match outcome {
                TaskOutcome::Opened(fresh) => self.switch_to(*fresh),
                TaskOutcome::Imported(fresh, summary) => {
                    let path = fresh.path.clone();
                    self.switch_to(*fresh);
                    // Unless switching was refused, and the message says why.
                    if matches!(&self.workspace, Workspace::Open(open) if open.path == path) {
                        self.message = Some(Message::info(summary));
                    }
                }
                // With no board open, the failure screen shows the newest failure and its ways out;
                // with one open, it stays and a message explains.
                TaskOutcome::Failed(failure) => match &mut self.workspace {
                    Workspace::Failed(shown) => *shown = failure,
                    Workspace::Open(_) => self.message = Some(Message::error(failure.error)),
                },
                TaskOutcome::Reloaded(fresh) => match &mut self.workspace {
                    Workspace::Open(open) if open.is_file(&fresh.path) => open.adopt(*fresh),
                    // Another board was opened meanwhile: this reload is out of date.
                    _ => {}
                },
                TaskOutcome::Notice(message) => self.message = Some(message),
                TaskOutcome::Checked { .. } | TaskOutcome::ConflictCopies { .. } => {}
                TaskOutcome::BoardList(dialog) => self.view.open_board = Some(dialog),
                TaskOutcome::ForBoard(board, command) => match &self.workspace {
                    Workspace::Open(open) if open.path == board => self.apply(ctx, command),
                    // Another board was opened while the dialog was up: its cards are not the ones meant.
                    _ => {
                        self.message = Some(Message::error(tr!(
                            "picked-board-closed",
                            board = board.display().to_string()
                        )));
                    }
                },
            }
        }
        if let Some(error) = self.exports.receive(ctx) {
            self.message = Some(Message::error(error));
        }
        for progress in self.imports.receive() {
            self.place_images(progress);
        }
        self.thumbnails.receive(ctx);
    }

    fn switch_to(&mut self, fresh: OpenBoard) {
        let path = fresh.path.clone();
        if !self.flush_saves(CLOSE_SAVE_WAIT) {
            // Switching would drop the edits that could not be saved.
            self.message = Some(Message::error(tr!(
                "switch-unsaved",
                board = path.display().to_string(),
                reason = self.unsaved_reason(),
                advice = self.unsaved_advice()
            )));
            return;
        }
        self.thumbnails.set_media_dir(store::media_dir_for(&path));
        match &mut self.workspace {
            // The same file again: keep its lock rather than compete with ourselves for it.
            Workspace::Open(open) if open.is_file(&path) => open.adopt(fresh),
            _ => self.workspace = Workspace::Open(Box::new(fresh)),
        }
        self.view = ViewState::default();
        self.message = None;
        self.merge_conflict_copies_there();
        self.start_inbox(false);
    }

    /// Starts a save when one is due; schedules a wake-up for one that will be.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Workspace::Open(open) = &mut self.workspace else {
            return;
        };
        match open.save_due(Instant::now()) {
            SaveDue::No => {}
            SaveDue::Now => self.saver.save(open.start_save()),
            SaveDue::After(wait) => ctx.request_repaint_after(wait),
        }
    }

    /// Saves any unsaved edits and waits for the disk up to `timeout`. Returns true when all is saved.
    fn flush_saves(&mut self, timeout: Duration) -> bool {
        let Workspace::Open(open) = &mut self.workspace else {
            return true;
        };
        let wait_for_saves = |open: &mut OpenBoard| {
            self.saver.wait_until_idle(timeout);
            for report in self.saver.reports() {
                open.finish_save(report, Instant::now());
            }
        };
        // Let a save under way finish first, so the next one expects the file it wrote.
        wait_for_saves(open);
        if open.may_save() {
            self.saver.save(open.start_save());
            wait_for_saves(open);
        }
        open.all_saved()
    }

    fn handle_quit(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|input| input.consume_shortcut(&ui::QUIT)) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // Images still being taken in would be left out of the board: they go in and are saved first.
        let importing = self.imports.images_in_progress() > 0;
        if ctx.input(|input| input.viewport().close_requested())
            && !self.quit_without_saving
            && (importing || !self.flush_saves(CLOSE_SAVE_WAIT))
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.close_when_saved = true;
        }
        if !self.close_when_saved {
            return;
        }
        if importing {
            ctx.request_repaint_after(Duration::from_millis(50));
            return;
        }
        match self.save_status() {
            // Still writing: check again soon, without holding up the window.
            SaveStatus::Saving => ctx.request_repaint_after(Duration::from_millis(50)),
            SaveStatus::Saved | SaveStatus::ReadOnly => {
                self.close_when_saved = false;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            SaveStatus::Failed(_) | SaveStatus::ChangedOutside => {
                self.close_when_saved = false;
                self.quit_blocked = true;
                self.message = Some(Message::unsaved(tr!(
                    "quit-unsaved",
                    reason = self.unsaved_reason(),
                    advice = self.unsaved_advice()
                )));
            }
        }
    }

    /// Once the changes that stopped a quit are saved (the disk has room again, the folder is
    /// writable), the quit goes ahead and the messages about them go.
    fn finish_blocked_quit(&mut self, ctx: &egui::Context) {
        if self.save_status() != SaveStatus::Saved {
            return;
        }
        if self.message.as_ref().is_some_and(|message| message.until_saved) {
            self.message = None;
        }
        if std::mem::take(&mut self.quit_blocked) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Why the last changes are not on disk, after [`Self::flush_saves`] returned false.
    fn unsaved_reason(&self) -> String {
        match self.save_status() {
            SaveStatus::Failed(reason) => reason,
            SaveStatus::ChangedOutside => tr!("unsaved-changed-outside"),
            _ => tr!("unsaved-too-slow"),
        }
    }

    /// What the user can do about unsaved changes.
    fn unsaved_advice(&self) -> String {
        if self.save_status() == SaveStatus::ChangedOutside {
            tr!("unsaved-advice-changed-outside")
        } else {
            tr!("unsaved-advice-retrying")
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
        // A bug in a frame must not cost what was typed: the board goes beside its file, then the
        // panic goes on and ends the process as before (the panic hook has written the crash
        // report). Carrying on after a panic part-way through a frame would leave the window in a
        // state no one has tested.
        if let Err(panic) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.window_ui(ui))) {
            self.keep_board_for_recovery();
            std::panic::resume_unwind(panic);
        }
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        let side = raw_input
            .max_texture_side
            .map_or(MAX_TEXTURE_SIDE, |side| side.min(MAX_TEXTURE_SIDE));
        raw_input.max_texture_side = Some(side);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        ui::clear_color(visuals)
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if !self.quit_without_saving && !self.flush_saves(EXIT_SAVE_TIMEOUT) {
            log::error!("quitting with unsaved changes: {:?}", self.save_status());
        }
    }
}

impl BoothboardApp {
    /// One frame of the whole window. Needs no `eframe::Frame`, so benchmarks can run it on a bare `egui::Context`.
    pub fn window_ui(&mut self, ui: &mut egui::Ui) {
        #[cfg(feature = "test-seams")]
        if std::mem::take(&mut self.panic_in_next_frame) {
            panic!("a panic in the frame, asked for by a test");
        }
        let ctx = ui.ctx().clone();
        if ctx.cumulative_frame_nr() > 0
            && let Some(workers) = self.paused_image_workers.take()
        {
            workers.resume();
        }
        self.receive_background_results(&ctx);
        self.follow_board_folder();
        self.follow_inbox();
        self.handle_quit(&ctx);

        let mut commands = std::mem::take(&mut self.queued);
        self.view.native_dialogs = self.tasks.native_dialogs();
        if let Some(message) = &self.message {
            ui::message_ui(ui, message, &mut commands);
        }
        if let Some(status) = self.exports.status() {
            ui::export_status_ui(ui, status, &mut commands);
        }
        if let Some(inbox) = self.inboxes.status() {
            ui::inbox_offer_ui(ui, inbox, &mut commands);
        }
        self.finish_blocked_quit(&ctx);
        if self.quit_blocked {
            ui::quit_anyway_ui(ui, &self.unsaved_reason(), &mut commands);
        }
        match &self.workspace {
            Workspace::Open(open) => {
                if let Some(offer) = open.recovery() {
                    ui::recovery_ui(ui, &crash_recovery::recovery_notice(&open.path, offer), &mut commands);
                }
                if let Some(reason) = open.read_only_reason() {
                    ui::read_only_ui(ui, reason, &mut commands);
                } else if let Some(reason) = open.changed_outside() {
                    let file_name = open.path.file_name().unwrap_or_default().to_string_lossy();
                    ui::outside_change_ui(ui, &file_name, reason, &mut commands);
                }
                let save_status = open.save_status();
                let screen = ui::Screen {
                    board: &open.board,
                    save_status: &save_status,
                    images_in_progress: self.imports.images_in_progress(),
                    history: open.history(),
                    revision: open.revision(),
                    inbox: self.inboxes.status(),
                };
                ui::board_screen_ui(ui, screen, &mut self.view, &mut self.thumbnails, &mut commands);
            }
            Workspace::Failed(failure) => {
                egui::CentralPanel::default()
                    .frame(ui::central_panel_frame(ui.style()))
                    .show(ui, |ui| ui::load_failure_ui(ui, failure, &mut commands));
            }
        }
        if let Some(dialog) = &mut self.view.open_board {
            let open = match &self.workspace {
                Workspace::Open(open) => Some(open.path.as_path()),
                Workspace::Failed(_) => None,
            };
            if !ui::open_board_ui(&ctx, dialog, open, self.view.native_dialogs, &mut commands) {
                self.view.open_board = None;
            }
        }
        for command in commands {
            self.apply(&ctx, command);
        }
        ui::hold_input_for_focus(&ctx, &mut self.view);
        self.autosave(&ctx);
        self.update_window_title(&ctx);
    }
}
