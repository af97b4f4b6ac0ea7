//! The links and images in Markdown text, with where each sits and whether its address may be
//! opened: one reading for the window, which shows the others as text, and the export, which
//! writes them as text.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use super::openable_url;

/// A link or image in Markdown text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkdownLink {
    /// All of it, from its `[`, `![` or `<` to its end.
    pub whole: Range<usize>,
    /// Its text (the part between the brackets), when it has any.
    pub text: Option<Range<usize>>,
    /// An image rather than a link.
    pub image: bool,
    /// An email autolink (`<someone@example.com>`), whose address has no `mailto:`.
    pub email: bool,
    /// Its address.
    pub address: String,
    /// Whether its address may be opened: http, https and mailto only (an email autolink is a
    /// mailto address).
    pub may_open: bool,
}

/// Every link and image `parser` reads, inner ones before the ones around them. (A parser, so a
/// caller can take the reference definitions it found first.)
pub fn markdown_links(parser: Parser<'_>) -> Vec<MarkdownLink> {
    let mut open: Vec<MarkdownLink> = Vec::new();
    let mut links = Vec::new();
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type, dest_url, ..
            }) => {
                widen_text(&mut open, &range);
                open.push(link(range, false, link_type, &dest_url));
            }
            Event::Start(Tag::Image {
                link_type, dest_url, ..
            }) => {
                widen_text(&mut open, &range);
                open.push(link(range, true, link_type, &dest_url));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => links.extend(open.pop()),
            _ => widen_text(&mut open, &range),
        }
    }
    links
}

/// Whether a link (or image) of this kind to `address` may be opened.
pub fn link_may_open(link_type: LinkType, address: &str) -> bool {
    match link_type {
        // `<someone@example.com>`: the parser gives the address, a renderer links `mailto:` it.
        LinkType::Email => openable_url(&format!("mailto:{address}")).is_ok(),
        _ => openable_url(address).is_ok(),
    }
}

fn link(whole: Range<usize>, image: bool, link_type: LinkType, address: &str) -> MarkdownLink {
    MarkdownLink {
        whole,
        text: None,
        image,
        email: link_type == LinkType::Email,
        address: address.to_owned(),
        may_open: link_may_open(link_type, address),
    }
}

/// Takes `range` into the text of the innermost open link or image.
fn widen_text(open: &mut [MarkdownLink], range: &Range<usize>) {
    if let Some(MarkdownLink { text, .. }) = open.last_mut() {
        let text = text.get_or_insert(range.clone());
        text.start = text.start.min(range.start);
        text.end = text.end.max(range.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_come_with_their_text_and_whether_they_may_be_opened() {
        let text = "[a ![b](javascript:x)](https://tikv.org) <me@example.org>";
        let links = markdown_links(Parser::new(text));
        let found: Vec<(&str, bool, bool)> = links
            .iter()
            .map(|link| (link.address.as_str(), link.image, link.may_open))
            .collect();
        assert_eq!(
            found,
            [
                ("javascript:x", true, false),
                ("https://tikv.org", false, true),
                ("me@example.org", false, true)
            ]
        );
        assert_eq!(
            links[1].text.clone().and_then(|inner| text.get(inner)),
            Some("a ![b](javascript:x)")
        );
        assert!(links[2].email);
    }
}
