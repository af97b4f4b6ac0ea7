//! Saving on a named worker thread, so the UI never waits for the disk.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use super::{Replace, SaveError, Saved, board_file};
use crate::model::Board;

/// One state of a board to write.
#[derive(Debug)]
pub struct SaveRequest {
    /// The board file.
    pub path: PathBuf,
    /// The board as edited.
    pub board: Box<Board>,
    /// Which state of the board this is.
    pub generation: u64,
    /// What the file may hold now for the save to go ahead.
    pub replace: Replace,
}

/// The result of one save, tagged with the edit generation it saved.
#[derive(Debug)]
pub struct SaveReport {
    /// The board file.
    pub path: PathBuf,
    /// Which state of the board was saved.
    pub generation: u64,
    /// What happened.
    pub result: Result<Saved, SaveError>,
    /// The board as it was saved (or was to be): what the file holds after a save that went well.
    pub board: Box<Board>,
}

enum Job {
    Save(SaveRequest),
    Flush(Sender<()>),
}

/// Called from the saver thread after each save (the UI uses it to request a repaint).
pub type OnSaved = Box<dyn Fn() + Send>;

/// A background saver. Saves queued faster than the disk takes them collapse into the newest.
pub struct Saver {
    jobs: Sender<Job>,
    reports: Receiver<SaveReport>,
}

impl std::fmt::Debug for Saver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Saver").finish_non_exhaustive()
    }
}

impl Saver {
    /// Starts the `board-saver` thread.
    pub fn spawn(on_saved: OnSaved) -> std::io::Result<Self> {
        let (jobs, job_receiver) = mpsc::channel();
        let (report_sender, reports) = mpsc::channel();
        std::thread::Builder::new()
            .name("board-saver".to_owned())
            .spawn(move || run(&job_receiver, &report_sender, &on_saved))?;
        Ok(Self { jobs, reports })
    }

    /// Queues a save of this state of the board.
    pub fn save(&self, request: SaveRequest) {
        // The thread lives as long as `self`, so the send only fails if it panicked;
        // then no report comes and the app keeps the edits as unsaved.
        let _ = self.jobs.send(Job::Save(request));
    }

    /// Reports of saves finished since the last call.
    pub fn reports(&self) -> impl Iterator<Item = SaveReport> + '_ {
        self.reports.try_iter()
    }

    /// Waits until every queued save is done, at most `timeout`. Returns false on time-out.
    pub fn wait_until_idle(&self, timeout: Duration) -> bool {
        let (done, wait) = mpsc::channel();
        self.jobs.send(Job::Flush(done)).is_ok() && wait.recv_timeout(timeout).is_ok()
    }
}

fn run(jobs: &Receiver<Job>, reports: &Sender<SaveReport>, on_saved: &OnSaved) {
    while let Ok(first) = jobs.recv() {
        // Take everything queued; only the newest save per file needs writing.
        let mut batch = vec![first];
        batch.extend(jobs.try_iter());
        let mut newest: Vec<SaveRequest> = Vec::new();
        let mut flushes = Vec::new();
        for job in batch {
            match job {
                Job::Save(request) => {
                    newest.retain(|queued| queued.path != request.path);
                    newest.push(request);
                }
                Job::Flush(done) => flushes.push(done),
            }
        }
        for request in newest {
            let result = board_file::save_replacing(&request.path, &request.board, request.replace);
            if reports
                .send(SaveReport {
                    path: request.path,
                    generation: request.generation,
                    result,
                    board: request.board,
                })
                .is_err()
            {
                return;
            }
            on_saved();
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queued_saves_collapse_and_flush_waits_for_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let saver = Saver::spawn(Box::new(|| {})).unwrap();
        let mut board = Board::new("Test");
        for generation in 1..=20 {
            board.title = format!("Title {generation}");
            saver.save(SaveRequest {
                path: path.clone(),
                board: Box::new(board.clone()),
                generation,
                replace: Replace::Anything,
            });
        }
        assert!(saver.wait_until_idle(Duration::from_secs(10)));
        let reports: Vec<_> = saver.reports().collect();
        assert!(reports.iter().all(|report| report.result.is_ok()));
        assert_eq!(reports.last().map(|report| report.generation), Some(20));
        assert_eq!(board_file::load(&path).unwrap().title, "Title 20");
    }
}
