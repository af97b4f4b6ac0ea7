//! The editor of the selected card: every field, the theme ticks, links and images.

use super::fields::{bare_field_with_id_ui, stretch_before_ui, text_field_ui, wrapping_field_ui};
use super::notes_ui::notes_ui;
use super::themes_ui::theme_name;
use super::thumbnails::{Thumbnails, thumbnail_ui};
use super::{Confirm, ImageViewer, LinkAddressDraft, ViewState};
use crate::command::Command;
use crate::model::{Board, BoardEdit, Card, CardId, CardPosition, Link, saved_url};
use crate::tr;

/// Draws the editor for `card`; `revision` changes whenever the board does.
pub fn card_editor_ui(
    ui: &mut egui::Ui,
    board: &Board,
    revision: u64,
    card: &Card,
    view: &mut ViewState,
    thumbnails: &mut dyn Thumbnails,
    commands: &mut Vec<Command>,
) {
    let edit = |commands: &mut Vec<Command>, edit: BoardEdit| commands.push(Command::Edit(edit));
    ui.horizontal(|ui| {
        ui.heading(tr!("card-heading"));
        // The buttons at the right, in reading order so that Tab goes through them left to right.
        let push_right = |ui: &mut egui::Ui, width| {
            ui.add_space(width);
        };
        stretch_before_ui(ui, ui.scope_id().with("header_buttons"), 0.0, push_right, |ui| {
            if ui
                .button(tr!("card-copy-markdown"))
                .on_hover_text(tr!("card-copy-markdown-hover"))
                .clicked()
            {
                commands.push(Command::CopyCardMarkdown(card.id));
            }
            if ui.button(tr!("card-delete")).clicked() {
                view.confirm = Some(Confirm::DeleteCard(card.id));
            }
            if ui
                .button(tr!("card-close"))
                .on_hover_text(tr!("card-close-hover"))
                .clicked()
            {
                view.editor_open = false;
            }
        });
    });
    // A solid scroll bar takes its own room; a floating one would cover the ends of the rows.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        let (title, title_response) = text_field_ui(ui, &tr!("card-title"), &card.title, &tr!("card-title-hint"));
        if std::mem::take(&mut view.focus_card_title) {
            title_response.request_focus();
        }
        if let Some(title) = title {
            edit(commands, BoardEdit::SetCardTitle(card.id, title));
        }
        let summary = wrapping_field_ui(ui, &tr!("card-summary"), &card.summary, &tr!("card-summary-hint"));
        if let (Some(summary), _) = summary {
            edit(commands, BoardEdit::SetCardSummary(card.id, summary));
        }
        if let Some(position) = view.board_index.position(board, card.id) {
            column_picker_ui(ui, board, card, position, commands);
        }

        ui.add_space(6.0);
        ui.strong(tr!("themes-heading"));
        for theme in &board.themes {
            let mut ticked = card.themes.contains(&theme.id);
            let response = ui.checkbox(&mut ticked, theme_name(theme));
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
            ui.weak(tr!("card-no-themes"));
        }

        ui.add_space(6.0);
        links_ui(ui, card, view, commands);

        ui.add_space(6.0);
        if card.check_notes {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, tr!("card-notes-merged"));
                if ui.button(tr!("card-mark-checked")).clicked() {
                    edit(commands, BoardEdit::ClearNotesCheck(card.id));
                }
            });
            note_versions_ui(ui, card);
        }
        notes_ui(ui, card, revision, &mut view.notes, commands);

        ui.add_space(6.0);
        images_ui(ui, card, view, thumbnails, commands);
    });
}

/// Each line two copies wrote differently, as "one copy's version" and "the other copy's", so the
/// reader sees what to keep without looking for them in the notes.
fn note_versions_ui(ui: &mut egui::Ui, card: &Card) {
    let lines = crate::model::note_lines(&card.notes);
    for group in crate::model::version_groups(&card.stamps.lines) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            for (place, index) in group.iter().enumerate() {
                let which = if place == 0 {
                    tr!("card-notes-version-one")
                } else {
                    tr!("card-notes-version-other")
                };
                ui.weak(which);
                let line = lines.get(*index).copied().unwrap_or_default();
                ui.label(if line.trim().is_empty() {
                    tr!("card-notes-version-blank")
                } else {
                    line.to_owned()
                });
            }
        });
    }
}

