//! Raw HTML in the user's Markdown, shown as text: found by a CommonMark parser, so only what a
//! renderer would treat as HTML changes, and code keeps its `<` as written.

use pulldown_cmark::{Event, Options, Parser};

/// `markdown` with the `<` that opens each piece of raw HTML (a tag, a comment, a block) written as
/// `&lt;`, so a renderer shows it as text. Code spans, code blocks and autolinks are kept.
///
/// ```
/// use boothboard::export::escape_raw_html;
/// assert_eq!(escape_raw_html("<script>alert(1)</script> and `<b>`"), "&lt;script>alert(1)&lt;/script> and `<b>`");
/// ```
pub fn escape_raw_html(markdown: &str) -> String {
    let mut text = markdown.to_owned();
    // Escaping can change what the lines around it are (an HTML block becomes a paragraph), so parse
    // again until nothing is HTML; every round removes at least one `<`, so this ends.
    loop {
        let starts = html_angle_brackets(&text);
        if starts.is_empty() {
            return text;
        }
        let mut escaped = String::with_capacity(text.len() + 3 * starts.len());
        let mut copied = 0;
        for start in starts {
            escaped.push_str(text.get(copied..start).unwrap_or_default());
            escaped.push_str("&lt;");
            copied = start + 1;
        }
        escaped.push_str(text.get(copied..).unwrap_or_default());
        text = escaped;
    }
}

/// Byte offsets of every `<` inside raw HTML, as plain CommonMark and GFM renderers read `text`.
fn html_angle_brackets(text: &str) -> Vec<usize> {
    let gfm =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS | Options::ENABLE_FOOTNOTES;
    let mut starts: Vec<usize> = [Options::empty(), gfm]
        .into_iter()
        .flat_map(|options| Parser::new_ext(text, options).into_offset_iter())
        .filter(|(event, _)| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
        .flat_map(|(_, range)| {
            let html = text.get(range.clone()).unwrap_or_default();
            html.match_indices('<').map(move |(offset, _)| range.start + offset)
        })
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html_events(markdown: &str) -> usize {
        Parser::new(markdown)
            .filter(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
            .count()
    }

    #[test]
    fn tags_blocks_and_comments_become_text_and_code_stays() {
        let notes = "<details>\n<summary>More</summary>\n\nHidden *text*\n</details>\n\n\
                     Inline <kbd>Ctrl</kbd> <!-- note -->\n\n```html\n<p>code</p>\n```\n\n\
                     > <script>alert(1)</script>\n\n- a <b>b</b>\n\n<https://example.com> `<i>`";
        assert!(html_events(notes) > 0);
        let escaped = escape_raw_html(notes);
        assert_eq!(html_events(&escaped), 0, "{escaped}");
        assert!(escaped.contains("```html\n<p>code</p>\n```"), "{escaped}");
        assert!(escaped.contains("<https://example.com> `<i>`"), "{escaped}");
        assert!(escaped.contains("&lt;kbd>Ctrl&lt;/kbd>"), "{escaped}");
    }

    #[test]
    fn markdown_without_html_is_unchanged() {
        let notes = "a < b and c > d, `<x>`, 1 <2\n\n    <indented code>\n";
        assert_eq!(escape_raw_html(notes), notes);
    }
}
