//! The search field in the top bar, and which cards match it.

use super::ViewState;
use super::fields::{bare_field_with_id_ui, text_slot_ui};
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

/// How wide the search field is.
const SEARCH_WIDTH: f32 = 180.0;

/// The search field and, after it, the number of matches.
/// Escape in the field clears it; Enter selects the first match.
pub fn search_ui(ui: &mut egui::Ui, board: &Board, revision: u64, view: &mut ViewState) {
    // The count has a place of its own, there or not, so nothing in the bar moves when it comes:
    // a click meant for the search field must not land on the board title.
    // The field keeps its id: the count coming and going beside it must not take its focus.
    let (query, response) = bare_field_with_id_ui(
        ui,
        "search",
        &tr!("search-label"),
        &view.search,
        &tr!("search-hint"),
        SEARCH_WIDTH,
    );
    let counts = [tr!("search-no-match"), tr!("search-matches", count = 88_888_usize)];
    text_slot_ui(ui, &counts, |ui| search_count_ui(ui, board, view));
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

/// "3 matches" or "No match"; with a theme filter on, only the matches that show count.
fn search_count_ui(ui: &mut egui::Ui, board: &Board, view: &ViewState) {
    if !view.searching() {
        return;
    }
    let hits = match view.theme_filter.and_then(|theme| board.theme(theme)) {
        Some(theme) => board
            .cards_with_theme(theme.id)
            .filter(|card| view.search_hits.cards.contains(&card.id))
            .count(),
        None => view.search_hits.cards.len(),
    };
    match hits {
        0 => ui.colored_label(ui.visuals().warn_fg_color, tr!("search-no-match")),
        hits => ui.label(tr!("search-matches", count = hits)),
    };
}
