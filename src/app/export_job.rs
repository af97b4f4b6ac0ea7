//! Markdown exports and card copies on named threads, with their progress and outcome for the
//! export bar: the user's text is formatted off the UI thread, so a bug there can't take down the window.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::OpenBoard;
use crate::export::{
    ExportError, ExportOptions, ExportProgress, ExportScope, Exported, card_markdown, export_names, export_to_dir,
};
use crate::model::CardId;
use crate::ui::ExportStatus;
use crate::{i18n, tr};

enum Update {
    Progress(ExportProgress),
    Finished(Result<Exported, ExportError>),
}

/// A card's Markdown being made for the clipboard.
struct PendingCopy {
    title: String,
    markdown: Receiver<String>,
}

/// Asks for a frame when a worker ends, however it ends (a panic too), so the UI sees its news.
/// Declare it before the worker's sender, so it is dropped after it.
struct RepaintWhenDone(egui::Context);

impl Drop for RepaintWhenDone {
    fn drop(&mut self) {
        self.0.request_repaint();
    }
}

/// The running export and copies, if any, and what the export bar shows.
#[derive(Default)]
pub struct Exports {
    running: Option<Receiver<Update>>,
    copies: Vec<PendingCopy>,
    status: Option<ExportStatus>,
    /// Where the last export went, to start the next folder dialog there.
    last_folder: Option<PathBuf>,
}

