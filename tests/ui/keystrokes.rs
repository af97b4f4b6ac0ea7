//! Every key typed lands in the field it was typed into (issue 27): keys typed right after Tab go
//! to the next field even when they come in the same frame. Helpers come from `tests/ui.rs`.

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

fn value(session: &Session, label: &str) -> String {
    session.harness.get_by_label(label).value().unwrap_or_default()
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
