//! Images: checking, storing by content hash, and thumbnails on worker threads. No egui.

mod audit;
mod copy;
mod decode;
mod error;
mod import;
mod inspect;
mod limits;
mod media_file;
mod thumbnails;
mod workers;

pub use audit::{MediaFinding, MovedAside, QUARANTINE, audit_media, quarantine};
pub use copy::{MediaCopied, copy_media};
pub use error::MediaError;
pub use import::{PreparedImage, prepare_bytes, prepare_file, prepare_pixels, store_image_bytes};
pub use media_file::{
    ContentCheck, MediaProblem, check_media_folder, content_hash, hash_in_name, open_media, read_media, verify_media,
};
pub use thumbnails::{RgbaPixels, ThumbnailDiskCache, make_picture, make_thumbnail};
pub use workers::WorkerPool;
