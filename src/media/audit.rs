//! A look through a board's media folder for what Boothboard did not put there, and moving such
//! files aside (never deleting them).

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::media_file::FileKind;
use super::{MediaProblem, check_media_folder, verify_media};
use crate::model::{Board, MediaName};

/// The folder inside a media folder that `check --fix-media` moves files into.
pub const QUARANTINE: &str = ".quarantine";

/// One thing found in or about a board's media folder.
#[derive(Debug)]
pub enum MediaFinding {
    /// The media folder itself is a link or not a folder; nothing in it was looked at.
    Folder(MediaProblem),
    /// A card shows an image that is missing or not what Boothboard stored.
    CardImage {
        /// The card's title.
        card: String,
        /// The file the card names.
        file: MediaName,
        /// What is wrong with it.
        problem: MediaProblem,
    },
    /// Something no card shows that is a link or not a regular file.
    Strange(MediaProblem),
    /// A regular file no card shows.
    Unused {
        /// The file.
        path: PathBuf,
    },
}

impl MediaFinding {
    /// Whether it is a danger (a link, a special file, changed content, a foreign name, a missing
    /// image), not just clutter.
    pub fn is_error(&self) -> bool {
        !matches!(self, Self::Unused { .. })
    }

    /// The entry in the media folder that `--fix-media` moves aside, if any: unused, changed or
    /// foreign files, links (the link, not what it points to) and special files.
    fn to_move_aside(&self) -> Option<&Path> {
        match self {
            Self::Unused { path }
            | Self::Strange(MediaProblem::Link { path, .. } | MediaProblem::NotRegular { path, .. })
            | Self::CardImage {
                problem:
                    MediaProblem::Link { path, .. }
                    | MediaProblem::NotRegular { path, .. }
                    | MediaProblem::ForeignName { path }
                    | MediaProblem::Changed { path },
                ..
            } => Some(path),
            _ => None,
        }
    }
}

/// Looks at every image `board`'s cards show and every entry in `media_dir`; reads each image once,
/// without following links, and hashes it against its name.
pub fn audit_media(board: &Board, media_dir: &Path) -> Vec<MediaFinding> {
    if let Err(problem) = check_media_folder(media_dir) {
        return vec![MediaFinding::Folder(problem)];
    }
    let mut findings = Vec::new();
    let mut shown = BTreeSet::new();
    for card in board.cards() {
        for image in &card.images {
            if !shown.insert(image.file.as_str()) {
                continue;
            }
            if let Err(problem) = verify_media(media_dir, &image.file) {
                findings.push(MediaFinding::CardImage {
                    card: card.title.clone(),
                    file: image.file.clone(),
                    problem,
                });
            }
        }
    }
    let Ok(entries) = fs::read_dir(media_dir) else {
        return findings; // No folder: every image is missing, and said so above.
    };
    let mut others: Vec<(OsString, io::Result<fs::Metadata>)> = entries
        .flatten()
        .map(|entry| (entry.file_name(), fs::symlink_metadata(entry.path())))
        .filter(|(name, metadata)| {
            // The quarantine is skipped only when it is a real folder: a link of that name is reported.
            let quarantine = name == QUARANTINE && metadata.as_ref().is_ok_and(fs::Metadata::is_dir);
            !quarantine && !name.to_str().is_some_and(|name| shown.contains(name))
        })
        .collect();
    others.sort_by(|(a, _), (b, _)| a.cmp(b));
    for (name, metadata) in others {
        let path = media_dir.join(name);
        findings.push(match metadata {
            Ok(metadata) if metadata.file_type().is_symlink() => MediaFinding::Strange(MediaProblem::Link {
                target: fs::read_link(&path).unwrap_or_default(),
                path,
            }),
            Ok(metadata) if !metadata.is_file() => MediaFinding::Strange(MediaProblem::NotRegular {
                kind: FileKind::of(&metadata),
                path,
            }),
            Ok(_) => MediaFinding::Unused { path },
            Err(source) => MediaFinding::Strange(MediaProblem::Read { path, source }),
        });
    }
    findings
}

/// A file moved aside by [`quarantine`].
#[derive(Debug)]
pub struct MovedAside {
    /// Where it was.
    pub from: PathBuf,
    /// Where it is now.
    pub to: PathBuf,
}

/// Moves the unused, changed and foreign files, links and special files of `findings` into
/// `media_dir/.quarantine/` by renaming them: nothing is deleted, and a link moves as the link.
/// Stops at the first that can't be moved; returns the ones moved so far with the error.
pub fn quarantine(media_dir: &Path, findings: &[MediaFinding]) -> (Vec<MovedAside>, Option<MediaProblem>) {
    let mut moved = Vec::new();
    let to_move: Vec<&Path> = findings.iter().filter_map(MediaFinding::to_move_aside).collect();
    if to_move.is_empty() {
        return (moved, None);
    }
    let folder = media_dir.join(QUARANTINE);
    if let Err(problem) = quarantine_folder(&folder) {
        return (moved, Some(problem));
    }
    for from in to_move {
        let Some(name) = from.file_name() else { continue };
        let to = free_name(&folder, name);
        if let Err(source) = fs::rename(from, &to) {
            return (
                moved,
                Some(MediaProblem::Read {
                    path: from.to_owned(),
                    source,
                }),
            );
        }
        moved.push(MovedAside {
            from: from.to_owned(),
            to,
        });
    }
    (moved, None)
}

/// Makes the quarantine folder, or checks that the one there is a real folder.
fn quarantine_folder(folder: &Path) -> Result<(), MediaProblem> {
    match fs::create_dir(folder) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => check_media_folder(folder),
        Err(source) => Err(MediaProblem::Read {
            path: folder.to_owned(),
            source,
        }),
    }
}

/// `folder/name`, or `folder/name.1`, `name.2` … when that is taken: nothing moved there earlier is replaced.
fn free_name(folder: &Path, name: &std::ffi::OsStr) -> PathBuf {
    let mut candidate = folder.join(name);
    let mut number = 0;
    while fs::symlink_metadata(&candidate).is_ok() {
        number += 1;
        let mut numbered = name.to_owned();
        numbered.push(format!(".{number}"));
        candidate = folder.join(numbered);
    }
    candidate
}
