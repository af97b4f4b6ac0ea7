//! A card's notes in the card editor: rendered Markdown to read and tick, plain text to edit.
//! A click on the rendered notes (or Enter on them, or *Edit notes*) edits them; Esc, a click
//! outside or *Done* shows them rendered again.

use std::collections::HashMap;

use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use super::carried_cursor::carried_offset;
use super::note_chunks::{NoteChunk, note_chunks};
use super::shown_notes::ShownNotes;
use crate::command::Command;
use crate::model::{BoardEdit, Card, CardId, NoteTask, note_tasks};
use crate::tr;

/// What the notes section remembers between frames.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NotesView {
    /// The card whose notes are being edited as text; any other card's show rendered.
    editing: Option<CardId>,
    /// Editing just started: the text gets the keyboard, the cursor at its end.
    focus_text: bool,
    /// The notes as the text editor last showed them, so a change from elsewhere (a merge) can
    /// carry the cursor along.
    edited_text: Option<(CardId, String)>,
    /// What is rendered, worked out once per card and board revision.
    rendered: Option<RenderedNotes>,
    /// The height of each piece of the rendered notes as last drawn, by piece and width.
    heights: HashMap<(u64, u32), f32>,
    viewer: ViewerCache,
}

/// A card's notes ready to render.
#[derive(Clone, Debug, PartialEq)]
struct RenderedNotes {
    card: CardId,
    revision: u64,
    shown: ShownNotes,
    /// The shown text in pieces, rendered one by one.
    chunks: Vec<NoteChunk>,
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

    /// Whether the text waits to get the keyboard, as it is next drawn.
    pub fn focus_requested(&self) -> bool {
        self.focus_text
    }

    /// Edits the card's notes as text, the cursor at their end, as *Edit notes* does.
    pub fn edit(&mut self, card: CardId) {
        self.editing = Some(card);
        self.focus_text = true;
    }

    /// Works out what to render for the card's notes, unless that was done at this revision.
    fn refresh_rendered(&mut self, card: &Card, revision: u64) {
        let fresh = |rendered: &RenderedNotes| rendered.card == card.id && rendered.revision == revision;
        if !self.rendered.as_ref().is_some_and(fresh) {
            if self.rendered.as_ref().is_some_and(|rendered| rendered.card != card.id) {
                self.heights.clear();
            }
            let shown = ShownNotes::of(&card.notes);
            self.rendered = Some(RenderedNotes {
                card: card.id,
                revision,
                chunks: note_chunks(&shown.text),
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
            let label = ui.strong(tr!("notes-heading"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if editing {
                    stop_editing = ui.button(tr!("done")).on_hover_text(tr!("notes-done-hover")).clicked();
                } else {
                    start_editing = ui
                        .button(tr!("notes-edit"))
                        .on_hover_text(tr!("notes-edit-hover"))
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
            .show(ui, |ui| {
                notes_text_ui(ui, card, label.id, focus, &mut view.edited_text, commands)
            })
            .inner;
        stop_editing |= response.lost_focus();
    } else if card.notes.trim().is_empty() {
        let hint = egui::RichText::new(tr!("notes-empty")).weak();
        start_editing |= ui.add(egui::Label::new(hint).sense(egui::Sense::click())).clicked();
    } else {
        start_editing |= scroll
            .show_viewport(ui, |ui, viewport| {
                rendered_notes_ui(ui, viewport, card, revision, view, commands)
            })
            .inner;
    }
    if start_editing {
        view.edit(card.id);
    } else if stop_editing {
        view.editing = None;
    }
}

/// The notes as text. When `focus`, it takes the keyboard with the cursor at the end. When the
/// notes changed since `edited_text` was shown (merged from elsewhere), the cursor moves with the
/// text it was in.
fn notes_text_ui(
    ui: &mut egui::Ui,
    card: &Card,
    label: egui::Id,
    focus: bool,
    edited_text: &mut Option<(CardId, String)>,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let id = ui.make_persistent_id(("notes_text", card.id));
    if let Some((shown_card, shown)) = edited_text.as_ref()
        && *shown_card == card.id
        && *shown != card.notes
        && let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id)
        && let Some(range) = state.cursor.char_range()
    {
        let carried =
            |cursor: egui::text::CCursor| egui::text::CCursor::new(carried_offset(shown, &card.notes, cursor.index.0));
        let range = egui::text::CCursorRange::two(carried(range.secondary), carried(range.primary));
        state.cursor.set_char_range(Some(range));
        state.store(ui.ctx(), id);
    }
    let mut text = card.notes.clone();
    let mut output = egui::TextEdit::multiline(&mut text)
        .id(id)
        .hint_text(tr!("notes-hint"))
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
        commands.push(Command::Edit(BoardEdit::SetCardNotes(card.id, text.clone())));
    }
    *edited_text = Some((card.id, text));
    response
}

/// The notes rendered, only the pieces within `viewport` (the part of the notes in view): task
/// items tick, web and mail links open through the app. Returns whether the user asked to edit
/// them (a click elsewhere on them, or Enter while they have the keyboard).
fn rendered_notes_ui(
    ui: &mut egui::Ui,
    viewport: egui::Rect,
    card: &Card,
    revision: u64,
    view: &mut NotesView,
    commands: &mut Vec<Command>,
) -> bool {
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
        let NotesView {
            rendered,
            heights,
            viewer,
            ..
        } = view;
        let Some(RenderedNotes {
            shown, chunks, tasks, ..
        }) = rendered.as_mut()
        else {
            return;
        };
        let width = ui.available_width();
        let row = ui.text_style_height(&egui::TextStyle::Body);
        let origin = ui.cursor().top();
        for (index, chunk) in chunks.iter_mut().enumerate() {
            let key = (chunk.key, width.to_bits());
            let top = ui.cursor().top() - origin;
            let height = heights
                .get(&key)
                .copied()
                .unwrap_or_else(|| estimated_height(&chunk.text, width, row));
            if top + height < viewport.min.y || top > viewport.max.y {
                ui.add_space(height);
                continue;
            }
            let chunk_changed = ui
                .push_id(index, |ui| {
                    let viewer = CommonMarkViewer::new().show_mut(ui, &mut viewer.0, &mut chunk.text);
                    // Between pieces as between paragraphs within one.
                    ui.add_space(row / 2.0);
                    viewer.response.changed()
                })
                .inner;
            heights.insert(key, ui.cursor().top() - origin - top);
            if chunk_changed {
                changed = true;
                ticked = ticked_task_line(shown, tasks, chunk);
            }
        }
        open_links_through_app(ui.ctx(), links_before, commands);
    });
    let response = scope
        .response
        .on_hover_cursor(egui::CursorIcon::Text)
        .on_hover_text(tr!("notes-click-to-edit"));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, tr!("notes-rendered")));
    if let Some(line) = ticked {
        commands.push(Command::Edit(BoardEdit::ToggleNoteTask(card.id, line)));
    }
    if changed {
        // The renderer ticked its copy: render the board's notes again, ticked or not.
        view.rendered = None;
    }
    response.clicked()
}

