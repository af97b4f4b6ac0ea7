//! Thumbnails as textures: made on worker threads, uploaded a few per frame, and only kept for what is in view.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use crate::media::{
    ContentCheck, MediaError, RgbaPixels, ThumbnailDiskCache, WorkerPool, make_picture, make_thumbnail,
};
use crate::model::{ImageRef, MediaName};
use crate::ui::{ThumbnailState, Thumbnails};

/// Longest side of a thumbnail in pixels: sharp on the board and in the editor, also on HiDPI screens.
pub const THUMBNAIL_MAX_SIDE: u32 = 512;

/// Textures kept at most; the least recently drawn go first. Far more than fit on a screen.
const MAX_TEXTURES: usize = 96;

/// Longest side of a picture in the viewer: sharp at full screen on a 4K display, and a bounded upload.
const FULL_SIZE_MAX_SIDE: u32 = 4096;

/// A full-size picture not drawn for this long (the viewer closed) is let go.
const FULL_SIZE_KEEP: std::time::Duration = std::time::Duration::from_secs(2);

/// Uploading is on the UI thread: a few per frame keep every frame short when many arrive at once.
const UPLOADS_PER_FRAME: usize = 4;

/// A picture asked for and not drawn for this many frames (its card scrolled past) is let go before
/// it is made; it is asked for again if its card comes back into view.
const STALE_FRAMES: u64 = 30;

/// Which picture a result is for: a thumbnail, or the full-size image in the viewer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Thumbnail(MediaName),
    Full(MediaName),
}

impl Key {
    fn file(&self) -> &MediaName {
        match self {
            Self::Thumbnail(file) | Self::Full(file) => file,
        }
    }
}

struct Finished {
    media_dir: PathBuf,
    key: Key,
    /// `None`: let go before it was made, no longer in view.
    result: Option<Result<egui::ColorImage, MediaError>>,
}

/// Pictures asked for and not started yet. The workers take the one drawn most lately first, so
/// after a fast scroll the cards now in view get theirs before the ones scrolled past.
#[derive(Default)]
struct Wanted {
    /// Frames drawn so far.
    frame: u64,
    /// Requests made so far: among pictures drawn in the same frame, the first asked for goes first.
    asked: u64,
    pending: HashMap<Key, Request>,
}

/// A picture asked for and not started.
type Pending = (Key, Request);

/// How to make one picture, and when it was last drawn.
struct Request {
    media_dir: PathBuf,
    check: ContentCheck,
    full_side: u32,
    last_drawn: u64,
    asked: u64,
}

impl Wanted {
    /// The request to make now, and those let go as out of view.
    fn take(&mut self) -> (Option<Pending>, Vec<Pending>) {
        let frame = self.frame;
        let stale: Vec<Key> = self
            .pending
            .iter()
            .filter(|(_, request)| request.last_drawn + STALE_FRAMES < frame)
            .map(|(key, _)| key.clone())
            .collect();
        let dropped = stale.iter().filter_map(|key| self.pending.remove_entry(key)).collect();
        let next = self
            .pending
            .iter()
            .max_by_key(|(_, request)| (request.last_drawn, Reverse(request.asked)))
            .map(|(key, _)| key.clone());
        (next.and_then(|key| self.pending.remove_entry(&key)), dropped)
    }
}

enum Entry {
    Loading,
    Ready(egui::TextureHandle, Instant),
    Failed(ThumbnailState),
}

/// Textures of the current board's images, keyed by their name in its media folder.
pub struct ThumbnailCache {
    media_dir: PathBuf,
    disk: ThumbnailDiskCache,
    pool: Arc<WorkerPool>,
    ctx: egui::Context,
    sender: Sender<Finished>,
    finished: Receiver<Finished>,
    waiting_upload: VecDeque<Finished>,
    entries: HashMap<Key, Entry>,
    /// When the viewer last drew a full-size picture.
    full_size_drawn: Option<Instant>,
    /// Whether a kept thumbnail is checked against its file before it is first shown this session.
    content_check: ContentCheck,
    /// Files whose content matched their name this session: not hashed again when a texture comes back.
    verified: HashSet<MediaName>,
    /// Images that merged cards name and a sync tool may still be bringing: not missing, waiting.
    awaiting_sync: HashSet<MediaName>,
    /// Pictures asked for and not started, shared with the workers.
    wanted: Arc<Mutex<Wanted>>,
    /// Thumbnails drawn as still loading since the last upload (the last frame's, for benchmarks).
    loading_drawn: usize,
    loading_drawn_last_frame: usize,
}

