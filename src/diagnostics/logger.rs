//! The `log` backend: each line with its UTC time, level and target, to a rotating file under
//! `BOOTHBOARD_HOME/logs/` and, for the window, to stderr too.

use std::io::Write as _;
use std::str::FromStr as _;
use std::sync::{Mutex, OnceLock, PoisonError};

use log::LevelFilter;

use super::log_file::RotatingFile;
use super::utc::UtcTime;
use crate::store::AppHome;

/// Set to a level (`info`, `debug`, `trace`, `off`) to log more or less than warnings and errors.
pub const LOG_LEVEL_ENV: &str = "RUST_LOG";

/// The log file is moved to `boothboard.log.1` once it would pass this size.
const MAX_LOG_BYTES: u64 = 1024 * 1024;

/// Rotated files kept: `boothboard.log.1` and `boothboard.log.2`.
const OLD_LOG_FILES: usize = 2;

/// Whether log lines are also written to stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stderr {
    /// The window: lines go to stderr and the file.
    Echo,
    /// Commands: stderr keeps its one line per error, and lines go only to the file.
    Quiet,
}

/// Writes log lines; see the module's documentation.
#[derive(Debug)]
pub struct Logger {
    level: LevelFilter,
    stderr: Stderr,
    file: Option<Mutex<RotatingFile>>,
}

static LOGGER: OnceLock<Logger> = OnceLock::new();

impl Logger {
    /// A logger of warnings and errors (or the level [`LOG_LEVEL_ENV`] names) to `home`'s log file
    /// (none without a home) and, if asked, stderr.
    pub fn new(home: Option<&AppHome>, stderr: Stderr) -> Self {
        let level = std::env::var(LOG_LEVEL_ENV)
            .ok()
            .and_then(|level| LevelFilter::from_str(level.trim()).ok())
            .unwrap_or(LevelFilter::Warn);
        let file = home.map(|home| Mutex::new(log_file(home)));
        Self { level, stderr, file }
    }

    /// Makes this the process's logger. Only the first call in a process takes effect.
    pub fn install(self) {
        let level = self.level;
        if log::set_logger(LOGGER.get_or_init(|| self)).is_ok() {
            log::set_max_level(level);
        }
    }
}

/// The log file under `home`, rotated as it grows.
pub fn log_file(home: &AppHome) -> RotatingFile {
    RotatingFile::new(home.logs_dir().join("boothboard.log"), MAX_LOG_BYTES, OLD_LOG_FILES)
}

impl log::Log for Logger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= self.level
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        // Formatted before any lock is taken: a message that panics while formatting must not
        // leave the file locked for the panic hook's own line.
        let line = format!(
            "{} {:<5} {}: {}\n",
            UtcTime::now(),
            record.level(),
            record.target(),
            record.args()
        );
        // Nowhere is left to report a failure to log, and logging must never take the app down.
        if self.stderr == Stderr::Echo {
            let _ = std::io::stderr().write_all(line.as_bytes());
        }
        if let Some(file) = &self.file {
            let _ = file.lock().unwrap_or_else(PoisonError::into_inner).append(&line);
        }
    }

    fn flush(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use log::Log as _;

    #[test]
    fn a_warning_reaches_the_file_with_its_time_level_and_target() {
        let dir = tempfile::tempdir().unwrap();
        let home = AppHome::at(dir.path());
        let logger = Logger {
            level: LevelFilter::Warn,
            stderr: Stderr::Quiet,
            file: Some(Mutex::new(log_file(&home))),
        };
        let record = |level, message| {
            logger.log(
                &log::Record::builder()
                    .level(level)
                    .target("boothboard::store")
                    .args(format_args!("{message}"))
                    .build(),
            );
        };
        record(log::Level::Info, "not at this level");
        record(log::Level::Warn, "can't write the thumbnail");
        let text = std::fs::read_to_string(home.logs_dir().join("boothboard.log")).unwrap();
        let (time, rest) = text.split_once(' ').unwrap();
        assert!(
            time.starts_with("20") && time.ends_with('Z') && time.len() == 20,
            "{text}"
        );
        assert_eq!(rest, "WARN  boothboard::store: can't write the thumbnail\n");
    }
}
