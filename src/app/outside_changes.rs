//! Other programs' changes to the open board's folder, merged in as they come: a sync tool
//! replacing the board file, leaving a conflict copy beside it, or bringing an image.

use std::path::Path;
use std::time::Instant;

use super::open_board::Merged;
use super::tasks::TaskOutcome;
use super::{BoothboardApp, Workspace};
use crate::store::OutsideVersion;
use crate::tr;
use crate::ui::Message;

impl BoothboardApp {
    /// Merges the conflict copies that sync tools left beside the board while it was closed.
    pub(super) fn merge_conflict_copies_there(&self) {
        if let Workspace::Open(open) = &self.workspace
            && open.read_only_reason().is_none()
        {
            self.tasks.read_conflict_copies(open.path.clone(), None);
        }
    }

    /// Takes the news of the board's folder and starts what it calls for, off the UI thread.
    pub(super) fn follow_board_folder(&mut self) {
        let Workspace::Open(open) = &mut self.workspace else {
            return;
        };
        let news = open.take_watch_news();
        if news.board_file {
            open.want_outside_check();
        }
        if !news.conflict_copies.is_empty() && open.read_only_reason().is_none() {
            self.tasks
                .read_conflict_copies(open.path.clone(), Some(news.conflict_copies.into_iter().collect()));
        }
        for file in &news.media {
            self.thumbnails.file_arrived(file, news.media_gone.contains(file));
        }
        if let Some(error) = news.error {
            self.message = Some(Message::error(tr!("watch-stopped", error = error)));
        }
        if let Some(expected) = open.start_outside_check() {
            self.tasks.check_board_file(open.path.clone(), expected);
        }
        let saved_copies = open.merged_copies_saved();
        if !saved_copies.is_empty() {
            self.tasks.file_away_copies(open.path.clone(), saved_copies);
        }
    }

    /// Merges what a task read from the board's folder, if that board is still open. Returns the
    /// outcome when it is about something else.
    pub(super) fn merge_outside_change(&mut self, outcome: TaskOutcome) -> Option<TaskOutcome> {
        let now = Instant::now();
        let (open, outcome) = match (&mut self.workspace, outcome) {
            (Workspace::Open(open), outcome) => (open, outcome),
            (Workspace::Failed(_), TaskOutcome::Checked { .. } | TaskOutcome::ConflictCopies { .. }) => return None,
            (Workspace::Failed(_), other) => return Some(other),
        };
        match outcome {
            TaskOutcome::Checked { board, expected, found } if open.is_file(&board) => {
                let refused = matches!(found, OutsideVersion::Unreadable(_));
                let merged = open.finish_outside_check(expected, found, now);
                let file_name = file_name(&open.path);
                if let Some(merged) = merged {
                    self.show_merged(tr!("merged-board-file", file = file_name), merged);
                } else if refused && self.message.is_some() {
                    // The banner at the top says what to do now.
                    self.message = None;
                }
                None
            }
            TaskOutcome::ConflictCopies { board, read } if open.is_file(&board) => {
                let mut refused = Vec::new();
                for (copy, loaded) in read {
                    match loaded {
                        Ok(theirs) => {
                            let Workspace::Open(open) = &mut self.workspace else {
                                return None;
                            };
                            let name = file_name(&copy);
                            if let Some(merged) = open.merge_conflict_copy(copy, &theirs, now) {
                                self.show_merged(tr!("merged-conflict-copy", file = name), merged);
                            }
                        }
                        Err(error) => refused.push(error.to_string()),
                    }
                }
                if !refused.is_empty() {
                    self.message = Some(Message::error(tr!("merge-copy-refused", reason = refused.join("; "))));
                }
                None
            }
            // Another board was opened meanwhile: what was read is not about it.
            TaskOutcome::Checked { .. } | TaskOutcome::ConflictCopies { .. } => None,
            other => Some(other),
        }
    }

    /// Says what a merge brought in, and has the images it named shown as on their way.
    fn show_merged(&mut self, what: String, merged: Merged) {
        self.thumbnails.await_sync(merged.new_images);
        if !merged.changed {
            return;
        }
        let report = &merged.report;
        let mut details = Vec::new();
        if report.cards_added > 0 {
            details.push(tr!("merged-cards-added", count = report.cards_added));
        }
        if !report.kept_after_deletion.is_empty() {
            details.push(tr!(
                "merged-kept-after-deletion",
                count = report.kept_after_deletion.len()
            ));
        }
        if !report.cards_removed.is_empty() {
            details.push(tr!("merged-cards-removed", count = report.cards_removed.len()));
        }
        if !report.notes_to_check.is_empty() {
            details.push(tr!("merged-notes-to-check", count = report.notes_to_check.len()));
        }
        let text = if details.is_empty() {
            tr!("merged", what = what)
        } else {
            tr!(
                "merged-with-details",
                what = what,
                details = details.join(&tr!("list-separator"))
            )
        };
        self.message = Some(Message::info(text));
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap_or_default().to_string_lossy().into_owned()
}
