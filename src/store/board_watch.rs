//! Watching a board's folder for what other programs do there: a sync tool replacing the board
//! file, leaving a conflict copy beside it, or bringing an image into its media folder.
//!
//! notify's events are debounced on its own thread and sorted here into news the app takes when
//! it wakes; nothing runs, and no frame is drawn, while the folder is quiet.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use super::watcher::{DebounceEventResult, FolderWatcher, folder_watcher, watch_folder};

use super::board_file::media_dir_for;
use super::conflict_copies::is_conflict_copy;
use crate::model::MediaName;

/// Events for one file closer together than this are one change: sync tools write in steps.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// What happened in the board's folder since the app last looked.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct WatchNews {
    /// The board file was written, replaced or removed.
    pub board_file: bool,
    /// Conflict copies of the board that were written or appeared (as the board path spells them).
    pub conflict_copies: BTreeSet<PathBuf>,
    /// Files that arrived, changed or went away in the board's media folder.
    pub media: BTreeSet<MediaName>,
    /// Of those, the ones gone when the events were sorted.
    pub media_gone: BTreeSet<MediaName>,
    /// Watching failed (the folder went away, too many watches); in words for the user.
    pub error: Option<String>,
}

impl WatchNews {
    /// True when nothing happened.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Called on the watcher's thread when there is news (the app requests a repaint).
pub type OnNews = Box<dyn Fn() + Send + Sync>;

/// Watches one board's folder while it lives.
pub struct BoardWatch {
    news: Arc<Mutex<WatchNews>>,
    /// Shared with the event handler, which adds the media folder when it appears.
    _debouncer: Arc<Mutex<Option<FolderWatcher>>>,
}

impl std::fmt::Debug for BoardWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BoardWatch").finish_non_exhaustive()
    }
}

/// The places the watcher sorts events by, spelled as the file system reports them.
struct Places {
    /// The board file as the app names it, to name its conflict copies the same way.
    board: PathBuf,
    folder: PathBuf,
    board_file: PathBuf,
    media_dir: PathBuf,
}

impl BoardWatch {
    /// Starts watching the folder of the board at `board` (and its media folder, also once it
    /// appears). `on_news` is called whenever there is news to take.
    pub fn start(board: &Path, on_news: OnNews) -> Result<Self, String> {
        let folder = match board.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let failed = |error: &dyn std::fmt::Display| format!("{}: can't watch it: {error}", folder.display());
        // notify reports paths under the folder as it was given; canonical names compare reliably.
        let folder = folder.canonicalize().map_err(|error| failed(&error))?;
        let file_name = board.file_name().unwrap_or_default();
        let board_file = folder.join(file_name);
        let places = Places {
            board: board.to_owned(),
            media_dir: media_dir_for(&board_file),
            board_file,
            folder: folder.clone(),
        };
        let news = Arc::new(Mutex::new(WatchNews::default()));
        let debouncer: Arc<Mutex<Option<FolderWatcher>>> = Arc::new(Mutex::new(None));
        let handler_news = Arc::clone(&news);
        let handler_debouncer = Arc::clone(&debouncer);
        let mut started = folder_watcher(DEBOUNCE, move |result: DebounceEventResult| {
            let media_appeared = {
                let mut news = handler_news.lock().unwrap_or_else(PoisonError::into_inner);
                sort_events(&places, result, &mut news)
            };
            if media_appeared {
                let mut debouncer = handler_debouncer.lock().unwrap_or_else(PoisonError::into_inner);
                if let Some(debouncer) = debouncer.as_mut()
                    && let Err(error) = watch_folder(debouncer, &places.media_dir)
                {
                    log::warn!("{}: can't watch it: {error}", places.media_dir.display());
                }
                // Files that arrived before the watch began are news too.
                let arrived = media_files(&places.media_dir);
                handler_news
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .media
                    .extend(arrived);
            }
            on_news();
        })
        .map_err(|error| failed(&error))?;
        watch_folder(&mut started, &folder).map_err(|error| failed(&error))?;
        let media_dir = media_dir_for(&folder.join(file_name));
        if media_dir.is_dir()
            && let Err(error) = watch_folder(&mut started, &media_dir)
        {
            log::warn!("{}: can't watch it: {error}", media_dir.display());
        }
        *debouncer.lock().unwrap_or_else(PoisonError::into_inner) = Some(started);
        Ok(Self {
            news,
            _debouncer: debouncer,
        })
    }

