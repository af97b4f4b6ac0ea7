//! The folder the inbox offers before the user picks one: where this platform puts screenshots.

use std::path::{Path, PathBuf};

/// The platform's screenshots folder: the Desktop on macOS; elsewhere `Pictures/Screenshots`
/// where there is one (GNOME, KDE, Windows), else `Pictures`.
pub fn default_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    if cfg!(target_os = "macos") {
        return dirs.desktop_dir().map(Path::to_owned);
    }
    let pictures = dirs
        .picture_dir()
        .map_or_else(|| dirs.home_dir().join("Pictures"), Path::to_owned);
    let screenshots = pictures.join("Screenshots");
    Some(if screenshots.is_dir() { screenshots } else { pictures })
}
