//! The Markdown the card editor renders for a card's notes: the notes as written, less what the
//! window must not do with them. A link that may not be opened (only http, https and mailto may,
//! as for card links) becomes its text, so it is not clickable; an image becomes its alt text, so
//! nothing is loaded, from the network or from disk. Raw HTML needs nothing here: the renderer
//! shows it as text.

use std::ops::Range;

use pulldown_cmark::Parser;

use crate::model::{markdown_links, notes_markdown_options};

/// Taking a link out can make a link of the text around it (`[a]([b](x:y))`), so the notes are read
/// again until none is left; a hostile note that nests deeper keeps its innermost links, which
/// the app still refuses to open when clicked.
const MAX_ROUNDS: usize = 16;

/// What to render for a card's notes, and where each of its bytes came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShownNotes {
    /// The notes less refused links and images, as rendered.
    pub text: String,
    /// The byte ranges of the notes that make up `text`, in order.
    kept: Vec<Range<usize>>,
}

impl ShownNotes {
    /// What to render for `notes`: refused links as their text, images as their alt text, every
    /// other byte as written.
    pub fn of(notes: &str) -> Self {
        let mut shown = Self {
            text: notes.to_owned(),
            kept: std::iter::once(0..notes.len()).collect(),
        };
        for _ in 0..MAX_ROUNDS {
            let cuts = markup_to_drop(&shown.text);
            if cuts.is_empty() {
                break;
            }
            let mut text = String::with_capacity(shown.text.len());
            let mut kept = Vec::with_capacity(shown.kept.len() + cuts.len());
            let mut copied = 0;
            let end = shown.text.len();
            for cut in cuts.into_iter().chain(std::iter::once(end..end)) {
                let keep = copied..cut.start;
                text.push_str(shown.text.get(keep.clone()).unwrap_or_default());
                kept.extend(shown.original_ranges(keep));
                copied = cut.end;
            }
            shown = Self { text, kept };
        }
        shown
    }

    /// Where the byte at `offset` in [`Self::text`] is in the notes.
    pub fn original_offset(&self, offset: usize) -> Option<usize> {
        self.original_ranges(offset..offset + 1)
            .first()
            .map(|range| range.start)
    }

    /// The ranges of the notes that `range` of [`Self::text`] came from.
    fn original_ranges(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let mut ranges = Vec::new();
        let mut at = 0;
        for kept in &self.kept {
            let here = at..at + kept.len();
            let (start, end) = (range.start.max(here.start), range.end.min(here.end));
            if start < end {
                ranges.push(kept.start + start - here.start..kept.start + end - here.start);
            }
            at = here.end;
        }
        ranges
    }
}

/// Byte ranges of link and image syntax to drop, in order: for each refused link and each image,
/// what is before and after its text (`[`, `](address)`), or all of it if it has no text.
fn markup_to_drop(text: &str) -> Vec<Range<usize>> {
    let mut cuts = Vec::new();
    for link in markdown_links(Parser::new_ext(text, notes_markdown_options())) {
        // The renderer would open an email autolink's bare address, not a mailto one.
        if link.may_open && !link.image && !link.email {
            continue;
        }
        match link.text {
            Some(inner) => {
                cuts.push(link.whole.start..inner.start);
                cuts.push(inner.end..link.whole.end);
            }
            None => cuts.push(link.whole),
        }
    }
    cuts.retain(|cut| !cut.is_empty());
    cuts.sort_by_key(|cut| cut.start);
    cuts
}

#[cfg(test)]
mod tests {
    use super::ShownNotes;

    fn shown_notes(notes: &str) -> String {
        ShownNotes::of(notes).text
    }

    #[test]
    fn web_and_mail_links_stay_links() {
        let notes = "[TiKV](https://tikv.org), <https://pingcap.com>, [ask](mailto:a@b.c)";
        assert_eq!(shown_notes(notes), notes);
        // What would be opened is `a@b.c`, no address: shown as text.
        assert_eq!(shown_notes("<a@b.c>"), "a@b.c");
    }