    /// The news since the last call.
    pub fn take_news(&self) -> WatchNews {
        std::mem::take(&mut *self.news.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// The names of the files in `media_dir` now.
fn media_files(media_dir: &Path) -> Vec<MediaName> {
    std::fs::read_dir(media_dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|entry| MediaName::new(entry.file_name().to_string_lossy().into_owned()).ok())
        .collect()
}

/// Adds what the events say to `news`. Returns true when the media folder itself appeared, so
/// that it can be watched too.
fn sort_events(places: &Places, result: DebounceEventResult, news: &mut WatchNews) -> bool {
    let events = match result {
        Ok(events) => events,
        Err(error) => {
            news.error = Some(format!("{}: watching stopped: {error}", places.folder.display()));
            return false;
        }
    };
    let mut media_appeared = false;
    for event in events {
        let path = event.path;
        if path == places.board_file {
            news.board_file = true;
        } else if path == places.media_dir {
            media_appeared |= path.is_dir();
        } else if path.parent() == Some(places.media_dir.as_path()) {
            let name = path.file_name().map(|name| name.to_string_lossy().into_owned());
            if let Some(name) = name.and_then(|name| MediaName::new(name).ok()) {
                // Looked at here, off the window's thread: a picture of a file gone shows as missing.
                if std::fs::symlink_metadata(&path).is_err() {
                    news.media_gone.insert(name.clone());
                }
                news.media.insert(name);
            }
        } else if path.parent() == Some(places.folder.as_path()) {
            let copy = places.board.with_file_name(path.file_name().unwrap_or_default());
            // A copy that is gone again (filed away after merging) is no news.
            let is_file = std::fs::symlink_metadata(&path).is_ok_and(|metadata| metadata.is_file());
            if is_file && is_conflict_copy(&places.board, &copy) {
                news.conflict_copies.insert(copy);
            }
        }
    }
    media_appeared
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// Waits for news that `done` accepts, gathering what arrives.
    fn wait_for(watch: &BoardWatch, woken: &mpsc::Receiver<()>, done: impl Fn(&WatchNews) -> bool) -> WatchNews {
        let mut gathered = WatchNews::default();
        while !done(&gathered) {
            woken
                .recv_timeout(Duration::from_secs(20))
                .expect("the watcher reports within 20 s");
            let news = watch.take_news();
            gathered.board_file |= news.board_file;
            gathered.conflict_copies.extend(news.conflict_copies);
            gathered.media.extend(news.media);
            gathered.media_gone.extend(news.media_gone);
            gathered.error = gathered.error.or(news.error);
        }
        gathered
    }

    #[test]
    fn reports_the_board_its_conflict_copies_and_images_arriving_in_a_new_media_folder() {
        let dir = tempfile::tempdir().unwrap();
        let board = dir.path().join("kubecon.json");
        std::fs::write(&board, b"{}").unwrap();
        let (wake, woken) = mpsc::channel();
        let wake = Mutex::new(wake);
        let watch = BoardWatch::start(
            &board,
            Box::new(move || {
                let _ = wake.lock().unwrap().send(());
            }),
        )
        .unwrap();

        std::fs::write(dir.path().join("notes.txt"), b"unrelated").unwrap();
        std::fs::write(&board, b"{\"changed\": true}").unwrap();
        let copy = board.with_file_name("kubecon.sync-conflict-20181211-143005-ABCDEFG.json");
        std::fs::write(&copy, b"{}").unwrap();
        let news = wait_for(&watch, &woken, |news| {
            news.board_file && !news.conflict_copies.is_empty()
        });
        assert_eq!(news.conflict_copies, BTreeSet::from([copy]));
        assert!(news.media.is_empty());

        // The media folder arrives with the first synced image, after the watch started.
        let media = media_dir_for(&board);
        std::fs::create_dir(&media).unwrap();
        let first = "0123456789abcdef0123456789abcdef.png";
        std::fs::write(media.join(first), b"png").unwrap();
        let news = wait_for(&watch, &woken, |news| !news.media.is_empty() || news.error.is_some());
        assert!(news.media.contains(&MediaName::new(first).unwrap()), "{news:?}");
        let second = "fedcba9876543210fedcba9876543210.png";
        std::fs::write(media.join(second), b"png").unwrap();
        let news = wait_for(&watch, &woken, |news| {
            news.media.contains(&MediaName::new(second).unwrap())
        });
        assert_eq!(news.error, None);

        // Reading is not news: the app reads the board back after each save, and reads images.
        std::fs::read(&board).unwrap();
        std::fs::read(media.join(second)).unwrap();
        assert!(woken.recv_timeout(DEBOUNCE * 4).is_err(), "{:?}", watch.take_news());
    }
}
