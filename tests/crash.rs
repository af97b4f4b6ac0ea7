//! Promise 1: a crash never corrupts the board. Real `boothboard add-card` processes grow a
//! board one card at a time, through the same store the app saves with, and are killed with
//! SIGKILL at random moments. After every kill the file must be whole: exactly what the store
//! writes for one of the states that were saved, pass `boothboard check`, and leave no pile of temporary files.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::indexing_slicing)]

use std::os::unix::process::ExitStatusExt as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use boothboard::model::Card;
use boothboard::store::{self, HOME_ENV};

const KILLS: usize = 200;
const SIGKILL: i32 = 9;

fn boothboard(args: &[&str], home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_boothboard"));
    command
        .args(args)
        .env(HOME_ENV, home)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// Card `n`'s notes: lengths vary, so a torn write could not pass for a whole one.
fn notes(n: usize) -> String {
    format!("Notes on card {n}. {}", "word ".repeat((n * 7919) % 300))
}

fn add_card(board: &Path, n: usize, home: &Path) -> Child {
    let title = format!("Card {n}");
    boothboard(
        &[
            "add-card",
            board.to_str().unwrap(),
            "--title",
            &title,
            "--notes",
            &notes(n),
        ],
        home,
    )
    .spawn()
    .unwrap()
}

/// Which saved states a file may be: the board after 0, 1, 2… cards were added. Each state is
/// recognised by its content (the stamps and ids `add-card` writes come from the clock), and the
/// whole file must be exactly what the store writes for that content, so a torn or mixed file
/// never passes.
struct States;

impl States {
    fn new() -> Self {
        Self
    }

    /// Which of the states `candidates` the bytes are, if any.
    fn which(&mut self, bytes: &[u8], candidates: impl IntoIterator<Item = usize>) -> Option<usize> {
        let board = store::parse(Path::new("board.json"), bytes).ok()?;
        if store::to_bytes(&board).ok()? != bytes {
            return None;
        }
        let cards: Vec<&Card> = board.cards().collect();
        let whole = cards
            .iter()
            .enumerate()
            .all(|(index, card)| card.title == format!("Card {}", index + 1) && card.notes == notes(index + 1));
        let count = cards.len();
        (whole && board.title == "Kill test")
            .then_some(count)
            .filter(|count| candidates.into_iter().any(|n| n == *count))
    }
}

/// Temporary files of the board or its backup left in `dir`.
fn temps_in(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name().to_string_lossy().into_owned();
            name.starts_with(".board.json.tmp-") || name.starts_with(".board.json.bak.tmp-")
        })
        .count()
}

/// A small random number generator (xorshift), seeded so a failure can be replayed.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

#[test]
fn sigkill_at_random_moments_never_corrupts_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let board = dir.path().join("board.json");
    let created = boothboard(&["new", board.to_str().unwrap(), "--title", "Kill test"], dir.path())
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));

    let seed = std::env::var("BOOTHBOARD_KILL_SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            u64::from(now.unwrap_or_default().subsec_nanos()) | 1
        });
    let mut random = Random(seed.max(1));
    println!("kill test seed: {seed} (set BOOTHBOARD_KILL_SEED to replay)");

    // How long one uninterrupted add-card takes here: kills are spread over that span.
    let mut on_disk = 0;
    let mut longest = Duration::ZERO;
    for _ in 0..5 {
        let started = Instant::now();
        let output = add_card(&board, on_disk + 1, dir.path()).wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        longest = longest.max(started.elapsed());
        on_disk += 1;
    }
    let span_us = (longest.as_micros() as u64) * 6 / 5;

    let mut states = States::new();
    let (mut kills, mut runs, mut torn_writes, mut kills_after_rename) = (0, 0, 0, 0);
    while kills < KILLS {
        runs += 1;
        assert!(runs < KILLS * 10, "too few runs could be killed before they finished");
        let next = on_disk + 1;
        let mut child = add_card(&board, next, dir.path());
        std::thread::sleep(Duration::from_micros(random.below(span_us)));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
        }
        let output = child.wait_with_output().unwrap();
        let killed = output.status.signal() == Some(SIGKILL);

        let bytes = std::fs::read(&board).unwrap();
        let now = states
            .which(&bytes, [on_disk, next])
            .unwrap_or_else(|| panic!("run {runs} (seed {seed}): the board is neither state {on_disk} nor {next}"));
        if killed {
            let checked = boothboard(&["check", board.to_str().unwrap()], dir.path())
                .output()
                .unwrap();
            assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stderr));
        }
        let backup = std::fs::read(store::backup_path_for(&board)).unwrap();
        // A kill between linking the backup and renaming the new file leaves both the same.
        assert!(
            states.which(&backup, 0..=now).is_some(),
            "run {runs} (seed {seed}): the backup is not a saved state"
        );
        // Only the killed run's own leftovers: the next writer removes them under the lock.
        let temps = temps_in(dir.path());
        assert!(temps <= 2, "run {runs}: {temps} temporary files");

        if killed {
            kills += 1;
            torn_writes += usize::from(temps > 0);
            kills_after_rename += usize::from(now == next);
        } else {
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            assert_eq!(now, next, "a finished add-card saved its card");
        }
        on_disk = now;
    }

    let output = add_card(&board, on_disk + 1, dir.path()).wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        states.which(&std::fs::read(&board).unwrap(), [on_disk + 1]),
        Some(on_disk + 1)
    );
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [".board.json.lock", "board.json", "board.json.bak", "settings.json"],
        "no temporary files pile up"
    );
    println!(
        "kill test: {kills} SIGKILLs in {runs} runs; 0 corrupt files; {torn_writes} kills left a half-written \
         temporary file; {kills_after_rename} landed after the rename; the board grew to {} cards",
        on_disk + 1
    );
    assert!(
        torn_writes > 0,
        "no kill landed during a write; the test proved too little"
    );
}
