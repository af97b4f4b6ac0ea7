//! Choosing what to export to Markdown, and the folder it goes into.

use super::ViewState;
use super::themes_ui::theme_name;
use super::typed_path::typed_full_path;
use crate::command::Command;
use crate::export::{ExportFormat, ExportScope};
use crate::model::{Board, CardId, ThemeId};
use crate::tr;

/// What the export dialog has chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportChoice {
    /// Every card.
    #[default]
    Board,
    /// The cards that tick this theme.
    Theme(ThemeId),
    /// The selected cards.
    SelectedCards,
}

/// The cards an export of "the selected cards" takes: the selected card and those added with
/// Ctrl+click, in board order.
pub fn selected_cards(board: &Board, view: &ViewState) -> Vec<CardId> {
    board
        .cards()
        .map(|card| card.id)
        .filter(|card| view.is_selected(*card))
        .collect()
}

/// Shows the export dialog while `view.export_dialog` holds a choice.
pub fn export_dialog_ui(ctx: &egui::Context, board: &Board, view: &mut ViewState, commands: &mut Vec<Command>) {
    let Some(mut choice) = view.export_dialog else {
        return;
    };
    let selected = selected_cards(board, view);
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("export_dialog")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(tr!("export-heading"));
        ui.add_space(4.0);
        ui.radio_value(
            &mut choice,
            ExportChoice::Board,
            tr!("export-whole-board", count = board.card_count()),
        );
        theme_choice_ui(ui, board, &mut choice);
        let selected_label = match selected.as_slice() {
            [] => tr!("export-selected-none"),
            [card] => tr!(
                "export-selected-one",
                title = board.card(*card).map(|card| card.title.as_str()).unwrap_or_default()
            ),
            cards => tr!("export-selected-many", count = cards.len()),
        };
        let selected_choice = egui::RadioButton::new(choice == ExportChoice::SelectedCards, selected_label);
        if ui.add_enabled(!selected.is_empty(), selected_choice).clicked() {
            choice = ExportChoice::SelectedCards;
        }
        format_choice_ui(ui, &mut view.export_options.format);
        ui.add_space(6.0);
        ui.checkbox(&mut view.export_options.allow_html, tr!("export-allow-html"))
            .on_hover_text(tr!("export-allow-html-hover"));
        ui.add_space(6.0);
        let label = ui.label(tr!("export-folder"));
        ui.add(egui::TextEdit::singleline(&mut view.export_folder).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let folder = typed_full_path(&view.export_folder);
        if folder.is_none() {
            ui.colored_label(ui.visuals().warn_fg_color, tr!("export-folder-full-path"));
        }
        ui.weak(tr!("export-writes"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let scope = scope_for(choice, &selected);
            let export = ui.add_enabled(
                scope.is_some() && folder.is_some(),
                egui::Button::new(tr!("export-button")),
            );
            if export.clicked()
                && let (Some(scope), Some(folder)) = (scope.clone(), folder)
            {
                commands.push(Command::ExportMarkdown(scope, view.export_options, folder));
                close = true;
            }
            let choose = ui
                .add_enabled(
                    scope.is_some() && view.native_dialogs,
                    egui::Button::new(tr!("export-choose-folder")),
                )
                .on_disabled_hover_text(tr!("export-choose-folder-no-dialog"));
            if choose.clicked()
                && let Some(scope) = scope
            {
                commands.push(Command::ExportMarkdownDialog(scope, view.export_options));
                close = true;
            }
            if ui.button(tr!("cancel")).clicked() {
                close = true;
            }
        });
    });
    view.export_dialog = (!close && !modal.should_close()).then_some(choice);
}

/// Markdown, Obsidian Kanban or JSON Canvas, with what each writes.
fn format_choice_ui(ui: &mut egui::Ui, format: &mut ExportFormat) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(tr!("export-format"));
        for choice in ExportFormat::ALL {
            ui.radio_value(format, choice, choice.name());
        }
    });
    ui.weak(match format {
        ExportFormat::Markdown => tr!("export-format-markdown"),
        ExportFormat::ObsidianKanban => tr!("export-format-kanban"),
        ExportFormat::Canvas => tr!("export-format-canvas"),
    });
}

/// "One theme" with the theme to pick; off when the board has no themes.
fn theme_choice_ui(ui: &mut egui::Ui, board: &Board, choice: &mut ExportChoice) {
    let Some(first) = board.themes.first() else {
        ui.add_enabled(false, egui::RadioButton::new(false, tr!("export-one-theme-none")));
        return;
    };
    let current = match *choice {
        ExportChoice::Theme(theme) if board.theme(theme).is_some() => theme,
        _ => first.id,
    };
    ui.horizontal(|ui| {
        if ui
            .radio(matches!(choice, ExportChoice::Theme(_)), tr!("export-one-theme"))
            .clicked()
        {
            *choice = ExportChoice::Theme(current);
        }
        let name = board.theme(current).map(theme_name).unwrap_or_default();
        egui::ComboBox::from_id_salt("export_theme")
            .selected_text(name)
            .show_ui(ui, |ui| {
                for theme in &board.themes {
                    let cards = board.cards_with_theme(theme.id).count();
                    let label = tr!("export-theme-cards", theme = theme_name(theme).as_ref(), count = cards);
                    if ui.selectable_label(theme.id == current, label).clicked() {
                        *choice = ExportChoice::Theme(theme.id);
                    }
                }
            });
    });
}

fn scope_for(choice: ExportChoice, selected: &[CardId]) -> Option<ExportScope> {
    match choice {
        ExportChoice::Board => Some(ExportScope::Board),
        ExportChoice::Theme(theme) => Some(ExportScope::Theme(theme)),
        ExportChoice::SelectedCards if selected.is_empty() => None,
        ExportChoice::SelectedCards => Some(ExportScope::Cards(selected.to_vec())),
    }
}
