//! What the window shows when a board can't be opened: what is wrong, and ways forward.

use std::path::Path;

use crate::command::Command;
use crate::store::backup_path_for;

/// A board that failed to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadFailure {
    /// The file that failed.
    pub path: std::path::PathBuf,
    /// The error, naming the file and the place.
    pub error: String,
    /// Good copies to restore it from: its backup (if good), then versions kept beside it, newest first.
    pub copies: Vec<std::path::PathBuf>,
}

/// Draws the failure and the ways forward. The damaged file is never touched from here.
pub fn load_failure_ui(ui: &mut egui::Ui, failure: &LoadFailure, commands: &mut Vec<Command>) {
    ui.vertical_centered(|ui| {
        ui.add_space(40.0);
        ui.heading("This board can't be opened");
    });
    ui.add_space(12.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.colored_label(ui.visuals().error_fg_color, &failure.error);
        ui.add_space(6.0);
        ui.label(format!("Boothboard has not changed {}. ", file_name(&failure.path)));
    });
    ui.add_space(12.0);
    let backup = backup_path_for(&failure.path);
    for copy in &failure.copies {
        let (text, hover) = if *copy == backup {
            (
                "Restore from backup".to_owned(),
                "Keep the damaged file under a new name and continue from the last good save".to_owned(),
            )
        } else {
            (
                format!("Restore {}", file_name(copy)),
                "Keep the damaged file under a new name and continue from this version, kept when another program changed the board".to_owned(),
            )
        };
        if ui.button(text).on_hover_text(hover).clicked() {
            commands.push(Command::RestoreCopy {
                board: failure.path.clone(),
                copy: copy.clone(),
            });
        }
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button("Open another board…").clicked() {
            commands.push(Command::OpenBoardDialog);
        }
        if ui.button("New board…").clicked() {
            commands.push(Command::NewBoardDialog);
        }
    });
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
