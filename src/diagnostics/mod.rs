//! What a bug report needs: a log file, and a crash report when the app panics. Both live under
//! `BOOTHBOARD_HOME`; main installs them. No egui.

mod crash_report;
mod handled_panic;
mod log_file;
mod logger;
mod utc;

pub use crash_report::{CrashReport, install_panic_hook, newest_crash_report, write_crash_report};
pub use handled_panic::{catch_handled_panic, panics_handled_on_thread};
pub use log_file::RotatingFile;
pub use logger::{LOG_LEVEL_ENV, Logger, Stderr, log_file};
pub use utc::UtcTime;
