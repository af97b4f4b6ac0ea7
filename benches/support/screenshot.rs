//! A screenshot-like picture for the benchmarks, made in memory: no test data to keep.

use image::{Rgb, RgbImage};

/// A screenshot-like picture: flat panels and lines of "text", slightly different for each seed.
pub fn screenshot(width: u32, height: u32, seed: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let panel = (x / 320 + y / 180 + seed) % 5;
        let text_line = (y % 24) < 12 && (x / 7 + y / 24 + seed) % 9 < 6 && x % 320 > 20;
        if text_line {
            Rgb([30, 30, 40])
        } else {
            let shade = [250, 235, 220, 205, 245][panel as usize] as u8;
            Rgb([shade, shade, 255 - (seed as u8 % 20)])
        }
    })
}
