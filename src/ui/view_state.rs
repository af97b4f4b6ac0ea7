//! What the UI remembers between frames that is not part of the board.

use std::collections::BTreeSet;

use super::board_index::BoardIndex;
use super::board_layout::BoardLayout;
use super::note_glimpses::NoteGlimpses;
use super::notes_ui::NotesView;
use super::{ExportChoice, FileDrag, InboxDialog, OpenBoardDialog};
use crate::export::ExportOptions;
use crate::i18n::Language;
use crate::model::{Board, Card, CardId, ColumnId, LinkRefused, ThemeId};

/// Selection, filters and open editors. Not saved with the board.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// The selected card: highlighted; the arrow keys move it, Enter opens it, Delete removes it.
    pub selected_card: Option<CardId>,
    /// More cards selected with Ctrl+click (Cmd on macOS), besides `selected_card`: for exporting several.
    pub also_selected: BTreeSet<CardId>,
    /// Whether the selected card's editor is open.
    pub editor_open: bool,
    /// Scroll the selected card into view next frame (after it was selected by keyboard).
    pub scroll_to_selected: bool,
    /// What the search field holds.
    pub search: String,
    /// The cards matching [`Self::search`], worked out once per query and board revision.
    pub search_hits: SearchHits,
    /// Move keyboard focus to the search field next frame (Ctrl+F).
    pub focus_search: bool,
    /// Some text field had keyboard focus at the end of the last frame.
    pub text_had_focus: bool,
    /// The themes panel was closed (View → Themes panel, or dragged closed at its edge).
    pub themes_panel_hidden: bool,
    /// The keyboard shortcut overview is open (F1).
    pub shortcuts_open: bool,
    /// Show only the cards that tick this theme.
    pub theme_filter: Option<ThemeId>,
    /// The theme whose name and question are being edited.
    pub editing_theme: Option<ThemeId>,
    /// A name typed for that theme that another theme has: shown in the field, not applied.
    pub refused_theme_name: Option<(ThemeId, String)>,
    /// Link addresses as typed: the one whose field is edited, and those refused, each until its
    /// own field is edited again.
    pub link_address_drafts: Vec<LinkAddressDraft>,
    /// The column whose name is being edited, with the name as typed so far.
    pub renaming_column: Option<ColumnRename>,
    /// Move keyboard focus to the selected card's title next frame (after "Add card").
    pub focus_card_title: bool,
    /// Move keyboard focus to the label of this link of this card when it is drawn (after "Add link").
    pub focus_link_label: Option<(CardId, usize)>,
    /// Move keyboard focus to the edited theme's name next frame (after "Add theme").
    pub focus_theme_name: bool,
    /// Where the card being dragged would land: column and index.
    pub card_drop_target: Option<(ColumnId, usize)>,
    /// A destructive action waiting for confirmation.
    pub confirm: Option<Confirm>,
    /// The export dialog is open with this choice.
    pub export_dialog: Option<ExportChoice>,
    /// What the export dialog's options are set to; kept for the next export in this session.
    pub export_options: ExportOptions,
    /// The folder the export dialog offers, as typed (the app fills in the last or default one).
    pub export_folder: String,
    /// The screenshot inbox dialog is open, filled in so.
    pub inbox_dialog: Option<InboxDialog>,
    /// "Open board" is open with these boards.
    pub open_board: Option<OpenBoardDialog>,
    /// The language chosen in the View menu; none follows the system's (set by the app).
    pub language: Option<Language>,
    /// Whether the system's file dialogs can open here (set by the app).
    pub native_dialogs: bool,
    /// Files being dragged in from the file manager.
    pub file_drag: FileDrag,
    /// The image shown full size.
    pub viewer: Option<ImageViewer>,
    /// Where each card is and which cards tick each theme, once per board revision.
    pub board_index: BoardIndex,
    /// Where cards sit in their columns, so cards out of view can be skipped.
    pub board_layout: BoardLayout,
    /// The open card's notes: rendered or being edited.
    pub notes: NotesView,
    /// What each card drawn on the board shows of its notes, once per card and board revision.
    pub note_glimpses: NoteGlimpses,
    /// The search and theme filter the selection was last checked against.
    selection_checked_for: (String, Option<ThemeId>),
    /// A field was waiting for the keyboard at the end of the last frame.
    focus_was_requested: bool,
}

/// The full-size image viewer: which image, and how it is zoomed and panned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageViewer {
    /// The card whose images are shown.
    pub card: CardId,
    /// Which of them.
    pub index: usize,
    /// Points per image pixel; `None` fits the image to the window.
    pub zoom: Option<f32>,
    /// How far the image is moved from the centre, in points.
    pub pan: egui::Vec2,
    /// The zoom that fits the image to the window, as last drawn.
    pub fitted_zoom: f32,
}

impl ImageViewer {
    /// Shows image `index` of `card`, fitted to the window.
    pub fn new(card: CardId, index: usize) -> Self {
        Self {
            card,
            index,
            zoom: None,
            pan: egui::Vec2::ZERO,
            fitted_zoom: 1.0,
        }
    }
}

/// A column being renamed: the name is applied on Enter or a click elsewhere, and Esc drops it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnRename {
    /// The column.
    pub column: ColumnId,
    /// The name as typed so far.
    pub name: String,
}

