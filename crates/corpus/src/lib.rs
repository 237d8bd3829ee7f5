//! A deterministic benchmark and test corpus: N articles of realistic paragraph lengths
//! (30–200 words, with headings and lists), their `fr` and `es` translations in bitext's
//! format, then a seeded fraction of source edits (edited, inserted, deleted, moved and split
//! paragraphs). For the comparison with gettext it can also write, per article and language,
//! the PO file before the edits (`po-old/`), the POT after them (`pot-new/`) and the PO after
//! them (`po/`).
//!
//! Used by `cargo run --example gencorpus` and by the tests; not part of the command line.

use std::fmt::Write as _;
use std::path::Path;

use bitext_core::error::Result;
use bitext_core::model::lang::Lang;
use bitext_core::model::segment::segment;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::{TranslationFile, Unit, UnitState, write_atomic};
use bitext_core::ops::exchange::export_article;
use bitext_core::workspace::Workspace;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Number of articles.
    pub articles: usize,
    /// Seed of the generator: the same seed gives the same corpus, byte for byte.
    pub seed: u64,
    /// Fraction of articles that get one source edit after translation.
    pub edit_fraction: f64,
    /// Also write `po-old/`, `pot-new/` and `po/` for gettext.
    pub gettext: bool,
}

/// What was generated.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    /// Number of segments, after the edits.
    pub segments: usize,
    /// Number of edited articles.
    pub edited: usize,
}

/// `SplitMix64`: a small, fast, well-distributed generator, reproducible everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, fraction: f64) -> bool {
        #[allow(clippy::cast_precision_loss, reason = "a probability")]
        let x = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        x < fraction
    }
}

const WORDS: &[&str] = &[
    "the",
    "council",
    "harbour",
    "budget",
    "minister",
    "government",
    "people",
    "city",
    "report",
    "week",
    "year",
    "workers",
    "union",
    "election",
    "vote",
    "law",
    "court",
    "police",
    "protest",
    "school",
    "teacher",
    "hospital",
    "price",
    "fuel",
    "bread",
    "market",
    "river",
    "bridge",
    "road",
    "village",
    "farmer",
    "land",
    "water",
    "company",
    "contract",
    "mine",
    "coast",
    "festival",
    "music",
    "night",
    "morning",
    "meeting",
    "statement",
    "decision",
    "plan",
    "question",
    "answer",
    "history",
    "country",
    "region",
    "press",
    "newspaper",
    "reader",
    "letter",
    "editor",
    "street",
    "square",
    "crowd",
    "demand",
    "right",
    "strike",
    "wage",
    "rent",
    "house",
    "family",
    "children",
    "women",
    "men",
    "doctor",
    "nurse",
    "train",
    "bus",
    "station",
    "port",
    "ship",
    "fish",
    "catch",
    "storm",
    "winter",
    "summer",
    "spring",
    "autumn",
    "and",
    "of",
    "in",
    "on",
    "for",
    "with",
    "against",
    "after",
    "before",
    "during",
    "without",
    "between",
    "about",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "will",
    "said",
    "asked",
    "called",
    "met",
    "built",
    "closed",
    "opened",
    "raised",
    "cut",
    "promised",
    "rejected",
    "approved",
    "new",
    "old",
    "long",
    "short",
    "public",
    "local",
    "national",
    "free",
    "high",
    "low",
    "first",
    "last",
    "many",
    "few",
    "several",
    "most",
    "all",
];

fn words(rng: &mut Rng, n: usize) -> Vec<&'static str> {
    (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect()
}

/// A paragraph of `n` words in sentences of 8–25 words, unique to `tag`.
fn paragraph(rng: &mut Rng, n: usize, tag: &str) -> String {
    let mut out = String::new();
    let mut left = n;
    let mut first = true;
    while left > 0 {
        let len = rng.range(8, 25).min(left);
        left -= len;
        let mut sentence = words(rng, len);
        if first {
            sentence.push(tag_word(tag));
            first = false;
        }
        let mut text = sentence.join(" ");
        if let Some(c) = text.get(..1) {
            text.replace_range(..1, &c.to_uppercase());
        }
        let end = [".", ".", ".", "!", "?"][rng.below(5)];
        if !out.is_empty() {
            out.push(' ');
        }
        let _ = write!(out, "{text}{end}");
    }
    out
}

