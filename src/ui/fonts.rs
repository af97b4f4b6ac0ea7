//! A bundled CJK font, used only for characters no configured or system font has.

use std::sync::Arc;

use egui::epaint::text::{
    FallbackRequest, FontData, FontInsert, FontPriority, FontProvider, InsertFontFamily,
};

const CJK_FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallback-CJK.ttf");

/// Offers the bundled font for CJK characters. Installed after eframe's system font
/// provider, so an installed CJK font wins and this one covers a bare machine.
#[derive(Debug, Default)]
struct BundledCjkFont;

impl FontProvider for BundledCjkFont {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let first = request.cluster.chars().next()?;
        is_cjk(first).then(|| FontInsert {
            name: "Droid Sans Fallback (CJK subset)".to_owned(),
            data: FontData::from_static(CJK_FALLBACK),
            families: vec![InsertFontFamily {
                family: request.family.clone(),
                priority: FontPriority::Lowest,
            }],
        })
    }
}

/// The ranges the bundled subset covers (see assets/fonts/README.md).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{3000}'..='\u{30FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{FF00}'..='\u{FFEF}')
}

/// Adds the bundled CJK fallback to the context's fonts.
pub fn install_cjk_fallback(ctx: &egui::Context) {
    ctx.add_font_provider(Arc::new(BundledCjkFont));
}
