//! Why the inbox folder can't be watched now, as data: worded where it is shown, in the language
//! of the thread that shows it (the window's, not the watch thread's).

use std::path::PathBuf;

use crate::tr;

/// The inbox folder is gone, or can't be watched; watching resumes when it is back.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FolderProblem {
    /// The folder is not there (unplugged, renamed, deleted).
    #[error("{}", tr!("inbox-folder-not-there", folder = .0.display().to_string()))]
    NotThere(PathBuf),
    /// The system refused to watch it, with its reason.
    #[error("{}", tr!("inbox-folder-cant-watch", folder = .0.display().to_string(), error = .1.clone()))]
    CantWatch(PathBuf, String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Language};

    #[test]
    fn a_missing_folder_is_worded_in_the_language_of_the_thread_that_shows_it() {
        let gone = FolderProblem::NotThere(PathBuf::from("/media/card/DCIM"));
        i18n::set_language(Language::English);
        assert_eq!(gone.to_string(), "/media/card/DCIM: the folder is not there");
        i18n::set_language(Language::SimplifiedChinese);
        assert_eq!(gone.to_string(), "/media/card/DCIM：文件夹不在了");
        let refused = FolderProblem::CantWatch(PathBuf::from("/srv"), "too many watches".to_owned());
        assert_eq!(refused.to_string(), "/srv：无法监视：too many watches");
        i18n::set_language(Language::English);
    }
}
