//! The open board's screenshot inbox: started and stopped as the user asks (remembered per board in
//! the settings), its images taken in by the image workers like dropped ones, its news shown.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::open_board::OpenBoard;
use super::{BoothboardApp, Workspace};
use crate::command::{ImageSource, ImageTarget};
use crate::inbox::{BoardEditor, InboxEvent, InboxWatch, default_folder, on_board};
use crate::media::hash_in_name;
use crate::model::{Board, BoardEdit, Created, EditError, MediaName};
use crate::store::{AppHome, InboxSetting};
use crate::tr;
use crate::ui::{InboxDialog, InboxStatus, Message};

/// The inbox of the open board, while it is on.
#[derive(Debug)]
pub(super) struct Inbox {
    watch: InboxWatch,
    /// The board it is for.
    board: PathBuf,
    status: InboxStatus,
    /// Images on their way to the board, by content hash: the file's name.
    in_flight: HashMap<String, String>,
}

/// The boards' inboxes as the settings hold them, and the one running.
#[derive(Debug)]
pub(super) struct Inboxes {
    ctx: egui::Context,
    home: AppHome,
    settings: Vec<InboxSetting>,
    running: Option<Inbox>,
}

impl Inboxes {
    /// The inboxes remembered in the settings; none runs yet.
    pub(super) fn new(ctx: &egui::Context, home: AppHome, settings: Vec<InboxSetting>) -> Self {
        Self {
            ctx: ctx.clone(),
            home,
            settings,
            running: None,
        }
    }

    /// What the window shows of the running inbox.
    pub(super) fn status(&self) -> Option<&InboxStatus> {
        self.running.as_ref().map(|inbox| &inbox.status)
    }

    /// Starts the inbox `board` has on, if any (after the last one stopped). `offer_existing`
    /// offers the images already in the folder, as when the user has just turned it on.
    fn start(&mut self, board: &Path, offer_existing: bool) -> Result<(), String> {
        self.running = None;
        let Some(setting) = self
            .settings
            .iter()
            .find(|inbox| inbox.board == board && inbox.watching)
        else {
            return Ok(());
        };
        let canonical = board.canonicalize().unwrap_or_else(|_| board.to_owned());
        let wake = self.ctx.clone();
        let watch = InboxWatch::start(
            setting.folder.clone(),
            self.home.inbox_memory_path(&canonical),
            offer_existing,
            Box::new(move || wake.request_repaint()),
        )
        .map_err(|error| error.to_string())?;
        self.running = Some(Inbox {
            watch,
            board: board.to_owned(),
            status: InboxStatus {
                folder: setting.folder.clone(),
                attach_to_selected: setting.attach_to_selected,
                missing: None,
                offer: None,
            },
            in_flight: HashMap::new(),
        });
        Ok(())
    }

    /// Remembers `setting` for its board (here, and in the settings on a task thread).
    fn remember(&mut self, setting: InboxSetting) -> InboxSetting {
        self.settings.retain(|kept| kept.board != setting.board);
        self.settings.push(setting.clone());
        setting
    }

    /// An image taken in has reached the board: the inbox remembers it, so it never comes again.
    pub(super) fn placed(&mut self, file: &MediaName) {
        if let Some(inbox) = &mut self.running
            && let Some(hash) = hash_in_name(file)
            && let Some(name) = inbox.in_flight.remove(hash)
        {
            inbox.watch.imported(hash, &name);
        }
    }
}

/// The app's edits through its history, for [`crate::inbox::inbox_column`].
struct HistoryEditor<'a> {
    open: &'a mut OpenBoard,
    now: Instant,
}

impl BoardEditor for HistoryEditor<'_> {
    fn board(&self) -> &Board {
        &self.open.board
    }

    fn edit(&mut self, edit: BoardEdit) -> Result<Created, EditError> {
        self.open.apply(edit, self.now)
    }
}

impl BoothboardApp {
    /// Starts the open board's inbox, if it has one on.
    pub(super) fn start_inbox(&mut self, offer_existing: bool) {
        let Workspace::Open(open) = &self.workspace else {
            self.inboxes.running = None;
            return;
        };
        if open.read_only_reason().is_some() {
            // Only the board's one writer takes images in.
            self.inboxes.running = None;
            return;
        }
        if let Err(error) = self.inboxes.start(&open.path, offer_existing) {
            self.message = Some(Message::error(tr!("inbox-cant-start", error = error)));
        }
    }

