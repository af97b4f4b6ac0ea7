//! Choosing what to export to Markdown, and the folder it goes into.

use super::ViewState;
use super::typed_path::typed_full_path;
use crate::command::Command;
use crate::export::{ExportFormat, ExportScope};
use crate::model::{Board, CardId, ThemeId};

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
        ui.heading("Export");
        ui.add_space(4.0);
        ui.radio_value(
            &mut choice,
            ExportChoice::Board,
            format!("The whole board ({} cards)", board.card_count()),
        );
        theme_choice_ui(ui, board, &mut choice);
        let selected_label = match selected.as_slice() {
            [] => "The selected card (click a card first)".to_owned(),
            [card] => format!(
                "The selected card: {}",
                board.card(*card).map(|card| card.title.as_str()).unwrap_or_default()
            ),
            cards => format!("The {} selected cards", cards.len()),
        };
        let selected_choice = egui::RadioButton::new(choice == ExportChoice::SelectedCards, selected_label);
        if ui.add_enabled(!selected.is_empty(), selected_choice).clicked() {
            choice = ExportChoice::SelectedCards;
        }
        format_choice_ui(ui, &mut view.export_options.format);
        ui.add_space(6.0);
        ui.checkbox(
            &mut view.export_options.allow_html,
            "Keep raw HTML in notes (<details>, <kbd> …)",
        )
        .on_hover_text(
            "Off: HTML in notes shows as text, so a <script> from a teammate's or an imported note never runs \
             on your site. On: it goes into the Markdown as written.",
        );
        ui.add_space(6.0);
        let label = ui.label("Into the folder:");
        ui.add(egui::TextEdit::singleline(&mut view.export_folder).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let folder = typed_full_path(&view.export_folder);
        if folder.is_none() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "Type the folder's full path, starting with / or ~/.",
            );
        }
        ui.weak(
            "Writes the file of the chosen format, and a .media folder with the images it shows, into that folder (made if need be). \
             An earlier export of this board there is replaced.",
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let scope = scope_for(choice, &selected);
            let export = ui.add_enabled(scope.is_some() && folder.is_some(), egui::Button::new("Export"));
            if export.clicked()
                && let (Some(scope), Some(folder)) = (scope.clone(), folder)
            {
                commands.push(Command::ExportMarkdown(scope, view.export_options, folder));
                close = true;
            }
            let choose = ui
                .add_enabled(scope.is_some() && view.native_dialogs, egui::Button::new("Choose folder…"))
                .on_disabled_hover_text(
                    "No file dialog can open here (it needs an XDG desktop portal or zenity): type the folder's path above.",
                );
            if choose.clicked()
                && let Some(scope) = scope
            {
                commands.push(Command::ExportMarkdownDialog(scope, view.export_options));
                close = true;
            }
            if ui.button("Cancel").clicked() {
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
        ui.label("Format:");
        for choice in ExportFormat::ALL {
            ui.radio_value(format, choice, choice.name());
        }
    });
    ui.weak(match format {
        ExportFormat::Markdown => "NAME.md: blog-ready Markdown.",
        ExportFormat::ObsidianKanban => "NAME.kanban.md: a board the Obsidian Kanban plugin opens.",
        ExportFormat::Canvas => {
            "NAME.canvas: JSON Canvas; Obsidian finds its images when it is exported into the vault's top folder."
        }
    });
}

/// "One theme" with the theme to pick; off when the board has no themes.
fn theme_choice_ui(ui: &mut egui::Ui, board: &Board, choice: &mut ExportChoice) {
    let Some(first) = board.themes.first() else {
        ui.add_enabled(false, egui::RadioButton::new(false, "One theme (the board has none)"));
        return;
    };
    let current = match *choice {
        ExportChoice::Theme(theme) if board.theme(theme).is_some() => theme,
        _ => first.id,
    };
    ui.horizontal(|ui| {
        if ui
            .radio(matches!(choice, ExportChoice::Theme(_)), "One theme:")
            .clicked()
        {
            *choice = ExportChoice::Theme(current);
        }
        let name = board.theme(current).map(|theme| theme.shown_name()).unwrap_or_default();
        egui::ComboBox::from_id_salt("export_theme")
            .selected_text(name)
            .show_ui(ui, |ui| {
                for theme in &board.themes {
                    let cards = board.cards_with_theme(theme.id).count();
                    let label = format!("{} ({cards} cards)", theme.shown_name());
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
