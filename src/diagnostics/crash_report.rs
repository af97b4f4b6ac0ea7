//! When the app panics: a report of what, where and on which thread, with a backtrace, written to
//! `BOOTHBOARD_HOME/crash-reports/crash-YYYYMMDD-HHMMSS.txt` for a bug report.

use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};

use super::utc::UtcTime;

/// Reports of one second get `-2`, `-3` … up to this; past it, the report is only on stderr.
const MAX_REPORTS_A_SECOND: u32 = 100;

/// What a crash report says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrashReport {
    /// When the panic happened.
    pub time: UtcTime,
    /// The panic's message.
    pub message: String,
    /// The source file, line and column that panicked.
    pub location: String,
    /// The thread that panicked.
    pub thread: String,
    /// The stack at the panic.
    pub backtrace: String,
}

impl CrashReport {
    /// The report of a panic now on this thread, from inside a panic hook.
    pub fn of_panic(info: &PanicHookInfo<'_>) -> Self {
        Self {
            time: UtcTime::now(),
            message: info.payload_as_str().unwrap_or("(no message)").to_owned(),
            location: info
                .location()
                .map_or_else(|| "unknown".to_owned(), ToString::to_string),
            thread: std::thread::current().name().unwrap_or("unnamed").to_owned(),
            backtrace: std::backtrace::Backtrace::force_capture().to_string(),
        }
    }

    /// The text of the report file.
    pub fn text(&self) -> String {
        format!(
            "Boothboard {version} crashed.\n\
             Please attach this file to a bug report, with boothboard.log from the logs folder beside this one.\n\n\
             time: {time}\nversion: {version}\nthread: {thread}\nlocation: {location}\nmessage: {message}\n\nbacktrace:\n{backtrace}\n",
            version = env!("CARGO_PKG_VERSION"),
            time = self.time,
            thread = self.thread,
            location = self.location,
            message = self.message,
            backtrace = self.backtrace,
        )
    }
}

/// Writes `report` into `folder` (created if needed) under a name of its own, never over another
/// report. Returns where.
pub fn write_crash_report(folder: &Path, report: &CrashReport) -> io::Result<PathBuf> {
    fs::create_dir_all(folder)?;
    let stem = format!("crash-{}", report.time.compact());
    for number in 1..=MAX_REPORTS_A_SECOND {
        let name = match number {
            1 => format!("{stem}.txt"),
            _ => format!("{stem}-{number}.txt"),
        };
        let path = folder.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(report.text().as_bytes())?;
                file.sync_all()?;
                return Ok(path);
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{MAX_REPORTS_A_SECOND} crash reports in one second already"),
    ))
}

/// The most recent crash report in `folder`, if any.
pub fn newest_crash_report(folder: &Path) -> Option<PathBuf> {
    fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with("crash-") && name.ends_with(".txt")
        })
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .max()
        .map(|(_, path)| path)
}

/// Makes every panic write a crash report into `folder` and log where it went, then do what
/// panics did before (the default hook prints the message to stderr). A panic the app handles is
/// only logged, as a warning.
pub fn install_panic_hook(folder: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if super::handled_panic::is_handled_here() {
            let thread = std::thread::current().name().unwrap_or("unnamed").to_owned();
            let location = info
                .location()
                .map_or_else(|| "unknown".to_owned(), ToString::to_string);
            let message = info.payload_as_str().unwrap_or("(no message)");
            log::warn!("handled panic on thread {thread} at {location}: {message}");
            return;
        }
        let report = CrashReport::of_panic(info);
        match write_crash_report(&folder, &report) {
            Ok(path) => log::error!(
                "panicked at {}: {}; crash report: {}",
                report.location,
                report.message,
                path.display()
            ),
            Err(error) => log::error!(
                "panicked at {}: {}; the crash report could not be written to {}: {error}",
                report.location,
                report.message,
                folder.display()
            ),
        }
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> CrashReport {
        CrashReport {
            time: UtcTime::from_unix_seconds(1_544_572_799),
            message: "byte index 3 is not a char boundary".to_owned(),
            location: "src/export/escape.rs:48:5".to_owned(),
            thread: "main".to_owned(),
            backtrace: "   0: boothboard::export::escape".to_owned(),
        }
    }

    #[test]
    fn reports_of_one_second_each_get_a_file_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("crash-reports");
        assert_eq!(newest_crash_report(&folder), None);
        let first = write_crash_report(&folder, &report()).unwrap();
        let second = write_crash_report(&folder, &report()).unwrap();
        assert_eq!(first, folder.join("crash-20181211-235959.txt"));
        assert_eq!(second, folder.join("crash-20181211-235959-2.txt"));
        let text = fs::read_to_string(&first).unwrap();
        for expected in [
            "time: 2018-12-11T23:59:59Z",
            concat!("version: ", env!("CARGO_PKG_VERSION")),
            "thread: main",
            "location: src/export/escape.rs:48:5",
            "message: byte index 3 is not a char boundary",
            "backtrace:\n   0: boothboard::export::escape",
        ] {
            assert!(text.contains(expected), "{expected:?} in {text}");
        }
        assert!(newest_crash_report(&folder).is_some());
    }
}
