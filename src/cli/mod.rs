//! The command line: open the app, or work on board files without a window.

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

mod merging;
mod watching;

use crate::export::{ExportError, ExportFormat, ExportOptions, ExportScope, export_to_dir};
use crate::i18n::Language;
use crate::import::{ImportError, import_file};
use crate::media::{MediaFinding, QUARANTINE, audit_media, prepare_file, quarantine};
use crate::model::{Board, BoardEdit, CardId, DeviceId, Link, ThemeId, saved_url};
use crate::open::{OpenError, create_board};
use crate::store::{self, AppHome, BoardLock, LoadError, LockError, Replace, SaveError, Settings};

/// Boothboard: a card board for the projects you meet at a conference.
#[derive(Debug, Parser)]
#[command(name = "boothboard", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Board file to open in the app (default: the last board, or the sample board on first launch).
    pub board: Option<PathBuf>,

    /// Work on a board file without opening the app.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Headless subcommands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Create a new board file.
    New {
        /// Where to create it (a .json file; its media folder goes beside it).
        board: PathBuf,
        /// The board's title (default: from the file name, or the sample's title).
        #[arg(long)]
        title: Option<String>,
        /// Fill it with the KubeCon 2018 sample cards and images.
        #[arg(long)]
        sample: bool,
    },
    /// Add a card to a board.
    AddCard {
        /// The board file.
        board: PathBuf,
        /// The card.
        #[command(flatten)]
        card: NewCard,
    },
    /// Attach image files to a card (all of them, or none if any is refused).
    Attach {
        /// The board file.
        board: PathBuf,
        /// The title of the card to attach them to (exactly, ignoring case); refused, with the
        /// list, if several cards have it.
        #[arg(long)]
        card: String,
        /// PNG, JPEG, GIF, WebP or BMP files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Check a board file and its media; say what is wrong. Fails on links, special files, images
    /// changed outside Boothboard and missing images; files no card shows are only mentioned.
    Check {
        /// The board file.
        board: PathBuf,
        /// Move files no card shows, changed or foreign files, links and special files from the media
        /// folder into NAME.media/.quarantine/ (nothing is deleted; a link moves as the link).
        #[arg(long)]
        fix_media: bool,
    },
    /// Merge another copy of a board into this one, card by card: nothing either copy holds is lost.
    /// The images the other copy shows are copied into this board's media folder.
    Merge {
        /// This copy of the board (written with the result, unless --out says otherwise).
        ours: PathBuf,
        /// The other copy. Without it, the conflict copies that Syncthing, Dropbox or Nextcloud left
        /// beside OURS are merged into OURS and then moved into NAME.merged/.
        theirs: Option<PathBuf>,
        /// Where to write the merged board (default: OURS).
        #[arg(long, value_name = "BOARD", requires = "theirs")]
        out: Option<PathBuf>,
    },
    /// The git merge driver: merges THEIRS into OURS and writes the result into OURS (git's %O %A %B
    /// %P; the common version %O is not needed). Exits non-zero only when the files can't be merged.
    MergeDriver {
        /// The common version (git's %O): not read, each copy carries what it has seen.
        base: PathBuf,
        /// This branch's version, written with the result (git's %A).
        ours: PathBuf,
        /// The other branch's version (git's %B).
        theirs: PathBuf,
        /// The board's path in the repository, for messages (git's %P).
        path: String,
    },
    /// Make git merge board files with Boothboard in REPO (default: the current folder): adds
    /// `*.json merge=boothboard` to .gitattributes and the driver to the repository's git config.
    GitSetup {
        /// The repository.
        repo: Option<PathBuf>,
    },
    /// Make a new board from a Trello board export (JSON), an Obsidian Kanban board or a Boothboard
    /// Markdown export (with the images of its .media folder), recognised by their content.
    Import {
        /// The file to import.
        file: PathBuf,
        /// The new board file (refused if a file is there).
        #[arg(long, value_name = "BOARD")]
        out: PathBuf,
        /// The board's title (default: the one the file names, or its file name).
        #[arg(long)]
        title: Option<String>,
    },
    /// Watch a folder for new screenshots and photos, and put each on the board as it comes: a new
    /// card in the "Inbox" column (made first on the left if need be), titled from the file's time,
    /// or attached to a card. Runs until Ctrl+C or SIGTERM, printing a line per image added. Only
    /// complete images are taken, each once: what was taken in is remembered in the app home.
    Watch {
        /// The board file.
        board: PathBuf,
        /// The folder to watch. The images already there are left alone (how many is said), unless
        /// --include-existing.
        folder: PathBuf,
        /// Attach the images to the card with this title (exactly, ignoring case; refused if several
        /// cards have it) rather than make a card for each.
        #[arg(long, value_name = "TITLE")]
        attach_to: Option<String>,
        /// Also take in the images already in the folder, oldest first (except those taken in
        /// before).
        #[arg(long)]
        include_existing: bool,
    },
    /// Export a board: writes DIR/NAME.md (Markdown), DIR/NAME.kanban.md (Obsidian Kanban) or
    /// DIR/NAME.canvas (JSON Canvas), and DIR/NAME.media/ with its images (NAME as the board file),
    /// and prints the path of the file written.
    Export {
        /// The board file.
        board: PathBuf,
        /// The folder to write into (created if needed; an earlier export there is replaced).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Export only the cards that tick this theme, by name.
        #[arg(long, value_name = "NAME")]
        theme: Option<String>,
        /// Keep raw HTML in notes (`<details>` and the like) as written; by default it is shown as text.
        #[arg(long)]
        allow_html: bool,
        /// The kind of file to write.
        #[arg(long, value_enum, default_value_t = FormatArg::Markdown)]
        format: FormatArg,
        /// The language of the export's own words, such as the "Themes" heading (the cards' content
        /// is never translated).
        #[arg(long, value_enum, default_value_t = LanguageArg::EnUs)]
        language: LanguageArg,
    },
}

