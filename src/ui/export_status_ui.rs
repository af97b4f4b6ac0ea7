//! The export bar at the bottom of the window: progress, then where the Markdown went.

use std::path::PathBuf;

use crate::command::Command;
use crate::export::ExportProgress;
use crate::tr;

/// What the export bar shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportStatus {
    /// An export is running.
    Running(ExportProgress),
    /// An export finished: the Markdown file it wrote.
    Done(PathBuf),
    /// A card's Markdown is on the clipboard: the card's title.
    Copied(String),
}

/// Draws the export bar.
pub fn export_status_ui(ui: &mut egui::Ui, status: &ExportStatus, commands: &mut Vec<Command>) {
    egui::Panel::bottom("export_status").show(ui, |ui| {
        ui.horizontal(|ui| match status {
            ExportStatus::Running(progress) => {
                let text = if progress.images_total == 0 {
                    tr!("export-running")
                } else {
                    tr!(
                        "export-running-images",
                        copied = progress.images_copied,
                        total = progress.images_total
                    )
                };
                let fraction = progress.images_copied as f32 / progress.images_total.max(1) as f32;
                ui.add(egui::ProgressBar::new(fraction).text(text).animate(true));
            }
            ExportStatus::Done(markdown) => {
                ui.label(tr!("export-done", file = markdown.display().to_string()));
                if let Some(folder) = markdown.parent()
                    && ui.button(tr!("export-open-folder")).clicked()
                {
                    commands.push(Command::OpenFolder(folder.to_owned()));
                }
                dismiss_ui(ui, commands);
            }
            ExportStatus::Copied(title) => {
                ui.label(tr!("export-copied", title = title));
                dismiss_ui(ui, commands);
            }
        });
    });
}

fn dismiss_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if ui.button(tr!("message-dismiss")).clicked() {
            commands.push(Command::DismissExportStatus);
        }
    });
}
