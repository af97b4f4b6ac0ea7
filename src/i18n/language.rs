//! The languages Boothboard speaks, and which one the system asks for.

use std::sync::LazyLock;

use fluent_templates::LanguageIdentifier;
use serde::{Deserialize, Serialize};

/// A language with a catalogue in `i18n/`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English (`en-US`): the fallback for everything.
    #[default]
    English,
    /// Simplified Chinese (`zh-CN`).
    SimplifiedChinese,
}

static ENGLISH: LazyLock<LanguageIdentifier> = LazyLock::new(|| parse("en-US"));
static SIMPLIFIED_CHINESE: LazyLock<LanguageIdentifier> = LazyLock::new(|| parse("zh-CN"));

fn parse(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap_or_default()
}

impl Language {
    /// Every language, in the order the language menu lists them.
    pub const ALL: [Self; 2] = [Self::English, Self::SimplifiedChinese];

    /// Its catalogue's language tag.
    pub fn id(self) -> &'static LanguageIdentifier {
        match self {
            Self::English => &ENGLISH,
            Self::SimplifiedChinese => &SIMPLIFIED_CHINESE,
        }
    }

    /// Its name in itself, for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::SimplifiedChinese => "简体中文",
        }
    }

    /// The language for a system locale such as `zh_CN.UTF-8`, `zh-Hans-SG` or `en-GB`: Simplified
    /// Chinese for mainland China, Singapore and any `zh-Hans`; English for anything else.
    pub fn from_locale(locale: &str) -> Self {
        let tag = locale
            .split(['.', '@'])
            .next()
            .unwrap_or_default()
            .replace('_', "-")
            .to_ascii_lowercase();
        let simplified = ["zh-cn", "zh-sg", "zh-hans"]
            .iter()
            .any(|prefix| tag == *prefix || tag.starts_with(&format!("{prefix}-")));
        if simplified {
            Self::SimplifiedChinese
        } else {
            Self::English
        }
    }

    /// The language the system asks for.
    pub fn of_system() -> Self {
        sys_locale::get_locale().map_or(Self::English, |locale| Self::from_locale(&locale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_locales_of_mainland_china_and_singapore_are_simplified_chinese() {
        for locale in [
            "zh_CN",
            "zh_CN.UTF-8",
            "zh-CN",
            "zh_SG.utf8",
            "zh-Hans",
            "zh-Hans-CN",
            "zh-hans-SG",
        ] {
            assert_eq!(Language::from_locale(locale), Language::SimplifiedChinese, "{locale}");
        }
        for locale in [
            "en_US.UTF-8",
            "C",
            "POSIX",
            "zh_TW",
            "zh-Hant-HK",
            "de_DE@euro",
            "",
            "zh-CNX",
        ] {
            assert_eq!(Language::from_locale(locale), Language::English, "{locale}");
        }
    }
}