impl std::fmt::Debug for ThumbnailCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ThumbnailCache")
            .field("media_dir", &self.media_dir)
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

impl ThumbnailCache {
    /// A cache for the images in `media_dir`, keeping finished thumbnails in `disk`. `content_check`
    /// is [`ContentCheck::Verify`] in the app; benchmarks measure what it costs against `Trust`.
    pub fn new(
        ctx: &egui::Context,
        pool: Arc<WorkerPool>,
        media_dir: PathBuf,
        disk: ThumbnailDiskCache,
        content_check: ContentCheck,
    ) -> Self {
        let (sender, finished) = mpsc::channel();
        Self {
            media_dir,
            disk,
            pool,
            ctx: ctx.clone(),
            sender,
            finished,
            waiting_upload: VecDeque::new(),
            entries: HashMap::new(),
            full_size_drawn: None,
            content_check,
            verified: HashSet::new(),
            awaiting_sync: HashSet::new(),
            wanted: Arc::default(),
            loading_drawn: 0,
            loading_drawn_last_frame: 0,
        }
    }

    /// Switches to another board's media folder.
    pub fn set_media_dir(&mut self, media_dir: PathBuf) {
        if media_dir != self.media_dir {
            self.media_dir = media_dir;
            self.entries.clear();
            self.waiting_upload.clear();
            self.verified.clear();
            self.awaiting_sync.clear();
            self.wanted().pending.clear();
        }
    }

    fn wanted(&self) -> std::sync::MutexGuard<'_, Wanted> {
        // The lock guards a plain queue: one left behind by a panic is still a queue.
        self.wanted.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Notes images that cards merged from another copy name: while their files are not here,
    /// they show as waiting for sync rather than missing.
    pub fn await_sync(&mut self, files: impl IntoIterator<Item = MediaName>) {
        for file in files {
            self.forget(&file);
            self.awaiting_sync.insert(file);
        }
    }

    /// A file arrived, changed or (`gone`) went away in the media folder: what was shown for it is
    /// asked for again (a picture of a file deleted since shows as missing, not as it was).
    pub fn file_arrived(&mut self, file: &MediaName, gone: bool) {
        let was_waiting = self.awaiting_sync.contains(file);
        let failed = [Key::Thumbnail(file.clone()), Key::Full(file.clone())]
            .iter()
            .any(|key| matches!(self.entries.get(key), Some(Entry::Failed(_))));
        if was_waiting || failed || gone {
            self.forget(file);
            self.verified.remove(file);
        }
    }

    fn forget(&mut self, file: &MediaName) {
        self.entries.retain(|key, _| key.file() != file);
    }

    /// Takes a thumbnail made while importing, so a dropped image shows without being decoded again.
    pub fn insert(&mut self, media_dir: PathBuf, file: MediaName, thumbnail: egui::ColorImage) {
        // Until it is uploaded, cards that show it wait for it rather than ask for it again.
        if media_dir == self.media_dir {
            self.entries
                .entry(Key::Thumbnail(file.clone()))
                .or_insert(Entry::Loading);
        }
        self.waiting_upload.push_back(Finished {
            media_dir,
            key: Key::Thumbnail(file),
            result: Some(Ok(thumbnail)),
        });
        self.ctx.request_repaint();
    }

