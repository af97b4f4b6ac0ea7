//! The Edit menu: undo and redo, named by what they change, and the keyboard's card actions.

use super::ViewState;
use super::shortcuts::{self, DELETE_CARD, FIND, HELP, NEW_CARD, REDO, UNDO, shortcut_item_ui};
use crate::command::Command;
use crate::model::{Board, History};
use crate::tr;

/// Draws the Edit menu button and its menu.
pub fn edit_menu_ui(
    ui: &mut egui::Ui,
    board: &Board,
    history: &History,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    ui.menu_button(tr!("edit-menu"), |ui| {
        // "Undo delete card “TiDB”", or plain "Undo" when there is nothing to undo.
        let undo = history.undo_label();
        let undo_text = undo.map_or_else(
            || tr!("edit-undo"),
            |step| tr!("edit-undo-step", step = step.to_string()),
        );
        if shortcut_item_ui(ui, undo.is_some(), undo_text, &UNDO) {
            commands.push(Command::Undo);
        }
        let redo = history.redo_label();
        let redo_text = redo.map_or_else(
            || tr!("edit-redo"),
            |step| tr!("edit-redo-step", step = step.to_string()),
        );
        if shortcut_item_ui(ui, redo.is_some(), redo_text, &REDO) {
            commands.push(Command::Redo);
        }
        ui.separator();
        if shortcut_item_ui(ui, true, tr!("edit-search"), &FIND) {
            view.focus_search = true;
        }
        if shortcut_item_ui(ui, !board.columns.is_empty(), tr!("edit-new-card"), &NEW_CARD) {
            shortcuts::new_card(board, view, commands);
        }
        if shortcut_item_ui(ui, view.selected_card.is_some(), tr!("edit-delete-card"), &DELETE_CARD) {
            shortcuts::delete_selected_card(board, view, commands);
        }
        ui.separator();
        if shortcut_item_ui(ui, true, tr!("edit-shortcuts"), &HELP) {
            view.shortcuts_open = true;
        }
    });
}
