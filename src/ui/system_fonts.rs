//! The system's fonts, as a fallback for glyphs the app's own fonts lack, where the system has
//! any. egui's provider uses fontique 0.11, which panics on a machine whose fontconfig lists no
//! fonts (fixed in fontique 0.12, linebender/parley#717). There the app goes on with its bundled
//! fonts and egui's own, as it does where the system has no font for a glyph.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::FontFamily;
use egui::epaint::text::{FallbackRequest, FontInsert, FontProvider};

use crate::diagnostics::{catch_handled_panic, panics_handled_on_thread};

/// The thread egui's provider enumerates the system fonts on.
const ENUMERATING_THREAD: &str = "egui_system_font_provider";

/// The system's fonts, being enumerated on a thread of their own from [`Self::start_enumerating`]
/// until [`Self::install`] hands them to a context.
pub struct SystemFontFallback(Guarded<egui_system_font_provider::SystemFontProvider>);

impl std::fmt::Debug for SystemFontFallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SystemFontFallback").finish_non_exhaustive()
    }
}

impl SystemFontFallback {
    /// Starts listing the system's fonts. Called before the window is made, so the list is ready
    /// by the first frame: a lookup before then waits for it, and Chinese text needs one.
    pub fn start_enumerating() -> Self {
        // A panic there shows up here, as a failed lookup.
        panics_handled_on_thread(ENUMERATING_THREAD);
        Self(Guarded::new(egui_system_font_provider::SystemFontProvider::new()))
    }

    /// Adds the system's fonts as the last fallback of `ctx`.
    pub fn install(self, ctx: &egui::Context) {
        ctx.add_font_provider(Arc::new(self.0));
    }
}

/// A font provider that, once it panics, is asked no more.
struct Guarded<P> {
    provider: P,
    failed: AtomicBool,
}

impl<P> Guarded<P> {
    fn new(provider: P) -> Self {
        Self {
            provider,
            failed: AtomicBool::new(false),
        }
    }
}

impl<P: FontProvider> FontProvider for Guarded<P> {
    fn fonts_for_family(&self, family: &FontFamily) -> Vec<FontInsert> {
        self.guard(Vec::new(), |provider| provider.fonts_for_family(family))
    }

    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        self.guard(None, |provider| provider.font_for(request))
    }
}

impl<P> Guarded<P> {
    fn guard<T>(&self, instead: T, ask: impl FnOnce(&P) -> T) -> T {
        if self.failed.load(Ordering::Relaxed) {
            return instead;
        }
        catch_handled_panic(|| ask(&self.provider)).unwrap_or_else(|panic| {
            self.failed.store(true, Ordering::Relaxed);
            log::warn!("the system's fonts can't be used ({panic}); Boothboard uses its own");
            instead
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// Panics as fontique does on a machine without fonts, and counts how often it was asked.
    #[derive(Default)]
    struct NoFonts {
        asked: AtomicUsize,
    }

    impl FontProvider for NoFonts {
        fn font_for(&self, _request: &FallbackRequest<'_>) -> Option<FontInsert> {
            self.asked.fetch_add(1, Ordering::Relaxed);
            panic!("called `Result::unwrap()` on an `Err` value: NoMatch");
        }
    }

    #[test]
    fn a_provider_that_panics_is_asked_no_more_and_text_still_lays_out() {
        let ctx = egui::Context::default();
        let guarded = Arc::new(Guarded::new(NoFonts::default()));
        ctx.add_font_provider(Arc::clone(&guarded) as Arc<dyn FontProvider>);
        // Glyphs no bundled font has send egui to the providers.
        for text in ["𝔅𝔬𝔬𝔱𝔥 ⌬", "𝔅𝔬𝔬𝔱𝔥 ⌬ 🀄"] {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                ui.label(text);
            });
            output.textures_delta.clear();
        }
        assert_eq!(guarded.provider.asked.load(Ordering::Relaxed), 1);
        assert!(guarded.failed.load(Ordering::Relaxed));
    }
}