/// `--format` of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Blog-ready Markdown.
    Markdown,
    /// A board the Obsidian Kanban plugin opens.
    ObsidianKanban,
    /// JSON Canvas 1.0 (Obsidian canvas and other tools).
    Canvas,
}

impl From<FormatArg> for ExportFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Markdown => Self::Markdown,
            FormatArg::ObsidianKanban => Self::ObsidianKanban,
            FormatArg::Canvas => Self::Canvas,
        }
    }
}

/// `--language` of `export`: a language tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    /// English.
    #[value(name = "en-US")]
    EnUs,
    /// Simplified Chinese.
    #[value(name = "zh-CN")]
    ZhCn,
}

impl From<LanguageArg> for Language {
    fn from(language: LanguageArg) -> Self {
        match language {
            LanguageArg::EnUs => Self::English,
            LanguageArg::ZhCn => Self::SimplifiedChinese,
        }
    }
}

/// The card that `add-card` adds.
#[derive(Debug, Args)]
pub struct NewCard {
    /// The card's title.
    #[arg(long)]
    title: String,
    /// The column to add it to, by name (ignoring case); a column of that name is created at the
    /// right end if the board has none (default: the first column).
    #[arg(long)]
    column: Option<String>,
    /// One line about it.
    #[arg(long)]
    summary: Option<String>,
    /// Notes in Markdown.
    #[arg(long)]
    notes: Option<String>,
    /// A link (http, https or mailto); repeat for more.
    #[arg(long = "link", value_name = "URL")]
    links: Vec<String>,
    /// A theme the card answers, by name; repeat for more.
    #[arg(long = "theme", value_name = "NAME")]
    themes: Vec<String>,
}

/// A command-line failure: one line that names the file and the problem.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Opening or creating failed.
    #[error(transparent)]
    Open(#[from] OpenError),
    /// Loading failed.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Saving failed.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// Exporting failed.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// Importing failed.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// Another Boothboard is writing the board.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// The arguments don't fit the board.
    #[error("{0}")]
    Input(String),
    /// `check` found problems.
    #[error("{}", .0.join("\n"))]
    Problems(Vec<String>),
}

