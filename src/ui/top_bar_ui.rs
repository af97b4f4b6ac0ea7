//! The bar above the board: board menu, board title, save status.

use super::SaveStatus;
use crate::command::Command;
use crate::model::{Board, BoardEdit};

/// Draws the top bar.
pub fn top_bar_ui(ui: &mut egui::Ui, board: &Board, save_status: &SaveStatus, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.menu_button("Board", |ui| {
            if ui.button("New board…").clicked() {
                commands.push(Command::NewBoardDialog);
            }
            if ui.button("Open board…").clicked() {
                commands.push(Command::OpenBoardDialog);
            }
            ui.separator();
            if ui.add(egui::Button::new("Quit").shortcut_text("Ctrl+Q")).clicked() {
                ui.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        if ui.button("Add column").clicked() {
            commands.push(Command::Edit(BoardEdit::AddColumn(String::new())));
        }
        ui.separator();
        let label = ui.label("Board title");
        let mut title = board.title.clone();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            save_status_ui(ui, save_status);
            let edit = egui::TextEdit::singleline(&mut title)
                .font(egui::TextStyle::Heading)
                .desired_width(ui.available_width());
            if ui.add(edit).labelled_by(label.id).changed() {
                commands.push(Command::Edit(BoardEdit::SetTitle(title)));
            }
        });
    });
}

fn save_status_ui(ui: &mut egui::Ui, save_status: &SaveStatus) {
    match save_status {
        SaveStatus::Saved => ui.weak("All changes saved"),
        SaveStatus::Saving => ui.weak("Saving…"),
        SaveStatus::Failed(reason) => ui
            .colored_label(ui.visuals().error_fg_color, "Not saved, retrying")
            .on_hover_text(format!(
                "{reason}\n\nYour changes are kept and saved as soon as the file can be written."
            )),
        SaveStatus::ChangedOutside => ui
            .colored_label(ui.visuals().error_fg_color, "Changed outside, not saved")
            .on_hover_text("Another program changed the board file. Choose below whose version to keep."),
        SaveStatus::ReadOnly => ui
            .weak("Read only")
            .on_hover_text("Another Boothboard writes this board; this window saves nothing."),
    };
}
