//! The bars at the bottom of the window: problems to read, and quitting despite a failed save.

use super::{Message, Severity};
use crate::command::Command;
use crate::tr;

/// A dismissable message at the bottom of the window.
pub fn message_ui(ui: &mut egui::Ui, message: &Message, commands: &mut Vec<Command>) {
    egui::Panel::bottom("message").show(ui, |ui| {
        ui.horizontal(|ui| {
            let color = match message.severity {
                Severity::Info => ui.visuals().text_color(),
                Severity::Warning => ui.visuals().warn_fg_color,
                Severity::Error => ui.visuals().error_fg_color,
            };
            ui.label(with_commands_in_monospace(ui.style(), &message.text, color));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr!("message-dismiss")).clicked() {
                    commands.push(Command::DismissMessage);
                }
            });
        });
    });
}

/// The text with the parts between backticks, commands to type, in monospace: in the
/// proportional font `--out` would read as a dash.
fn with_commands_in_monospace(style: &egui::Style, text: &str, color: egui::Color32) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    for (index, part) in text.split('`').enumerate() {
        let style_of_part = if index % 2 == 1 {
            egui::TextStyle::Monospace
        } else {
            egui::TextStyle::Body
        };
        let format = egui::TextFormat::simple(style_of_part.resolve(style), color);
        job.append(part, 0.0, format);
    }
    job
}

/// Offers to quit anyway after a quit was stopped by a failed save.
pub fn quit_anyway_ui(ui: &mut egui::Ui, reason: &str, commands: &mut Vec<Command>) {
    egui::Panel::bottom("quit_anyway").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(tr!("quit-anyway-question"));
            if ui.button(tr!("quit-anyway")).on_hover_text(reason).clicked() {
                commands.push(Command::QuitWithoutSaving);
            }
        });
    });
}
