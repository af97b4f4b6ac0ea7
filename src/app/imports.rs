//! Images being taken in: checked, stored and thumbnailed on worker threads, handed back in the order given.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use super::thumbnail_cache::{THUMBNAIL_MAX_SIDE, color_image};
use crate::command::{ImageSource, ImageTarget};
use crate::media::{
    MediaError, PreparedImage, RgbaPixels, ThumbnailDiskCache, WorkerPool, prepare_file, prepare_pixels,
};
use crate::model::ImageRef;

/// An image now in the media folder, with its thumbnail ready to upload.
pub struct ImportedImage {
    /// What the card keeps.
    pub image: ImageRef,
    /// Made from the pixels decoded for checking, so nothing is decoded twice.
    pub thumbnail: egui::ColorImage,
}

/// The images of one drop, paste or pick that are ready, handed over in the order given
/// as soon as each one and all before it are done, so the first shows while the rest are read.
pub struct ImportProgress {
    /// The media folder they were stored in (the board may have changed since).
    pub media_dir: PathBuf,
    /// Where they go.
    pub target: ImageTarget,
    /// True for the part with the first image taken in.
    pub is_first: bool,
    /// The images taken in since the last part.
    pub images: Vec<ImportedImage>,
    /// With the last part: the files refused, each naming the file and why.
    pub refused: Vec<MediaError>,
}

/// egui's premultiplied colours as the plain RGBA an image file holds.
fn rgba_pixels(image: &egui::ColorImage) -> RgbaPixels {
    RgbaPixels {
        width: u32::try_from(image.size[0]).unwrap_or(u32::MAX),
        height: u32::try_from(image.size[1]).unwrap_or(u32::MAX),
        pixels: image
            .pixels
            .iter()
            .flat_map(|pixel| pixel.to_srgba_unmultiplied())
            .collect(),
    }
}

type ImportResult = Result<ImportedImage, MediaError>;

struct Batch {
    media_dir: PathBuf,
    target: ImageTarget,
    results: Vec<Option<ImportResult>>,
    /// Results before this index have been handed over.
    handed_over: usize,
    /// Some image has been handed over (not only refusals).
    any_image_handed_over: bool,
    refused: Vec<MediaError>,
}

/// Imports under way.
pub struct Imports {
    pool: Arc<WorkerPool>,
    disk: ThumbnailDiskCache,
    ctx: egui::Context,
    sender: Sender<(u64, usize, ImportResult)>,
    done: Receiver<(u64, usize, ImportResult)>,
    batches: HashMap<u64, Batch>,
    next_batch: u64,
}

impl std::fmt::Debug for Imports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Imports")
            .field("images_in_progress", &self.images_in_progress())
            .finish_non_exhaustive()
    }
}

impl Imports {
    /// Imports that run on `pool` and wake the UI through `ctx` as each image is done.
    pub fn new(ctx: &egui::Context, pool: Arc<WorkerPool>, disk: ThumbnailDiskCache) -> Self {
        let (sender, done) = mpsc::channel();
        Self {
            pool,
            disk,
            ctx: ctx.clone(),
            sender,
            done,
            batches: HashMap::new(),
            next_batch: 0,
        }
    }

    /// Starts taking in `source` for `target`, storing into the media folder of the board file
    /// `board` (as private as the board file is).
    pub fn start(&mut self, board: &Path, target: ImageTarget, source: ImageSource) {
        let media_dir = crate::store::media_dir_for(board);
        let batch = self.next_batch;
        self.next_batch += 1;
        let jobs: Vec<Box<dyn FnOnce() -> Result<PreparedImage, MediaError> + Send>> = match source {
            ImageSource::Files(paths) => paths
                .into_iter()
                .map(|path| Box::new(move || prepare_file(&path)) as Box<_>)
                .collect(),
            ImageSource::Pasted(image) => {
                // The caption is the image's, kept in the board: in the words of the moment it was pasted.
                let caption = crate::tr!("image-pasted-caption");
                vec![Box::new(move || prepare_pixels(&caption, rgba_pixels(&image)))]
            }
        };
        self.batches.insert(
            batch,
            Batch {
                media_dir: media_dir.clone(),
                target,
                results: jobs.iter().map(|_| None).collect(),
                handed_over: 0,
                any_image_handed_over: false,
                refused: Vec::new(),
            },
        );
        for (index, prepare) in jobs.into_iter().enumerate() {
            let (board, media_dir) = (board.to_owned(), media_dir.clone());
            let disk = self.disk.clone();
            let sender = self.sender.clone();
            let ctx = self.ctx.clone();
            self.pool.run(move || {
                let result = prepare().and_then(|prepared| {
                    let image = prepared.store_beside(&board)?;
                    let thumbnail = prepared.thumbnail(THUMBNAIL_MAX_SIDE);
                    disk.save(&media_dir.join(image.file.as_str()), THUMBNAIL_MAX_SIDE, &thumbnail);
                    Ok(ImportedImage {
                        image,
                        thumbnail: color_image(&thumbnail),
                    })
                });
                if sender.send((batch, index, result)).is_ok() {
                    ctx.request_repaint();
                }
            });
        }
    }

