//! The inbox's own thread: notify's debounced events for the folder come in, files are looked at
//! until they stop changing and decode, and each complete image not taken in before is handed on.
//!
//! A file is taken only when complete: after its size and time have stayed the same for
//! [`SETTLE`] and it decodes cleanly. One that is an image in the making (a PNG cut short) is
//! looked at again when it changes, and refused only once it has not changed for [`GIVE_UP`].
//! Each version of a file is refused at most once.

use std::collections::{HashMap, HashSet, VecDeque};
use std::ffi::OsString;
use std::fs::{self, Metadata};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

use super::FolderProblem;
use super::candidate::is_candidate;
use super::memory::ImportedMemory;
use crate::media::{MediaError, prepare_file};
use crate::store::{DebounceEventResult, FolderWatcher, OnNews, folder_watcher, watch_folder};

/// Events for one file closer together than this are one change.
const DEBOUNCE: Duration = Duration::from_millis(200);
/// A file whose size and time stay the same this long is looked at.
const SETTLE: Duration = Duration::from_millis(300);
/// How often files waiting to settle are looked at.
const SETTLE_STEP: Duration = Duration::from_millis(100);
/// A file that is not an image at all is refused once it has not changed for this long…
const REFUSE_NOT_AN_IMAGE: Duration = Duration::from_secs(1);
/// …and an image that does not decode (cut short, damaged) once it has not changed for this long:
/// sync tools and cables can pause between the parts of a large photo.
const GIVE_UP: Duration = Duration::from_secs(10);
/// File times come from a coarse clock that can lag the system's by milliseconds: a file written
/// this long before watching began counts as new.
const CLOCK_SLACK: Duration = Duration::from_secs(1);
/// How often the folder is checked for being there (an unplugged card, a network share gone)…
const FOLDER_CHECK: Duration = Duration::from_secs(5);
/// …and, while it is gone, for being back.
const FOLDER_RETURN_CHECK: Duration = Duration::from_secs(1);

/// What the inbox has to say.
#[derive(Debug)]
pub enum InboxEvent {
    /// A complete image that was not taken in before: take it in, then tell [`InboxWatch::imported`].
    Arrived(Arrival),
    /// A file named as an image that can't be taken in; said once per version of the file.
    Refused(MediaError),
    /// This many images were in the folder when watching began and were left there (offered once,
    /// when asked for at the start).
    AlreadyThere(usize),
    /// The folder is gone, or can't be watched; watching resumes when it is back.
    FolderMissing(FolderProblem),
    /// The folder is back, and watched again.
    FolderBack,
}

/// A complete image in the folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrival {
    /// The file.
    pub path: PathBuf,
    /// The hash of its content, as the media folder names it.
    pub hash: String,
    /// When it was last written: when the screenshot or photo was taken.
    pub modified: SystemTime,
}

/// What the thread is told.
enum Input {
    Changed(Vec<PathBuf>),
    WatchFailed(String),
    Imported { hash: String, name: String },
    ImportExisting,
    Stop,
}

/// A watched inbox folder; the thread stops when this is dropped.
pub struct InboxWatch {
    folder: PathBuf,
    inputs: Sender<Input>,
    events: Receiver<InboxEvent>,
}

impl std::fmt::Debug for InboxWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InboxWatch")
            .field("folder", &self.folder)
            .finish_non_exhaustive()
    }
}

impl InboxWatch {
    /// Starts watching `folder` on a thread of its own, remembering what was taken in at `memory`.
    /// With `offer_existing`, the number of images already there is said once
    /// ([`InboxEvent::AlreadyThere`]). `on_news` is called on that thread whenever there are events.
    pub fn start(folder: PathBuf, memory: PathBuf, offer_existing: bool, on_news: OnNews) -> std::io::Result<Self> {
        let (inputs, received) = mpsc::channel();
        let (events, taken) = mpsc::channel();
        let engine = Engine {
            folder: folder.clone(),
            inputs: inputs.clone(),
            watched: None,
            events,
            on_news,
            memory_path: memory,
            started: SystemTime::now()
                .checked_sub(CLOCK_SLACK)
                .unwrap_or(SystemTime::UNIX_EPOCH),
            baseline: None,
            pending: HashMap::new(),
            backlog: VecDeque::new(),
            refused: HashMap::new(),
            handed_on: HashSet::new(),
            missing: false,
        };
        std::thread::Builder::new()
            .name("inbox-watch".to_owned())
            .spawn(move || engine.run(&received, offer_existing))?;
        Ok(Self {
            folder,
            inputs,
            events: taken,
        })
    }

