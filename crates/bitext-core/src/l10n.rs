//! The tool's own messages, in English, French and Spanish, through Fluent.
//!
//! Every human-facing string bitext prints goes through [`tr`] so that translators of the
//! tool work on `.ftl` files only. The UI language is chosen once per process
//! ([`init`]) from `--ui-lang`, then `LC_ALL` / `LC_MESSAGES` / `LANG`, then English; a regional
//! tag falls back to its language and finally to English (`es-419` -> `es` -> `en`).
//!
//! A regional locale (`locales/es-419/`) holds only what differs for its readers: the wording
//! of an edition's masthead, its number marks, its quotation marks. The Spanish of a Latin
//! American country (`es-MX`, `es-AR`...) falls back to it, as in CLDR. Number marks (decimal
//! mark, thousands separator and the digits a number needs before it is grouped) are
//! declared in each locale's `numbers.ftl` and apply to every message of the chain, so that
//! an `es-419` reader sees `1,234.5` even in a message worded in `es`.

pub mod os_text;

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The languages bitext itself speaks, with their Fluent resources: one file per part of the
/// tool (`src/locales/<lang>/<part>.ftl`), so that each feature keeps its messages together.
const RESOURCES: [(&str, &[&str]); 4] = [
    (
        "en",
        &[
            include_str!("locales/en/main.ftl"),
            include_str!("locales/en/hardening.ftl"),
            include_str!("locales/en/qa.ftl"),
            include_str!("locales/en/numbers.ftl"),
            include_str!("locales/en/cli.ftl"),
            include_str!("locales/en/formats.ftl"),
            include_str!("locales/en/conv.ftl"),
            include_str!("locales/en/mdx.ftl"),
            include_str!("locales/en/trust.ftl"),
            include_str!("locales/en/serve.ftl"),
            include_str!("locales/en/memory.ftl"),
            include_str!("locales/en/assist.ftl"),
            include_str!("locales/en/review.ftl"),
            include_str!("locales/en/search.ftl"),
        ],
    ),
    (
        "fr",
        &[
            include_str!("locales/fr/main.ftl"),
            include_str!("locales/fr/hardening.ftl"),
            include_str!("locales/fr/qa.ftl"),
            include_str!("locales/fr/numbers.ftl"),
            include_str!("locales/fr/cli.ftl"),
            include_str!("locales/fr/formats.ftl"),
            include_str!("locales/fr/conv.ftl"),
            include_str!("locales/fr/mdx.ftl"),
            include_str!("locales/fr/trust.ftl"),
            include_str!("locales/fr/serve.ftl"),
            include_str!("locales/fr/memory.ftl"),
            include_str!("locales/fr/assist.ftl"),
            include_str!("locales/fr/review.ftl"),
            include_str!("locales/fr/search.ftl"),
        ],
    ),
    (
        "es",
        &[
            include_str!("locales/es/main.ftl"),
            include_str!("locales/es/hardening.ftl"),
            include_str!("locales/es/qa.ftl"),
            include_str!("locales/es/numbers.ftl"),
            include_str!("locales/es/cli.ftl"),
            include_str!("locales/es/formats.ftl"),
            include_str!("locales/es/conv.ftl"),
            include_str!("locales/es/mdx.ftl"),
            include_str!("locales/es/trust.ftl"),
            include_str!("locales/es/serve.ftl"),
            include_str!("locales/es/memory.ftl"),
            include_str!("locales/es/assist.ftl"),
            include_str!("locales/es/review.ftl"),
            include_str!("locales/es/search.ftl"),
        ],
    ),
    (
        "es-419",
        &[
            include_str!("locales/es-419/main.ftl"),
            include_str!("locales/es-419/numbers.ftl"),
        ],
    ),
];

/// The countries whose Spanish falls back to Latin American Spanish (`es-419`) rather than
/// to the Spanish of Spain, as CLDR's parent locales say.
const LATIN_AMERICA: [&str; 22] = [
    "AR", "BO", "BR", "BZ", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "MX", "NI", "PA", "PE",
    "PR", "PY", "SV", "US", "UY", "VE",
];

