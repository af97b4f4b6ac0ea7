//! Files and text made by the tests: every kind of image the importer must take or refuse, dropping
//! them, and text of every kind (`unicode`).
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]
#![allow(clippy::indexing_slicing)]

pub mod catalogues;
pub mod unicode;

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use image::codecs::jpeg::JpegEncoder;
use image::{ImageEncoder, ImageFormat, Rgba, RgbaImage};

pub const RED: Rgba<u8> = Rgba([220, 20, 20, 255]);
pub const BLUE: Rgba<u8> = Rgba([20, 20, 220, 255]);

/// Left half red, right half blue: which way up it is shows after any rotation.
pub fn two_colour_image(width: u32, height: u32) -> RgbaImage {
    RgbaImage::from_fn(width, height, |x, _| if x < width / 2 { RED } else { BLUE })
}

/// Writes `image` in `format` to `dir/name`.
pub fn write_image(dir: &Path, name: &str, image: &RgbaImage, format: ImageFormat) -> PathBuf {
    let path = dir.join(name);
    let mut bytes = Vec::new();
    let image = if format == ImageFormat::Jpeg {
        image::DynamicImage::ImageRgba8(image.clone()).into_rgb8().into()
    } else {
        image::DynamicImage::ImageRgba8(image.clone())
    };
    image.write_to(&mut Cursor::new(&mut bytes), format).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Every file under `dir`, recursively; links as themselves, not followed.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_type().unwrap().is_dir() {
            files.extend(files_under(&entry.path()));
        } else {
            files.push(entry.path());
        }
    }
    files
}

/// A PNG of the two-colour image.
pub fn write_png(dir: &Path, name: &str, width: u32, height: u32) -> PathBuf {
    write_image(dir, name, &two_colour_image(width, height), ImageFormat::Png)
}

/// A JPEG of the two-colour image with an EXIF orientation tag, as a phone writes it.
pub fn write_jpeg_with_orientation(dir: &Path, name: &str, width: u32, height: u32, orientation: u16) -> PathBuf {
    let rgb = image::DynamicImage::ImageRgba8(two_colour_image(width, height)).into_rgb8();
    // A little-endian TIFF header with one IFD entry: Orientation (0x0112), SHORT, count 1.
    let mut exif = b"II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0".to_vec();
    exif.extend_from_slice(&orientation.to_le_bytes());
    exif.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut bytes = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut bytes, 90);
    encoder.set_exif_metadata(exif).unwrap();
    encoder
        .write_image(rgb.as_raw(), width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The first half of a real PNG: its header is fine, its pixels are cut off.
pub fn write_truncated_png(dir: &Path, name: &str) -> PathBuf {
    let whole = write_png(dir, "whole-before-truncation.png", 300, 200);
    let bytes = std::fs::read(&whole).unwrap();
    std::fs::remove_file(whole).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    path
}

/// A PNG whose header claims `width` x `height` pixels, with no pixel data: a decompression bomb's shape.
pub fn write_png_claiming(dir: &Path, name: &str, width: u32, height: u32) -> PathBuf {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(&13u32.to_be_bytes());
    bytes.extend_from_slice(&ihdr);
    bytes.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    // A few bytes of compressed data, as a bomb has: the decoder reads the header before them.
    let idat = b"IDAT\x78\x9c\x03\x00\x00\x00\x00\x01";
    bytes.extend_from_slice(&8u32.to_be_bytes());
    bytes.extend_from_slice(idat);
    bytes.extend_from_slice(&crc32(idat).to_be_bytes());
    bytes.extend_from_slice(&[0, 0, 0, 0]);
    bytes.extend_from_slice(b"IEND");
    bytes.extend_from_slice(&crc32(b"IEND").to_be_bytes());
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// PNG chunks carry a CRC-32 (the zlib polynomial).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A text file that claims to be a PNG by its name.
pub fn write_text_named_png(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, "These are my notes, not a picture.\n").unwrap();
    path
}

/// A file dragged in from the file manager, as the native backend hands it over.
#[derive(Debug)]
pub struct DroppedPath(pub PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

/// Runs the real binary with `home` as its app home.
pub fn boothboard(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boothboard"))
        .args(args)
        .env(boothboard::store::HOME_ENV, home)
        .output()
        .expect("the binary runs")
}

/// What a command that must succeed printed.
pub fn succeeds(output: &Output) -> String {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A reference to an image `NAME.png` of 1×1 pixels, captioned NAME: for boards that are merged,
/// not shown.
pub fn image_named(name: &str) -> boothboard::model::ImageRef {
    boothboard::model::ImageRef {
        file: boothboard::model::MediaName::new(format!("{name}.png")).unwrap(),
        caption: name.to_owned(),
        width: 1,
        height: 1,
    }
}

/// The English sample board as device 100 made it: where the copies of merge tests start.
pub fn sample_start() -> boothboard::model::Board {
    let images = boothboard::model::sample::SampleImages {
        gloo: image_named("gloo"),
        tidb: image_named("tidb"),
    };
    let mut board = boothboard::model::sample::sample_board(images, boothboard::i18n::Language::English);
    board.adopt_device(boothboard::model::DeviceId(100));
    board
}
