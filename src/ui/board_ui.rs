//! The board: columns side by side, cards that move by drag and drop.

use super::board_index::BoardIndex;
use super::board_layout::{LayoutKey, Slot};
use super::card_ui::{CardLook, CardResponse, card_ui};
use super::fields::bare_field_ui;
use super::file_drop::FileDrop;
use super::themes_ui::theme_name;
use super::thumbnails::Thumbnails;
use super::{ColumnRename, Confirm, ImageViewer, ViewState};
use crate::command::{Command, ImageTarget};
use crate::model::{Board, BoardEdit, Card, CardId, Column};
use crate::tr;

const COLUMN_WIDTH: f32 = 270.0;
/// Extra space between cards, besides the item spacing.
const CARD_GAP: f32 = 4.0;

/// Draws all columns in a horizontally scrolling row.
pub fn board_ui(
    ui: &mut egui::Ui,
    board: &Board,
    revision: u64,
    view: &mut ViewState,
    thumbnails: &mut dyn Thumbnails,
    file_drop: &mut FileDrop,
    commands: &mut Vec<Command>,
) {
    if let Some(theme) = view.theme_filter.and_then(|theme| board.theme(theme)) {
        ui.horizontal(|ui| {
            ui.label(tr!("board-filtered", theme = theme_name(theme).as_ref()));
            if ui.button(tr!("board-show-all")).clicked() {
                view.theme_filter = None;
            }
        });
    }
    if board.columns.is_empty() {
        ui.vertical_centered(|ui| {
            ui.add_space(40.0);
            ui.label(tr!("board-no-columns"));
            if ui.button(tr!("board-add-column")).clicked() {
                commands.push(Command::Edit(BoardEdit::AddColumn(tr!("board-first-column-name"))));
            }
        });
        return;
    }
    // A column under the pointer sets the target again below; anywhere else, a release moves nothing.
    let ctx = ui.ctx().clone();
    if egui::DragAndDrop::has_payload_of_type::<CardId>(&ctx) && ctx.pointer_latest_pos().is_some() {
        view.card_drop_target = None;
    }
    egui::ScrollArea::horizontal().auto_shrink(false).show(ui, |ui| {
        ui.horizontal_top(|ui| {
            let column_width = COLUMN_WIDTH + column_frame(ui.style()).total_margin().sum().x;
            for (index, column) in board.columns.iter().enumerate() {
                let place = ColumnPlace {
                    board,
                    revision,
                    index,
                    column,
                };
                let rect = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(column_width, ui.available_height()));
                if ui.is_rect_visible(rect) {
                    column_ui(ui, place, view, thumbnails, file_drop, commands);
                } else {
                    // Out of view: only its width, so the row scrolls as if it were there.
                    let selected_here = || {
                        let at = view
                            .selected_card
                            .and_then(|card| view.board_index.position(board, card));
                        at.is_some_and(|at| at.column == column.id)
                    };
                    if view.scroll_to_selected && selected_here() {
                        ui.scroll_to_rect(rect, None);
                    }
                    ui.allocate_space(egui::vec2(column_width, 0.0));
                }
            }
        });
    });
    card_drop_ui(ui.ctx(), view, commands);
    dragged_card_ui(ui, board, &view.board_index);
}

/// A column and where it sits on its board.
#[derive(Clone, Copy)]
struct ColumnPlace<'a> {
    board: &'a Board,
    /// Changes whenever the board does.
    revision: u64,
    index: usize,
    column: &'a Column,
}

fn column_ui(
    ui: &mut egui::Ui,
    place: ColumnPlace<'_>,
    view: &mut ViewState,
    thumbnails: &mut dyn Thumbnails,
    file_drop: &mut FileDrop,
    commands: &mut Vec<Command>,
) {
    let ColumnPlace {
        board, index, column, ..
    } = place;
    let mut card_rects = Vec::new();
    let shown = column_frame(ui.style()).show(ui, |ui| {
        // The row of columns is horizontal; a column's own contents go top to bottom.
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.set_width(COLUMN_WIDTH);
            ui.set_min_height(ui.available_height() - 16.0);
            column_header_ui(ui, board, index, column, view, commands);
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt(("column", column.id))
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    card_rects = column_cards_ui(ui, place, view, thumbnails, file_drop);
                    if ui
                        .button(tr!("board-add-card"))
                        .on_hover_text(tr!("board-add-card-hover", column = &column.name))
                        .clicked()
                    {
                        commands.push(Command::Edit(BoardEdit::AddCard(column.id, String::new())));
                    }
                });
        });
    });
    file_drop.offer(ui, shown.response.rect, ImageTarget::Column(column.id));
    card_drop_target_ui(ui, column, shown.response.rect, &card_rects, view);
}

fn column_frame(style: &egui::Style) -> egui::Frame {
    egui::Frame::group(style)
        .fill(style.visuals.faint_bg_color)
        .inner_margin(8.0)
}

