//! Taking an image in: read, check, decode (so a broken file is refused before anything is stored),
//! then copy it into a board's media folder under a name made from its content.

use std::fs::{File, Permissions};
use std::io::Read;
use std::path::Path;

use image::{DynamicImage, ImageFormat, RgbaImage};

use super::decode::decode_upright;
use super::inspect::{ImageInfo, inspect};
use super::limits::MAX_IMAGE_FILE_BYTES;
use super::media_file::{check_media_folder, content_hash, name_for_content, verify_media};
use super::thumbnails::thumbnail_of;
use super::{MediaError, RgbaPixels};
use crate::model::{ImageRef, MediaName};
use crate::store::{
    create_folder_with, folder_permissions_beside, media_dir_for, permissions_beside, write_atomic_with,
};

/// An image that passed every check, ready to be stored.
pub struct PreparedImage {
    caption: String,
    bytes: Vec<u8>,
    info: ImageInfo,
    upright: DynamicImage,
}

impl std::fmt::Debug for PreparedImage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedImage")
            .field("caption", &self.caption)
            .field("info", &self.info)
            .finish_non_exhaustive()
    }
}

/// Reads and checks an image file; its caption is the file name.
pub fn prepare_file(path: &Path) -> Result<PreparedImage, MediaError> {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let read_error = |source| MediaError::Read {
        path: path.to_owned(),
        source,
    };
    let file = File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    if !metadata.is_file() {
        return Err(MediaError::NotAnImage { name });
    }
    // Read one byte past the limit, so a file that grows meanwhile is still caught without reading all of it.
    let mut bytes = Vec::new();
    file.take(MAX_IMAGE_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    prepare_bytes(&name, bytes)
}

/// Checks image bytes from anywhere (a file, the sample board); `caption` also names it in errors.
pub fn prepare_bytes(caption: &str, bytes: Vec<u8>) -> Result<PreparedImage, MediaError> {
    let info = inspect(caption, &bytes)?;
    let upright = decode_upright(caption, &bytes, info)?;
    Ok(PreparedImage {
        caption: caption.to_owned(),
        bytes,
        info,
        upright,
    })
}

/// Turns pixels (a pasted image) into a PNG and checks it like any other image.
pub fn prepare_pixels(caption: &str, pixels: RgbaPixels) -> Result<PreparedImage, MediaError> {
    let damaged = |message: String| MediaError::Damaged {
        name: caption.to_owned(),
        message,
    };
    let image = RgbaImage::from_raw(pixels.width, pixels.height, pixels.pixels)
        .ok_or_else(|| damaged("the pixel data does not match its size".to_owned()))?;
    let mut png = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|error| damaged(error.to_string()))?;
    prepare_bytes(caption, png)
}

impl PreparedImage {
    /// A thumbnail that fits a `max_side` square, made from the already decoded pixels.
    pub fn thumbnail(&self, max_side: u32) -> RgbaPixels {
        thumbnail_of(&self.upright, max_side)
    }

    /// The hash of the file's content, which names it in a media folder.
    pub fn content_hash(&self) -> String {
        content_hash(&self.bytes)
    }

    /// Stores the file in `media_dir` as `<content hash>.<ext>` (once, however often it is added)
    /// and returns the reference a card keeps, with the size as the image is shown (upright).
    /// Nothing is written through a media folder that is a link; a link, special file or changed
    /// file of that name is replaced by the image.
    pub fn store(&self, media_dir: &Path) -> Result<ImageRef, MediaError> {
        self.store_with(media_dir, None, None)
    }

    /// [`Self::store`] into the media folder of the board file `board`: the image, and the folder
    /// when it is made, may be read by whoever may read the board file (a private board's images
    /// are private too).
    pub fn store_beside(&self, board: &Path) -> Result<ImageRef, MediaError> {
        self.store_with(
            &media_dir_for(board),
            permissions_beside(board).as_ref(),
            folder_permissions_beside(board).as_ref(),
        )
    }

    /// [`Self::store`], a new file with `permissions` and a new folder with `folder_permissions`
    /// (`None`: the system's default).
    fn store_with(
        &self,
        media_dir: &Path,
        permissions: Option<&Permissions>,
        folder_permissions: Option<&Permissions>,
    ) -> Result<ImageRef, MediaError> {
        let extension = self.info.format.extensions_str().first().copied().unwrap_or("img");
        let file = MediaName::new(name_for_content(&self.bytes, extension)).map_err(|_| MediaError::NotAnImage {
            name: self.caption.clone(),
        })?;
        let path = media_dir.join(file.as_str());
        check_media_folder(media_dir)?;
        if verify_media(media_dir, &file).is_err() {
            let write_error = |source| MediaError::Write {
                path: path.clone(),
                source,
            };
            create_folder_with(media_dir, folder_permissions).map_err(write_error)?;
            write_atomic_with(&path, &self.bytes, permissions).map_err(write_error)?;
        }
        Ok(ImageRef {
            file,
            caption: self.caption.clone(),
            width: self.upright.width(),
            height: self.upright.height(),
        })
    }
}

/// Stores image bytes in `media_dir` after every check; see [`PreparedImage::store`].
pub fn store_image_bytes(media_dir: &Path, bytes: &[u8], caption: &str) -> Result<ImageRef, MediaError> {
    prepare_bytes(caption, bytes.to_vec())?.store(media_dir)
}
