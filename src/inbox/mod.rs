//! The screenshot inbox: a folder (where screenshots land, or phone photos arrive by Syncthing,
//! Nextcloud or a cable) watched for new images, each handed on once it is complete, and never
//! the same image twice. Used by the app and by `boothboard watch`; knows no egui.
//!
//! The watch runs on its own thread over the notify-based watcher the board's folder watch uses
//! too ([`crate::store::folder_watcher`]); nothing runs while the folder is quiet.

mod candidate;
mod clock_time;
mod default_folder;
mod folder_problem;
mod memory;
mod placement;
mod watch;

pub use candidate::is_candidate;
pub use clock_time::clock_time;
pub use default_folder::default_folder;
pub use folder_problem::FolderProblem;
pub use memory::ImportedMemory;
pub use placement::{BoardEditor, inbox_column, on_board};
pub use watch::{Arrival, InboxEvent, InboxWatch};

/// The name of the column new inbox cards go into, where no language is set (the command line).
pub const INBOX_COLUMN: &str = "Inbox";
