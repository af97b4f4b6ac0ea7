//! SIGTERM and SIGINT (a logout, `kill`, Ctrl+C in the terminal) close the window the way Ctrl+Q
//! does, so the pending save is flushed first, or the user is asked if it can't be.

/// Starts the `quit-signals` thread, which turns each SIGTERM or SIGINT into a close request
/// on `ctx`'s window. From then on these signals no longer end the process at once.
#[cfg(unix)]
pub fn close_on_quit_signals(ctx: &egui::Context) -> std::io::Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};

    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT])?;
    let ctx = ctx.clone();
    std::thread::Builder::new()
        .name("quit-signals".to_owned())
        .spawn(move || {
            for signal in signals.forever() {
                let name = if signal == SIGTERM { "SIGTERM" } else { "SIGINT" };
                eprintln!("boothboard: {name}: saving and quitting");
                // The close request reaches the app like the window's close button or Ctrl+Q.
                ctx.send_viewport_cmd_to(egui::ViewportId::ROOT, egui::ViewportCommand::Close);
            }
        })?;
    Ok(())
}

/// Elsewhere the platform's own close events already reach the window.
#[cfg(not(unix))]
pub fn close_on_quit_signals(_ctx: &egui::Context) -> std::io::Result<()> {
    Ok(())
}
