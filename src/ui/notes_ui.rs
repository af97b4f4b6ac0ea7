//! A card's notes in the card editor: rendered Markdown to read and tick, plain text to edit.
//! A click on the rendered notes (or Enter on them, or *Edit notes*) edits them; Esc, a click
//! outside or *Done* shows them rendered again.

use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use super::shown_notes::ShownNotes;
use crate::command::Command;
use crate::model::{BoardEdit, Card, CardId, NoteTask, note_tasks};

/// What the notes section remembers between frames.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NotesView {
    /// The card whose notes are being edited as text; any other card's show rendered.
    editing: Option<CardId>,
    /// Editing just started: the text gets the keyboard, the cursor at its end.
    focus_text: bool,
    /// What is rendered, worked out once per card and board revision.
    rendered: Option<RenderedNotes>,
    viewer: ViewerCache,
}

/// A card's notes ready to render.
#[derive(Clone, Debug, PartialEq)]
struct RenderedNotes {
    card: CardId,
    revision: u64,
    shown: ShownNotes,
    /// The task items of the shown text, as rendered.
    shown_tasks: Vec<NoteTask>,
    /// The task items of the notes.
    tasks: Vec<NoteTask>,
}

/// The renderer's own cache (nothing of the board): a clone starts afresh and any two are equal.
#[derive(Debug, Default)]
struct ViewerCache(CommonMarkCache);

impl Clone for ViewerCache {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for ViewerCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl NotesView {
    /// Whether the card's notes are being edited as text.
    pub fn editing(&self, card: CardId) -> bool {
        self.editing == Some(card)
    }

    /// Works out what to render for the card's notes, unless that was done at this revision.
    fn refresh_rendered(&mut self, card: &Card, revision: u64) {
        let fresh = |rendered: &RenderedNotes| rendered.card == card.id && rendered.revision == revision;
        if !self.rendered.as_ref().is_some_and(fresh) {
            let shown = ShownNotes::of(&card.notes);
            self.rendered = Some(RenderedNotes {
                card: card.id,
                revision,
                shown_tasks: note_tasks(&shown.text),
                shown,
                tasks: note_tasks(&card.notes),
            });
        }
    }
}

/// The notes of `card`: a heading with *Edit notes* or *Done*, then the notes rendered or as text.
/// Either way they scroll within `max_height`, so a long note never stretches the editor.
pub fn notes_ui(ui: &mut egui::Ui, card: &Card, revision: u64, view: &mut NotesView, commands: &mut Vec<Command>) {
    let editing = view.editing(card.id);
    let max_height = (ui.clip_rect().height() * 0.6).max(120.0);
    let (mut start_editing, mut stop_editing) = (false, false);
    let label = ui
        .horizontal(|ui| {
            let label = ui.strong("Notes");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if editing {
                    stop_editing = ui.button("Done").on_hover_text("Show the notes rendered").clicked();
                } else {
                    start_editing = ui
                        .button("Edit notes")
                        .on_hover_text("Edit the notes as Markdown text")
                        .clicked();
                }
            });
            label
        })
        .inner;
    let scroll = egui::ScrollArea::vertical()
        .id_salt(("notes", card.id, editing))
        .max_height(max_height)
        .auto_shrink([false, true]);
    if editing {
        let focus = std::mem::take(&mut view.focus_text);
        let response = scroll
            .show(ui, |ui| notes_text_ui(ui, card, label.id, focus, commands))
            .inner;
        stop_editing |= response.lost_focus();
    } else {
        start_editing |= scroll
            .show(ui, |ui| rendered_notes_ui(ui, card, revision, view, commands))
            .inner;
    }
    if start_editing {
        view.editing = Some(card.id);
        view.focus_text = true;
    } else if stop_editing {
        view.editing = None;
    }
}

