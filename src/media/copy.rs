//! Bringing another copy's images into a board's media folder, read as data from a stranger:
//! content-hashed names make this a union, and nothing is read through a link.

use std::path::Path;

use super::media_file::{MediaProblem, check_media_folder, read_media, verify_media};
use crate::model::MediaName;
use crate::store::write_atomic;

/// What copying media did.
#[derive(Debug, Default)]
pub struct MediaCopied {
    /// Files copied in.
    pub copied: usize,
    /// Files the other copy names but does not have yet (a sync still under way).
    pub not_here_yet: Vec<MediaName>,
    /// Files refused: links, special files, content that does not match the name.
    pub refused: Vec<MediaProblem>,
}

/// Copies the files `names` from `from_dir` into `to_dir` where `to_dir` has no good file of that
/// name. Files are checked on the way in, as any reader checks them.
pub fn copy_media<'a>(from_dir: &Path, to_dir: &Path, names: impl IntoIterator<Item = &'a MediaName>) -> MediaCopied {
    let mut done = MediaCopied::default();
    if let Err(problem) = check_media_folder(to_dir) {
        done.refused.push(problem);
        return done;
    }
    for name in names {
        if verify_media(to_dir, name).is_ok() {
            continue;
        }
        match read_media(from_dir, name) {
            Ok(bytes) => {
                let written =
                    std::fs::create_dir_all(to_dir).and_then(|()| write_atomic(&to_dir.join(name.as_str()), &bytes));
                match written {
                    Ok(()) => done.copied += 1,
                    Err(source) => done.refused.push(MediaProblem::Read {
                        path: to_dir.join(name.as_str()),
                        source,
                    }),
                }
            }
            Err(MediaProblem::Missing { .. }) => done.not_here_yet.push(name.clone()),
            Err(problem) => done.refused.push(problem),
        }
    }
    done
}
