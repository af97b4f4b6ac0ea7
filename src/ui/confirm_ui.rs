//! Asking before an action that throws work away.

use super::themes_ui::theme_name;
use super::{Confirm, ViewState};
use crate::command::Command;
use crate::model::{Board, BoardEdit};
use crate::tr;

/// Shows the pending confirmation, if any, as a modal dialog.
pub fn confirm_ui(ctx: &egui::Context, board: &Board, view: &mut ViewState, commands: &mut Vec<Command>) {
    let Some(confirm) = view.confirm else {
        return;
    };
    let (question, action, edit) = match confirm {
        Confirm::DeleteCard(card) => {
            let (title, images) = board
                .card(card)
                .map(|card| (card.title.as_str(), card.images.len()))
                .unwrap_or_default();
            (
                tr!("confirm-delete-card", title = title, images = images),
                tr!("confirm-delete-card-button"),
                BoardEdit::DeleteCard(card),
            )
        }
        Confirm::DeleteColumn(column) => {
            let (name, cards) = board
                .column(column)
                .map(|c| (c.name.as_str(), c.cards.len()))
                .unwrap_or_default();
            let question = tr!("confirm-delete-column", name = name, count = cards);
            (
                question,
                tr!("confirm-delete-column-button"),
                BoardEdit::RemoveColumn(column),
            )
        }
        Confirm::DeleteTheme(theme) => {
            let name = board.theme(theme).map(theme_name).unwrap_or_default();
            let ticks = board.cards_with_theme(theme).count();
            (
                tr!("confirm-delete-theme", name = name.as_ref(), count = ticks),
                tr!("confirm-delete-theme-button"),
                BoardEdit::DeleteTheme(theme),
            )
        }
    };
    let modal = egui::Modal::new(egui::Id::unique("confirm")).show(ctx, |ui| {
        ui.set_max_width(360.0);
        ui.label(question);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(action).clicked() {
                commands.push(Command::Edit(edit));
                view.confirm = None;
            }
            if ui.button(tr!("cancel")).clicked() {
                view.confirm = None;
            }
        });
    });
    if modal.should_close() {
        view.confirm = None;
    }
}
