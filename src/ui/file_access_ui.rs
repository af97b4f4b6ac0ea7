//! Banners about who else touches the board file: another Boothboard that writes it, or another
//! program that changed it.

use crate::command::Command;

/// Says that this window changes nothing, and why: another Boothboard writes the board, or the
/// board's folder can't be locked for writing.
pub fn read_only_ui(ui: &mut egui::Ui, reason: &str, commands: &mut Vec<Command>) {
    banner_ui(ui, "read_only", |ui| {
        ui.label(format!("Read only, nothing can be changed in this window: {reason}."));
        if ui
            .button("Try again")
            .on_hover_text(format!(
                "{reason}\n\nReads the board again and saves from here if nothing else holds it."
            ))
            .clicked()
        {
            commands.push(Command::ReloadFromDisk);
        }
    });
}

/// Asks whose version to keep after another program left a version of the board file that
/// can't be merged (`reason` says why).
pub fn outside_change_ui(ui: &mut egui::Ui, file_name: &str, reason: &str, commands: &mut Vec<Command>) {
    banner_ui(ui, "outside_change", |ui| {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!(
                "Another program changed {file_name}, and its version can't be merged with yours: {reason}. Boothboard stopped saving so as not to overwrite it."
            ),
        );
        if ui
            .button("Try again")
            .on_hover_text("Read the file again and merge it with your version, once it is repaired or the other program has finished writing it.")
            .clicked()
        {
            commands.push(Command::ReadBoardFileAgain);
        }
        if ui
            .button("Keep mine")
            .on_hover_text("Save your version. Theirs is kept in a copy beside it.")
            .clicked()
        {
            commands.push(Command::KeepMine);
        }
    });
}

/// A bar across the top of the window.
pub(super) fn banner_ui(ui: &mut egui::Ui, id: &str, contents: impl FnOnce(&mut egui::Ui)) {
    egui::Panel::top(id).show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(contents);
        ui.add_space(4.0);
    });
}
