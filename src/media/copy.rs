//! Bringing another copy's images into a board's media folder, read as data from a stranger:
//! content-hashed names make this a union, and nothing is read through a link.

use std::path::Path;

use super::media_file::{MediaProblem, check_media_folder, read_media, verify_media};
use crate::model::MediaName;
use crate::store::{create_folder_with, folder_permissions_beside, permissions_beside, write_atomic_with};

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
/// name. Files are checked on the way in, as any reader checks them. The copies (and `to_dir`, when
/// it is made) may be read by whoever may read the board file beside it (`NAME.json` for
/// `NAME.media`), when there is one.
pub fn copy_media<'a>(from_dir: &Path, to_dir: &Path, names: impl IntoIterator<Item = &'a MediaName>) -> MediaCopied {
    let mut done = MediaCopied::default();
    if let Err(problem) = check_media_folder(to_dir) {
        done.refused.push(problem);
        return done;
    }
    let board = to_dir.with_extension("json");
    let permissions = permissions_beside(&board);
    let folder_permissions = folder_permissions_beside(&board);
    for name in names {
        if verify_media(to_dir, name).is_ok() {
            continue;
        }
        match read_media(from_dir, name) {
            Ok(bytes) => {
                let to = to_dir.join(name.as_str());
                let written = create_folder_with(to_dir, folder_permissions.as_ref())
                    .and_then(|()| write_atomic_with(&to, &bytes, permissions.as_ref()));
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

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn copies_into_a_private_boards_media_folder_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let mut png = Vec::new();
        image::RgbaImage::from_pixel(4, 3, image::Rgba([20, 120, 220, 255]))
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let theirs = dir.path().join("theirs.media");
        let image = crate::media::store_image_bytes(&theirs, &png, "diagram").unwrap();
        let board = dir.path().join("ours.json");
        std::fs::write(&board, b"{}").unwrap();
        std::fs::set_permissions(&board, std::fs::Permissions::from_mode(0o600)).unwrap();
        let ours = dir.path().join("ours.media");
        let copied = copy_media(&theirs, &ours, [&image.file]);
        assert_eq!(copied.copied, 1, "{copied:?}");
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ours), 0o700);
        assert_eq!(mode(&ours.join(image.file.as_str())), 0o600);
    }
}
