//! The board being worked on, and when its edits go to disk.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::crash_recovery::RecoveryOffer;
use crate::diagnostics::newest_crash_report;
use crate::model::{Board, BoardEdit, Changed, Created, EditError, History, MediaName, MergeReport, Travel, merge};
use crate::store::{
    self, BoardLock, BoardWatch, Fingerprint, LoadError, OnNews, OutsideVersion, Replace, SaveError, SaveReport,
    SaveRequest, WatchNews,
};
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
    /// Whether this window is the board's one writer.
    access: Access,
    /// What the file may hold for the next save to go ahead.
    replace: Replace,
    /// Why another program's version of the file can't be merged; saving stops until the user
    /// chooses whose version to keep.
    changed_outside: Option<String>,
    /// The board as its file holds it (last read or written here): the base for merging another
    /// program's version with the edits not saved yet.
    on_disk: Box<Board>,
    /// Whether the file is to be read again, to merge what another program wrote there.
    outside_check: OutsideCheck,
    /// Conflict copies merged into the board, with the generation that holds them: filed away
    /// once a save of that generation is on disk.
    merged_copies: Vec<(PathBuf, u64)>,
    /// Watches the board's folder for other programs' changes, when that could start.
    watch: Option<BoardWatch>,
    history: History,
    /// Counts edits; a save carries the count it saved.
    generation: u64,
    saved_generation: u64,
    in_flight: Option<u64>,
    first_unsaved_edit: Option<Instant>,
    last_edit: Option<Instant>,
    failure: Option<(String, Instant)>,
    /// A board a crashed window kept beside this one, until the user chooses.
    recovery: Option<RecoveryOffer>,
}

/// Whether this window may write the board file.
#[derive(Debug)]
enum Access {
    /// It holds the lock: it is the one writer.
    Writer(BoardLock),
    /// Another Boothboard writes it (or it can't be locked); why, in words for the user.
    ReadOnly(String),
}

/// Reading the board file again after another program may have written it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OutsideCheck {
    Idle,
    /// To start once no save is under way (a save changes what the file should hold).
    Wanted,
    /// Reading, expecting to find this; `again` when the file changed after the read began.
    Running {
        expected: Option<Fingerprint>,
        again: bool,
    },
}

/// What merging another program's version of the board did.
#[derive(Debug, Default)]
pub struct Merged {
    /// What the merge found.
    pub report: MergeReport,
    /// Images the merged cards name that this board did not: they may still be on their way.
    pub new_images: Vec<MediaName>,
    /// Whether the board on screen changed.
    pub changed: bool,
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
    /// A board as loaded from (or just written to) `path`. Takes the board's lock, or opens it
    /// read only when another Boothboard holds it.
    pub fn new(path: PathBuf, board: Board) -> Self {
        let access = match BoardLock::acquire(&path) {
            Ok(lock) => Access::Writer(lock),
            Err(error) => {
                log::warn!("opening read only: {error}");
                Access::ReadOnly(error.to_string())
            }
        };
        // Read after the lock is taken, so no Boothboard can write between this and our saves.
        let replace = Replace::Known(store::fingerprint_for(&path, &board));
        Self::with_access(path, board, access, replace)
    }

    fn with_access(path: PathBuf, board: Board, access: Access, replace: Replace) -> Self {
        Self {
            path,
            on_disk: Box::new(board.clone()),
            board,
            access,
            replace,
            changed_outside: None,
            outside_check: OutsideCheck::Idle,
            merged_copies: Vec::new(),
            watch: None,
            history: History::default(),
            generation: 0,
            saved_generation: 0,
            in_flight: None,
            first_unsaved_edit: None,
            last_edit: None,
            failure: None,
            recovery: None,
        }
    }

