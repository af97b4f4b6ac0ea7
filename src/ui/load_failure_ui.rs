//! What the window shows when a board can't be opened: what is wrong, and ways forward.

use std::path::Path;

use crate::command::Command;
use crate::tr;

/// A board that failed to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadFailure {
    /// The file that failed.
    pub path: std::path::PathBuf,
    /// The error, naming the file and the place.
    pub error: String,
    /// Its backup, when that is a good save to restore from.
    pub backup: Option<std::path::PathBuf>,
    /// Versions kept beside it when another program changed it, good to restore from, newest first.
    pub kept: Vec<std::path::PathBuf>,
}

/// Draws the failure and the ways forward. The damaged file is never touched from here.
pub fn load_failure_ui(ui: &mut egui::Ui, failure: &LoadFailure, commands: &mut Vec<Command>) {
    ui.vertical_centered(|ui| {
        ui.add_space(40.0);
        ui.heading(tr!("load-failure-heading"));
    });
    ui.add_space(12.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.colored_label(ui.visuals().error_fg_color, &failure.error);
        ui.add_space(6.0);
        ui.label(tr!("load-failure-untouched", file = file_name(&failure.path)));
    });
    ui.add_space(12.0);
    let backup = failure.backup.iter().map(|backup| {
        (
            backup,
            tr!("load-failure-restore-backup"),
            tr!("load-failure-restore-backup-hover"),
        )
    });
    let kept = failure.kept.iter().map(|copy| {
        (
            copy,
            tr!("load-failure-restore-copy", file = file_name(copy)),
            tr!("load-failure-restore-copy-hover"),
        )
    });
    for (copy, text, hover) in backup.chain(kept) {
        if ui.button(text).on_hover_text(hover).clicked() {
            commands.push(Command::RestoreCopy {
                board: failure.path.clone(),
                copy: copy.clone(),
            });
        }
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(tr!("load-failure-open-another")).clicked() {
            commands.push(Command::ShowOpenBoard);
        }
        if ui.button(tr!("load-failure-new-board")).clicked() {
            commands.push(Command::NewBoardDialog);
        }
    });
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
