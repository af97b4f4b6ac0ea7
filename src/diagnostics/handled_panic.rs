//! Panics the app expects and recovers from: logged as warnings, not reported as crashes.
//!
//! A dependency that panics on a machine it does not expect (egui's system font provider on one
//! without fonts) is caught where it is called and the app goes on; such a panic is no crash.

use std::cell::Cell;
use std::sync::{Mutex, PoisonError};

thread_local! {
    static HANDLING: Cell<bool> = const { Cell::new(false) };
}

/// Threads, by name, whose panics the app handles (it sees their result fail, and goes on).
static HANDLED_THREADS: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

/// Runs `work`, catching a panic in it: `Err` with its message. The panic hook logs it as a
/// warning instead of writing a crash report.
pub fn catch_handled_panic<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let was = HANDLING.with(|handling| handling.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    HANDLING.with(|handling| handling.set(was));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_owned())
    })
}

/// Says that a panic on the thread named `thread` is handled where its result is used.
pub fn panics_handled_on_thread(thread: &'static str) {
    let mut threads = HANDLED_THREADS.lock().unwrap_or_else(PoisonError::into_inner);
    if !threads.contains(&thread) {
        threads.push(thread);
    }
}

/// Whether a panic now, on this thread, is one the app handles.
pub(super) fn is_handled_here() -> bool {
    HANDLING.with(Cell::get)
        || std::thread::current().name().is_some_and(|name| {
            HANDLED_THREADS
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .contains(&name)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_is_handled_only_while_caught_and_on_its_thread() {
        assert!(!is_handled_here());
        let caught = catch_handled_panic(|| {
            assert!(is_handled_here());
            panic!("no fonts");
        });
        assert_eq!(caught, Err("no fonts".to_owned()));
        assert_eq!(catch_handled_panic(|| 7), Ok(7));
        assert!(!is_handled_here());

        panics_handled_on_thread("font-probe-test");
        let named = std::thread::Builder::new()
            .name("font-probe-test".to_owned())
            .spawn(is_handled_here)
            .unwrap();
        assert!(named.join().unwrap());
    }
}
