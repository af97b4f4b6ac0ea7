//! egui drawing only. Reads state, emits [`Command`]s; never touches files, never blocks.

mod board_index;
mod board_layout;
mod board_ui;
mod card_editor_ui;
mod card_ui;
mod carried_cursor;
mod confirm_ui;
mod edit_menu_ui;
mod export_dialog_ui;
mod export_status_ui;
mod fields;
mod file_access_ui;
mod file_drop;
mod focus_first;
mod fonts;
mod image_viewer_ui;
mod inbox_ui;
mod load_failure_ui;
mod message_ui;
mod navigation;
mod note_chunks;
mod note_glimpses;
mod notes_ui;
mod open_board_ui;
mod recovery_ui;
mod search_ui;
mod shortcuts;
mod shown_notes;
mod status;
mod system_fonts;
mod themes_ui;
mod thumbnails;
mod top_bar_ui;
mod typed_path;
mod view_menu_ui;
mod view_state;
mod window_background;

pub use export_dialog_ui::{ExportChoice, selected_cards};
pub use export_status_ui::{ExportStatus, export_status_ui};
pub use file_access_ui::{outside_change_ui, read_only_ui};
pub use file_drop::FileDrag;
pub use focus_first::install_focus_first;
pub use fonts::install_fallback_fonts;
pub use inbox_ui::{InboxDialog, InboxStatus, inbox_offer_ui};
pub use load_failure_ui::{LoadFailure, load_failure_ui};
pub use message_ui::{message_ui, quit_anyway_ui};
pub use notes_ui::NotesView;
pub use open_board_ui::{OpenBoardDialog, open_board_ui};
pub use recovery_ui::{RecoveryNotice, recovery_ui};
pub use shortcuts::QUIT;
pub use status::{Message, SaveStatus, Severity};
pub use system_fonts::SystemFontFallback;
pub use thumbnails::{ThumbnailState, Thumbnails};
pub use view_state::{ColumnRename, Confirm, ImageViewer, LinkAddressDraft, SearchHits, ViewState};
pub use window_background::{central_panel_frame, clear_color};

use crate::command::{Command, ImageSource, ImageTarget};
use crate::model::{Board, History};
use file_drop::FileDrop;
use window_background::side_panel_frame;

/// What the board screen shows besides the view state.
#[derive(Clone, Copy, Debug)]
pub struct Screen<'a> {
    /// The open board.
    pub board: &'a Board,
    /// Whether it is on disk.
    pub save_status: &'a SaveStatus,
    /// Images being taken in.
    pub images_in_progress: usize,
    /// What can be undone and redone.
    pub history: &'a History,
    /// Changes whenever the board does.
    pub revision: u64,
    /// The screenshot inbox, when it is on.
    pub inbox: Option<&'a InboxStatus>,
}

/// Narrower than this, an open card's editor takes the room of the themes panel.
const NARROW_WINDOW: f32 = 1000.0;
/// The narrowest the themes panel gets.
const THEMES_MIN: f32 = 170.0;
/// The narrowest the card editor gets (on a window wide enough for it and a column).
const EDITOR_MIN: f32 = 340.0;
/// The board keeps at least this much room beside the editor: about one column.
const BOARD_MIN: f32 = 260.0;

