//! The finishing pass over the window (issue 20): the keyboard and focus, cards that keep their
//! shape, counts that follow the theme filter, and the rough edges of a first hour.
//! Helpers come from `tests/ui.rs`.

use boothboard::command::Command;
use boothboard::model::BoardEdit;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::{Session, sample_session};

fn focused(session: &Session, label: &str) -> bool {
    session.harness.get_by_label(label).accesskit_node().is_focused()
}

fn tab(session: &mut Session) {
    session.press(egui::Modifiers::NONE, egui::Key::Tab);
}

/// Gives the keyboard to the first widget labelled `label`.
fn focus_first(session: &mut Session, label: &str) {
    session.harness.get_all_by_label(label).next().unwrap().focus();
    session.harness.run_steps(2);
}

/// Whether the `nth` button labelled `label` has the keyboard.
fn button_focused(session: &Session, label: &str, nth: usize) -> bool {
    session
        .harness
        .get_all_by_role_and_label(Role::Button, label)
        .nth(nth)
        .is_some_and(|button| button.accesskit_node().is_focused())
}

#[test]
fn tab_goes_through_a_link_row_in_reading_order() {
    let mut session = sample_session();
    session.click("Gloo");
    focus_first(&mut session, "Link 1 label");
    tab(&mut session);
    assert!(focused(&session, "Link 1 address"), "label, then address");
    tab(&mut session);
    assert!(button_focused(&session, "Open", 0), "address, then Open");
    tab(&mut session);
    assert!(button_focused(&session, "Remove", 0), "Open, then Remove");
}

#[test]
fn buttons_that_add_a_field_put_the_keyboard_in_it() {
    let mut session = sample_session();
    session.click("Gloo");
    session.click("Add link");
    session.harness.run_steps(2);
    assert!(focused(&session, "Link 3 label"), "Add link: the new link's label");

    // The first "Edit" is the menu; the next, Developer story's.
    session.harness.get_all_by_label("Edit").nth(1).unwrap().click();
    session.harness.run_steps(2);
    assert!(focused(&session, "Theme name"), "Edit theme: its name");
    session.press(egui::Modifiers::NONE, egui::Key::Escape);

    // With the editor closed, so the new column is in view.
    session.click("Close");
    session.click("Add column");
    assert!(focused(&session, "Column name"), "Add column: its name");
}

#[test]
fn enter_on_a_selected_card_opens_it_with_the_title_ready() {
    let mut session = sample_session();
    session
        .harness
        .state_mut()
        .queue_command(Command::Edit(BoardEdit::SetTitle("Board".into())));
    session.harness.run_steps(2);
    // Select without opening: the arrow keys select the first card.
    session.press(egui::Modifiers::NONE, egui::Key::ArrowDown);
    assert!(session.harness.state().view().selected_card.is_some());
    assert!(!session.harness.state().view().editor_open);
    session.press(egui::Modifiers::NONE, egui::Key::Enter);
    assert!(session.harness.state().view().editor_open);
    assert!(focused(&session, "Title"), "the title has the keyboard");
}

#[test]
fn esc_in_a_column_name_leaves_it_as_it_was() {
    let mut session = sample_session();
    session.double_click("Databases");
    session.harness.get_by_label("Column name").type_text(" and queues");
    session.harness.run_steps(2);
    session.press(egui::Modifiers::NONE, egui::Key::Escape);
    session.harness.run_steps(2);
    let board = session.harness.state().board().unwrap();
    assert!(board.column_by_name("Databases").is_some());
    assert!(board.column_by_name("Databases and queues").is_none());
    session.harness.get_by_label("Databases");
}

