//! Decoding and scaling images on a small pool of named worker threads.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use image::ImageReader;

use super::MediaError;
use super::limits::{MAX_IMAGE_FILE_BYTES, decoder_limits};

/// Decoded RGBA pixels, ready to become a texture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RgbaPixels {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes, unmultiplied sRGB.
    pub pixels: Vec<u8>,
}

/// A finished thumbnail, or why there is none.
#[derive(Debug)]
pub struct Thumbnail {
    /// The image file it was made from.
    pub path: PathBuf,
    /// The pixels, or the reason.
    pub result: Result<RgbaPixels, MediaError>,
}

/// Called from a worker thread when a thumbnail is ready (the UI uses it to request a repaint).
pub type OnReady = Arc<dyn Fn() + Send + Sync>;

/// A bounded pool of thumbnail workers. Dropping it stops them once their current image is done.
pub struct Thumbnailer {
    requests: Sender<PathBuf>,
    results: Receiver<Thumbnail>,
}

impl std::fmt::Debug for Thumbnailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Thumbnailer").finish_non_exhaustive()
    }
}

impl Thumbnailer {
    /// Starts `workers` threads that scale images to fit `max_side` pixels.
    pub fn spawn(workers: usize, max_side: u32, on_ready: &OnReady) -> std::io::Result<Self> {
        let (requests, request_receiver) = mpsc::channel::<PathBuf>();
        let (result_sender, results) = mpsc::channel();
        let request_receiver = Arc::new(Mutex::new(request_receiver));
        for number in 0..workers.max(1) {
            let requests = Arc::clone(&request_receiver);
            let results = result_sender.clone();
            let on_ready = Arc::clone(on_ready);
            std::thread::Builder::new()
                .name(format!("thumbnail-{number}"))
                .spawn(move || {
                    loop {
                        let next = requests.lock().ok().and_then(|requests| requests.recv().ok());
                        let Some(path) = next else { break };
                        let result = make_thumbnail(&path, max_side);
                        if results.send(Thumbnail { path, result }).is_err() {
                            break;
                        }
                        on_ready();
                    }
                })?;
        }
        Ok(Self { requests, results })
    }

    /// Queues an image; its thumbnail arrives through [`Self::ready`].
    pub fn request(&self, path: PathBuf) {
        // The workers only stop when `self` is dropped, so sending cannot fail while we exist.
        let _ = self.requests.send(path);
    }

    /// Thumbnails finished since the last call.
    pub fn ready(&self) -> impl Iterator<Item = Thumbnail> + '_ {
        self.results.try_iter()
    }
}

/// Decodes an image file and scales it to fit a `max_side` square.
pub fn make_thumbnail(path: &Path, max_side: u32) -> Result<RgbaPixels, MediaError> {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let read_error = |source| MediaError::Read {
        path: path.to_owned(),
        source,
    };
    let bytes = std::fs::metadata(path).map_err(read_error)?.len();
    if bytes > MAX_IMAGE_FILE_BYTES {
        return Err(MediaError::TooLarge {
            name,
            reason: format!("the file is {} MiB", bytes >> 20),
        });
    }
    let mut reader = ImageReader::open(path)
        .map_err(read_error)?
        .with_guessed_format()
        .map_err(read_error)?;
    reader.limits(decoder_limits());
    let image = reader.decode().map_err(|error| MediaError::Damaged {
        name,
        message: error.to_string(),
    })?;
    let scaled = if image.width() > max_side || image.height() > max_side {
        image.thumbnail(max_side, max_side)
    } else {
        image
    };
    let rgba = scaled.into_rgba8();
    Ok(RgbaPixels {
        width: rgba.width(),
        height: rgba.height(),
        pixels: rgba.into_raw(),
    })
}
