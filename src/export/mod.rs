//! Boards to blog-ready Markdown, an Obsidian Kanban board or a JSON Canvas: a file with the
//! images it shows copied beside it. No egui: the CLI and the app share it.

mod canvas;
mod error;
mod escape;
mod markdown;
mod note_headings;
mod obsidian_kanban;
mod options;
mod raw_html;
mod refused_links;
mod scope;
mod write;

pub use canvas::board_canvas;
pub use error::{ExportError, RefusedImage};
pub use escape::{encode_path_segment, escape_text, link_destination};
pub use markdown::{board_markdown, card_markdown};
pub use note_headings::{headings_below_card, headings_from_below_card};
pub use obsidian_kanban::{DONE_THEME, obsidian_kanban};
pub use options::{ExportFormat, ExportOptions};
pub use raw_html::escape_raw_html;
pub use refused_links::escape_refused_links;
pub use scope::ExportScope;
pub use write::{ExportProgress, Exported, export_names, export_to_dir};
