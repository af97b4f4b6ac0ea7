//! The notify-based watcher every folder watch uses (the board's own folder, a screenshot inbox):
//! the platform's watcher behind notify-debouncer-mini, passing on only events that change something.

use std::path::Path;
use std::time::Duration;

use notify_debouncer_mini::notify::event::{AccessKind, AccessMode};
use notify_debouncer_mini::notify::{
    self, Config, Event, EventHandler, EventKind, RecommendedWatcher, RecursiveMode, Watcher, WatcherKind,
};
use notify_debouncer_mini::{DebounceEventHandler, Debouncer, new_debouncer_opt};

pub use notify_debouncer_mini::DebounceEventResult;

/// A debounced watcher of changes; watch a folder with [`watch_folder`].
pub type FolderWatcher = Debouncer<ChangesOnly>;

/// Starts a watcher whose events, debounced by `debounce` (events for one path closer together
/// than that are one change), go to `handler` on notify's thread.
pub fn folder_watcher(debounce: Duration, handler: impl DebounceEventHandler) -> notify::Result<FolderWatcher> {
    let config = notify_debouncer_mini::Config::default().with_timeout(debounce);
    new_debouncer_opt(config, handler)
}

/// Watches the files directly in `folder` (not its subfolders).
pub fn watch_folder(watcher: &mut FolderWatcher, folder: &Path) -> notify::Result<()> {
    watcher.watcher().watch(folder, RecursiveMode::NonRecursive)
}

/// The platform's watcher, passing on only events that change something: reading a file (the
/// app reading back its own save, or an image) must not look like news, or it would be read again.
#[derive(Debug)]
pub struct ChangesOnly(RecommendedWatcher);

/// Drops the events of reading a file before they reach the debouncer.
struct DropReads<F>(F);

impl<F: EventHandler> EventHandler for DropReads<F> {
    fn handle_event(&mut self, event: notify::Result<Event>) {
        let is_read = event.as_ref().is_ok_and(|event| {
            matches!(
                event.kind,
                EventKind::Access(AccessKind::Open(_) | AccessKind::Read | AccessKind::Close(AccessMode::Read))
            )
        });
        if !is_read {
            self.0.handle_event(event);
        }
    }
}

impl Watcher for ChangesOnly {
    fn new<F: EventHandler>(event_handler: F, config: Config) -> notify::Result<Self> {
        RecommendedWatcher::new(DropReads(event_handler), config).map(Self)
    }

    fn watch(&mut self, path: &Path, recursive_mode: RecursiveMode) -> notify::Result<()> {
        self.0.watch(path, recursive_mode)
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        self.0.unwatch(path)
    }

    fn kind() -> WatcherKind {
        RecommendedWatcher::kind()
    }
}
