//! Links on a card, and which of them may be opened.

use crate::tr;
use serde::{Deserialize, Serialize};

/// A labelled URL: a repository, a site, a moment in a talk video.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the link is, in the user's words ("Repository").
    pub label: String,
    /// The address.
    pub url: String,
}

/// Why a link is not opened.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkRefused {
    /// Empty address.
    #[error("{}", tr!("link-refused-empty"))]
    Empty,
    /// A scheme other than http, https or mailto (file:, javascript:, a bare path).
    #[error("{}", tr!("link-refused-scheme", url = format!("{url:?}")))]
    Scheme {
        /// The refused address.
        url: String,
    },
}

/// Returns the trimmed URL if it may be handed to the system's opener.
///
/// ```
/// use boothboard::model::openable_url;
/// assert_eq!(openable_url(" https://tikv.org "), Ok("https://tikv.org"));
/// assert!(openable_url("javascript:alert(1)").is_err());
/// assert!(openable_url("file:///etc/passwd").is_err());
/// ```
pub fn openable_url(url: &str) -> Result<&str, LinkRefused> {
    let url = url.trim();
    if url.is_empty() {
        return Err(LinkRefused::Empty);
    }
    let scheme = url.split_once(':').map(|(scheme, _)| scheme.to_ascii_lowercase());
    let has_host = |rest: &str| rest.len() > "//".len() && rest.starts_with("//");
    let allowed = match scheme.as_deref() {
        Some("http" | "https") => url.split_once(':').is_some_and(|(_, rest)| has_host(rest)),
        Some("mailto") => url.len() > "mailto:".len(),
        _ => false,
    };
    if allowed {
        Ok(url)
    } else {
        Err(LinkRefused::Scheme { url: url.to_owned() })
    }
}

/// What a typed address is saved as: trimmed, with `www.…` taken as `https://www.…`. Refused,
/// with the same reason the opener gives, unless it is an address [`openable_url`] opens.
///
/// ```
/// use boothboard::model::saved_url;
/// assert_eq!(saved_url(" www.example.com/talk "), Ok("https://www.example.com/talk".to_owned()));
/// assert!(saved_url("javascript:alert(1)").is_err());
/// ```
pub fn saved_url(typed: &str) -> Result<String, LinkRefused> {
    let typed = typed.trim();
    let url = if typed.get(..4).is_some_and(|start| start.eq_ignore_ascii_case("www.")) {
        format!("https://{typed}")
    } else {
        typed.to_owned()
    };
    openable_url(&url).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::{LinkRefused, openable_url, saved_url};

    #[test]
    fn a_www_address_is_saved_as_https_and_others_as_typed() {
        assert_eq!(saved_url("WWW.Example.com"), Ok("https://WWW.Example.com".to_owned()));
        assert_eq!(saved_url(" mailto:a@b.c "), Ok("mailto:a@b.c".to_owned()));
        assert_eq!(
            saved_url("wwwx.example.com"),
            Err(LinkRefused::Scheme {
                url: "wwwx.example.com".to_owned()
            })
        );
        assert_eq!(saved_url("ww"), Err(LinkRefused::Scheme { url: "ww".to_owned() }));
        assert_eq!(saved_url("ü"), Err(LinkRefused::Scheme { url: "ü".to_owned() }));
        assert_eq!(saved_url(""), Err(LinkRefused::Empty));
    }

    #[test]
    fn web_and_mail_links_open() {
        assert_eq!(
            openable_url(" https://github.com/solo-io/gloo "),
            Ok("https://github.com/solo-io/gloo")
        );
        assert!(openable_url("HTTP://example.com").is_ok());
        assert!(openable_url("mailto:someone@example.com").is_ok());
    }

    fn refused_as_scheme(url: &str) {
        assert_eq!(
            openable_url(url),
            Err(LinkRefused::Scheme {
                url: url.trim().to_owned()
            })
        );
    }

    #[test]
    fn file_links_are_refused() {
        refused_as_scheme("file:///etc/passwd");
        refused_as_scheme("FILE:///C:/Windows/system32/calc.exe");
        refused_as_scheme("file:notes.txt");
    }

    #[test]
    fn javascript_links_are_refused() {
        refused_as_scheme("javascript:alert(1)");
        refused_as_scheme(" JavaScript:alert(document.cookie)");
    }

    #[test]
    fn bare_paths_are_refused() {
        refused_as_scheme("/usr/bin/xterm");
        refused_as_scheme("../../bin/sh");
        refused_as_scheme("C:\\Windows\\notepad.exe");
        refused_as_scheme("github.com/emilk/egui");
    }

    #[test]
    fn other_schemes_and_empty_links_are_refused() {
        assert_eq!(openable_url(""), Err(LinkRefused::Empty));
        assert_eq!(openable_url("   "), Err(LinkRefused::Empty));
        for bad in [
            "https:",
            "https://",
            "mailto:",
            "ftp://x",
            "data:text/html,hi",
            "vbscript:x",
            "ssh://host",
        ] {
            refused_as_scheme(bad);
        }
    }
}