/// A link address as the user typed it. The board gets the address as saved (`www.…` becomes
/// `https://www.…`) once it is one that may be opened; until then it stays here.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkAddressDraft {
    /// The card of the link.
    pub card: CardId,
    /// Which of its links.
    pub index: usize,
    /// What the field holds.
    pub text: String,
    /// Why it was not saved, once the field lost the cursor with an address that may not be opened.
    pub refused: Option<LinkRefused>,
    /// The height of the line that said why, as last shown; kept while the address is retyped.
    pub refusal_height: f32,
}

/// The cards that match a search, for one query and one board revision.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchHits {
    /// The query these hits are for.
    pub query: String,
    /// The board revision they were worked out on.
    pub revision: u64,
    /// The matching cards.
    pub cards: BTreeSet<CardId>,
}

impl ViewState {
    /// Whether a field gets the keyboard when it is next drawn, and did not wait for it at the
    /// last call. A request that is never drawn (its editor closed) is counted once.
    pub(super) fn focus_newly_requested(&mut self) -> bool {
        let requested = self.focus_search
            || self.focus_card_title
            || self.focus_link_label.is_some()
            || self.focus_theme_name
            || self.renaming_column.is_some()
            || self.notes.focus_requested();
        let newly = requested && !self.focus_was_requested;
        self.focus_was_requested = requested;
        newly
    }

    /// A new view, with the language chosen in the View menu (none: the system's).
    pub fn speaking(language: Option<Language>) -> Self {
        Self {
            language,
            ..Self::default()
        }
    }

    /// The card whose editor is open.
    pub fn editor_card(&self) -> Option<CardId> {
        self.selected_card.filter(|_| self.editor_open)
    }

    /// Selects a card and opens its editor.
    pub fn open_editor(&mut self, card: CardId) {
        self.selected_card = Some(card);
        self.editor_open = true;
    }

    /// Whether the card is selected, alone or with others.
    pub fn is_selected(&self, card: CardId) -> bool {
        self.selected_card == Some(card) || self.also_selected.contains(&card)
    }

    /// Adds a card to the selection, or takes it out (Ctrl+click).
    pub fn toggle_selected(&mut self, card: CardId) {
        match self.selected_card {
            None => self.selected_card = Some(card),
            Some(primary) if primary == card => {
                // The next selected card, if any, becomes the one the keys and the editor act on.
                self.selected_card = self.also_selected.pop_first();
                self.editor_open &= self.selected_card.is_some();
            }
            Some(_) => {
                if !self.also_selected.remove(&card) {
                    self.also_selected.insert(card);
                }
            }
        }
    }

    /// Selects a card and scrolls the board to it; the editor, if open, follows.
    pub fn select_and_reveal(&mut self, card: Option<CardId>) {
        self.also_selected.clear();
        self.selected_card = card;
        self.editor_open &= card.is_some();
        self.scroll_to_selected = card.is_some();
    }

    /// Whether the board shows the card (the theme filter hides the others).
    pub fn shows(&self, card: &Card) -> bool {
        passes_filter(self.theme_filter, card)
    }

    /// Whether the card is shown and, during a search, matches it: what the keyboard goes to.
    pub fn in_view(&self, card: &Card) -> bool {
        self.shows(card) && (!self.searching() || self.search_hits.cards.contains(&card.id))
    }

    /// Takes cards that are gone, or that a new search or theme filter hides, out of the selection,
    /// so nothing acts on a card the user can't see. Call once the search hits are up to date.
    pub fn drop_hidden_from_selection(&mut self, board: &Board) {
        let filters_changed =
            self.selection_checked_for.0 != self.search || self.selection_checked_for.1 != self.theme_filter;
        if filters_changed {
            self.selection_checked_for = (self.search.clone(), self.theme_filter);
        }
        let hidden: Vec<CardId> = self
            .selected_card
            .iter()
            .chain(&self.also_selected)
            .copied()
            .filter(|id| {
                self.board_index
                    .card(board, *id)
                    .is_none_or(|card| filters_changed && !self.in_view(card))
            })
            .collect();
        for card in hidden {
            self.toggle_selected(card);
        }
    }

    /// The selected cards that Delete may remove: those the board shows, and the one open in
    /// the editor.
    pub fn deletable_selection(&self, board: &Board) -> Vec<CardId> {
        self.selected_card
            .iter()
            .chain(&self.also_selected)
            .copied()
            .filter(|id| {
                self.editor_card() == Some(*id)
                    || self.board_index.card(board, *id).is_some_and(|card| self.shows(card))
            })
            .collect()
    }

    /// Whether a search is on: non-matching cards are dimmed and the keyboard skips them.
    pub fn searching(&self) -> bool {
        !self.search.trim().is_empty()
    }
}

/// Destructive actions that ask first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Delete a card and its notes.
    DeleteCard(CardId),
    /// Delete a column and its cards.
    DeleteColumn(ColumnId),
    /// Delete a theme and its ticks.
    DeleteTheme(ThemeId),
}

/// Whether a card is shown under a theme filter: with none, every card is.
pub fn passes_filter(filter: Option<ThemeId>, card: &Card) -> bool {
    filter.is_none_or(|theme| card.themes.contains(&theme))
}
