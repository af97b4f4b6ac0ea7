//! The screenshot inbox on real files in a temporary folder, written the way screenshot and sync
//! tools write them: in slow parts, under a temporary name, or not an image at all.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::indexing_slicing)]

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use boothboard::inbox::{Arrival, InboxEvent, InboxWatch};

/// How long a test waits for the inbox before it fails: seconds on an idle machine.
const WAIT_LIMIT: Duration = Duration::from_secs(30);

/// Long enough for the inbox to have looked at a file several times (it waits 0.2 s for events
/// to settle and 0.3 s for a file to stop changing).
const QUIET: Duration = Duration::from_secs(2);

struct Inbox {
    watch: InboxWatch,
    woken: Receiver<()>,
    folder: PathBuf,
    memory: PathBuf,
    _dir: tempfile::TempDir,
}

/// An inbox on a fresh folder.
fn inbox() -> Inbox {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Screenshots");
    std::fs::create_dir(&folder).unwrap();
    let memory = dir.path().join("home").join("board.imported");
    let (watch, woken) = start(&folder, &memory, false);
    Inbox {
        watch,
        woken,
        folder,
        memory,
        _dir: dir,
    }
}

fn start(folder: &Path, memory: &Path, offer_existing: bool) -> (InboxWatch, Receiver<()>) {
    let (wake, woken) = mpsc::channel();
    let wake = Mutex::new(wake);
    let watch = InboxWatch::start(
        folder.to_owned(),
        memory.to_owned(),
        offer_existing,
        Box::new(move || {
            let _ = wake.lock().unwrap().send(());
        }),
    )
    .unwrap();
    (watch, woken)
}

impl Inbox {
    /// Gathers events until `done` accepts them.
    fn wait_for(&self, what: &str, done: impl Fn(&[InboxEvent]) -> bool) -> Vec<InboxEvent> {
        let deadline = Instant::now() + WAIT_LIMIT;
        let mut gathered = Vec::new();
        while !done(&gathered) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "the inbox never said: {what}; it said {gathered:?}");
            let _ = self.woken.recv_timeout(left);
            gathered.extend(self.watch.events());
        }
        gathered
    }

    /// The events of the next quiet stretch (nothing is expected).
    fn events_while_quiet(&self) -> Vec<InboxEvent> {
        std::thread::sleep(QUIET);
        self.watch.events()
    }

    /// Waits for one image to arrive and takes it in, as the app does.
    fn take_one(&self) -> Arrival {
        let events = self.wait_for("an image arrived", |events| events.iter().any(is_arrival));
        let arrivals = arrivals(events);
        assert_eq!(arrivals.len(), 1, "{arrivals:?}");
        let arrival = arrivals.into_iter().next().unwrap();
        let name = arrival.path.file_name().unwrap().to_string_lossy().into_owned();
        self.watch.imported(&arrival.hash, &name);
        arrival
    }
}

fn is_arrival(event: &InboxEvent) -> bool {
    matches!(event, InboxEvent::Arrived(_))
}

fn arrivals(events: Vec<InboxEvent>) -> Vec<Arrival> {
    events
        .into_iter()
        .filter_map(|event| match event {
            InboxEvent::Arrived(arrival) => Some(arrival),
            _ => None,
        })
        .collect()
}

/// The bytes of a PNG screenshot, `shade` making each one different.
fn png_bytes(shade: u8) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let image = image::RgbaImage::from_fn(640, 360, |x, y| {
        image::Rgba([shade, (x % 256) as u8, (y % 256) as u8, 255])
    });
    let path = dir.path().join("shot.png");
    image.save(&path).unwrap();
    std::fs::read(path).unwrap()
}

#[test]
fn an_image_written_in_three_slow_parts_is_taken_once_when_complete() {
    let inbox = inbox();
    let bytes = png_bytes(1);
    let path = inbox.folder.join("Screenshot 2026-03-01 14-03-22.png");
    let mut file = std::fs::File::create(&path).unwrap();
    let third = bytes.len() / 3;
    for part in [&bytes[..third], &bytes[third..2 * third]] {
        file.write_all(part).unwrap();
        file.flush().unwrap();
        // Longer than the inbox waits for a file to stop changing: it looks at the part written.
        std::thread::sleep(Duration::from_millis(900));
        let early = inbox.watch.events();
        assert!(early.is_empty(), "nothing is said of a file in the making: {early:?}");
    }
    file.write_all(&bytes[2 * third..]).unwrap();
    drop(file);
    let arrival = inbox.take_one();
    assert_eq!(arrival.path.file_name(), path.file_name());
    assert_eq!(arrival.hash, boothboard::media::content_hash(&bytes));
    assert!(inbox.events_while_quiet().is_empty(), "taken once");
}

#[test]
fn a_temporary_file_renamed_to_its_image_name_is_taken() {
    let inbox = inbox();
    // As Syncthing does, and macOS's screenshot tool with a hidden name.
    for (temporary, done) in [
        (".syncthing.IMG_2041.jpg.tmp", "IMG_2041.jpg"),
        (".Screenshot 14.03.22.png", "Screenshot 14.03.22.png"),
        ("poster.png.part", "poster.png"),
    ] {
        let temporary = inbox.folder.join(temporary);
        if done.ends_with(".jpg") {
            common::write_jpeg_with_orientation(
                &inbox.folder,
                temporary.file_name().unwrap().to_str().unwrap(),
                320,
                200,
                1,
            );
        } else {
            std::fs::write(&temporary, png_bytes(done.len() as u8)).unwrap();
        }
        std::thread::sleep(Duration::from_millis(400));
        std::fs::rename(&temporary, inbox.folder.join(done)).unwrap();
        let arrival = inbox.take_one();
        assert_eq!(arrival.path.file_name().unwrap(), done);
    }
    assert!(inbox.events_while_quiet().is_empty());
}

