//! Taking image files in: every format by content, EXIF orientation, refusals that name the file, de-duplication.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use boothboard::media::{ContentCheck, MediaError, ThumbnailDiskCache, make_thumbnail, prepare_file};
use boothboard::model::MediaName;
use common::*;
use image::ImageFormat;

#[test]
fn png_jpeg_gif_webp_and_bmp_are_taken_in_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().join("talks.media");
    let image = two_colour_image(64, 48);
    for (name, format) in [
        ("slide.png", ImageFormat::Png),
        ("photo.jpg", ImageFormat::Jpeg),
        ("animation.gif", ImageFormat::Gif),
        ("diagram.webp", ImageFormat::WebP),
        ("old-screenshot.bmp", ImageFormat::Bmp),
        // The content decides, not the name.
        ("really-a-png.jpg", ImageFormat::Png),
    ] {
        let path = write_image(dir.path(), name, &image, format);
        let stored = prepare_file(&path).unwrap().store(&media).unwrap();
        assert_eq!((stored.width, stored.height), (64, 48), "{name}");
        assert_eq!(stored.caption, name);
        let extension = stored.file.as_str().rsplit('.').next().unwrap();
        let expected = format.extensions_str()[0];
        assert_eq!(extension, expected, "{name} is stored by what it is");
        assert!(media.join(stored.file.as_str()).is_file());
    }
}

#[test]
fn a_phone_photo_with_an_exif_orientation_is_upright() {
    let dir = tempfile::tempdir().unwrap();
    // Stored 40 wide and 20 high, left red and right blue; orientation 6 means "rotate 90° clockwise to view".
    let path = write_jpeg_with_orientation(dir.path(), "slide-photo.jpg", 40, 20, 6);
    let prepared = prepare_file(&path).unwrap();
    let stored = prepared.store(&dir.path().join("media")).unwrap();
    assert_eq!((stored.width, stored.height), (20, 40), "upright: taller than wide");
    let thumbnail = prepared.thumbnail(512);
    assert_eq!((thumbnail.width, thumbnail.height), (20, 40));
    let pixel = |x: u32, y: u32| {
        let at = ((y * thumbnail.width + x) * 4) as usize;
        &thumbnail.pixels[at..at + 3]
    };
    // After the rotation the red half is on top.
    let (top, bottom) = (pixel(10, 5), pixel(10, 35));
    assert!(top[0] > 150 && top[2] < 100, "top is red: {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "bottom is blue: {bottom:?}");
}

#[test]
fn broken_and_hostile_files_are_refused_with_their_name_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (write_truncated_png(dir.path(), "cut-off.png"), "damaged"),
        (write_text_named_png(dir.path(), "notes.png"), "not an image"),
        (
            write_png_claiming(dir.path(), "bomb.png", 100_000, 100_000),
            "over the limit",
        ),
        (dir.path().join("gone.png"), "can't read"),
    ];
    for (path, reason) in cases {
        let started = std::time::Instant::now();
        let error = prepare_file(&path).unwrap_err();
        let message = error.to_string();
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(message.contains(name), "{message:?} names {name}");
        assert!(message.contains(reason), "{message:?} says {reason:?}");
        // The bomb is refused from its header: well within a second, whatever the machine.
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{name} refused quickly"
        );
    }
    assert!(matches!(
        prepare_file(&dir.path().join("gone.png")),
        Err(error @ MediaError::Read { .. }) if error.is_missing()
    ));
}

#[test]
fn the_same_image_twice_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().join("media");
    let first = write_png(dir.path(), "keynote.png", 120, 80);
    let copy = dir.path().join("keynote copy.png");
    std::fs::copy(&first, &copy).unwrap();
    let a = prepare_file(&first).unwrap().store(&media).unwrap();
    let b = prepare_file(&copy).unwrap().store(&media).unwrap();
    assert_eq!(a.file, b.file);
    assert_eq!(std::fs::read_dir(&media).unwrap().count(), 1);
    let other = write_png(dir.path(), "other.png", 121, 80);
    let c = prepare_file(&other).unwrap().store(&media).unwrap();
    assert_ne!(a.file, c.file);
    assert_eq!(std::fs::read_dir(&media).unwrap().count(), 2);
}

/// Stores a PNG of `width` x `height` in `media` as the app does; returns its name there.
fn stored_png(dir: &Path, media: &Path, width: u32, height: u32) -> MediaName {
    let file = write_png(dir, "source.png", width, height);
    prepare_file(&file).unwrap().store(media).unwrap().file
}