#[test]
fn outlining_a_card_keeps_its_width_and_its_summary_in_place() {
    let mut session = sample_session();
    let summary = "PingCAP's MySQL-compatible distributed SQL database: TiDB, TiKV, PD and TiSpark";
    let before = session.harness.get_by_label(summary).rect();
    session.press(egui::Modifiers::NONE, egui::Key::ArrowDown);
    session.harness.get_by_label("TiDB").click();
    session.harness.run_steps(2);
    assert_eq!(
        session.harness.state().view().selected_card,
        session.board().card_by_title("TiDB").map(|card| card.id)
    );
    let after = session.harness.get_by_label(summary).rect();
    assert_eq!(before.width(), after.width(), "the summary wraps as before");
    assert_eq!(before.left(), after.left());
}

#[test]
fn a_long_summary_shows_three_lines_on_the_card() {
    let mut session = sample_session();
    let tidb = session.board().card_by_title("TiDB").unwrap().id;
    let long = "A distributed SQL database that speaks MySQL. ".repeat(12);
    session
        .harness
        .state_mut()
        .queue_command(Command::Edit(BoardEdit::SetCardSummary(tidb, long.clone())));
    session.harness.run_steps(3);
    let shown = session.harness.get_all_by_label(long.as_str()).next().unwrap().rect();
    let line = session.harness.get_by_label("FoundationDB").rect().height();
    assert!(shown.height() < 3.6 * line, "{} high, a line is {line}", shown.height());
    assert!(shown.height() > 2.4 * line, "{} high, a line is {line}", shown.height());
}

#[test]
fn counts_follow_the_theme_filter() {
    let mut session = sample_session();
    session.harness.get_by_label("3");
    session.type_into("Search", "Kubernetes");
    session.harness.get_by_label("6 cards match");
    // "Show only these" of Database story: TiDB, FoundationDB, Cassandra and Rook.
    session
        .harness
        .get_all_by_label("Show only these")
        .nth(1)
        .unwrap()
        .click();
    session.harness.run_steps(2);
    session.harness.get_by_label("0 of 2");
    session.harness.get_by_label("3 of 3");
    session.harness.get_by_label("1 of 1");
    session.harness.get_by_label("4 cards match");
}

#[test]
fn a_column_named_only_spaces_is_an_untitled_column() {
    let mut session = sample_session();
    let storage = session.board().column_by_name("Storage").unwrap().id;
    session
        .harness
        .state_mut()
        .queue_command(Command::Edit(BoardEdit::RenameColumn(storage, "   ".into())));
    session.harness.run_steps(3);
    session.harness.get_by_label("Untitled column");
}

#[test]
fn fit_never_blows_a_small_image_up() {
    let mut session = sample_session();
    session.open_viewer_on_cover("Gloo architecture");
    // 960x540 in a window that could show it half as large again.
    session.harness.get_by_label("100%");
}

#[test]
fn the_top_bar_stays_where_it_is_when_the_match_count_appears() {
    let mut session = sample_session();
    let title = session.harness.get_by_label("Board title").rect();
    let search = session.harness.get_by_label("Search").rect();
    session.type_into("Search", "TiDB");
    session.harness.get_by_label("1 card matches");
    assert_eq!(session.harness.get_by_label("Board title").rect(), title);
    assert_eq!(session.harness.get_by_label("Search").rect(), search);
}

#[test]
fn a_small_window_keeps_every_control_reachable() {
    let mut session = sample_session();
    session.harness.set_size(egui::vec2(760.0, 480.0));
    session.harness.run_steps(3);
    session.click("TiDB");
    session.harness.run_steps(3);
    let title = session.harness.get_by_label("Board title").rect();
    assert!(title.width() > 150.0, "the title keeps its room: {title:?}");
    let search = session.harness.get_by_label("Search").rect();
    assert!(
        search.top() >= title.bottom(),
        "search goes on a row of its own: {search:?}"
    );
    assert!(
        session.harness.query_by_label("Add theme").is_none(),
        "the editor takes the themes panel's room"
    );
    let editor = session.harness.get_by_label("Card").rect();
    let column = session.harness.get_by_label("Gateways and languages").rect();
    assert!(
        column.right() < editor.left(),
        "the board keeps a column beside the editor"
    );
    assert!(760.0 - editor.left() >= 300.0, "the editor keeps its room: {editor:?}");
    for label in ["Close", "Delete card…", "Copy as Markdown"] {
        let button = session.harness.get_by_label(label).rect();
        assert!(
            button.right() <= 760.0 && button.left() >= editor.left(),
            "{label}: {button:?}"
        );
    }
    session.click("Close");
    session.harness.get_by_label("Add theme");
}

