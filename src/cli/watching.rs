//! `boothboard watch`: the screenshot inbox without a window. Each new image in the folder goes
//! onto the board (and is saved) as it comes, with a line on stdout, until Ctrl+C or SIGTERM.

use std::path::Path;
use std::sync::Mutex;
use std::sync::mpsc::{self, Sender};

use super::{CliError, card_titled, change_locked_board_file};
use crate::inbox::{Arrival, INBOX_COLUMN, InboxEvent, InboxWatch, clock_time, inbox_column, on_board};
use crate::media::prepare_file;
use crate::model::BoardEdit;
use crate::store::{self, AppHome, BoardLock};

/// What wakes the command.
enum Wake {
    /// The inbox has news.
    News,
    /// A signal asked to stop; its name.
    Stop(&'static str),
}

/// Watches `folder` for `board` until a quit signal; returns the last line to print. The images
/// already in the folder are taken in too with `include_existing`, else left there, and how many
/// is said, as the window offers them.
pub(super) fn watch(
    board: &Path,
    folder: &Path,
    attach_to: Option<&str>,
    include_existing: bool,
) -> Result<String, CliError> {
    if !board.is_file() {
        // Say that it is missing, rather than make a lock file beside a board that isn't there.
        store::load(board)?;
    }
    let _writer = BoardLock::acquire(board)?;
    let loaded = store::load(board)?;
    if let Some(title) = attach_to {
        card_titled(&loaded, board, title)?;
    }
    if !folder.is_dir() {
        return Err(CliError::Input(format!("{}: not a folder", folder.display())));
    }
    let home = AppHome::from_env().map_err(|error| CliError::Input(error.to_string()))?;
    let memory = home.inbox_memory_path(&board.canonicalize().unwrap_or_else(|_| board.to_owned()));
    let (wake, woken) = mpsc::channel();
    stop_on_quit_signals(wake.clone())?;
    let news = Mutex::new(wake);
    let inbox = InboxWatch::start(
        folder.to_owned(),
        memory,
        !include_existing,
        Box::new(move || {
            let _ = news.lock().map(|wake| wake.send(Wake::News));
        }),
    )
    .map_err(|error| CliError::Input(format!("can't start watching {}: {error}", folder.display())))?;
    if include_existing {
        inbox.import_existing();
    }
    println!(
        "watching {} for new images to add to {}; Ctrl+C stops",
        folder.display(),
        board.display()
    );
    for wake in woken {
        match wake {
            Wake::News => {
                for event in inbox.events() {
                    report(board, folder, attach_to, &inbox, event);
                }
            }
            Wake::Stop(signal) => {
                eprintln!("boothboard: {signal}: stopping; every image taken in is saved");
                break;
            }
        }
    }
    Ok(format!("stopped watching {}", folder.display()))
}

/// Acts on one event of the inbox and says what happened: a line on stdout for an image added,
/// on stderr for a problem (the watch goes on).
fn report(board: &Path, folder: &Path, attach_to: Option<&str>, inbox: &InboxWatch, event: InboxEvent) {
    match event {
        InboxEvent::Arrived(arrival) => match add_arrival(board, attach_to, &arrival) {
            Ok(line) => {
                let name = arrival.path.file_name().unwrap_or_default().to_string_lossy();
                inbox.imported(&arrival.hash, &name);
                println!("{line}");
            }
            Err(error) => eprintln!("boothboard: {}: not added: {error}", arrival.path.display()),
        },
        InboxEvent::Refused(error) => eprintln!("boothboard: not added: {error}"),
        InboxEvent::AlreadyThere(count) => println!("{}", left_there(folder, count)),
        InboxEvent::FolderMissing(error) => {
            eprintln!("boothboard: {error}; watching again once it is back");
        }
        InboxEvent::FolderBack => println!("{}: back; watching again", folder.display()),
    }
}

/// Says how many images were in the folder already and were left there, and how to take them in.
fn left_there(folder: &Path, count: usize) -> String {
    let images = if count == 1 {
        "1 image that was".to_owned()
    } else {
        format!("{count} images that were")
    };
    format!(
        "left {images} already in {}; run again with --include-existing to add them too",
        folder.display()
    )
}

/// Puts an image from the inbox on the board and saves it (the lock is held).
fn add_arrival(path: &Path, attach_to: Option<&str>, arrival: &Arrival) -> Result<String, CliError> {
    let file = arrival
        .path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    change_locked_board_file(path, |board| {
        if on_board(board, &arrival.hash) {
            return Ok(format!("{file}: already on the board; skipped"));
        }
        let prepared = prepare_file(&arrival.path).map_err(|error| CliError::Input(error.to_string()))?;
        let image = prepared
            .store_beside(path)
            .map_err(|error| CliError::Input(error.to_string()))?;
        let edit_error = |error: crate::model::EditError| CliError::Input(error.to_string());
        // A card deleted meanwhile: the image comes in as a card of its own.
        let card = match attach_to {
            Some(title) if board.card_by_title(title).is_some() => Some(card_titled(board, path, title)?),
            _ => None,
        };
        match card.and_then(|card| board.card(card)) {
            Some(card) => {
                let (card, title) = (card.id, card.title.clone());
                board
                    .apply(BoardEdit::AddImages(card, vec![image]))
                    .map_err(edit_error)?;
                Ok(format!("attached {file} to {title:?} in {}", path.display()))
            }
            None => {
                let column = inbox_column(board, INBOX_COLUMN).map_err(edit_error)?;
                let title = format!("Screenshot {}", clock_time(arrival.modified));
                board
                    .apply(BoardEdit::AddImageCards(column, vec![(title.clone(), image)]))
                    .map_err(edit_error)?;
                Ok(format!(
                    "added {title:?} ({file}) to {INBOX_COLUMN:?} in {}",
                    path.display()
                ))
            }
        }
    })
}

/// Turns SIGINT and SIGTERM into a request to stop, after the image being added is saved.
#[cfg(unix)]
fn stop_on_quit_signals(wake: Sender<Wake>) -> Result<(), CliError> {
    use signal_hook::consts::{SIGINT, SIGTERM};

    let failed = |error: std::io::Error| CliError::Input(format!("can't handle quit signals: {error}"));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT]).map_err(failed)?;
    std::thread::Builder::new()
        .name("quit-signals".to_owned())
        .spawn(move || {
            for signal in signals.forever() {
                let name = if signal == SIGTERM { "SIGTERM" } else { "SIGINT" };
                let _ = wake.send(Wake::Stop(name));
            }
        })
        .map_err(failed)?;
    Ok(())
}

/// Elsewhere Ctrl+C ends the process; every image taken in is saved already.
#[cfg(not(unix))]
fn stop_on_quit_signals(_wake: Sender<Wake>) -> Result<(), CliError> {
    Ok(())
}
