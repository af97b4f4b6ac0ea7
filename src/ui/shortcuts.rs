//! Keyboard shortcuts of the board screen, the actions they share with the Edit menu, and their overview.
//!
//! Keys are read before anything is drawn, so they win over widgets: Ctrl+Z in a text field undoes on
//! the board's history, which already holds every keystroke, instead of the field's own.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::navigation::{CardGrid, Direction};
use super::{ExportChoice, ViewState};
use crate::command::Command;
use crate::model::{Board, BoardEdit};
use crate::tr;

/// Undo the last change.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Redo the last undone change.
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Redo, as on Windows.
pub const REDO_OTHER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Focus the search field.
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// Add a card to the selected card's column.
pub const NEW_CARD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
/// Create a new board file.
pub const NEW_BOARD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::N);
/// Open a board file.
pub const OPEN_BOARD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Quit.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
/// Delete the selected card.
pub const DELETE_CARD: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::Delete);
/// Export the board to Markdown.
pub const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
/// Show the shortcut overview.
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// A menu item that shows its shortcut; true when clicked.
pub fn shortcut_item_ui(
    ui: &mut egui::Ui,
    enabled: bool,
    text: impl Into<egui::WidgetText>,
    shortcut: &KeyboardShortcut,
) -> bool {
    let button = egui::Button::new(text).shortcut_text(ui.ctx().format_shortcut(shortcut));
    ui.add_enabled(enabled, button).clicked()
}

/// Acts on the keys pressed this frame. Call before drawing anything.
pub fn handle_shortcuts(ctx: &egui::Context, board: &Board, view: &mut ViewState, commands: &mut Vec<Command>) {
    if view.confirm.is_some() || view.viewer.is_some() || view.export_dialog.is_some() || view.open_board.is_some() {
        // A dialog or the image viewer has the keyboard: arrows page images there, Delete deletes no card.
        return;
    }
    // Shortcuts that share a key go most specific first: Ctrl+Z also matches Ctrl+Shift+Z.
    let pressed = |shortcut: &KeyboardShortcut| ctx.input_mut(|input| input.consume_shortcut(shortcut));
    if pressed(&REDO) || pressed(&REDO_OTHER) {
        commands.push(Command::Redo);
    }
    if pressed(&UNDO) {
        commands.push(Command::Undo);
    }
    if pressed(&NEW_BOARD) {
        commands.push(Command::NewBoardDialog);
    }
    if pressed(&NEW_CARD) {
        new_card(board, view, commands);
    }
    if pressed(&OPEN_BOARD) {
        commands.push(Command::ShowOpenBoard);
    }
    if pressed(&EXPORT) {
        view.export_dialog = Some(ExportChoice::default());
        commands.push(Command::ExportDialogOpened);
    }
    if pressed(&FIND) {
        view.focus_search = true;
    }
    if pressed(&HELP) {
        view.shortcuts_open = !view.shortcuts_open;
    }
    // Escape in a text field only leaves the field (egui does that; the search field also clears);
    // in an open menu it closes the menu.
    let menu_open = egui::Popup::is_any_open(ctx);
    if !view.text_had_focus && !menu_open && ctx.input_mut(|input| input.consume_key(Modifiers::NONE, Key::Escape)) {
        escape(view);
    }
    if ctx.text_edit_focused() || menu_open {
        // Arrows, Enter and Delete belong to the text field or the menu.
        return;
    }
    let arrows = [
        (Key::ArrowUp, Direction::Up),
        (Key::ArrowDown, Direction::Down),
        (Key::ArrowLeft, Direction::Left),
        (Key::ArrowRight, Direction::Right),
    ];
    for (key, direction) in arrows {
        if ctx.input_mut(|input| input.consume_key(Modifiers::NONE, key)) {
            let card = CardGrid::reachable(board, view).step(view.selected_card, direction);
            view.select_and_reveal(card);
        }
    }
    // With the editor open, Enter is left to what has the keyboard there (the rendered notes edit on it).
    if view.selected_card.is_some()
        && !view.editor_open
        && ctx.input_mut(|input| input.consume_key(Modifiers::NONE, Key::Enter))
    {
        view.editor_open = true;
        view.focus_card_title = true;
    }
    if pressed(&DELETE_CARD) {
        delete_selected_card(board, view, commands);
    }
}