/// About how tall a piece renders before it has been drawn: a row per line, and per wrap.
fn estimated_height(text: &str, width: f32, row: f32) -> f32 {
    let chars_per_row = (width / (row * 0.45)).max(1.0);
    let rows: f32 = text
        .lines()
        .map(|line| (line.chars().count() as f32 / chars_per_row).ceil().max(1.0))
        .sum();
    rows * row
}

/// The line in the notes of the task the renderer just ticked or unticked in its copy of `chunk`.
fn ticked_task_line(shown: &ShownNotes, tasks: &[NoteTask], chunk: &NoteChunk) -> Option<usize> {
    let changed = chunk.tasks.iter().find(|task| {
        let mark = chunk.text.get(task.marker + 1..task.marker + 2);
        let done_now = mark.is_some_and(|mark| mark != " ");
        done_now != task.done
    })?;
    let in_notes = shown.original_offset(chunk.start + changed.marker)?;
    tasks.iter().find(|task| task.marker == in_notes).map(|task| task.line)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_ticked_in_a_later_piece_is_found_on_its_line_in_the_notes() {
        let filler = "A paragraph with a [refused link](javascript:x) and ![an image](i.png). ".repeat(12);
        let notes = format!("{filler}\n\n- [ ] first\n\n{filler}\n\n- [x] [second](file:///etc) task\n- [ ] third\n");
        let shown = ShownNotes::of(&notes);
        let tasks = note_tasks(&notes);
        let mut chunks = note_chunks(&shown.text);
        let last = chunks.last_mut().unwrap();
        assert!(last.start > 0, "the tasks are in a later piece");
        let second = last.tasks.iter().find(|task| task.done).unwrap().marker;
        last.text.replace_range(second..second + 3, "[ ]");
        assert_eq!(ticked_task_line(&shown, &tasks, last), Some(6));
        assert_eq!(notes.lines().nth(6), Some("- [x] [second](file:///etc) task"));
    }
}
