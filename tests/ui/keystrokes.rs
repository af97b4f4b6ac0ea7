//! Every key typed lands in the field it was typed into (issue 27): keys typed right after Tab go
//! to the next field even when they come in the same frame, and a field keeps its keys while a
//! message above it comes or goes. Helpers come from `tests/ui.rs`.

use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

use super::{Session, sample_session};

/// What a person does at the keyboard: text, or a key.
enum Typed<'a> {
    Text(&'a str),
    Key(Modifiers, Key),
}

/// Presses and releases `key`, as a keyboard sends it.
fn key_events(modifiers: Modifiers, key: Key) -> [Event; 2] {
    [true, false].map(|pressed| Event::Key {
        key,
        physical_key: Some(key),
        pressed,
        repeat: false,
        modifiers,
    })
}

/// Everything in `typed` arrives in the input of ONE frame, a key or a character at a time, as
/// it does when someone types faster than the window draws.
fn type_in_one_frame(session: &mut Session, typed: &[Typed<'_>]) {
    let events = &mut session.harness.input_mut().events;
    for part in typed {
        match part {
            Typed::Text(text) => events.extend(text.chars().map(|c| Event::Text(c.to_string()))),
            Typed::Key(modifiers, key) => events.extend(key_events(*modifiers, *key)),
        }
    }
    session.harness.step();
    session.harness.run_steps(3);
}

/// Types `text` a character per frame: a quick typist on a window that keeps up.
fn type_a_key_a_frame(session: &mut Session, text: &str) {
    for c in text.chars() {
        session.harness.input_mut().events.push(Event::Text(c.to_string()));
        session.harness.step();
    }
    session.harness.run_steps(2);
}

fn value(session: &Session, label: &str) -> String {
    session.harness.get_by_label(label).value().unwrap_or_default()
}

fn rect(session: &Session, label: &str) -> egui::Rect {
    session.harness.get_by_label(label).rect()
}

/// Clicks a field with the mouse (press and release a frame apart) and waits a frame.
fn click_field(session: &mut Session, label: &str) {
    session.harness.get_by_label(label).click();
    session.harness.step();
}

#[test]
fn keys_typed_after_tab_in_the_same_frame_go_to_the_link_address() {
    let mut session = sample_session();
    session.click("Gloo");
    session.click("Add link");
    assert!(session.harness.get_by_label("Link 3 label").is_focused());

    type_in_one_frame(
        &mut session,
        &[
            Typed::Text("evil"),
            Typed::Key(Modifiers::NONE, Key::Tab),
            Typed::Text("javascript:alert(1)"),
        ],
    );
    assert_eq!(value(&session, "Link 3 label"), "evil");
    assert_eq!(value(&session, "Link 3 address"), "javascript:alert(1)");
    assert!(session.harness.get_by_label("Link 3 address").is_focused());

    // Shift+Tab goes back a frame later in egui: the keys after it still follow it.
    type_in_one_frame(
        &mut session,
        &[
            Typed::Text("x"),
            Typed::Key(Modifiers::SHIFT, Key::Tab),
            Typed::Text("!"),
        ],
    );
    assert_eq!(value(&session, "Link 3 address"), "javascript:alert(1)x");
    assert_eq!(value(&session, "Link 3 label"), "evil!");

    let board = session.wait_for_file("link 3 labelled", |board| {
        let links = &board.card_by_title("Gloo").unwrap().links;
        links.get(2).is_some_and(|link| link.label == "evil!")
    });
    assert_eq!(
        board.card_by_title("Gloo").unwrap().links[2].url,
        "",
        "refused, not saved"
    );
}

#[test]
fn keys_typed_after_tab_in_the_same_frame_go_to_the_summary() {
    let mut session = sample_session();
    session.click("Add card");
    assert!(session.harness.get_by_label("Title").is_focused());
    type_in_one_frame(
        &mut session,
        &[
            Typed::Text("Vitess"),
            Typed::Key(Modifiers::NONE, Key::Tab),
            Typed::Text("Sharded MySQL"),
        ],
    );
    assert_eq!(value(&session, "Title"), "Vitess");
    assert_eq!(value(&session, "Summary"), "Sharded MySQL");
    session.wait_for_file("Vitess with its summary", |board| {
        board
            .card_by_title("Vitess")
            .is_some_and(|card| card.summary == "Sharded MySQL")
    });
}

#[test]
fn keys_typed_right_after_a_click_that_opens_a_field_land_in_it() {
    let mut session = sample_session();
    session.click("Gloo");
    // The field is drawn, and given the keyboard, in the frame after the click.
    session.harness.get_by_label("Add link").click();
    session.harness.step();
    type_in_one_frame(&mut session, &[Typed::Text("Docs")]);
    assert_eq!(value(&session, "Link 3 label"), "Docs");

    session.harness.get_all_by_label("Add card").next().unwrap().click();
    session.harness.step();
    type_in_one_frame(&mut session, &[Typed::Text("Vitess")]);
    assert_eq!(value(&session, "Title"), "Vitess");
}

/// Gloo with two empty links more, the third refused "foo.dev" (its message shown).
fn gloo_with_a_refused_link_3(leave_by: impl FnOnce(&mut Session)) -> (Session, String) {
    let mut session = sample_session();
    session.click("Gloo");
    session.click("Add link");
    session.click("Add link");
    session.type_into("Link 3 address", "foo.dev");
    leave_by(&mut session);
    let refusal = format!(
        "Link 3 not saved: {}.",
        boothboard::model::saved_url("foo.dev").unwrap_err()
    );
    session.harness.get_by_label(&refusal);
    (session, refusal)
}

#[test]
fn keys_typed_into_link_4_land_there_while_link_3_shows_its_refusal() {
    let (mut session, refusal) = gloo_with_a_refused_link_3(|session| {
        session.press(Modifiers::NONE, Key::Tab);
    });
    let row = rect(&session, "Link 4 address");
    click_field(&mut session, "Link 4 address");
    type_a_key_a_frame(&mut session, "https://bar.dev");

    assert_eq!(value(&session, "Link 4 address"), "https://bar.dev");
    assert_eq!(rect(&session, "Link 4 address"), row, "the row did not move");
    // What was typed into link 3 stays there, with its reason, until link 3 is edited.
    assert_eq!(value(&session, "Link 3 address"), "foo.dev");
    session.harness.get_by_label(&refusal);
    session.wait_for_file("link 4 saved", |board| {
        let links = &board.card_by_title("Gloo").unwrap().links;
        links.get(3).is_some_and(|link| link.url == "https://bar.dev")
    });

    // Link 3 removed: its draft goes with it, and link 4, now the third, shows its own address.
    session.harness.get_all_by_label("Remove").nth(2).unwrap().click();
    session.harness.run_steps(3);
    assert_eq!(value(&session, "Link 3 address"), "https://bar.dev");
    assert!(session.harness.query_by_label_contains("not saved").is_none());
}

#[test]
fn a_field_keeps_its_keys_while_the_refusal_above_it_comes_and_goes() {
    // Link 3 is left by a click into link 4: the refusal appears above the field being typed into.
    let (mut session, refusal) = gloo_with_a_refused_link_3(|session| {
        click_field(session, "Link 4 address");
    });
    type_a_key_a_frame(&mut session, "https://bar.dev");
    assert_eq!(value(&session, "Link 4 address"), "https://bar.dev");

    // Link 3 retyped: its message's line stays while it has the keyboard, so nothing below moves.
    let row = rect(&session, "Link 4 address");
    click_field(&mut session, "Link 3 address");
    session.press(Modifiers::COMMAND, Key::A);
    type_a_key_a_frame(&mut session, "https://foo.dev");
    assert_eq!(value(&session, "Link 3 address"), "https://foo.dev");
    assert!(session.harness.query_by_label(&refusal).is_none(), "the reason is gone");
    assert_eq!(rect(&session, "Link 4 address"), row, "the row below did not move");

    // Left by a click into link 4: the line goes, link 4 moves up with the keyboard in it.
    click_field(&mut session, "Link 4 address");
    // The click put the cursor where it landed, mid-address; End takes it to the end.
    session.press(Modifiers::NONE, Key::End);
    type_a_key_a_frame(&mut session, "/talk");
    assert_eq!(value(&session, "Link 4 address"), "https://bar.dev/talk");
    assert!(
        rect(&session, "Link 4 address").top() < row.top(),
        "the line under link 3 is gone"
    );
    let board = session.wait_for_file("both links saved", |board| {
        let urls: Vec<_> = board
            .card_by_title("Gloo")
            .unwrap()
            .links
            .iter()
            .map(|link| link.url.clone())
            .collect();
        urls.get(2..) == Some(&["https://foo.dev".to_owned(), "https://bar.dev/talk".to_owned()][..])
    });
    assert_eq!(board.card_by_title("Gloo").unwrap().links.len(), 4);
}