    /// Uploads a few of the pictures that finished since the last frame, and lets go of old textures.
    pub fn receive(&mut self, ctx: &egui::Context) {
        self.loading_drawn_last_frame = std::mem::take(&mut self.loading_drawn);
        self.wanted().frame += 1;
        self.waiting_upload.extend(self.finished.try_iter());
        let mut uploaded = 0;
        while uploaded < UPLOADS_PER_FRAME {
            let Some(finished) = self.waiting_upload.pop_front() else {
                break;
            };
            if finished.media_dir != self.media_dir {
                continue; // From a board that is no longer open.
            }
            let Some(result) = finished.result else {
                // Let go while out of view: asked for again when drawn again.
                if matches!(self.entries.get(&finished.key), Some(Entry::Loading)) {
                    self.entries.remove(&finished.key);
                }
                continue;
            };
            let entry = match result {
                Ok(image) => {
                    uploaded += 1;
                    self.awaiting_sync.remove(finished.key.file());
                    self.verified.insert(finished.key.file().clone());
                    let name = format!("{:?}", finished.key);
                    let options = egui::TextureOptions::LINEAR.with_mipmap_mode(Some(egui::TextureFilter::Linear));
                    Entry::Ready(ctx.load_texture(name, image, options), Instant::now())
                }
                Err(error) if error.is_missing() && self.awaiting_sync.contains(finished.key.file()) => {
                    Entry::Failed(ThumbnailState::WaitingForSync(error.to_string()))
                }
                Err(error) if error.is_missing() => Entry::Failed(ThumbnailState::Missing(error.to_string())),
                Err(error) if error.is_untrusted() => Entry::Failed(ThumbnailState::Untrusted(error.to_string())),
                Err(error) => Entry::Failed(ThumbnailState::Failed(error.to_string())),
            };
            self.entries.insert(finished.key, entry);
        }
        if !self.waiting_upload.is_empty() {
            ctx.request_repaint();
        }
        if self
            .full_size_drawn
            .is_some_and(|drawn| drawn.elapsed() > FULL_SIZE_KEEP)
        {
            self.entries.retain(|key, _| !matches!(key, Key::Full(_)));
            self.full_size_drawn = None;
        }
        self.evict_least_recently_drawn();
    }

    /// Whether `file`'s content was found to match its name this session.
    pub fn is_verified(&self, file: &MediaName) -> bool {
        self.verified.contains(file)
    }

    /// True while pictures are being made or wait to be uploaded.
    pub fn is_busy(&self) -> bool {
        !self.waiting_upload.is_empty() || self.entries.values().any(|entry| matches!(entry, Entry::Loading))
    }

    /// How many thumbnails the last frame drew as still loading (for benchmarks).
    pub fn loading_in_view(&self) -> usize {
        self.loading_drawn_last_frame
    }

    /// Textures held now (for tests and benchmarks).
    pub fn texture_count(&self) -> usize {
        self.entries
            .values()
            .filter(|entry| matches!(entry, Entry::Ready(..)))
            .count()
    }

    fn evict_least_recently_drawn(&mut self) {
        if self.entries.len() <= MAX_TEXTURES {
            return; // The usual case, checked every frame without allocating.
        }
        let mut ready: Vec<(Instant, Key)> = self
            .entries
            .iter()
            .filter_map(|(key, entry)| match entry {
                Entry::Ready(_, drawn) => Some((*drawn, key.clone())),
                _ => None,
            })
            .collect();
        if ready.len() <= MAX_TEXTURES {
            return;
        }
        ready.sort_by_key(|(drawn, _)| *drawn);
        let excess = ready.len() - MAX_TEXTURES;
        for (_, key) in ready.into_iter().take(excess) {
            self.entries.remove(&key);
        }
    }

    fn state(&mut self, key: Key) -> ThumbnailState {
        match self.entries.get_mut(&key) {
            Some(Entry::Ready(texture, drawn)) => {
                *drawn = Instant::now();
                ThumbnailState::Ready(egui::load::SizedTexture::from_handle(texture))
            }
            Some(Entry::Failed(state)) => state.clone(),
            Some(Entry::Loading) => {
                let mut wanted = self.wanted();
                let frame = wanted.frame;
                if let Some(request) = wanted.pending.get_mut(&key) {
                    request.last_drawn = frame;
                }
                ThumbnailState::Loading
            }
            None => {
                self.request(key.clone());
                self.entries.insert(key, Entry::Loading);
                ThumbnailState::Loading
            }
        }
    }