    /// The folder watched.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The events since the last call.
    pub fn events(&self) -> Vec<InboxEvent> {
        self.events.try_iter().collect()
    }

    /// Remembers that the image with this hash, from the file `name`, was taken in.
    pub fn imported(&self, hash: &str, name: &str) {
        let _ = self.inputs.send(Input::Imported {
            hash: hash.to_owned(),
            name: name.to_owned(),
        });
    }

    /// Hands on the images that were in the folder when watching began (oldest first), except
    /// those taken in before.
    pub fn import_existing(&self) {
        let _ = self.inputs.send(Input::ImportExisting);
    }
}

impl Drop for InboxWatch {
    fn drop(&mut self) {
        let _ = self.inputs.send(Input::Stop);
    }
}

/// A file's size and time: when either changes, the file is still being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Version {
    len: u64,
    modified: Option<SystemTime>,
}

impl Version {
    fn of(metadata: &Metadata) -> Self {
        Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        }
    }
}

/// A file waiting to be complete.
struct Pending {
    version: Version,
    stable_since: Instant,
    /// Looked at in this version, and found not (yet) an image.
    examined: bool,
}

struct Engine {
    folder: PathBuf,
    inputs: Sender<Input>,
    /// The watcher and the folder as it reports paths (canonical).
    watched: Option<(FolderWatcher, PathBuf)>,
    events: Sender<InboxEvent>,
    on_news: OnNews,
    memory_path: PathBuf,
    /// When watching began (less [`CLOCK_SLACK`]): a file from before that was there then is an old one.
    started: SystemTime,
    /// The names of the images in the folder when it was first seen: not taken in by themselves.
    baseline: Option<HashSet<OsString>>,
    pending: HashMap<PathBuf, Pending>,
    /// Files already there to look at, on request, oldest first.
    backlog: VecDeque<PathBuf>,
    /// Versions of files refused, so each is said once.
    refused: HashMap<PathBuf, Version>,
    /// Hashes handed on in this run, so a file written twice over comes in once.
    handed_on: HashSet<String>,
    missing: bool,
}

