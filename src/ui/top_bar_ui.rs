//! The bar above the board: board and edit menus, board title, search, save status.

use super::edit_menu_ui::edit_menu_ui;
use super::search_ui::search_ui;
use super::shortcuts::{EXPORT, NEW_BOARD, OPEN_BOARD, QUIT, shortcut_item_ui};
use super::{ExportChoice, SaveStatus, Screen, ViewState};
use crate::command::Command;
use crate::model::BoardEdit;

/// Draws the top bar.
pub fn top_bar_ui(ui: &mut egui::Ui, screen: Screen<'_>, view: &mut ViewState, commands: &mut Vec<Command>) {
    let board = screen.board;
    ui.horizontal(|ui| {
        ui.menu_button("Board", |ui| {
            if shortcut_item_ui(ui, true, "New board…", &NEW_BOARD) {
                commands.push(Command::NewBoardDialog);
            }
            if shortcut_item_ui(ui, true, "Open board…", &OPEN_BOARD) {
                commands.push(Command::ShowOpenBoard);
            }
            if ui.button("Import…").clicked() {
                commands.push(Command::ImportBoardDialog);
            }
            if shortcut_item_ui(ui, true, "Export…", &EXPORT) {
                view.export_dialog = Some(ExportChoice::default());
                commands.push(Command::ExportDialogOpened);
            }
            ui.separator();
            if shortcut_item_ui(ui, true, "Quit", &QUIT) {
                ui.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        edit_menu_ui(ui, board, screen.history, view, commands);
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
            ui.separator();
            search_ui(ui, board, screen.revision, view);
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
            .on_hover_text("Another program changed the board file. Choose in the bar above whose version to keep."),
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
