//! Merging two copies of a board edited apart (issue 12): random edit scripts on two devices from
//! a common start, and the promises checked on the result.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};

use boothboard::model::{Board, BoardEdit, CardId, DeviceId, TOMBSTONE_DAYS, merge};
use boothboard::store;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

mod common;

/// One edit a person makes, with numbers that pick what it acts on.
#[derive(Clone, Debug)]
enum Step {
    AddCard(usize),
    Title(usize),
    Summary(usize),
    NotesTop(usize),
    NotesBottom(usize),
    Tick(usize, usize),
    Move(usize, usize, usize),
    Delete(usize),
    AddColumn,
    RenameColumn(usize),
}

fn step() -> impl Strategy<Value = Step> {
    let n = || 0usize..64;
    prop_oneof![
        n().prop_map(Step::AddCard),
        n().prop_map(Step::Title),
        n().prop_map(Step::Summary),
        n().prop_map(Step::NotesTop),
        n().prop_map(Step::NotesBottom),
        (n(), n()).prop_map(|(card, theme)| Step::Tick(card, theme)),
        (n(), n(), n()).prop_map(|(card, column, index)| Step::Move(card, column, index)),
        n().prop_map(Step::Delete),
        Just(Step::AddColumn),
        n().prop_map(Step::RenameColumn),
    ]
}

/// What one side did, to check the merge against.
#[derive(Debug, Default)]
struct Done {
    added: BTreeSet<CardId>,
    /// The last value this side gave each (card, field).
    set: BTreeMap<(CardId, &'static str), String>,
    /// Lines this side added to a card's notes.
    note_lines: BTreeMap<CardId, Vec<String>>,
    deleted: BTreeSet<CardId>,
}

fn start() -> Board {
    common::sample_start()
}

fn play(board: &mut Board, side: &str, steps: &[Step]) -> Done {
    let mut done = Done::default();
    for (number, step) in steps.iter().enumerate() {
        let cards: Vec<CardId> = board.cards().map(|card| card.id).collect();
        let card = |n: usize| cards.get(n % cards.len().max(1)).copied();
        let column = |n: usize| board.columns[n % board.columns.len()].id;
        let text = format!("{side} {number}");
        let edit = match step {
            Step::AddCard(n) => Some(BoardEdit::AddCard(column(*n), text.clone())),
            Step::Title(n) => card(*n).map(|id| BoardEdit::SetCardTitle(id, text.clone())),
            Step::Summary(n) => card(*n).map(|id| BoardEdit::SetCardSummary(id, text.clone())),
            Step::NotesTop(n) | Step::NotesBottom(n) => card(*n).map(|id| {
                let notes = &board.card(id).unwrap().notes;
                let line = format!("line from {text}");
                done.note_lines.entry(id).or_default().push(line.clone());
                let notes = if matches!(step, Step::NotesTop(_)) {
                    format!("{line}\n{notes}")
                } else {
                    format!("{notes}\n{line}")
                };
                BoardEdit::SetCardNotes(id, notes)
            }),
            Step::Tick(n, theme) => card(*n).map(|id| {
                let theme = board.themes[theme % board.themes.len()].id;
                let ticked = board.card(id).unwrap().themes.contains(&theme);
                BoardEdit::SetCardTheme(id, theme, !ticked)
            }),
            Step::Move(n, to, index) => card(*n).map(|id| BoardEdit::MoveCard(id, column(*to), *index % 4)),
            Step::Delete(n) => card(*n).map(BoardEdit::DeleteCard),
            Step::AddColumn => Some(BoardEdit::AddColumn(text.clone())),
            Step::RenameColumn(n) => Some(BoardEdit::RenameColumn(column(*n), text.clone())),
        };
        let Some(edit) = edit else { continue };
        let touched = match &edit {
            BoardEdit::SetCardTitle(id, value) => Some((*id, "title", value.clone())),
            BoardEdit::SetCardSummary(id, value) => Some((*id, "summary", value.clone())),
            _ => None,
        };
        let deleted = match &edit {
            BoardEdit::DeleteCard(id) => Some(*id),
            _ => None,
        };
        let created = board.apply(edit).unwrap();
        if let boothboard::model::Created::Card(id) = created {
            done.added.insert(id);
        }
        if let Some((id, field, value)) = touched {
            done.set.insert((id, field), value);
        }
        if let Some(id) = deleted {
            done.deleted.insert(id);
        }
    }
    done
}

fn field(board: &Board, id: CardId, field: &str) -> Option<String> {
    let card = board.card(id)?;
    Some(match field {
        "title" => card.title.clone(),
        _ => card.summary.clone(),
    })
}

/// The merged board must be one the loader accepts, and save and load as itself.
fn loads_as_itself(board: &Board) -> Result<(), TestCaseError> {
    prop_assert!(board.problems().is_empty(), "{:?}", board.problems());
    let bytes = store::to_bytes(board).unwrap();
    let loaded = store::parse(std::path::Path::new("merged.json"), &bytes).unwrap();
    prop_assert_eq!(&loaded, board);
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 200,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    })]

    #[test]
    fn two_copies_edited_apart_merge_losing_nothing(
        ours_steps in prop::collection::vec(step(), 0..25),
        theirs_steps in prop::collection::vec(step(), 0..25),
    ) {
        let common = start();
        let mut ours = common.clone();
        ours.adopt_device(DeviceId(1));
        let mut theirs = common.clone();
        theirs.adopt_device(DeviceId(2));
        let ours_done = play(&mut ours, "ours", &ours_steps);
        let theirs_done = play(&mut theirs, "theirs", &theirs_steps);

        let (merged, report) = merge(&ours, &theirs);
        let (other_way, _) = merge(&theirs, &ours);
        prop_assert_eq!(&merged, &other_way, "merge is symmetric");
        prop_assert_eq!(&merge(&merged, &merged).0, &merged, "merge is idempotent");
        prop_assert_eq!(&merge(&ours, &ours).0, &ours);
        loads_as_itself(&merged)?;

        for (done, side, other) in [(&ours_done, &ours, &theirs_done), (&theirs_done, &theirs, &ours_done)] {
            // Every card added on either side is there, unless that side deleted it again.
            for id in done.added.iter().filter(|id| side.card(**id).is_some()) {
                prop_assert!(merged.card(*id).is_some(), "added {id} is kept");
            }
            // A field only one side changed has that side's value, wherever the card went.
            for ((id, name), value) in &done.set {
                let only_here = !other.set.contains_key(&(*id, *name));
                if only_here && side.card(*id).is_some() {
                    let merged_value = field(&merged, *id, name);
                    prop_assert_eq!(merged_value.as_ref(), Some(value), "{} of {}", name, id);
                }
            }
            // Every line one side added to notes is in the merged notes.
            for (id, lines) in &done.note_lines {
                if let (Some(card), Some(kept)) = (side.card(*id), merged.card(*id)) {
                    for line in lines.iter().filter(|line| card.notes.contains(line.as_str())) {
                        prop_assert!(kept.notes.contains(line.as_str()), "{:?} kept in {:?}", line, kept.notes);
                    }
                }
            }
        }
        // A card deleted on one side and changed on the other is kept.
        for id in &report.kept_after_deletion {
            prop_assert!(merged.card(*id).is_some());
        }
    }
}

