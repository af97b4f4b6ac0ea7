//! Banners about who else touches the board file: another Boothboard that writes it, or another
//! program that changed it.

use crate::command::Command;
use crate::tr;

/// Says that this window changes nothing, and why: another Boothboard writes the board, or the
/// board's folder can't be locked for writing.
pub fn read_only_ui(ui: &mut egui::Ui, reason: &str, commands: &mut Vec<Command>) {
    banner_ui(ui, "read_only", |ui| {
        ui.label(tr!("read-only-banner", reason = reason));
        if ui
            .button(tr!("try-again"))
            .on_hover_text(tr!("read-only-try-again-hover", reason = reason))
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
            tr!("outside-change-banner", file = file_name, reason = reason),
        );
        if ui
            .button(tr!("try-again"))
            .on_hover_text(tr!("outside-change-try-again-hover"))
            .clicked()
        {
            commands.push(Command::ReadBoardFileAgain);
        }
        if ui
            .button(tr!("outside-change-keep-mine"))
            .on_hover_text(tr!("outside-change-keep-mine-hover"))
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
