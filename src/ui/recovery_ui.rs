//! The bar that offers back the board a crashed window kept beside its file.

use std::path::PathBuf;

use super::file_access_ui::banner_ui;
use crate::command::Command;

/// What the recovery bar says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryNotice {
    /// The recovery file's name, e.g. `kubecon-2018.recovered.json`.
    pub file_name: String,
    /// The board file's name, e.g. `kubecon-2018.json`.
    pub board_file_name: String,
    /// The newest crash report, if one was written.
    pub crash_report: Option<PathBuf>,
    /// Why the recovery file can't be loaded, when it can't.
    pub damaged: Option<String>,
}

/// Says that Boothboard crashed and offers the board it kept: restore it, or keep the saved one.
pub fn recovery_ui(ui: &mut egui::Ui, notice: &RecoveryNotice, commands: &mut Vec<Command>) {
    let RecoveryNotice {
        file_name,
        board_file_name,
        crash_report,
        damaged,
    } = notice;
    let report = crash_report.as_ref().map_or_else(String::new, |report| {
        format!(" The crash report is {}.", report.display())
    });
    let stem = file_name.trim_end_matches(".json");
    banner_ui(ui, "recovery", |ui| match damaged {
        None => {
            ui.label(format!(
                "Boothboard closed unexpectedly with this board open, and kept the board as it was in {file_name}; it differs from the saved board.{report}"
            ));
            if ui
                .button("Restore it")
                .on_hover_text(format!(
                    "Show the board as it was before the crash and save it. The version saved now becomes the backup, {board_file_name}.bak, and {file_name} is kept as {stem}-TIME.json."
                ))
                .clicked()
            {
                commands.push(Command::RestoreRecovered);
            }
            keep_saved_button_ui(ui, file_name, stem, commands);
        }
        Some(error) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!(
                    "Boothboard closed unexpectedly with this board open, but the board it kept in {file_name} can't be read, so it was not loaded: {error}.{report}"
                ),
            );
            keep_saved_button_ui(ui, file_name, stem, commands);
        }
    });
}

fn keep_saved_button_ui(ui: &mut egui::Ui, file_name: &str, stem: &str, commands: &mut Vec<Command>) {
    if ui
        .button("Keep the saved board")
        .on_hover_text(format!(
            "Leave the board as saved. {file_name} is kept, unused, as {stem}-TIME.json."
        ))
        .clicked()
    {
        commands.push(Command::KeepSavedBoard);
    }
}