/// The languages bitext itself speaks.
pub const LANGUAGES: [&str; 3] = ["en", "fr", "es"];
/// A chain of bundles, most specific first, always ending in English.
pub struct Localizer {
    chain: Vec<FluentBundle<FluentResource>>,
    marks: NumberMarks,
}

/// How a locale writes numbers (CLDR), as its `numbers.ftl` declares them.
///
/// `NUMBER()` uses the decimal mark only: line numbers, positions and years share that
/// formatter with counts, and `file.md:1,234` would no longer read as a location. `GROUPED()`
/// also groups thousands; it is for the numbers of an edition's own text (volume, number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberMarks {
    /// The decimal mark: `.` or `,`.
    pub decimal: char,
    /// The thousands separator: `,`, `.`, U+202F...
    pub group: String,
    /// The fewest digits the integer part needs before it is grouped: 4 gives `1,234`, 5
    /// gives `1234` and `12.345` (Spanish).
    pub min_grouping: usize,
}

impl NumberMarks {
    /// Formats `value` with at most `max_fraction` decimals (trailing zeros dropped), its
    /// integer part grouped by thousands.
    #[must_use]
    pub fn grouped(&self, value: f64, max_fraction: usize) -> String {
        let text = format!("{:.max_fraction$}", value.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let frac = frac.trim_end_matches('0');
        let mut out = String::new();
        if value < 0.0 && (int.chars().any(|c| c != '0') || !frac.is_empty()) {
            out.push('-');
        }
        let digits = int.len();
        for (i, digit) in int.chars().enumerate() {
            if i > 0 && (digits - i) % 3 == 0 && digits >= self.min_grouping {
                out.push_str(&self.group);
            }
            out.push(digit);
        }
        if !frac.is_empty() {
            out.push(self.decimal);
            out.push_str(frac);
        }
        out
    }
}

static LOCALIZER: OnceLock<Localizer> = OnceLock::new();

impl Localizer {
    /// Builds the fallback chain for `requested` (e.g. `es-419` -> `es` -> `en`).
    #[must_use]
    pub fn new(requested: &LanguageIdentifier) -> Self {
        let mut chain: Vec<FluentBundle<FluentResource>> =
            chain_codes(requested).into_iter().map(bundle).collect();
        let mark = |id: &str| {
            chain.iter().find_map(|bundle| {
                let pattern = bundle.get_message(id)?.value()?;
                let mut errors = Vec::new();
                Some(
                    bundle
                        .format_pattern(pattern, None, &mut errors)
                        .into_owned(),
                )
            })
        };
        let marks = NumberMarks {
            decimal: mark("number-decimal-mark")
                .and_then(|m| m.chars().next())
                .unwrap_or('.'),
            group: mark("number-group-mark").unwrap_or_else(|| ",".to_owned()),
            min_grouping: mark("number-group-minimum")
                .and_then(|m| m.parse().ok())
                .unwrap_or(4),
        };
        // Every bundle of the chain writes numbers as the reader's locale does: a message
        // worded in `es` shows `1,234.5` to an `es-419` reader.
        for bundle in &mut chain {
            bundle.set_formatter(Some(if marks.decimal == ',' {
                format_decimal_comma
            } else {
                format_decimal_point
            }));
            let grouping = marks.clone();
            // Only NUMBER() is registered before it: the names cannot clash.
            let _ = bundle.add_function("GROUPED", move |positional, _named| {
                match positional.first() {
                    Some(FluentValue::Number(number)) => {
                        FluentValue::from(grouping.grouped(number.value, 3))
                    }
                    Some(other) => other.clone(),
                    None => FluentValue::Error,
                }
            });
        }
        Self { chain, marks }
    }

    /// How numbers are written in this localizer's language.
    #[must_use]
    pub fn marks(&self) -> &NumberMarks {
        &self.marks
    }