#[test]
fn thumbnails_fit_the_box_and_are_cached_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().join("board.media");
    let cache = ThumbnailDiskCache::new(dir.path().join("thumbnails"));
    let name = stored_png(dir.path(), &media, 1920, 1080);
    let path = media.join(name.as_str());
    let made = make_thumbnail(&media, &name, 512, &cache, ContentCheck::Verify).unwrap();
    assert_eq!((made.width, made.height), (512, 288));
    assert_eq!(std::fs::read_dir(dir.path().join("thumbnails")).unwrap().count(), 1);
    assert_eq!(cache.load(&path, 512), Some(made.clone()));
    // A changed source is not served its old thumbnail, and is refused for not matching its name,
    // even where its thumbnail would be trusted.
    let other = write_png(dir.path(), "other.png", 1000, 1000);
    std::fs::copy(&other, &path).unwrap();
    let refused = make_thumbnail(&media, &name, 512, &cache, ContentCheck::Trust).unwrap_err();
    assert!(refused.is_untrusted(), "{refused}");
}

#[test]
fn a_cached_thumbnail_does_not_hide_a_file_changed_with_its_size_and_time_kept() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().join("board.media");
    let cache = ThumbnailDiskCache::new(dir.path().join("thumbnails"));
    let name = stored_png(dir.path(), &media, 300, 200);
    let path = media.join(name.as_str());
    make_thumbnail(&media, &name, 128, &cache, ContentCheck::Verify).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let mut bytes = std::fs::read(&path).unwrap();
    *bytes.last_mut().unwrap() ^= 0xff;
    std::fs::write(&path, &bytes).unwrap();
    std::fs::File::options()
        .append(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert!(cache.load(&path, 128).is_some(), "the cache still has it");
    let refused = make_thumbnail(&media, &name, 128, &cache, ContentCheck::Verify).unwrap_err();
    assert!(refused.is_untrusted(), "{refused}");
    assert!(refused.to_string().contains("changed outside Boothboard"), "{refused}");
}

#[test]
fn the_thumbnail_cache_keeps_the_entries_used_last_within_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().join("board.media");
    let cache = ThumbnailDiskCache::new(dir.path().join("thumbnails"));
    let names: Vec<_> = (0..4)
        .map(|number| stored_png(dir.path(), &media, 400 + number, 300))
        .collect();
    let sources: Vec<_> = names.iter().map(|name| media.join(name.as_str())).collect();
    for name in &names {
        make_thumbnail(&media, name, 128, &cache, ContentCheck::Verify).unwrap();
        // Apart in time, so "used last" is well defined even on a coarse clock.
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // The first one is used again: it is now the newest.
    assert!(cache.load(&sources[0], 128).is_some());
    let entry_bytes = std::fs::read_dir(dir.path().join("thumbnails"))
        .unwrap()
        .map(|entry| entry.unwrap().metadata().unwrap().len())
        .max()
        .unwrap();
    assert_eq!(cache.prune(entry_bytes * 2 + entry_bytes / 2), 2);
    assert!(cache.load(&sources[0], 128).is_some(), "used last, kept");
    assert!(cache.load(&sources[3], 128).is_some(), "made last, kept");
    assert!(cache.load(&sources[1], 128).is_none());
    assert!(cache.load(&sources[2], 128).is_none());
    assert_eq!(cache.prune(u64::MAX), 0);
}

#[cfg(unix)]
#[test]
fn an_image_is_never_stored_through_a_linked_media_folder_and_heals_a_changed_copy() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("elsewhere");
    std::fs::create_dir(&outside).unwrap();
    let linked = dir.path().join("linked.media");
    std::os::unix::fs::symlink(&outside, &linked).unwrap();
    let file = write_png(dir.path(), "slide.png", 40, 30);
    let refused = prepare_file(&file).unwrap().store(&linked).unwrap_err();
    assert!(refused.is_untrusted(), "{refused}");
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        0,
        "nothing written through the link"
    );

    let media = dir.path().join("board.media");
    let stored = prepare_file(&file).unwrap().store(&media).unwrap();
    let path = media.join(stored.file.as_str());
    std::fs::write(&path, "changed").unwrap();
    prepare_file(&file).unwrap().store(&media).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(&file).unwrap(),
        "the image again"
    );
}