/// The sample board on two devices, each changing the notes of the card titled `title` its way.
fn both_change_notes(
    title: &str,
    ours_notes: impl Fn(&str) -> String,
    theirs_notes: impl Fn(&str) -> String,
) -> (Board, Board, CardId) {
    let common = start();
    let card = common.card_by_title(title).unwrap().id;
    let notes = common.card(card).unwrap().notes.clone();
    let copy = |device, new_notes: String| {
        let mut board = common.clone();
        board.adopt_device(DeviceId(device));
        board.apply(BoardEdit::SetCardNotes(card, new_notes)).unwrap();
        board
    };
    (copy(1, ours_notes(&notes)), copy(2, theirs_notes(&notes)), card)
}

#[test]
fn notes_added_at_the_top_on_one_copy_and_the_bottom_on_the_other_merge_cleanly() {
    let (ours, theirs, tidb) = both_change_notes(
        "TiDB",
        |notes| format!("Seen at the booth.\n{notes}"),
        |notes| format!("{notes}\nAsk about TiFlash."),
    );
    let notes = start().card(tidb).unwrap().notes.clone();
    let (merged, report) = merge(&ours, &theirs);
    let card = merged.card(tidb).unwrap();
    assert_eq!(card.notes, format!("Seen at the booth.\n{notes}\nAsk about TiFlash."));
    assert!(!card.check_notes && report.notes_to_check.is_empty());
}

#[test]
fn lines_two_copies_type_below_notes_that_end_in_a_newline_both_stay_unflagged_each_run_together() {
    let mut common = start();
    let rook = common.card_by_title("Rook").unwrap().id;
    let notes = format!("{}\n", common.card(rook).unwrap().notes);
    common.apply(BoardEdit::SetCardNotes(rook, notes.clone())).unwrap();
    let copy = |device, typed: &str| {
        let mut board = common.clone();
        board.adopt_device(DeviceId(device));
        board
            .apply(BoardEdit::SetCardNotes(rook, format!("{notes}{typed}")))
            .unwrap();
        board
    };
    let (merged, report) = merge(&copy(1, "Ours one\nOurs two"), &copy(2, "Theirs one\nTheirs two"));
    let merged_notes = &merged.card(rook).unwrap().notes;
    assert!(merged_notes.starts_with(notes.trim_end()), "{merged_notes}");
    assert!(
        merged_notes.contains("Ours one\nOurs two") && merged_notes.contains("Theirs one\nTheirs two"),
        "{merged_notes}"
    );
    assert!(report.notes_to_check.is_empty(), "{merged_notes}");
}

