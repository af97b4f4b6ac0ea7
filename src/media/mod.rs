//! Images: checking, storing by content hash, and thumbnails on worker threads. No egui.

mod error;
mod limits;
mod store_image;
mod thumbnails;

pub use error::MediaError;
pub use store_image::store_image_bytes;
pub use thumbnails::{OnReady, RgbaPixels, Thumbnail, Thumbnailer};
