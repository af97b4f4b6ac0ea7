//! A board far bigger than the window: only what is in view is laid out, and what the keyboard
//! or the wheel reaches comes into view.

use boothboard::model::Board;
use boothboard::store::{self, AppHome};
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use super::{Session, session_on_saved_board};

const COLUMNS: usize = 8;
const CARDS: usize = 4_000;

/// The app on a board of `CARDS` cards named "Project N", dealt over `COLUMNS` columns.
fn big_board_session() -> Session {
    let home_dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(home_dir.path());
    let path = home.default_board_path();
    let mut board = Board::new("Big board");
    let mut columns = vec![board.columns[0].id];
    columns.extend((1..COLUMNS).map(|n| board.add_column(format!("Hall {n}"))));
    for n in 0..CARDS {
        let card = board.add_card(columns[n % COLUMNS], format!("Project {n}")).unwrap();
        board.card_mut(card).unwrap().summary = format!("What project {n} does, in a line or two of text.");
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    store::save(&path, &board).unwrap();
    session_on_saved_board(home_dir, path)
}

/// The titles of the cards laid out this frame.
fn cards_laid_out(session: &Session) -> Vec<String> {
    session
        .harness
        .query_all(By::new().label_contains("Project "))
        .filter_map(|node| {
            // A label's text is its value in AccessKit.
            let node = node.accesskit_node();
            node.value().or_else(|| node.label())
        })
        .filter(|label| !label.starts_with("Add a card"))
        .collect()
}

fn in_window(session: &Session, title: &str) -> bool {
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1500.0, 1000.0));
    session
        .harness
        .query_by_label(title)
        .is_some_and(|node| window.intersects(node.rect()))
}

#[test]
fn only_the_cards_in_view_are_laid_out() {
    let session = big_board_session();
    let laid_out = cards_laid_out(&session);
    assert!(laid_out.contains(&"Project 0".to_owned()), "{laid_out:?}");
    assert!(
        (COLUMNS..=80).contains(&laid_out.len()),
        "{} of {CARDS} cards laid out: {laid_out:?}",
        laid_out.len()
    );
    assert!(!laid_out.contains(&"Project 3999".to_owned()));
}

#[test]
fn the_keyboard_reaches_cards_out_of_view() {
    let mut session = big_board_session();
    session.click("Project 0");
    // Right to the last column, which starts out of view, then far down it.
    for _ in 1..COLUMNS {
        session.press(egui::Modifiers::NONE, egui::Key::ArrowRight);
    }
    session.harness.run_steps(20);
    assert_eq!(session.selected_title().as_deref(), Some("Project 7"));
    assert!(in_window(&session, "Project 7"), "the last column scrolled into view");
    for _ in 0..60 {
        session.harness.key_press(egui::Key::ArrowDown);
        session.harness.step();
    }
    session.harness.run_steps(30);
    let expected = format!("Project {}", 7 + 60 * COLUMNS);
    assert_eq!(session.selected_title(), Some(expected.clone()));
    assert!(in_window(&session, &expected), "the selected card scrolled into view");
    assert!(cards_laid_out(&session).len() <= 80);
}

#[test]
fn the_wheel_scrolls_a_long_column_to_its_last_card() {
    let mut session = big_board_session();
    let column = session.harness.get_by_label("Project 0").rect().center();
    // Far more than the column is long.
    session.scroll_wheel(column, 1_000.0);
    let last = format!("Project {}", CARDS - COLUMNS);
    assert!(in_window(&session, &last), "{:?}", cards_laid_out(&session));
    assert!(!in_window(&session, "Project 0"));
}

#[test]
fn at_rest_the_window_asks_for_no_frames() {
    for mut session in [super::sample_session(), big_board_session()] {
        session.wait_for_imports();
        session.click(if session.board().card_count() == CARDS {
            "Project 9"
        } else {
            "TiDB"
        });
        session.wait_for_imports();
        let settled = session.harness.try_run();
        assert!(settled.is_ok(), "still repainting: {settled:?}");
        session.harness.step();
        assert!(
            !session.harness.ctx.has_requested_repaint(),
            "{:?}",
            session.harness.ctx.repaint_causes()
        );
    }
}
