//! Importing a file: read it as from a stranger (size limit, UTF-8, format from the content),
//! check every image it shows, then write the new board and its media folder, or nothing.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::plan::count_of;
use super::{ImportError, ImportFormat};
use crate::media::{PreparedImage, prepare_bytes, read_media};
use crate::model::DeviceId;
use crate::open::{create_board_file, title_from_file_name};

/// The largest file Boothboard imports: far above any board, well below what would exhaust memory.
pub const MAX_IMPORT_BYTES: u64 = 64 << 20;

/// A finished import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The new board file.
    pub board: PathBuf,
    /// The format it came from.
    pub format: ImportFormat,
    /// Cards on the new board.
    pub cards: usize,
    /// Columns on the new board.
    pub columns: usize,
    /// What was left out, in words ("3 archived cards left out").
    pub left_out: Option<String>,
}

impl Imported {
    /// "12 cards in 4 columns; 3 archived cards left out".
    pub fn summary(&self) -> String {
        let made = format!(
            "{} in {}",
            count_of(self.cards, "card"),
            count_of(self.columns, "column")
        );
        match &self.left_out {
            Some(left_out) => format!("{made}; {left_out}"),
            None => made,
        }
    }
}

/// Imports `source` into a new board at `out` (refused if a file is there), titled `title`, or
/// as the file names its board, or after the file. Stamped as `device`'s. Every image is read
/// and checked before anything is written: on any error nothing is.
pub fn import_file(source: &Path, out: &Path, title: Option<&str>, device: DeviceId) -> Result<Imported, ImportError> {
    let text = read_text(source)?;
    let format = ImportFormat::recognise(&text).ok_or_else(|| {
        let path = source.to_owned();
        if is_board_file(&text) {
            ImportError::BoardFile { path }
        } else {
            ImportError::Unknown { path }
        }
    })?;
    let plan = format.parse(&text).map_err(|problem| ImportError::Damaged {
        path: source.to_owned(),
        format,
        problem,
    })?;
    let prepared = prepare_images(source, plan.images())?;
    let title = title
        .map(str::to_owned)
        .or_else(|| plan.title.clone())
        .unwrap_or_else(|| title_from_file_name(source));
    let board = create_board_file(out, device, |media| {
        let stored = prepared
            .iter()
            .map(|image| image.store(media))
            .collect::<Result<Vec<_>, _>>()?;
        plan.build(&title, device, stored)
            .map_err(|source_error| ImportError::Build {
                path: source.to_owned(),
                source: source_error,
            })
    })?;
    Ok(Imported {
        board: out.to_owned(),
        format,
        cards: board.card_count(),
        columns: board.columns.len(),
        left_out: plan.left_out.describe(),
    })
}

/// A path in `folder` for the board imported from `source`, taken by no board or media folder:
/// `trello.json` → `trello.json`, else `trello-2.json`, `trello-3.json`…
pub fn new_board_path(folder: &Path, source: &Path) -> PathBuf {
    let stem = source
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.trim().is_empty())
        .unwrap_or_else(|| "imported".to_owned());
    (1..)
        .map(|number| match number {
            1 => folder.join(format!("{stem}.json")),
            _ => folder.join(format!("{stem}-{number}.json")),
        })
        .find(|path| !path.exists() && !crate::store::media_dir_for(path).exists())
        .unwrap_or_else(|| folder.join(format!("{stem}.json")))
}

/// Whether `text` is a Boothboard board file: opened, not imported.
fn is_board_file(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Header {
        format: Option<String>,
    }
    serde_json::from_str::<Header>(text)
        .ok()
        .and_then(|header| header.format)
        .is_some_and(|format| format == crate::store::FORMAT)
}

/// The file's text: at most [`MAX_IMPORT_BYTES`], UTF-8 (a byte order mark dropped).
fn read_text(path: &Path) -> Result<String, ImportError> {
    let read_error = |source| ImportError::Read {
        path: path.to_owned(),
        source,
    };
    // Looked at before it is opened: opening a named pipe would wait for a writer.
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if !metadata.is_file() {
        return Err(ImportError::NotAFile { path: path.to_owned() });
    }
    if metadata.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { path: path.to_owned() });
    }
    let file = File::open(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    // One byte past the limit, so a file that grows meanwhile is caught without reading all of it.
    file.take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { path: path.to_owned() });
    }
    let text = String::from_utf8(bytes).map_err(|_| ImportError::NotText { path: path.to_owned() })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// Reads and checks each image from its media folder beside `source`: a real folder, a regular
/// file (no link followed) whose content matches its hash name, and a picture that decodes.
fn prepare_images<'a>(
    source: &Path,
    images: impl Iterator<Item = &'a super::ImagePlan>,
) -> Result<Vec<PreparedImage>, ImportError> {
    let beside = source.parent().unwrap_or(Path::new(""));
    images
        .map(|image| {
            let named = format!("{}/{}", image.folder, image.file);
            let bytes = read_media(&beside.join(&image.folder), &image.file)
                .map_err(|problem| ImportError::image(source, named.clone(), &problem))?;
            prepare_bytes(&image.caption, bytes).map_err(|problem| ImportError::image(source, named, &problem))
        })
        .collect()
}
