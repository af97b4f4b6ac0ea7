//! What the UI remembers between frames that is not part of the board.

use super::ExportChoice;
use crate::model::{CardId, ColumnId, ThemeId};

/// Selection, filters and open editors. Not saved with the board.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    /// The card whose editor is open.
    pub selected_card: Option<CardId>,
    /// Show only the cards that tick this theme.
    pub theme_filter: Option<ThemeId>,
    /// The theme whose name and question are being edited.
    pub editing_theme: Option<ThemeId>,
    /// The column whose name is being edited.
    pub renaming_column: Option<ColumnId>,
    /// Move keyboard focus to the selected card's title next frame (after "Add card").
    pub focus_card_title: bool,
    /// Move keyboard focus to the edited theme's name next frame (after "Add theme").
    pub focus_theme_name: bool,
    /// Where the card being dragged would land: column and index.
    pub card_drop_target: Option<(ColumnId, usize)>,
    /// A destructive action waiting for confirmation.
    pub confirm: Option<Confirm>,
    /// The export dialog is open with this choice.
    pub export_dialog: Option<ExportChoice>,
    /// The image shown full size.
    pub viewer: Option<ImageViewer>,
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
