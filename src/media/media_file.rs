//! Reading a board's media as data from a stranger: only regular files directly inside a real media
//! folder, opened without following links, and only when their content matches their hash name.

use crate::{i18n, tr};
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::limits::MAX_IMAGE_FILE_BYTES;
use crate::model::MediaName;

/// Hex digits of the content hash in the names Boothboard gives media files.
const HASH_DIGITS: usize = 32;

/// The extensions Boothboard gives media files, one per image format it takes.
const MEDIA_EXTENSIONS: &[&str] = &["png", "jpg", "gif", "webp", "bmp"];

/// Why a media file was not read. Every variant names the file or folder.
#[derive(Debug, thiserror::Error)]
pub enum MediaProblem {
    /// The media folder is a symbolic link: it could lead anywhere on this computer.
    #[error("{}", tr!("media-folder-is-link", folder = folder.display().to_string(), target = target.display().to_string()))]
    FolderIsLink {
        /// The media folder.
        folder: PathBuf,
        /// Where the link points.
        target: PathBuf,
    },
    /// Something other than a folder has the media folder's name.
    #[error("{}", tr!("media-folder-not-a-folder", folder = folder.display().to_string()))]
    FolderNotAFolder {
        /// The media folder.
        folder: PathBuf,
    },
    /// The file is not there.
    #[error("{}", tr!("media-missing", path = path.display().to_string()))]
    Missing {
        /// The media file.
        path: PathBuf,
    },
    /// The media file is a symbolic link.
    #[error("{}", tr!("media-link", path = path.display().to_string(), target = target.display().to_string()))]
    Link {
        /// The media file.
        path: PathBuf,
        /// Where the link points.
        target: PathBuf,
    },
    /// A folder, a named pipe, a device or a socket where an image file should be.
    #[error("{}", tr!("media-not-regular", path = path.display().to_string(), kind = kind.words()))]
    NotRegular {
        /// The media file.
        path: PathBuf,
        /// What it is instead.
        kind: FileKind,
    },
    /// Not a name Boothboard gives an image: the file was put there by something else.
    #[error("{}", tr!("media-foreign-name", path = path.display().to_string()))]
    ForeignName {
        /// The media file.
        path: PathBuf,
    },
    /// The content does not match the hash in the name: the file was changed outside Boothboard.
    #[error("{}", tr!("media-changed", path = path.display().to_string()))]
    Changed {
        /// The media file.
        path: PathBuf,
    },
    /// Larger than any image Boothboard takes.
    #[error("{}", tr!("media-too-large", path = path.display().to_string(), mib = MAX_IMAGE_FILE_BYTES >> 20))]
    TooLarge {
        /// The media file.
        path: PathBuf,
    },
    /// The system refused to read it.
    #[error("{}", tr!("media-read", path = path.display().to_string(), error = i18n::io_error(source)))]
    Read {
        /// The media file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

impl MediaProblem {
    /// The file is gone (or its folder is): nothing was put in its place.
    pub fn is_missing(&self) -> bool {
        matches!(self, Self::Missing { .. })
    }

    /// Something other than the image Boothboard stored is in its place, or in place of the folder.
    pub fn is_untrusted(&self) -> bool {
        !matches!(self, Self::Missing { .. } | Self::TooLarge { .. } | Self::Read { .. })
    }
}

/// Whether a thumbnail kept on disk is checked against its file's name before it is shown. A file
/// that is read (no thumbnail kept) is always checked: hashing what was read costs little.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentCheck {
    /// Read and hash the file, and refuse it when its content does not match its name.
    Verify,
    /// The file was verified earlier in this session: show the kept thumbnail without reading it.
    Trust,
}

/// Checks that `media_dir` is a real folder, not a link to one. A missing folder is not an error
/// here: its files are then missing.
pub fn check_media_folder(media_dir: &Path) -> Result<(), MediaProblem> {
    match fs::symlink_metadata(media_dir) {
        Ok(metadata) if metadata.file_type().is_symlink() => Err(MediaProblem::FolderIsLink {
            folder: media_dir.to_owned(),
            target: fs::read_link(media_dir).unwrap_or_default(),
        }),
        Ok(metadata) if !metadata.is_dir() => Err(MediaProblem::FolderNotAFolder {
            folder: media_dir.to_owned(),
        }),
        Ok(_) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(MediaProblem::Read {
            path: media_dir.to_owned(),
            source,
        }),
    }
}

/// Opens the media file `name` in `media_dir` for reading, without following links: the folder must
/// be a real folder, the file a regular file. The opened handle is checked, not just the path, so a
/// file swapped for a link or a pipe meanwhile is refused too. Never blocks on a named pipe.
pub fn open_media(media_dir: &Path, name: &MediaName) -> Result<(File, Metadata), MediaProblem> {
    check_media_folder(media_dir)?;
    let path = media_dir.join(name.as_str());
    // Look before opening, so a device or pipe is never opened at all.
    let before = fs::symlink_metadata(&path).map_err(|source| problem_reading(&path, source))?;
    refuse_other_kinds(&path, &before)?;
    let file = open_no_follow(&path).map_err(|source| match fs::symlink_metadata(&path) {
        Ok(now) if now.file_type().is_symlink() => link_problem(&path),
        _ => problem_reading(&path, source),
    })?;
    let opened = file.metadata().map_err(|source| problem_reading(&path, source))?;
    refuse_other_kinds(&path, &opened)?;
    if !same_file(&before, &opened) {
        // Replaced between the look and the open: whatever it is now, it is not what was checked.
        return Err(MediaProblem::Changed { path });
    }
    Ok((file, opened))
}

/// Reads the media file `name` (see [`open_media`]) up to the image size limit and checks that its
/// content matches its name.
pub fn read_media(media_dir: &Path, name: &MediaName) -> Result<Vec<u8>, MediaProblem> {
    let path = media_dir.join(name.as_str());
    let (file, _) = open_media(media_dir, name)?;
    let mut bytes = Vec::new();
    // One byte past the limit, so a file that grew meanwhile is caught without reading all of it.
    file.take(MAX_IMAGE_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| problem_reading(&path, source))?;
    if bytes.len() as u64 > MAX_IMAGE_FILE_BYTES {
        return Err(MediaProblem::TooLarge { path });
    }
    check_content(&path, name, &blake3::hash(&bytes))?;
    Ok(bytes)
}

/// Checks the media file `name` (see [`open_media`]) against its name by hashing it as it is read,
/// without keeping it in memory.
pub fn verify_media(media_dir: &Path, name: &MediaName) -> Result<(), MediaProblem> {
    let path = media_dir.join(name.as_str());
    if !is_boothboard_name(name) {
        // No need to read what can't match.
        open_media(media_dir, name)?;
        return Err(MediaProblem::ForeignName { path });
    }
    let (file, _) = open_media(media_dir, name)?;
    let mut hasher = blake3::Hasher::new();
    let read = io::copy(&mut file.take(MAX_IMAGE_FILE_BYTES + 1), &mut hasher)
        .map_err(|source| problem_reading(&path, source))?;
    if read > MAX_IMAGE_FILE_BYTES {
        return Err(MediaProblem::TooLarge { path });
    }
    check_content(&path, name, &hasher.finalize())
}

/// Whether `name` is one Boothboard gives an image: `<content hash>.<image extension>`.
fn is_boothboard_name(name: &MediaName) -> bool {
    name.as_str().split_once('.').is_some_and(|(hash, extension)| {
        hash.len() == HASH_DIGITS
            && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            && MEDIA_EXTENSIONS.contains(&extension)
    })
}

/// The name Boothboard gives an image with this content and extension.
pub(super) fn name_for_content(bytes: &[u8], extension: &str) -> String {
    format!("{}.{extension}", content_hash(bytes))
}

/// The content hash that names a media file: the same bytes always give the same hash.
pub fn content_hash(bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    hash.as_str().get(..HASH_DIGITS).unwrap_or(hash.as_str()).to_owned()
}

/// The content hash in a media file's name, when it is a name Boothboard gives an image.
pub fn hash_in_name(name: &MediaName) -> Option<&str> {
    is_boothboard_name(name)
        .then(|| name.as_str().split_once('.').map(|(hash, _)| hash))
        .flatten()
}

fn check_content(path: &Path, name: &MediaName, hash: &blake3::Hash) -> Result<(), MediaProblem> {
    if !is_boothboard_name(name) {
        return Err(MediaProblem::ForeignName { path: path.to_owned() });
    }
    let hex = hash.to_hex();
    let matches = hex
        .as_str()
        .get(..HASH_DIGITS)
        .is_some_and(|short| name.as_str().starts_with(short));
    if matches {
        Ok(())
    } else {
        Err(MediaProblem::Changed { path: path.to_owned() })
    }
}

/// Refuses links and anything that is not a regular file.
fn refuse_other_kinds(path: &Path, metadata: &Metadata) -> Result<(), MediaProblem> {
    let file_type = metadata.file_type();
    if file_type.is_symlink() {
        return Err(link_problem(path));
    }
    if file_type.is_file() {
        return Ok(());
    }
    Err(MediaProblem::NotRegular {
        path: path.to_owned(),
        kind: FileKind::of(metadata),
    })
}

/// What is in a media folder where an image file should be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A folder.
    Folder,
    /// A symbolic link.
    Link,
    /// A named pipe.
    NamedPipe,
    /// A socket.
    Socket,
    /// A block or character device.
    Device,
    /// A regular file.
    File,
    /// Anything else.
    Special,
}