    fn request(&self, key: Key) {
        let media_dir = self.media_dir.clone();
        let disk = self.disk.clone();
        let sender = self.sender.clone();
        let ctx = self.ctx.clone();
        let max_texture_side = u32::try_from(ctx.input(|input| input.max_texture_side)).unwrap_or(u32::MAX);
        let full_side = max_texture_side.min(FULL_SIZE_MAX_SIDE);
        let check = if self.verified.contains(key.file()) {
            ContentCheck::Trust
        } else {
            self.content_check
        };
        {
            let mut wanted = self.wanted();
            wanted.asked += 1;
            let request = Request {
                media_dir,
                check,
                full_side,
                last_drawn: wanted.frame,
                asked: wanted.asked,
            };
            wanted.pending.insert(key, request);
        }
        // One job per request; each makes whichever picture is wanted most when it starts.
        let wanted = Arc::clone(&self.wanted);
        self.pool.run(move || {
            let (next, dropped) = wanted.lock().unwrap_or_else(PoisonError::into_inner).take();
            for (key, request) in dropped {
                let _ = sender.send(Finished {
                    media_dir: request.media_dir,
                    key,
                    result: None,
                });
            }
            let Some((key, request)) = next else {
                ctx.request_repaint();
                return;
            };
            let result = match &key {
                Key::Thumbnail(file) => {
                    make_thumbnail(&request.media_dir, file, THUMBNAIL_MAX_SIDE, &disk, request.check)
                }
                Key::Full(file) => make_picture(&request.media_dir, file, request.full_side),
            };
            let result = Some(result.map(|pixels| color_image(&pixels)));
            let media_dir = request.media_dir;
            if sender.send(Finished { media_dir, key, result }).is_ok() {
                ctx.request_repaint();
            }
        });
    }
}

/// Made on the worker thread, so the UI thread only uploads.
pub fn color_image(pixels: &RgbaPixels) -> egui::ColorImage {
    let size = [pixels.width as usize, pixels.height as usize];
    egui::ColorImage::from_rgba_unmultiplied(size, &pixels.pixels)
}

impl Thumbnails for ThumbnailCache {
    fn thumbnail(&mut self, image: &ImageRef) -> ThumbnailState {
        let state = self.state(Key::Thumbnail(image.file.clone()));
        if matches!(state, ThumbnailState::Loading) {
            self.loading_drawn += 1;
        }
        state
    }

    fn full_size(&mut self, image: &ImageRef) -> ThumbnailState {
        // One full-size picture at a time: they are large.
        self.full_size_drawn = Some(Instant::now());
        self.entries
            .retain(|key, _| !matches!(key, Key::Full(file) if *file != image.file));
        self.state(Key::Full(image.file.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Key {
        Key::Thumbnail(MediaName::new(format!("{name}.png")).unwrap())
    }

    fn ask(wanted: &mut Wanted, name: &str) {
        wanted.asked += 1;
        let request = Request {
            media_dir: PathBuf::from("board.media"),
            check: ContentCheck::Trust,
            full_side: 4096,
            last_drawn: wanted.frame,
            asked: wanted.asked,
        };
        wanted.pending.insert(key(name), request);
    }

    #[test]
    fn the_pictures_drawn_last_are_made_first_and_those_scrolled_past_are_let_go() {
        let mut wanted = Wanted::default();
        ask(&mut wanted, "top-1");
        ask(&mut wanted, "top-2");
        wanted.frame += 5;
        ask(&mut wanted, "middle");
        wanted.frame += STALE_FRAMES;
        ask(&mut wanted, "end-1");
        ask(&mut wanted, "end-2");
        let (next, dropped) = wanted.take();
        assert_eq!(next.map(|(key, _)| key), Some(key("end-1")), "in view, first asked");
        let mut dropped: Vec<Key> = dropped.into_iter().map(|(key, _)| key).collect();
        dropped.sort_by_key(|key| format!("{key:?}"));
        assert_eq!(dropped, vec![key("top-1"), key("top-2")], "out of view for a while");
        assert_eq!(wanted.take().0.map(|(key, _)| key), Some(key("end-2")));
        assert_eq!(wanted.take().0.map(|(key, _)| key), Some(key("middle")));
        assert!(wanted.take().0.is_none());
    }
}
