//! What an inbox has taken in, by content hash (and the file's name), kept in a small file under
//! the app home: restarting, or importing the folder's images on request, never brings an image
//! in twice, even one whose card was deleted since.

use std::collections::HashSet;
use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// The images a board's inbox has taken in.
#[derive(Debug)]
pub struct ImportedMemory {
    path: PathBuf,
    hashes: HashSet<String>,
    names: HashSet<String>,
}

impl ImportedMemory {
    /// Reads what was remembered at `path` (nothing when there is no file, or it can't be read).
    pub fn load(path: &Path) -> Self {
        let text = fs::read(path)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default();
        let mut memory = Self {
            path: path.to_owned(),
            hashes: HashSet::new(),
            names: HashSet::new(),
        };
        // One line an image: `HASH<tab>NAME`. A line cut short by a crash holds a hash at worst.
        for line in text.lines() {
            let (hash, name) = line.split_once('\t').unwrap_or((line, ""));
            if !hash.is_empty() {
                memory.hashes.insert(hash.to_owned());
            }
            if !name.is_empty() {
                memory.names.insert(name.to_owned());
            }
        }
        memory
    }

    /// Whether an image with this content was taken in.
    pub fn has_hash(&self, hash: &str) -> bool {
        self.hashes.contains(hash)
    }

    /// Whether a file of this name was taken in (its content may have changed since).
    pub fn has_name(&self, name: &str) -> bool {
        self.names.contains(&kept_name(name))
    }

    /// Remembers an image taken in, appending a line to the file.
    pub fn remember(&mut self, hash: &str, name: &str) -> io::Result<()> {
        let name = kept_name(name);
        let new_hash = self.hashes.insert(hash.to_owned());
        let new_name = self.names.insert(name.clone());
        if !new_hash && !new_name {
            return Ok(());
        }
        if let Some(folder) = self.path.parent() {
            fs::create_dir_all(folder)?;
        }
        let mut file = OpenOptions::new().create(true).append(true).open(&self.path)?;
        file.write_all(format!("{hash}\t{name}\n").as_bytes())
    }
}

/// A name as the file keeps it: a tab or a line break would split its line, so they become spaces.
fn kept_name(name: &str) -> String {
    name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_remembered_is_there_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inbox").join("board.imported");
        let mut memory = ImportedMemory::load(&path);
        assert!(!memory.has_hash("0123"));
        memory.remember("0123", "Screenshot 14.03.png").unwrap();
        memory.remember("4567", "line\nbreak.png").unwrap();
        memory.remember("0123", "Screenshot 14.03.png").unwrap();
        let again = ImportedMemory::load(&path);
        assert!(again.has_hash("0123") && again.has_hash("4567"));
        assert!(again.has_name("Screenshot 14.03.png") && again.has_name("line break.png"));
        assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 2);
    }
}
