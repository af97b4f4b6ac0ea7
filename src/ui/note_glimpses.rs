//! What a card on the board shows of its notes, worked out once per card and board revision: the
//! Markdown is parsed when the notes change, not every frame.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{Card, CardId, TaskProgress, notes_glimpse, task_progress};

/// Lines of notes a card on the board shows.
pub const GLIMPSE_LINES: usize = 2;

/// A card's notes as its card on the board shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoteGlimpse {
    /// The first lines, as plain text.
    pub lines: Vec<String>,
    /// The notes go on after these lines.
    pub more: bool,
    /// Its task items, ticked and all.
    pub progress: TaskProgress,
}

/// The glimpses of the cards drawn so far, each for the board revision it was made at.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NoteGlimpses {
    glimpses: HashMap<CardId, (u64, Arc<NoteGlimpse>)>,
}

impl NoteGlimpses {
    /// The card's glimpse, made again if the board changed since it was made.
    pub fn of(&mut self, card: &Card, revision: u64) -> Arc<NoteGlimpse> {
        let entry = self
            .glimpses
            .entry(card.id)
            .or_insert_with(|| (revision, Arc::new(glimpse(card))));
        if entry.0 != revision {
            *entry = (revision, Arc::new(glimpse(card)));
        }
        Arc::clone(&entry.1)
    }
}

fn glimpse(card: &Card) -> NoteGlimpse {
    let mut lines = notes_glimpse(&card.notes, GLIMPSE_LINES + 1);
    let more = lines.len() > GLIMPSE_LINES;
    lines.truncate(GLIMPSE_LINES);
    NoteGlimpse {
        lines,
        more,
        progress: task_progress(&card.notes),
    }
}