#[test]
fn an_image_deleted_while_shown_says_it_is_missing_rather_than_showing_what_was_kept() {
    let mut session = sample_session();
    session.wait_for_imports();
    session.harness.get_by_role_and_label(Role::Image, "Gloo architecture");
    let gloo = session.board().card_by_title("Gloo").unwrap().images[0].file.clone();
    std::fs::remove_file(session.media_dir().join(gloo.as_str())).unwrap();
    // The folder watch tells the window; the kept thumbnail on disk must not stand in.
    session.wait_for_label("Image missing: Gloo architecture");
}

#[test]
fn tab_goes_left_to_right_in_the_top_bar_and_the_editors_header() {
    let mut session = sample_session();
    focus_first(&mut session, "Board title");
    tab(&mut session);
    assert!(focused(&session, "Search"), "the title, then search");

    session.click("TiDB");
    focus_first(&mut session, "Copy as Markdown");
    tab(&mut session);
    assert!(focused(&session, "Delete card…"), "Copy as Markdown, then Delete card…");
    tab(&mut session);
    assert!(focused(&session, "Close"), "Delete card…, then Close");
    let (copy, close) = (
        session.harness.get_by_label("Copy as Markdown").rect(),
        session.harness.get_by_label("Close").rect(),
    );
    assert!(copy.right() < close.left(), "in reading order on screen too");
}

#[test]
fn tab_goes_left_to_right_through_an_image_row_and_the_viewers_bar() {
    let mut session = sample_session();
    let images = tempfile::tempdir().unwrap();
    // Of different sizes: the same picture twice would be one image.
    let slides = [("one.png", 640), ("two.png", 800)]
        .map(|(name, width)| super::common::write_png(images.path(), name, width, 360));
    let gloo = session.harness.get_by_label("Gloo").rect().center();
    session.drop_files(gloo, &slides);
    session.wait_for_file("Gloo has three images", |board| {
        board.card_by_title("Gloo").unwrap().images.len() == 3
    });
    session.click("Gloo");
    session.wait_for_imports();

    // The middle image's row: Make cover, Move up, Move down (the first row has only Move down).
    focus_first(&mut session, "Make cover");
    tab(&mut session);
    assert!(button_focused(&session, "Move up", 0), "Make cover, then Move up");
    tab(&mut session);
    assert!(button_focused(&session, "Move down", 1), "Move up, then Move down");
    let (cover, down) = (
        session.harness.get_all_by_label("Make cover").next().unwrap().rect(),
        session.harness.get_all_by_label("Move down").nth(1).unwrap().rect(),
    );
    assert!(cover.right() < down.left(), "in reading order on screen too");
    let caption = session.harness.get_by_label("one.png").rect();
    assert!(caption.right() <= cover.left(), "the caption before the buttons");

    session.scroll_to_and_click("View Gloo architecture");
    focus_first(&mut session, "Image caption");
    // The card editor's Close is under the viewer: the viewer's is the second.
    let bar = [
        ("-", 0),
        ("+", 0),
        ("Fit", 0),
        ("Open in system viewer", 0),
        ("Remove from card", 0),
        ("Close", 1),
    ];
    for (next, nth) in bar {
        tab(&mut session);
        assert!(button_focused(&session, next, nth), "then {next}");
    }
    let (caption, close) = (
        session.harness.get_by_label("Image caption").rect(),
        session
            .harness
            .get_all_by_role_and_label(Role::Button, "Close")
            .nth(1)
            .unwrap()
            .rect(),
    );
    assert!(caption.right() < close.left(), "the caption first, Close last");
}