impl Engine {
    fn run(mut self, received: &Receiver<Input>, offer_existing: bool) {
        let mut memory = ImportedMemory::load(&self.memory_path);
        self.check_folder(None);
        if offer_existing && !self.missing {
            // Those written since watching began are being looked at already.
            let folder = self.watched.as_ref().map(|(_, folder)| folder.clone());
            let count = self
                .baseline
                .iter()
                .flatten()
                .filter(|name| !memory.has_name(&name.to_string_lossy()))
                .filter(|name| {
                    folder
                        .as_ref()
                        .is_none_or(|folder| !self.pending.contains_key(&folder.join(name)))
                })
                .count();
            if count > 0 {
                self.say(vec![InboxEvent::AlreadyThere(count)]);
            }
        }
        let mut next_folder_check = Instant::now() + FOLDER_CHECK;
        loop {
            let now = Instant::now();
            let wait = if !self.backlog.is_empty() {
                Duration::ZERO
            } else if !self.pending.is_empty() {
                SETTLE_STEP
            } else {
                next_folder_check.saturating_duration_since(now)
            };
            match received.recv_timeout(wait) {
                Ok(Input::Changed(paths)) => {
                    for path in paths {
                        self.noticed(&path);
                    }
                }
                Ok(Input::WatchFailed(error)) => {
                    self.check_folder(Some(error));
                }
                Ok(Input::Imported { hash, name }) => {
                    if let Err(error) = memory.remember(&hash, &name) {
                        log::warn!(
                            "{}: can't remember {name} was taken in: {error}",
                            self.memory_path.display()
                        );
                    }
                }
                Ok(Input::ImportExisting) => self.queue_existing(&memory),
                Ok(Input::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => {}
            }
            let mut said = Vec::new();
            if let Some(path) = self.backlog.pop_front() {
                said.extend(self.examine_existing(&path, &memory));
            }
            said.extend(self.examine_settled(&memory));
            if Instant::now() >= next_folder_check {
                self.check_folder(None);
                let every = if self.missing {
                    FOLDER_RETURN_CHECK
                } else {
                    FOLDER_CHECK
                };
                next_folder_check = Instant::now() + every;
            }
            if self.missing {
                next_folder_check = next_folder_check.min(Instant::now() + FOLDER_RETURN_CHECK);
            }
            if !said.is_empty() && !self.say(said) {
                // No one listens any more.
                return;
            }
        }
    }

    /// Hands events on and wakes the listener; false when no one listens any more.
    fn say(&self, events: Vec<InboxEvent>) -> bool {
        for event in events {
            if self.events.send(event).is_err() {
                return false;
            }
        }
        (self.on_news)();
        true
    }

    /// Looks whether the folder is there, and starts or stops watching it accordingly; `error` is
    /// the watcher's failure, if it failed.
    fn check_folder(&mut self, error: Option<String>) {
        let there = fs::metadata(&self.folder).is_ok_and(|metadata| metadata.is_dir());
        if there && error.is_none() {
            if self.watched.is_none() {
                self.begin_watching();
            }
            return;
        }
        if self.missing {
            return;
        }
        self.missing = true;
        self.watched = None;
        self.pending.clear();
        self.backlog.clear();
        let problem = match error {
            Some(error) => FolderProblem::CantWatch(self.folder.clone(), error),
            None => FolderProblem::NotThere(self.folder.clone()),
        };
        self.say(vec![InboxEvent::FolderMissing(problem)]);
    }

    /// Starts the watcher. The first time, the images there are the baseline, left alone unless
    /// written since watching began; after the folder was gone, what arrived meanwhile is looked at.
    fn begin_watching(&mut self) {
        let inputs = self.inputs.clone();
        let started = folder_watcher(DEBOUNCE, move |result: DebounceEventResult| {
            let input = match result {
                Ok(events) => Input::Changed(events.into_iter().map(|event| event.path).collect()),
                Err(error) => Input::WatchFailed(error.to_string()),
            };
            let _ = inputs.send(input);
        })
        .and_then(|mut watcher| {
            watch_folder(&mut watcher, &self.folder)?;
            Ok(watcher)
        });
        let canonical = self.folder.canonicalize();
        let (watcher, canonical) = match (started, canonical) {
            (Ok(watcher), Ok(canonical)) => (watcher, canonical),
            (Err(error), _) => return self.cant_watch(&error.to_string()),
            (_, Err(error)) => return self.cant_watch(&error.to_string()),
        };
        self.watched = Some((watcher, canonical.clone()));
        let names = image_names(&canonical);
        let was_missing = std::mem::take(&mut self.missing);
        if self.baseline.is_none() {
            self.baseline = Some(names.iter().cloned().collect());
        }
        // What was written since watching began (before the watcher was up, or while the folder
        // was gone) is looked at; the rest of the baseline is left alone.
        for name in names {
            self.noticed(&canonical.join(name));
        }
        if was_missing {
            self.say(vec![InboxEvent::FolderBack]);
        }
    }

    fn cant_watch(&mut self, error: &str) {
        if !self.missing {
            self.missing = true;
            let problem = FolderProblem::CantWatch(self.folder.clone(), error.to_owned());
            self.say(vec![InboxEvent::FolderMissing(problem)]);
        }
    }

    /// A change to `path` was reported: a file that may be an image in the making.
    fn noticed(&mut self, path: &Path) {
        let Some((_, folder)) = &self.watched else {
            return;
        };
        if path == folder {
            // The folder itself was removed or renamed: found out at the next check.
            return;
        }
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return;
        };
        if parent != folder || !is_candidate(name) {
            return;
        }
        // Links are not followed: the file must be a regular file in the folder itself.
        let metadata = match fs::symlink_metadata(path) {
            Ok(metadata) if metadata.is_file() => metadata,
            _ => {
                self.pending.remove(path);
                return;
            }
        };
        let version = Version::of(&metadata);
        // Written since watching began; a time ahead of the clock (a camera's clock set wrong, a
        // copy that kept its times) says nothing about when the file came.
        let written_since_start = version
            .modified
            .is_some_and(|modified| modified >= self.started && modified <= SystemTime::now() + CLOCK_SLACK);
        let old = self.baseline.as_ref().is_some_and(|baseline| baseline.contains(name)) && !written_since_start;
        if old || self.refused.get(path) == Some(&version) {
            return;
        }
        let now = Instant::now();
        let pending = self.pending.entry(path.to_owned()).or_insert(Pending {
            version,
            stable_since: now,
            examined: false,
        });
        if pending.version != version {
            *pending = Pending {
                version,
                stable_since: now,
                examined: false,
            };
        }
    }