fn tag_word(tag: &str) -> &'static str {
    // A per-article number keeps texts unique across the corpus, as real articles are.
    Box::leak(tag.to_owned().into_boxed_str())
}

/// A whole article: a title, then sections of paragraphs, sometimes with a list.
fn article(rng: &mut Rng, index: usize) -> String {
    let tag = format!("n{index}");
    let mut blocks = vec![format!("# {}", heading(rng, &tag))];
    let paragraphs = rng.range(10, 26);
    for p in 0..paragraphs {
        if p > 0 && p % 6 == 0 {
            blocks.push(format!("## {}", heading(rng, &format!("{tag}s{p}"))));
        }
        if rng.chance(0.08) {
            let count = rng.range(3, 5);
            let mut items = Vec::with_capacity(count);
            for i in 0..count {
                let n = rng.range(5, 15);
                items.push(format!(
                    "- {}",
                    paragraph(rng, n, &format!("{tag}l{p}i{i}"))
                ));
            }
            blocks.push(items.join("\n"));
        } else {
            let n = rng.range(30, 200);
            blocks.push(wrap(&paragraph(rng, n, &format!("{tag}p{p}"))));
        }
    }
    blocks.join("\n\n") + "\n"
}

fn heading(rng: &mut Rng, tag: &str) -> String {
    let n = rng.range(3, 8);
    let mut text = words(rng, n).join(" ");
    text.push(' ');
    text.push_str(tag);
    if let Some(c) = text.get(..1) {
        text.replace_range(..1, &c.to_uppercase());
    }
    text
}

/// Wraps at about 90 columns, as editors save Markdown.
fn wrap(text: &str) -> String {
    wrap_at(text, 90)
}

