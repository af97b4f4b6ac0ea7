//! Board files of every released version, kept under `tests/data/`, read by this build, through
//! the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;

use boothboard::model::Board;
use boothboard::store;
use common::{boothboard, succeeds};

mod common;

/// The sample board as version 1 of the app wrote it (`boothboard new --sample`).
const SAMPLE_V1: &str = "tests/data/kubecon-2018.v1.json";

/// The sample board as version 2 wrote it after a merge of two copies: a card added, Rook's and
/// TiDB's notes changed on both (TiDB's kept between merge markers, flagged), Envoy deleted.
const SAMPLE_V2: &str = "tests/data/kubecon-2018.v2.json";

/// The other copy of that merge, as version 2 wrote it: it still shows Envoy.
const OTHER_COPY_V2: &str = "tests/data/kubecon-2018.v2-other-copy.json";

/// What a card holds that the user wrote, in order.
fn cards_as_written(board: &Board) -> Vec<String> {
    board
        .columns
        .iter()
        .flat_map(|column| {
            column.cards.iter().map(move |card| {
                let themes: Vec<&str> = card
                    .themes
                    .iter()
                    .filter_map(|theme| board.theme(*theme))
                    .map(|theme| theme.name.as_str())
                    .collect();
                format!(
                    "{} / {} / {} / {:?} / {:?} / {:?} / {}",
                    column.name, card.title, card.summary, card.links, themes, card.images, card.notes
                )
            })
        })
        .collect()
}

#[test]
fn a_version_1_board_keeps_every_card_and_is_saved_as_version_3_beside_its_v1_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kubecon-2018.json");
    let board = path.to_str().unwrap();
    // The sample's media, then the file as version 1 wrote it.
    succeeds(&boothboard(&["new", board, "--sample"], dir.path()));
    let v1 = std::fs::read(SAMPLE_V1).unwrap();
    std::fs::write(&path, &v1).unwrap();
    assert!(succeeds(&boothboard(&["check", board], dir.path())).contains("ok: version 1,"));
    let before = store::parse(Path::new(SAMPLE_V1), &v1).unwrap();
    assert_eq!(before.card_count(), 6);

    succeeds(&boothboard(&["add-card", board, "--title", "Envoy"], dir.path()));
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(store::version_of(&bytes), Some(3));
    let after = store::load(&path).unwrap();
    let mut expected = cards_as_written(&before);
    expected.insert(2, "Gateways and languages / Envoy /  / [] / [] / [] / ".to_owned());
    assert_eq!(
        cards_as_written(&after),
        expected,
        "every card as it was, and the new one"
    );
    let kept = dir.path().join("kubecon-2018.v1.json");
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        v1,
        "the version 1 file is kept beside it"
    );
    assert!(succeeds(&boothboard(&["check", board], dir.path())).contains("ok: version 3,"));

    // Later saves leave the kept file alone and make no more copies.
    succeeds(&boothboard(&["add-card", board, "--title", "Linkerd"], dir.path()));
    assert_eq!(std::fs::read(&kept).unwrap(), v1);
    let copies = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|entry| entry.as_ref().unwrap().file_name().to_string_lossy().contains(".v1"))
        .count();
    assert_eq!(copies, 1);
}

#[test]
fn a_board_saves_byte_for_byte_and_one_card_edit_changes_only_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.json");
    let board = path.to_str().unwrap();
    succeeds(&boothboard(&["new", board, "--sample"], dir.path()));
    let first = std::fs::read_to_string(&path).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(
        store::to_bytes(&loaded).unwrap(),
        first.as_bytes(),
        "an unchanged board saves the same bytes"
    );

    let image = dir.path().join("slide.png");
    std::fs::copy(
        store::media_dir_for(&path)
            .read_dir()
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path(),
        &image,
    )
    .unwrap();
    succeeds(&boothboard(
        &["attach", board, "--card", "Rook", image.to_str().unwrap()],
        dir.path(),
    ));
    let second = std::fs::read_to_string(&path).unwrap();
    // Rook is the last card: every line before its record and after it is as it was.
    let rook_starts = |text: &str| {
        text.lines()
            .position(|line| line.contains("\"title\": \"Rook\""))
            .unwrap()
            - 2
    };
    let (start, new_start) = (rook_starts(&first), rook_starts(&second));
    assert_eq!(start, new_start);
    let before: Vec<&str> = first.lines().take(start).collect();
    assert_eq!(
        before,
        second.lines().take(start).collect::<Vec<_>>(),
        "nothing before Rook changed"
    );
    let first_tail: Vec<&str> = first.lines().rev().take(4).collect();
    let second_tail: Vec<&str> = second.lines().rev().take(4).collect();
    assert_eq!(first_tail, second_tail, "nothing after Rook changed");
    let rook = store::load(&path).unwrap();
    assert_eq!(rook.card_by_title("Rook").unwrap().images.len(), 1);
}

#[test]
fn a_version_2_board_keeps_every_card_is_saved_as_version_3_beside_its_v2_file_and_merges_with_a_v2_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kubecon-2018.json");
    let board = path.to_str().unwrap();
    succeeds(&boothboard(&["new", board, "--sample"], dir.path()));
    let v2 = std::fs::read(SAMPLE_V2).unwrap();
    std::fs::write(&path, &v2).unwrap();
    assert!(succeeds(&boothboard(&["check", board], dir.path())).contains("ok: version 2,"));
    let before = store::parse(Path::new(SAMPLE_V2), &v2).unwrap();
    assert!(before.card_by_title("Envoy").is_none());
    let tidb_notes = before.card_by_title("TiDB").unwrap().notes.clone();
    assert!(
        tidb_notes.contains("<<<<<<< merged"),
        "version 2's markers are text: {tidb_notes}"
    );

    succeeds(&boothboard(&["add-card", board, "--title", "Linkerd"], dir.path()));
    assert_eq!(store::version_of(&std::fs::read(&path).unwrap()), Some(3));
    let after = store::load(&path).unwrap();
    let mut expected = cards_as_written(&before);
    expected.insert(2, "Gateways and languages / Linkerd /  / [] / [] / [] / ".to_owned());
    assert_eq!(
        cards_as_written(&after),
        expected,
        "every card as it was, and the new one"
    );
    let kept = dir.path().join("kubecon-2018.v2.json");
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        v2,
        "the version 2 file is kept beside it"
    );

    // The other copy, still version 2, comes in late: Envoy stays deleted, and every line of
    // both copies' notes is there.
    let other = dir.path().join("other.json");
    std::fs::write(&other, std::fs::read(OTHER_COPY_V2).unwrap()).unwrap();
    succeeds(&boothboard(&["merge", board, other.to_str().unwrap()], dir.path()));
    let merged = store::load(&path).unwrap();
    assert!(
        merged.card_by_title("Envoy").is_none(),
        "a deleted card does not come back from an old copy"
    );
    assert!(merged.card_by_title("Linkerd").is_some());
    let other_board = store::load(&other).unwrap();
    for source in [&before, &other_board] {
        for card in source.cards() {
            let Some(kept) = merged.card(card.id) else { continue };
            for line in card.notes.split('\n').filter(|line| !line.is_empty()) {
                assert!(
                    kept.notes.split('\n').any(|each| each == line),
                    "{line:?} kept in {:?}",
                    kept.notes
                );
            }
        }
    }
    let once = std::fs::read(&path).unwrap();
    succeeds(&boothboard(&["merge", board, other.to_str().unwrap()], dir.path()));
    assert_eq!(std::fs::read(&path).unwrap(), once, "merging it again changes nothing");
}
