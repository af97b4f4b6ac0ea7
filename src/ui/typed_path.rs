//! Paths typed or pasted into a field, read as a person means them.

use std::path::{Path, PathBuf};

/// The path typed, without the quotes a file manager's "copy path" adds; `~/` means the home
/// folder. `None` for a relative path (there is no "current folder" in a window) or nothing.
pub fn typed_full_path(typed: &str) -> Option<PathBuf> {
    let typed = typed.trim().trim_matches(['"', '\'']);
    if let Some(rest) = typed.strip_prefix("~/") {
        return Some(directories::BaseDirs::new()?.home_dir().join(rest));
    }
    Some(PathBuf::from(typed)).filter(|path| path.is_absolute())
}

/// A board's path as typed: a full path as [`typed_full_path`] reads it, else one inside
/// `folder`; a name without `.json` gets it.
pub fn typed_board_path(typed: &str, folder: &Path) -> Option<PathBuf> {
    let bare = typed.trim().trim_matches(['"', '\'']);
    if bare.is_empty() {
        return None;
    }
    let mut path = typed_full_path(bare).unwrap_or_else(|| folder.join(bare));
    if path.extension().is_none() {
        path.set_extension("json");
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_path_is_read_as_a_person_means_it() {
        let folder = Path::new("/home/ana/.local/share/boothboard/boards");
        assert_eq!(
            typed_board_path("qcon-2019", folder),
            Some(folder.join("qcon-2019.json"))
        );
        assert_eq!(
            typed_board_path(" '/tmp/talks.json' ", folder),
            Some(PathBuf::from("/tmp/talks.json"))
        );
        assert_eq!(
            typed_board_path("team/kubecon.json", folder),
            Some(folder.join("team/kubecon.json"))
        );
        assert_eq!(typed_board_path("  ", folder), None);
        let home = directories::BaseDirs::new().unwrap().home_dir().to_owned();
        assert_eq!(
            typed_board_path("~/boards/x.json", folder),
            Some(home.join("boards/x.json"))
        );
        assert_eq!(typed_full_path("~/Documents/blog"), Some(home.join("Documents/blog")));
        assert_eq!(typed_full_path("\"/srv/blog\""), Some(PathBuf::from("/srv/blog")));
        assert_eq!(typed_full_path("blog"), None);
    }
}