/// Draws the cards of a column that are in view; the others only take up their height, so a frame
/// costs the same however long the column is. Returns where each drawn card is, by position.
fn column_cards_ui(
    ui: &mut egui::Ui,
    place: ColumnPlace<'_>,
    view: &mut ViewState,
    thumbnails: &mut dyn Thumbnails,
    file_drop: &mut FileDrop,
) -> Vec<(usize, egui::Rect)> {
    let ColumnPlace { board, column, .. } = place;
    // Card text is not selectable (a click selects the card): set once here rather than per card.
    ui.style_mut().interaction.selectable_labels = false;
    let gap = ui.spacing().item_spacing.y + CARD_GAP;
    let width = ui.available_width();
    let origin = ui.cursor().min;
    let key = LayoutKey {
        revision: place.revision,
        filter: view.theme_filter,
        width,
    };
    let clip = ui.clip_rect();
    let in_view = egui::Rangef::new(clip.top() - origin.y, clip.bottom() - origin.y);
    let (slots, end) = view.board_layout.in_view(column, key, gap, in_view);
    let slot_rect =
        |slot: Slot| egui::Rect::from_min_size(origin + egui::vec2(0.0, slot.top), egui::vec2(width, slot.height));
    if view.scroll_to_selected
        && let Some(selected) = view.selected_card
        && !slots.iter().any(|slot| slot.card == selected)
        && let Some(slot) = view.board_layout.slot(column.id, selected)
    {
        // Scrolled to where it should be; once drawn there, `scroll_to_me` puts it exactly.
        ui.scroll_to_rect(slot_rect(slot), None);
    }
    let dragged = egui::DragAndDrop::payload::<CardId>(ui.ctx()).map(|card| *card);
    let mut card_rects = Vec::new();
    for slot in slots {
        let Some(card) = column.cards.get(slot.position) else {
            continue;
        };
        let space = slot_rect(slot).top() - ui.cursor().top();
        if space > 0.0 {
            ui.add_space(space);
        }
        let drawn = DrawnCard {
            card,
            revision: place.revision,
            dragged: dragged == Some(card.id),
        };
        let rect = board_card_ui(ui, board, drawn, view, thumbnails, file_drop);
        view.board_layout.remember(column.id, slot, rect.height());
        card_rects.push((slot.position, rect));
        ui.add_space(CARD_GAP);
    }
    let space = origin.y + end - ui.cursor().top();
    if space > 0.0 {
        ui.add_space(space);
    }
    card_rects
}

/// A card as drawn in its column.
#[derive(Clone, Copy)]
struct DrawnCard<'a> {
    card: &'a Card,
    /// The board's revision.
    revision: u64,
    /// It is being dragged.
    dragged: bool,
}

/// A card in its column: click to open, Ctrl+click to select more, drag to move, drop files on it.
fn board_card_ui(
    ui: &mut egui::Ui,
    board: &Board,
    drawn: DrawnCard<'_>,
    view: &mut ViewState,
    thumbnails: &mut dyn Thumbnails,
    file_drop: &mut FileDrop,
) -> egui::Rect {
    let DrawnCard {
        card,
        revision,
        dragged,
    } = drawn;
    let hit = view.search_hits.cards.contains(&card.id);
    let look = CardLook {
        selected: view.is_selected(card.id),
        dragged,
        search_hit: hit,
        dimmed: view.searching() && !hit,
    };
    let notes = view.note_glimpses.of(card, revision);
    let CardResponse { response, cover } = card_ui(ui, card, &notes, &board.themes, look, thumbnails);
    let on_cover = || {
        let pointer = ui.input(|input| input.pointer.interact_pos());
        pointer.is_some_and(|pointer| cover.is_some_and(|cover| cover.contains(pointer)))
    };
    if response.double_clicked() && on_cover() {
        view.viewer = Some(ImageViewer::new(card.id, 0));
    }
    if response.clicked() {
        if ui.input(|input| input.modifiers.command) {
            view.toggle_selected(card.id);
        } else {
            view.also_selected.clear();
            view.open_editor(card.id);
        }
    }
    if look.selected && std::mem::take(&mut view.scroll_to_selected) {
        response.scroll_to_me(None);
    }
    if response.dragged() {
        response.dnd_set_drag_payload(card.id);
    }
    file_drop.offer(ui, response.rect, ImageTarget::Card(card.id));
    response.rect
}

/// How many cards the column has, or with a theme filter on, how many of them show ("12 of 50").
fn column_count_ui(ui: &mut egui::Ui, column: &Column, view: &ViewState) {
    let total = column.cards.len();
    let text = match view.theme_filter {
        None => total.to_string(),
        Some(theme) => {
            let shown = column.cards.iter().filter(|card| card.themes.contains(&theme)).count();
            tr!("column-count-filtered", shown = shown, total = total)
        }
    };
    ui.weak(text);
}

