//! Pairing a translated page's blocks with the source's segments by structure, for `import`
//! and `adopt`.
//!
//! Each block has a class: heading, paragraph, list item, quote, table cell, front matter
//! field, or code (a block that is only inline code). Blocks pair only within their class.
//! What must survive translation anchors the pairing: a block's code (its placeholders
//! masked), URLs, e-mail addresses and numbers. A source block and a translated block with
//! the same class and the same anchors, found once on each side, pair for certain wherever
//! they are: examples the translator reordered pair by their code. Between such pairs (the
//! blocks before each of them, on each side), the rest is aligned by length
//! ([`crate::model::lengthalign`]), within classes only.
//!
//! A pair is *certain* when its anchors say so, or when its gap holds as many blocks of its
//! class on each side and the lengths agree. Anything else (a merge, a split, a gap where a
//! block was dropped or added, anchors that differ) is a pair to review: `import` and `adopt`
//! record it as a draft, never as translated.

use std::collections::HashMap;

use crate::model::code::{code_key, is_code_only, spans, without_code};
use crate::model::lengthalign::{
    Bead, Para, align_classes, length, length_probability, length_ratio, pair_confidence,
};
use crate::model::placeholder::Placeholders;
use crate::model::segment::SegmentKind;

/// Confidence below which a one-to-one pair is not certain.
pub const MIN_CONFIDENCE: f64 = 0.5;

/// How many times likelier by their lengths a pair must be than any other of its blocks, for
/// lengths alone to decide it where the translator reshaped the page.
const DECISIVE: f64 = 8.0;

/// What kind of block a paragraph is, for pairing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A heading, of any level.
    Heading,
    /// A paragraph.
    Paragraph,
    /// A list item.
    Item,
    /// A paragraph in a block quote.
    Quote,
    /// A table cell.
    Cell,
    /// A front matter field, by its key's position.
    Front(u8),
    /// A block that is inline code and punctuation only.
    Code,
}

/// The class of `para`.
#[must_use]
pub fn class(para: &Para) -> Class {
    if is_code_only(&para.text) {
        return Class::Code;
    }
    match para.kind {
        SegmentKind::Heading(_) => Class::Heading,
        SegmentKind::Paragraph if para.quoted => Class::Quote,
        SegmentKind::Paragraph => Class::Paragraph,
        SegmentKind::ListItem => Class::Item,
        SegmentKind::TableCell => Class::Cell,
        SegmentKind::FrontMatter(k) => Class::Front(k),
    }
}

/// Why a pair is to be reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doubt {
    /// Two source blocks in one translated block, or the reverse.
    Merged,
    /// The lengths do not agree.
    Length,
    /// The gap has more blocks of this class on one side: which one was dropped or added
    /// cannot be told.
    Ambiguous,
    /// The code differs.
    Anchors,
}

/// One step of a pairing: source blocks, translated blocks, how sure.
#[derive(Debug, Clone, PartialEq)]
pub struct Paired {
    /// Source indices (none for an extra translated block).
    pub source: Vec<usize>,
    /// Translated indices (none for a source block with no translation).
    pub target: Vec<usize>,
    /// The length aligner's confidence (1 for a pair its anchors make).
    pub confidence: f64,
    /// None when the pair is certain (or has an empty side).
    pub doubt: Option<Doubt>,
}

impl Paired {
    /// Returns true if and only if this is a one-to-one pair that may be recorded as
    /// translated.
    #[must_use]
    pub fn is_certain(&self) -> bool {
        self.source.len() == 1 && self.target.len() == 1 && self.doubt.is_none()
    }
}

/// A pairing, and whether the two structures differ.
#[derive(Debug, Clone)]
pub struct Pairing {
    /// The steps, in the source's order (extra translated blocks where they fall).
    pub pairs: Vec<Paired>,
    /// The classes of the blocks, in order, differ between the two sides.
    pub differs: bool,
}

