//! Limits that keep a hostile or absurd image from exhausting memory.

/// Larger files are refused before decoding.
pub const MAX_IMAGE_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Larger images (by their header) are refused before any pixel is allocated.
pub const MAX_IMAGE_PIXELS: u64 = 100_000_000;

/// The decoder limits that go with the constants above.
pub fn decoder_limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_IMAGE_PIXELS * 4 + 64 * 1024 * 1024);
    limits
}