fn column_header_ui(
    ui: &mut egui::Ui,
    board: &Board,
    index: usize,
    column: &Column,
    view: &mut ViewState,
    commands: &mut Vec<Command>,
) {
    let start_renaming = || ColumnRename {
        column: column.id,
        name: column.name.clone(),
    };
    ui.horizontal(|ui| {
        if let Some(rename) = view
            .renaming_column
            .as_mut()
            .filter(|rename| rename.column == column.id)
        {
            let (name, response) = bare_field_ui(
                ui,
                &tr!("column-name"),
                &rename.name,
                &tr!("column-name"),
                COLUMN_WIDTH - 70.0,
            );
            if let Some(name) = name {
                rename.name = name;
            }
            if response.lost_focus() {
                // Enter or a click elsewhere renames; Esc leaves the name as it was.
                let cancelled = ui.input(|input| input.key_pressed(egui::Key::Escape));
                if !cancelled && rename.name != column.name {
                    commands.push(Command::Edit(BoardEdit::RenameColumn(column.id, rename.name.clone())));
                }
                view.renaming_column = None;
            } else if !response.has_focus() {
                response.request_focus();
            }
        } else {
            let name = if column.name.trim().is_empty() {
                ui.weak(tr!("column-untitled"))
            } else {
                ui.strong(&column.name)
            };
            if name.double_clicked() {
                view.renaming_column = Some(start_renaming());
            }
            column_count_ui(ui, column, view);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.menu_button("…", |ui| {
                if ui.button(tr!("column-rename")).clicked() {
                    view.renaming_column = Some(start_renaming());
                }
                if index > 0 && ui.button(tr!("column-move-left")).clicked() {
                    commands.push(Command::Edit(BoardEdit::MoveColumn(column.id, index - 1)));
                }
                if index + 1 < board.columns.len() && ui.button(tr!("column-move-right")).clicked() {
                    commands.push(Command::Edit(BoardEdit::MoveColumn(column.id, index + 1)));
                }
                ui.separator();
                if ui.button(tr!("column-delete")).clicked() {
                    view.confirm = Some(Confirm::DeleteColumn(column.id));
                }
            })
            .response
            .on_hover_text(tr!("column-menu-hover", column = &column.name));
        });
    });
}

/// Shows where a dragged card would land in this column and remembers it as the drop target.
fn card_drop_target_ui(
    ui: &mut egui::Ui,
    column: &Column,
    column_rect: egui::Rect,
    card_rects: &[(usize, egui::Rect)],
    view: &mut ViewState,
) {
    let ctx = ui.ctx();
    if !egui::DragAndDrop::has_payload_of_type::<CardId>(ctx) {
        return;
    }
    let Some(pointer) = ctx
        .pointer_latest_pos()
        .filter(|pointer| column_rect.contains(*pointer))
    else {
        return;
    };
    let before = card_rects.iter().find(|(_, rect)| pointer.y < rect.center().y);
    let (to_index, line_y) = match (before, card_rects.last()) {
        (Some((position, rect)), _) => (*position, rect.top() - 2.0),
        (None, Some((position, rect))) => (position + 1, rect.bottom() + 2.0),
        (None, None) => (column.cards.len(), column_rect.top() + 48.0),
    };
    let x = column_rect.x_range().shrink(8.0);
    ui.painter()
        .hline(x, line_y, egui::Stroke::new(3.0, ui.visuals().selection.stroke.color));
    view.card_drop_target = Some((column.id, to_index));
}

/// Moves the dragged card to the last target shown when the button is released.
/// The target is kept from the frames before, as the pointer may be gone in the release frame.
fn card_drop_ui(ctx: &egui::Context, view: &mut ViewState, commands: &mut Vec<Command>) {
    if !ctx.input(|input| input.pointer.any_released()) {
        return;
    }
    let target = view.card_drop_target.take();
    if let (Some(card), Some((column, index))) = (egui::DragAndDrop::take_payload::<CardId>(ctx), target) {
        commands.push(Command::Edit(BoardEdit::MoveCard(*card, column, index)));
    }
}

/// The title of the card being dragged, following the pointer.
fn dragged_card_ui(ui: &egui::Ui, board: &Board, index: &BoardIndex) {
    let ctx = ui.ctx();
    let Some(card) = egui::DragAndDrop::payload::<CardId>(ctx).and_then(|card| index.card(board, *card)) else {
        return;
    };
    let Some(pointer) = ctx.pointer_interact_pos() else {
        return;
    };
    ctx.set_cursor_icon(egui::CursorIcon::Grabbing);
    egui::Area::new(egui::Id::unique("dragged_card"))
        .order(egui::Order::Tooltip)
        .fixed_pos(pointer + egui::vec2(12.0, 12.0))
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(&card.title);
            });
        });
}
