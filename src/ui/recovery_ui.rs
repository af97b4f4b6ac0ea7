//! The bar that offers back the board a crashed window kept beside its file.

use std::path::PathBuf;

use super::file_access_ui::banner_ui;
use crate::command::Command;
use crate::tr;

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
        tr!("recovery-crash-report", report = report.display().to_string())
    });
    let stem = file_name.trim_end_matches(".json");
    banner_ui(ui, "recovery", |ui| match damaged {
        None => {
            ui.label(tr!("recovery-banner", file = file_name, report = report));
            if ui
                .button(tr!("recovery-restore"))
                .on_hover_text(tr!(
                    "recovery-restore-hover",
                    board = board_file_name,
                    file = file_name,
                    stem = stem
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
                tr!("recovery-damaged", file = file_name, error = error, report = report),
            );
            keep_saved_button_ui(ui, file_name, stem, commands);
        }
    });
}

fn keep_saved_button_ui(ui: &mut egui::Ui, file_name: &str, stem: &str, commands: &mut Vec<Command>) {
    if ui
        .button(tr!("recovery-keep-saved"))
        .on_hover_text(tr!("recovery-keep-saved-hover", file = file_name, stem = stem))
        .clicked()
    {
        commands.push(Command::KeepSavedBoard);
    }
}
