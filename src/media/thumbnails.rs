//! Thumbnails: scaled on worker threads, kept on disk so the next start does not decode again.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{DynamicImage, ImageEncoder};

use super::import::prepare_bytes;
use super::{ContentCheck, MediaError, MediaProblem, read_media, verify_media};
use crate::model::MediaName;
use crate::store::write_atomic;

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

/// Scales `image` to fit a `max_side` square (never up).
pub fn thumbnail_of(image: &DynamicImage, max_side: u32) -> RgbaPixels {
    let rgba = if image.width() > max_side || image.height() > max_side {
        image.thumbnail(max_side, max_side).into_rgba8()
    } else {
        image.to_rgba8()
    };
    RgbaPixels {
        width: rgba.width(),
        height: rgba.height(),
        pixels: rgba.into_raw(),
    }
}

/// Finished thumbnails on disk, one PNG per source file, size and modification time.
/// Losing the folder costs only time: everything in it can be made again.
#[derive(Clone, Debug)]
pub struct ThumbnailDiskCache {
    dir: PathBuf,
}

impl ThumbnailDiskCache {
    /// A cache in `dir` (created on first save).
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The cache file for `source` as it is now (a link by itself, not what it points to);
    /// `None` when the source can't be examined.
    fn entry_path(&self, source: &Path, max_side: u32) -> Option<PathBuf> {
        let metadata = fs::symlink_metadata(source).ok()?;
        let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        let mut key = blake3::Hasher::new();
        key.update(source.as_os_str().as_encoded_bytes());
        key.update(&metadata.len().to_le_bytes());
        key.update(&modified.as_nanos().to_le_bytes());
        key.update(&max_side.to_le_bytes());
        let key = key.finalize().to_hex();
        Some(
            self.dir
                .join(format!("{}.png", key.as_str().get(..32).unwrap_or(key.as_str()))),
        )
    }

    /// A thumbnail made earlier for `source` as it is now.
    pub fn load(&self, source: &Path, max_side: u32) -> Option<RgbaPixels> {
        let entry = self.entry_path(source, max_side)?;
        let bytes = fs::read(&entry).ok()?;
        // Marks the entry as used, so pruning drops the ones unused longest. Best effort.
        if let Ok(file) = fs::File::options().append(true).open(&entry) {
            let _ = file.set_modified(SystemTime::now());
        }
        let rgba = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
            .ok()?
            .into_rgba8();
        Some(RgbaPixels {
            width: rgba.width(),
            height: rgba.height(),
            pixels: rgba.into_raw(),
        })
    }

    /// Keeps a thumbnail for next time. Failing to is not worth bothering anyone: it is only a cache.
    pub fn save(&self, source: &Path, max_side: u32, thumbnail: &RgbaPixels) {
        let Some(path) = self.entry_path(source, max_side) else {
            return;
        };
        let mut png = Vec::new();
        // Fast compression: a cache hit must decode quicker than the source, and writing must not hold up the UI.
        let encoder = PngEncoder::new_with_quality(&mut png, CompressionType::Fast, FilterType::Adaptive);
        let written = encoder
            .write_image(
                &thumbnail.pixels,
                thumbnail.width,
                thumbnail.height,
                image::ExtendedColorType::Rgba8,
            )
            .map_err(std::io::Error::other)
            .and_then(|()| fs::create_dir_all(&self.dir))
            .and_then(|()| write_atomic(&path, &png));
        if let Err(error) = written {
            log::warn!("thumbnail cache: can't write {}: {error}", path.display());
        }
    }
}

impl ThumbnailDiskCache {
    /// Deletes the entries unused longest until the cache holds at most `max_bytes`; returns how many went.
    pub fn prune(&self, max_bytes: u64) -> usize {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut files: Vec<(SystemTime, u64, PathBuf)> = entries
            .flatten()
            .filter_map(|entry| {
                let metadata = entry.metadata().ok().filter(fs::Metadata::is_file)?;
                Some((metadata.modified().ok()?, metadata.len(), entry.path()))
            })
            .collect();
        let mut total: u64 = files.iter().map(|(_, len, _)| len).sum();
        files.sort();
        let mut removed = 0;
        for (_, len, path) in files {
            if total <= max_bytes {
                break;
            }
            if fs::remove_file(&path).is_ok() {
                total -= len;
                removed += 1;
            }
        }
        removed
    }
}

/// The thumbnail of the media file `name` in `media_dir`: from the disk cache when it is there, else
/// decoded, scaled and cached. The file is checked against its name whenever it is read, and with
/// [`ContentCheck::Verify`] also when the cache has it, so a kept thumbnail never hides a changed file.
pub fn make_thumbnail(
    media_dir: &Path,
    name: &MediaName,
    max_side: u32,
    cache: &ThumbnailDiskCache,
    check: ContentCheck,
) -> Result<RgbaPixels, MediaError> {
    let path = media_dir.join(name.as_str());
    if let Some(cached) = cache.load(&path, max_side) {
        match check {
            ContentCheck::Verify => verify_media(media_dir, name)?,
            // Checked earlier this session, but a kept thumbnail must not stand in for a file
            // deleted since.
            ContentCheck::Trust if std::fs::symlink_metadata(&path).is_err() => {
                return Err(MediaProblem::Missing { path }.into());
            }
            ContentCheck::Trust => {}
        }
        return Ok(cached);
    }
    let thumbnail = make_picture(media_dir, name, max_side)?;
    cache.save(&path, max_side, &thumbnail);
    Ok(thumbnail)
}

/// The media file `name` in `media_dir`, read without following links, checked against its name,
/// decoded and scaled to fit a `max_side` square.
pub fn make_picture(media_dir: &Path, name: &MediaName, max_side: u32) -> Result<RgbaPixels, MediaError> {
    let bytes = read_media(media_dir, name)?;
    Ok(prepare_bytes(name.as_str(), bytes)?.thumbnail(max_side))
}
