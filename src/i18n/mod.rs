//! `src/i18n/`: what does Lotse say, in the reader's language?
//!
//! The only module that knows Fluent. The interface texts live in
//! `locales/<lang>/lotse.ftl` and are compiled into the binary, so Lotse
//! speaks all twelve languages wherever it runs. Callers name a message
//! and pass plain arguments; they get a plain `String` back.
//!
//! Fluent's own bidi isolation is off: it would put invisible marks around
//! every argument, also inside commands and urls. Right-to-left display is
//! handled where text is rendered (`crate::bidi`).

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::lang::Lang;

/// The Fluent source of each language, compiled in.
const SOURCES: [(Lang, &str); 12] = [
    (Lang::De, include_str!("../../locales/de/lotse.ftl")),
    (Lang::En, include_str!("../../locales/en/lotse.ftl")),
    (Lang::Ar, include_str!("../../locales/ar/lotse.ftl")),
    (Lang::Fa, include_str!("../../locales/fa/lotse.ftl")),
    (Lang::Ps, include_str!("../../locales/ps/lotse.ftl")),
    (Lang::Tr, include_str!("../../locales/tr/lotse.ftl")),
    (Lang::Kmr, include_str!("../../locales/kmr/lotse.ftl")),
    (Lang::Ru, include_str!("../../locales/ru/lotse.ftl")),
    (Lang::Uk, include_str!("../../locales/uk/lotse.ftl")),
    (Lang::Pl, include_str!("../../locales/pl/lotse.ftl")),
    (Lang::Ro, include_str!("../../locales/ro/lotse.ftl")),
    (Lang::Fr, include_str!("../../locales/fr/lotse.ftl")),
];

/// An argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    /// A number, which also selects plural forms.
    Number(i64),
}

/// The interface texts of all languages.
pub struct Catalog {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl Catalog {
    /// The compiled-in texts. A file that does not parse is a bug caught
    /// by the tests; what parses of it is still used.
    pub fn new() -> Catalog {
        let bundles = SOURCES
            .into_iter()
            .map(|(lang, source)| (lang, bundle(lang, source)))
            .collect();
        Catalog { bundles }
    }

    /// The message `id` in `lang`, falling back to German, and to the id
    /// itself where even German lacks it (the locale tests prevent that).
    pub fn text(&self, lang: Lang, id: &str) -> String {
        self.format(lang, id, &[])
    }

    /// Like [`Catalog::text`], with arguments.
    pub fn format(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        [lang, Lang::CANONICAL]
            .into_iter()
            .find_map(|l| self.try_format(l, id, args))
            .unwrap_or_else(|| id.to_string())
    }

    /// Whether `lang` has the message `id` itself.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundles.get(&lang).is_some_and(|b| b.has_message(id))
    }

    fn try_format(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let bundle = self.bundles.get(&lang)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, arg) in args {
            let value = match arg {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }
}

impl Default for Catalog {
    fn default() -> Catalog {
        Catalog::new()
    }
}

fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    // Kurmanji's plural rules are those of Kurdish.
    let tag = if lang == Lang::Kmr { "ku" } else { lang.code() };
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    // Duplicate ids keep their first definition; the tests forbid them.
    let _ = bundle.add_resource(resource);
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_plurals_and_falls_back() {
        let catalog = Catalog::new();
        assert_eq!(catalog.text(Lang::De, "kind-offer"), "Angebot");
        let one = catalog.format(Lang::En, "results-title", &[("count", Arg::Number(1))]);
        let many = catalog.format(Lang::En, "results-title", &[("count", Arg::Number(3))]);
        assert_eq!(one, "I found one entry:");
        assert_eq!(many, "I found 3 entries:");
        assert_eq!(catalog.text(Lang::Tr, "no-such-message"), "no-such-message");
        for lang in Lang::ALL {
            assert!(catalog.has(lang, "start-greeting"), "{lang}");
            let text = catalog.format(
                lang,
                "results-page",
                &[("page", Arg::Number(2)), ("pages", Arg::Number(3))],
            );
            assert!(!text.contains('\u{2068}'), "{lang}: isolation marks in {text:?}");
        }
    }
}