    #[test]
    fn other_links_become_their_text() {
        assert_eq!(shown_notes("[**run**](javascript:alert(1))!"), "**run**!");
        assert_eq!(shown_notes("<javascript:alert(1)>"), "javascript:alert(1)");
        assert_eq!(shown_notes("[local](file:///etc/passwd) [rel](docs/a.md)"), "local rel");
        assert_eq!(shown_notes("[x][r]\n\n[r]: vbscript:x"), "x\n\n[r]: vbscript:x");
        assert_eq!(shown_notes("[](javascript:x)after"), "after");
        assert_eq!(shown_notes("- [ ] [task](ftp://x) one"), "- [ ] task one");
    }

    #[test]
    fn a_link_made_by_taking_another_out_goes_too() {
        assert_eq!(shown_notes("[a]([b](javascript:c))"), "a");
        assert_eq!(shown_notes("[a]([b](https://ok))"), "a");
        // A link can't hold a link: the outer brackets are text already.
        let inner_wins = "[[a](https://ok)](javascript:x)";
        assert_eq!(shown_notes(inner_wins), inner_wins);
    }

    #[test]
    fn images_become_their_alt_text_also_inside_links() {
        assert_eq!(shown_notes("See ![the *diagram*](diagram.png)."), "See the *diagram*.");
        assert_eq!(shown_notes("![](https://tracker.example/pixel.gif)x"), "x");
        assert_eq!(
            shown_notes("[![logo](logo.png)](https://tikv.org)"),
            "[logo](https://tikv.org)"
        );
        assert_eq!(shown_notes("[![logo](logo.png)](javascript:x)"), "logo");
    }

    #[test]
    fn code_and_html_are_left_as_written() {
        let notes = "`[a](javascript:x)`\n\n```\n![i](x.png)\n```\n\n<script>alert(1)</script>";
        assert_eq!(shown_notes(notes), notes);
    }

    #[test]
    fn each_shown_byte_knows_where_it_was_in_the_notes() {
        let notes = "[a](javascript:x) ![b](i.png) - [ ] c";
        let shown = ShownNotes::of(notes);
        assert_eq!(shown.text, "a b - [ ] c");
        for (offset, byte) in shown.text.bytes().enumerate() {
            let original = shown.original_offset(offset).unwrap();
            assert_eq!(notes.as_bytes()[original], byte, "byte {offset}");
        }
        assert_eq!(shown.original_offset(shown.text.len()), None);
    }

    /// Text with links, images, brackets and parentheses among any characters.
    fn markdown() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("[".to_owned()),
            Just("](".to_owned()),
            Just(")".to_owned()),
            Just("![".to_owned()),
            Just("javascript:x".to_owned()),
            Just("https://ok".to_owned()),
            Just("<".to_owned()),
            Just(">".to_owned()),
            Just("\n- [ ] ".to_owned()),
            any::<String>(),
        ];
        proptest::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 512,
            failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Off)),
            ..proptest::test_runner::Config::default()
        })]

        #[test]
        fn what_is_shown_links_only_where_a_link_may_open_and_knows_its_bytes(notes in markdown()) {
            let shown = ShownNotes::of(&notes);
            let parser = pulldown_cmark::Parser::new_ext(&shown.text, crate::model::notes_markdown_options());
            for event in parser {
                match event {
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => {
                        proptest::prop_assert!(crate::model::openable_url(&dest_url).is_ok(), "{:?}", dest_url);
                    }
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { .. }) => {
                        proptest::prop_assert!(false, "an image in {:?}", shown.text);
                    }
                    _ => {}
                }
            }
            for (offset, byte) in shown.text.bytes().enumerate() {
                let original = shown.original_offset(offset).unwrap();
                proptest::prop_assert_eq!(notes.as_bytes()[original], byte);
            }
        }
    }
}
