//! The search field in the top bar, and which cards match it.

use super::ViewState;
use super::fields::bare_field_with_id_ui;
use super::navigation::CardGrid;
use crate::model::{Board, Search};
use crate::tr;

/// Works out the matching cards when the query or the board changed since last time.
pub fn update_search_hits(board: &Board, revision: u64, view: &mut ViewState) {
    let hits = &mut view.search_hits;
    if hits.query == view.search && hits.revision == revision {
        return;
    }
    hits.query.clone_from(&view.search);
    hits.revision = revision;
    hits.cards = Search::new(&view.search).map_or_else(Default::default, |search| {
        board
            .cards()
            .filter(|card| search.matches(card))
            .map(|card| card.id)
            .collect()
    });
}

/// The search field and the number of matches, laid out right to left.
/// Escape in the field clears it; Enter selects the first match.
pub fn search_ui(ui: &mut egui::Ui, board: &Board, revision: u64, view: &mut ViewState) {
    if view.searching() {
        match view.search_hits.cards.len() {
            0 => ui.colored_label(ui.visuals().warn_fg_color, tr!("search-no-match")),
            hits => ui.label(tr!("search-matches", count = hits)),
        };
    }
    // The count coming and going before it must not take its focus.
    let (query, response) = bare_field_with_id_ui(
        ui,
        "search",
        &tr!("search-label"),
        &view.search,
        &tr!("search-hint"),
        180.0,
    );
    if let Some(query) = query {
        view.search = query;
    }
    if std::mem::take(&mut view.focus_search) {
        response.request_focus();
    }
    update_search_hits(board, revision, view);
    if response.lost_focus() {
        let (escape, enter) = ui.input(|input| {
            (
                input.key_pressed(egui::Key::Escape),
                input.key_pressed(egui::Key::Enter),
            )
        });
        if escape {
            view.search.clear();
        } else if enter && view.searching() {
            let first = CardGrid::reachable(board, view).first();
            view.select_and_reveal(first);
        }
    }
}