impl Exports {
    /// No export yet this session; the next folder dialog starts in `last_folder`.
    pub fn starting_in(last_folder: Option<PathBuf>) -> Self {
        Self {
            last_folder,
            ..Self::default()
        }
    }
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
        options: ExportOptions,
        out_dir: PathBuf,
    ) -> Result<(), String> {
        if self.running.is_some() {
            return Err(tr!("export-still-running"));
        }
        // Its own words in the window's language.
        let options = ExportOptions {
            language: i18n::language(),
            ..options
        };
        let (board, board_path) = (open.board.clone(), open.path.clone());
        let (sender, updates) = mpsc::channel();
        let ctx = ctx.clone();
        self.last_folder = Some(out_dir.clone());
        std::thread::Builder::new()
            .name("export-markdown".to_owned())
            .spawn(move || {
                let _repaint = RepaintWhenDone(ctx.clone());
                let sender = sender;
                let result = export_to_dir(&board, &board_path, &scope, &options, &out_dir, &mut |progress| {
                    let _ = sender.send(Update::Progress(progress));
                    ctx.request_repaint();
                });
                let _ = sender.send(Update::Finished(result));
            })
            .map_err(|error| tr!("export-cant-start", error = error.to_string()))?;
        self.running = Some(updates);
        self.status = Some(ExportStatus::Running(ExportProgress::default()));
        Ok(())
    }

    /// Takes the running export's and copies' news, and puts finished copies on the clipboard;
    /// returns a failure, to be shown once.
    pub fn receive(&mut self, ctx: &egui::Context) -> Option<String> {
        let copy_failure = self.receive_copies(ctx);
        self.receive_export().or(copy_failure)
    }

    fn receive_export(&mut self) -> Option<String> {
        let updates = self.running.as_ref()?;
        loop {
            match updates.try_recv() {
                Ok(Update::Progress(progress)) => self.status = Some(ExportStatus::Running(progress)),
                Ok(Update::Finished(result)) => {
                    self.running = None;
                    return match result {
                        Ok(exported) => {
                            self.status = Some(ExportStatus::Done(exported.document));
                            None
                        }
                        Err(error) => {
                            self.status = None;
                            Some(tr!("export-failed", error = error.to_string()))
                        }
                    };
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.running = None;
                    self.status = None;
                    return Some(tr!("export-stopped"));
                }
            }
        }
    }

    /// Starts making a card's Markdown for the clipboard on its own thread, with image links as
    /// an export of the board writes them (they also work from the board's own folder) and raw
    /// HTML in its notes shown as text, as an export does by default; [`Self::receive`] copies it and says so.
    pub fn copy_card(&mut self, ctx: &egui::Context, open: &OpenBoard, card: CardId) -> Result<(), String> {
        let Some(card) = open.board.card(card).cloned() else {
            return Ok(());
        };
        let (_, media_folder) =
            export_names(&open.path).map_err(|error| tr!("copy-failed", error = error.to_string()))?;
        // Only what the card's Markdown shows: a copy of a big board would cost the frame.
        let themes = open.board.themes.clone();
        let options = ExportOptions {
            language: i18n::language(),
            ..ExportOptions::default()
        };
        self.copy_made_on_thread(ctx, card.title.clone(), move || {
            card_markdown(&themes, &card, &media_folder, &options)
        })
    }

    fn copy_made_on_thread(
        &mut self,
        ctx: &egui::Context,
        title: String,
        make_markdown: impl FnOnce() -> String + Send + 'static,
    ) -> Result<(), String> {
        let (sender, markdown) = mpsc::channel();
        let repaint = RepaintWhenDone(ctx.clone());
        std::thread::Builder::new()
            .name("copy-markdown".to_owned())
            .spawn(move || {
                let _repaint = repaint;
                let sender = sender;
                let _ = sender.send(make_markdown());
            })
            .map_err(|error| tr!("copy-cant-start", error = error.to_string()))?;
        self.copies.push(PendingCopy { title, markdown });
        Ok(())
    }

    /// Copies the Markdown that is ready; returns a failure for a copy whose thread ended without it.
    fn receive_copies(&mut self, ctx: &egui::Context) -> Option<String> {
        let mut failure = None;
        self.copies.retain(|copy| match copy.markdown.try_recv() {
            Ok(markdown) => {
                ctx.copy_text(markdown);
                if self.running.is_none() {
                    self.status = Some(ExportStatus::Copied(copy.title.clone()));
                }
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                failure = Some(tr!("copy-not-made", title = &copy.title));
                false
            }
        });
        failure
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

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    /// Runs frames, as the app does, until a worker's news arrives: a failure and the texts copied.
    fn news(exports: &mut Exports, ctx: &egui::Context) -> (Option<String>, Vec<String>) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let mut failure = None;
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| failure = exports.receive(ui.ctx()));
            // No painter here to take the font atlas.
            output.textures_delta.clear();
            let copied: Vec<String> = output
                .platform_output
                .commands
                .into_iter()
                .filter_map(|command| match command {
                    egui::OutputCommand::CopyText(text) => Some(text),
                    _ => None,
                })
                .collect();
            if failure.is_some() || !copied.is_empty() {
                return (failure, copied);
            }
            assert!(Instant::now() < deadline, "no news from the worker");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn a_copy_whose_thread_panics_is_an_error_and_the_next_copy_works() {
        let ctx = egui::Context::default();
        let mut exports = Exports::default();
        exports
            .copy_made_on_thread(&ctx, "naïve.".to_owned(), || {
                panic!("a deliberate panic making Markdown")
            })
            .unwrap();
        let (failure, copied) = news(&mut exports, &ctx);
        assert!(copied.is_empty());
        let failure = failure.unwrap();
        assert!(
            failure.starts_with("Not copied: ") && failure.contains("“naïve.”"),
            "{failure}"
        );
        assert_eq!(exports.status(), None);

        exports
            .copy_made_on_thread(&ctx, "TiDB".to_owned(), || "### TiDB\n".to_owned())
            .unwrap();
        assert_eq!(news(&mut exports, &ctx), (None, vec!["### TiDB\n".to_owned()]));
        assert_eq!(exports.status(), Some(&ExportStatus::Copied("TiDB".to_owned())));
    }

    #[test]
    fn an_export_thread_that_panics_says_the_export_stopped() {
        let (sender, updates) = mpsc::channel::<Update>();
        let worker = std::thread::Builder::new()
            .name("export-markdown".to_owned())
            .spawn(move || {
                let _sender = sender;
                panic!("a deliberate panic in an export");
            })
            .unwrap();
        assert!(worker.join().is_err());
        let mut exports = Exports {
            running: Some(updates),
            status: Some(ExportStatus::Running(ExportProgress::default())),
            ..Exports::default()
        };
        let failure = exports.receive(&egui::Context::default()).unwrap();
        assert!(
            failure.starts_with("The export stopped before it finished"),
            "{failure}"
        );
        assert_eq!(exports.status(), None);
    }
}
