//! The View menu: the themes panel and the window's language.

use super::ViewState;
use crate::command::Command;
use crate::i18n::Language;
use crate::tr;

/// Draws the View menu button and its menu.
pub fn view_menu_ui(ui: &mut egui::Ui, view: &mut ViewState, commands: &mut Vec<Command>) {
    ui.menu_button(tr!("view-menu"), |ui| {
        let mut shown = !view.themes_panel_hidden;
        if ui.checkbox(&mut shown, tr!("view-themes-panel")).changed() {
            view.themes_panel_hidden = !shown;
        }
        ui.menu_button(tr!("view-language"), |ui| {
            let system = tr!("view-language-system", language = Language::of_system().native_name());
            if ui.radio(view.language.is_none(), system).clicked() {
                commands.push(Command::SetLanguage(None));
                ui.close();
            }
            ui.separator();
            for language in Language::ALL {
                // Each in its own words, so that anyone finds theirs.
                if ui
                    .radio(view.language == Some(language), language.native_name())
                    .clicked()
                {
                    commands.push(Command::SetLanguage(Some(language)));
                    ui.close();
                }
            }
        });
    });
}
