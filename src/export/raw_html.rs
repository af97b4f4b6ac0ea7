//! Raw HTML in the user's Markdown, shown as text: found by a CommonMark parser, so only what a
//! renderer would treat as HTML changes, and code keeps its `<` as written.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// `markdown` with the `<` that opens each piece of raw HTML (a tag, a comment, a block) written as
/// `&lt;`, so a renderer shows it as text. Code spans, code blocks and autolinks are kept, also
/// those that were inside an HTML block.
///
/// ```
/// use boothboard::export::escape_raw_html;
/// assert_eq!(escape_raw_html("<script>alert(1)</script> and `<b>`"), "&lt;script>alert(1)&lt;/script> and `<b>`");
/// ```
pub fn escape_raw_html(markdown: &str) -> String {
    escape_raw_html_keeping(markdown, &|_| false)
}

/// [`escape_raw_html`], keeping the raw HTML that `own_html` accepts (given it without the
/// whitespace around it): what the export itself wrote.
pub(super) fn escape_raw_html_keeping(markdown: &str, own_html: &dyn Fn(&str) -> bool) -> String {
    let mut text = markdown.to_owned();
    if !text.contains('<') {
        // No raw HTML can be there.
        return text;
    }
    // Escaping the `<` that opens an HTML block makes it a paragraph, in which a tag or a code span
    // may appear: parse again until nothing is HTML. Every round removes at least one `<`, so this ends.
    loop {
        let starts = html_openers(&text, own_html);
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

/// Byte offsets of the `<` that opens each HTML block and inline tag, as plain CommonMark and GFM
/// renderers read `text`, but those `own_html` accepts.
fn html_openers(text: &str, own_html: &dyn Fn(&str) -> bool) -> Vec<usize> {
    let gfm =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS | Options::ENABLE_FOOTNOTES;
    // And with every extension but wikilinks: Obsidian reads `$math$`, which can pair up the
    // backticks of code spans differently.
    let everything = Options::all().difference(Options::ENABLE_WIKILINKS);
    let mut starts = Vec::new();
    for options in [Options::empty(), gfm, everything] {
        // The first line of a block holds its opener; the lines after it are looked at once it is gone.
        let mut block_opened = false;
        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            let opener = match event {
                Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {
                    block_opened = false;
                    continue;
                }
                Event::Html(_) if block_opened => continue,
                Event::Html(html) => {
                    block_opened = true;
                    !own_html(html.trim())
                }
                Event::InlineHtml(html) => !own_html(html.trim()),
                _ => false,
            };
            let first = text.get(range.clone()).and_then(|html| html.find('<'));
            if let (true, Some(offset)) = (opener, first) {
                starts.push(range.start + offset);
            }
        }
    }
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
