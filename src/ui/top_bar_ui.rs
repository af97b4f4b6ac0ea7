//! The bar above the board: board and edit menus, board title, search, save status, the inbox's mark.

use super::edit_menu_ui::edit_menu_ui;
use super::fields::{stretch_before_ui, text_slot_ui};
use super::inbox_ui::{inbox_indicator_ui, open_inbox_dialog};
use super::search_ui::search_ui;
use super::shortcuts::{EXPORT, NEW_BOARD, OPEN_BOARD, QUIT, shortcut_item_ui};
use super::view_menu_ui::view_menu_ui;
use super::{ExportChoice, SaveStatus, Screen, ViewState};
use crate::command::Command;
use crate::model::BoardEdit;
use crate::tr;

/// The board title field is never narrower than this.
const MIN_TITLE_WIDTH: f32 = 120.0;

/// Narrower than this, the search field goes on a row of its own, so the title keeps its room.
const ONE_ROW_WIDTH: f32 = 1050.0;

/// Draws the top bar.
pub fn top_bar_ui(ui: &mut egui::Ui, screen: Screen<'_>, view: &mut ViewState, commands: &mut Vec<Command>) {
    let board = screen.board;
    let one_row = ui.available_width() >= ONE_ROW_WIDTH;
    ui.horizontal(|ui| {
        ui.menu_button(tr!("board-menu"), |ui| {
            if shortcut_item_ui(ui, true, tr!("board-menu-new"), &NEW_BOARD) {
                commands.push(Command::NewBoardDialog);
            }
            if shortcut_item_ui(ui, true, tr!("board-menu-open"), &OPEN_BOARD) {
                commands.push(Command::ShowOpenBoard);
            }
            if ui.button(tr!("board-menu-import")).clicked() {
                commands.push(Command::ImportBoardDialog);
            }
            if shortcut_item_ui(ui, true, tr!("board-menu-export"), &EXPORT) {
                view.export_dialog = Some(ExportChoice::default());
                commands.push(Command::ExportDialogOpened);
            }
            if ui.button(tr!("board-menu-inbox")).clicked() {
                open_inbox_dialog(view, commands);
            }
            ui.separator();
            if shortcut_item_ui(ui, true, tr!("board-menu-quit"), &QUIT) {
                ui.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        edit_menu_ui(ui, board, screen.history, view, commands);
        view_menu_ui(ui, view, commands);
        if ui.button(tr!("board-add-column")).clicked() {
            commands.push(Command::Edit(BoardEdit::AddColumn(String::new())));
        }
        ui.separator();
        let label = ui.label(tr!("board-title"));
        let beside_title = egui::Id::unique("top_bar_beside_title");
        let title_ui = |ui: &mut egui::Ui, width| {
            let mut title = board.title.clone();
            let edit = egui::TextEdit::singleline(&mut title)
                .font(egui::TextStyle::Heading)
                .desired_width(width);
            ui.add(edit).labelled_by(label.id).changed().then_some(title)
        };
        let typed = stretch_before_ui(ui, beside_title, MIN_TITLE_WIDTH, title_ui, |ui| {
            ui.separator();
            if one_row {
                search_ui(ui, board, screen.revision, view);
            }
            if screen.images_in_progress > 0 {
                images_in_progress_ui(ui, &tr!("board-adding-images", count = screen.images_in_progress));
            }
            if let Some(inbox) = screen.inbox {
                ui.separator();
                inbox_indicator_ui(ui, inbox, view, commands);
            }
            ui.separator();
            save_status_ui(ui, screen.save_status);
        });
        if let Some(title) = typed {
            commands.push(Command::Edit(BoardEdit::SetTitle(title)));
        }
    });
    if !one_row {
        ui.horizontal(|ui| search_ui(ui, board, screen.revision, view));
    }
}

/// The save status, in a place as wide as its widest words, so that the bar never moves with it.
fn save_status_ui(ui: &mut egui::Ui, save_status: &SaveStatus) {
    let all = [
        tr!("save-saved"),
        tr!("save-saving"),
        tr!("save-failed"),
        tr!("save-changed-outside"),
        tr!("save-read-only"),
    ];
    text_slot_ui(ui, &all, |ui| save_status_text_ui(ui, save_status));
}

fn save_status_text_ui(ui: &mut egui::Ui, save_status: &SaveStatus) {
    match save_status {
        SaveStatus::Saved => ui.weak(tr!("save-saved")),
        SaveStatus::Saving => ui.weak(tr!("save-saving")),
        SaveStatus::Failed(reason) => ui
            .colored_label(ui.visuals().error_fg_color, tr!("save-failed"))
            .on_hover_text(tr!("save-failed-hover", reason = reason)),
        SaveStatus::ChangedOutside => ui
            .colored_label(ui.visuals().error_fg_color, tr!("save-changed-outside"))
            .on_hover_text(tr!("save-changed-outside-hover")),
        SaveStatus::ReadOnly => ui
            .weak(tr!("save-read-only"))
            .on_hover_text(tr!("save-read-only-hover")),
    };
}

fn images_in_progress_ui(ui: &mut egui::Ui, text: &str) {
    ui.separator();
    ui.spinner();
    ui.weak(text);
}