/// Runs a subcommand; returns what to print on success.
pub fn run(command: CliCommand) -> Result<String, CliError> {
    match command {
        CliCommand::New { board, title, sample } => {
            let created = create_board(&board, title.as_deref(), sample, this_device())?;
            Ok(format!(
                "created {} ({:?}, {} cards)",
                board.display(),
                created.title,
                created.card_count()
            ))
        }
        CliCommand::AddCard { board, card } => add_card(&board, &card),
        CliCommand::Attach { board, card, files } => attach(&board, &card, &files),
        CliCommand::Check { board, fix_media } => check(&board, fix_media),
        CliCommand::Watch {
            board,
            folder,
            attach_to,
            include_existing,
        } => watching::watch(&board, &folder, attach_to.as_deref(), include_existing),
        CliCommand::Merge { ours, theirs, out } => match theirs {
            Some(theirs) => merging::merge_copies(&ours, &theirs, out.as_deref().unwrap_or(&ours)),
            None => merging::merge_conflict_copies(&ours),
        },
        CliCommand::MergeDriver {
            base: _,
            ours,
            theirs,
            path,
        } => merging::merge_driver(&ours, &theirs, &path),
        CliCommand::GitSetup { repo } => merging::git_setup(repo.as_deref().unwrap_or(Path::new("."))),
        CliCommand::Import { file, out, title } => {
            let imported = import_file(&file, &out, title.as_deref(), this_device())?;
            Ok(format!(
                "imported {} ({}) into {}: {}",
                file.display(),
                imported.format.name(),
                out.display(),
                imported.summary()
            ))
        }
        CliCommand::Export {
            board,
            out,
            theme,
            allow_html,
            format,
            language,
        } => {
            let options = ExportOptions {
                allow_html,
                format: format.into(),
                language: language.into(),
            };
            export(&board, &out, theme.as_deref(), &options)
        }
    }
}

/// Changes a board file as its one writer: takes the lock, loads, lets `change` edit the board, and
/// saves only over the file as it was loaded (never over another program's edit made meanwhile).
fn change_board_file<T>(path: &Path, change: impl FnOnce(&mut Board) -> Result<T, CliError>) -> Result<T, CliError> {
    if !path.is_file() {
        // Say that it is missing, rather than make a lock file beside a board that isn't there.
        store::load(path)?;
    }
    let _writer = BoardLock::acquire(path)?;
    change_locked_board_file(path, change)
}

/// [`change_board_file`] for a process that holds the board's lock already (`watch` keeps it).
fn change_locked_board_file<T>(
    path: &Path,
    change: impl FnOnce(&mut Board) -> Result<T, CliError>,
) -> Result<T, CliError> {
    let (mut board, on_disk) = store::load_with_fingerprint(path)?;
    // Refused before anything is done, so no image is stored for a board that can't be saved.
    store::refuse_read_only(path)?;
    board.adopt_device(this_device());
    let done = change(&mut board)?;
    store::save_replacing(path, &board, Replace::Known(Some(on_disk)))?;
    Ok(done)
}

/// The device whose changes the command makes: the one of the app home it runs with.
pub(crate) fn this_device() -> DeviceId {
    AppHome::from_env()
        .map(|home| Settings::device(&home))
        .unwrap_or_default()
}

fn attach(path: &Path, title: &str, files: &[PathBuf]) -> Result<String, CliError> {
    change_board_file(path, |board| attach_to(board, path, title, files))
}

fn attach_to(board: &mut Board, path: &Path, title: &str, files: &[PathBuf]) -> Result<String, CliError> {
    let card = card_titled(board, path, title)?;
    // Every file is checked before any is stored, so a refused file leaves the board as it was.
    let (prepared, refused): (Vec<_>, Vec<_>) = files.iter().map(|file| prepare_file(file)).partition(Result::is_ok);
    if !refused.is_empty() {
        let mut problems: Vec<String> = refused
            .into_iter()
            .filter_map(Result::err)
            .map(|error| error.to_string())
            .collect();
        problems.push(format!("nothing was attached to {title:?}"));
        return Err(CliError::Problems(problems));
    }
    let images = prepared
        .into_iter()
        .flatten()
        .map(|image| image.store_beside(path))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| CliError::Input(error.to_string()))?;
    // An image the card shows already (by content, so under any file name) is not added again.
    let mut shown: Vec<_> = board
        .card(card)
        .map(|card| card.images.iter().map(|image| image.file.clone()).collect())
        .unwrap_or_default();
    let mut new_images = Vec::new();
    let mut already = Vec::new();
    for (file, image) in files.iter().zip(images) {
        if shown.contains(&image.file) {
            already.push(format!("{:?}", file.file_name().unwrap_or_default().to_string_lossy()));
        } else {
            shown.push(image.file.clone());
            new_images.push(image);
        }
    }
    let board_name = path.display();
    let already = match already.len() {
        0 => String::new(),
        1 => format!("{} is already attached", already.join("")),
        _ => format!("{} are already attached", already.join(", ")),
    };
    if new_images.is_empty() {
        return Ok(format!("{already} to {title:?} in {board_name}; nothing changed"));
    }
    let count = new_images.len();
    board
        .apply(BoardEdit::AddImages(card, new_images))
        .map_err(|error| CliError::Input(error.to_string()))?;
    let images = if count == 1 {
        "1 image".to_owned()
    } else {
        format!("{count} images")
    };
    let attached = format!("attached {images} to {title:?} in {board_name}");
    Ok(if already.is_empty() {
        attached
    } else {
        format!("{attached}; {already}")
    })
}

