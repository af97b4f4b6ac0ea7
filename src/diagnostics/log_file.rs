//! A log file that stays small: past a size it becomes `NAME.1` (and `NAME.1` becomes `NAME.2` …).

use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// An append-only text file, rotated by size. Each line is appended with its own open, so
/// several Boothboard processes (the window and a command) can share one file.
#[derive(Debug)]
pub struct RotatingFile {
    path: PathBuf,
    max_bytes: u64,
    old_files: usize,
}

impl RotatingFile {
    /// Lines go to `path`; once it would pass `max_bytes` it is moved to `path.1`, and at most
    /// `old_files` moved files are kept.
    pub fn new(path: PathBuf, max_bytes: u64, old_files: usize) -> Self {
        Self {
            path,
            max_bytes,
            old_files,
        }
    }

    /// The file lines go to now.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `text`, rotating first if the file would grow past its size. Creates the folder.
    pub fn append(&self, text: &str) -> io::Result<()> {
        let size = fs::metadata(&self.path).map_or(0, |metadata| metadata.len());
        if size > 0 && size + text.len() as u64 > self.max_bytes {
            self.rotate()?;
        }
        if let Some(folder) = self.path.parent() {
            fs::create_dir_all(folder)?;
        }
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?
            .write_all(text.as_bytes())
    }

    fn rotate(&self) -> io::Result<()> {
        if self.old_files == 0 {
            return fs::remove_file(&self.path);
        }
        for number in (1..self.old_files).rev() {
            match fs::rename(self.old_file(number), self.old_file(number + 1)) {
                Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        }
        fs::rename(&self.path, self.old_file(1))
    }

    /// `boothboard.log` → `boothboard.log.2` for `number` 2.
    fn old_file(&self, number: usize) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".{number}"));
        self.path.with_file_name(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_file_moves_to_dot_1_and_only_two_old_files_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logs").join("boothboard.log");
        let file = RotatingFile::new(path.clone(), 100, 2);
        let line = |number: usize| format!("line {number:02} {}\n", "x".repeat(30));
        // 40 bytes a line: two lines fit in 100 bytes, the third starts a new file.
        for number in 1..=9 {
            file.append(&line(number)).unwrap();
        }
        let read = |name: &str| fs::read_to_string(dir.path().join("logs").join(name)).unwrap();
        assert_eq!(read("boothboard.log"), line(9));
        assert_eq!(read("boothboard.log.1"), line(7) + &line(8));
        assert_eq!(read("boothboard.log.2"), line(5) + &line(6));
        let mut names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["boothboard.log", "boothboard.log.1", "boothboard.log.2"]);
    }
}