#[test]
fn the_same_lines_changed_on_both_copies_keep_both_and_flag_the_card() {
    let (ours, theirs, rook) = both_change_notes(
        "Rook",
        |_| "Ceph on every node.".into(),
        |_| "Only on storage nodes.".into(),
    );
    let (merged, report) = merge(&ours, &theirs);
    let card = merged.card(rook).unwrap();
    assert!(card.notes.contains("Ceph on every node.") && card.notes.contains("Only on storage nodes."));
    assert!(
        !card.notes.contains("<<<<<<<"),
        "the versions are lines, not markers: {}",
        card.notes
    );
    assert!(card.check_notes);
    assert_eq!(report.notes_to_check, [rook]);
}

#[test]
fn marking_the_notes_as_checked_on_one_copy_clears_the_flag_in_the_merge() {
    let (ours, theirs, rook) = both_change_notes(
        "Rook",
        |_| "Ceph on every node.".into(),
        |_| "Only on storage nodes.".into(),
    );
    let (mut flagged, _) = merge(&ours, &theirs);
    assert!(flagged.card(rook).unwrap().check_notes);
    let other_copy = flagged.clone();
    flagged.apply(BoardEdit::ClearNotesCheck(rook)).unwrap();
    let (merged, report) = merge(&flagged, &other_copy);
    assert!(!merged.card(rook).unwrap().check_notes);
    assert!(report.notes_to_check.is_empty());
}

#[test]
fn a_card_deleted_on_one_copy_and_edited_on_the_other_is_kept() {
    let common = start();
    let gloo = common.card_by_title("Gloo").unwrap().id;
    let mut ours = common.clone();
    ours.adopt_device(DeviceId(1));
    ours.apply(BoardEdit::DeleteCard(gloo)).unwrap();
    let mut theirs = common.clone();
    theirs.adopt_device(DeviceId(2));
    theirs
        .apply(BoardEdit::SetCardSummary(gloo, "Still worth a look".into()))
        .unwrap();
    let (merged, report) = merge(&ours, &theirs);
    assert_eq!(merged.card(gloo).unwrap().summary, "Still worth a look");
    assert_eq!(report.kept_after_deletion, [gloo]);
    // Deleted on one copy, untouched on the other: deleted.
    let (merged, _) = merge(&ours, &common);
    assert!(merged.card(gloo).is_none());
}

#[test]
fn a_card_moved_on_both_copies_goes_where_the_later_move_put_it() {
    let common = start();
    let rook = common.card_by_title("Rook").unwrap().id;
    let (gateways, databases) = (common.columns[0].id, common.columns[1].id);
    let mut ours = common.clone();
    ours.adopt_device(DeviceId(1));
    ours.apply(BoardEdit::MoveCard(rook, gateways, 0)).unwrap();
    let mut theirs = common.clone();
    theirs.adopt_device(DeviceId(2));
    theirs.apply(BoardEdit::MoveCard(rook, databases, 1)).unwrap();
    let (merged, _) = merge(&ours, &theirs);
    assert_eq!(merged.card_position(rook).unwrap().column, databases);
}

/// Two copies of the sample board as two devices, `skew_ms` apart (the second's clock ahead).
fn two_devices(skew_ms: i64) -> (Board, Board) {
    let common = start();
    let mut here = common.clone();
    here.adopt_device(DeviceId(1));
    let mut ahead = common;
    ahead.clock.set_skew_ms(skew_ms);
    ahead.adopt_device(DeviceId(2));
    (here, ahead)
}

