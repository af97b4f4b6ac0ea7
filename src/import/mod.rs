//! Boards from other tools: Trello's JSON export, Obsidian Kanban boards, and Boothboard's own
//! Markdown export. Each format's parser makes a [`BoardPlan`] (pure, no I/O); [`import_file`]
//! reads the file as from a stranger, takes in the images it shows, and writes a new board.
//! No egui: the CLI and the app share it.

mod boothboard_markdown;
mod error;
mod file;
mod obsidian_kanban;
mod plan;
mod trello;

pub use error::ImportError;
pub use file::{Imported, MAX_IMPORT_BYTES, import_file, new_board_path};
pub use plan::{BoardPlan, CardPlan, ColumnPlan, ImagePlan, LeftOut, ThemePlan};
pub use trello::JsonProblem;

use crate::tr;

/// The formats Boothboard imports, recognised by their content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// Trello's board export (JSON).
    Trello,
    /// An Obsidian Kanban board (Markdown with `kanban-plugin` front matter).
    ObsidianKanban,
    /// Boothboard's own Markdown export.
    BoothboardMarkdown,
}

impl ImportFormat {
    /// The format of `text`, from its content alone.
    pub fn recognise(text: &str) -> Option<Self> {
        if trello::looks_like(text) {
            Some(Self::Trello)
        } else if obsidian_kanban::looks_like(text) {
            Some(Self::ObsidianKanban)
        } else if boothboard_markdown::looks_like(text) {
            Some(Self::BoothboardMarkdown)
        } else {
            None
        }
    }

    /// Its name in messages.
    pub fn name(self) -> String {
        match self {
            Self::Trello => tr!("import-format-trello"),
            Self::ObsidianKanban => tr!("import-format-obsidian-kanban"),
            Self::BoothboardMarkdown => tr!("import-format-boothboard-markdown"),
        }
    }

    /// Reads `text` of this format; the error says what is wrong and where (only JSON can be).
    pub fn parse(self, text: &str) -> Result<BoardPlan, JsonProblem> {
        match self {
            Self::Trello => trello::parse(text),
            Self::ObsidianKanban => Ok(obsidian_kanban::parse(text)),
            Self::BoothboardMarkdown => Ok(boothboard_markdown::parse(text)),
        }
    }
}
