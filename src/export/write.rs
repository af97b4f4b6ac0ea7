//! Writing an export: `DIR/<board>.md` and `DIR/<board>.media/` with the images it shows.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{
    ExportError, ExportFormat, ExportOptions, ExportScope, RefusedImage, board_canvas, board_markdown, obsidian_kanban,
};
use crate::media::{MediaProblem, check_media_folder, read_media, verify_media};
use crate::model::{Board, MediaName};
use crate::store::{media_dir_for, write_atomic};

static STAGING_COUNTER: AtomicU64 = AtomicU64::new(0);

/// How far an export has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportProgress {
    /// Images copied so far.
    pub images_copied: usize,
    /// Images the export shows.
    pub images_total: usize,
}

/// A finished export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    /// The document: the Markdown, Obsidian Kanban or canvas file.
    pub document: PathBuf,
    /// The folder holding its images; absent when it shows none.
    pub media_dir: PathBuf,
    /// How many images were copied.
    pub images: usize,
}

/// The names an export of the board at `board_path` takes: `talks.json` → `talks.md` and
/// `talks.media`, the same media folder name as the board's, so image links read the same
/// beside the board file and beside the export.
pub fn export_names(board_path: &Path) -> Result<(String, String), ExportError> {
    let no_name = || ExportError::NoFileName {
        path: board_path.to_owned(),
    };
    board_path.file_name().ok_or_else(no_name)?;
    let name = |path: PathBuf| {
        path.file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .ok_or_else(no_name)
    };
    Ok((name(board_path.with_extension("md"))?, name(media_dir_for(board_path))?))
}

/// `talks.json` → `talks.md`, `talks.kanban.md` or `talks.canvas`.
fn document_name(board_path: &Path, format: ExportFormat) -> Result<String, ExportError> {
    let named = board_path.with_extension(format.extension());
    named
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| ExportError::NoFileName {
            path: board_path.to_owned(),
        })
}

/// Exports `scope` of `board` (loaded from `board_path`) into `out_dir`, which is created if
/// needed. Writes nothing outside `out_dir`; replaces an earlier export there whole, so no stale
/// image stays; an unchanged board gives byte-identical files. `on_progress` hears of each image.
///
/// Every image is checked before anything is written: a missing one is an error that names it, and
/// images that are not what Boothboard stored (links, not regular files, content changed) are
/// listed in one error. They are read without following links and checked again as they are copied.
pub fn export_to_dir(
    board: &Board,
    board_path: &Path,
    scope: &ExportScope,
    options: &ExportOptions,
    out_dir: &Path,
    on_progress: &mut dyn FnMut(ExportProgress),
) -> Result<Exported, ExportError> {
    let (_, media_name) = export_names(board_path)?;
    let document_name = document_name(board_path, options.format)?;
    let document = match options.format {
        ExportFormat::Markdown => board_markdown(board, scope, &media_name, options)?,
        ExportFormat::ObsidianKanban => obsidian_kanban(board, scope, options)?,
        ExportFormat::Canvas => board_canvas(board, scope, &media_name, options)?,
    };
    let board_media = media_dir_for(board_path);
    // Every image, whichever the format: exports into one folder share its media folder.
    let images = images_to_copy(board, scope, &board_media)?;
    let media_dir = out_dir.join(&media_name);
    refuse_board_media(board_path, &board_media, out_dir, &media_dir)?;

    let write_error = |path: &Path| {
        let path = path.to_owned();
        move |source| ExportError::Write { path, source }
    };
    fs::create_dir_all(out_dir).map_err(write_error(out_dir))?;
    let staged = if images.is_empty() {
        None
    } else {
        Some(stage_images(&images, &board_media, out_dir, &media_name, on_progress)?)
    };
    let previous = move_aside(&media_dir, out_dir, &media_name).map_err(write_error(&media_dir))?;
    if let Some(staged) = &staged {
        fs::rename(staged, &media_dir).map_err(write_error(&media_dir))?;
    }
    let document_path = out_dir.join(document_name);
    write_atomic(&document_path, document.as_bytes()).map_err(write_error(&document_path))?;
    if let Some(previous) = previous {
        remove(&previous).map_err(write_error(&previous))?;
    }
    Ok(Exported {
        document: document_path,
        media_dir,
        images: images.len(),
    })
}