#[test]
fn clocks_minutes_hours_or_a_year_ahead_never_win_a_later_edit_nor_delete_one_for_good() {
    const MINUTE: i64 = 60 * 1000;
    for skew in [7 * MINUTE, 3 * 60 * MINUTE, 366 * 24 * 60 * MINUTE] {
        let (mut here, mut ahead) = two_devices(skew);
        let gloo = here.card_by_title("Gloo").unwrap().id;
        let rook = here.card_by_title("Rook").unwrap().id;
        // The device ahead renames Gloo; this one sees it, then renames it again.
        ahead
            .apply(BoardEdit::SetCardTitle(gloo, "Gloo (ahead)".into()))
            .unwrap();
        here = merge(&here, &ahead).0;
        here.apply(BoardEdit::SetCardTitle(gloo, "Gloo Edge".into())).unwrap();
        // Meanwhile the device ahead deletes Rook, and this one, not having seen that, edits it.
        ahead.apply(BoardEdit::DeleteCard(rook)).unwrap();
        here.apply(BoardEdit::SetCardSummary(rook, "Still a CNCF project".into()))
            .unwrap();
        for merged in [merge(&here, &ahead).0, merge(&ahead, &here).0] {
            assert_eq!(
                merged.card(gloo).unwrap().title,
                "Gloo Edge",
                "skew {skew} ms: the later edit wins"
            );
            assert_eq!(
                merged.card(rook).unwrap().summary,
                "Still a CNCF project",
                "skew {skew} ms: kept"
            );
        }
        // A far-ahead stamp does not drag this device's clock along: its next stamp is its own time.
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        let mut seen_it = merge(&here, &ahead).0;
        seen_it.adopt_device(DeviceId(1));
        seen_it.apply(BoardEdit::SetTitle("KubeCon 2018".into())).unwrap();
        let stamped = seen_it.title_stamp.wall_ms();
        if skew > boothboard::model::MAX_AHEAD_MS as i64 {
            assert!(
                stamped < now_ms + 60_000,
                "skew {skew} ms: stamped at {stamped}, now {now_ms}"
            );
        } else {
            assert!(
                stamped >= now_ms,
                "within the bound, clocks follow the newest stamp seen"
            );
        }
    }
}

#[test]
fn text_with_markers_no_final_newline_cjk_and_emoji_merges_without_dropping_or_gluing() {
    // Each copy rewrites the first line its own way and adds a line at the end, with no final
    // newline; what they add looks like conflict markers.
    let rewrite = |first: &str, last: &str| {
        let (first, last) = (first.to_owned(), last.to_owned());
        move |notes: &str| {
            let rest: Vec<&str> = notes.split('\n').skip(1).collect();
            format!("{first}\n{}\n{last}", rest.join("\n"))
        }
    };
    let (ours, theirs, tidb) = both_change_notes(
        "TiDB",
        rewrite("数据库 🚀 分布式", "<<<<<<< not a marker"),
        rewrite("数据库 🚀🚀 分布式", "======= 👩‍💻 nor this"),
    );
    let (merged, report) = merge(&ours, &theirs);
    let notes = &merged.card(tidb).unwrap().notes;
    let lines: Vec<&str> = notes.split('\n').collect();
    for line in [
        "数据库 🚀 分布式",
        "数据库 🚀🚀 分布式",
        "<<<<<<< not a marker",
        "======= 👩‍💻 nor this",
    ] {
        assert_eq!(
            lines.iter().filter(|each| **each == line).count(),
            1,
            "{line:?} once in {notes:?}"
        );
    }
    assert_eq!(
        lines.len(),
        start().card(tidb).unwrap().notes.split('\n').count() + 3,
        "{notes:?}"
    );
    assert!(!notes.ends_with('\n'), "no newline added: {notes:?}");
    assert_eq!(
        report.notes_to_check,
        [tidb],
        "the two versions of one line are flagged"
    );
    // Merging flagged copies again, either way round and with themselves, adds nothing.
    let (again, _) = merge(&merged, &theirs);
    let (and_again, _) = merge(&ours, &again);
    assert_eq!(and_again.card(tidb).unwrap().notes, *notes);
    assert_eq!(merge(&and_again, &merged).0, merged);
}

#[test]
fn a_card_deleted_long_ago_stays_deleted_when_an_old_copy_comes_back_after_its_content_is_forgotten() {
    let common = start();
    let rook = common.card_by_title("Rook").unwrap().id;
    let gloo = common.card_by_title("Gloo").unwrap().id;
    let mut old_copy = common.clone();
    old_copy.adopt_device(DeviceId(2));
    let mut edited_apart = old_copy.clone();
    edited_apart
        .apply(BoardEdit::SetCardSummary(
            gloo,
            "Edited on a laptop left in a drawer".into(),
        ))
        .unwrap();
    let mut deleting = common;
    deleting.adopt_device(DeviceId(1));
    deleting.apply(BoardEdit::DeleteCard(rook)).unwrap();
    deleting.apply(BoardEdit::DeleteCard(gloo)).unwrap();
    // 91 days later the deleting device opens the board again: the content is forgotten, the
    // deletions stay.
    deleting
        .clock
        .set_skew_ms((TOMBSTONE_DAYS as i64 + 1) * 24 * 60 * 60 * 1000);
    deleting.adopt_device(DeviceId(1));
    assert!(deleting.tombstones.cards.values().all(|deleted| deleted.last.is_none()));
    let (merged, report) = merge(&deleting, &old_copy);
    assert!(merged.card(rook).is_none(), "an unchanged old copy brings nothing back");
    assert_eq!(report.cards_added, 0);
    // A copy that changed the card meanwhile brings it back, as that copy has it: nothing it
    // holds is lost.
    let (merged, _) = merge(&deleting, &edited_apart);
    assert_eq!(
        merged.card(gloo).unwrap().summary,
        "Edited on a laptop left in a drawer"
    );
    assert!(merged.card(rook).is_none());
}

