//! Making thumbnails, side by side with ImageMagick: `cargo bench --bench thumbnails`.
//!
//! 50 PNG screenshots (1920x1080) and 50 JPEG photos (4032x3024). Boothboard runs the app's real path for a
//! missing thumbnail (`make_thumbnail`, empty disk cache) one file after another and over a `WorkerPool` with a
//! worker per core; ImageMagick runs `convert FILE -thumbnail 512x512 OUT.png` one process after another and as
//! many processes at once as cores. The four take turns within each round, the order changing every round, so
//! drift on a shared machine touches all of them alike. Prints medians and ratios; asserts nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]
#![allow(clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use boothboard::media::{ContentCheck, RgbaPixels, ThumbnailDiskCache, WorkerPool, make_thumbnail};
use boothboard::model::MediaName;
use image::{ImageFormat, RgbImage};

#[path = "support/photo.rs"]
mod photo;
#[path = "support/screenshot.rs"]
mod screenshot;

const IMAGES: u32 = 50;
const ROUNDS: usize = 5;
const MAX_SIDE: u32 = 512;

/// What one way of making thumbnails took over the rounds.
#[derive(Default)]
struct Timings {
    /// Wall time for all files, once a round.
    totals: Vec<Duration>,
    /// Wall time of each file, when they are made one after another.
    per_image: Vec<Duration>,
}

impl Timings {
    fn add(&mut self, total: Duration, per_image: Vec<Duration>) {
        self.totals.push(total);
        self.per_image.extend(per_image);
    }

    fn median_total(&self) -> Duration {
        median(&self.totals)
    }

    /// Per image: the median single file when run one after another, else the median total shared out.
    fn median_per_image(&self) -> Duration {
        if self.per_image.is_empty() {
            self.median_total() / IMAGES
        } else {
            median(&self.per_image)
        }
    }
}

fn median(values: &[Duration]) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

/// Writes the set's files, several at a time: a 4032x3024 JPEG takes a while to encode.
fn write_set(dir: &Path, name: &str, format: ImageFormat, first_seed: u32, make: fn(u32) -> RgbImage) -> Vec<PathBuf> {
    let paths: Vec<PathBuf> = (0..IMAGES)
        .map(|index| dir.join(format!("{name}-{index:02}.{}", format.extensions_str()[0])))
        .collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for number in 0..cores() {
            let (paths, next) = (&paths, &next);
            std::thread::Builder::new()
                .name(format!("write-{number}"))
                .spawn_scoped(scope, move || {
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = paths.get(index) else { break };
                        make(first_seed + index as u32).save_with_format(path, format).unwrap();
                    }
                })
                .unwrap();
        }
    });
    // Named by content, as the app names media, so they pass its check.
    paths
        .into_iter()
        .map(|path| {
            let hash = blake3::hash(&std::fs::read(&path).unwrap()).to_hex();
            let short_hash = hash.as_str().get(..32).unwrap();
            let named = dir.join(format!("{short_hash}.{}", format.extensions_str()[0]));
            std::fs::rename(&path, &named).unwrap();
            named
        })
        .collect()
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |cores| cores.get())
}

/// The app's thumbnail of the media file `file`, as it makes one the first time in a session.
fn thumbnail(file: &Path, cache: &ThumbnailDiskCache) -> Result<RgbaPixels, boothboard::media::MediaError> {
    let name = MediaName::new(file.file_name().unwrap().to_str().unwrap()).unwrap();
    make_thumbnail(file.parent().unwrap(), &name, MAX_SIDE, cache, ContentCheck::Verify)
}

/// Boothboard one file after another, on this thread, nothing cached.
fn boothboard_sequential(files: &[PathBuf]) -> (Duration, Vec<Duration>) {
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ThumbnailDiskCache::new(cache_dir.path().to_owned());
    let started = Instant::now();
    let per_image = files
        .iter()
        .map(|file| {
            let one = Instant::now();
            let thumbnail = thumbnail(file, &cache).unwrap();
            assert_eq!(thumbnail.width.max(thumbnail.height), MAX_SIDE);
            one.elapsed()
        })
        .collect();
    (started.elapsed(), per_image)
}

/// Boothboard over the app's worker pool, nothing cached.
fn boothboard_parallel(files: &[PathBuf], pool: &WorkerPool) -> Duration {
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ThumbnailDiskCache::new(cache_dir.path().to_owned());
    let (done, results) = mpsc::channel();
    let started = Instant::now();
    for file in files {
        let (file, cache, done) = (file.clone(), cache.clone(), done.clone());
        pool.run(move || {
            let _ = done.send(thumbnail(&file, &cache).map(|thumbnail| thumbnail.width));
        });
    }
    for result in results.iter().take(files.len()) {
        result.unwrap();
    }
    started.elapsed()
}

