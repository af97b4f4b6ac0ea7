//! Markdown exports on a named thread, with their progress and outcome for the export bar.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::OpenBoard;
use crate::export::{ExportProgress, ExportScope, Exported, card_markdown, export_names, export_to_dir};
use crate::model::CardId;
use crate::ui::ExportStatus;

enum Update {
    Progress(ExportProgress),
    Finished(Result<Exported, String>),
}

/// The running export, if any, and what the export bar shows.
#[derive(Default)]
pub struct Exports {
    running: Option<Receiver<Update>>,
    status: Option<ExportStatus>,
    /// Where the last export went, to start the next folder dialog there.
    last_folder: Option<PathBuf>,
}

impl std::fmt::Debug for Exports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Exports")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl Exports {
    /// Starts exporting `scope` of the open board into `out_dir` on its own thread, from a copy
    /// of the board as it is now. Refused, with the reason, while another export runs.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        open: &OpenBoard,
        scope: ExportScope,
        out_dir: PathBuf,
    ) -> Result<(), String> {
        if self.running.is_some() {
            return Err("An export is still running; try again when it has finished.".to_owned());
        }
        let (board, board_path) = (open.board.clone(), open.path.clone());
        let (sender, updates) = mpsc::channel();
        let ctx = ctx.clone();
        self.last_folder = Some(out_dir.clone());
        std::thread::Builder::new()
            .name("export-markdown".to_owned())
            .spawn(move || {
                let result = export_to_dir(&board, &board_path, &scope, &out_dir, &mut |progress| {
                    let _ = sender.send(Update::Progress(progress));
                    ctx.request_repaint();
                });
                let result = result.map_err(|error| format!("Markdown not exported: {error}."));
                let _ = sender.send(Update::Finished(result));
                ctx.request_repaint();
            })
            .map_err(|error| format!("Can't start the export: {error}"))?;
        self.running = Some(updates);
        self.status = Some(ExportStatus::Running(ExportProgress::default()));
        Ok(())
    }

    /// Takes the running export's news; returns its failure, to be shown once, when it failed.
    pub fn receive(&mut self) -> Option<String> {
        let updates = self.running.as_ref()?;
        loop {
            match updates.try_recv() {
                Ok(Update::Progress(progress)) => self.status = Some(ExportStatus::Running(progress)),
                Ok(Update::Finished(result)) => {
                    self.running = None;
                    return match result {
                        Ok(exported) => {
                            self.status = Some(ExportStatus::Done(exported.markdown));
                            None
                        }
                        Err(error) => {
                            self.status = None;
                            Some(error)
                        }
                    };
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.running = None;
                    self.status = None;
                    return Some(
                        "The export stopped before it finished; nothing was replaced. Try the export again.".to_owned(),
                    );
                }
            }
        }
    }

    /// Puts a card's Markdown on the clipboard, with image links as an export of the board
    /// writes them (they also work from the board's own folder), and says so.
    pub fn copy_card(&mut self, ctx: &egui::Context, open: &OpenBoard, card: CardId) -> Result<(), String> {
        let Some(card) = open.board.card(card) else {
            return Ok(());
        };
        let (_, media_folder) = export_names(&open.path).map_err(|error| format!("Not copied: {error}."))?;
        ctx.copy_text(card_markdown(&open.board, card, &media_folder));
        if self.running.is_none() {
            self.status = Some(ExportStatus::Copied(card.title.clone()));
        }
        Ok(())
    }

    /// What the export bar shows.
    pub fn status(&self) -> Option<&ExportStatus> {
        self.status.as_ref()
    }

    /// Hides the export bar (not while an export runs).
    pub fn dismiss(&mut self) {
        if self.running.is_none() {
            self.status = None;
        }
    }

    /// The folder of the last export.
    pub fn last_folder(&self) -> Option<PathBuf> {
        self.last_folder.clone()
    }
}