    /// `text` between this language's quotation marks (`“…”`, `«\u{a0}…\u{a0}»`), with the
    /// quotations inside it (straight, curly or angle quotes) turned into inner ones (`‘…’`
    /// in English, `“…”` in French and Spanish).
    #[must_use]
    pub fn quote(&self, text: &str) -> String {
        let [open, close, inner_open, inner_close] = [
            "quote-open",
            "quote-close",
            "quote-inner-open",
            "quote-inner-close",
        ]
        .map(|id| self.format(id, None));
        let spaces = ['\u{a0}', '\u{202f}'];
        let mut out = open;
        let mut straight_open = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    out.push_str(if straight_open {
                        &inner_close
                    } else {
                        &inner_open
                    });
                    straight_open = !straight_open;
                }
                '“' | '«' => {
                    out.push_str(&inner_open);
                    // French guillemets hold their spaces; the inner marks do not.
                    if c == '«' && chars.peek().is_some_and(|next| spaces.contains(next)) {
                        chars.next();
                    }
                }
                '”' | '»' => {
                    if c == '»' && out.ends_with(spaces) {
                        out.pop();
                    }
                    out.push_str(&inner_close);
                }
                _ => out.push(c),
            }
        }
        out.push_str(&close);
        out
    }

    /// Formats message `id` with `args`, falling back along the chain.
    ///
    /// A message missing from every bundle is a programming error caught by the tests over
    /// the resources; at run time it shows its id rather than panicking.
    #[must_use]
    pub fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in &self.chain {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }
}

impl Localizer {
    /// Formats message `id` with named arguments.
    #[must_use]
    pub fn message(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        if args.is_empty() {
            return self.format(id, None);
        }
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(*s),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        self.format(id, Some(&fluent_args))
    }
}

/// The locales of [`RESOURCES`] that speak to a reader of `requested`, most specific first:
/// the tag itself, Latin American Spanish for a Latin American country, the language, and
/// English last.
fn chain_codes(requested: &LanguageIdentifier) -> Vec<&'static str> {
    let language = requested.language.as_str();
    let mut wanted = vec![requested.to_string()];
    if let Some(region) = &requested.region {
        wanted.push(format!("{language}-{}", region.as_str()));
        if language == "es" && LATIN_AMERICA.contains(&region.as_str()) {
            wanted.push("es-419".to_owned());
        }
    }
    wanted.push(language.to_owned());
    let mut codes: Vec<&'static str> = Vec::new();
    for tag in &wanted {
        if let Some((code, _)) = RESOURCES.iter().find(|(code, _)| code == tag)
            && *code != "en"
            && !codes.contains(code)
        {
            codes.push(code);
        }
    }
    codes.push("en");
    codes
}

fn bundle(code: &str) -> FluentBundle<FluentResource> {
    let sources: &[&str] = RESOURCES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(&[], |(_, s)| *s);
    // Plural rules are the language's: CLDR has none of its own for `es-419`.
    let language = code.split('-').next().unwrap_or(code);
    let langid: LanguageIdentifier = language.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Terminal output: Unicode isolation marks around placeables would show as garbage.
    bundle.set_use_isolating(false);
    // NUMBER() is built in; it cannot clash with anything, as the bundle is still empty.
    let _ = bundle.add_builtins();
    for source in sources {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        // A resource with a duplicate id keeps its first definition; tests check none exist.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn format_decimal_point<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number(value, '.')
}

fn format_decimal_comma<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    format_number(value, ',')
}

/// Formats a Fluent number with `separator` as the decimal mark, honouring the minimum and
/// maximum fraction digits of `NUMBER()` (at most 3 by default, as in CLDR).
fn format_number(value: &FluentValue<'_>, separator: char) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let options = &number.options;
    let min = options.minimum_fraction_digits.unwrap_or(0);
    let max = options.maximum_fraction_digits.unwrap_or(3).max(min);
    let mut text = format!("{:.max$}", number.value);
    if let Some(point) = text.find('.') {
        let keep = point + 1 + min;
        while text.len() > keep && text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
        text = text.replacen('.', &separator.to_string(), 1);
    }
    if text
        .strip_prefix('-')
        .is_some_and(|rest| rest.chars().all(|c| c == '0' || c == separator))
    {
        text.remove(0);
    }
    Some(text)
}