    /// Fills in the inbox dialog: the folder watched or last watched, else the platform's
    /// screenshots folder.
    pub(super) fn fill_inbox_dialog(&mut self) {
        let Workspace::Open(open) = &self.workspace else {
            return;
        };
        let remembered = self.inboxes.settings.iter().find(|inbox| inbox.board == open.path);
        let folder = remembered
            .map(|inbox| inbox.folder.clone())
            .or_else(default_folder)
            .map(|folder| folder.display().to_string())
            .unwrap_or_default();
        self.view.inbox_dialog = Some(InboxDialog {
            folder,
            attach_to_selected: remembered.is_some_and(|inbox| inbox.attach_to_selected),
        });
    }

    /// Turns the open board's inbox on (or changes its folder), or off.
    pub(super) fn set_inbox(&mut self, watch: Option<(PathBuf, bool)>) {
        let Workspace::Open(open) = &self.workspace else {
            return;
        };
        if let Some(reason) = open.read_only_reason() {
            self.message = Some(Message::error(tr!("images-read-only", reason = reason)));
            return;
        }
        let board = open.path.clone();
        let remembered = self.inboxes.settings.iter().find(|inbox| inbox.board == board);
        let setting = match (watch, remembered) {
            (Some((folder, attach_to_selected)), _) => InboxSetting {
                board: board.clone(),
                folder,
                watching: true,
                attach_to_selected,
            },
            (None, Some(remembered)) => InboxSetting {
                watching: false,
                ..remembered.clone()
            },
            (None, None) => return,
        };
        let same_folder = self
            .inboxes
            .running
            .as_ref()
            .is_some_and(|inbox| setting.watching && inbox.status.folder == setting.folder);
        let setting = self.inboxes.remember(setting);
        self.tasks.remember_inbox(setting.clone());
        match &mut self.inboxes.running {
            // Only the choice of card changed: the watch goes on.
            Some(inbox) if same_folder => inbox.status.attach_to_selected = setting.attach_to_selected,
            _ => self.start_inbox(true),
        }
    }

    /// Takes the inbox's news: images to take in, files refused, the folder gone or back.
    pub(super) fn follow_inbox(&mut self) {
        let Some(inbox) = &mut self.inboxes.running else {
            return;
        };
        let Workspace::Open(open) = &self.workspace else {
            return;
        };
        if inbox.board != open.path {
            return;
        }
        for event in inbox.watch.events() {
            match event {
                InboxEvent::Arrived(arrival) => {
                    let name = arrival
                        .path
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    if on_board(&open.board, &arrival.hash) {
                        inbox.watch.imported(&arrival.hash, &name);
                        continue;
                    }
                    let selected = self
                        .view
                        .selected_card
                        .filter(|card| inbox.status.attach_to_selected && open.board.card(*card).is_some());
                    let target = selected.map_or(ImageTarget::Inbox(arrival.modified), ImageTarget::Card);
                    inbox.in_flight.insert(arrival.hash, name);
                    self.imports
                        .start(&open.path, target, ImageSource::Files(vec![arrival.path]));
                }
                InboxEvent::Refused(error) => {
                    self.message = Some(Message::error(tr!("inbox-not-added", reason = error.to_string())));
                }
                InboxEvent::AlreadyThere(count) => inbox.status.offer = Some(count),
                InboxEvent::FolderMissing(problem) => {
                    // Worded here, in the window's language.
                    let error = problem.to_string();
                    self.message = Some(Message::warning(tr!("inbox-folder-missing", error = error.clone())));
                    inbox.status.missing = Some(error);
                }
                InboxEvent::FolderBack => {
                    inbox.status.missing = None;
                    let folder = inbox.status.folder.display().to_string();
                    self.message = Some(Message::info(tr!("inbox-folder-back", folder = folder)));
                }
            }
        }
    }

    /// Takes in the images that were in the folder when watching began, or leaves them.
    pub(super) fn answer_inbox_offer(&mut self, import: bool) {
        if let Some(inbox) = &mut self.inboxes.running {
            inbox.status.offer = None;
            if import {
                inbox.watch.import_existing();
            }
        }
    }

    /// Puts an image from the inbox on a new card in the inbox column, titled from its time;
    /// selected with its title ready to rename unless the user is typing elsewhere.
    pub(super) fn place_inbox_card(&mut self, taken: std::time::SystemTime, image: crate::model::ImageRef) {
        let Workspace::Open(open) = &mut self.workspace else {
            return;
        };
        let mut editor = HistoryEditor {
            open,
            now: Instant::now(),
        };
        let column = match crate::inbox::inbox_column(&mut editor, &tr!("inbox-column-name")) {
            Ok(column) => column,
            Err(error) => {
                log::warn!("no inbox column: {error}");
                return;
            }
        };
        let title = tr!("inbox-card-title", time = crate::inbox::clock_time(taken));
        let created = self.apply_edit_as(BoardEdit::AddImageCards(column, vec![(title, image)]), Some(true));
        if !self.view.text_had_focus {
            self.show_created(created);
        }
    }
}