/// What must survive translation in `text`: its code spans (placeholders masked), URLs,
/// e-mail addresses and the runs of digits of its numbers (so that `1,000` and `1 000`, `3.5`
/// and `3,5` agree), sorted.
#[must_use]
pub fn anchors(text: &str, placeholders: &Placeholders) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Most prose has none: no digit, code, address or link.
    let may = text
        .bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'`' | b'@'))
        || text.contains("://")
        || text.contains("www.");
    if !may {
        return out;
    }
    if text.contains('`') && !spans(text).is_empty() {
        for code in code_key(text, placeholders).split('\n') {
            out.push(format!("`{code}"));
        }
    }
    let prose = without_code(text);
    let prose = placeholders.mask(&prose, false);
    let mut rest = String::with_capacity(prose.len());
    for word in prose.split(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '[' | ']' | '«' | '»' | '"')
    }) {
        let trimmed = word.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’']);
        let url = trimmed.starts_with("http://")
            || trimmed.starts_with("https://")
            || trimmed.starts_with("www.");
        let email = trimmed.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.')
        });
        if url || email {
            out.push(format!("@{}", without_language(trimmed)));
        } else {
            rest.push_str(word);
            rest.push(' ');
        }
    }
    for digits in rest.split(|c: char| !c.is_ascii_digit()) {
        if !digits.is_empty() {
            out.push(digits.to_owned());
        }
    }
    out.sort();
    out
}

