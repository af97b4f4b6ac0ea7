//! The board being worked on, and when its edits go to disk.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::model::{Board, BoardEdit, Changed, Created, EditError, History, Travel};
use crate::store::SaveReport;
use crate::ui::SaveStatus;

/// Save once typing pauses this long…
const QUIET_PERIOD: Duration = Duration::from_millis(300);
/// …but never let an edit wait longer than this.
const MAX_SAVE_DELAY: Duration = Duration::from_secs(1);
/// After a failed save, try again this often.
const RETRY_INTERVAL: Duration = Duration::from_secs(2);

/// An open board with its edit and save bookkeeping.
#[derive(Debug)]
pub struct OpenBoard {
    /// The board file.
    pub path: PathBuf,
    /// The board as edited.
    pub board: Board,
    history: History,
    /// Counts edits; a save carries the count it saved.
    generation: u64,
    saved_generation: u64,
    in_flight: Option<u64>,
    first_unsaved_edit: Option<Instant>,
    last_edit: Option<Instant>,
    failure: Option<(String, Instant)>,
}

/// What to do about saving now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveDue {
    /// Nothing to save, or a save is under way.
    No,
    /// Start a save now.
    Now,
    /// Check again after this long.
    After(Duration),
}

impl OpenBoard {
    /// A board as loaded from (or just written to) `path`.
    pub fn new(path: PathBuf, board: Board) -> Self {
        Self {
            path,
            board,
            history: History::default(),
            generation: 0,
            saved_generation: 0,
            in_flight: None,
            first_unsaved_edit: None,
            last_edit: None,
            failure: None,
        }
    }

    /// Applies an edit, records it for undo and marks the board as changed.
    pub fn apply(&mut self, edit: BoardEdit, now: Instant) -> Result<Created, EditError> {
        let created = self.history.apply(&mut self.board, edit, now)?;
        self.mark_changed(now);
        Ok(created)
    }

    /// Undoes or redoes one step, if there is one.
    pub fn travel(&mut self, travel: Travel, now: Instant) -> Result<Option<Changed>, EditError> {
        let changed = self.history.travel(&mut self.board, travel)?;
        if changed.is_some() {
            self.mark_changed(now);
        }
        Ok(changed)
    }

    /// What can be undone and redone.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Changes whenever the board does, so views can cache what they derive from it.
    pub fn revision(&self) -> u64 {
        self.generation
    }

    fn mark_changed(&mut self, now: Instant) {
        self.generation += 1;
        self.last_edit = Some(now);
        self.first_unsaved_edit.get_or_insert(now);
    }

    /// True while some edit has not reached the file.
    pub fn has_unsaved_edits(&self) -> bool {
        self.saved_generation < self.generation
    }

    /// Whether a save should start now, given the edit and failure timing.
    pub fn save_due(&self, now: Instant) -> SaveDue {
        if !self.has_unsaved_edits() || self.in_flight.is_some() {
            return SaveDue::No;
        }
        let (Some(first), Some(last)) = (self.first_unsaved_edit, self.last_edit) else {
            return SaveDue::Now;
        };
        let mut due = (last + QUIET_PERIOD).min(first + MAX_SAVE_DELAY);
        if let Some((_, retry_at)) = &self.failure {
            due = due.max(*retry_at);
        }
        if now >= due {
            SaveDue::Now
        } else {
            SaveDue::After(due - now)
        }
    }

    /// Marks a save as started and returns what to write.
    pub fn start_save(&mut self) -> (PathBuf, Board, u64) {
        self.in_flight = Some(self.generation);
        (self.path.clone(), self.board.clone(), self.generation)
    }

    /// Takes the saver's report of a save of this board.
    pub fn finish_save(&mut self, report: SaveReport, now: Instant) {
        if report.path != self.path {
            return;
        }
        self.in_flight = None;
        match report.result {
            Ok(_) => {
                self.saved_generation = self.saved_generation.max(report.generation);
                self.failure = None;
                if !self.has_unsaved_edits() {
                    self.first_unsaved_edit = None;
                }
            }
            Err(error) => {
                log::warn!("{error}");
                self.failure = Some((error.to_string(), now + RETRY_INTERVAL));
            }
        }
    }

    /// For the status line.
    pub fn save_status(&self) -> SaveStatus {
        match (&self.failure, self.has_unsaved_edits()) {
            (Some((error, _)), true) => SaveStatus::Failed(error.clone()),
            (_, true) => SaveStatus::Saving,
            (_, false) => SaveStatus::Saved,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{SaveError, SaveOutcome};

    fn open() -> OpenBoard {
        OpenBoard::new(PathBuf::from("board.json"), Board::new("Test"))
    }

    fn report(board: &OpenBoard, generation: u64, ok: bool) -> SaveReport {
        let result = if ok {
            Ok(SaveOutcome::Written)
        } else {
            Err(SaveError {
                path: board.path.clone(),
                source: std::io::Error::other("disk full"),
            })
        };
        SaveReport {
            path: board.path.clone(),
            generation,
            result,
        }
    }

    #[test]
    fn saves_after_a_pause_and_at_most_a_second_after_the_first_edit() {
        let start = Instant::now();
        let mut board = open();
        assert_eq!(board.save_due(start), SaveDue::No);
        board.apply(BoardEdit::SetTitle("a".into()), start).unwrap();
        assert_eq!(board.save_due(start), SaveDue::After(QUIET_PERIOD));
        assert_eq!(board.save_due(start + QUIET_PERIOD), SaveDue::Now);
        // Typing without pause: still saved within a second.
        for step in 1..=10 {
            board
                .apply(
                    BoardEdit::SetTitle(format!("a{step}")),
                    start + Duration::from_millis(step * 100),
                )
                .unwrap();
        }
        assert_eq!(board.save_due(start + MAX_SAVE_DELAY), SaveDue::Now);
    }

    #[test]
    fn a_failed_save_keeps_the_edits_and_retries() {
        let start = Instant::now();
        let mut board = open();
        board.apply(BoardEdit::SetTitle("kept".into()), start).unwrap();
        let (_, _, generation) = board.start_save();
        assert_eq!(
            board.save_due(start + MAX_SAVE_DELAY),
            SaveDue::No,
            "one save at a time"
        );
        board.finish_save(report(&board, generation, false), start);
        assert!(matches!(board.save_status(), SaveStatus::Failed(reason) if reason.contains("disk full")));
        assert_eq!(board.board.title, "kept");
        assert_eq!(
            board.save_due(start + Duration::from_secs(1)),
            SaveDue::After(Duration::from_secs(1))
        );
        assert_eq!(board.save_due(start + RETRY_INTERVAL), SaveDue::Now);
        let (_, _, generation) = board.start_save();
        board.finish_save(report(&board, generation, true), start + RETRY_INTERVAL);
        assert_eq!(board.save_status(), SaveStatus::Saved);
    }

    #[test]
    fn an_edit_during_a_save_is_saved_next() {
        let start = Instant::now();
        let mut board = open();
        board.apply(BoardEdit::SetTitle("one".into()), start).unwrap();
        let (_, _, generation) = board.start_save();
        board.apply(BoardEdit::SetTitle("two".into()), start).unwrap();
        board.finish_save(report(&board, generation, true), start);
        assert!(board.has_unsaved_edits());
        assert_eq!(board.save_due(start + MAX_SAVE_DELAY), SaveDue::Now);
    }
}
