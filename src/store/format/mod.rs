//! The board file's encodings, apart from the model: serde structs for each file version, turned
//! into a [`Board`] when read and made from one when written. A version's structs never change once
//! released, so every old file keeps reading as it was written.

mod fields;
mod v1;
mod v2;
mod v3;

use crate::model::Board;

/// The value of the `format` field that marks a Boothboard file.
pub const FORMAT: &str = "boothboard";

/// The newest file version this build reads and writes.
pub const VERSION: u32 = 3;

/// Reads the body of a board file of `version`, whose header was checked (no newer than
/// [`VERSION`]); the errors carry the line and column they were found at. A file without a
/// version is read as version 1, whose structs refuse it for the missing field.
pub(super) fn decode(version: Option<u64>, bytes: &[u8]) -> serde_json::Result<Board> {
    if version == Some(u64::from(VERSION)) {
        let file = serde_json::from_slice::<v3::BoardFile>(bytes)?;
        file.into_board().map_err(serde::de::Error::custom)
    } else if version == Some(2) {
        serde_json::from_slice::<v2::BoardFile>(bytes).map(Board::from)
    } else {
        serde_json::from_slice::<v1::BoardFile>(bytes).map(Board::from)
    }
}

/// `board` as the newest version writes it, ready to serialize (fields in declaration order).
pub(super) fn newest(board: &Board) -> impl serde::Serialize {
    v3::BoardFile::from(board)
}
