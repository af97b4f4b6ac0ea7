//! Images: checking, storing by content hash, and thumbnails on worker threads. No egui.

mod decode;
mod error;
mod import;
mod inspect;
mod limits;
mod thumbnails;
mod workers;

pub use error::MediaError;
pub use import::{PreparedImage, prepare_file, prepare_pixels, store_image_bytes};
pub use thumbnails::{RgbaPixels, ThumbnailDiskCache, make_thumbnail};
pub use workers::WorkerPool;