    /// Looks at the files that have stopped changing.
    fn examine_settled(&mut self, memory: &ImportedMemory) -> Vec<InboxEvent> {
        let now = Instant::now();
        let mut said = Vec::new();
        let paths: Vec<PathBuf> = self.pending.keys().cloned().collect();
        for path in paths {
            let version = match fs::symlink_metadata(&path) {
                Ok(metadata) if metadata.is_file() => Version::of(&metadata),
                // Gone (renamed to its final name, deleted) or replaced by something else.
                _ => {
                    self.pending.remove(&path);
                    continue;
                }
            };
            let Some(pending) = self.pending.get_mut(&path) else {
                continue;
            };
            if pending.version != version {
                *pending = Pending {
                    version,
                    stable_since: now,
                    examined: false,
                };
                continue;
            }
            let stable_for = now.duration_since(pending.stable_since);
            let give_up = stable_for >= GIVE_UP;
            if stable_for < SETTLE || (pending.examined && !give_up) {
                continue;
            }
            pending.examined = true;
            match prepare_file(&path) {
                Ok(prepared) => {
                    self.pending.remove(&path);
                    let hash = prepared.content_hash();
                    said.extend(self.hand_on(&path, hash, version, memory));
                }
                Err(error) if error.is_missing() => {
                    self.pending.remove(&path);
                }
                Err(error) => {
                    let not_an_image = matches!(error, MediaError::NotAnImage { .. });
                    if give_up || (not_an_image && stable_for >= REFUSE_NOT_AN_IMAGE) {
                        self.pending.remove(&path);
                        self.refused.insert(path, version);
                        said.push(InboxEvent::Refused(error));
                    } else if not_an_image {
                        // Perhaps only its first bytes are there: looked at again shortly.
                        pending.examined = false;
                    }
                }
            }
        }
        said
    }

    /// An image found complete, handed on unless it was taken in before.
    fn hand_on(&mut self, path: &Path, hash: String, version: Version, memory: &ImportedMemory) -> Option<InboxEvent> {
        if memory.has_hash(&hash) || !self.handed_on.insert(hash.clone()) {
            log::debug!("{}: taken in before", path.display());
            return None;
        }
        Some(InboxEvent::Arrived(Arrival {
            path: path.to_owned(),
            hash,
            modified: version.modified.unwrap_or_else(SystemTime::now),
        }))
    }

    /// Queues the images that were there when watching began, oldest first, except those whose
    /// names were taken in before.
    fn queue_existing(&mut self, memory: &ImportedMemory) {
        let Some((_, folder)) = &self.watched else {
            return;
        };
        let mut existing: Vec<(Option<SystemTime>, PathBuf)> = self
            .baseline
            .iter()
            .flatten()
            .filter(|name| !memory.has_name(&name.to_string_lossy()))
            .map(|name| folder.join(name))
            .filter_map(|path| {
                let metadata = fs::symlink_metadata(&path).ok().filter(Metadata::is_file)?;
                Some((metadata.modified().ok(), path))
            })
            .collect();
        existing.sort();
        self.backlog.extend(existing.into_iter().map(|(_, path)| path));
    }

    /// Looks at one file that was there already: it is complete, so it is taken or refused now.
    fn examine_existing(&mut self, path: &Path, memory: &ImportedMemory) -> Option<InboxEvent> {
        let metadata = fs::symlink_metadata(path).ok().filter(Metadata::is_file)?;
        let version = Version::of(&metadata);
        match prepare_file(path) {
            Ok(prepared) => self.hand_on(path, prepared.content_hash(), version, memory),
            Err(error) if error.is_missing() => None,
            Err(error) => {
                self.refused.insert(path.to_owned(), version);
                Some(InboxEvent::Refused(error))
            }
        }
    }
}

/// The names of the files in `folder` that may be images.
fn image_names(folder: &Path) -> Vec<OsString> {
    fs::read_dir(folder)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name())
        .filter(|name| is_candidate(name))
        .collect()
}