/// The notes as text. When `focus`, it takes the keyboard with the cursor at the end.
fn notes_text_ui(
    ui: &mut egui::Ui,
    card: &Card,
    label: egui::Id,
    focus: bool,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let mut text = card.notes.clone();
    let mut output = egui::TextEdit::multiline(&mut text)
        .id_salt(("notes_text", card.id))
        .hint_text("What you saw and heard (Markdown)")
        .desired_rows(12)
        .desired_width(f32::INFINITY)
        .show(ui);
    let response = output.response.response.clone().labelled_by(label);
    if focus {
        let end = egui::text::CCursor::new(text.chars().count());
        output
            .state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        output.state.store(ui.ctx(), response.id);
        response.request_focus();
    }
    if response.changed() {
        commands.push(Command::Edit(BoardEdit::SetCardNotes(card.id, text)));
    }
    response
}

/// The notes rendered: task items tick, web and mail links open through the app. Returns whether
/// the user asked to edit them (a click elsewhere on them, or Enter while they have the keyboard).
fn rendered_notes_ui(
    ui: &mut egui::Ui,
    card: &Card,
    revision: u64,
    view: &mut NotesView,
    commands: &mut Vec<Command>,
) -> bool {
    if card.notes.trim().is_empty() {
        let hint = egui::RichText::new("No notes yet: click to write some (Markdown).").weak();
        return ui.add(egui::Label::new(hint).sense(egui::Sense::click())).clicked();
    }
    view.refresh_rendered(card, revision);
    let builder = egui::UiBuilder::new()
        .id_salt(("rendered_notes", card.id))
        .sense(egui::Sense::click());
    let (mut changed, mut ticked) = (false, None);
    let scope = ui.scope_builder(builder, |ui| {
        // A click on the text edits the notes, so labels must not take it for selecting text.
        ui.style_mut().interaction.selectable_labels = false;
        ui.style_mut().url_in_tooltip = true;
        let links_before = ui.ctx().output(|output| output.commands.len());
        let NotesView { rendered, viewer, .. } = view;
        let Some(rendered) = rendered.as_mut() else {
            return;
        };
        changed = CommonMarkViewer::new()
            .show_mut(ui, &mut viewer.0, &mut rendered.shown.text)
            .response
            .changed();
        open_links_through_app(ui.ctx(), links_before, commands);
        if changed {
            ticked = ticked_task_line(rendered);
        }
    });
    let response = scope
        .response
        .on_hover_cursor(egui::CursorIcon::Text)
        .on_hover_text("Click to edit");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, "Rendered notes"));
    if let Some(line) = ticked {
        commands.push(Command::Edit(BoardEdit::ToggleNoteTask(card.id, line)));
    }
    if changed {
        // The renderer ticked its copy: render the board's notes again, ticked or not.
        view.rendered = None;
    }
    response.clicked()
}

/// The line in the notes of the task the renderer just ticked or unticked in its copy.
fn ticked_task_line(rendered: &RenderedNotes) -> Option<usize> {
    let text = &rendered.shown.text;
    let changed = rendered.shown_tasks.iter().find(|task| {
        let done_now = text
            .get(task.marker + 1..task.marker + 2)
            .is_some_and(|mark| mark != " ");
        done_now != task.done
    })?;
    let in_notes = rendered.shown.original_offset(changed.marker)?;
    rendered
        .tasks
        .iter()
        .find(|task| task.marker == in_notes)
        .map(|task| task.line)
}

/// Hands the links clicked in the notes (sent since `first`) to the app, which opens only http,
/// https and mailto, as for card links; egui would open any address.
fn open_links_through_app(ctx: &egui::Context, first: usize, commands: &mut Vec<Command>) {
    ctx.output_mut(|output| {
        let mut index = 0;
        output.commands.retain(|command| {
            let ours = index >= first;
            index += 1;
            match command {
                egui::OutputCommand::OpenUrl(open) if ours => {
                    commands.push(Command::OpenLink(open.url.clone()));
                    false
                }
                _ => true,
            }
        });
    });
}
