//! Thumbnails as textures: decoded on worker threads, uploaded when they arrive.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::media::{OnReady, Thumbnailer};
use crate::model::{ImageRef, MediaName};
use crate::ui::{ThumbnailState, Thumbnails};

/// Longest side of a thumbnail in pixels: sharp on the board and in the editor on HiDPI.
const THUMBNAIL_MAX_SIDE: u32 = 720;

/// Two workers: enough to keep up, and one core stays free for the UI on a small machine.
const WORKERS: usize = 2;

enum Entry {
    Loading,
    Ready(egui::TextureHandle),
    Failed(String),
}

/// Textures of the current board's images, keyed by their name in its media folder.
pub struct ThumbnailCache {
    media_dir: PathBuf,
    thumbnailer: Thumbnailer,
    entries: HashMap<MediaName, Entry>,
}

impl std::fmt::Debug for ThumbnailCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ThumbnailCache")
            .field("media_dir", &self.media_dir)
            .finish_non_exhaustive()
    }
}

impl ThumbnailCache {
    /// A cache for the images in `media_dir`; finished thumbnails wake the UI.
    pub fn new(ctx: &egui::Context, media_dir: PathBuf) -> std::io::Result<Self> {
        let ctx = ctx.clone();
        let thumbnailer = Thumbnailer::spawn(
            WORKERS,
            THUMBNAIL_MAX_SIDE,
            &(Arc::new(move || ctx.request_repaint()) as OnReady),
        )?;
        Ok(Self {
            media_dir,
            thumbnailer,
            entries: HashMap::new(),
        })
    }

    /// Switches to another board's media folder.
    pub fn set_media_dir(&mut self, media_dir: PathBuf) {
        if media_dir != self.media_dir {
            self.media_dir = media_dir;
            self.entries.clear();
        }
    }

    /// Uploads thumbnails that finished since the last frame.
    pub fn receive(&mut self, ctx: &egui::Context) {
        for thumbnail in self.thumbnailer.ready() {
            if thumbnail.path.parent() != Some(self.media_dir.as_path()) {
                continue; // From a board that is no longer open.
            }
            let name = thumbnail
                .path
                .file_name()
                .and_then(|name| MediaName::new(name.to_string_lossy()).ok());
            let Some(entry) = name.and_then(|name| self.entries.get_mut(&name)) else {
                continue;
            };
            *entry = match thumbnail.result {
                Ok(pixels) => {
                    let size = [pixels.width as usize, pixels.height as usize];
                    let image = egui::ColorImage::from_rgba_unmultiplied(size, &pixels.pixels);
                    let name = thumbnail.path.display().to_string();
                    Entry::Ready(ctx.load_texture(name, image, egui::TextureOptions::LINEAR))
                }
                Err(error) => Entry::Failed(error.to_string()),
            };
        }
    }
}

impl Thumbnails for ThumbnailCache {
    fn thumbnail(&mut self, _ctx: &egui::Context, image: &ImageRef) -> ThumbnailState {
        match self.entries.get(&image.file) {
            Some(Entry::Ready(texture)) => ThumbnailState::Ready(egui::load::SizedTexture::from_handle(texture)),
            Some(Entry::Failed(reason)) => ThumbnailState::Failed(reason.clone()),
            Some(Entry::Loading) => ThumbnailState::Loading,
            None => {
                self.thumbnailer.request(self.media_dir.join(image.file.as_str()));
                self.entries.insert(image.file.clone(), Entry::Loading);
                ThumbnailState::Loading
            }
        }
    }
}
