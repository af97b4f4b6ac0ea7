//! Keys go to the field that has the keyboard when they are typed, however fast (issue 27).
//!
//! egui hands every event of a frame to the widget that has the keyboard while it is drawn, and
//! moves the keyboard on Tab only when the frame ends (on Shift+Tab as the next begins): a person
//! typing faster than the window draws had the keys after a Tab land in the field they had left.
//! The window's own moves are as late: Ctrl+F, a click on Add link, a new card's title take the
//! keyboard after the frame that asked for them. So a frame's input ends after any event that may
//! move the keyboard, and the events after it wait for the next frame; and when the window will
//! give the keyboard to a field in the next frame, that frame gets no input, so the keys reach
//! the field once it has the keyboard. Only the pace changes: every event comes, in order.

use std::collections::{HashMap, HashSet};

use egui::{Event, Key, ViewportId};

/// Makes a frame's input end where the keyboard may move. Call once, on the window's context.
pub fn install_focus_first(ctx: &egui::Context) {
    ctx.add_plugin(FocusFirst::default());
}

/// The window gives the keyboard to a field in the next frame: the input waits a frame more,
/// so that no key reaches the field before it has the keyboard.
pub fn hold_input_for_focus(ctx: &egui::Context) {
    let viewport = ctx.viewport_id();
    ctx.with_plugin::<FocusFirst, _>(|plugin| {
        plugin.hold_next.insert(viewport);
    });
}

/// The egui plugin doing it, with what waits, per viewport.
#[derive(Debug, Default)]
struct FocusFirst {
    /// Events held back for the next frame of each viewport, oldest first.
    waiting: HashMap<ViewportId, Vec<Event>>,
    /// Viewports whose next frame gets no new input.
    hold_next: HashSet<ViewportId>,
}

impl egui::Plugin for FocusFirst {
    fn debug_name(&self) -> &'static str {
        "FocusFirst"
    }

    fn input_hook(&mut self, ctx: &egui::Context, input: &mut egui::RawInput) {
        let viewport = input.viewport_id;
        let mut events = self.waiting.remove(&viewport).unwrap_or_default();
        events.append(&mut input.events);
        let held = if self.hold_next.remove(&viewport) {
            std::mem::take(&mut events)
        } else {
            match events.iter().position(may_move_focus) {
                Some(end) => events.split_off(end + 1),
                None => Vec::new(),
            }
        };
        input.events = events;
        if !held.is_empty() {
            self.waiting.insert(viewport, held);
            // Nothing else may come to draw the next frame.
            ctx.request_repaint_of(viewport);
        }
    }
}

/// Whether egui or the window may give the keyboard to another widget on this event, or act on
/// it only after the frame: Tab and Shift+Tab, Enter, Escape, the arrows (which move the keyboard
/// between buttons), shortcuts, mouse buttons, and requests of assistive technology.
fn may_move_focus(event: &Event) -> bool {
    match event {
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => {
            modifiers.command
                || modifiers.ctrl
                || matches!(
                    key,
                    Key::Tab
                        | Key::Enter
                        | Key::Escape
                        | Key::ArrowUp
                        | Key::ArrowDown
                        | Key::ArrowLeft
                        | Key::ArrowRight
                )
        }
        Event::PointerButton { .. } | Event::AccessKitActionRequest(_) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use egui::{Event, Key, Modifiers};

    use super::{FocusFirst, hold_input_for_focus, install_focus_first};
    use egui::Plugin as _;

    fn text(text: &str) -> Event {
        Event::Text(text.to_owned())
    }

    fn tab() -> Event {
        Event::Key {
            key: Key::Tab,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    /// The events each of `frames` frames gets, the first given `events`.
    fn frames(plugin: &mut FocusFirst, events: Vec<Event>, frames: usize) -> Vec<Vec<Event>> {
        let ctx = egui::Context::default();
        let mut input = egui::RawInput {
            events,
            ..Default::default()
        };
        (0..frames)
            .map(|_| {
                plugin.input_hook(&ctx, &mut input);
                std::mem::take(&mut input.events)
            })
            .collect()
    }

    #[test]
    fn a_frame_ends_after_a_tab_and_the_keys_after_it_come_next() {
        let mut plugin = FocusFirst::default();
        let typed = vec![text("e"), text("v"), tab(), text("j"), tab(), tab(), text("a")];
        assert_eq!(
            frames(&mut plugin, typed, 5),
            [
                vec![text("e"), text("v"), tab()],
                vec![text("j"), tab()],
                vec![tab()],
                vec![text("a")],
                vec![],
            ]
        );
    }

    #[test]
    fn keys_wait_a_frame_for_a_field_the_window_gives_the_keyboard() {
        let ctx = egui::Context::default();
        install_focus_first(&ctx);
        hold_input_for_focus(&ctx);
        let mut seen = Vec::new();
        for events in [vec![text("V")], vec![text("i")], vec![]] {
            let input = egui::RawInput {
                events,
                ..Default::default()
            };
            let output = ctx.run_ui(input, |ui| {
                seen.push(ui.input(|input| input.events.clone()));
            });
            output.drop_without_applying_deltas();
        }
        assert_eq!(seen, [vec![], vec![text("V"), text("i")], vec![]]);
    }
}
