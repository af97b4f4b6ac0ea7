//! Merging copies of a board from the command line: `merge`, git's merge driver, `git-setup`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{CliError, this_device};
use crate::media::{MediaCopied, copy_media};
use crate::model::{self, Board, MediaName, MergeReport};
use crate::store::{self, BoardLock, Replace};
use crate::tr;

/// Merges `theirs` into `ours` and writes the result to `out`, as `out`'s one writer, with a
/// backup. A copy that does not load is refused before anything is written.
pub(super) fn merge_copies(ours: &Path, theirs: &Path, out: &Path) -> Result<String, CliError> {
    let their_board = store::load(theirs)?;
    merge_into(ours, &[(theirs.to_owned(), their_board)], out).map(|lines| lines.join("\n"))
}

/// Merges the conflict copies sync tools left beside `ours` into it, then moves them into
/// `NAME.merged/`. A copy that does not load is refused, and nothing is written or moved.
pub(super) fn merge_conflict_copies(ours: &Path) -> Result<String, CliError> {
    let copies = store::conflict_copies(ours);
    if copies.is_empty() {
        return Ok(format!(
            "{}: no conflict copies beside it, nothing to merge",
            ours.display()
        ));
    }
    let mut loaded = Vec::with_capacity(copies.len());
    let mut refused = Vec::new();
    for copy in copies {
        match store::load(&copy) {
            Ok(board) => loaded.push((copy, board)),
            Err(error) => refused.push(format!("not merged: {error}")),
        }
    }
    if !refused.is_empty() {
        refused.push("nothing was merged; repair or move the copies named above and try again".to_owned());
        return Err(CliError::Input(refused.join("\n")));
    }
    let mut lines = merge_into(ours, &loaded, ours)?;
    for (copy, _) in &loaded {
        lines.push(match store::file_away_merged_copy(ours, copy) {
            Ok(filed) => format!("moved {} into {}", copy.display(), filed.display()),
            Err(error) => format!(
                "{}: merged, but not moved aside ({error}); merging it again changes nothing",
                copy.display()
            ),
        });
    }
    Ok(lines.join("\n"))
}

/// Merges each of `theirs` into `ours` and writes the result to `out` under its lock; returns
/// what to tell the user, a line each.
fn merge_into(ours: &Path, theirs: &[(PathBuf, Board)], out: &Path) -> Result<Vec<String>, CliError> {
    if !ours.is_file() {
        store::load(ours)?;
    }
    let _writer = BoardLock::acquire(out)?;
    let (mut merged, on_disk) = store::load_with_fingerprint(ours)?;
    merged.adopt_device(this_device());
    let mut report = MergeReport::default();
    for (_, their_board) in theirs {
        // Changes made to their file by hand are this device's to stamp.
        let their_board = their_board.with_outside_edits_taken(this_device());
        let (next, each) = model::merge(&merged, &their_board);
        merged = next;
        report.cards_added += each.cards_added;
        report.notes_to_check.extend(each.notes_to_check);
        report.kept_after_deletion.extend(each.kept_after_deletion);
        report.cards_removed.extend(each.cards_removed);
    }
    // Images first, so the board never names a file that could have been copied.
    let out_media = store::media_dir_for(out);
    let names: BTreeSet<&MediaName> = merged
        .cards()
        .flat_map(|card| &card.images)
        .map(|image| &image.file)
        .collect();
    let mut sources: Vec<&Path> = theirs.iter().map(|(path, _)| path.as_path()).collect();
    if out != ours {
        sources.push(ours);
    }
    let mut copied = MediaCopied::default();
    for source in sources {
        let each = copy_media(&store::media_dir_for(source), &out_media, names.iter().copied());
        copied.copied += each.copied;
        copied.refused.extend(each.refused);
        // Each pass skips what is already in: what the last could not find, no copy has.
        copied.not_here_yet = each.not_here_yet;
    }
    let replace = if out == ours {
        Replace::Known(Some(on_disk))
    } else {
        Replace::Anything
    };
    // A merge that removes cards (deleted on another copy) keeps the board as it was beside it.
    let kept = if report.cards_removed.is_empty() {
        None
    } else {
        let before = std::fs::read(ours).map_err(|error| CliError::Input(format!("{}: {error}", ours.display())))?;
        let kept = store::keep_copy_beside(out, "before-merge", &before).map_err(|error| {
            CliError::Input(format!(
                "{}: the board before the merge can't be kept: {error}",
                out.display()
            ))
        })?;
        Some(kept)
    };
    store::save_replacing(out, &merged, replace)?;
    let named: Vec<String> = theirs.iter().map(|(path, _)| path.display().to_string()).collect();
    let mut lines = vec![format!(
        "merged {} into {}: {}, {}",
        named.join(", "),
        out.display(),
        tr!("merged-cards-added", count = report.cards_added),
        tr!("merged-images-copied", count = copied.copied)
    )];
    if !report.kept_after_deletion.is_empty() {
        lines.push(tr!(
            "merged-kept-after-deletion",
            count = report.kept_after_deletion.len()
        ));
    }
    if let Some(kept) = kept {
        lines.push(tr!(
            "merged-cards-removed-kept",
            count = report.cards_removed.len(),
            copy = kept.display().to_string()
        ));
    }
    report.notes_to_check.sort_unstable();
    report.notes_to_check.dedup();
    lines.extend(needs_a_look(&report));
    let waiting: Vec<&str> = copied.not_here_yet.iter().map(MediaName::as_str).collect();
    if !waiting.is_empty() {
        lines.push(format!("not here yet (still syncing?): {}", waiting.join(", ")));
    }
    lines.extend(copied.refused.iter().map(|problem| format!("not copied: {problem}")));
    Ok(lines)
}

