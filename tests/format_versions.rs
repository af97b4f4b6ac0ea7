//! Board files of every released version, kept under `tests/data/`, read by this build.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use boothboard::store;

/// The sample board as version 1 of the app wrote it (`boothboard new --sample`).
const SAMPLE_V1: &str = "tests/data/kubecon-2018.v1.json";

#[test]
fn the_version_1_sample_board_reads_and_writes_back_byte_for_byte() {
    let bytes = std::fs::read(SAMPLE_V1).unwrap();
    let board = store::parse(Path::new(SAMPLE_V1), &bytes).unwrap();
    assert_eq!(board.card_count(), 6);
    assert_eq!(board.themes.len(), 2);
    let tidb = board.card_by_title("TiDB").unwrap();
    assert_eq!(tidb.images.len(), 1);
    assert_eq!(tidb.links.len(), 4);
    assert_eq!(store::to_bytes(&board).unwrap(), bytes);
}
