//! Which files in an inbox folder may be images to take in: not the hidden and temporary files
//! that screenshot and sync tools write before the real one.

use std::ffi::OsStr;
use std::path::Path;

/// The extensions of the image formats Boothboard takes. The content decides in the end: a file
/// with one of these names is still sniffed and decoded before it is taken.
const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "bmp"];

/// Endings of files still being written: browsers', sync tools' and editors' temporary files.
const TEMPORARY_ENDINGS: &[&str] = &[".tmp", ".part", ".partial", ".crdownload", ".download", "~"];

/// Whether a file of this name may be a finished image: not hidden (`.*`, which covers macOS's
/// screenshot in the making and Syncthing's `.syncthing.*.tmp`), not a temporary file (`*.tmp`,
/// `*.part`, `~*`), and named as an image.
pub fn is_candidate(name: &OsStr) -> bool {
    let name = name.to_string_lossy().to_lowercase();
    if name.starts_with('.') || name.starts_with('~') {
        return false;
    }
    if TEMPORARY_ENDINGS.iter().any(|ending| name.ends_with(ending)) {
        return false;
    }
    Path::new(&name)
        .extension()
        .and_then(OsStr::to_str)
        .is_some_and(|extension| IMAGE_EXTENSIONS.contains(&extension))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_candidates_and_files_in_the_making_are_not() {
        for name in [
            "Screenshot 2026-03-01 at 14.03.22.png",
            "IMG_2041.JPG",
            "photo.jpeg",
            "a.webp",
            "b.gif",
            "c.bmp",
        ] {
            assert!(is_candidate(OsStr::new(name)), "{name}");
        }
        for name in [
            ".Screenshot 2026-03-01 at 14.03.22.png",
            ".syncthing.IMG_2041.JPG.tmp",
            "IMG_2041.JPG.tmp",
            "shot.png.part",
            "~shot.png",
            "shot.png~",
            "notes.txt",
            "recording.mp4",
            "no-extension",
            ".png",
        ] {
            assert!(!is_candidate(OsStr::new(name)), "{name}");
        }
    }
}
