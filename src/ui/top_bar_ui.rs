//! The bar above the board: board menu, board title, save status.

use super::{ExportChoice, SaveStatus, Screen, ViewState};
use crate::command::Command;
use crate::model::BoardEdit;

/// Draws the top bar.
pub fn top_bar_ui(ui: &mut egui::Ui, screen: Screen<'_>, view: &mut ViewState, commands: &mut Vec<Command>) {
    let board = screen.board;
    ui.horizontal(|ui| {
        ui.menu_button("Board", |ui| {
            if ui.button("New board…").clicked() {
                commands.push(Command::NewBoardDialog);
            }
            if ui.button("Open board…").clicked() {
                commands.push(Command::OpenBoardDialog);
            }
            if ui.button("Export Markdown…").clicked() {
                view.export_dialog = Some(ExportChoice::default());
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
            save_status_ui(ui, screen.save_status);
            match screen.images_in_progress {
                0 => {}
                1 => images_in_progress_ui(ui, "Adding an image…"),
                images => images_in_progress_ui(ui, &format!("Adding {images} images…")),
            }
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

fn images_in_progress_ui(ui: &mut egui::Ui, text: &str) {
    ui.weak(text);
    ui.spinner();
    ui.separator();
}
