//! Surprises that lose or hide work (issue 19), driven through the window. Helpers come from `tests/ui.rs`.

use egui_kittest::kittest::Queryable as _;

use super::{Session, sample_session};

impl Session {
    fn tidb_exists(&self) -> bool {
        self.board().card_by_title("TiDB").is_some()
    }
}

#[test]
fn delete_leaves_a_card_the_theme_filter_hides() {
    let mut session = sample_session();
    session.click("TiDB");
    assert_eq!(session.selected_title().as_deref(), Some("TiDB"));
    // The first theme is "Developer story", which TiDB does not tick.
    session.click("Show only these");
    assert!(session.harness.query_by_label("TiDB").is_none(), "filtered out");
    assert_eq!(session.selected_title(), None, "a hidden card leaves the selection");
    session.press(egui::Modifiers::NONE, egui::Key::Delete);
    assert!(session.tidb_exists(), "Delete acts only on cards in view");
}

#[test]
fn delete_leaves_a_card_a_search_hides() {
    let mut session = sample_session();
    session.ctrl_click("TiDB");
    session.ctrl_click("Gloo");
    session.type_into("Search", "Gloo");
    // Leave the field without Esc (which clears the search).
    session.click("Themes");
    assert_eq!(session.selected_title().as_deref(), Some("Gloo"));
    assert!(session.harness.state().view().also_selected.is_empty());
    session.press(egui::Modifiers::NONE, egui::Key::Delete);
    assert!(session.tidb_exists(), "the card the search hides stays");
    assert!(
        session.board().card_by_title("Gloo").is_none(),
        "the match in view goes"
    );
}
