//! What one frame of the board costs, and whether it grows with the board: `cargo bench --bench frame`.
//!
//! The app's real UI code on a bare `egui::Context` (`run_ui` plus tessellation, as egui's own
//! benchmark does), 1280x800 points, every column scrolled to its middle, the editor open on one card.
//! Prints the median CPU time of a frame per board size and its ratio to the 20-card board; then, on
//! the 5,000-card board, a frame with a 20 KB note open rendered, and a frame typing into it. Asserts
//! nothing. `cargo bench --bench frame -- notes` runs only the notes cases.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::time::Duration;

#[path = "support/headless_window.rs"]
mod headless_window;
#[path = "support/screenshot.rs"]
mod screenshot;
#[path = "support/synthetic_board.rs"]
mod synthetic_board;

use boothboard::command::Command;
use boothboard::i18n::{self, Language};
use boothboard::model::BoardEdit;
use headless_window::Window;

const MEASURED_FRAMES: usize = 600;
const ROUNDS: usize = 20;

/// Frames until the thumbnails in view have arrived.
fn settle(window: &mut Window) {
    for _ in 0..3_000 {
        window.frame();
        if !window.app.thumbnails_busy() && !window.ctx.has_requested_repaint() {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Scrolls every column to its middle card, then opens the editor on the middle card of column 4,
/// which leaves the middle columns in view.
fn scroll_to_middle(window: &mut Window) {
    let board = window.app.board().unwrap().clone();
    let middle_cards: Vec<_> = board
        .columns
        .iter()
        .filter_map(|column| column.cards.get(column.cards.len() / 2).map(|card| card.id))
        .collect();
    let last = middle_cards.get(3).or(middle_cards.last()).copied();
    for card in middle_cards.into_iter().chain(last) {
        window.app.view_mut().select_and_reveal(Some(card));
        for _ in 0..30 {
            window.frame();
        }
    }
    if let Some(card) = last {
        window.app.view_mut().open_editor(card);
    }
    settle(window);
}

/// A board under test, set up and scrolled, with its frame times so far.
struct Subject {
    language: Language,
    cards: usize,
    images: usize,
    window: Window,
    cpu: Vec<Duration>,
    wall: Vec<Duration>,
    primitives: usize,
    _folder: tempfile::TempDir,
}

impl Subject {
    fn new(cards: usize, images: usize) -> Self {
        Self::speaking(Language::English, cards, images)
    }

    /// A board whose window speaks `language` (its cards are the same in every language).
    fn speaking(language: Language, cards: usize, images: usize) -> Self {
        i18n::set_language(language);
        let folder = tempfile::tempdir().unwrap();
        let (path, _) = synthetic_board::synthetic_board(folder.path(), cards, images);
        let mut window = Window::open(&path, &folder.path().join("home"));
        settle(&mut window);
        scroll_to_middle(&mut window);
        Self {
            language,
            cards,
            images,
            window,
            cpu: Vec::new(),
            wall: Vec::new(),
            primitives: 0,
            _folder: folder,
        }
    }

    fn measure(&mut self, frames: usize) {
        i18n::set_language(self.language);
        for _ in 0..frames {
            let started = std::time::Instant::now();
            let thread_time = cpu_time::ThreadTime::now();
            self.primitives = self.window.frame();
            self.cpu.push(thread_time.elapsed());
            self.wall.push(started.elapsed());
        }
    }
}

/// About 20 KB of notes with every kind of Markdown a note has: headings, emphasis, lists, task
/// items, quotes, code, a table and links.
fn long_note() -> String {
    let section = |n: usize| {
        format!(
            "## Talk {n}: the data plane\n\n\
             **Envoy** runs as a *sidecar*; config comes from a CRD. See [the docs](https://example.com/{n}).\n\n\
             - [x] ask about multi-cluster\n- [ ] try the demo with `kubectl apply -f demo.yaml`\n\
             - nested:\n  - one\n  - two\n\n\
             > The control plane never touches a request.\n\n\
             ```\nkubectl get pods -n mesh\n```\n\n\
             | part | role |\n|---|---|\n| pilot | config |\n| envoy | proxy |\n\n\
             在展台上看到的：控制平面作为 Deployment 运行。\n\n---\n\n"
        )
    };
    let mut note = String::new();
    let mut n = 0;
    while note.len() < 20_000 {
        note.push_str(&section(n));
        n += 1;
    }
    note
}

/// The 5,000-card board with the editor open on a card holding `note` (or its own, of about 600
/// bytes), rendered; or, when `typing`, with that note being edited, a character added each frame.
fn note_frames(note: Option<String>, typing: bool) -> Vec<Duration> {
    let mut subject = Subject::new(5_000, 0);
    let window = &mut subject.window;
    let card = window.app.view().editor_card().unwrap();
    let mut note = match note {
        Some(note) => {
            let edit = BoardEdit::SetCardNotes(card, note.clone());
            window.app.queue_command(Command::Edit(edit));
            note
        }
        None => window.app.board().unwrap().card(card).unwrap().notes.clone(),
    };
    if typing {
        window.app.view_mut().notes.edit(card);
    }
    settle(window);
    let mut cpu = Vec::with_capacity(MEASURED_FRAMES);
    for frame in 0..MEASURED_FRAMES {
        if typing {
            note.push(if frame % 6 == 5 { ' ' } else { 'x' });
            window
                .app
                .queue_command(Command::Edit(BoardEdit::SetCardNotes(card, note.clone())));
        }
        let thread_time = cpu_time::ThreadTime::now();
        window.frame();
        cpu.push(thread_time.elapsed());
    }
    cpu
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1000.0)
}

fn main() {
    let only = |part: &str| std::env::args().any(|argument| argument == part);
    if only("languages") {
        return languages();
    }
    if !only("notes") {
        board_sizes();
        languages();
    }
    notes();
}

/// The 5,000-card board in each language, measured in one run, round robin.
fn languages() {
    println!();
    println!("5,000 cards without images, editor open, in each language (median of {MEASURED_FRAMES} frames):");
    let mut subjects: Vec<Subject> = Language::ALL
        .into_iter()
        .map(|language| Subject::speaking(language, 5_000, 0))
        .collect();
    for _ in 0..ROUNDS {
        for subject in &mut subjects {
            subject.measure(MEASURED_FRAMES / ROUNDS);
        }
    }
    println!("| language | CPU per frame | ratio to English | wall per frame |");
    println!("|---|---:|---:|---:|");
    let mut english = Duration::ZERO;
    for subject in subjects {
        let cpu = median(subject.cpu);
        if subject.language == Language::English {
            english = cpu;
        }
        println!(
            "| {} | {} | {:.2} | {} |",
            subject.language.native_name(),
            ms(cpu),
            cpu.as_secs_f64() / english.as_secs_f64(),
            ms(median(subject.wall))
        );
    }
}

fn board_sizes() {
    println!(
        "Median of {MEASURED_FRAMES} frames, {}x{} points, scrolled to the middle, editor open.",
        headless_window::SCREEN.x,
        headless_window::SCREEN.y
    );
    let mut subjects: Vec<Subject> = [0, 1_000]
        .into_iter()
        .flat_map(|images| [20, 1_000, 5_000].map(|cards| (cards, images.min(cards))))
        .map(|(cards, images)| Subject::new(cards, images))
        .collect();
    // Round robin, so drift on a shared machine touches every board alike.
    for _ in 0..ROUNDS {
        for subject in &mut subjects {
            subject.measure(MEASURED_FRAMES / ROUNDS);
        }
    }
    println!("| cards | images | CPU per frame | ratio to 20 cards | wall per frame | primitives |");
    println!("|---:|---:|---:|---:|---:|---:|");
    let mut baseline = Duration::ZERO;
    for subject in subjects {
        let cpu = median(subject.cpu);
        if subject.cards == 20 {
            baseline = cpu;
        }
        println!(
            "| {} | {} | {} | {:.2} | {} | {} |",
            subject.cards,
            subject.images,
            ms(cpu),
            cpu.as_secs_f64() / baseline.as_secs_f64(),
            ms(median(subject.wall)),
            subject.primitives,
        );
    }
}

fn notes() {
    let note_bytes = long_note().len();
    println!();
    println!("5,000 cards without images, the editor open on a card with a {note_bytes}-byte note:");
    println!("| notes | CPU per frame | the card's own note (about 600 bytes) |");
    println!("|---|---:|---:|");
    for (case, typing) in [("rendered", false), ("typing, a character a frame", true)] {
        let long = median(note_frames(Some(long_note()), typing));
        let short = median(note_frames(None, typing));
        println!("| {case} | {} | {} |", ms(long), ms(short));
    }
}
