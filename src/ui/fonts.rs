//! Bundled fonts for CJK and emoji, used only for characters no configured or system font has.

use std::sync::Arc;

use egui::epaint::text::{FallbackRequest, FontData, FontInsert, FontPriority, FontProvider, InsertFontFamily};
use unicode_properties::UnicodeEmoji as _;

const HAN_AND_KANA: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallback-CJK.ttf");
const HANGUL: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKkr-Hangul.otf");
const EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Subset.ttf");

/// Offers the bundled fonts for CJK characters. Installed after eframe's system font
/// provider, so an installed CJK font wins and this one covers a bare machine.
#[derive(Debug, Default)]
struct BundledCjkFont;

impl FontProvider for BundledCjkFont {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let (name, data) = match request.cluster.chars().next()? {
            '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7A3}' => {
                ("Noto Sans CJK KR (Hangul subset)", HANGUL)
            }
            '\u{3000}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}' => {
                ("Droid Sans Fallback (CJK subset)", HAN_AND_KANA)
            }
            _ => return None,
        };
        Some(FontInsert {
            name: name.to_owned(),
            data: FontData::from_static(data),
            families: vec![InsertFontFamily {
                family: request.family.clone(),
                priority: FontPriority::Lowest,
            }],
        })
    }
}

/// Offers the bundled emoji font (black and white) for emoji: egui 0.37's own fonts have none.
/// Installed after eframe's system font provider, so an installed colour emoji font wins.
#[derive(Debug, Default)]
struct BundledEmojiFont;

impl FontProvider for BundledEmojiFont {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let first = request.cluster.chars().next()?;
        // ASCII digits, `#` and `*` are emoji too (keycaps); text fonts have them.
        if first.is_ascii() || !first.is_emoji_char() {
            return None;
        }
        Some(FontInsert {
            name: "Noto Emoji (subset)".to_owned(),
            data: FontData::from_static(EMOJI),
            families: vec![InsertFontFamily {
                family: request.family.clone(),
                priority: FontPriority::Lowest,
            }],
        })
    }
}

/// Adds the bundled CJK and emoji fallbacks to the context's fonts. The CJK ranges match the
/// subsets in assets/fonts/README.md.
pub fn install_fallback_fonts(ctx: &egui::Context) {
    ctx.add_font_provider(Arc::new(BundledCjkFont));
    ctx.add_font_provider(Arc::new(BundledEmojiFont));
}