#[test]
fn a_merge_says_which_cards_the_other_copy_deleted() {
    let common = start();
    let mut theirs = common.clone();
    theirs.adopt_device(DeviceId(2));
    let ids: Vec<CardId> = theirs.cards().map(|card| card.id).take(3).collect();
    for id in &ids {
        theirs.apply(BoardEdit::DeleteCard(*id)).unwrap();
    }
    let (merged, report) = merge(&common, &theirs);
    assert_eq!(report.cards_removed, ids);
    assert_eq!(merged.card_count(), common.card_count() - 3);
}

mod command_line {
    use std::path::{Path, PathBuf};

    use boothboard::model::{BoardEdit, DeviceId};
    use boothboard::store;

    use super::common::{boothboard, succeeds};

    /// A board and a copy of it (file and media folder), as a sync tool would leave them, each
    /// edited on its own device (a home of its own).
    fn two_copies(dir: &Path) -> (PathBuf, PathBuf) {
        let (laptop, phone) = (dir.join("laptop"), dir.join("phone"));
        let ours = laptop.join("kubecon.json");
        succeeds(&boothboard(&["new", ours.to_str().unwrap(), "--sample"], &laptop));
        std::fs::create_dir_all(&phone).unwrap();
        let theirs = phone.join("kubecon.json");
        std::fs::copy(&ours, &theirs).unwrap();
        let (from, to) = (store::media_dir_for(&ours), store::media_dir_for(&theirs));
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
        (ours, theirs)
    }

    #[test]
    fn merge_takes_the_other_copys_cards_and_images_and_keeps_ours() {
        let dir = tempfile::tempdir().unwrap();
        let (ours, theirs) = two_copies(dir.path());
        let (laptop, phone) = (ours.parent().unwrap(), theirs.parent().unwrap());
        succeeds(&boothboard(
            &["add-card", ours.to_str().unwrap(), "--title", "Envoy"],
            laptop,
        ));
        succeeds(&boothboard(
            &["add-card", theirs.to_str().unwrap(), "--title", "Vitess"],
            phone,
        ));
        let slide = phone.join("slide.png");
        image::RgbaImage::from_pixel(40, 30, image::Rgba([200, 30, 30, 255]))
            .save(&slide)
            .unwrap();
        succeeds(&boothboard(
            &[
                "attach",
                theirs.to_str().unwrap(),
                "--card",
                "Vitess",
                slide.to_str().unwrap(),
            ],
            phone,
        ));
        let theirs_before = std::fs::read(&theirs).unwrap();

        let said = succeeds(&boothboard(
            &["merge", ours.to_str().unwrap(), theirs.to_str().unwrap()],
            laptop,
        ));
        assert!(said.contains("1 card added, 1 image copied"), "{said}");
        let merged = store::load(&ours).unwrap();
        assert!(merged.card_by_title("Envoy").is_some() && merged.card_by_title("Vitess").is_some());
        assert_eq!(merged.card_count(), 8);
        assert!(succeeds(&boothboard(&["check", ours.to_str().unwrap()], laptop)).contains("ok: version 3"));
        assert!(store::backup_path_for(&ours).is_file(), "the merge keeps a backup");
        assert_eq!(std::fs::read(&theirs).unwrap(), theirs_before, "theirs is only read");

        // Merging again changes nothing.
        let once = std::fs::read(&ours).unwrap();
        succeeds(&boothboard(
            &["merge", ours.to_str().unwrap(), theirs.to_str().unwrap()],
            laptop,
        ));
        assert_eq!(std::fs::read(&ours).unwrap(), once);
    }

