//! The twelve languages Lotse speaks, as one small `Copy` type.
//!
//! Everything that takes a language takes a [`Lang`], never a `&str` that
//! would have to be checked again: the code is parsed once, at the edge
//! (a file name, a `--lang` flag, a Telegram `language_code`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language of Lotse's content and interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    De,
    En,
    Ar,
    Fa,
    Ps,
    Tr,
    Kmr,
    Ru,
    Uk,
    Pl,
    Ro,
    Fr,
}

/// The writing system of a language or of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Arabic,
    Cyrillic,
}

impl Lang {
    /// All languages, German (the canonical one) first.
    pub const ALL: [Lang; 12] = [
        Lang::De,
        Lang::En,
        Lang::Ar,
        Lang::Fa,
        Lang::Ps,
        Lang::Tr,
        Lang::Kmr,
        Lang::Ru,
        Lang::Uk,
        Lang::Pl,
        Lang::Ro,
        Lang::Fr,
    ];

    /// The language every entry must be complete in.
    pub const CANONICAL: Lang = Lang::De;

    /// The code used in file names, flags and JSON (`de`, `kmr`, ...).
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
            Lang::Ps => "ps",
            Lang::Tr => "tr",
            Lang::Kmr => "kmr",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::Pl => "pl",
            Lang::Ro => "ro",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name for itself, as a language picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
            Lang::Ps => "پښتو",
            Lang::Tr => "Türkçe",
            Lang::Kmr => "Kurmancî",
            Lang::Ru => "Русский",
            Lang::Uk => "Українська",
            Lang::Pl => "Polski",
            Lang::Ro => "Română",
            Lang::Fr => "Français",
        }
    }

    /// The script the language is written in.
    pub fn script(self) -> Script {
        match self {
            Lang::Ar | Lang::Fa | Lang::Ps => Script::Arabic,
            Lang::Ru | Lang::Uk => Script::Cyrillic,
            _ => Script::Latin,
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self.script() == Script::Arabic
    }

    /// Parses a code the lenient way a client sends it: `pt-BR`-style region
    /// suffixes and case are ignored, and `ku` (Kurdish) maps to Kurmanji.
    /// Returns `None` for a language Lotse does not have.
    pub fn from_client_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "ku" => Some(Lang::Kmr),
            other => other.parse().ok(),
        }
    }
}

impl Script {
    /// The languages written in this script.
    pub fn langs(self) -> impl Iterator<Item = Lang> {
        Lang::ALL.into_iter().filter(move |l| l.script() == self)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error of parsing a language code Lotse does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language code `{0}`; use one of de, en, ar, fa, ps, tr, kmr, ru, uk, pl, ro, fr")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == s)
            .ok_or_else(|| UnknownLang(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
        }
        assert!("xx".parse::<Lang>().is_err());
    }

    #[test]
    fn client_codes_are_lenient() {
        assert_eq!(Lang::from_client_code("pt-BR"), None);
        assert_eq!(Lang::from_client_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_client_code("ku"), Some(Lang::Kmr));
        assert_eq!(Lang::from_client_code("UK"), Some(Lang::Uk));
    }
}