/// Wraps `text` at `width` columns, breaking only at spaces (never at non-breaking ones).
#[must_use]
pub fn wrap_at(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut column = 0;
    for word in text.split(' ') {
        if column > 0 && column + word.len() > width {
            out.push('\n');
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.len();
    }
    out
}

/// A stand-in translation: deterministic, a little longer than the source, same markup, and
/// the target language's punctuation as a real translation has it (so that `bitext qa` on the
/// corpus measures checking, not a warning on every question).
fn translate(text: &str, lang: &str) -> String {
    let suffix = if lang == "fr" { "e" } else { "o" };
    let words = text
        .split(' ')
        .map(|w| {
            if w.len() > 3 && w.chars().all(char::is_alphabetic) {
                format!("{w}{suffix}")
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    punctuate(&words, lang)
}

/// French: a no-break space before `?` and `!`. Spanish: `¿` and `¡` opening the sentences
/// that end with `?` and `!`.
fn punctuate(text: &str, lang: &str) -> String {
    match lang {
        "fr" => text.replace('?', "\u{a0}?").replace('!', "\u{a0}!"),
        "es" => text
            .split_inclusive(['.', '?', '!'])
            .map(|sentence| {
                let body = sentence.trim_start();
                let space = &sentence[..sentence.len() - body.len()];
                match body.chars().last() {
                    Some('?') => format!("{space}¿{body}"),
                    Some('!') => format!("{space}¡{body}"),
                    _ => sentence.to_owned(),
                }
            })
            .collect(),
        _ => text.to_owned(),
    }
}

/// Applies one seeded edit of a random kind to the article's blocks.
fn edit(rng: &mut Rng, source: &str, index: usize) -> String {
    let mut blocks: Vec<String> = source.trim_end().split("\n\n").map(str::to_owned).collect();
    let body: Vec<usize> = (1..blocks.len())
        .filter(|&i| !blocks[i].starts_with('#') && !blocks[i].starts_with("- "))
        .collect();
    if body.len() < 3 {
        return source.to_owned();
    }
    let at = body[rng.below(body.len())];
    match rng.below(5) {
        0 => blocks[at] = blocks[at].replacen(" the ", " a ", 1).replacen('.', "!", 1),
        1 => {
            let n = rng.range(30, 120);
            blocks.insert(at, wrap(&paragraph(rng, n, &format!("n{index}ins"))));
        }
        2 => {
            blocks.remove(at);
        }
        3 => {
            let moved = blocks.remove(at);
            let to = body[rng.below(body.len() - 1)].min(blocks.len());
            blocks.insert(to, moved);
        }
        _ => {
            let flat = blocks[at].replace('\n', " ");
            if let Some(cut) = flat.find(". ").filter(|&c| c + 2 < flat.len()) {
                blocks.splice(at..=at, [wrap(&flat[..=cut]), wrap(&flat[cut + 2..])]);
            }
        }
    }
    blocks.join("\n\n") + "\n"
}

fn write(path: &Path, text: &str) -> Result<()> {
    write_atomic(path, text)
}

/// A POT: the PO entries with every translation and bitext comment removed.
fn pot_of(po: &str) -> String {
    let mut out = String::new();
    let mut in_msgstr = false;
    for line in po.lines() {
        if line.starts_with("#.") || line.starts_with("#,") || line.starts_with("#|") {
            continue;
        }
        if line.starts_with("msgstr") {
            in_msgstr = true;
            if out.ends_with("msgid \"\"\n") {
                out.push_str("msgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
            } else {
                out.push_str("msgstr \"\"\n");
            }
            continue;
        }
        if in_msgstr && line.starts_with('"') {
            continue;
        }
        in_msgstr = false;
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Writes a corpus for `spec` into the directory `out`.
///
/// # Errors
/// Any failed write, or a generated file bitext cannot read back.
pub fn generate(out: &Path, spec: Spec) -> Result<Summary> {
    let mut rng = Rng(spec.seed);
    let slugs: Vec<String> = (0..spec.articles)
        .map(|i| format!("article-{i:05}"))
        .collect();
    let mut config = String::from(
        "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n[[edition]]\nid = \"all\"\nvolume = 1\nnumber = 1\ndate = \"2024-01\"\narticles = [\n",
    );
    for slug in &slugs {
        let _ = writeln!(config, "  \"{slug}\",");
    }
    config.push_str("]\n");
    write(&out.join("bitext.toml"), &config)?;

    let mut sources = Vec::with_capacity(slugs.len());
    for (i, slug) in slugs.iter().enumerate() {
        let text = article(&mut rng, i);
        write(&out.join(format!("sources/{slug}.md")), &text)?;
        for lang in ["fr", "es"] {
            let mut file = TranslationFile::new(slug, lang);
            for s in segment(&text) {
                file.units.push(Unit {
                    target: translate(&s.text, lang),
                    id: s.id,
                    source: s.text,
                    state: Some(UnitState::Translated),
                    comment: None,
                });
            }
            write(
                &out.join(format!("translations/{lang}/{slug}.json")),
                &file.to_json(),
            )?;
        }
        sources.push(text);
    }

    let ws = Workspace::open(Some(out))?;
    let langs = [Lang::parse("fr")?, Lang::parse("es")?];
    let date = "2024-01-01 00:00+0000";
    if spec.gettext {
        for slug in &slugs {
            let slug = Slug::parse(slug)?;
            for lang in &langs {
                let po = bitext_core::exchange::po::write(&export_article(&ws, &slug, lang)?, date);
                write(&out.join(format!("po-old/{slug}.{lang}.po")), &po)?;
            }
        }
    }

    let mut edited = 0;
    for (i, slug) in slugs.iter().enumerate() {
        if rng.chance(spec.edit_fraction) {
            let text = edit(&mut rng, &sources[i], i);
            write(&out.join(format!("sources/{slug}.md")), &text)?;
            edited += 1;
        }
    }

    let mut segments = 0;
    for slug in &slugs {
        let slug = Slug::parse(slug)?;
        let article = ws.load_article(&slug)?;
        segments += article.segments.len();
        if !spec.gettext {
            continue;
        }
        for lang in &langs {
            let po = bitext_core::exchange::po::write(&export_article(&ws, &slug, lang)?, date);
            if lang.as_str() == "fr" {
                write(&out.join(format!("pot-new/{slug}.pot")), &pot_of(&po))?;
            }
            write(&out.join(format!("po/{slug}.{lang}.po")), &po)?;
        }
    }
    Ok(Summary { segments, edited })
}
