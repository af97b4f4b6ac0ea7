//! Pure data: the board and its invariants. No I/O, no egui.

mod board;
mod card_images;
mod clock;
mod edit;
mod excerpt;
mod history;
mod ids;
mod link;
mod media_name;
mod merge;
mod note_glimpse;
mod note_tasks;
mod order_key;
mod restamp;
pub mod sample;
mod search;
mod stamping;
mod stamps;
mod step_label;
mod validate;

pub use board::{Board, Card, CardPosition, Column, EditError, ImageRef, Theme, UNTITLED_THEME};
pub use clock::{Clock, DeviceId, Stamp};
pub use edit::{BoardEdit, Created};
pub use excerpt::excerpt;
pub use history::{Changed, History, MAX_BYTES, MAX_STEPS, TYPING_PAUSE, Travel};
pub use ids::{CardId, ColumnId, ThemeId};
pub use link::{Link, LinkRefused, openable_url, saved_url};
pub use media_name::{BadMediaName, MediaName};
pub use merge::{MergeReport, merge};
pub use note_glimpse::notes_glimpse;
pub use note_tasks::{NoteTask, TaskProgress, note_tasks, notes_markdown_options, task_progress, toggle_task};
pub use order_key::{BadOrderKey, OrderKey};
pub use search::Search;
pub use stamps::{CardField, CardStamps, ColumnStamps, Seen, TOMBSTONE_DAYS, ThemeStamps, Tombstones};
pub use step_label::StepLabel;