/// The images the exported cards show, each once, with the title of the first card that shows it.
/// Each is checked against its name; the ones that fail are all listed in the error.
fn images_to_copy<'a>(
    board: &'a Board,
    scope: &ExportScope,
    board_media: &Path,
) -> Result<BTreeMap<&'a MediaName, &'a str>, ExportError> {
    let mut images = BTreeMap::new();
    for section in scope.outline(board)?.sections {
        for card in section.cards {
            for image in &card.images {
                images.entry(&image.file).or_insert(card.title.as_str());
            }
        }
    }
    if images.is_empty() {
        return Ok(images);
    }
    check_media_folder(board_media).map_err(ExportError::MediaFolder)?;
    let mut refused = Vec::new();
    for (file, card) in &images {
        match verify_media(board_media, file) {
            Ok(()) => {}
            Err(problem) if problem.is_missing() => {
                return Err(ExportError::MissingImage {
                    card: (*card).to_owned(),
                    file: (*file).clone(),
                    media_dir: board_media.to_owned(),
                });
            }
            Err(problem) => refused.push(RefusedImage {
                card: (*card).to_owned(),
                problem,
            }),
        }
    }
    if refused.is_empty() {
        Ok(images)
    } else {
        Err(ExportError::RefusedImages(refused))
    }
}

/// Refuses an export whose media folder would be a board's own: the board's folder itself,
/// or a folder holding another board of the same name.
fn refuse_board_media(
    board_path: &Path,
    board_media: &Path,
    out_dir: &Path,
    media_dir: &Path,
) -> Result<(), ExportError> {
    let same_folder = match (fs::canonicalize(board_media), fs::canonicalize(media_dir)) {
        (Ok(board_media), Ok(media_dir)) => board_media == media_dir,
        _ => false,
    };
    let owner = if same_folder {
        Some(board_path.to_owned())
    } else {
        // A board file beside the folder, named like this board or like the folder.
        let same_name = board_path.file_name().map(|name| out_dir.join(name));
        same_name
            .into_iter()
            .chain([media_dir.with_extension("json")])
            .find(|board| board.is_file())
    };
    match owner {
        Some(board) => Err(ExportError::BoardMediaInTheWay {
            media_dir: media_dir.to_owned(),
            board,
        }),
        None => Ok(()),
    }
}

/// Copies the images into a hidden folder beside the final one, so a failed copy never
/// replaces the previous export. Returns the folder.
fn stage_images(
    images: &BTreeMap<&MediaName, &str>,
    board_media: &Path,
    out_dir: &Path,
    media_name: &str,
    on_progress: &mut dyn FnMut(ExportProgress),
) -> Result<PathBuf, ExportError> {
    let staged = sibling(out_dir, media_name, "new");
    fs::create_dir(&staged).map_err(|source| ExportError::Write {
        path: staged.clone(),
        source,
    })?;
    let mut progress = ExportProgress {
        images_copied: 0,
        images_total: images.len(),
    };
    on_progress(progress);
    for (file, card) in images {
        if let Err(error) = copy_image(board_media, file, card, &staged) {
            // Best effort: the copy error is the one to report.
            let _ = fs::remove_dir_all(&staged);
            return Err(error);
        }
        progress.images_copied += 1;
        on_progress(progress);
    }
    Ok(staged)
}

/// Copies one image as it is read (no link followed), checked again against its name, so a file
/// swapped since the check before writing is caught too.
fn copy_image(board_media: &Path, file: &MediaName, card: &str, staged: &Path) -> Result<(), ExportError> {
    let bytes = read_media(board_media, file).map_err(|problem| match problem {
        MediaProblem::Read { path, source } => ExportError::Copy { path, source },
        problem => ExportError::RefusedImages(vec![RefusedImage {
            card: card.to_owned(),
            problem,
        }]),
    })?;
    let to = staged.join(file.as_str());
    fs::write(&to, bytes).map_err(|source| ExportError::Copy { path: to, source })
}

/// Renames an earlier export's media folder (or whatever has its name) out of the way.
fn move_aside(media_dir: &Path, out_dir: &Path, media_name: &str) -> io::Result<Option<PathBuf>> {
    match fs::symlink_metadata(media_dir) {
        Ok(_) => {
            let aside = sibling(out_dir, media_name, "old");
            fs::rename(media_dir, &aside)?;
            Ok(Some(aside))
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

/// Removes a folder and what is in it, or a file or a link (never what a link points to).
fn remove(path: &Path) -> io::Result<()> {
    if fs::symlink_metadata(path)?.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}

/// A hidden name in `out_dir` that no other export, running or not, uses.
fn sibling(out_dir: &Path, media_name: &str, purpose: &str) -> PathBuf {
    let unique = STAGING_COUNTER.fetch_add(1, Ordering::Relaxed);
    out_dir.join(format!(".{media_name}.{purpose}-{}-{unique}", std::process::id()))
}
