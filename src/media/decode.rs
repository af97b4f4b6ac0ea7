//! Decoding an image the way a person expects to see it: within limits, and upright.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader};

use super::MediaError;
use super::inspect::ImageInfo;
use super::limits::decoder_limits;

/// Decodes `bytes` (already checked by [`super::inspect::inspect`]) and applies its EXIF orientation,
/// so a phone photo of a slide comes out upright. A truncated or damaged file is an error.
pub fn decode_upright(name: &str, bytes: &[u8], info: ImageInfo) -> Result<DynamicImage, MediaError> {
    let damaged = |error: image::ImageError| MediaError::Damaged {
        name: name.to_owned(),
        message: error.to_string(),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), info.format);
    reader.limits(decoder_limits());
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    // A broken orientation tag is no reason to refuse the picture: show it as stored.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    image.apply_orientation(orientation);
    Ok(image)
}
