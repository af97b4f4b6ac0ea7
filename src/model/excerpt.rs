//! Bounded quotes of file content in messages, so a hostile 100 MB string can't become a 100 MB
//! error message.

use std::borrow::Cow;

/// `text` if it has at most `max_chars` characters, else its first `max_chars` and `…`.
///
/// ```
/// use boothboard::model::excerpt;
/// assert_eq!(excerpt("Gloo", 10), "Gloo");
/// assert_eq!(excerpt("FoundationDB", 5), "Found…");
/// ```
pub fn excerpt(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars).and_then(|(cut, _)| text.get(..cut)) {
        Some(head) => Cow::Owned(format!("{head}…")),
        None => Cow::Borrowed(text),
    }
}
