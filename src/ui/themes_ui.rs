//! The themes panel: the questions of the board, and per theme the cards that answer it.

use std::borrow::Cow;

use super::board_index::ThemeCards;
use super::fields::text_field_ui;
use super::{Confirm, ViewState};
use crate::command::Command;
use crate::model::{Board, BoardEdit, Theme};
use crate::tr;

/// Draws the list of themes with their cards, and theme editing.
pub fn themes_ui(ui: &mut egui::Ui, board: &Board, view: &mut ViewState, commands: &mut Vec<Command>) {
    ui.heading(tr!("themes-heading"));
    ui.weak(tr!("themes-subtitle"));
    ui.add_space(4.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        for theme in &board.themes {
            theme_ui(ui, board, theme, view, commands);
            ui.separator();
        }
        if ui.button(tr!("themes-add")).clicked() {
            let name = board.untitled_theme_name(|number| tr!("theme-untitled-numbered", number = number));
            commands.push(Command::Edit(BoardEdit::AddTheme(name)));
        }
    });
}

fn theme_ui(ui: &mut egui::Ui, board: &Board, theme: &Theme, view: &mut ViewState, commands: &mut Vec<Command>) {
    if view.editing_theme == Some(theme.id) {
        theme_editor_ui(ui, board, theme, view, commands);
        return;
    }
    let ThemeCards { count, listed } = view.board_index.theme_cards(theme.id);
    ui.horizontal(|ui| {
        ui.strong(theme_name(theme));
        ui.weak(tr!("cards-count", count = count));
    });
    if !theme.question.is_empty() {
        ui.label(egui::RichText::new(&theme.question).italics());
    }
    let listed_cards: Vec<_> = listed
        .iter()
        .filter_map(|card| view.board_index.card(board, *card))
        .collect();
    for card in listed_cards {
        let selected = view.is_selected(card.id);
        if ui.selectable_label(selected, format!("• {}", card.title)).clicked() {
            view.open_editor(card.id);
        }
    }
    if count > listed.len() {
        let more = ui
            .link(tr!("themes-and-more", count = count - listed.len()))
            .on_hover_text(tr!("themes-and-more-hover"));
        if more.clicked() {
            view.theme_filter = Some(theme.id);
        }
    }
    ui.horizontal(|ui| {
        let filtering = view.theme_filter == Some(theme.id);
        if ui.selectable_label(filtering, tr!("themes-show-only")).clicked() {
            view.theme_filter = if filtering { None } else { Some(theme.id) };
        }
        if ui
            .small_button(tr!("themes-edit"))
            .on_hover_text(tr!("themes-edit-hover", theme = theme_name(theme).as_ref()))
            .clicked()
        {
            view.editing_theme = Some(theme.id);
            view.focus_theme_name = true;
        }
    });
}

fn theme_editor_ui(ui: &mut egui::Ui, board: &Board, theme: &Theme, view: &mut ViewState, commands: &mut Vec<Command>) {
    let refused_name = |view: &ViewState| {
        view.refused_theme_name
            .as_ref()
            .filter(|(id, _)| *id == theme.id)
            .map(|(_, name)| name.clone())
    };
    let shown = refused_name(view).unwrap_or_else(|| theme.name.clone());
    let (name, name_response) = text_field_ui(ui, &tr!("themes-name"), &shown, &tr!("theme-untitled"));
    if std::mem::take(&mut view.focus_theme_name) {
        name_response.request_focus();
    }
    if let Some(name) = name {
        // Two themes with one name can't be told apart (`export --theme NAME`): such a name stays
        // in the field, with the reason, until it is changed or the editor closed.
        view.refused_theme_name = match board.check_theme_name(Some(theme.id), &name) {
            Ok(()) => {
                commands.push(Command::Edit(BoardEdit::RenameTheme(theme.id, name)));
                None
            }
            Err(_) => Some((theme.id, name)),
        };
    }
    if let Some(Err(refusal)) = refused_name(view).map(|name| board.check_theme_name(Some(theme.id), &name)) {
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr!("themes-not-renamed", reason = refusal.to_string()),
        );
    }
    let (question, _) = text_field_ui(
        ui,
        &tr!("themes-question"),
        &theme.question,
        &tr!("themes-question-hint"),
    );
    if let Some(question) = question {
        commands.push(Command::Edit(BoardEdit::SetThemeQuestion(theme.id, question)));
    }
    ui.horizontal(|ui| {
        if ui.button(tr!("done")).clicked() {
            view.editing_theme = None;
            view.refused_theme_name = None;
        }
        if ui.button(tr!("themes-delete")).clicked() {
            view.confirm = Some(Confirm::DeleteTheme(theme.id));
        }
    });
}

/// A theme's name as the window shows it: "Untitled theme", in the window's language, when blank.
pub(super) fn theme_name(theme: &Theme) -> Cow<'_, str> {
    if theme.name.trim().is_empty() {
        Cow::Owned(tr!("theme-untitled"))
    } else {
        Cow::Borrowed(&theme.name)
    }
}