    /// Takes over `fresh`: this board's file opened again off the UI thread (reloaded, or picked
    /// again). Keeps this window's lock when it has one (`fresh` could not take it from us), else
    /// takes what `fresh` got. Unsaved edits are dropped (the caller has kept them elsewhere).
    pub fn adopt(&mut self, fresh: OpenBoard) {
        // Generations keep counting: a save of the old content still under way can't mark later
        // edits as saved, and views that cache by revision see the new content.
        let generation = self.generation + 1;
        let in_flight = self.in_flight;
        let recovery = self.recovery.take();
        let watch = self.watch.take();
        *self = match std::mem::replace(&mut self.access, Access::ReadOnly(String::new())) {
            Access::Writer(lock) => Self::with_access(fresh.path, fresh.board, Access::Writer(lock), fresh.replace),
            Access::ReadOnly(_) => fresh,
        };
        self.generation = generation;
        self.saved_generation = generation;
        self.in_flight = in_flight;
        self.recovery = self.recovery.take().or(recovery);
        self.watch = self.watch.take().or(watch);
    }

    /// Starts watching the board's folder for other programs' changes; `on_news` wakes the app.
    /// Without a watch the board still works: a save then finds another program's change.
    pub fn watch_folder(&mut self, on_news: OnNews) {
        match BoardWatch::start(&self.path, on_news) {
            Ok(watch) => self.watch = Some(watch),
            Err(error) => log::warn!("{error}"),
        }
    }

    /// What happened in the board's folder since the last call.
    pub fn take_watch_news(&self) -> WatchNews {
        self.watch.as_ref().map(BoardWatch::take_news).unwrap_or_default()
    }

    /// Looks for a board a crashed window kept beside this one, to offer it back. Only the
    /// writer looks: a read-only window may not act on it. `crash_reports` is where the report
    /// of the crash would be.
    pub fn look_for_recovery(&mut self, crash_reports: &Path) {
        if self.read_only_reason().is_none() {
            self.recovery = store::find_recovery(&self.path, &self.board).map(|found| RecoveryOffer {
                found,
                crash_report: newest_crash_report(crash_reports),
            });
        }
    }

    /// The board a crashed window kept, while the user has not chosen what to do with it.
    pub fn recovery(&self) -> Option<&RecoveryOffer> {
        self.recovery.as_ref()
    }

    /// Takes the offer of a crashed window's board: the user has chosen.
    pub fn take_recovery(&mut self) -> Option<RecoveryOffer> {
        self.recovery.take()
    }

    /// Replaces the whole board, as one change to save. The undo history starts afresh: its
    /// steps describe the board that was replaced.
    pub fn replace_content(&mut self, board: Board, now: Instant) {
        let device = self.board.clock.device();
        self.board = board;
        self.board.adopt_device(device);
        self.history = History::default();
        self.mark_changed(now);
    }

    /// Whether `path` is this board's file (however it is spelled).
    pub fn is_file(&self, path: &Path) -> bool {
        self.path == path
            || std::fs::canonicalize(&self.path)
                .is_ok_and(|own| std::fs::canonicalize(path).is_ok_and(|other| own == other))
    }

    /// Why this window may not change the board, when it may not.
    pub fn read_only_reason(&self) -> Option<&str> {
        match &self.access {
            Access::Writer(_) => None,
            Access::ReadOnly(reason) => Some(reason),
        }
    }

    /// Why the version another program left in the file can't be merged, while it can't;
    /// cleared by [`Self::keep_mine`], a reload, or a version that merges.
    pub fn changed_outside(&self) -> Option<&str> {
        self.changed_outside.as_deref()
    }

    /// The user chose to save their version over another program's; theirs is kept as a copy.
    /// Saved whether or not an edit is pending: the file holds theirs, not the board shown.
    pub fn keep_mine(&mut self, now: Instant) {
        self.changed_outside = None;
        self.replace = Replace::KeepingTheirs;
        self.mark_changed(now);
    }

