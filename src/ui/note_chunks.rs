//! Rendered notes in pieces of whole top-level blocks (paragraphs, lists, tables, code blocks…),
//! so that a frame renders only the pieces in view, however long the notes are.

use std::hash::{DefaultHasher, Hash, Hasher};

use pulldown_cmark::{Event, Parser};

use crate::model::{NoteTask, note_tasks, notes_markdown_options};

/// A piece holds blocks until it has at least this many bytes.
const CHUNK_BYTES: usize = 600;

/// Some whole top-level blocks of the text to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteChunk {
    /// The blocks as written, then the text's link reference definitions, so `[a][ref]` finds its
    /// `[ref]: address` wherever that is.
    pub text: String,
    /// Where the blocks start in the whole text.
    pub start: usize,
    /// The task items in [`Self::text`].
    pub tasks: Vec<NoteTask>,
    /// Tells pieces of different text apart, so a piece keeps its measured height across edits.
    pub key: u64,
}

/// `text` cut before top-level blocks into pieces of at least [`CHUNK_BYTES`] (the last may be
/// smaller). Each piece renders as its blocks do in the whole text.
pub fn note_chunks(text: &str) -> Vec<NoteChunk> {
    let mut parser = Parser::new_ext(text, notes_markdown_options()).into_offset_iter();
    let mut depth = 0usize;
    let mut cuts = vec![0];
    for (event, range) in parser.by_ref() {
        match event {
            Event::Start(_) => {
                let last = cuts.last().copied().unwrap_or_default();
                if depth == 0 && range.start >= last + CHUNK_BYTES {
                    cuts.push(range.start);
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let mut definitions: Vec<_> = parser
        .reference_definitions()
        .iter()
        .map(|(_, definition)| definition.span.clone())
        .collect();
    definitions.sort_by_key(|span| span.start);
    let references: String = definitions
        .into_iter()
        .filter_map(|span| text.get(span))
        .fold(String::new(), |all, definition| all + "\n\n" + definition.trim_end());
    let ends = cuts.iter().skip(1).copied().chain([text.len()]);
    cuts.iter()
        .zip(ends)
        .map(|(start, end)| {
            let mut piece = text.get(*start..end).unwrap_or_default().to_owned();
            piece.push_str(&references);
            let mut hasher = DefaultHasher::new();
            piece.hash(&mut hasher);
            NoteChunk {
                tasks: note_tasks(&piece),
                start: *start,
                key: hasher.finish(),
                text: piece,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_whole_blocks_that_together_are_the_text() {
        let block = |n: usize| format!("Paragraph {n} {}\n\n- [ ] task {n}\n- item\n\n", "word ".repeat(30));
        let text: String = (0..10).map(block).collect();
        let chunks = note_chunks(&text);
        assert!(chunks.len() > 2, "{} pieces", chunks.len());
        let joined: String = chunks.iter().map(|chunk| chunk.text.as_str()).collect();
        assert_eq!(joined, text);
        for chunk in &chunks {
            let starts_a_block = chunk.text.starts_with("Paragraph ") || chunk.text.starts_with("- [ ] task");
            assert!(starts_a_block, "{:?}", chunk.text);
            assert_eq!(text.get(chunk.start..chunk.start + 10), chunk.text.get(..10));
        }
        let tasks: usize = chunks.iter().map(|chunk| chunk.tasks.len()).sum();
        assert_eq!(tasks, 10);
    }

    #[test]
    fn a_long_list_stays_in_one_piece_and_short_text_is_one_piece() {
        let list: String = (0..200).map(|n| format!("{n}. item\n")).collect();
        assert_eq!(note_chunks(&list).len(), 1);
        assert_eq!(note_chunks("short").len(), 1);
        assert_eq!(note_chunks("").len(), 1);
    }

    #[test]
    fn every_piece_gets_the_link_reference_definitions() {
        let text = format!(
            "[TiKV][t] {}\n\n{}\n\n[t]: https://tikv.org",
            "x".repeat(700),
            "y".repeat(700)
        );
        let chunks = note_chunks(&text);
        assert_eq!(chunks.len(), 2);
        for chunk in chunks {
            assert!(chunk.text.ends_with("\n\n[t]: https://tikv.org"), "{:?}", chunk.text);
        }
    }
}
