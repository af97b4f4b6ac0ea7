//! Reading what an image is from its first bytes, before any pixel is decoded.

use std::io::Cursor;

use image::{ImageFormat, ImageReader};

use super::MediaError;
use super::limits::{MAX_IMAGE_FILE_BYTES, MAX_IMAGE_PIXELS};

/// What the header of an image says, checked against the limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    /// Detected from the content.
    pub format: ImageFormat,
    /// Pixel width.
    pub width: u32,
    /// Pixel height.
    pub height: u32,
}

/// Sniffs the format from the content and reads the dimensions from the header only.
pub fn inspect(name: &str, bytes: &[u8]) -> Result<ImageInfo, MediaError> {
    if bytes.len() as u64 > MAX_IMAGE_FILE_BYTES {
        return Err(MediaError::FileTooLarge {
            name: name.to_owned(),
            mib: bytes.len() as u64 >> 20,
        });
    }
    let format = match image::guess_format(bytes) {
        Ok(
            format @ (ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::Gif | ImageFormat::WebP | ImageFormat::Bmp),
        ) => format,
        _ => {
            return Err(MediaError::NotAnImage { name: name.to_owned() });
        }
    };
    let damaged = |error: image::ImageError| MediaError::Damaged {
        name: name.to_owned(),
        message: error.to_string(),
    };
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(damaged)?;
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_IMAGE_PIXELS {
        return Err(MediaError::TooManyPixels {
            name: name.to_owned(),
            width,
            height,
        });
    }
    Ok(ImageInfo { format, width, height })
}