    /// Asks for the file to be read again: another program may have written it.
    pub fn want_outside_check(&mut self) {
        self.outside_check = match self.outside_check {
            OutsideCheck::Idle | OutsideCheck::Wanted => OutsideCheck::Wanted,
            OutsideCheck::Running { expected, .. } => OutsideCheck::Running { expected, again: true },
        };
    }

    /// Starts a wanted check when it can start: returns what the file should hold. Waits while a
    /// save is under way, and while the user's choice to keep their version is being saved.
    pub fn start_outside_check(&mut self) -> Option<Option<Fingerprint>> {
        let Replace::Known(expected) = self.replace else {
            return None;
        };
        if self.outside_check != OutsideCheck::Wanted || self.in_flight.is_some() {
            return None;
        }
        self.outside_check = OutsideCheck::Running { expected, again: false };
        Some(expected)
    }

    /// Takes what a check found in the file, expecting `expected` there. Another version that
    /// loads is merged with the edits not saved yet (a read-only window just shows it); one that
    /// doesn't stops saving until the user chooses.
    pub fn finish_outside_check(
        &mut self,
        expected: Option<Fingerprint>,
        found: OutsideVersion,
        now: Instant,
    ) -> Option<Merged> {
        let OutsideCheck::Running {
            expected: running,
            again,
        } = self.outside_check
        else {
            return None;
        };
        if running != expected || self.replace != Replace::Known(expected) {
            // A save changed the file meanwhile: what was read may be out of date.
            self.outside_check = OutsideCheck::Wanted;
            return None;
        }
        // What was read is used; a change since is read next.
        self.outside_check = if again {
            OutsideCheck::Wanted
        } else {
            OutsideCheck::Idle
        };
        let (theirs, fingerprint) = match found {
            OutsideVersion::Same => return None,
            OutsideVersion::Unreadable(error) => {
                log::warn!("{error}");
                self.changed_outside = Some(unmergeable_reason(&error));
                return None;
            }
            OutsideVersion::Changed(theirs, fingerprint) => (theirs, fingerprint),
        };
        self.changed_outside = None;
        self.replace = Replace::Known(Some(fingerprint));
        if self.read_only_reason().is_some() {
            // The writer saved: show what it saved.
            let changed = self.board != *theirs;
            self.board = (*theirs).clone();
            self.on_disk = theirs;
            self.generation += 1;
            self.saved_generation = self.generation;
            return changed.then(|| Merged {
                changed,
                ..Merged::default()
            });
        }
        let merged = self.merge_in(&theirs);
        self.on_disk = theirs;
        if self.board == *self.on_disk {
            // Nothing of ours to add: the file holds the board as shown.
            self.saved_generation = self.generation;
            self.first_unsaved_edit = None;
        } else {
            self.mark_changed(now);
        }
        Some(merged)
    }

    /// Merges a conflict copy a sync tool left beside the board; `copy` is filed away once the
    /// merged board is saved. Not in a read-only window: the writer merges it.
    pub fn merge_conflict_copy(&mut self, copy: PathBuf, theirs: &Board, now: Instant) -> Option<Merged> {
        if self.read_only_reason().is_some() {
            return None;
        }
        // A copy that forked from some earlier version: its stamps tell the sides apart.
        let merged = self.merge_in(theirs);
        self.mark_changed(now);
        self.merged_copies.push((copy, self.generation));
        Some(merged)
    }

    /// The merged conflict copies whose content is now on disk: to file away.
    pub fn merged_copies_saved(&mut self) -> Vec<PathBuf> {
        let saved = self.saved_generation;
        let (done, waiting) = std::mem::take(&mut self.merged_copies)
            .into_iter()
            .partition(|(_, generation)| *generation <= saved);
        self.merged_copies = waiting;
        done.into_iter().map(|(copy, _)| copy).collect()
    }

