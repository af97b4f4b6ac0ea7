//! A photo-like picture for the benchmarks, made in memory: no test data to keep.

use image::{Rgb, RgbImage};

/// A photo-like picture: smooth gradients with noise, which JPEG is made for.
pub fn photo(width: u32, height: u32, seed: u32) -> RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    RgbImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 24) as u8;
        Rgb([
            ((x * 255 / width) as u8).saturating_add(noise),
            ((y * 255 / height) as u8).saturating_add(noise),
            (128u8).saturating_add(noise),
        ])
    })
}
