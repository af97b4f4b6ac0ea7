//! Links and images in the user's Markdown whose address may not be opened, written as text: found
//! by a CommonMark parser, as raw HTML is (`raw_html.rs`), so only what a renderer would make a
//! link changes. Only http, https and mailto addresses may be opened ([`openable_url`](crate::model::openable_url)), as in the
//! window, which shows the others as text too.

use std::ops::Range;

use pulldown_cmark::{LinkType, Options, Parser};

use super::raw_html::escape_raw_html_keeping;
use crate::model::{link_may_open, markdown_links, notes_markdown_options};

/// `markdown` with each link, image and link reference definition whose address may not be
/// opened written as text: a backslash goes before the `[` or `<` that opens it, and before each
/// `<` of its address and title (which would read as raw HTML or as a link of its own once the
/// link is gone). Every other byte is kept, code included.
///
/// ```
/// use boothboard::export::escape_refused_links;
/// assert_eq!(
///     escape_refused_links("[run](javascript:alert(1)) and [TiKV](https://tikv.org)"),
///     r"\[run](javascript:alert(1)) and [TiKV](https://tikv.org)"
/// );
/// assert_eq!(escape_refused_links("<file:///etc/passwd> `[a](b:c)`"), r"\<file:///etc/passwd> `[a](b:c)`");
/// ```
pub fn escape_refused_links(markdown: &str) -> String {
    escape_refused_links_keeping(markdown, &|_| false)
}

/// [`escape_refused_links`], keeping the images whose address `own_image` accepts: the media
/// files the export itself links to.
pub(super) fn escape_refused_links_keeping(markdown: &str, own_image: &dyn Fn(&str) -> bool) -> String {
    let mut text = markdown.to_owned();
    if !text.contains(['[', '<']) {
        // No link, image, autolink or definition can be there: most titles and summaries.
        return text;
    }
    // Taking a link out can make a link of the text around it (`[a [b](x:y)](x:z)`), so the text
    // is read again until none is left. Every round puts a backslash before at least one `[` or
    // `<` that had none, and never takes one away, so this ends.
    loop {
        let escapes = refused_markup(&text, own_image);
        if escapes.is_empty() {
            return text;
        }
        let mut escaped = String::with_capacity(text.len() + escapes.len());
        let mut copied = 0;
        for at in escapes {
            escaped.push_str(text.get(copied..at).unwrap_or_default());
            escaped.push('\\');
            copied = at;
        }
        escaped.push_str(text.get(copied..).unwrap_or_default());
        text = escaped;
    }
}

/// The user's Markdown as an export writes it: raw HTML as text unless `allow_html`, and links
/// and images that may not be opened as text. Each can uncover the other (raw HTML made text
/// leaves the links inside it; a link reference definition made text joins the lines below it
/// into a paragraph, where a tag is raw HTML), so both are done until neither changes anything.
pub(super) fn user_markdown(markdown: &str, allow_html: bool) -> String {
    document_markdown(markdown, allow_html, &|_| false, &|_| false)
}

/// [`user_markdown`] over a whole document the export wrote, keeping its own images (those
/// `own_image` accepts) and its own raw HTML (that `own_html` accepts, such as the comment that
/// ends a list). Each part was written safe already; the document can be less so, as link
/// reference definitions reach across the parts (a definition in one card's notes makes a link of
/// brackets in another's, and what was a link's label there may be raw HTML here).
pub(super) fn document_markdown(
    markdown: &str,
    allow_html: bool,
    own_image: &dyn Fn(&str) -> bool,
    own_html: &dyn Fn(&str) -> bool,
) -> String {
    let mut text = markdown.to_owned();
    // Both only ever put a backslash or `&lt;` before or for a `[` or `<`: this ends.
    loop {
        if !allow_html {
            text = escape_raw_html_keeping(&text, own_html);
        }
        let escaped = escape_refused_links_keeping(&text, own_image);
        if escaped == text {
            return text;
        }
        text = escaped;
    }
}