    fn merge_in(&mut self, theirs: &Board) -> Merged {
        // Changes made to their file by hand are this device's to stamp.
        let theirs = theirs.with_outside_edits_taken(self.board.clock.device());
        let (merged, report) = merge(&self.board, &theirs);
        let images = |board: &Board| -> Vec<MediaName> {
            board
                .cards()
                .flat_map(|card| &card.images)
                .map(|image| image.file.clone())
                .collect()
        };
        let known: std::collections::BTreeSet<MediaName> = images(&self.board).into_iter().collect();
        let new_images = images(&merged)
            .into_iter()
            .filter(|file| !known.contains(file))
            .collect();
        let changed = merged != self.board;
        if changed {
            self.history.forget_changed_by_merge(&self.board, &merged);
            self.history.record_merge_removal(&self.board, &merged);
            self.board = merged;
            // Views that cache by revision see the new content.
            self.generation += 1;
        } else {
            self.board.clock = merged.clock;
        }
        Merged {
            report,
            new_images,
            changed,
        }
    }

    /// Applies an edit, records it for undo and marks the board as changed. While read only,
    /// nothing changes: the board shows what the other Boothboard saved, and the banner says why.
    pub fn apply(&mut self, edit: BoardEdit, now: Instant) -> Result<Created, EditError> {
        self.change(now, |history, board| history.apply(board, edit, now))
    }

    /// Applies one part of a drop of images: later parts join the first part's undo step.
    pub fn apply_part(&mut self, edit: BoardEdit, now: Instant, first: bool) -> Result<Created, EditError> {
        self.change(now, |history, board| history.apply_part(board, edit, now, first))
    }

    /// Makes a change through the history, never while read only.
    fn change(
        &mut self,
        now: Instant,
        change: impl FnOnce(&mut History, &mut Board) -> Result<Created, EditError>,
    ) -> Result<Created, EditError> {
        if self.read_only_reason().is_some() {
            return Ok(Created::Nothing);
        }
        let created = change(&mut self.history, &mut self.board)?;
        self.mark_changed(now);
        Ok(created)
    }

