//! Launches the window, or runs a headless subcommand.

use std::process::ExitCode;

use boothboard::app::{BoothboardApp, Startup, close_on_quit_signals, load_failure, with_frame_probe};
use boothboard::cli::{self, Cli};
use boothboard::diagnostics::{Logger, Stderr, install_panic_hook};
use boothboard::i18n;
use boothboard::open::{board_to_open, open_or_create};
use boothboard::store::{AppHome, Settings};
use boothboard::ui::{SaveStatus, SystemFontFallback};
use clap::Parser as _;

/// glibc's allocator kept the picture buffers that image workers freed: scrolling through 1,000
/// screenshots ended at 430 MiB. mimalloc gives freed memory back: 300 MiB at the peak.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            let text = error.to_string();
            let first = text.lines().next().unwrap_or("invalid arguments");
            eprintln!(
                "boothboard: {}; see boothboard --help",
                first.trim_start_matches("error: ")
            );
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Some(command) => {
            Logger::new(AppHome::from_env().ok().as_ref(), Stderr::Quiet).install();
            run_command(command)
        }
        None => run_app(cli.board),
    }
}

fn run_command(command: cli::CliCommand) -> ExitCode {
    match cli::run(command) {
        Ok(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            // The log file keeps it for a bug report; stderr gets it once, below.
            log::error!("{error}");
            eprintln!("boothboard: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The app's id: the .desktop file's name and the window's class, so that desktops match them.
const APP_ID: &str = "io.github.boothboard.Boothboard";

/// The icon the window shows in task bars (the .desktop file's icon is installed beside it).
const WINDOW_ICON: &[u8] = include_bytes!("../assets/icons/boothboard-256.png");

fn run_app(requested: Option<std::path::PathBuf>) -> ExitCode {
    let home = match AppHome::from_env() {
        Ok(home) => home,
        Err(error) => {
            eprintln!("boothboard: {error}");
            return ExitCode::FAILURE;
        }
    };
    Logger::new(Some(&home), Stderr::Echo).install();
    install_panic_hook(home.crash_reports_dir());
    let system_fonts = SystemFontFallback::start_enumerating();
    // Before the board: a first launch makes the sample board in the window's language.
    i18n::set_language(Settings::load(&home).window_language());
    let path = board_to_open(&home, requested);
    let startup = match open_or_create(&home, &path) {
        Ok(board) => {
            Settings::remember_board(&home, path.clone());
            Startup::Opened(path.clone(), Box::new(board))
        }
        Err(error) => {
            eprintln!("boothboard: {error}");
            Startup::Failed(load_failure(&path, &error))
        }
    };
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Boothboard")
        // The name of the .desktop file, so task bars and docks find its icon and name.
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        // The top bar, the board and an open card's editor fit, one row of search beneath.
        .with_min_inner_size([760.0, 480.0]);
    match eframe::icon_data::from_png_bytes(WINDOW_ICON) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(error) => log::warn!("the window icon can't be read: {error}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        persistence_path: Some(home.window_state_dir().join("window.ron")),
        // Installed below, guarded: on a machine without fonts, egui's own provider panics.
        system_font_fallback: false,
        ..Default::default()
    };
    let result = eframe::run_native(
        "Boothboard",
        options,
        Box::new(move |cc| {
            close_on_quit_signals(&cc.egui_ctx)?;
            system_fonts.install(&cc.egui_ctx);
            let app = BoothboardApp::new(&cc.egui_ctx, home, startup)?;
            if app.save_status() == SaveStatus::ReadOnly {
                eprintln!(
                    "boothboard: {}: open in another Boothboard; this window is read only",
                    path.display()
                );
            }
            Ok(with_frame_probe(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("boothboard: can't open a window: {error}");
            ExitCode::FAILURE
        }
    }
}
