//! The real window under Xvfb: start-up against a minimal eframe window, frames at rest, and peak
//! memory while a 1,000-image board is scrolled from top to bottom: `cargo bench --bench window`.
//!
//! Needs Xvfb and xdotool (`apt-get install -y xvfb xdotool`). Frames are counted with the app's
//! frame probe (`BOOTHBOARD_FRAME_PROBE`), which prints a line per frame. Prints medians; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::io::{BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use boothboard::app::FRAME_PROBE_VAR;

#[path = "support/screenshot.rs"]
mod screenshot;
#[path = "support/synthetic_board.rs"]
mod synthetic_board;

const START_UP_RUNS: usize = 11;
const AT_REST: Duration = Duration::from_secs(5);
/// Three wheel clicks (about 120 points) a step: 250 steps pass a column of 125 cards with covers.
const WHEEL_STEPS_PER_COLUMN: usize = 250;

/// A private X server, gone when dropped.
struct Xvfb {
    process: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Option<Self> {
        let mut process = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-noreset",
                "-screen",
                "0",
                "1600x1000x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        // Xvfb writes the display number once it accepts connections.
        let mut number = String::new();
        let mut byte = [0u8];
        let mut stdout = process.stdout.take()?;
        while stdout.read(&mut byte).ok()? == 1 && byte[0] != b'\n' {
            number.push(byte[0] as char);
        }
        Some(Self {
            process,
            display: format!(":{}", number.trim()),
        })
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// A window process whose frames are reported on a channel as they happen.
struct Window {
    process: Child,
    frames: Receiver<Instant>,
    started: Instant,
}

impl Window {
    fn launch(program: &Path, args: &[&Path], display: &str, home: &Path) -> Self {
        Self::launch_in(program, args, display, home, "en_US.UTF-8")
    }

    /// Launches `program` with the system language `locale`.
    fn launch_in(program: &Path, args: &[&Path], display: &str, home: &Path, locale: &str) -> Self {
        let started = Instant::now();
        let mut process = Command::new(program)
            .args(args)
            .env("LC_ALL", locale)
            .env("DISPLAY", display)
            .env("BOOTHBOARD_HOME", home)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env(FRAME_PROBE_VAR, "1")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("{}: {error}", program.display()));
        let stdout = process.stdout.take().unwrap();
        let (sender, frames) = mpsc::channel();
        std::thread::Builder::new()
            .name("frame-reader".to_owned())
            .spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if line.starts_with("frame ") && sender.send(Instant::now()).is_err() {
                        break;
                    }
                }
            })
            .unwrap();
        Self {
            process,
            frames,
            started,
        }
    }

    /// Time from launch to the start of the second frame, when the first is on screen.
    fn first_frame_shown(&self) -> Duration {
        let second = self
            .frames
            .iter()
            .nth(1)
            .expect("the window showed no frame; is the display working?");
        second - self.started
    }

    /// Frames drawn in the next `period`.
    fn frames_during(&self, period: Duration) -> usize {
        self.drain_frames();
        std::thread::sleep(period);
        self.frames.try_iter().count()
    }

    fn drain_frames(&self) {
        let _ = self.frames.try_iter().count();
    }

    /// User plus system CPU time the process has used, from /proc.
    fn cpu_time(&self) -> Duration {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.process.id())).unwrap_or_default();
        // Fields after the command name, which is in parentheses: utime and stime are the 12th and 13th.
        let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let ticks: u64 = after_name
            .split_whitespace()
            .skip(11)
            .take(2)
            .filter_map(|field| field.parse::<u64>().ok())
            .sum();
        Duration::from_millis(ticks * 10)
    }

    /// Peak and current resident memory, in MiB, from /proc.
    fn memory_mib(&self) -> (f64, f64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.process.id())).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(name))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|kib| kib.parse::<f64>().ok())
                .unwrap_or(0.0)
                / 1024.0
        };
        (field("VmHWM:"), field("VmRSS:"))
    }

    /// Closes the window as the system would (the app saves first) and waits for the process.
    fn close(mut self) {
        let _ = Command::new("kill").arg(self.process.id().to_string()).status();
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.process.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn xdotool(display: &str, args: &[&str]) -> String {
    let output = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// The minimal eframe example, built now in the benchmarks' profile (`cargo bench` builds no examples).
fn minimal_window() -> Option<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let built = Command::new(cargo)
        .args(["build", "--release", "--example", "minimal_window", "--quiet"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .is_ok_and(|status| status.success());
    let deps = std::env::current_exe().ok()?;
    let release = deps.parent().and_then(Path::parent)?;
    Some(release.join("examples").join("minimal_window")).filter(|path| built && path.is_file())
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1000.0)
}

fn start_up(xvfb: &Xvfb, app: &Path, minimal: &Path, (language, locale): (&str, &str)) {
    let home = tempfile::tempdir().unwrap();
    // The first launch writes the sample board; the measured ones open it, as every later launch does.
    let first = Window::launch_in(app, &[], &xvfb.display, home.path(), locale);
    first.first_frame_shown();
    first.close();
    let mut app_times = Vec::new();
    let mut minimal_times = Vec::new();
    for run in 0..START_UP_RUNS {
        // Alternating which goes first, so neither always meets a warmer machine.
        let order: [(&Path, &mut Vec<Duration>); 2] = if run % 2 == 0 {
            [(app, &mut app_times), (minimal, &mut minimal_times)]
        } else {
            [(minimal, &mut minimal_times), (app, &mut app_times)]
        };
        for (program, times) in order {
            let window = Window::launch_in(program, &[], &xvfb.display, home.path(), locale);
            times.push(window.first_frame_shown());
            window.close();
        }
    }
    let app_median = median(app_times);
    let minimal_median = median(minimal_times);
    println!(
        "| start-up to first frame on screen, sample board, {language} (median of {START_UP_RUNS}) | {} | minimal eframe window: {} | {:.2} | <= 1.3 |",
        ms(app_median),
        ms(minimal_median),
        app_median.as_secs_f64() / minimal_median.as_secs_f64()
    );
}

fn at_rest(xvfb: &Xvfb, app: &Path, board: Option<&Path>, name: &str) {
    let home = tempfile::tempdir().unwrap();
    let args: Vec<&Path> = board.into_iter().collect();
    let window = Window::launch(app, &args, &xvfb.display, home.path());
    window.first_frame_shown();
    // Thumbnails arrive, then nothing changes.
    std::thread::sleep(Duration::from_secs(3));
    window.drain_frames();
    let cpu_before = window.cpu_time();
    let frames = window.frames_during(AT_REST);
    let cpu = window.cpu_time() - cpu_before;
    println!(
        "| frames at rest, {name} ({} s) | {:.1} frames/s | CPU {} over {} s | - | 0 frames/s |",
        AT_REST.as_secs(),
        frames as f64 / AT_REST.as_secs_f64(),
        ms(cpu),
        AT_REST.as_secs()
    );
    window.close();
}

fn memory(xvfb: &Xvfb, app: &Path, board: &Path) {
    let home = tempfile::tempdir().unwrap();
    let window = Window::launch(app, &[board], &xvfb.display, home.path());
    window.first_frame_shown();
    std::thread::sleep(Duration::from_secs(2));
    let id = xdotool(&xvfb.display, &["search", "--name", "Synthetic board"]);
    let id = id.lines().next().unwrap_or_default().to_owned();
    let (_, at_start) = window.memory_mib();
    // Where the columns are in a 1280x800 window: four from the left, then, scrolled right to
    // the end, the other four. Each is scrolled top to bottom at a reading pace, a few wheel
    // clicks at a time, so every card is in view for a while.
    let started = Instant::now();
    let pages: [(&str, [&str; 4]); 2] = [
        ("0", ["382", "677", "973", "1200"]),
        ("80", ["300", "535", "830", "1128"]),
    ];
    for (scroll_right, columns) in pages {
        xdotool(&xvfb.display, &["mousemove", "--window", &id, "700", "500"]);
        xdotool(&xvfb.display, &["click", "--repeat", scroll_right, "--delay", "5", "7"]);
        for x in columns {
            xdotool(&xvfb.display, &["mousemove", "--window", &id, x, "500"]);
            for _ in 0..WHEEL_STEPS_PER_COLUMN {
                xdotool(&xvfb.display, &["click", "--repeat", "3", "--delay", "5", "5"]);
                std::thread::sleep(Duration::from_millis(30));
            }
        }
    }
    // Let the last thumbnails arrive.
    std::thread::sleep(Duration::from_secs(3));
    let scrolled_for = started.elapsed();
    let (peak, now) = window.memory_mib();
    let thumbnails = std::fs::read_dir(home.path().join("thumbnails")).map_or(0, |dir| dir.count());
    println!(
        "| peak memory, 1,000-image board scrolled top to bottom | {peak:.0} MiB | {at_start:.0} MiB at start, {now:.0} MiB at the end; {thumbnails} of 1,000 thumbnails made in {:.0} s | - | < 400 MB |",
        scrolled_for.as_secs_f64()
    );
    window.close();
}

fn main() {
    if !have("Xvfb") || !have("xdotool") {
        println!("window benchmark skipped: it needs Xvfb and xdotool (apt-get install -y xvfb xdotool)");
        return;
    }
    // BOOTHBOARD_BENCH_APP=/usr/bin/boothboard measures the installed package instead.
    let app = std::env::var_os("BOOTHBOARD_BENCH_APP")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_boothboard")), PathBuf::from);
    println!("Measuring {}", app.display());
    let Some(minimal) = minimal_window() else {
        println!("window benchmark skipped: the minimal window example did not build");
        return;
    };
    let Some(xvfb) = Xvfb::start() else {
        println!("window benchmark skipped: Xvfb did not start");
        return;
    };
    // `cargo bench --bench window -- start-up` (or `at-rest`, `memory`) measures that part alone.
    let parts: Vec<String> = std::env::args()
        .skip(1)
        .filter(|argument| !argument.starts_with('-'))
        .collect();
    let measure = |part: &str| parts.is_empty() || parts.iter().any(|asked| asked == part);
    println!("| benchmark | median | compared with | ratio | target |");
    println!("|---|---:|---|---:|---|");
    if measure("start-up") {
        start_up(&xvfb, &app, &minimal, ("English", "en_US.UTF-8"));
        start_up(&xvfb, &app, &minimal, ("Simplified Chinese", "zh_CN.UTF-8"));
    }
    if !measure("at-rest") && !measure("memory") {
        return;
    }
    let boards = tempfile::tempdir().unwrap();
    println!("Making a board of 1,000 cards with 1,000 screenshots (1920x1080)…");
    let (big_board, _) = synthetic_board::synthetic_board(boards.path(), 1_000, 1_000);
    if measure("at-rest") {
        at_rest(&xvfb, &app, None, "sample board");
        at_rest(&xvfb, &app, Some(&big_board), "1,000-image board");
    }
    if measure("memory") {
        memory(&xvfb, &app, &big_board);
    }
}