    /// Undoes or redoes one step, if there is one (never while read only).
    pub fn travel(&mut self, travel: Travel, now: Instant) -> Result<Option<Changed>, EditError> {
        if self.read_only_reason().is_some() {
            return Ok(None);
        }
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

    /// True when the file holds the board shown: no edit waits for a save, and no version another
    /// program left there waits for the user's choice (which would leave this board nowhere on
    /// disk). A read-only window saves nothing, so it never waits for anything.
    pub fn all_saved(&self) -> bool {
        self.read_only_reason().is_some() || (!self.has_unsaved_edits() && self.changed_outside.is_none())
    }

    /// Whether a save may start now, whatever the timing: there is something to save, this
    /// window is the writer, no save is under way and no outside edit waits for the user.
    pub fn may_save(&self) -> bool {
        self.has_unsaved_edits()
            && matches!(self.access, Access::Writer(_))
            && self.in_flight.is_none()
            && self.changed_outside.is_none()
    }

    /// Whether a save should start now, given the edit and failure timing.
    pub fn save_due(&self, now: Instant) -> SaveDue {
        if !self.may_save() {
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

    /// Marks a save as started and returns what to write. Call only when [`Self::may_save`].
    pub fn start_save(&mut self) -> SaveRequest {
        self.in_flight = Some(self.generation);
        SaveRequest {
            path: self.path.clone(),
            board: Box::new(self.board.clone()),
            generation: self.generation,
            replace: self.replace,
        }
    }

    /// Takes the saver's report of a save of this board. Returns where another program's
    /// version was kept, when the save put the user's over it.
    pub fn finish_save(&mut self, report: SaveReport, now: Instant) -> Option<PathBuf> {
        if report.path != self.path {
            return None;
        }
        self.in_flight = None;
        match report.result {
            Ok(saved) => {
                self.saved_generation = self.saved_generation.max(report.generation);
                self.replace = Replace::Known(Some(saved.fingerprint));
                self.on_disk = report.board;
                self.failure = None;
                if !self.has_unsaved_edits() {
                    self.first_unsaved_edit = None;
                }
                saved.theirs_kept
            }
            Err(error @ SaveError::ChangedOutside { .. }) => {
                // Another program wrote the file: merge what it wrote, then save again.
                log::info!("{error}");
                self.want_outside_check();
                None
            }
            Err(error) => {
                log::warn!("{error}");
                self.failure = Some((error.to_string(), now + RETRY_INTERVAL));
                None
            }
        }
    }

    /// For the status line.
    pub fn save_status(&self) -> SaveStatus {
        if self.read_only_reason().is_some() {
            return SaveStatus::ReadOnly;
        }
        if self.changed_outside.is_some() {
            // Also with no edit pending: the file holds another program's version, not this one.
            return SaveStatus::ChangedOutside;
        }
        match (&self.failure, self.has_unsaved_edits()) {
            (Some((error, _)), true) => SaveStatus::Failed(error.clone()),
            (_, true) => SaveStatus::Saving,
            (_, false) => SaveStatus::Saved,
        }
    }
}

/// Why a version of the board file can't be merged, for the banner.
fn unmergeable_reason(error: &LoadError) -> String {
    if error.is_not_found() {
        "it was moved or deleted".to_owned()
    } else {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Fingerprint, SaveOutcome, Saved};

    /// A board not yet on disk, in a temporary folder that lives as long as the result.
    fn open() -> (tempfile::TempDir, OpenBoard) {
        let dir = tempfile::tempdir().unwrap();
        let board = OpenBoard::new(dir.path().join("board.json"), Board::new("Test"));
        (dir, board)
    }

    fn report(board: &OpenBoard, generation: u64, ok: bool) -> SaveReport {
        let result = if ok {
            Ok(Saved {
                outcome: SaveOutcome::Written,
                fingerprint: Fingerprint::of(b"saved"),
                theirs_kept: None,
            })
        } else {
            Err(SaveError::Write {
                path: board.path.clone(),
                source: std::io::Error::other("disk full"),
            })
        };
        SaveReport {
            path: board.path.clone(),
            generation,
            result,
            board: Box::new(board.board.clone()),
        }
    }

    #[test]
    fn saves_after_a_pause_and_at_most_a_second_after_the_first_edit() {
        let start = Instant::now();
        let (_dir, mut board) = open();
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
        let (_dir, mut board) = open();
        board.apply(BoardEdit::SetTitle("kept".into()), start).unwrap();
        let generation = board.start_save().generation;
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
        let generation = board.start_save().generation;
        board.finish_save(report(&board, generation, true), start + RETRY_INTERVAL);
        assert_eq!(board.save_status(), SaveStatus::Saved);
    }

    #[test]
    fn a_save_that_finishes_after_a_reload_does_not_count_later_edits_as_saved() {
        let start = Instant::now();
        let (_dir, mut board) = open();
        for title in ["one", "two", "three"] {
            board.apply(BoardEdit::SetTitle(title.into()), start).unwrap();
        }
        let old_save = board.start_save().generation;
        let revision = board.revision();
        let fresh = OpenBoard::new(board.path.clone(), Board::new("Theirs"));
        board.adopt(fresh);
        assert!(board.revision() > revision, "views see new content");
        assert!(!board.has_unsaved_edits());
        board
            .apply(BoardEdit::SetTitle("after the reload".into()), start)
            .unwrap();
        board.finish_save(report(&board, old_save, true), start);
        assert!(
            board.has_unsaved_edits(),
            "the edit after the reload still waits for its save"
        );
        assert_eq!(board.save_due(start + MAX_SAVE_DELAY), SaveDue::Now);
    }

    #[test]
    fn an_edit_during_a_save_is_saved_next() {
        let start = Instant::now();
        let (_dir, mut board) = open();
        board.apply(BoardEdit::SetTitle("one".into()), start).unwrap();
        let generation = board.start_save().generation;
        board.apply(BoardEdit::SetTitle("two".into()), start).unwrap();
        board.finish_save(report(&board, generation, true), start);
        assert!(board.has_unsaved_edits());
        assert_eq!(board.save_due(start + MAX_SAVE_DELAY), SaveDue::Now);
    }

    /// A save that found another program's version in the file.
    fn changed_outside_report(board: &OpenBoard, generation: u64) -> SaveReport {
        SaveReport {
            path: board.path.clone(),
            generation,
            result: Err(SaveError::ChangedOutside {
                path: board.path.clone(),
            }),
            board: Box::new(board.board.clone()),
        }
    }

    #[test]
    fn a_version_that_does_not_load_stops_saving_until_the_user_keeps_theirs_as_a_copy() {
        let start = Instant::now();
        let (_dir, mut board) = open();
        assert_eq!(board.start_save().replace, Replace::Known(None), "no file yet");
        board.apply(BoardEdit::SetTitle("mine".into()), start).unwrap();
        let generation = board.start_save().generation;
        assert_eq!(board.start_outside_check(), None, "nothing wanted yet");
        board.finish_save(changed_outside_report(&board, generation), start);
        let expected = board.start_outside_check().expect("the file is read again");
        assert_eq!(board.start_outside_check(), None, "one check at a time");
        let damaged = OutsideVersion::Unreadable(LoadError::Read {
            path: board.path.clone(),
            source: std::io::Error::other("damaged"),
        });
        assert!(board.finish_outside_check(expected, damaged, start).is_none());
        assert_eq!(board.save_status(), SaveStatus::ChangedOutside);
        assert_eq!(board.save_due(start + RETRY_INTERVAL * 10), SaveDue::No);
        assert!(!board.may_save(), "not even a quit saves over it");
        assert_eq!(board.board.title, "mine");
        board.keep_mine(start);
        assert_eq!(board.save_due(start + MAX_SAVE_DELAY), SaveDue::Now);
        assert_eq!(board.start_save().replace, Replace::KeepingTheirs);
    }

    #[test]
    fn keep_mine_saves_the_board_shown_also_with_no_edit_pending() {
        let start = Instant::now();
        let (_dir, mut board) = open();
        board.want_outside_check();
        let expected = board.start_outside_check().expect("the file is read again");
        let damaged = OutsideVersion::Unreadable(LoadError::Read {
            path: board.path.clone(),
            source: std::io::Error::other("damaged"),
        });
        assert!(board.finish_outside_check(expected, damaged, start).is_none());
        assert!(!board.has_unsaved_edits(), "nothing was typed");
        assert_eq!(
            board.save_status(),
            SaveStatus::ChangedOutside,
            "not \"all changes saved\": the file holds theirs"
        );
        assert!(!board.all_saved(), "quitting now would leave this board nowhere");

        board.keep_mine(start);
        assert_eq!(board.save_status(), SaveStatus::Saving);
        assert_eq!(board.save_due(start + MAX_SAVE_DELAY), SaveDue::Now);
        let request = board.start_save();
        assert_eq!(request.replace, Replace::KeepingTheirs);
        board.finish_save(report(&board, request.generation, true), start);
        assert_eq!(board.save_status(), SaveStatus::Saved);
        assert!(board.all_saved());
    }

    #[test]
    fn another_programs_version_is_merged_with_the_unsaved_edits_and_saved_over_it() {
        let start = Instant::now();
        let (_dir, mut board) = open();
        let column = board.board.columns[0].id;
        let Created::Card(card) = board.apply(BoardEdit::AddCard(column, "Gloo".into()), start).unwrap() else {
            panic!("a card was added");
        };
        board
            .apply(BoardEdit::SetCardSummary(card, "Function gateway".into()), start)
            .unwrap();
        // The other program started from the board as this window opened it.
        let mut theirs = board.on_disk.as_ref().clone();
        theirs.adopt_device(crate::model::DeviceId(7));
        theirs
            .apply(BoardEdit::SetTitle("KubeCon 2018, Seattle".into()))
            .unwrap();
        let fingerprint = Fingerprint::of(b"theirs");

        board.want_outside_check();
        let expected = board.start_outside_check().unwrap();
        let found = OutsideVersion::Changed(Box::new(theirs), fingerprint);
        let merged = board.finish_outside_check(expected, found, start).unwrap();
        assert!(merged.changed);
        assert_eq!(board.board.title, "KubeCon 2018, Seattle");
        assert_eq!(board.board.card(card).map(|card| card.title.as_str()), Some("Gloo"));
        assert_eq!(
            board.history().undo_label().map(ToString::to_string).as_deref(),
            Some("edit summary of “Gloo”"),
            "undo still works"
        );
        assert_eq!(board.save_due(start + MAX_SAVE_DELAY), SaveDue::Now);
        assert_eq!(board.start_save().replace, Replace::Known(Some(fingerprint)));
    }

    #[test]
    fn a_check_overtaken_by_a_save_reads_the_file_again() {
        let start = Instant::now();
        let (_dir, mut board) = open();
        board.want_outside_check();
        let expected = board.start_outside_check().unwrap();
        board.apply(BoardEdit::SetTitle("mine".into()), start).unwrap();
        let generation = board.start_save().generation;
        board.finish_save(report(&board, generation, true), start);
        let stale = OutsideVersion::Changed(Box::new(Board::new("Stale")), Fingerprint::of(b"stale"));
        assert!(board.finish_outside_check(expected, stale, start).is_none());
        assert_eq!(board.board.title, "mine");
        assert!(board.start_outside_check().is_some(), "read again");
    }

    #[test]
    fn a_conflict_copy_is_filed_away_only_once_its_merge_is_saved() {
        let start = Instant::now();
        let (dir, mut board) = open();
        let mut theirs = board.board.clone();
        theirs.adopt_device(crate::model::DeviceId(7));
        let column = theirs.columns[0].id;
        theirs.add_card(column, "TiDB").unwrap();
        let copy = dir.path().join("board.sync-conflict-20181211-143005-ABCDEFG.json");
        let merged = board.merge_conflict_copy(copy.clone(), &theirs, start).unwrap();
        assert_eq!(merged.report.cards_added, 1);
        assert!(board.board.card_by_title("TiDB").is_some());
        assert!(board.merged_copies_saved().is_empty(), "not saved yet");
        let generation = board.start_save().generation;
        assert!(board.merged_copies_saved().is_empty(), "still saving");
        board.finish_save(report(&board, generation, false), start);
        assert!(board.merged_copies_saved().is_empty(), "the save failed");
        let generation = board.start_save().generation;
        board.finish_save(report(&board, generation, true), start);
        assert_eq!(board.merged_copies_saved(), vec![copy]);
        assert!(board.merged_copies_saved().is_empty(), "once");
    }

    #[test]
    fn a_second_window_on_a_locked_board_never_saves() {
        let (_dir, writer) = open();
        let mut second = OpenBoard::new(writer.path.clone(), Board::new("Test"));
        let reason = second.read_only_reason().unwrap_or_default().to_owned();
        assert!(reason.contains("open in another Boothboard"), "{reason}");
        assert_eq!(second.save_status(), SaveStatus::ReadOnly);
        second
            .apply(BoardEdit::SetTitle("ignored".into()), Instant::now())
            .unwrap();
        assert_eq!(second.board.title, "Test", "edits are refused");
        assert!(!second.may_save());
        drop(writer);
        let fresh = OpenBoard::new(second.path.clone(), Board::new("Test"));
        second.adopt(fresh);
        assert_eq!(second.read_only_reason(), None, "trying again takes the free lock");
    }
}
