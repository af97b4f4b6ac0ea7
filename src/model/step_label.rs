//! What a step of the undo history does ("delete card “TiDB”"), kept as data and worded in the
//! window's language when the Edit menu shows it.

use std::fmt;

use fluent_templates::fluent_bundle::FluentValue;

use crate::i18n;

/// Names in step labels are cut to this many characters.
const MAX_NAME_CHARS: usize = 40;

/// What a step does, for "Undo …" and "Redo …".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepLabel {
    /// Something done to the board as a whole, or the creation of something not yet named.
    Board(BoardStep),
    /// Something done to a card.
    Card(CardStep, StepName),
    /// Something done to a column.
    Column(ColumnStep, StepName),
    /// Something done to a theme.
    Theme(ThemeStep, StepName),
    /// A theme ticked (or unticked) on a card.
    TickTheme {
        /// Ticked rather than unticked.
        ticked: bool,
        /// The theme.
        theme: StepName,
        /// The card.
        card: StepName,
    },
    /// Several cards deleted at once.
    DeleteCards(usize),
    /// Cards (and columns) a merge removed because another copy deleted them.
    MergeRemoval(usize),
    /// A step of several edits: the first one's label and how many more.
    AndMore(Box<StepLabel>, usize),
}

/// A step about the board as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoardStep {
    EditTitle,
    AddColumn,
    AddCard,
    AddTheme,
    ChangeSeveral,
    ChangeNothing,
}

/// A step about one card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardStep {
    EditTitle,
    EditSummary,
    EditNotes,
    TickNoteTask,
    ClearNotesCheck,
    AddLink,
    EditLink,
    RemoveLink,
    Move,
    Delete,
    AddImages,
    MoveImage,
    RemoveImage,
    EditCaption,
}

/// A step about one column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnStep {
    Rename,
    Delete,
    Move,
    AddImageCards,
}

/// A step about one theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeStep {
    Rename,
    EditQuestion,
    Delete,
}

/// The name of what a step changed, on one line and cut to a readable length; none if it has none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepName(Option<String>);

impl StepName {
    /// `name` on one line (line breaks and runs of spaces from a file become one space), cut to
    /// [`MAX_NAME_CHARS`].
    pub fn new(name: Option<&str>) -> Self {
        let name = name
            .map(|name| name.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|name| !name.is_empty());
        Self(name.map(|name| {
            if name.chars().count() > MAX_NAME_CHARS {
                let cut: String = name.chars().take(MAX_NAME_CHARS - 1).collect();
                format!("{}…", cut.trim_end())
            } else {
                name
            }
        }))
    }

    /// The name, or the word for an untitled one (message `untitled`).
    fn value(&self, untitled: &'static str) -> FluentValue<'static> {
        FluentValue::from(self.0.clone().unwrap_or_else(|| i18n::text(untitled, &[])))
    }

    fn bytes(&self) -> usize {
        self.0.as_ref().map_or(0, String::len)
    }
}

impl StepLabel {
    /// About how many bytes it holds.
    pub fn bytes(&self) -> usize {
        size_of::<Self>()
            + match self {
                Self::Card(_, name) | Self::Column(_, name) | Self::Theme(_, name) => name.bytes(),
                Self::TickTheme { theme, card, .. } => theme.bytes() + card.bytes(),
                Self::AndMore(first, _) => first.bytes(),
                Self::Board(_) | Self::DeleteCards(_) | Self::MergeRemoval(_) => 0,
            }
    }
}

impl fmt::Display for StepLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let card = |name: &StepName| ("card", name.value("card-untitled"));
        let text = match self {
            Self::Board(step) => i18n::text(step.message(), &[]),
            Self::Card(step, name) => i18n::text(step.message(), &[card(name)]),
            Self::Column(step, name) => i18n::text(step.message(), &[("column", name.value("column-untitled"))]),
            Self::Theme(step, name) => i18n::text(step.message(), &[("theme", name.value("theme-untitled"))]),
            Self::TickTheme {
                ticked,
                theme,
                card: name,
            } => i18n::text(
                if *ticked {
                    "step-tick-theme"
                } else {
                    "step-untick-theme"
                },
                &[("theme", theme.value("theme-untitled")), card(name)],
            ),
            Self::DeleteCards(count) => i18n::text("step-delete-cards", &[("count", (*count).into())]),
            Self::MergeRemoval(count) => i18n::text("step-merge-removal", &[("count", (*count).into())]),
            Self::AndMore(first, more) => i18n::text(
                "step-and-more",
                &[("step", first.to_string().into()), ("more", (*more).into())],
            ),
        };
        f.write_str(&text)
    }
}

impl BoardStep {
    fn message(self) -> &'static str {
        match self {
            Self::EditTitle => "step-edit-board-title",
            Self::AddColumn => "step-add-column",
            Self::AddCard => "step-add-card",
            Self::AddTheme => "step-add-theme",
            Self::ChangeSeveral => "step-change-several",
            Self::ChangeNothing => "step-change-nothing",
        }
    }
}

impl CardStep {
    fn message(self) -> &'static str {
        match self {
            Self::EditTitle => "step-edit-card-title",
            Self::EditSummary => "step-edit-summary",
            Self::EditNotes => "step-edit-notes",
            Self::TickNoteTask => "step-tick-note-task",
            Self::ClearNotesCheck => "step-clear-notes-check",
            Self::AddLink => "step-add-link",
            Self::EditLink => "step-edit-link",
            Self::RemoveLink => "step-remove-link",
            Self::Move => "step-move-card",
            Self::Delete => "step-delete-card",
            Self::AddImages => "step-add-images",
            Self::MoveImage => "step-move-image",
            Self::RemoveImage => "step-remove-image",
            Self::EditCaption => "step-edit-caption",
        }
    }
}

impl ColumnStep {
    fn message(self) -> &'static str {
        match self {
            Self::Rename => "step-rename-column",
            Self::Delete => "step-delete-column",
            Self::Move => "step-move-column",
            Self::AddImageCards => "step-add-image-cards",
        }
    }
}

impl ThemeStep {
    fn message(self) -> &'static str {
        match self {
            Self::Rename => "step-rename-theme",
            Self::EditQuestion => "step-edit-question",
            Self::Delete => "step-delete-theme",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn labels_are_worded_in_the_language_of_the_moment_they_are_shown() {
        let label = StepLabel::AndMore(
            Box::new(StepLabel::Card(CardStep::Delete, StepName::new(Some("TiDB")))),
            2,
        );
        i18n::set_language(Language::English);
        assert_eq!(label.to_string(), "delete card “TiDB” and 2 more changes");
        i18n::set_language(Language::SimplifiedChinese);
        assert_eq!(label.to_string(), "删除卡片“TiDB”及另外 2 处更改");
        i18n::set_language(Language::English);
    }

    #[test]
    fn names_are_one_line_cut_to_a_readable_length_and_untitled_ones_say_so() {
        let label = StepLabel::Column(ColumnStep::Rename, StepName::new(Some("  Data\n\nbases  ")));
        assert_eq!(label.to_string(), "rename column “Data bases”");
        let long = "x".repeat(100);
        let label = StepLabel::Card(CardStep::EditNotes, StepName::new(Some(&long)));
        assert_eq!(label.to_string(), format!("edit notes of “{}…”", "x".repeat(39)));
        let label = StepLabel::Theme(ThemeStep::Delete, StepName::new(Some(" ")));
        assert_eq!(label.to_string(), "delete theme “Untitled theme”");
    }
}
