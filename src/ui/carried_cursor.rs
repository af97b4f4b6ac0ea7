//! Where a text cursor belongs after the text changed under it (a teammate's save merged while
//! the notes are being edited): on the same characters, so the next keystrokes land where the user
//! was typing.

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_deadline};

/// A long text that differs a lot is not worth more than this of a frame; the cursor then keeps
/// its place counted from the end, which is right for changes above it.
const DEADLINE: Duration = Duration::from_millis(2);

/// Where the character at `at` in `old` is in `new`: the same character where it was kept, else
/// the start of what replaced it.
pub fn carried_offset(old: &str, new: &str, at: usize) -> usize {
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let ops = capture_diff_deadline(
        Algorithm::Myers,
        &old_chars,
        0..old_chars.len(),
        &new_chars,
        0..new_chars.len(),
        Some(Instant::now() + DEADLINE),
    );
    for op in ops {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        let within = old_range.contains(&at) || (old_range.end == at && matches!(op, DiffOp::Insert { .. }));
        if within {
            return match op {
                DiffOp::Equal { .. } => new_range.start + (at - old_range.start),
                _ => new_range.start,
            };
        }
    }
    // At the very end, or past it.
    new_chars.len().saturating_sub(old_chars.len().saturating_sub(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_on_its_text_when_lines_come_in_above_or_below() {
        let old = "first line\nI was typing here\nlast";
        let at = old.find("here").unwrap();
        let new = format!("A teammate's line\n{old}\nand one below");
        assert_eq!(carried_offset(old, &new, at), new.find("here").unwrap());
        let edited = "first line changed\nI was typing here\nlast";
        assert_eq!(carried_offset(old, edited, at), edited.find("here").unwrap());
        assert_eq!(
            carried_offset(old, &new, old.chars().count()),
            new.find("\nand one").unwrap()
        );
        let cjk = "第一行\n我在这里打字";
        let at = cjk.chars().count() - 2;
        let grown = format!("队友的一行 🚀\n{cjk}");
        assert_eq!(carried_offset(cjk, &grown, at), grown.chars().count() - 2);
    }
}
