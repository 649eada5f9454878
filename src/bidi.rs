//! Right-to-left text that mixes in names, numbers, e-mails and urls.
//!
//! An Arabic, Persian or Pashto line such as "اتصل بـ Maria Kotsina, DGB
//! Bildungswerk e.V." displays scrambled when the left-to-right run is left
//! to the bidi algorithm alone: its trailing punctuation jumps to the other
//! end. Wrapping each left-to-right run in a first-strong isolate
//! (U+2068 … U+2069) keeps it whole. The marks go around a run, never into
//! it, so a url or an e-mail inside stays exactly as written; and anything
//! a user must copy (a url, a command) is best shown on a line of its own.
//!
//! Whether to isolate is each door's rendering choice: Telegram (and a web
//! page) render the marks; most terminals print them as boxes, so the
//! terminal chat and `lotse ask` leave them out. The core never adds them.

use crate::lang::Lang;
use crate::text::is_arabic;

/// First strong isolate.
pub const FSI: char = '\u{2068}';
/// Pop directional isolate.
pub const PDI: char = '\u{2069}';

/// Wraps each left-to-right run of `text` in isolates when `lang` is
/// written right to left; returns other text unchanged.
pub fn isolate_ltr_runs(text: &str, lang: Lang) -> String {
    if !lang.is_rtl() {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        // A command, a handle or a phone number starts with its sign.
        let signed = "/@+#".contains(chars[i]) && chars.get(i + 1).is_some_and(|&c| is_ltr_strong(c));
        if !is_ltr_strong(chars[i]) && !signed {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run goes on up to the next right-to-left letter, and ends at
        // its last left-to-right letter or digit, or at a closing bracket
        // it opened or an abbreviation's dot right after it ("(IQ)",
        // "e.V."); a sentence's full stop and a bracket opened in the
        // right-to-left text stay with it.
        let mut end = i;
        let mut j = i;
        while j < chars.len() && !is_arabic(chars[j]) {
            let run = &chars[i..j];
            let next = chars.get(j + 1).copied();
            let closes = end + 1 == j
                && match chars[j] {
                    ')' => run.contains(&'('),
                    '.' => is_abbreviation(run) || next.is_some_and(|c| c == ')' && run.contains(&'(')),
                    _ => false,
                };
            if is_ltr_strong(chars[j]) || closes {
                end = j;
            }
            j += 1;
        }
        out.push(FSI);
        out.extend(&chars[i..=end]);
        out.push(PDI);
        i = end + 1;
    }
    out
}

/// Whether the last word of `run` already has a dot inside, as "e.V" has.
fn is_abbreviation(run: &[char]) -> bool {
    let word = run.rsplit(|c| c.is_whitespace()).next().unwrap_or_default();
    word.contains(&'.')
}

fn is_ltr_strong(c: char) -> bool {
    c.is_alphanumeric() && !is_arabic(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolates_runs_in_rtl_text_only() {
        let cases = [
            (
                Lang::Ar,
                "راجع www.pro-qualifizierung.de الآن",
                "راجع \u{2068}www.pro-qualifizierung.de\u{2069} الآن",
            ),
            (
                Lang::Fa,
                "ماریا کوتسینا، Maria Kotsina, DGB Bildungswerk e.V.",
                "ماریا کوتسینا، \u{2068}Maria Kotsina, DGB Bildungswerk e.V.\u{2069}",
            ),
            (Lang::Ar, "في Düsseldorf.", "في \u{2068}Düsseldorf\u{2069}."),
            (Lang::Ar, "(شبكة IQ)", "(شبكة \u{2068}IQ\u{2069})"),
            (Lang::Ar, "شبكة (IQ)", "شبكة (\u{2068}IQ\u{2069})"),
            (Lang::Ar, "في Heft (48)", "في \u{2068}Heft (48)\u{2069}"),
            (Lang::Ar, "/start – الترحيب", "\u{2068}/start\u{2069} – الترحيب"),
            (Lang::Fa, "هاتف: +49 211", "هاتف: \u{2068}+49 211\u{2069}"),
            (
                Lang::Fa,
                "ناشر: DGB Bildungswerk (Hrsg.)",
                "ناشر: \u{2068}DGB Bildungswerk (Hrsg.)\u{2069}",
            ),
            (Lang::De, "Heft 48 (2007)", "Heft 48 (2007)"),
            (Lang::Fa, "۴۸ ص", "۴۸ ص"),
            (Lang::Ar, "ص 79", "ص \u{2068}79\u{2069}"),
        ];
        for (lang, text, expected) in cases {
            assert_eq!(isolate_ltr_runs(text, lang), expected, "{text}");
        }
    }
}
