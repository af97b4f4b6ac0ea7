//! Notes that read like notes (issue 13): rendered in the card editor, task items that tick, a
//! glimpse on the board. Helpers come from `tests/ui.rs`.

use boothboard::open::open_or_create;
use boothboard::store::{self, AppHome};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::{COMMAND, Session, session_on_saved_board};

/// The sample board with TiDB's notes replaced by `notes`, saved, then opened in the app.
fn session_with_tidb_notes(notes: &str) -> Session {
    let home_dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(home_dir.path());
    let path = home.default_board_path();
    let mut board = open_or_create(&home, &path).unwrap();
    let tidb = board.card_by_title("TiDB").unwrap().id;
    board.card_mut(tidb).unwrap().notes = notes.to_owned();
    store::save(&path, &board).unwrap();
    session_on_saved_board(home_dir, path)
}

impl Session {
    fn tidb_notes(&self) -> String {
        self.board().card_by_title("TiDB").unwrap().notes.clone()
    }
}

const TASKS: &str = "Follow up after the booth:\n\n- [ ] Ask about TiKV regions\n- [ ] Try the operator\n";

#[test]
fn a_click_on_a_rendered_task_ticks_exactly_its_line_and_ctrl_z_unticks_it() {
    let mut session = session_with_tidb_notes(TASKS);
    session.click("TiDB");
    // Rendered: the text of the items, without their Markdown.
    let rendered = session.harness.get_by_label("Rendered notes");
    rendered.get_by_label_contains("Ask about TiKV regions");
    assert!(session.harness.query_by_label_contains("- [ ]").is_none());
    let first_task = rendered
        .get_all_by_role(Role::CheckBox)
        .find(|checkbox| checkbox.accesskit_node().label().is_none_or(|label| label.is_empty()))
        .expect("a checkbox for the first task");
    first_task.click();
    session.harness.run_steps(2);

    let ticked = TASKS.replacen("- [ ] Ask", "- [x] Ask", 1);
    session.wait_for_file("the first task ticked", |board| {
        board.card_by_title("TiDB").unwrap().notes == ticked
    });
    assert!(
        session.harness.query_by_label("Done").is_none(),
        "ticking is not editing"
    );
    session.press(COMMAND, egui::Key::Z);
    assert_eq!(session.tidb_notes(), TASKS);
    session.wait_for_file("the tick undone", |board| {
        board.card_by_title("TiDB").unwrap().notes == TASKS
    });
}

#[test]
fn a_click_on_rendered_notes_edits_them_and_esc_shows_them_rendered_again() {
    let mut session = session_with_tidb_notes(TASKS);
    session.click("TiDB");
    session.click("Follow up after the booth:");
    assert!(
        session.harness.get_by_label("Notes").is_focused(),
        "the text has the keyboard"
    );
    session
        .harness
        .get_by_label("Notes")
        .type_text("- [ ] Ask about backups");
    session.harness.run_steps(2);
    assert_eq!(
        session.tidb_notes(),
        format!("{TASKS}- [ ] Ask about backups"),
        "typed at the end"
    );
    session.press(egui::Modifiers::NONE, egui::Key::Escape);
    session.harness.get_by_label_contains("Ask about backups");
    session.harness.get_by_label("Edit notes");
    assert!(session.harness.query_by_label("Done").is_none());
    assert!(
        session.harness.state().view().editor_open,
        "the first Esc only leaves the notes"
    );

    // Back and forth with the buttons, and Enter on the rendered notes once they have the keyboard.
    session.click("Edit notes");
    session.click("Done");
    session.harness.get_by_label("Edit notes").focus();
    session.harness.run_steps(1);
    session.press(egui::Modifiers::NONE, egui::Key::Tab);
    assert!(
        session.harness.get_by_label("Rendered notes").is_focused(),
        "Tab reaches the notes"
    );
    session.press(egui::Modifiers::NONE, egui::Key::Enter);
    assert!(session.harness.get_by_label("Notes").is_focused());
}

#[test]
fn links_in_notes_open_only_if_card_links_would_and_html_is_text() {
    let notes = "Demo: [run me](javascript:alert(1)), [the repo](https://github.com/pingcap/tidb).\n\n\
                 <script>alert('hi')</script>\n\n![diagram](https://example.com/pixel.png)";
    let mut session = session_with_tidb_notes(notes);
    session.click("TiDB");
    let rendered = session.harness.get_by_label("Rendered notes");
    let links: Vec<String> = rendered
        .get_all_by_role(Role::Link)
        .filter_map(|link| link.accesskit_node().label())
        .collect();
    assert!(links.iter().any(|label| label == "the repo"), "{links:?}");
    assert!(!links.iter().any(|label| label.contains("run me")), "{links:?}");
    rendered.get_by_label_contains("<script>alert('hi')</script>");
    // The image is its alt text; nothing is fetched.
    rendered.get_by_label_contains("diagram");

    // The refused link is text: a click on it edits the notes.
    rendered.get_by_label_contains("run me").click();
    session.harness.run_steps(2);
    session.harness.get_by_label("Done");
    assert_eq!(session.tidb_notes(), notes);
}

#[test]
fn a_card_shows_the_first_line_of_its_notes_and_how_many_tasks_are_done() {
    let session = session_with_tidb_notes("## Raft **everywhere**\n\n- [x] Ask about TiKV\n- [ ] Try the operator");
    session.harness.get_by_label_contains("Raft everywhere");
    session.harness.get_by_label_contains("1/2 done");
    assert!(
        session.harness.query_by_label_contains("## Raft").is_none(),
        "no Markdown on the card"
    );
}

#[test]
fn long_notes_scroll_inside_the_editor() {
    let long: String = (1..=400)
        .map(|n| format!("Line {n} of what the speaker said.\n\n"))
        .collect();
    let mut session = session_with_tidb_notes(&long);
    session.click("TiDB");
    session
        .harness
        .get_by_label("Rendered notes")
        .get_by_label_contains("Line 2 of");
    assert!(
        session.harness.query_by_label_contains("Line 400 of").is_none(),
        "only what is in view is rendered"
    );
    let notes_top = session.harness.get_by_label("Edit notes").rect().top();
    let images_top = session.harness.get_by_label("Add images…").rect().top();
    assert!(
        images_top - notes_top < 700.0,
        "the images follow the notes at {images_top} (notes at {notes_top})"
    );
    session.click("Edit notes");
    let images_top = session.harness.get_by_label("Add images…").rect().top();
    assert!(images_top - notes_top < 700.0, "also while editing: {images_top}");
}

#[test]
fn emoji_in_titles_and_notes_are_drawn_with_a_font_that_has_them() {
    let mut session = session_with_tidb_notes("🎉 Launch day ✅ ❤️\n\n- [ ] 🚀 Try the operator 🥳");
    session.click("TiDB");
    session.type_into("Title", " 🚀");
    // On the card and in the editor; the harness fails on any glyph no font has.
    assert_eq!(
        session
            .harness
            .query_all_by_label_contains("🎉 Launch day ✅ ❤️")
            .count(),
        2
    );
    assert!(session.harness.query_all_by_label_contains("TiDB 🚀").count() >= 1);
    let font = egui::FontId::proportional(14.0);
    let drawn = session
        .harness
        .ctx
        .fonts_mut(|fonts| fonts.has_glyphs(&font, "🎉✅❤️🚀🥳🙂🤔👍"));
    assert!(drawn, "a font has every one of them");
}