fn column_picker_ui(
    ui: &mut egui::Ui,
    board: &Board,
    card: &Card,
    position: CardPosition,
    commands: &mut Vec<Command>,
) {
    let current = board
        .column(position.column)
        .map(|column| column.name.as_str())
        .unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(tr!("card-column"));
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

fn links_ui(ui: &mut egui::Ui, card: &Card, view: &mut ViewState, commands: &mut Vec<Command>) {
    ui.strong(tr!("card-links"));
    for (index, link) in card.links.iter().enumerate() {
        let number = index + 1;
        let removed = ui.horizontal(|ui| {
            // Ids by card and link, not by place: a message above coming or going moves the row,
            // and the field keeps the keyboard.
            let (label, label_response) = bare_field_with_id_ui(
                ui,
                ("link_label", card.id, index),
                &tr!("card-link-label", number = number),
                &link.label,
                &tr!("card-link-label-hint"),
                90.0,
            );
            if view.focus_link_label == Some((card.id, index)) {
                view.focus_link_label = None;
                label_response.request_focus();
            }
            if let Some(label) = label {
                let changed = Link {
                    label,
                    url: link.url.clone(),
                };
                commands.push(Command::Edit(BoardEdit::SetLink(card.id, index, changed)));
            }
            // In reading order, so Tab goes label, address, Open, Remove: the address takes the
            // width the buttons after it leave.
            let mut removed = false;
            let address_ui = |ui: &mut egui::Ui, width| link_address_ui(ui, card.id, index, link, width, view);
            let address_edit = stretch_before_ui(ui, ui.scope_id().with("link_buttons"), 60.0, address_ui, |ui| {
                if ui.button(tr!("card-link-open")).on_hover_text(&link.url).clicked() {
                    commands.push(Command::OpenLink(link.url.clone()));
                }
                if ui
                    .button(tr!("card-link-remove"))
                    .on_hover_text(tr!("card-link-remove-hover", number = number))
                    .clicked()
                {
                    commands.push(Command::Edit(BoardEdit::RemoveLink(card.id, index)));
                    removed = true;
                }
            });
            commands.extend(address_edit);
            removed
        });
        if removed.inner {
            link_removed(view, card.id, index);
        } else {
            refusal_ui(ui, view, card.id, index);
        }
    }
    if ui.button(tr!("card-link-add")).clicked() {
        commands.push(Command::Edit(BoardEdit::AddLink(card.id)));
        view.focus_link_label = Some((card.id, card.links.len()));
    }
}

/// Under a link's row, why its address was not saved. While a refused address is retyped its
/// line stays, empty, until the field is left: the rows below don't move under the keyboard.
fn refusal_ui(ui: &mut egui::Ui, view: &mut ViewState, card: CardId, index: usize) {
    let Some(draft) = link_draft_mut(view, card, index) else {
        return;
    };
    if let Some(refused) = &draft.refused {
        let text = tr!("card-link-refused", number = index + 1, reason = refused.to_string());
        let shown = ui.colored_label(ui.visuals().error_fg_color, text);
        draft.refusal_height = shown.rect.height();
    } else if draft.refusal_height > 0.0 {
        ui.allocate_exact_size(egui::vec2(0.0, draft.refusal_height), egui::Sense::hover());
    }
}

/// The address field of a link. What is typed stays as typed while the field has the cursor; the
/// board gets it as saved once it may be opened (the edit returned), and an address that may not
/// stays in the field, not saved, with the reason under it, until that field is edited again
/// (editing another link leaves it: nothing typed vanishes, and no row moves).
fn link_address_ui(
    ui: &mut egui::Ui,
    card: CardId,
    index: usize,
    link: &Link,
    width: f32,
    view: &mut ViewState,
) -> Option<Command> {
    let mut edit = None;
    let shown = link_draft(view, card, index)
        .map_or(link.url.as_str(), |draft| draft.text.as_str())
        .to_owned();
    let (typed, response) = bare_field_with_id_ui(
        ui,
        ("link_address", card, index),
        &tr!("card-link-address", number = index + 1),
        &shown,
        "https://…",
        width,
    );
    if let Some(text) = typed {
        let url = if text.trim().is_empty() {
            Ok(String::new())
        } else {
            saved_url(&text)
        };
        if let Ok(url) = url
            && url != link.url
        {
            let changed = Link {
                label: link.label.clone(),
                url,
            };
            edit = Some(Command::Edit(BoardEdit::SetLink(card, index, changed)));
        }
        match link_draft_mut(view, card, index) {
            // Retyped: the reason was for the old text and goes; its line stays until the field is left.
            Some(draft) => {
                draft.text = text;
                draft.refused = None;
            }
            None => view.link_address_drafts.push(LinkAddressDraft {
                card,
                index,
                text,
                refused: None,
                refusal_height: 0.0,
            }),
        }
    }
    // Once the field is left (also when the editor closed while it was typed into), the draft is
    // refused, with its reason, or gone.
    if !response.has_focus()
        && let Some(draft) = link_draft_mut(view, card, index)
        && draft.refused.is_none()
    {
        draft.refused = Some(draft.text.as_str())
            .filter(|text| !text.trim().is_empty())
            .and_then(|text| saved_url(text).err());
        if draft.refused.is_none() {
            view.link_address_drafts
                .retain(|draft| (draft.card, draft.index) != (card, index));
        }
    }
    edit
}

/// The draft of this link's address, if it is being typed or was refused.
fn link_draft(view: &ViewState, card: CardId, index: usize) -> Option<&LinkAddressDraft> {
    view.link_address_drafts
        .iter()
        .find(|draft| draft.card == card && draft.index == index)
}

fn link_draft_mut(view: &mut ViewState, card: CardId, index: usize) -> Option<&mut LinkAddressDraft> {
    view.link_address_drafts
        .iter_mut()
        .find(|draft| draft.card == card && draft.index == index)
}

/// Link `index` of `card` is removed: its draft goes, and those of the links after it follow them.
fn link_removed(view: &mut ViewState, card: CardId, index: usize) {
    view.link_address_drafts
        .retain(|draft| (draft.card, draft.index) != (card, index));
    for draft in &mut view.link_address_drafts {
        if draft.card == card && draft.index > index {
            draft.index -= 1;
        }
    }
}

fn images_ui(
    ui: &mut egui::Ui,
    card: &Card,
    view: &mut ViewState,
    thumbnails: &mut dyn Thumbnails,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.strong(tr!("card-images"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let add = ui
                .add_enabled(view.native_dialogs, egui::Button::new(tr!("card-images-add")))
                .on_hover_text(tr!("card-images-add-hover"))
                .on_disabled_hover_text(tr!("card-images-add-no-dialog"));
            if add.clicked() {
                commands.push(Command::PickImages(card.id));
            }
        });
    });
    if card.images.is_empty() {
        ui.weak(tr!("card-images-drop-hint"));
    }
    let count = card.images.len();
    for (index, image) in card.images.iter().enumerate() {
        let max_size = egui::vec2(ui.available_width(), 240.0);
        let response = thumbnail_ui(ui, thumbnails, image, max_size, egui::Sense::click())
            .on_hover_cursor(egui::CursorIcon::ZoomIn);
        if response.clicked() {
            view.viewer = Some(ImageViewer::new(card.id, index));
        }
        // In reading order, so Tab goes Make cover, Move up, Move down: the caption takes the
        // width the buttons after it leave.
        ui.horizontal(|ui| {
            let caption_ui = |ui: &mut egui::Ui, width| {
                let size = egui::vec2(width, ui.spacing().interact_size.y);
                ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.set_min_width(width);
                    if index == 0 && count > 1 {
                        ui.label(tr!("card-image-cover"));
                    }
                    ui.add(egui::Label::new(egui::RichText::new(&image.caption).weak()).truncate());
                });
            };
            stretch_before_ui(
                ui,
                ui.scope_id().with(("image_buttons", index)),
                0.0,
                caption_ui,
                |ui| {
                    let move_image = |to| Command::Edit(BoardEdit::MoveImage(card.id, index, to));
                    if index > 0 {
                        if ui
                            .small_button(tr!("card-image-make-cover"))
                            .on_hover_text(tr!("card-image-make-cover-hover"))
                            .clicked()
                        {
                            commands.push(move_image(0));
                        }
                        if ui.small_button(tr!("card-image-up")).clicked() {
                            commands.push(move_image(index - 1));
                        }
                    }
                    if index + 1 < count && ui.small_button(tr!("card-image-down")).clicked() {
                        commands.push(move_image(index + 1));
                    }
                },
            );
        });
        ui.add_space(4.0);
    }
}