/// `convert FILE -thumbnail 512x512 OUT.png`; the error says what went wrong.
fn convert_one(file: &Path, out_dir: &Path) -> Result<(), String> {
    let out = out_dir.join(format!("{}.png", file.file_stem().unwrap().to_string_lossy()));
    let output = Command::new("convert")
        .arg(file)
        .args(["-thumbnail", &format!("{MAX_SIDE}x{MAX_SIDE}")])
        .arg(&out)
        .output()
        .map_err(|error| format!("can't run convert: {error}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "convert {} failed: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// ImageMagick, one process after another.
fn convert_sequential(files: &[PathBuf]) -> Result<(Duration, Vec<Duration>), String> {
    let out_dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let per_image = files
        .iter()
        .map(|file| {
            let one = Instant::now();
            convert_one(file, out_dir.path()).map(|()| one.elapsed())
        })
        .collect::<Result<_, _>>()?;
    Ok((started.elapsed(), per_image))
}

/// ImageMagick, as many processes at once as cores.
fn convert_parallel(files: &[PathBuf], processes: usize) -> Result<Duration, String> {
    let out_dir = tempfile::tempdir().unwrap();
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|scope| {
        let runners: Vec<_> = (0..processes)
            .map(|number| {
                let (next, out_dir) = (&next, out_dir.path());
                std::thread::Builder::new()
                    .name(format!("convert-{number}"))
                    .spawn_scoped(scope, move || {
                        while let Some(file) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                            convert_one(file, out_dir)?;
                        }
                        Ok::<(), String>(())
                    })
                    .unwrap()
            })
            .collect();
        runners.into_iter().try_for_each(|runner| runner.join().unwrap())
    })?;
    Ok(started.elapsed())
}

/// Where `convert` is missing, says how to get it; the ImageMagick columns are then left empty.
fn convert_available() -> bool {
    match Command::new("convert").arg("-version").output() {
        Ok(output) if output.status.success() => {
            let version = String::from_utf8_lossy(&output.stdout);
            println!("{}", version.lines().next().unwrap_or("convert: unknown version"));
            true
        }
        _ => {
            println!(
                "ImageMagick's `convert` is not installed: `apt-get install -y imagemagick` to compare with it. \
                 Its columns are skipped."
            );
            false
        }
    }
}

/// The four ways of one set, measured over the rounds.
struct SetResult {
    name: &'static str,
    boothboard_sequential: Timings,
    boothboard_parallel: Timings,
    convert_sequential: Option<Timings>,
    convert_parallel: Option<Timings>,
}

fn measure_set(name: &'static str, files: &[PathBuf], pool: &WorkerPool, workers: usize, convert: bool) -> SetResult {
    let mut result = SetResult {
        name,
        boothboard_sequential: Timings::default(),
        boothboard_parallel: Timings::default(),
        convert_sequential: convert.then(Timings::default),
        convert_parallel: convert.then(Timings::default),
    };
    for round in 0..ROUNDS {
        let boothboard = |result: &mut SetResult| {
            let (total, per_image) = boothboard_sequential(files);
            result.boothboard_sequential.add(total, per_image);
            result
                .boothboard_parallel
                .add(boothboard_parallel(files, pool), Vec::new());
        };
        let imagemagick = |result: &mut SetResult| {
            let Some(sequential) = &mut result.convert_sequential else {
                return;
            };
            match convert_sequential(files) {
                Ok((total, per_image)) => sequential.add(total, per_image),
                Err(error) => {
                    println!("{error}; the ImageMagick columns are skipped.");
                    result.convert_sequential = None;
                    result.convert_parallel = None;
                    return;
                }
            }
            if let Some(parallel) = &mut result.convert_parallel {
                match convert_parallel(files, workers) {
                    Ok(total) => parallel.add(total, Vec::new()),
                    Err(error) => {
                        println!("{error}; the ImageMagick columns are skipped.");
                        result.convert_sequential = None;
                        result.convert_parallel = None;
                    }
                }
            }
        };
        if round % 2 == 0 {
            boothboard(&mut result);
            imagemagick(&mut result);
        } else {
            imagemagick(&mut result);
            boothboard(&mut result);
        }
        println!("{name}: round {} of {ROUNDS} done", round + 1);
    }
    result
}

fn cell(timings: &Timings) -> String {
    format!(
        "{:.2} s ({:.1} ms/image)",
        timings.median_total().as_secs_f64(),
        timings.median_per_image().as_secs_f64() * 1000.0
    )
}

fn ratio(boothboard: &Timings, convert: Option<&Timings>) -> String {
    convert.map_or("–".to_owned(), |convert| {
        format!(
            "{:.2}",
            boothboard.median_total().as_secs_f64() / convert.median_total().as_secs_f64()
        )
    })
}

fn main() {
    let workers = std::thread::available_parallelism().map_or(2, |cores| cores.get().clamp(1, 4));
    let convert = convert_available();
    let dir = tempfile::tempdir().unwrap();
    println!("Making {IMAGES} PNG screenshots (1920x1080) and {IMAGES} JPEG photos (4032x3024)…");
    let sets = [
        (
            "PNG 1920x1080",
            write_set(dir.path(), "screenshot", ImageFormat::Png, 0, |seed| {
                screenshot::screenshot(1920, 1080, seed)
            }),
        ),
        (
            "JPEG 4032x3024",
            write_set(dir.path(), "photo", ImageFormat::Jpeg, 1_000, |seed| {
                photo::photo(4032, 3024, seed)
            }),
        ),
    ];
    // The app's pool: a worker per core, at most 4 (see `BoothboardApp::new`).
    let pool = WorkerPool::spawn("thumbnail", workers).unwrap();
    let results: Vec<SetResult> = sets
        .iter()
        .map(|(name, files)| measure_set(name, files, &pool, workers, convert))
        .collect();
    println!();
    println!(
        "{IMAGES} thumbnails ({MAX_SIDE} px box) per set; median of {ROUNDS} interleaved rounds; ms/image is the \
         median single file for sequential runs and the median total / {IMAGES} for parallel ones; \
         ratio = Boothboard / convert."
    );
    println!(
        "| set | Boothboard sequential | convert sequential | ratio | Boothboard parallel ({workers} workers) \
         | convert parallel ({workers} processes) | ratio |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let missing = || "–".to_owned();
    for result in &results {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            result.name,
            cell(&result.boothboard_sequential),
            result.convert_sequential.as_ref().map_or_else(missing, cell),
            ratio(&result.boothboard_sequential, result.convert_sequential.as_ref()),
            cell(&result.boothboard_parallel),
            result.convert_parallel.as_ref().map_or_else(missing, cell),
            ratio(&result.boothboard_parallel, result.convert_parallel.as_ref()),
        );
    }
}