/// Formats `value` (0 to 100) as a percentage with one decimal in the UI language:
/// `89.5%`, `89,5 %` (French, narrow no-break space), `89,5 %` (Spanish, no-break space).
#[must_use]
pub fn percent(value: f64) -> String {
    tr("number-percent", &[("value", Arg::Num(value))])
}

/// Formats `value` with exactly two decimals in the UI language (`0.87`, `0,87`).
#[must_use]
pub fn decimal2(value: f64) -> String {
    tr("number-decimal-2", &[("value", Arg::Num(value))])
}

/// A reader's own English `detail` (a JSON, TOML or XML library's message) behind the sentence
/// of message `id` in the UI language; in English, `detail` alone.
#[must_use]
pub fn with_detail(id: &str, detail: &str) -> String {
    tr(
        "detail-in-parentheses",
        &[
            ("sentence", Arg::Str(&tr(id, &[]))),
            ("detail", Arg::Str(detail)),
        ],
    )
}

/// Picks the UI language from an explicit tag or the POSIX locale environment.
#[must_use]
pub fn ui_language(explicit: Option<&str>) -> LanguageIdentifier {
    let from_env = || {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty())
    };
    let raw = explicit.map(str::to_owned).or_else(from_env);
    raw.as_deref()
        .and_then(posix_to_tag)
        .and_then(|tag| tag.parse().ok())
        .unwrap_or_default()
}

/// Turns `fr_CA.UTF-8@euro` into `fr-CA`; `C` and `POSIX` mean no preference.
fn posix_to_tag(raw: &str) -> Option<String> {
    let base = raw.split(['.', '@']).next()?.trim();
    if base.is_empty() || base == "C" || base == "POSIX" {
        return None;
    }
    Some(base.replace('_', "-"))
}

/// Sets the process-wide UI language. Later calls are ignored.
pub fn init(language: &LanguageIdentifier) {
    let _ = LOCALIZER.set(Localizer::new(language));
}

fn localizer() -> &'static Localizer {
    if let Some(scoped) = SCOPED.with(Cell::get) {
        return scoped;
    }
    LOCALIZER.get_or_init(|| Localizer::new(&LanguageIdentifier::default()))
}

// The messages of one request of the workbench, in its reader's language.

thread_local! {
    /// The language this thread speaks inside [`speaking`], over the process's.
    static SCOPED: Cell<Option<&'static Localizer>> = const { Cell::new(None) };
}

/// One localizer per language bitext speaks, made on first use.
static BY_LANGUAGE: OnceLock<Vec<(&'static str, Localizer)>> = OnceLock::new();

/// Runs `f` with this thread's messages ([`tr`], and so every error's text) in `language`
/// (one of [`LANGUAGES`]; another leaves the process's language), then restores the
/// language it spoke before, even when `f` panics. A server answers each request in the
/// language of its reader.
pub fn speaking<R>(language: &str, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<&'static Localizer>);
    impl Drop for Restore {
        fn drop(&mut self) {
            SCOPED.with(|scoped| scoped.set(self.0));
        }
    }
    let all = BY_LANGUAGE.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|code| (*code, Localizer::new(&code.parse().unwrap_or_default())))
            .collect()
    });
    let chosen = all
        .iter()
        .find(|(code, _)| *code == language)
        .map(|(_, localizer)| localizer);
    let _restore = Restore(SCOPED.with(|scoped| scoped.replace(chosen.or(scoped.get()))));
    f()
}

/// Formats message `id` with named arguments in the UI language.
#[must_use]
pub fn tr(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    localizer().message(id, args)
}

/// A message argument: text, or a number that selects plural forms.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Inserted as is.
    Str(&'a str),
    /// Formatted as a number and used for CLDR plural selection.
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Str(value)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(value: &'a String) -> Self {
        Arg::Str(value)
    }
}