impl FileKind {
    /// What `metadata` describes.
    pub fn of(metadata: &Metadata) -> Self {
        let file_type = metadata.file_type();
        if file_type.is_dir() {
            return Self::Folder;
        }
        if file_type.is_symlink() {
            return Self::Link;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if file_type.is_fifo() {
                return Self::NamedPipe;
            }
            if file_type.is_socket() {
                return Self::Socket;
            }
            if file_type.is_block_device() || file_type.is_char_device() {
                return Self::Device;
            }
        }
        if file_type.is_file() { Self::File } else { Self::Special }
    }

    /// In words: "a named pipe".
    fn words(self) -> String {
        let id = match self {
            Self::Folder => "file-kind-folder",
            Self::Link => "file-kind-link",
            Self::NamedPipe => "file-kind-named-pipe",
            Self::Socket => "file-kind-socket",
            Self::Device => "file-kind-device",
            Self::File => "file-kind-file",
            Self::Special => "file-kind-special",
        };
        i18n::text(id, &[])
    }
}

fn link_problem(path: &Path) -> MediaProblem {
    MediaProblem::Link {
        path: path.to_owned(),
        target: fs::read_link(path).unwrap_or_default(),
    }
}

fn problem_reading(path: &Path, source: io::Error) -> MediaProblem {
    if source.kind() == io::ErrorKind::NotFound {
        MediaProblem::Missing { path: path.to_owned() }
    } else {
        MediaProblem::Read {
            path: path.to_owned(),
            source,
        }
    }
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    // O_NONBLOCK: a pipe put in place after the look above still can't hang the reader.
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> io::Result<File> {
    // Without O_NOFOLLOW the opened handle's metadata, compared with the look before, catches a swap.
    File::open(path)
}

#[cfg(unix)]
fn same_file(before: &Metadata, opened: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    before.dev() == opened.dev() && before.ino() == opened.ino()
}

#[cfg(not(unix))]
fn same_file(before: &Metadata, opened: &Metadata) -> bool {
    before.len() == opened.len() && before.modified().ok() == opened.modified().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(dir: &Path, bytes: &[u8]) -> MediaName {
        let name = MediaName::new(name_for_content(bytes, "png")).unwrap();
        fs::write(dir.join(name.as_str()), bytes).unwrap();
        name
    }

    #[test]
    fn a_file_named_by_its_content_is_read_and_a_changed_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let name = stored(dir.path(), b"picture");
        assert_eq!(read_media(dir.path(), &name).unwrap(), b"picture");
        verify_media(dir.path(), &name).unwrap();
        fs::write(dir.path().join(name.as_str()), b"other").unwrap();
        assert!(matches!(
            read_media(dir.path(), &name),
            Err(MediaProblem::Changed { .. })
        ));
        assert!(matches!(
            verify_media(dir.path(), &name),
            Err(MediaProblem::Changed { .. })
        ));
    }

    #[test]
    fn only_hash_names_with_an_image_extension_are_boothboards() {
        let good = name_for_content(b"x", "jpg");
        assert!(is_boothboard_name(&MediaName::new(good.clone()).unwrap()));
        for bad in [
            "gone.png",
            "id_rsa",
            &good.replace(".jpg", ".txt"),
            &good.to_uppercase(),
        ] {
            assert!(!is_boothboard_name(&MediaName::new(bad).unwrap()), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_pipes_and_folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.txt");
        fs::write(&secret, "secret").unwrap();
        let link = MediaName::new(name_for_content(b"secret", "png")).unwrap();
        std::os::unix::fs::symlink(&secret, dir.path().join(link.as_str())).unwrap();
        let problem = read_media(dir.path(), &link).unwrap_err();
        assert!(matches!(problem, MediaProblem::Link { .. }), "{problem}");
        assert!(problem.to_string().contains("secret.txt"), "{problem}");

        let pipe = MediaName::new("pipe.png").unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(dir.path().join("pipe.png"))
            .status()
            .unwrap();
        assert!(made.success());
        assert!(matches!(
            read_media(dir.path(), &pipe),
            Err(MediaProblem::NotRegular {
                kind: FileKind::NamedPipe,
                ..
            })
        ));

        let folder = MediaName::new("folder.png").unwrap();
        fs::create_dir(dir.path().join("folder.png")).unwrap();
        assert!(matches!(
            open_media(dir.path(), &folder),
            Err(MediaProblem::NotRegular {
                kind: FileKind::Folder,
                ..
            })
        ));

        let linked_folder = dir.path().join("linked.media");
        std::os::unix::fs::symlink(outside.path(), &linked_folder).unwrap();
        let secret_name = MediaName::new("secret.txt").unwrap();
        let problem = open_media(&linked_folder, &secret_name).unwrap_err();
        assert!(matches!(problem, MediaProblem::FolderIsLink { .. }), "{problem}");
        assert!(problem.to_string().contains(&outside.path().display().to_string()));
    }
}
