//! App state the UI shows but does not own: save status and messages.

/// Whether the board on disk matches the board on screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything is on disk.
    #[default]
    Saved,
    /// Changes are waiting or being written.
    Saving,
    /// The last save failed; edits are kept and the save is retried.
    Failed(String),
    /// Another program changed the file; edits are kept, nothing is saved until the user chooses.
    ChangedOutside,
    /// Another Boothboard writes this board; this window saves nothing.
    ReadOnly,
}

/// A problem to tell the user, shown until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// What happened and what to do.
    pub text: String,
    /// The message is about changes not on disk: it goes once they are saved.
    pub until_saved: bool,
    /// How much it matters, which decides its colour.
    pub severity: Severity,
}

/// How much a message matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// News or a success: the normal text colour.
    Info,
    /// Something to heed that lost nothing, such as a way round a missing file dialog.
    Warning,
    /// Something went wrong.
    Error,
}

impl Message {
    /// A message saying what went wrong and what to do.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            until_saved: false,
            severity: Severity::Error,
        }
    }

    /// Something to heed that lost nothing.
    pub fn warning(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            until_saved: false,
            severity: Severity::Warning,
        }
    }

    /// News that needs no action, such as changes merged in from another copy.
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            until_saved: false,
            severity: Severity::Info,
        }
    }

    /// A message about unsaved changes, shown until they are saved.
    pub fn unsaved(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            until_saved: true,
            severity: Severity::Error,
        }
    }
}
