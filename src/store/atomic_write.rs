//! Replace a file so that a reader, or a crash, sees either the old bytes or the new ones.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(feature = "test-seams")]
use super::fault;

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to a temporary file beside `path`, flushes it, renames it over `path`
/// and flushes the folder. On error the temporary file is removed and `path` is untouched.
/// The new file keeps the permissions of the one it replaces (a private file stays private); a
/// file that was not there gets the system's default.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let permissions = fs::metadata(path).ok().map(|metadata| metadata.permissions());
    write_atomic_with(path, bytes, permissions.as_ref())
}

/// [`write_atomic`], the new file with `permissions` (`None`: the system's default for a new file).
/// They are set before any byte is written, so no one the permissions leave out can read it.
pub fn write_atomic_with(path: &Path, bytes: &[u8], permissions: Option<&Permissions>) -> io::Result<()> {
    replace_via_temp(path, |temp| write_synced(temp, bytes, permissions))
}

/// Lets `stage` create a temporary file beside `path`, then renames it over `path` and flushes
/// the folder. On error the temporary file is removed and `path` is untouched.
pub fn replace_via_temp(path: &Path, stage: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    #[cfg(feature = "test-seams")]
    fault::refuse_replace(path)?;
    let temp = temp_path_for(path);
    let result = stage(&temp).and_then(|()| fs::rename(&temp, path));
    // rename(2) does nothing when both names are links to one file (a backup staged as a hard
    // link of a board it already is, after a crash): then the temporary name is still there.
    if result.is_err() || fs::symlink_metadata(&temp).is_ok() {
        // Best effort: the error that matters is the one returned.
        let _ = fs::remove_file(&temp);
    }
    result?;
    sync_parent(path)
}

fn temp_path_for(path: &Path) -> PathBuf {
    let unique = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!("{}{}-{unique}", temp_prefix(path), std::process::id()))
}

/// `talks.json` → `.talks.json.tmp-`: what every temporary file for `path` starts with.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().map(|name| name.to_string_lossy()).unwrap_or_default();
    format!(".{name}.tmp-")
}

/// Removes temporary files for `path` that a killed process left behind. Only call this while
/// holding the board's lock: then no other process is writing them. Returns how many went.
pub fn remove_stale_temps(path: &Path) -> io::Result<usize> {
    let prefix = temp_prefix(path);
    let mut removed = 0;
    for entry in fs::read_dir(parent_of(path))? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn write_synced(path: &Path, bytes: &[u8], permissions: Option<&Permissions>) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if let Some(permissions) = permissions {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        // Created no wider than asked (the umask may narrow it), then set exactly below.
        options.mode(permissions.mode() & 0o7777);
    }
    let mut file = options.open(path)?;
    if let Some(permissions) = permissions {
        file.set_permissions(permissions.clone())?;
    }
    #[cfg(feature = "test-seams")]
    fault::disturb_write(&mut file, path, bytes)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes a rename in the folder durable.
pub(super) fn sync_parent(path: &Path) -> io::Result<()> {
    let parent = parent_of(path);
    #[cfg(unix)]
    File::open(parent)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = (parent, File::open);
    Ok(())
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["board.json"]);
    }

    #[test]
    fn failure_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        write_atomic(&path, b"good").unwrap();
        // Renaming a file over a non-empty folder fails after the temporary file is written.
        let blocked = dir.path().join("blocked");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("x"), b"x").unwrap();
        assert!(write_atomic(&blocked, b"new").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"good");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[cfg(feature = "test-seams")]
    #[test]
    fn injected_faults_fail_the_write_and_leave_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        write_atomic(&path, b"good").unwrap();
        use super::super::fault::{WriteFault, inject_write_fault};
        for (fault, message) in [
            (WriteFault::DiskFull, "No space left on device"),
            (WriteFault::ReadOnly, "Read-only file system"),
        ] {
            let injected = inject_write_fault(dir.path(), fault);
            let error = write_atomic(&path, b"new bytes").unwrap_err();
            assert_eq!(error.to_string(), message);
            assert_eq!(fs::read(&path).unwrap(), b"good");
            assert_eq!(
                fs::read_dir(dir.path()).unwrap().count(),
                1,
                "no temporary file is left"
            );
            drop(injected);
        }
        write_atomic(&path, b"new bytes").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new bytes");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions_and_a_new_one_gets_those_asked_for() {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o7777;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        write_atomic(&path, b"one").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(mode(&path), 0o600);
        fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"three").unwrap();
        assert_eq!(mode(&path), 0o640);

        let private = dir.path().join("private.png");
        write_atomic_with(&private, b"png", Some(&Permissions::from_mode(0o600))).unwrap();
        assert_eq!(mode(&private), 0o600);
        // Exactly as asked, whatever the umask would have taken away.
        let shared = dir.path().join("shared.png");
        write_atomic_with(&shared, b"png", Some(&Permissions::from_mode(0o664))).unwrap();
        assert_eq!(mode(&shared), 0o664);
    }

    #[test]
    fn stale_temporary_files_of_one_file_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        fs::write(temp_path_for(&path), b"half").unwrap();
        fs::write(temp_path_for(&path), b"half").unwrap();
        let other = dir.path().join("other.json");
        fs::write(temp_path_for(&other), b"someone else's").unwrap();
        assert_eq!(remove_stale_temps(&path).unwrap(), 2);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
