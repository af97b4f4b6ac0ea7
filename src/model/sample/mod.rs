//! The built-in sample board: KubeCon + CloudNativeCon North America 2018, in each language.
//!
//! Written in this project's own words, so a first launch shows a useful board. Each language
//! has the same conference, projects, columns, themes and links; project names stay as they are.

mod chinese;
mod english;

use super::{Board, Card, CardId, Column, ColumnId, ImageRef, Link, Theme, ThemeId};
use crate::i18n::Language;

/// The English sample board's title.
pub const TITLE: &str = english::TEXT.title;

/// Architecture images the sample board shows, once stored in its media folder.
#[derive(Clone, Debug)]
pub struct SampleImages {
    /// Gloo's architecture diagram.
    pub gloo: ImageRef,
    /// TiDB's architecture diagram.
    pub tidb: ImageRef,
}

/// The sample board's words in one language.
#[derive(Debug)]
pub struct SampleText {
    /// The board's title.
    pub title: &'static str,
    /// The captions of Gloo's and TiDB's architecture diagrams.
    pub captions: [&'static str; 2],
    themes: [ThemeText; 2],
    /// The columns, left to right; the first card of the first two shows an image.
    columns: [ColumnText; 3],
}

#[derive(Debug)]
struct ThemeText {
    name: &'static str,
    question: &'static str,
}

#[derive(Debug)]
struct ColumnText {
    name: &'static str,
    cards: &'static [CardText],
}

#[derive(Debug)]
struct CardText {
    title: &'static str,
    summary: &'static str,
    links: &'static [(&'static str, &'static str)],
    notes: &'static str,
    themes: &'static [SampleTheme],
}

/// The questions the sample board's attendee came to answer.
#[derive(Clone, Copy, Debug)]
enum SampleTheme {
    Developer,
    Database,
}

impl SampleText {
    /// The sample board's words in `language`.
    pub fn of(language: Language) -> &'static Self {
        match language {
            Language::English => &english::TEXT,
            Language::SimplifiedChinese => &chinese::TEXT,
        }
    }
}

/// Builds the sample board in `language` around its stored images.
pub fn sample_board(images: SampleImages, language: Language) -> Board {
    let text = SampleText::of(language);
    let theme_id = |theme: SampleTheme| match theme {
        SampleTheme::Developer => ThemeId(1),
        SampleTheme::Database => ThemeId(2),
    };
    let mut board = Board::new(text.title);
    board.themes = [SampleTheme::Developer, SampleTheme::Database]
        .into_iter()
        .zip(&text.themes)
        .map(|(theme, words)| Theme {
            id: theme_id(theme),
            name: words.name.to_owned(),
            question: words.question.to_owned(),
            ..Theme::default()
        })
        .collect();
    board.columns = text
        .columns
        .iter()
        .zip(1..)
        .map(|(column, id)| Column {
            id: ColumnId(id),
            name: column.name.to_owned(),
            cards: column.cards.iter().map(|words| card(words, theme_id)).collect(),
            ..Column::default()
        })
        .collect();
    let [gloo, tidb] = [images.gloo, images.tidb];
    for (column, image) in board.columns.iter_mut().zip([gloo, tidb]) {
        if let Some(first) = column.cards.first_mut() {
            first.images.push(image);
        }
    }
    for (number, card) in board
        .columns
        .iter_mut()
        .flat_map(|column| &mut column.cards)
        .enumerate()
    {
        card.id = CardId(number as u64 + 1);
    }
    board.settle_orders();
    board
}

fn card(text: &CardText, theme_id: impl Fn(SampleTheme) -> ThemeId) -> Card {
    Card {
        title: text.title.to_owned(),
        summary: text.summary.to_owned(),
        links: text
            .links
            .iter()
            .map(|(label, url)| Link {
                label: (*label).to_owned(),
                url: (*url).to_owned(),
            })
            .collect(),
        notes: text.notes.to_owned(),
        themes: text.themes.iter().map(|theme| theme_id(*theme)).collect(),
        ..Card::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MediaName;

    fn image(name: &str) -> ImageRef {
        ImageRef {
            file: MediaName::new(name).unwrap(),
            caption: name.to_owned(),
            width: 1,
            height: 1,
        }
    }

    fn board_in(language: Language) -> Board {
        sample_board(
            SampleImages {
                gloo: image("gloo.png"),
                tidb: image("tidb.png"),
            },
            language,
        )
    }

    #[test]
    fn sample_board_is_sound_and_complete() {
        let board = board_in(Language::English);
        assert!(board.problems().is_empty(), "{:?}", board.problems());
        for title in [
            "Gloo",
            "Ballerina",
            "TiDB",
            "FoundationDB",
            "Cassandra / DataStax Enterprise",
        ] {
            let card = board.card_by_title(title);
            assert!(
                card.is_some_and(|c| !c.summary.is_empty() && !c.links.is_empty() && !c.themes.is_empty()),
                "{title}"
            );
        }
        assert_eq!(board.card_by_title("Gloo").map(|c| c.images.len()), Some(1));
        assert_eq!(board.card_by_title("TiDB").map(|c| c.images.len()), Some(1));
        assert_eq!(board.themes.len(), 2);
    }
}

#[cfg(test)]
mod each_language {
    use super::*;
    use crate::model::MediaName;

    #[test]
    fn every_language_has_the_same_projects_links_and_ticks_in_its_own_words() {
        let image = |name: &str| ImageRef {
            file: MediaName::new(name).unwrap(),
            caption: name.to_owned(),
            width: 1,
            height: 1,
        };
        let board = |language| {
            let images = SampleImages {
                gloo: image("gloo.png"),
                tidb: image("tidb.png"),
            };
            sample_board(images, language)
        };
        let english = board(Language::English);
        let chinese = board(Language::SimplifiedChinese);
        assert!(chinese.problems().is_empty(), "{:?}", chinese.problems());
        assert_ne!(chinese.title, english.title);
        for (theirs, ours) in english.themes.iter().zip(&chinese.themes) {
            assert_eq!(theirs.id, ours.id);
            assert_ne!(theirs.name, ours.name);
            assert_ne!(theirs.question, ours.question);
        }
        assert_eq!(english.columns.len(), chinese.columns.len());
        for (theirs, ours) in english.columns.iter().zip(&chinese.columns) {
            assert_ne!(theirs.name, ours.name);
            assert_eq!(theirs.cards.len(), ours.cards.len());
            for (their_card, our_card) in theirs.cards.iter().zip(&ours.cards) {
                // Project names stay as they are; everything about them is written anew.
                assert_eq!(their_card.title, our_card.title);
                assert_ne!(their_card.summary, our_card.summary);
                assert_ne!(their_card.notes, our_card.notes);
                assert_eq!(their_card.themes, our_card.themes);
                assert_eq!(their_card.images, our_card.images);
                let urls = |card: &Card| card.links.iter().map(|link| link.url.clone()).collect::<Vec<_>>();
                assert_eq!(urls(their_card), urls(our_card));
                assert!(
                    our_card.summary.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{}",
                    our_card.summary
                );
            }
        }
    }
}