/// The one card titled `title` (exactly, ignoring case), or an error that says none is, or lists
/// with their columns the cards that are (a command must not pick one of them by chance).
pub(super) fn card_titled(board: &Board, path: &Path, title: &str) -> Result<CardId, CliError> {
    match board.cards_titled(title).collect::<Vec<_>>().as_slice() {
        [] => Err(CliError::Input(format!("{}: no card titled {title:?}", path.display()))),
        [(_, card)] => Ok(card.id),
        several => {
            let listed: Vec<String> = several
                .iter()
                .map(|(column, card)| {
                    let place = column.cards.iter().position(|other| other.id == card.id).unwrap_or(0) + 1;
                    format!("{:?} (card {place} in column {:?})", card.title, column.name)
                })
                .collect();
            Err(CliError::Input(format!(
                "{}: {} cards are titled {title:?}: {}; rename all but one in the app so that the title names one card",
                path.display(),
                several.len(),
                listed.join(", ")
            )))
        }
    }
}

fn add_card(path: &Path, new: &NewCard) -> Result<String, CliError> {
    change_board_file(path, |board| add_card_to(board, path, new))
}

fn add_card_to(board: &mut Board, path: &Path, new: &NewCard) -> Result<String, CliError> {
    let input = |message: String| CliError::Input(format!("{}: {message}", path.display()));
    // Everything is checked before anything changes: a refused theme or link leaves no new column.
    // The column's id and name; no id for one named on the command line that isn't there yet.
    let (column, column_name) = match &new.column {
        Some(name) if name.trim().is_empty() => return Err(input("--column needs a name".to_owned())),
        Some(name) => match board.column_by_name(name) {
            Some(column) => (Some(column.id), column.name.clone()),
            None => (None, name.clone()),
        },
        None => match board.columns.first() {
            Some(column) => (Some(column.id), column.name.clone()),
            None => {
                return Err(input(
                    "the board has no columns; name one to make with --column".to_owned(),
                ));
            }
        },
    };
    let mut theme_ids = Vec::new();
    for name in &new.themes {
        theme_ids.push(theme_named(board, path, name)?);
    }
    let mut card_links = Vec::new();
    for url in &new.links {
        let url = saved_url(url).map_err(|refused| input(refused.to_string()))?;
        card_links.push(Link {
            label: link_label(&url),
            url,
        });
    }

    let edit_error = |error: crate::model::EditError| input(error.to_string());
    let column_id = match column {
        Some(id) => id,
        // Made at the right end, like Add column in the app.
        None => match board
            .apply(BoardEdit::AddColumn(column_name.clone()))
            .map_err(edit_error)?
        {
            crate::model::Created::Column(id) => id,
            _ => return Err(input("the column was not created".to_owned())),
        },
    };
    let created = board
        .apply(BoardEdit::AddCard(column_id, new.title.clone()))
        .map_err(edit_error)?;
    let crate::model::Created::Card(card_id) = created else {
        return Err(input("the card was not created".to_owned()));
    };
    // Through `Board::apply`, as the app's edits go, so every change to a card is an edit.
    let mut fill = vec![
        BoardEdit::SetCardSummary(card_id, new.summary.clone().unwrap_or_default()),
        BoardEdit::SetCardNotes(card_id, new.notes.clone().unwrap_or_default()),
    ];
    for (index, link) in card_links.into_iter().enumerate() {
        fill.push(BoardEdit::AddLink(card_id));
        fill.push(BoardEdit::SetLink(card_id, index, link));
    }
    fill.extend(
        theme_ids
            .into_iter()
            .map(|theme| BoardEdit::SetCardTheme(card_id, theme, true)),
    );
    board.apply(BoardEdit::Batch(fill)).map_err(edit_error)?;
    let column = if column.is_some() { "column" } else { "the new column" };
    Ok(format!(
        "added {card_id} {:?} to {column} {column_name:?} in {}",
        new.title,
        path.display()
    ))
}

