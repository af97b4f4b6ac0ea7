//! Where Boothboard keeps its files: `BOOTHBOARD_HOME`, or the platform's data folder.

use std::path::{Path, PathBuf};

/// The environment variable that moves everything Boothboard writes.
pub const HOME_ENV: &str = "BOOTHBOARD_HOME";

/// The folder under which all boards, settings and window state live.
#[derive(Clone, Debug)]
pub struct AppHome {
    root: PathBuf,
}

/// No place to keep files could be found.
#[derive(Debug, thiserror::Error)]
#[error("can't find a data folder for Boothboard; set {HOME_ENV} to a folder it may write to")]
pub struct NoHome;

impl AppHome {
    /// `BOOTHBOARD_HOME` when set, else the platform's data folder for Boothboard.
    pub fn from_env() -> Result<Self, NoHome> {
        if let Some(root) = std::env::var_os(HOME_ENV).filter(|root| !root.is_empty()) {
            return Ok(Self::at(root));
        }
        directories::ProjectDirs::from("", "", "Boothboard")
            .map(|dirs| Self::at(dirs.data_dir()))
            .ok_or(NoHome)
    }

    /// A home at an explicit folder (tests use a temporary one).
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder for boards created without an explicit path.
    pub fn boards_dir(&self) -> PathBuf {
        self.root.join("boards")
    }

    /// The sample board, created on first launch.
    pub fn default_board_path(&self) -> PathBuf {
        self.boards_dir().join("kubecon-2018.json")
    }

    /// Which board was open last.
    pub fn settings_path(&self) -> PathBuf {
        self.root.join("settings.json")
    }

    /// Where eframe keeps window size and position.
    pub fn window_state_dir(&self) -> PathBuf {
        self.root.join("window")
    }

    /// Thumbnails made earlier, so images are not decoded again on every start.
    pub fn thumbnails_dir(&self) -> PathBuf {
        self.root.join("thumbnails")
    }

    /// What a board's screenshot inbox has taken in (content hashes), so nothing comes in twice.
    pub fn inbox_memory_path(&self, board: &Path) -> PathBuf {
        let hash = blake3::hash(board.as_os_str().as_encoded_bytes()).to_hex();
        let short = hash.as_str().get(..16).unwrap_or(hash.as_str());
        self.root.join("inbox").join(format!("{short}.imported"))
    }

    /// The log file and its rotated predecessors.
    pub fn logs_dir(&self) -> PathBuf {
        self.root.join("logs")
    }

    /// A report per crash of the app, for bug reports.
    pub fn crash_reports_dir(&self) -> PathBuf {
        self.root.join("crash-reports")
    }
}
