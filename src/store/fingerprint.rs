//! What a board file held when Boothboard last read or wrote it, to notice another program's edits.

/// The size and content hash of a board file's bytes.
///
/// Before each save the file on disk is compared with the fingerprint of what Boothboard last
/// read or wrote there. Size and a hash of every byte decide: a same-size edit is caught even
/// within one tick of the modification time, and a file that was only touched (new time, same
/// bytes) is not an outside edit, because saving over it loses nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    len: usize,
    hash: blake3::Hash,
}

impl Fingerprint {
    /// The fingerprint of a file holding `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len(),
            hash: blake3::hash(bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Fingerprint;

    #[test]
    fn a_same_size_edit_changes_the_fingerprint() {
        let original = br#"{"title": "Gloo"}"#;
        let edited = br#"{"title": "Glue"}"#;
        assert_eq!(original.len(), edited.len());
        assert_ne!(Fingerprint::of(original), Fingerprint::of(edited));
        assert_eq!(Fingerprint::of(original), Fingerprint::of(br#"{"title": "Gloo"}"#));
    }
}
