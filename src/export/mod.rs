//! Boards to blog-ready Markdown: a `.md` file with the images it shows copied beside it.
//! No egui: the CLI and the app share it.

mod error;
mod escape;
mod markdown;
mod options;
mod raw_html;
mod scope;
mod write;

pub use error::{ExportError, RefusedImage};
pub use escape::{encode_path_segment, escape_text, link_destination};
pub use markdown::{board_markdown, card_markdown};
pub use options::ExportOptions;
pub use raw_html::escape_raw_html;
pub use scope::ExportScope;
pub use write::{ExportProgress, Exported, export_names, export_to_dir};