/// `url` without the path segments that name a language (`/en/`, `/fr/`, `/pt-br/`): a
/// translated page links to its own language's pages.
fn without_language(url: &str) -> String {
    url.split('/')
        .filter(|part| {
            let (lang, region) = part.split_once('-').unwrap_or((part, ""));
            let is_lang = (2..=3).contains(&lang.len())
                && lang.chars().all(|c| c.is_ascii_lowercase())
                && (region.is_empty()
                    || (2..=3).contains(&region.len())
                        && region.chars().all(|c| c.is_ascii_alphanumeric()));
            !is_lang || part.contains('.')
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The code among `anchors`: what must be the same for a pair to be certain (a link may be
/// written inline in one language and by reference in the other, and a number spelled out).
fn code(anchors: &[String]) -> impl Iterator<Item = &String> {
    anchors.iter().filter(|a| a.starts_with('`'))
}

/// The pairing of two pages of the same shape, block for block, with the same anchors at each
/// place: every pair is the one at its place, and the page one clean gap.
fn in_place(
    source: &[Para],
    target: &[Para],
    s_times: &[usize],
    t_times: &[usize],
    ratio: f64,
) -> Pairing {
    let pairs = (0..source.len())
        .map(|k| {
            let confidence = pair_confidence(&source[k], &target[k], ratio, MIN_CONFIDENCE);
            let doubt = if s_times[k] == t_times[k] {
                (confidence < MIN_CONFIDENCE).then_some(Doubt::Length)
            } else {
                Some(Doubt::Ambiguous)
            };
            Paired {
                source: vec![k],
                target: vec![k],
                confidence,
                doubt,
            }
        })
        .collect();
    Pairing {
        pairs,
        differs: false,
    }
}

/// How many times each block's text is among `paras`.
fn times(paras: &[Para]) -> Vec<usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for p in paras {
        *counts.entry(p.text.as_str()).or_default() += 1;
    }
    paras.iter().map(|p| counts[p.text.as_str()]).collect()
}

/// Whether anchors are enough to pair two blocks wherever they are: code, a URL or an
/// address, or two numbers at least.
fn strong(anchors: &[String]) -> bool {
    anchors
        .iter()
        .any(|a| a.starts_with('`') || a.starts_with('@'))
        || anchors.len() >= 2
}

/// Pairs `target` with `source` by structure. `fixed` holds pairs known for certain
/// beforehand (bitext's untranslated marker followed by a segment's text), in order.
#[must_use]
pub fn pair(
    source: &[Para],
    target: &[Para],
    fixed: &[(usize, usize)],
    placeholders: &Placeholders,
) -> Pairing {
    let s_class: Vec<Class> = source.iter().map(class).collect();
    let t_class: Vec<Class> = target.iter().map(class).collect();
    let s_anchors: Vec<Vec<String>> = source
        .iter()
        .map(|p| anchors(&p.text, placeholders))
        .collect();
    let t_anchors: Vec<Vec<String>> = target
        .iter()
        .map(|p| anchors(&p.text, placeholders))
        .collect();
    let (s_times, t_times) = (times(source), times(target));
    let ratio = length_ratio(source, target);
    if s_class == t_class && s_anchors == t_anchors && fixed.iter().all(|&(i, j)| i == j) {
        return in_place(source, target, &s_times, &t_times, ratio);
    }
    // Pairs made by anchors: the same class and anchors, once on each side.
    let mut certain: Vec<(usize, usize)> = fixed.to_vec();
    let taken_s: Vec<bool> = (0..source.len())
        .map(|i| fixed.iter().any(|f| f.0 == i))
        .collect();
    let taken_t: Vec<bool> = (0..target.len())
        .map(|j| fixed.iter().any(|f| f.1 == j))
        .collect();
    let key = |class: Class, anchors: &[String]| (class, anchors.join("\u{0}"));
    let mut s_keys: HashMap<(Class, String), Vec<usize>> = HashMap::new();
    for i in (0..source.len()).filter(|&i| !taken_s[i] && strong(&s_anchors[i])) {
        s_keys
            .entry(key(s_class[i], &s_anchors[i]))
            .or_default()
            .push(i);
    }
    let mut t_keys: HashMap<(Class, String), Vec<usize>> = HashMap::new();
    for j in (0..target.len()).filter(|&j| !taken_t[j] && strong(&t_anchors[j])) {
        t_keys
            .entry(key(t_class[j], &t_anchors[j]))
            .or_default()
            .push(j);
    }
    for (k, s) in &s_keys {
        if let (Some(t), [i]) = (t_keys.get(k), s.as_slice())
            && let [j] = t.as_slice()
        {
            certain.push((*i, *j));
        }
    }
    certain.sort_unstable();
    // The gap before each certain pair, on each side, and the gaps after the last.
    let mut t_sorted: Vec<usize> = certain.iter().map(|&(_, j)| j).collect();
    t_sorted.sort_unstable();
    let before_t = |j: usize| -> usize {
        let k = t_sorted.partition_point(|&x| x < j);
        if k == 0 { 0 } else { t_sorted[k - 1] + 1 }
    };
    let mut pairs = Vec::new();
    let mut s_from = 0;
    let mut s_free = vec![true; source.len()];
    let mut t_free = vec![true; target.len()];
    for &(i, j) in &certain {
        s_free[i] = false;
        t_free[j] = false;
    }
    let sides = Sides {
        source,
        target,
        s_free,
        t_free,
        s_times,
        t_times,
        s_class: &s_class,
        t_class: &t_class,
        s_anchors: &s_anchors,
        t_anchors: &t_anchors,
        s_len: source.iter().map(length).collect(),
        t_len: target.iter().map(length).collect(),
        ratio,
    };
    let gap = |s_range: std::ops::Range<usize>,
               t_range: std::ops::Range<usize>,
               pairs: &mut Vec<Paired>| {
        pairs.extend(sides.pair_gap(s_range, t_range));
    };
    for &(i, j) in &certain {
        gap(s_from..i, before_t(j)..j, &mut pairs);
        pairs.push(Paired {
            source: vec![i],
            target: vec![j],
            confidence: 1.0,
            doubt: None,
        });
        s_from = i + 1;
    }
    let t_from = t_sorted.last().map_or(0, |&j| j + 1);
    gap(s_from..source.len(), t_from..target.len(), &mut pairs);
    Pairing {
        pairs,
        differs: s_class != t_class,
    }
}

/// Both sides' blocks, with their classes and anchors.
struct Sides<'a> {
    source: &'a [Para],
    target: &'a [Para],
    s_class: &'a [Class],
    t_class: &'a [Class],
    s_anchors: &'a [Vec<String>],
    t_anchors: &'a [Vec<String>],
    /// The blocks not paired by their anchors, on each side.
    s_free: Vec<bool>,
    t_free: Vec<bool>,
    /// How many times each block's text is on its side.
    s_times: Vec<usize>,
    t_times: Vec<usize>,
    /// Each block's length.
    s_len: Vec<f64>,
    t_len: Vec<f64>,
    /// The translation's length per source character, over the whole documents.
    ratio: f64,
}

impl Sides<'_> {
    /// Aligns one gap by length within classes, and says how sure each pair is.
    fn pair_gap(
        &self,
        s_range: std::ops::Range<usize>,
        t_range: std::ops::Range<usize>,
    ) -> Vec<Paired> {
        let (s0, t0) = (s_range.start, t_range.start);
        let beads: Vec<Bead> = align_classes(
            &self.source[s_range.clone()],
            &self.target[t_range.clone()],
            &self.s_class[s_range.clone()],
            &self.t_class[t_range.clone()],
            self.ratio,
        );
        // A clean gap: every block paired one to one within its class, with the same code.
        // Anything else says the translator may have reshaped the page here: a line of code
        // that differs may be another example's.
        let count = |classes: &[Class]| {
            let mut counts: HashMap<Class, usize> = HashMap::new();
            for &c in classes {
                *counts.entry(c).or_default() += 1;
            }
            counts
        };
        let clean = count(&self.s_class[s_range.clone()]) == count(&self.t_class[t_range.clone()])
            && beads.iter().all(
                |bead| match (bead.source.as_slice(), bead.target.as_slice()) {
                    ([i], [j]) => code(&self.s_anchors[i + s0]).eq(code(&self.t_anchors[j + t0])),
                    _ => false,
                },
            );
        beads
            .into_iter()
            .map(|bead| {
                let s: Vec<usize> = bead.source.iter().map(|i| i + s0).collect();
                let t: Vec<usize> = bead.target.iter().map(|j| j + t0).collect();
                let doubt = match (s.as_slice(), t.as_slice()) {
                    ([], _) | (_, []) => None,
                    // A translated text found more often than its source: a block copied
                    // where another was dropped, maybe.
                    ([i], [j]) if self.s_times[*i] != self.t_times[*j] => Some(Doubt::Ambiguous),
                    ([i], [j]) if clean => {
                        if code(&self.s_anchors[*i]).eq(code(&self.t_anchors[*j])) {
                            (bead.confidence < MIN_CONFIDENCE).then_some(Doubt::Length)
                        } else {
                            Some(Doubt::Anchors)
                        }
                    }
                    ([i], [j]) => self.doubt(*i, *j, &s_range, &t_range),
                    _ => Some(Doubt::Merged),
                };
                Paired {
                    source: s,
                    target: t,
                    confidence: bead.confidence,
                    doubt,
                }
            })
            .collect()
    }

    /// Why the pair `i`, `j` of a gap the translator reshaped is not certain, if it is not:
    /// it stands if its anchors are found once in the gap on each side, or if its lengths make
    /// it far likelier than any other pairing of either block with a block of its class that
    /// anchors did not pair, anywhere in the page (a block may have been moved out of its
    /// gap with an example whose code is not found once).
    fn doubt(
        &self,
        i: usize,
        j: usize,
        s_range: &std::ops::Range<usize>,
        t_range: &std::ops::Range<usize>,
    ) -> Option<Doubt> {
        let anchors = &self.s_anchors[i];
        if !code(anchors).eq(code(&self.t_anchors[j])) {
            return Some(Doubt::Anchors);
        }
        let class = self.s_class[i];
        if !anchors.is_empty() && *anchors == self.t_anchors[j] {
            let once = |range: &std::ops::Range<usize>, classes: &[Class], all: &[Vec<String>]| {
                range
                    .clone()
                    .filter(|&k| classes[k] == class && all[k] == *anchors)
                    .count()
                    == 1
            };
            if once(s_range, self.s_class, self.s_anchors)
                && once(t_range, self.t_class, self.t_anchors)
            {
                return None;
            }
        }
        let likely = |from: usize, to: usize| {
            length_probability(self.s_len[from], self.t_len[to], self.ratio)
        };
        let here = likely(i, j);
        let rival = (0..self.target.len())
            .filter(|&other| {
                other != j
                    && self.t_free[other]
                    && self.t_class[other] == class
                    && code(&self.t_anchors[other]).eq(code(anchors))
            })
            .map(|other| likely(i, other))
            .chain(
                (0..self.source.len())
                    .filter(|&other| {
                        other != i
                            && self.s_free[other]
                            && self.s_class[other] == class
                            && code(&self.s_anchors[other]).eq(code(anchors))
                    })
                    .map(|other| likely(other, j)),
            )
            .fold(0.0_f64, f64::max);
        (here < MIN_CONFIDENCE || here < DECISIVE * rival).then_some(Doubt::Ambiguous)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str) -> Para {
        Para {
            text: text.to_owned(),
            kind: SegmentKind::ListItem,
            quoted: false,
        }
    }

    fn code(text: &str) -> Para {
        Para {
            text: format!("`{text}`"),
            kind: SegmentKind::Paragraph,
            quoted: false,
        }
    }

    fn shape(pairing: &Pairing) -> Vec<(Vec<usize>, Vec<usize>, bool)> {
        pairing
            .pairs
            .iter()
            .map(|p| (p.source.clone(), p.target.clone(), p.is_certain()))
            .collect()
    }

    #[test]
    fn numbers_and_code_anchor_across_languages() {
        let p = Placeholders::default();
        assert_eq!(
            anchors("Costs 1,000 dollars, see `wc -l {{file}}`", &p),
            anchors("Coûte 1 000 dollars, voir `wc -l {{fichier}}`", &p)
        );
        assert_eq!(
            anchors("Write to desk@example.org or https://example.org/a.", &p),
            ["@desk@example.org", "@https://example.org/a"]
        );
    }

    #[test]
    fn swapped_examples_pair_by_their_code() {
        let source = [
            item("Count lines in a file:"),
            code("wc -l {{path/to/file}}"),
            item("Count words in a file:"),
            code("wc -w {{path/to/file}}"),
        ];
        let target = [
            item("Compter les mots d'un fichier :"),
            code("wc -w {{chemin/du/fichier}}"),
            item("Compter les lignes d'un fichier :"),
            code("wc -l {{chemin/du/fichier}}"),
        ];
        let pairing = pair(&source, &target, &[], &Placeholders::default());
        let mut found = shape(&pairing);
        found.sort();
        assert_eq!(
            found,
            [
                (vec![0], vec![2], true),
                (vec![1], vec![3], true),
                (vec![2], vec![0], true),
                (vec![3], vec![1], true),
            ]
        );
        assert!(!pairing.differs);
    }

    #[test]
    fn a_dropped_example_leaves_its_neighbours_to_review() {
        let source = [
            item("Count lines in a file:"),
            code("wc -l {{path/to/file}}"),
            item("Count words in a file:"),
            code("wc -w {{path/to/file}}"),
            item("Count bytes:"),
            code("wc -c {{path/to/file}}"),
        ];
        // The second example dropped, and the first's code changed.
        let target = [
            item("Compter les lignes d'un fichier :"),
            code("wc -L {{chemin}}"),
            item("Compter les octets :"),
            code("wc -c {{chemin}}"),
        ];
        let pairing = pair(&source, &target, &[], &Placeholders::default());
        assert!(pairing.differs);
        let translated: Vec<(usize, usize)> = pairing
            .pairs
            .iter()
            .filter(|p| p.is_certain())
            .map(|p| (p.source[0], p.target[0]))
            .collect();
        assert_eq!(translated, [(5, 3)], "{:?}", pairing.pairs);
        // Nothing paired across classes.
        for p in &pairing.pairs {
            for (&i, &j) in p.source.iter().zip(&p.target) {
                assert_eq!(class(&source[i]), class(&target[j]), "{p:?}");
            }
        }
    }

    mod property {
        use super::*;
        use proptest::prelude::*;

        const WORDS: [&str; 16] = [
            "count", "lines", "in", "a", "file", "show", "the", "open", "ports", "of", "host",
            "send", "data", "to", "server", "listen",
        ];

        /// A description of `n` words from `seed`, and its "translation": each word
        /// respelled, about as long.
        fn description(words: &[usize]) -> (String, String) {
            let en: Vec<&str> = words.iter().map(|&w| WORDS[w % WORDS.len()]).collect();
            let fr: Vec<String> = en
                .iter()
                .map(|w| format!("{}{}", w.chars().rev().collect::<String>(), "e"))
                .collect();
            (format!("{}:", en.join(" ")), format!("{} :", fr.join(" ")))
        }

        /// What the translator does to the examples.
        #[derive(Debug, Clone)]
        enum Edit {
            DropExample(usize),
            DuplicateExample(usize),
            SwapExamples(usize, usize),
            DropBlock(usize),
            DuplicateBlock(usize),
        }

        /// Up to four edits of whole examples, or one of a single block. (Several edits of
        /// single blocks can leave nothing to tell a page apart from another: swap two
        /// examples, then drop the first one's description and the second one's code, and
        /// the description left stands before the code it does not describe, with the same
        /// shape as a page where nothing moved.)
        fn edits() -> impl Strategy<Value = Vec<Edit>> {
            let example = prop_oneof![
                (0..20usize).prop_map(Edit::DropExample),
                (0..20usize).prop_map(Edit::DuplicateExample),
                (0..20usize, 0..20usize).prop_map(|(a, b)| Edit::SwapExamples(a, b)),
            ];
            let block = prop_oneof![
                (0..40usize).prop_map(Edit::DropBlock),
                (0..40usize).prop_map(Edit::DuplicateBlock),
            ];
            prop_oneof![
                prop::collection::vec(example, 1..5),
                block.prop_map(|e| vec![e]),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// A page of examples with distinct commands, translated, then reshaped by
            /// dropping, duplicating and swapping examples or blocks: no pair recorded as
            /// certain joins a translated block to a source block it does not translate.
            #[test]
            fn reshaped_translations_never_make_a_wrong_certain_pair(
                examples in prop::collection::vec(prop::collection::vec(0..16usize, 2..7), 2..9),
                edits in edits(),
            ) {
                let mut source = vec![Para {
                    text: "nc".to_owned(),
                    kind: SegmentKind::Heading(1),
                    quoted: false,
                }];
                // Each translated block, with the source block it translates.
                let mut blocks: Vec<Vec<(Para, usize)>> = Vec::new();
                source.push(Para { text: "Read and write data.".to_owned(), kind: SegmentKind::Paragraph, quoted: true });
                let head = vec![
                    (Para { text: "nc".to_owned(), kind: SegmentKind::Heading(1), quoted: false }, 0),
                    (Para { text: "Lire et écrire des données.".to_owned(), kind: SegmentKind::Paragraph, quoted: true }, 1),
                ];
                for (k, words) in examples.iter().enumerate() {
                    let (en, fr) = description(words);
                    source.push(item(&en));
                    source.push(code(&format!("cmd{k} -x {{{{path/to/file}}}}")));
                    let n = source.len();
                    blocks.push(vec![
                        (item(&fr), n - 2),
                        (code(&format!("cmd{k} -x {{{{chemin/du/fichier}}}}")), n - 1),
                    ]);
                }
                for edit in &edits {
                    let len = blocks.len();
                    match *edit {
                        Edit::DropExample(a) if len > 1 => { blocks.remove(a % len); }
                        Edit::DuplicateExample(a) => {
                            let copy = blocks[a % len].clone();
                            blocks.insert(a % len, copy);
                        }
                        Edit::SwapExamples(a, b) => blocks.swap(a % len, b % len),
                        Edit::DropBlock(a) => {
                            let e = (a / 2) % len;
                            let n = blocks[e].len();
                            if n > 1 {
                                blocks[e].remove(a % n);
                            }
                        }
                        Edit::DuplicateBlock(a) => {
                            let e = (a / 2) % len;
                            let b = a % blocks[e].len();
                            let copy = blocks[e][b].clone();
                            blocks[e].insert(b, copy);
                        }
                        Edit::DropExample(_) => {}
                    }
                }
                let target: Vec<(Para, usize)> = head.into_iter().chain(blocks.into_iter().flatten()).collect();
                let paras: Vec<Para> = target.iter().map(|(p, _)| p.clone()).collect();
                let pairing = pair(&source, &paras, &[], &Placeholders::default());
                for p in pairing.pairs.iter().filter(|p| p.is_certain()) {
                    let (i, j) = (p.source[0], p.target[0]);
                    // Two examples may describe alike: the same text, the same translation.
                    prop_assert_eq!(
                        &source[target[j].1].text, &source[i].text,
                        "{:?} certain for {:?} but translates {:?}",
                        paras[j].text, source[i].text, source[target[j].1].text
                    );
                }
                // Every block is in the pairing once.
                let mut seen_s: Vec<usize> = pairing.pairs.iter().flat_map(|p| p.source.clone()).collect();
                let mut seen_t: Vec<usize> = pairing.pairs.iter().flat_map(|p| p.target.clone()).collect();
                seen_s.sort_unstable();
                seen_t.sort_unstable();
                prop_assert_eq!(seen_s, (0..source.len()).collect::<Vec<_>>());
                prop_assert_eq!(seen_t, (0..paras.len()).collect::<Vec<_>>());
            }
        }
    }
}