impl From<usize> for Arg<'_> {
    fn from(value: usize) -> Self {
        #[allow(clippy::cast_precision_loss, reason = "counts stay far below 2^52")]
        Arg::Num(value as f64)
    }
}

impl From<f64> for Arg<'_> {
    fn from(value: f64) -> Self {
        Arg::Num(value)
    }
}

/// Shorthand for `tr(id, &[("name", value.into()), ...])`.
#[macro_export]
macro_rules! t {
    ($id:expr) => { $crate::l10n::tr($id, &[]) };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::l10n::tr($id, &[$((stringify!($name), $crate::l10n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(raw: &str, expected: Option<&str>) {
        assert_eq!(posix_to_tag(raw).as_deref(), expected, "{raw}");
    }

    #[test]
    fn a_thread_speaks_a_language_for_a_while() {
        let before = tr("state-stale", &[]);
        let inside = speaking("fr", || {
            (
                tr("state-stale", &[]),
                speaking("es", || tr("state-stale", &[])),
                tr("state-stale", &[]),
            )
        });
        assert_eq!(
            inside,
            (
                "périmé".to_owned(),
                "desactualizado".to_owned(),
                "périmé".to_owned()
            )
        );
        assert_eq!(tr("state-stale", &[]), before);
        let _ = std::panic::catch_unwind(|| speaking("es", || panic!("in a page")));
        assert_eq!(tr("state-stale", &[]), before);
    }

    #[test]
    fn posix_locales_become_tags() {
        case("fr_CA.UTF-8", Some("fr-CA"));
        case("es_419.UTF-8@euro", Some("es-419"));
        case("C", None);
        case("POSIX", None);
        case("C.UTF-8", None);
        case("", None);
    }

    #[test]
    fn every_resource_parses_and_has_every_english_message() {
        let mut ids: Vec<String> = Vec::new();
        for source in RESOURCES[0].1 {
            let english = FluentResource::try_new((*source).to_owned()).expect("en parses");
            ids.extend(english.entries().filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            }));
        }
        assert!(ids.len() > 20);
        for (code, sources) in RESOURCES {
            let mut bundle = FluentBundle::new_concurrent(vec![code.parse().expect("tag")]);
            for source in sources {
                let resource = FluentResource::try_new((*source).to_owned())
                    .unwrap_or_else(|(_, errors)| panic!("{code}: {errors:?}"));
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|errors| panic!("{code}: {errors:?}"));
            }
            // A regional locale holds only what differs from its language's.
            if code.contains('-') {
                for source in sources {
                    let resource = FluentResource::try_new((*source).to_owned()).expect("parses");
                    for entry in resource.entries() {
                        if let fluent_syntax::ast::Entry::Message(m) = entry {
                            assert!(ids.contains(&m.id.name.to_owned()), "{code}: {}", m.id.name);
                        }
                    }
                }
                continue;
            }
            for id in &ids {
                assert!(bundle.has_message(id), "{code}.ftl lacks {id}");
            }
        }
    }

    #[test]
    fn regional_tags_fall_back_to_their_language_then_english() {
        let es419 = Localizer::new(&"es-419".parse().expect("tag"));
        assert_eq!(es419.format("state-current", None), "al día");
        let de = Localizer::new(&"de".parse().expect("tag"));
        assert_eq!(de.format("state-current", None), "current");
    }

    #[track_caller]
    fn formats(lang: &str, id: &str, args: &[(&str, f64)], expected: &str) {
        let localizer = Localizer::new(&lang.parse().expect("tag"));
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        assert_eq!(
            localizer.format(id, Some(&fluent_args)),
            expected,
            "{lang} {id} {args:?}"
        );
    }

    #[test]
    fn percentages_take_each_language_s_decimal_mark_and_space() {
        formats("en", "number-percent", &[("value", 89.5)], "89.5%");
        formats("fr", "number-percent", &[("value", 89.5)], "89,5\u{202f}%");
        formats("es", "number-percent", &[("value", 89.5)], "89,5\u{a0}%");
        formats(
            "fr",
            "number-percent",
            &[("value", 100.0)],
            "100,0\u{202f}%",
        );
        formats("en", "number-percent", &[("value", 66.666)], "66.7%");
        formats("es", "number-percent", &[("value", 0.0)], "0,0\u{a0}%");
        formats("fr", "number-decimal-2", &[("value", 0.875)], "0,88");
        formats(
            "fr",
            "number-percent-whole",
            &[("value", 87.0)],
            "87\u{202f}%",
        );
        formats(
            "es",
            "number-percent-whole",
            &[("value", 100.0)],
            "100\u{a0}%",
        );
        formats("en", "number-percent-whole", &[("value", 7.0)], "7%");
        formats("en", "number-decimal-2", &[("value", 1.0)], "1.00");
    }

    #[test]
    fn import_summaries_agree_with_each_count() {
        let ones = [
            ("translated", 1.0),
            ("drafts", 1.0),
            ("unchanged", 1.0),
            ("conflicts", 1.0),
            ("missing", 1.0),
            ("extra", 1.0),
        ];
        let twos = ones.map(|(name, _)| (name, 2.0));
        formats(
            "en",
            "import-article-summary",
            &ones,
            "Recorded 1 translation and 1 draft to review; 1 unchanged, 1 conflict kept, \
             1 without translation, 1 extra paragraph skipped.",
        );
        formats(
            "en",
            "import-article-summary",
            &twos,
            "Recorded 2 translations and 2 drafts to review; 2 unchanged, 2 conflicts kept, \
             2 without translation, 2 extra paragraphs skipped.",
        );
        formats(
            "fr",
            "import-article-summary",
            &ones.map(|(name, _)| (name, 0.0)),
            "0 traduction enregistrée et 0 brouillon à relire\u{a0}; 0 inchangée, \
             0 conflit conservé, 0 sans traduction, 0 paragraphe en trop ignoré.",
        );
        formats(
            "fr",
            "import-article-summary",
            &twos,
            "2 traductions enregistrées et 2 brouillons à relire\u{a0}; 2 inchangées, \
             2 conflits conservés, 2 sans traduction, 2 paragraphes en trop ignorés.",
        );
        formats(
            "es",
            "import-article-summary",
            &ones,
            "1 traducción registrada y 1 borrador por revisar; 1 sin cambios, \
             1 conflicto conservado, 1 sin traducción, 1 párrafo sobrante omitido.",
        );
        formats(
            "es",
            "import-article-summary",
            &ones.map(|(name, _)| (name, 0.0)),
            "0 traducciones registradas y 0 borradores por revisar; 0 sin cambios, \
             0 conflictos conservados, 0 sin traducción, 0 párrafos sobrantes omitidos.",
        );
        let counts = |n: f64| {
            [
                "recorded",
                "stale",
                "drafts",
                "unchanged",
                "skipped",
                "conflicts",
            ]
            .map(|k| (k, n))
        };
        let en = Localizer::new(&"en".parse().expect("tag"));
        let mut fluent_args = FluentArgs::new();
        fluent_args.set("path", "fr.po");
        for (name, value) in counts(1.0) {
            fluent_args.set(name, value);
        }
        assert_eq!(
            en.format("import-summary", Some(&fluent_args)),
            "fr.po: 1 recorded, 1 stale, 1 as a draft, 1 unchanged, 1 skipped, 1 conflict"
        );
        let fr = Localizer::new(&"fr".parse().expect("tag"));
        let mut fluent_args = FluentArgs::new();
        fluent_args.set("path", "fr.po");
        for (name, value) in counts(2.0) {
            fluent_args.set(name, value);
        }
        assert_eq!(
            fr.format("import-summary", Some(&fluent_args)),
            "fr.po: 2 enregistrées, 2 périmées, 2 en brouillon, 2 inchangées, 2 ignorées, 2 conflits"
        );
    }

    #[test]
    fn plain_numbers_keep_their_digits_and_are_not_grouped() {
        formats(
            "fr",
            "segments-count",
            &[("count", 12345.0)],
            "12345 segments",
        );
        formats("es", "segments-count", &[("count", 1.0)], "1 segmento");
        let fr = Localizer::new(&"fr".parse().expect("tag"));
        let mut args = FluentArgs::new();
        args.set("path", "a.md");
        args.set("pid", 7);
        args.set("seconds", 2.5);
        assert!(
            fr.format("error-lock-timeout", Some(&args)).contains("2,5"),
            "{}",
            fr.format("error-lock-timeout", Some(&args))
        );
    }

    #[test]
    fn latin_american_spanish_has_its_own_marks_and_falls_back_to_spanish() {
        let es419 = Localizer::new(&"es-419".parse().expect("tag"));
        assert_eq!(es419.format("export-contents", None), "Contenido");
        // Worded in `es`, numbered in `es-419`.
        formats(
            "es-419",
            "number-percent",
            &[("value", 89.5)],
            "89.5\u{a0}%",
        );
        formats("es-419", "segments-count", &[("count", 1.0)], "1 segmento");
        formats("es-419", "segments-count", &[("count", 2.0)], "2 segmentos");
        // A Latin American country's Spanish is Latin American Spanish; Spain's is not.
        for tag in ["es-MX", "es-AR", "es-US"] {
            let localizer = Localizer::new(&tag.parse().expect("tag"));
            assert_eq!(
                localizer.format("export-contents", None),
                "Contenido",
                "{tag}"
            );
        }
        let spain = Localizer::new(&"es-ES".parse().expect("tag"));
        assert_eq!(spain.format("export-contents", None), "Índice");
    }

    #[test]
    fn edition_numbers_are_grouped_as_each_locale_groups_them() {
        for (lang, volume, expected) in [
            ("en", 1234.0, "Volume 1,234"),
            ("en", 999.0, "Volume 999"),
            ("fr", 1234.0, "Volume 1\u{202f}234"),
            ("fr", 1_234_567.0, "Volume 1\u{202f}234\u{202f}567"),
            ("es", 1234.0, "Volumen 1234"),
            ("es", 12345.0, "Volumen 12.345"),
            ("es-419", 1234.0, "Año 1,234"),
            ("es-419", 12345.0, "Año 12,345"),
            ("es-419", 53.0, "Año 53"),
        ] {
            formats(lang, "edition-volume", &[("volume", volume)], expected);
        }
        let marks = Localizer::new(&"es-419".parse().expect("tag"))
            .marks()
            .clone();
        assert_eq!(marks.grouped(-1234.5, 3), "-1,234.5");
        assert_eq!(marks.grouped(0.0, 3), "0");
        let es = Localizer::new(&"es".parse().expect("tag")).marks().clone();
        assert_eq!(es.grouped(12345.25, 3), "12.345,25");
    }

    #[test]
    fn quotations_take_each_language_s_marks_and_nest() {
        for (lang, expected) in [
            ("en", "“A ‘special’ issue”"),
            ("fr", "«\u{a0}A “special” issue\u{a0}»"),
            ("es", "«A “special” issue»"),
            ("es-419", "“A ‘special’ issue”"),
        ] {
            let localizer = Localizer::new(&lang.parse().expect("tag"));
            for inner in [
                "A \"special\" issue",
                "A “special” issue",
                "A «\u{a0}special\u{a0}» issue",
            ] {
                assert_eq!(localizer.quote(inner), expected, "{lang} {inner}");
            }
        }
    }

    #[test]
    fn french_treats_zero_and_one_as_singular() {
        let fr = Localizer::new(&"fr".parse().expect("tag"));
        let mut args = FluentArgs::new();
        args.set("count", 0);
        assert_eq!(fr.format("segments-count", Some(&args)), "0 segment");
        args.set("count", 2);
        assert_eq!(fr.format("segments-count", Some(&args)), "2 segments");
        let en = Localizer::new(&"en".parse().expect("tag"));
        let mut args = FluentArgs::new();
        args.set("count", 0);
        assert_eq!(en.format("segments-count", Some(&args)), "0 segments");
    }
}