    #[test]
    fn summaries_and_notes_edited_by_hand_in_the_file_survive_a_merge_with_a_copy_that_did_not_touch_them() {
        let dir = tempfile::tempdir().unwrap();
        let (ours, theirs) = two_copies(dir.path());
        let (laptop, phone) = (ours.parent().unwrap(), theirs.parent().unwrap());
        succeeds(&boothboard(
            &["add-card", theirs.to_str().unwrap(), "--title", "Vitess"],
            phone,
        ));
        // A text editor (or jq) changes two summaries and a line of notes; stamps untouched.
        let text = std::fs::read_to_string(&ours).unwrap();
        let board = store::load(&ours).unwrap();
        let (gloo, rook) = (
            board.card_by_title("Gloo").unwrap(),
            board.card_by_title("Rook").unwrap(),
        );
        let edited = text
            .replacen(&json(&gloo.summary), &json("Gloo, edited by hand"), 1)
            .replacen(&json(&rook.summary), &json("Rook, edited by hand"), 1)
            .replacen("CNCF incubating project.", "CNCF incubating project (by hand).", 1);
        assert_ne!(edited, text);
        std::fs::write(&ours, &edited).unwrap();
        let theirs_text = std::fs::read_to_string(&theirs).unwrap();

        for (into, from, folder) in [(&ours, &theirs, laptop), (&theirs, &ours, phone)] {
            succeeds(&boothboard(
                &["merge", into.to_str().unwrap(), from.to_str().unwrap()],
                folder,
            ));
            let merged = store::load(into).unwrap();
            assert_eq!(merged.card_by_title("Gloo").unwrap().summary, "Gloo, edited by hand");
            assert_eq!(merged.card_by_title("Rook").unwrap().summary, "Rook, edited by hand");
            let notes = &merged.card_by_title("Rook").unwrap().notes;
            assert!(
                notes.contains("CNCF incubating project (by hand).") && !notes.contains("CNCF incubating project.\n"),
                "{notes}"
            );
            assert!(merged.card_by_title("Vitess").is_some());
            // Put the phone's copy back for the other direction.
            if into == &ours {
                std::fs::write(&theirs, &theirs_text).unwrap();
                std::fs::write(&ours, &edited).unwrap();
            }
        }
    }

    /// `text` as the file writes it (a JSON string).
    fn json(text: &str) -> String {
        serde_json::to_string(text).unwrap()
    }

    #[test]
    fn a_merge_that_removes_cards_says_how_many_and_keeps_the_board_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let (ours, theirs) = two_copies(dir.path());
        let (laptop, phone) = (ours.parent().unwrap(), theirs.parent().unwrap());
        let mut their_board = store::load(&theirs).unwrap();
        their_board.adopt_device(DeviceId(9));
        for title in ["Gloo", "TiDB"] {
            let id = their_board.card_by_title(title).unwrap().id;
            their_board.apply(BoardEdit::DeleteCard(id)).unwrap();
        }
        store::save(&theirs, &their_board).unwrap();
        let before = std::fs::read(&ours).unwrap();
        let said = succeeds(&boothboard(
            &["merge", ours.to_str().unwrap(), theirs.to_str().unwrap()],
            laptop,
        ));
        assert!(said.contains("0 cards added, 0 images copied"), "{said}");
        assert!(
            said.contains("2 cards deleted on the other copy were removed; the board before the merge is kept as"),
            "{said}"
        );
        let kept: Vec<_> = std::fs::read_dir(laptop)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| {
                path.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("kubecon.before-merge-")
            })
            .collect();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(std::fs::read(&kept[0]).unwrap(), before);
        assert!(store::restorable_copies(&ours).contains(&kept[0]));
        assert!(store::load(&ours).unwrap().card_by_title("Gloo").is_none());
        let _ = phone;
    }

    #[test]
    fn merge_without_theirs_takes_the_conflict_copies_beside_the_board_and_files_them_away() {
        let dir = tempfile::tempdir().unwrap();
        let (ours, theirs) = two_copies(dir.path());
        let (laptop, phone) = (ours.parent().unwrap(), theirs.parent().unwrap());
        let said = succeeds(&boothboard(&["merge", ours.to_str().unwrap()], laptop));
        assert!(said.contains("no conflict copies beside it"), "{said}");

        succeeds(&boothboard(
            &["add-card", theirs.to_str().unwrap(), "--title", "Vitess"],
            phone,
        ));
        // Syncthing and Dropbox each left the phone's version beside the laptop's board.
        let syncthing = laptop.join("kubecon.sync-conflict-20181211-143005-7QXJ4ZB.json");
        let dropbox = laptop.join("kubecon (Ana's conflicted copy 2018-12-11).json");
        std::fs::copy(&theirs, &syncthing).unwrap();
        std::fs::write(&dropbox, "{ damaged").unwrap();
        let before = std::fs::read(&ours).unwrap();
        let refused = boothboard(&["merge", ours.to_str().unwrap()], laptop);
        assert!(!refused.status.success());
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(
            stderr.contains("Ana's conflicted copy") && stderr.contains("nothing was merged"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&ours).unwrap(), before, "nothing written");
        assert!(syncthing.is_file(), "nothing moved");

        std::fs::copy(&theirs, &dropbox).unwrap();
        let said = succeeds(&boothboard(&["merge", ours.to_str().unwrap()], laptop));
        assert!(said.contains("1 card added"), "{said}");
        let merged = store::load(&ours).unwrap();
        assert!(merged.card_by_title("Vitess").is_some());
        assert_eq!(merged.card_count(), 7, "the same card from both copies is one card");
        let filed = store::merged_copies_dir_for(&ours);
        assert!(filed.join(syncthing.file_name().unwrap()).is_file());
        assert!(filed.join(dropbox.file_name().unwrap()).is_file());
        assert!(store::conflict_copies(&ours).is_empty());
    }

    #[test]
    fn the_merge_driver_fails_only_when_a_version_cannot_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let (ours, theirs) = two_copies(dir.path());
        let base = dir.path().join("base.json");
        std::fs::copy(&ours, &base).unwrap();
        let args = |ours: &Path| {
            vec![
                "merge-driver".to_owned(),
                base.to_str().unwrap().to_owned(),
                ours.to_str().unwrap().to_owned(),
                theirs.to_str().unwrap().to_owned(),
                "boards/kubecon.json".to_owned(),
            ]
        };
        let run = |args: Vec<String>| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            boothboard(&args, dir.path())
        };
        let said = succeeds(&run(args(&ours)));
        assert!(said.contains("boards/kubecon.json: merged by Boothboard"), "{said}");
        std::fs::write(&ours, "{ damaged").unwrap();
        let refused = run(args(&ours));
        assert!(!refused.status.success());
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(stderr.contains("boards/kubecon.json: not merged"), "{stderr}");
        assert_eq!(
            std::fs::read_to_string(&ours).unwrap(),
            "{ damaged",
            "git's copy is left for git"
        );
    }

    #[test]
    fn merge_refuses_a_damaged_copy_in_one_line_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (ours, theirs) = two_copies(dir.path());
        std::fs::write(&theirs, "{ damaged").unwrap();
        let before = std::fs::read(&ours).unwrap();
        let output = boothboard(&["merge", ours.to_str().unwrap(), theirs.to_str().unwrap()], dir.path());
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("phone") && stderr.contains("damaged"), "{stderr}");
        assert_eq!(std::fs::read(&ours).unwrap(), before);
        assert!(!store::backup_path_for(&ours).exists());
    }
}

