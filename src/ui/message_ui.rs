//! The bars at the bottom of the window: problems to read, and quitting despite a failed save.

use super::Message;
use crate::command::Command;

/// A dismissable message at the bottom of the window.
pub fn message_ui(ui: &mut egui::Ui, message: &Message, commands: &mut Vec<Command>) {
    egui::Panel::bottom("message").show(ui, |ui| {
        ui.horizontal(|ui| {
            if message.is_error {
                ui.colored_label(ui.visuals().error_fg_color, &message.text);
            } else {
                ui.label(&message.text);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Dismiss").clicked() {
                    commands.push(Command::DismissMessage);
                }
            });
        });
    });
}

/// Offers to quit anyway after a quit was stopped by a failed save.
pub fn quit_anyway_ui(ui: &mut egui::Ui, reason: &str, commands: &mut Vec<Command>) {
    egui::Panel::bottom("quit_anyway").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label("Quit now and lose the unsaved changes?");
            if ui.button("Quit without saving").on_hover_text(reason).clicked() {
                commands.push(Command::QuitWithoutSaving);
            }
        });
    });
}
