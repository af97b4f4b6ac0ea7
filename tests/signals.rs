//! Promise 8: SIGTERM and SIGINT flush a pending save before the app exits. The signals are real
//! (raised in this process, which has the app's handlers); the window is egui_kittest's, so the
//! test hands the app's close request back to it as eframe does. `.ci/smoke-window.sh` does the
//! same to the real binary in a real window under Xvfb.
//!
//! Its own test binary: the handlers stay installed in the process that ran it.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use boothboard::app::{BoothboardApp, Startup, close_on_quit_signals};
use boothboard::open::open_or_create;
use boothboard::store::{self, AppHome};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use signal_hook::consts::{SIGINT, SIGTERM};

#[test]
fn sigterm_and_sigint_save_the_last_edit_before_quitting() {
    let home_dir = tempfile::tempdir().unwrap();
    let home = AppHome::at(home_dir.path());
    let path = home.default_board_path();
    let board = open_or_create(&home, &path).unwrap();
    let startup = Startup::Opened(path.clone(), Box::new(board));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 1000.0))
        .build_eframe(move |cc| {
            close_on_quit_signals(&cc.egui_ctx).unwrap();
            BoothboardApp::new(&cc.egui_ctx, home, startup).unwrap()
        });
    harness.run_steps(3);

    for (signal, typed) in [(SIGTERM, " (before SIGTERM)"), (SIGINT, " (before SIGINT)")] {
        harness.get_by_label("Board title").focus();
        harness.run_steps(1);
        harness.get_by_label("Board title").type_text(typed);
        harness.run_steps(1);

        signal_hook::low_level::raise(signal).unwrap();
        let root = egui::ViewportId::ROOT;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            harness.step();
            if harness.output().viewport_output[&root]
                .commands
                .contains(&egui::ViewportCommand::Close)
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "signal {signal} did not ask the window to close"
            );
            std::thread::sleep(Duration::from_millis(10));
        }

        // eframe turns the app's close request into the window's close event.
        harness
            .input_mut()
            .viewports
            .entry(root)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        harness.step();
        let commands = &harness.output().viewport_output[&root].commands;
        assert!(!commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
        // The close itself flushed the edit: no waiting for the autosave.
        let saved = store::load(&path).unwrap();
        assert!(saved.title.ends_with(typed), "signal {signal}: {:?}", saved.title);
    }
}