#[test]
fn a_text_file_named_as_an_image_is_refused_once_with_its_name() {
    let inbox = inbox();
    common::write_text_named_png(&inbox.folder, "notes.png");
    let events = inbox.wait_for("a refusal", |events| !events.is_empty());
    let [InboxEvent::Refused(error)] = events.as_slice() else {
        panic!("one refusal: {events:?}");
    };
    assert!(error.to_string().contains("notes.png"), "{error}");
    assert!(error.to_string().contains("not an image"), "{error}");
    // Touched again without a change, it is not said again; other files are not news at all.
    std::fs::write(inbox.folder.join("readme.txt"), "hello").unwrap();
    assert!(inbox.events_while_quiet().is_empty());
}

#[test]
fn the_same_image_twice_is_taken_once() {
    let inbox = inbox();
    let bytes = png_bytes(7);
    std::fs::write(inbox.folder.join("first.png"), &bytes).unwrap();
    inbox.take_one();
    std::fs::write(inbox.folder.join("copy of first.png"), &bytes).unwrap();
    assert!(inbox.events_while_quiet().is_empty());
}

#[test]
fn restarting_takes_nothing_in_again_and_offers_only_what_was_never_taken() {
    let inbox = inbox();
    let bytes = png_bytes(3);
    std::fs::write(inbox.folder.join("taken.png"), &bytes).unwrap();
    inbox.take_one();
    let Inbox {
        watch,
        folder,
        memory,
        _dir,
        ..
    } = inbox;
    drop(watch);
    // Screenshots taken while the inbox was off.
    std::fs::write(folder.join("old one.png"), png_bytes(4)).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(folder.join("old two.png"), png_bytes(5)).unwrap();
    // Files written in the second before the inbox starts count as new (file times lag the clock).
    std::thread::sleep(Duration::from_millis(1500));

    // Turned on again: what is there stays there, and the two never taken in are offered.
    let (watch, woken) = start(&folder, &memory, true);
    let again = Inbox {
        watch,
        woken,
        folder,
        memory,
        _dir,
    };
    let events = again.wait_for("the offer", |events| !events.is_empty());
    assert!(matches!(events.as_slice(), [InboxEvent::AlreadyThere(2)]), "{events:?}");
    assert!(again.events_while_quiet().is_empty(), "nothing comes in by itself");
    // The same screenshot saved again under another name is known by its content.
    std::fs::write(again.folder.join("taken again.png"), &bytes).unwrap();
    assert!(again.events_while_quiet().is_empty());
    again.watch.import_existing();
    let events = again.wait_for("the two old ones", |events| {
        events.iter().filter(|event| is_arrival(event)).count() == 2
    });
    let names: Vec<_> = arrivals(events)
        .into_iter()
        .map(|arrival| arrival.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["old one.png", "old two.png"], "oldest first");
    assert!(again.events_while_quiet().is_empty());
}

#[test]
fn a_folder_that_goes_away_is_watched_again_when_it_is_back() {
    let inbox = inbox();
    let moved = inbox.folder.with_file_name("unplugged");
    std::fs::rename(&inbox.folder, &moved).unwrap();
    let events = inbox.wait_for("the folder is missing", |events| !events.is_empty());
    let [InboxEvent::FolderMissing(error)] = events.as_slice() else {
        panic!("{events:?}");
    };
    let error = error.to_string();
    assert!(error.contains("Screenshots") && error.contains("not there"), "{error}");
    // A photo taken while the card was out is there when it comes back.
    std::fs::write(moved.join("while away.png"), png_bytes(9)).unwrap();
    std::fs::rename(&moved, &inbox.folder).unwrap();
    let events = inbox.wait_for("back, with the new photo", |events| {
        events.iter().any(|event| matches!(event, InboxEvent::FolderBack)) && events.iter().any(is_arrival)
    });
    assert_eq!(arrivals(events)[0].path.file_name().unwrap(), "while away.png");
    std::fs::write(inbox.folder.join("after.png"), png_bytes(10)).unwrap();
    assert_eq!(inbox.take_one().path.file_name().unwrap(), "after.png");
}

#[test]
fn images_there_before_watching_are_offered_not_taken_also_those_dated_ahead_of_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("DCIM");
    std::fs::create_dir(&folder).unwrap();
    let memory = dir.path().join("home").join("board.imported");
    // Copied from a camera whose clock runs an hour ahead, and an old screenshot.
    let ahead = folder.join("IMG_0001.png");
    std::fs::write(&ahead, png_bytes(11)).unwrap();
    let old = folder.join("old.png");
    std::fs::write(&old, png_bytes(12)).unwrap();
    let now = std::time::SystemTime::now();
    for (path, modified) in [
        (&ahead, now + Duration::from_secs(3600)),
        (&old, now - Duration::from_secs(3600)),
    ] {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
    }
    let (watch, woken) = start(&folder, &memory, true);
    let inbox = Inbox {
        watch,
        woken,
        folder,
        memory,
        _dir: dir,
    };
    let events = inbox.wait_for("the offer", |events| !events.is_empty());
    assert!(matches!(events.as_slice(), [InboxEvent::AlreadyThere(2)]), "{events:?}");
    assert!(inbox.events_while_quiet().is_empty(), "nothing comes in by itself");
    inbox.watch.import_existing();
    let events = inbox.wait_for("both", |events| {
        events.iter().filter(|event| is_arrival(event)).count() == 2
    });
    let names: Vec<_> = arrivals(events)
        .into_iter()
        .map(|arrival| arrival.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["old.png", "IMG_0001.png"], "oldest first");
}