/// Escape closes the innermost thing open: the overview, the card editor, the search, the selection.
fn escape(view: &mut ViewState) {
    if view.shortcuts_open {
        view.shortcuts_open = false;
    } else if view.editor_open {
        view.editor_open = false;
    } else if view.searching() {
        view.search.clear();
    } else {
        view.select_and_reveal(None);
    }
}

/// Adds a card to the selected card's column, or to the first column.
pub fn new_card(board: &Board, view: &ViewState, commands: &mut Vec<Command>) {
    let column = view
        .selected_card
        .and_then(|card| board.card_position(card))
        .map(|position| position.column)
        .or_else(|| board.columns.first().map(|column| column.id));
    if let Some(column) = column {
        commands.push(Command::Edit(BoardEdit::AddCard(column, String::new())));
    }
}

/// Removes the selected cards in view without asking, in one step that can be undone, and selects
/// the neighbour of the main one.
pub fn delete_selected_card(board: &Board, view: &mut ViewState, commands: &mut Vec<Command>) {
    let doomed = view.deletable_selection(board);
    let Some(main) = view
        .selected_card
        .filter(|card| doomed.contains(card))
        .or(doomed.first().copied())
    else {
        return;
    };
    let next = CardGrid::reachable(board, view)
        .after_removal(main)
        .filter(|next| !doomed.contains(next));
    let edit = match doomed.as_slice() {
        [card] => BoardEdit::DeleteCard(*card),
        _ => BoardEdit::Batch(doomed.iter().map(|card| BoardEdit::DeleteCard(*card)).collect()),
    };
    commands.push(Command::Edit(edit));
    view.select_and_reveal(next);
}

/// The overview of all shortcuts, while open.
pub fn shortcuts_window_ui(ctx: &egui::Context, view: &mut ViewState) {
    let keys = |shortcut: &KeyboardShortcut| ctx.format_shortcut(shortcut);
    let rows = [
        (tr!("edit-undo"), keys(&UNDO)),
        (
            tr!("edit-redo"),
            tr!("shortcut-either", first = keys(&REDO), second = keys(&REDO_OTHER)),
        ),
        (tr!("edit-search"), keys(&FIND)),
        (tr!("shortcut-clear-search"), "Esc".to_owned()),
        (tr!("shortcut-select-card"), tr!("shortcut-arrow-keys")),
        (tr!("shortcut-open-card"), "Enter".to_owned()),
        (tr!("shortcut-edit-notes"), "Enter".to_owned()),
        (tr!("shortcut-notes-rendered"), "Esc".to_owned()),
        (tr!("card-close-hover"), "Esc".to_owned()),
        (tr!("shortcut-delete-cards"), keys(&DELETE_CARD)),
        (tr!("shortcut-new-card"), keys(&NEW_CARD)),
        (tr!("board-menu-open"), keys(&OPEN_BOARD)),
        (tr!("board-menu-new"), keys(&NEW_BOARD)),
        (tr!("board-menu-export"), keys(&EXPORT)),
        (tr!("board-menu-quit"), keys(&QUIT)),
        (tr!("shortcut-this-overview"), keys(&HELP)),
    ];
    egui::Window::new(tr!("edit-shortcuts"))
        .open(&mut view.shortcuts_open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.weak(tr!("shortcut-when"));
            ui.add_space(4.0);
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (action, keys) in rows {
                        ui.label(action);
                        ui.strong(keys);
                        ui.end_row();
                    }
                });
        });
}