/// The ways a renderer may read the user's Markdown: plain CommonMark, as the window reads notes
/// (GFM tables, footnotes…), and with every extension the parser knows (Obsidian's `$math$`
/// among them) but wikilinks, which link within a vault. Markup is made text where any of them
/// finds it.
fn readings() -> [Options; 3] {
    [
        Options::empty(),
        notes_markdown_options(),
        Options::all().difference(Options::ENABLE_WIKILINKS),
    ]
}

/// Byte offsets where a backslash makes text of what may not be opened, in order: for each such
/// link, image and link reference definition, the `[` or `<` that opens it and each unescaped `<`
/// after its text, in any of the [`readings`].
fn refused_markup(text: &str, own_image: &dyn Fn(&str) -> bool) -> Vec<usize> {
    let mut escapes = Vec::new();
    for options in readings() {
        let parser = Parser::new_ext(text, options);
        for (_, definition) in parser.reference_definitions().iter() {
            if link_may_open(LinkType::Inline, &definition.dest) {
                continue;
            }
            let span = definition.span.clone();
            // The `[` of its label, after any indentation.
            if let Some(open) = text.get(span.clone()).and_then(|source| source.find('[')) {
                escapes.push(span.start + open);
                escapes.extend(unescaped_angles(text, span.start + open + 1..span.end));
            }
        }
        for link in markdown_links(parser) {
            let kept = link.may_open || (link.image && own_image(&link.address));
            // The `[` after an image's `!`, or the link's `[` or `<`.
            let opener = link.whole.start + usize::from(link.image);
            let opens = text.get(opener..).is_some_and(|rest| rest.starts_with(['[', '<']));
            if !kept && opens {
                escapes.push(opener);
                // Its address and title become text: no `<` there may open anything.
                let after_text = link.text.map_or(opener + 1, |inner| inner.end);
                escapes.extend(unescaped_angles(text, after_text.max(opener + 1)..link.whole.end));
            }
        }
    }
    escapes.sort_unstable();
    escapes.dedup();
    escapes
}