/// Issue 12's git test: a repository with a board, two clones with different edits, `git pull`
/// with the driver `git-setup` installed: no conflict, every edit there.
#[cfg(unix)]
mod git {
    use std::path::Path;
    use std::process::Command;

    use boothboard::store;

    use super::common::{boothboard, succeeds};

    fn git(dir: &Path, args: &[&str]) -> String {
        let output = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.org")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.org")
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    #[test]
    fn three_clones_taking_turns_to_edit_pull_and_push_keep_every_line_and_end_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let origin = dir.path().join("origin");
        std::fs::create_dir_all(&origin).unwrap();
        git(&origin, &["init", "-q", "-b", "main"]);
        let board = origin.join("kubecon.json");
        succeeds(&boothboard(&["new", board.to_str().unwrap(), "--sample"], &origin));
        std::fs::write(origin.join(".gitignore"), ".*.lock\nsettings.json\n*.bak\n").unwrap();
        git(&origin, &["add", "."]);
        git(&origin, &["commit", "-q", "-m", "the sample board"]);
        git(&origin, &["config", "receive.denyCurrentBranch", "ignore"]);
        let clones: Vec<std::path::PathBuf> = (0..3).map(|n| dir.path().join(format!("clone{n}"))).collect();
        for clone in &clones {
            git(
                dir.path(),
                &["clone", "-q", origin.to_str().unwrap(), clone.to_str().unwrap()],
            );
            succeeds(&boothboard(&["git-setup", clone.to_str().unwrap()], clone));
        }
        let board_in = |clone: &Path| clone.join("kubecon.json");
        let titles = ["Cassandra / DataStax Enterprise", "TiDB", "FoundationDB", "Rook"];
        let mut typed = Vec::new();
        for round in 0..8 {
            let clone = &clones[round % 3];
            let mut edited = store::load(&board_in(clone)).unwrap();
            edited.adopt_device(boothboard::model::DeviceId(50 + (round % 3) as u64));
            // A line at the top of one card's notes and at the bottom of another's, and a card.
            for (n, at_top) in [(round, true), (round + 1, false)] {
                let card = edited.card_by_title(titles[n % titles.len()]).unwrap().id;
                let notes = edited.card(card).unwrap().notes.clone();
                let line = format!(
                    "Round {round}, clone {}, {}",
                    round % 3,
                    if at_top { "top" } else { "bottom" }
                );
                let notes = if at_top {
                    format!("{line}\n{notes}")
                } else {
                    format!("{notes}\n{line}")
                };
                edited
                    .apply(boothboard::model::BoardEdit::SetCardNotes(card, notes))
                    .unwrap();
                typed.push(line);
            }
            let column = edited.columns[round % edited.columns.len()].id;
            edited
                .apply(boothboard::model::BoardEdit::AddCard(
                    column,
                    format!("Card of round {round}"),
                ))
                .unwrap();
            store::save(&board_in(clone), &edited).unwrap();
            git(clone, &["commit", "-q", "-am", &format!("round {round}")]);
            git(clone, &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"]);
            git(clone, &["push", "-q", "origin", "main"]);
        }
        for clone in &clones {
            git(clone, &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"]);
        }
        let shared = git(&clones[0], &["show", "origin/main:kubecon.json"]);
        let merged = store::parse(Path::new("shared.json"), shared.as_bytes()).unwrap();
        for line in &typed {
            assert!(
                merged
                    .cards()
                    .any(|card| card.notes.split('\n').any(|each| each == line)),
                "{line:?} kept"
            );
        }
        for round in 0..8 {
            assert!(merged.card_by_title(&format!("Card of round {round}")).is_some());
        }
        for clone in &clones {
            assert_eq!(
                std::fs::read_to_string(board_in(clone)).unwrap(),
                shared,
                "{} as shared",
                clone.display()
            );
        }
    }

    #[test]
    fn two_clones_edited_apart_pull_with_no_conflict_and_every_edit_there() {
        let dir = tempfile::tempdir().unwrap();
        let (origin, alice, bob) = (
            dir.path().join("origin"),
            dir.path().join("alice"),
            dir.path().join("bob"),
        );
        std::fs::create_dir_all(&origin).unwrap();
        git(&origin, &["init", "-q", "-b", "main"]);
        let board = origin.join("kubecon.json");
        succeeds(&boothboard(&["new", board.to_str().unwrap(), "--sample"], &origin));
        std::fs::write(origin.join(".gitignore"), ".*.lock\nsettings.json\n*.bak\n").unwrap();
        git(&origin, &["add", "."]);
        git(&origin, &["commit", "-q", "-m", "the sample board"]);
        // Clones push to it, as to a shared repository.
        git(&origin, &["config", "receive.denyCurrentBranch", "ignore"]);
        for clone in [&alice, &bob] {
            git(
                dir.path(),
                &["clone", "-q", origin.to_str().unwrap(), clone.to_str().unwrap()],
            );
            succeeds(&boothboard(&["git-setup", clone.to_str().unwrap()], clone));
        }
        let board_in = |clone: &Path| clone.join("kubecon.json");

        // Alice: a new card, and a line at the top of TiDB's notes. Bob: a new card, a line at the
        // bottom of TiDB's notes, and Rook's summary. Different devices: different homes.
        let edit = |clone: &Path, args: &[&str]| {
            let mut all = vec!["add-card".to_owned(), board_in(clone).to_str().unwrap().to_owned()];
            all.extend(args.iter().map(|arg| (*arg).to_owned()));
            let all: Vec<&str> = all.iter().map(String::as_str).collect();
            succeeds(&boothboard(&all, clone));
        };
        edit(&alice, &["--title", "Envoy"]);
        edit(&bob, &["--title", "Vitess"]);
        let mut alice_board = store::load(&board_in(&alice)).unwrap();
        alice_board.adopt_device(boothboard::model::DeviceId(11));
        let tidb = alice_board.card_by_title("TiDB").unwrap().id;
        let notes = alice_board.card(tidb).unwrap().notes.clone();
        alice_board
            .apply(boothboard::model::BoardEdit::SetCardNotes(
                tidb,
                format!("Alice was here.\n{notes}"),
            ))
            .unwrap();
        store::save(&board_in(&alice), &alice_board).unwrap();
        let mut bob_board = store::load(&board_in(&bob)).unwrap();
        bob_board.adopt_device(boothboard::model::DeviceId(22));
        bob_board
            .apply(boothboard::model::BoardEdit::SetCardNotes(
                tidb,
                format!("{notes}\nBob was here."),
            ))
            .unwrap();
        let rook = bob_board.card_by_title("Rook").unwrap().id;
        bob_board
            .apply(boothboard::model::BoardEdit::SetCardSummary(
                rook,
                "Ceph, run by an operator".into(),
            ))
            .unwrap();
        store::save(&board_in(&bob), &bob_board).unwrap();

        for clone in [&alice, &bob] {
            git(clone, &["commit", "-q", "-am", "edits"]);
        }
        git(&alice, &["push", "-q", "origin", "main"]);
        git(&bob, &["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"]);

        let merged = store::load(&board_in(&bob)).unwrap();
        assert!(merged.card_by_title("Envoy").is_some() && merged.card_by_title("Vitess").is_some());
        let tidb_notes = &merged.card(tidb).unwrap().notes;
        assert!(
            tidb_notes.starts_with("Alice was here.") && tidb_notes.ends_with("Bob was here."),
            "{tidb_notes}"
        );
        assert_eq!(merged.card(rook).unwrap().summary, "Ceph, run by an operator");
        assert!(!merged.card(tidb).unwrap().check_notes);
        let status = git(&bob, &["status", "--porcelain", "--untracked-files=no"]);
        assert!(status.trim().is_empty(), "nothing left to resolve: {status}");
        assert!(succeeds(&boothboard(&["check", board_in(&bob).to_str().unwrap()], &bob)).contains("ok: version 3"));
    }
}
