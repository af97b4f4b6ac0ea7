//! "Open board": the boards opened lately and those in the Boothboard folder, the native dialog
//! where one can open, and a field for a path, so a board can be opened on any desktop.

use std::path::{Path, PathBuf};

use super::typed_path::typed_board_path;
use crate::command::Command;
use crate::tr;

/// What the dialog offers, gathered by the app off the UI thread, and the path being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenBoardDialog {
    /// Boards opened lately that are still there, the latest first.
    pub recent: Vec<PathBuf>,
    /// The other boards in the Boothboard folder.
    pub in_folder: Vec<PathBuf>,
    /// The Boothboard folder: where a path typed as a name alone goes.
    pub folder: PathBuf,
    /// The path typed or pasted.
    pub path: String,
}

/// Shows the dialog; returns false once it is closed. `open` is the board open now, if any;
/// `native_dialogs` says whether the system's file dialog can open here.
pub fn open_board_ui(
    ctx: &egui::Context,
    dialog: &mut OpenBoardDialog,
    open: Option<&Path>,
    native_dialogs: bool,
    commands: &mut Vec<Command>,
) -> bool {
    let mut chosen = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("open_board_dialog")).show(ctx, |ui| {
        ui.set_width(480.0);
        ui.heading(tr!("open-heading"));
        egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
            if !dialog.recent.is_empty() {
                ui.add_space(4.0);
                ui.strong(tr!("open-recent"));
                chosen = chosen.take().or_else(|| boards_ui(ui, &dialog.recent, open));
            }
            if !dialog.in_folder.is_empty() {
                ui.add_space(4.0);
                ui.strong(tr!("open-in-folder", folder = dialog.folder.display().to_string()));
                chosen = chosen.take().or_else(|| boards_ui(ui, &dialog.in_folder, open));
            }
        });
        ui.add_space(8.0);
        let label = ui.label(tr!("open-path"));
        let field = ui.add(
            egui::TextEdit::singleline(&mut dialog.path)
                .hint_text("~/boards/qcon-2019.json")
                .desired_width(f32::INFINITY),
        );
        let field = field.labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
        ui.weak(tr!("open-path-creates"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let typed = !dialog.path.trim().is_empty();
            if (ui.add_enabled(typed, egui::Button::new(tr!("open-button"))).clicked() || (entered && typed))
                && let Some(path) = typed_board_path(&dialog.path, &dialog.folder)
            {
                chosen = Some(path);
            }
            let choose = ui
                .add_enabled(native_dialogs, egui::Button::new(tr!("open-another-file")))
                .on_disabled_hover_text(tr!("open-another-file-no-dialog"));
            if choose.clicked() {
                commands.push(Command::OpenBoardDialog);
                close = true;
            }
            if ui.button(tr!("cancel")).clicked() {
                close = true;
            }
        });
    });
    if let Some(path) = chosen {
        commands.push(Command::OpenBoard(path));
        close = true;
    }
    !close && !modal.should_close()
}

/// A button per board: its name, and its folder in small print. Returns the one clicked.
fn boards_ui(ui: &mut egui::Ui, boards: &[PathBuf], open: Option<&Path>) -> Option<PathBuf> {
    let mut clicked = None;
    for board in boards {
        let name = board.file_name().unwrap_or_default().to_string_lossy();
        let folder = board
            .parent()
            .map(|folder| folder.display().to_string())
            .unwrap_or_default();
        ui.horizontal(|ui| {
            let is_open = open == Some(board.as_path());
            let button = ui
                .add_enabled(!is_open, egui::Button::new(name.as_ref()))
                .on_hover_text(board.display().to_string())
                .on_disabled_hover_text(tr!("open-now"));
            if button.clicked() {
                clicked = Some(board.clone());
            }
            ui.weak(if is_open {
                tr!("open-folder-open-now", folder = folder)
            } else {
                folder
            });
        });
    }
    clicked
}