/// Offsets of the `<` in `range` of `text` that no backslash escapes.
fn unescaped_angles(text: &str, range: Range<usize>) -> Vec<usize> {
    let Some(part) = text.get(range.clone()) else {
        return Vec::new();
    };
    // The backslashes right before each byte: an odd run escapes it.
    let before = text.get(..range.start).unwrap_or_default();
    let mut backslashes = before.bytes().rev().take_while(|byte| *byte == b'\\').count();
    let mut angles = Vec::new();
    for (offset, byte) in part.bytes().enumerate() {
        if byte == b'<' && backslashes.is_multiple_of(2) {
            angles.push(range.start + offset);
        }
        backslashes = if byte == b'\\' { backslashes + 1 } else { 0 };
    }
    angles
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Tag};

    use super::*;

    /// The address of every link and image a renderer makes of `markdown`.
    fn destinations(markdown: &str) -> Vec<String> {
        let mut found = Vec::new();
        for options in readings() {
            for event in Parser::new_ext(markdown, options) {
                if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
                    found.push(dest_url.into_string());
                }
            }
        }
        found
    }

    #[test]
    fn web_and_mail_links_and_images_stay() {
        let notes = "[TiKV](https://tikv.org \"title\"), <https://pingcap.com>, [ask](MAILTO:a@b.c), \
                     <a@b.c>, ![diagram](https://example.com/d.png)\n\n[r]: http://example.com";
        assert_eq!(escape_refused_links(notes), notes);
    }

    #[test]
    fn every_form_of_link_to_another_scheme_becomes_text() {
        for (notes, escaped) in [
            ("[bad](javascript:alert(1))", r"\[bad](javascript:alert(1))"),
            ("[f](file:///etc/passwd)", r"\[f](file:///etc/passwd)"),
            ("<javascript:alert(1)>", r"\<javascript:alert(1)>"),
            ("![x](javascript:y)", r"!\[x](javascript:y)"),
            ("![local](diagram.png)", r"!\[local](diagram.png)"),
            (
                "[a](<java\tscript:x> \"<b>t</b>\")",
                "\\[a](\\<java\tscript:x> \"\\<b>t\\</b>\")",
            ),
            ("[x][r]\n\n[r]: JavaScript:x", "\\[x][r]\n\n\\[r]: JavaScript:x"),
            ("[r][]\n\n  [r]: <vbscript:x>", "\\[r][]\n\n  \\[r]: \\<vbscript:x>"),
            ("[r]\n\n[r]: data:text/html,x", "\\[r]\n\n\\[r]: data:text/html,x"),
            ("[unused]: javascript:x", r"\[unused]: javascript:x"),
        ] {
            assert_eq!(escape_refused_links(notes), escaped, "{notes:?}");
            assert!(destinations(escaped).is_empty(), "{escaped:?}");
        }
    }

    #[test]
    fn a_link_made_by_taking_another_out_goes_too() {
        let escaped = escape_refused_links("[a [b](javascript:c)](javascript:d)");
        assert!(destinations(&escaped).is_empty(), "{escaped}");
        let escaped = escape_refused_links("[![logo](javascript:x)](https://tikv.org)");
        assert!(
            destinations(&escaped).iter().all(|dest| dest == "https://tikv.org"),
            "{escaped}"
        );
    }

    #[test]
    fn code_html_and_escaped_markup_are_left_as_written() {
        let notes = "`[a](javascript:x)`\n\n```\n![i](x.png)\n```\n\n    [c](file:x)\n\n\\[d](javascript:x) <b>";
        assert_eq!(escape_refused_links(notes), notes);
    }

    #[test]
    fn a_definition_made_text_does_not_let_a_tag_below_it_through() {
        let notes = "[r]: javascript:x\n    <script>alert(1)</script>";
        let markdown = user_markdown(notes, false);
        let html = Parser::new(&markdown)
            .filter(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
            .count();
        assert_eq!(html, 0, "{markdown}");
        assert!(destinations(&markdown).is_empty(), "{markdown}");
    }

    /// Text with links, images, definitions, brackets and angle brackets among any characters.
    fn markdown() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("[".to_owned()),
            Just("](".to_owned()),
            Just("]: ".to_owned()),
            Just(")".to_owned()),
            Just("![".to_owned()),
            Just("<".to_owned()),
            Just(">".to_owned()),
            Just("\\".to_owned()),
            Just("`".to_owned()),
            Just("\n".to_owned()),
            Just("javascript:x".to_owned()),
            Just("https://ok".to_owned()),
            Just(" \"<b>\"".to_owned()),
            any::<String>(),
        ];
        proptest::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
    }

    /// Whether `escaped` is `original` with backslashes put in, and nothing else changed.
    fn only_backslashes_added(original: &str, escaped: &str) -> bool {
        let mut original = original.chars().peekable();
        for c in escaped.chars() {
            if original.peek() == Some(&c) {
                original.next();
            } else if c != '\\' {
                return false;
            }
        }
        original.next().is_none()
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 512,
            failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Off)),
            ..proptest::test_runner::Config::default()
        })]

        #[test]
        fn only_backslashes_are_added_and_no_link_that_may_not_be_opened_is_left(notes in markdown()) {
            let escaped = escape_refused_links(&notes);
            proptest::prop_assert!(only_backslashes_added(&notes, &escaped), "{:?} → {:?}", notes, escaped);
            for options in readings() {
                for event in Parser::new_ext(&escaped, options) {
                    if let Event::Start(Tag::Link { link_type, dest_url, .. } | Tag::Image { link_type, dest_url, .. }) = event {
                        proptest::prop_assert!(link_may_open(link_type, &dest_url), "{:?} in {:?}", dest_url, escaped);
                    }
                }
            }
        }
    }

    #[test]
    fn the_exports_own_images_stay() {
        let own = |dest: &str| dest == "talks.media/0a1b.png";
        let markdown = "![Gloo](talks.media/0a1b.png) ![x](talks.media/../secret.png)";
        assert_eq!(
            escape_refused_links_keeping(markdown, &own),
            r"![Gloo](talks.media/0a1b.png) !\[x](talks.media/../secret.png)"
        );
    }
}
