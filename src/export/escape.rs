//! The user's plain text and addresses, written so that Markdown shows them as they are.

/// Characters that mean something anywhere in a line: emphasis, code, links, images, raw HTML,
/// entities, strikethrough, math, table cells and a heading's closing `#`s.
const ALWAYS_ESCAPED: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '~', '#', '$', '|'];

/// Escapes plain text (a title, summary, caption or link label) so that a CommonMark or GFM
/// renderer shows it literally: no emphasis, no raw HTML, no links. Runs of whitespace, line
/// breaks included, become one space, so the text stays on one line.
///
/// ```
/// use boothboard::export::escape_text;
/// assert_eq!(escape_text("<b>*Gloo*</b>"), r"\<b\>\*Gloo\*\</b\>");
/// assert_eq!(escape_text("1. TiDB\n  2. TiKV"), r"1\. TiDB 2. TiKV");
/// ```
pub fn escape_text(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = words.join(" ");
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    for (index, c) in text.char_indices() {
        let (written, rest) = text.split_at_checked(index).unwrap_or((&text, ""));
        let after = rest.strip_prefix(c).unwrap_or_default();
        if ALWAYS_ESCAPED.contains(&c) || starts_a_block(written, c) || starts_an_autolink(written, c, after) {
            escaped.push('\\');
        }
        // CommonMark reads NUL as U+FFFD: write what every renderer will show.
        escaped.push(if c == '\0' { char::REPLACEMENT_CHARACTER } else { c });
    }
    escaped
}

/// A list item, thematic break or heading underline at the start of the text: `- `, `+ `,
/// `---`, `===`, or the `.`/`)` of `1. ` and `1) `.
fn starts_a_block(written: &str, c: char) -> bool {
    match c {
        '-' | '+' | '=' => written.is_empty(),
        '.' | ')' => !written.is_empty() && written.len() <= 9 && written.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

/// GFM renderers link bare `http://…`, `https://…`, `ftp://…` and `www.…`; an escaped `:` or `.`
/// stops them. (A bare e-mail address is linked whatever is escaped: it stays a mailto: link.)
fn starts_an_autolink(written: &str, c: char, after: &str) -> bool {
    match c {
        ':' => after.starts_with("//"),
        // By characters: the three bytes before a `.` may be inside a character (`naïve.`).
        '.' => {
            written
                .chars()
                .rev()
                .take(3)
                .filter(|c| c.eq_ignore_ascii_case(&'w'))
                .count()
                == 3
        }
        _ => false,
    }
}

/// A link destination for an address that may be opened: spaces and angle brackets are
/// percent-encoded, parentheses and backslashes escaped, and `&` escaped where it would read
/// as an entity, so the link points exactly where the card says.
///
/// ```
/// use boothboard::export::link_destination;
/// assert_eq!(link_destination("https://e.com/a b_(c)"), r"https://e.com/a%20b_\(c\)");
/// ```
pub fn link_destination(url: &str) -> String {
    let mut destination = String::with_capacity(url.len());
    for (index, c) in url.char_indices() {
        match c {
            '(' | ')' | '\\' => {
                destination.push('\\');
                destination.push(c);
            }
            '&' if reads_as_entity(url.get(index + 1..).unwrap_or_default()) => destination.push_str("\\&"),
            '<' | '>' => push_percent_encoded(&mut destination, c),
            c if c.is_whitespace() || c.is_control() => push_percent_encoded(&mut destination, c),
            c => destination.push(c),
        }
    }
    destination
}

/// `amp;`, `#64;`, `#x40;`: what follows an `&` in an entity or character reference.
fn reads_as_entity(after_ampersand: &str) -> bool {
    after_ampersand.split_once(';').is_some_and(|(name, _)| {
        !name.is_empty() && name.len() <= 32 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
    })
}

/// Percent-encodes one path segment (a file or folder name) for a relative link: everything
/// but ASCII letters, digits and `-._~`, so spaces and non-ASCII names work in any renderer.
///
/// ```
/// use boothboard::export::encode_path_segment;
/// assert_eq!(encode_path_segment("KubeCon 2018 会议.media"), "KubeCon%202018%20%E4%BC%9A%E8%AE%AE.media");
/// ```
pub fn encode_path_segment(segment: &str) -> String {
    let mut encoded = String::with_capacity(segment.len());
    for c in segment.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~') {
            encoded.push(c);
        } else {
            push_percent_encoded(&mut encoded, c);
        }
    }
    encoded
}

fn push_percent_encoded(out: &mut String, c: char) {
    let mut buffer = [0; 4];
    for byte in c.encode_utf8(&mut buffer).bytes() {
        out.push_str(&format!("%{byte:02X}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape_text("<script>alert(1)</script> *not bold*"),
            r"\<script\>alert(1)\</script\> \*not bold\*"
        );
        assert_eq!(
            escape_text("[click](javascript:alert(1))"),
            r"\[click\](javascript:alert(1))"
        );
        assert_eq!(
            escape_text("AT&T ~~old~~ `code` $5 a|b C#"),
            r"AT\&T \~\~old\~\~ \`code\` \$5 a\|b C\#"
        );
    }

    #[test]
    fn block_starts_are_escaped_only_at_the_start() {
        assert_eq!(escape_text("- item"), r"\- item");
        assert_eq!(escape_text("---"), r"\---");
        assert_eq!(escape_text("+1"), r"\+1");
        assert_eq!(escape_text("2018. A year"), r"2018\. A year");
        assert_eq!(escape_text("1) first"), r"1\) first");
        assert_eq!(escape_text("Gloo - v1.0 (beta)"), "Gloo - v1.0 (beta)");
    }

    #[test]
    fn bare_addresses_are_not_linked() {
        assert_eq!(
            escape_text("see https://evil.example and WWW.evil.example"),
            r"see https\://evil.example and WWW\.evil.example"
        );
    }

    #[test]
    fn text_with_other_scripts_before_a_full_stop_is_kept() {
        assert_eq!(escape_text("naïve."), "naïve.");
        assert_eq!(escape_text("Привет."), "Привет.");
        assert_eq!(escape_text("demo 🎉."), "demo 🎉.");
        assert_eq!(escape_text("ẅẅẅ.x wWw.y"), r"ẅẅẅ.x wWw\.y");
    }

    #[test]
    fn nul_is_written_as_the_replacement_character_readers_show() {
        assert_eq!(escape_text("a\0b"), "a\u{FFFD}b");
    }

    #[test]
    fn whitespace_collapses_and_other_scripts_pass_through() {
        assert_eq!(escape_text("  TiDB\r\n\tTiKV  "), "TiDB TiKV");
        assert_eq!(escape_text("云原生 🚀 한국어 日本語"), "云原生 🚀 한국어 日本語");
    }

    #[test]
    fn destinations_keep_the_address() {
        assert_eq!(
            link_destination("https://youtu.be/x?t=1&v=2"),
            "https://youtu.be/x?t=1&v=2"
        );
        assert_eq!(link_destination("https://e.com/?a&amp;b"), r"https://e.com/?a\&amp;b");
        assert_eq!(link_destination("https://e.com/<x>\n"), "https://e.com/%3Cx%3E%0A");
        assert_eq!(link_destination("https://e.com/云"), "https://e.com/云");
    }
}