/// The whole window for an open board: top bar, themes, board, card editor.
pub fn board_screen_ui(
    ui: &mut egui::Ui,
    screen: Screen<'_>,
    view: &mut ViewState,
    thumbnails: &mut dyn Thumbnails,
    commands: &mut Vec<Command>,
) {
    let board = screen.board;
    let mut file_drop = FileDrop::this_frame(ui.ctx(), &mut view.file_drag);
    // Over a dialog no card can be aimed at: the viewer takes the images for its card, others send them on.
    let screen_rect = ui.ctx().content_rect();
    if let Some(viewer) = view.viewer {
        file_drop.offer(ui, screen_rect, ImageTarget::Card(viewer.card));
    } else if view.confirm.is_some() || view.export_dialog.is_some() || view.inbox_dialog.is_some() {
        file_drop.offer(ui, screen_rect, ImageTarget::FirstColumn);
    }
    view.board_index.refresh(board, screen.revision);
    search_ui::update_search_hits(board, screen.revision, view);
    view.drop_hidden_from_selection(board);
    shortcuts::handle_shortcuts(ui.ctx(), board, view, commands);
    egui::Panel::top("top_bar")
        .frame(side_panel_frame(ui.style()))
        .show(ui, |ui| {
            ui.add_space(2.0);
            top_bar_ui::top_bar_ui(ui, screen, view, commands);
            ui.add_space(2.0);
        });
    // Widths remembered from another window size are held to what fits this one, and the board
    // always keeps room for a column.
    let width = ui.available_width();
    // On a narrow window the open card's editor takes the room of the themes panel.
    let editor_takes_themes_room = view.editor_card().is_some() && width < NARROW_WINDOW;
    let mut themes_shown = !(view.themes_panel_hidden || editor_takes_themes_room);
    egui::Panel::left("themes")
        .frame(side_panel_frame(ui.style()))
        .resizable(true)
        .default_size(230.0)
        .size_range(THEMES_MIN..=(width * 0.3).max(THEMES_MIN))
        .show_collapsible(ui, &mut themes_shown, |ui| {
            themes_ui::themes_ui(ui, board, view, commands);
        });
    if !editor_takes_themes_room {
        // Dragged closed, or open again from its edge.
        view.themes_panel_hidden = !themes_shown;
    }
    if let Some(card) = view.editor_card().and_then(|card| view.board_index.card(board, card)) {
        let editor_max = (ui.available_width() - BOARD_MIN).max(EDITOR_MIN.min(ui.available_width()));
        let editor = egui::Panel::right("card_editor")
            .frame(side_panel_frame(ui.style()))
            .resizable(true)
            .default_size(380.0)
            .size_range(EDITOR_MIN.min(editor_max)..=editor_max)
            .show(ui, |ui| {
                card_editor_ui::card_editor_ui(ui, board, screen.revision, card, view, thumbnails, commands);
            });
        file_drop.offer(ui, editor.response.rect, ImageTarget::Card(card.id));
    }
    egui::CentralPanel::default()
        .frame(central_panel_frame(ui.style()))
        .show(ui, |ui| {
            board_ui::board_ui(ui, board, screen.revision, view, thumbnails, &mut file_drop, commands);
        });
    commands.extend(file_drop.into_command());
    if let Some(image) = file_drop::pasted_image(ui.ctx()) {
        let selected = view
            .selected_card
            .filter(|card| view.board_index.card(board, *card).is_some());
        let target = selected.map_or(ImageTarget::FirstColumn, ImageTarget::Card);
        commands.push(Command::AddImages(ImageSource::Pasted(image), target));
    }
    file_drop::file_hover_ui(ui.ctx());
    image_viewer_ui::image_viewer_ui(ui.ctx(), board, view, thumbnails, commands);
    confirm_ui::confirm_ui(ui.ctx(), board, view, commands);
    export_dialog_ui::export_dialog_ui(ui.ctx(), board, view, commands);
    inbox_ui::inbox_dialog_ui(ui.ctx(), screen.inbox, view, commands);
    shortcuts::shortcuts_window_ui(ui.ctx(), view);
    view.text_had_focus = ui.ctx().text_edit_focused();
}

/// Call after the frame's commands are applied. When the view has just asked for the keyboard to
/// go to a field, which happens as the next frame draws it, that frame's input waits: keys typed
/// meanwhile reach the field once it has the keyboard, not the one before it or none.
pub fn hold_input_for_focus(ctx: &egui::Context, view: &mut ViewState) {
    if view.focus_newly_requested() {
        focus_first::hold_input_for_focus(ctx);
    }
}