/// The one theme called `name` (ignoring case), or an error that lists the board's themes.
fn theme_named(board: &Board, path: &Path, name: &str) -> Result<ThemeId, CliError> {
    let mut named = board.themes_named(name);
    let first = named.next();
    if named.next().is_some() {
        return Err(CliError::Input(format!(
            "{}: more than one theme is named {name:?}; rename one in the app so that they differ",
            path.display()
        )));
    }
    let theme = first.ok_or_else(|| {
        let names: Vec<_> = board
            .themes
            .iter()
            .map(|theme| format!("{:?}", theme.shown_name()))
            .collect();
        let there = if names.is_empty() {
            "the board has no themes; add them in the app".to_owned()
        } else {
            format!("the themes are {}", names.join(", "))
        };
        CliError::Input(format!("{}: no theme {name:?}; {there}", path.display()))
    })?;
    Ok(theme.id)
}

fn export(path: &Path, out: &Path, theme: Option<&str>, options: &ExportOptions) -> Result<String, CliError> {
    let board = store::load(path)?;
    let scope = match theme {
        Some(name) => ExportScope::Theme(theme_named(&board, path, name)?),
        None => ExportScope::Board,
    };
    let exported = export_to_dir(&board, path, &scope, options, out, &mut |_| {})?;
    Ok(exported.document.display().to_string())
}

/// "https://github.com/pingcap/tidb" → "github.com".
fn link_label(url: &str) -> String {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    without_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(without_scheme)
        .to_owned()
}

fn check(path: &Path, fix_media: bool) -> Result<String, CliError> {
    let board = store::load(path)?;
    let version = std::fs::read(path)
        .ok()
        .and_then(|bytes| store::version_of(&bytes))
        .unwrap_or(1);
    let media = store::media_dir_for(path);
    let mut findings = audit_media(&board, &media);
    let mut lines = Vec::new();
    if fix_media {
        // Another Boothboard may be adding images to this folder: move nothing under its feet.
        let _writer = BoardLock::acquire(path)?;
        let (moved, failed) = quarantine(&media, &findings);
        lines.extend(moved.iter().map(|moved| {
            format!(
                "{}: moved {} to {}",
                path.display(),
                moved.from.display(),
                moved.to.display()
            )
        }));
        if let Some(problem) = failed {
            lines.push(format!("{}: not moved aside: {problem}", path.display()));
        }
        findings = audit_media(&board, &media);
    }
    lines.extend(findings.iter().map(|finding| finding_line(path, finding)));
    if findings.iter().any(MediaFinding::is_error) {
        return Err(CliError::Problems(lines));
    }
    let images: usize = board.cards().map(|card| card.images.len()).sum();
    lines.push(format!(
        "{}: ok: version {version}, {:?}, {} cards in {} columns, {} themes, {images} images",
        path.display(),
        board.title,
        board.card_count(),
        board.columns.len(),
        board.themes.len()
    ));
    Ok(lines.join("\n"))
}

/// One line of `check`'s report.
fn finding_line(path: &Path, finding: &MediaFinding) -> String {
    let board = path.display();
    match finding {
        MediaFinding::Folder(problem) | MediaFinding::Strange(problem) => format!("{board}: {problem}"),
        MediaFinding::CardImage { card, file, problem } => format!("{board}: card {card:?} shows {file}: {problem}"),
        MediaFinding::Unused { path } => format!(
            "{board}: warning: no card shows {}; `boothboard check --fix-media` moves it into {QUARANTINE}",
            path.display()
        ),
    }
}
