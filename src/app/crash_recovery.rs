//! After a panic in a frame: keep the board beside its file. At the next open: offer it back.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{BoothboardApp, Workspace};
use crate::store::{self, Recovery};
use crate::ui::{Message, RecoveryNotice, ViewState};
use crate::{i18n, tr};

/// A board a crashed window kept beside this one, found when it was opened.
#[derive(Debug)]
pub struct RecoveryOffer {
    /// What the recovery file holds.
    pub found: Recovery,
    /// The newest crash report, to say where it is.
    pub crash_report: Option<PathBuf>,
}

impl BoothboardApp {
    /// Called when a frame panicked: writes the board as it is in memory to the recovery file
    /// beside its file. Always, not only with unsaved edits: the panic may have struck between a
    /// change and its bookkeeping, and a recovery file that holds the saved board is removed
    /// quietly at the next open. A read-only window writes nothing beside a board it does not own.
    pub(super) fn keep_board_for_recovery(&self) {
        let Workspace::Open(open) = &self.workspace else {
            return;
        };
        if open.read_only_reason().is_some() {
            return;
        }
        match store::write_recovery(&open.path, &open.board) {
            Ok(kept) => log::error!("the board as it was is kept in {}", kept.display()),
            Err(error) => log::error!("the board could not be kept for recovery: {error}"),
        }
    }

    /// The user chose: the recovery file is moved aside, and with `restore` its board becomes
    /// the open board's content, unsaved, so autosave writes it (the saved version becomes the
    /// backup). Old undo steps go: they describe the board that was replaced.
    pub(super) fn settle_recovery(&mut self, restore: bool) {
        let Workspace::Open(open) = &mut self.workspace else {
            return;
        };
        if open.recovery().is_none() {
            return;
        }
        if let Err(error) = store::set_recovery_aside(&open.path) {
            self.message = Some(Message::error(tr!(
                "recovery-not-moved",
                file = store::recovery_path_for(&open.path).display().to_string(),
                error = i18n::io_error(&error)
            )));
            return;
        }
        if let Some(RecoveryOffer {
            found: Recovery::Found(board),
            ..
        }) = open.take_recovery()
            && restore
        {
            open.replace_content(*board, Instant::now());
            self.view = ViewState::default();
        }
    }
}

/// What the recovery bar says about `offer` for the board at `board_path`.
pub(super) fn recovery_notice(board_path: &Path, offer: &RecoveryOffer) -> RecoveryNotice {
    let recovery_file = store::recovery_path_for(board_path);
    RecoveryNotice {
        file_name: file_name(&recovery_file),
        board_file_name: file_name(board_path),
        crash_report: offer.crash_report.clone(),
        damaged: match &offer.found {
            Recovery::Found(_) => None,
            Recovery::Damaged(error) => Some(error.to_string()),
        },
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap_or_default().to_string_lossy().into_owned()
}
