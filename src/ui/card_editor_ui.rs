//! The editor of the selected card: every field, the theme ticks, links and images.

use super::fields::{bare_field_ui, text_area_ui, text_field_ui};
use super::thumbnails::{Thumbnails, thumbnail_ui};
use super::{Confirm, ViewState};
use crate::command::Command;
use crate::model::{Board, BoardEdit, Card, Link};

/// Draws the editor for `card`.
pub fn card_editor_ui(
    ui: &mut egui::Ui,
    board: &Board,
    card: &Card,
    view: &mut ViewState,
    thumbnails: &mut dyn Thumbnails,
    commands: &mut Vec<Command>,
) {
    let edit = |commands: &mut Vec<Command>, edit: BoardEdit| commands.push(Command::Edit(edit));
    ui.horizontal(|ui| {
        ui.heading("Card");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").on_hover_text("Close the card editor").clicked() {
                view.editor_open = false;
            }
        });
    });
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        let (title, title_response) = text_field_ui(ui, "Title", &card.title, "Project name");
        if std::mem::take(&mut view.focus_card_title) {
            title_response.request_focus();
        }
        if let Some(title) = title {
            edit(commands, BoardEdit::SetCardTitle(card.id, title));
        }
        if let (Some(summary), _) = text_field_ui(ui, "Summary", &card.summary, "One line: what is it?") {
            edit(commands, BoardEdit::SetCardSummary(card.id, summary));
        }
        column_picker_ui(ui, board, card, commands);

        ui.add_space(6.0);
        ui.strong("Themes");
        for theme in &board.themes {
            let mut ticked = card.themes.contains(&theme.id);
            let response = ui.checkbox(&mut ticked, &theme.name);
            let response = if theme.question.is_empty() {
                response
            } else {
                response.on_hover_text(&theme.question)
            };
            if response.changed() {
                edit(commands, BoardEdit::SetCardTheme(card.id, theme.id, ticked));
            }
        }
        if board.themes.is_empty() {
            ui.weak("The board has no themes yet; add them in the themes panel.");
        }

        ui.add_space(6.0);
        links_ui(ui, card, commands);

        ui.add_space(6.0);
        if let (Some(notes), _) = text_area_ui(ui, "Notes", &card.notes, "What you saw and heard (Markdown)") {
            edit(commands, BoardEdit::SetCardNotes(card.id, notes));
        }

        if !card.images.is_empty() {
            ui.add_space(6.0);
            ui.strong("Images");
            for image in &card.images {
                let state = thumbnails.thumbnail(ui.ctx(), image);
                thumbnail_ui(ui, &state, image, egui::vec2(ui.available_width(), 240.0));
                ui.weak(&image.caption);
            }
        }

        ui.add_space(12.0);
        if ui.button("Delete card…").clicked() {
            view.confirm = Some(Confirm::DeleteCard(card.id));
        }
    });
}

fn column_picker_ui(ui: &mut egui::Ui, board: &Board, card: &Card, commands: &mut Vec<Command>) {
    let Some(position) = board.card_position(card.id) else {
        return;
    };
    let current = board
        .column(position.column)
        .map(|column| column.name.as_str())
        .unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label("Column");
        egui::ComboBox::from_id_salt(("card_column", card.id))
            .selected_text(current)
            .show_ui(ui, |ui| {
                for column in &board.columns {
                    let selected = column.id == position.column;
                    if ui.selectable_label(selected, &column.name).clicked() && !selected {
                        let end = column.cards.len();
                        commands.push(Command::Edit(BoardEdit::MoveCard(card.id, column.id, end)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn links_ui(ui: &mut egui::Ui, card: &Card, commands: &mut Vec<Command>) {
    ui.strong("Links");
    for (index, link) in card.links.iter().enumerate() {
        let number = index + 1;
        ui.horizontal(|ui| {
            let (label, _) = bare_field_ui(ui, &format!("Link {number} label"), &link.label, "Label", 90.0);
            if let Some(label) = label {
                let changed = Link {
                    label,
                    url: link.url.clone(),
                };
                commands.push(Command::Edit(BoardEdit::SetLink(card.id, index, changed)));
            }
            // Buttons first, from the right, so the address takes exactly the width left.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Remove")
                    .on_hover_text(format!("Remove link {number}"))
                    .clicked()
                {
                    commands.push(Command::Edit(BoardEdit::RemoveLink(card.id, index)));
                }
                if ui.button("Open").on_hover_text(&link.url).clicked() {
                    commands.push(Command::OpenLink(link.url.clone()));
                }
                let width = ui.available_width();
                let (url, _) = bare_field_ui(ui, &format!("Link {number} address"), &link.url, "https://…", width);
                if let Some(url) = url {
                    let changed = Link {
                        label: link.label.clone(),
                        url,
                    };
                    commands.push(Command::Edit(BoardEdit::SetLink(card.id, index, changed)));
                }
            });
        });
    }
    if ui.button("Add link").clicked() {
        commands.push(Command::Edit(BoardEdit::AddLink(card.id)));
    }
}
