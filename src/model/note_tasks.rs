//! Task items in a card's notes (`- [ ]` and `- [x]`): where they are, how many are done, and
//! ticking one. Found by a CommonMark parser, so `[ ]` in code or in running text is no task.

use pulldown_cmark::{Event, Options, Parser};

/// The Markdown a card's notes are read as: CommonMark with GitHub's tables, task lists and
/// strikethrough, plus footnotes and definition lists, as the card editor renders them.
pub fn notes_markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_DEFINITION_LIST
}

/// A task item in a note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoteTask {
    /// The line it is on, from 0 (lines end at `\n`, `\r\n` or `\r`, as in CommonMark).
    pub line: usize,
    /// Byte offset of its `[ ]` or `[x]`.
    pub marker: usize,
    /// Whether it is ticked.
    pub done: bool,
}

/// How many of a note's tasks are done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TaskProgress {
    /// Ticked tasks.
    pub done: usize,
    /// All tasks.
    pub total: usize,
}

/// The task items of `notes`, in order.
///
/// ```
/// use boothboard::model::note_tasks;
/// let tasks = note_tasks("Ask about:\n- [x] Raft\n- [ ] TiKV\n`- [ ] code`");
/// assert_eq!(tasks.iter().map(|task| (task.line, task.done)).collect::<Vec<_>>(), [(1, true), (2, false)]);
/// ```
pub fn note_tasks(notes: &str) -> Vec<NoteTask> {
    let starts = line_starts(notes);
    Parser::new_ext(notes, notes_markdown_options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::TaskListMarker(done) => Some(NoteTask {
                line: starts.partition_point(|start| *start <= range.start).saturating_sub(1),
                marker: range.start,
                done,
            }),
            _ => None,
        })
        .collect()
}

/// How many of the tasks in `notes` are done; `total` is 0 when there are none.
pub fn task_progress(notes: &str) -> TaskProgress {
    let tasks = note_tasks(notes);
    TaskProgress {
        done: tasks.iter().filter(|task| task.done).count(),
        total: tasks.len(),
    }
}

/// `notes` with the task on `line` ticked if it was not, unticked if it was: only its `[ ]` or
/// `[x]` changes. `None` if that line holds no task. (A line holds at most one: a task marker
/// starts a list item's first paragraph.)
///
/// ```
/// use boothboard::model::toggle_task;
/// assert_eq!(toggle_task("- [ ] Raft\n- [ ] TiKV", 1).as_deref(), Some("- [ ] Raft\n- [x] TiKV"));
/// assert_eq!(toggle_task("- [X] Raft", 0).as_deref(), Some("- [ ] Raft"));
/// assert_eq!(toggle_task("Raft", 0), None);
/// ```
pub fn toggle_task(notes: &str, line: usize) -> Option<String> {
    let task = note_tasks(notes).into_iter().find(|task| task.line == line)?;
    let before = notes.get(..task.marker)?;
    let after = notes.get(task.marker + "[ ]".len()..)?;
    let marker = if task.done { "[ ]" } else { "[x]" };
    Some(format!("{before}{marker}{after}"))
}

/// Byte offsets where each line of `text` starts; the first is 0.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let bytes = text.as_bytes();
    for (index, byte) in bytes.iter().enumerate() {
        let ends_line = match byte {
            b'\n' => true,
            // `\r\n` ends the line at its `\n`.
            b'\r' => bytes.get(index + 1) != Some(&b'\n'),
            _ => false,
        };
        if ends_line {
            starts.push(index + 1);
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use proptest::test_runner::FileFailurePersistence;

    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        let starts = line_starts(text);
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        starts
            .iter()
            .zip(ends)
            .map(|(start, end)| text.get(*start..end).unwrap())
            .collect()
    }

    #[test]
    fn tasks_are_found_in_lists_quotes_and_nested_lists_but_not_in_code() {
        let notes = "# Booth\n- [ ] a\n  - [x] b\n> - [X] c\n\n```\n- [ ] d\n```\n    - [ ] e\nText [ ] f\n1. [ ] g";
        let found: Vec<(usize, bool)> = note_tasks(notes).iter().map(|task| (task.line, task.done)).collect();
        assert_eq!(found, [(1, false), (2, true), (3, true), (10, false)]);
        assert_eq!(task_progress(notes), TaskProgress { done: 2, total: 4 });
        assert_eq!(task_progress("no tasks"), TaskProgress::default());
    }

    #[test]
    fn lines_end_at_any_commonmark_line_ending() {
        assert_eq!(lines("a\r\nb\rc\nd"), ["a\r\n", "b\r", "c\n", "d"]);
        let notes = "- [ ] a\r- [ ] b\r\n- [ ] c";
        assert_eq!(toggle_task(notes, 1).as_deref(), Some("- [ ] a\r- [x] b\r\n- [ ] c"));
        assert_eq!(toggle_task(notes, 2).as_deref(), Some("- [ ] a\r- [ ] b\r\n- [x] c"));
    }

    #[test]
    fn toggling_a_line_without_a_task_gives_nothing() {
        assert_eq!(toggle_task("- [ ] a\nplain", 1), None);
        assert_eq!(toggle_task("- [ ] a", 5), None);
        assert_eq!(toggle_task("```\n- [ ] a\n```", 1), None);
    }

    fn config(cases: u32) -> ProptestConfig {
        ProptestConfig {
            cases,
            failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
            ..ProptestConfig::default()
        }
    }

    /// Notes made of task lines, list lines, code fences, quotes and any text, with any line ending.
    fn notes() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            Just("- [ ] task".to_owned()),
            Just("- [x] done".to_owned()),
            Just("  * [X] nested".to_owned()),
            Just("> - [ ] quoted".to_owned()),
            Just("```".to_owned()),
            Just("- plain item".to_owned()),
            Just(String::new()),
            any::<String>(),
        ];
        let ending = prop::sample::select(vec!["\n", "\r\n", "\r"]);
        prop::collection::vec((line, ending), 0..12)
            .prop_map(|lines| lines.into_iter().map(|(line, ending)| line + ending).collect())
    }

    proptest! {
        #![proptest_config(config(512))]

        #[test]
        fn toggling_a_task_changes_only_its_line_and_twice_changes_nothing(notes in notes(), pick in any::<prop::sample::Index>()) {
            let tasks = note_tasks(&notes);
            prop_assume!(!tasks.is_empty());
            let task = tasks[pick.index(tasks.len())];
            let toggled = toggle_task(&notes, task.line).unwrap();
            let (before, after) = (lines(&notes), lines(&toggled));
            prop_assert_eq!(before.len(), after.len());
            for (index, (old, new)) in before.iter().zip(&after).enumerate() {
                if index == task.line {
                    prop_assert_ne!(old, new);
                } else {
                    prop_assert_eq!(old, new, "line {} changed", index);
                }
            }
            let done_after = note_tasks(&toggled).into_iter().find(|t| t.line == task.line).map(|t| t.done);
            prop_assert_eq!(done_after, Some(!task.done));
            // Twice gives the note back, with an `[X]` written as `[x]`.
            let mut expected = notes.clone();
            if task.done {
                expected.replace_range(task.marker..task.marker + 3, "[x]");
            }
            prop_assert_eq!(toggle_task(&toggled, task.line), Some(expected));
        }
    }
}