/// What git runs for a board file both branches changed. The result goes into `ours`, git's own
/// temporary copy; the media files are files of the repository, which git merges itself. The
/// common version git hands over is not needed: each copy carries what it has seen.
pub(super) fn merge_driver(ours: &Path, theirs: &Path, path: &str) -> Result<String, CliError> {
    let named = |error: store::LoadError| CliError::Input(format!("{path}: not merged: {error}"));
    let mut our_board = store::load(ours).map_err(named)?;
    let their_board = store::load(theirs).map_err(named)?;
    our_board.adopt_device(this_device());
    let (merged, report) = model::merge(&our_board, &their_board.with_outside_edits_taken(this_device()));
    store::save(ours, &merged)?;
    // git keeps the driver's output for the user only when a merge fails; say what needs a look.
    let look = needs_a_look(&report)
        .map(|look| format!("; {look}"))
        .unwrap_or_default();
    Ok(format!("{path}: merged by Boothboard{look}"))
}

/// Sets up `repo` so that git merges board files with Boothboard.
pub(super) fn git_setup(repo: &Path) -> Result<String, CliError> {
    let attributes = repo.join(".gitattributes");
    let line = "*.json merge=boothboard";
    let existing = match std::fs::read_to_string(&attributes) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => {
            return Err(CliError::Input(format!(
                "{}: can't read it: {error}",
                attributes.display()
            )));
        }
    };
    if !existing.lines().any(|existing| existing.trim() == line) {
        let separator = if existing.is_empty() || existing.ends_with('\n') {
            ""
        } else {
            "\n"
        };
        store::write_atomic(&attributes, format!("{existing}{separator}{line}\n").as_bytes())
            .map_err(|error| CliError::Input(format!("{}: can't write it: {error}", attributes.display())))?;
    }
    // The driver runs this very program, wherever it is installed.
    let program = std::env::current_exe().map_or_else(|_| "boothboard".to_owned(), |exe| exe.display().to_string());
    let driver = format!("\"{}\" merge-driver %O %A %B %P", program.replace('"', "\\\""));
    let configured = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["config", "merge.boothboard.name", "Boothboard board merge"])
        .status()
        .and_then(|_| {
            Command::new("git")
                .arg("-C")
                .arg(repo)
                .args(["config", "merge.boothboard.driver", &driver])
                .status()
        })
        .map_err(|error| CliError::Input(format!("{}: can't run git: {error}", repo.display())))?;
    if !configured.success() {
        return Err(CliError::Input(format!(
            "{}: git config failed; is it a git repository?",
            repo.display()
        )));
    }
    Ok(format!(
        "{}: git now merges *.json board files with Boothboard ({line} in .gitattributes; merge.boothboard.driver in .git/config)",
        repo.display()
    ))
}

/// "2 cards have notes to check…" when a merge flagged cards.
fn needs_a_look(report: &MergeReport) -> Option<String> {
    match report.notes_to_check.len() {
        0 => None,
        cards => Some(tr!("merged-notes-to-check", count = cards)),
    }
}
