//! Boards to blog-ready Markdown: a `.md` file with the images it shows copied beside it.
//! No egui: the CLI and the app share it.

mod error;
mod escape;
mod markdown;
mod scope;
mod write;

pub use error::ExportError;
pub use escape::{encode_path_segment, escape_text, link_destination};
pub use markdown::{board_markdown, card_markdown};
pub use scope::ExportScope;
pub use write::{ExportProgress, Exported, export_names, export_to_dir};