    /// The images ready since the last call, oldest drop first.
    pub fn receive(&mut self) -> Vec<ImportProgress> {
        for (batch, index, result) in self.done.try_iter() {
            if let Some(slot) = self
                .batches
                .get_mut(&batch)
                .and_then(|batch| batch.results.get_mut(index))
            {
                *slot = Some(result);
            }
        }
        let mut ids: Vec<u64> = self.batches.keys().copied().collect();
        ids.sort_unstable();
        let mut progress = Vec::new();
        for id in ids {
            let Some(batch) = self.batches.get_mut(&id) else {
                continue;
            };
            let is_first = !batch.any_image_handed_over;
            let mut images = Vec::new();
            while let Some(result) = batch.results.get_mut(batch.handed_over).and_then(Option::take) {
                batch.handed_over += 1;
                match result {
                    Ok(image) => images.push(image),
                    Err(error) => batch.refused.push(error),
                }
            }
            batch.any_image_handed_over |= !images.is_empty();
            let done = batch.handed_over == batch.results.len();
            if images.is_empty() && !done {
                continue;
            }
            progress.push(ImportProgress {
                media_dir: batch.media_dir.clone(),
                target: batch.target,
                is_first,
                images,
                refused: if done {
                    std::mem::take(&mut batch.refused)
                } else {
                    Vec::new()
                },
            });
            if done {
                self.batches.remove(&id);
            }
        }
        progress
    }

    /// Images still being taken in.
    pub fn images_in_progress(&self) -> usize {
        self.batches
            .values()
            .map(|batch| batch.results.len() - batch.handed_over)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_png(dir: &Path, name: &str, width: u32) -> PathBuf {
        let path = dir.join(name);
        image::RgbaImage::from_pixel(width, 10, image::Rgba([200, 100, 50, 255]))
            .save(&path)
            .unwrap();
        path
    }

    #[test]
    fn images_are_handed_over_in_the_order_given_with_refusals_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![
            write_png(dir.path(), "first.png", 30),
            dir.path().join("missing.png"),
            write_png(dir.path(), "third.png", 40),
            write_png(dir.path(), "fourth.png", 50),
        ];
        let pool = Arc::new(WorkerPool::spawn("test-import", 2).unwrap());
        let disk = ThumbnailDiskCache::new(dir.path().join("thumbnails"));
        let mut imports = Imports::new(&egui::Context::default(), pool, disk);
        let media = dir.path().join("board.media");
        imports.start(
            &dir.path().join("board.json"),
            ImageTarget::FirstColumn,
            ImageSource::Files(files),
        );
        assert_eq!(imports.images_in_progress(), 4);

        let mut parts = Vec::new();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while imports.images_in_progress() > 0 {
            assert!(std::time::Instant::now() < deadline);
            parts.extend(imports.receive());
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let captions: Vec<String> = parts
            .iter()
            .flat_map(|part| &part.images)
            .map(|image| image.image.caption.clone())
            .collect();
        assert_eq!(captions, ["first.png", "third.png", "fourth.png"]);
        assert!(parts[0].is_first && parts.iter().skip(1).all(|part| !part.is_first));
        let refused: Vec<String> = parts
            .iter()
            .flat_map(|part| &part.refused)
            .map(ToString::to_string)
            .collect();
        assert_eq!(refused.len(), 1);
        assert!(refused[0].contains("missing.png"), "{refused:?}");
        assert!(
            parts.last().is_some_and(|last| !last.refused.is_empty()),
            "refusals come with the last part"
        );
        assert!(parts.iter().all(|part| part.media_dir == media));
    }
}
