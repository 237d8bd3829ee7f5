//! Aligning the paragraphs of an already-translated document with the source's segments, in
//! the manner of Gale and Church (1993): a dynamic programme over paragraph lengths in
//! characters with 1-1, 1-0, 0-1, 2-1 and 1-2 beads, where a translated paragraph's length is
//! expected to be the source's times the documents' overall length ratio, with a variance
//! growing with length. Headings and the numbers and names two paragraphs share act as anchors.

use std::collections::HashSet;

use crate::model::segment::SegmentKind;

/// A paragraph to align: its text and what kind of block it is.
#[derive(Debug, Clone)]
pub struct Para {
    /// Plain or Markdown text.
    pub text: String,
    /// Heading, paragraph, ...
    pub kind: SegmentKind,
    /// Whether the paragraph is in a block quote.
    pub quoted: bool,
}

/// One step of an alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    /// Source indices (0, 1 or 2).
    pub source: Vec<usize>,
    /// Target indices (0, 1 or 2).
    pub target: Vec<usize>,
    /// How likely the pairing is, from 0 to 1 (0 for 1-0 and 0-1 beads).
    pub confidence: f64,
}

/// Variance of the translated length per source character (Gale and Church's s²).
const VARIANCE: f64 = 6.8;
/// Prior probabilities of the bead shapes.
const P_ONE_ONE: f64 = 0.89;
const P_ONE_ZERO: f64 = 0.005;
const P_TWO_ONE: f64 = 0.0445;
/// Fixed cost of a 1-0 or 0-1 bead on top of its prior.
const SKIP_PENALTY: f64 = 4.0;
/// Extra cost of pairing a heading with a non-heading.
const KIND_MISMATCH: f64 = 6.0;
/// Weight of shared anchors (numbers, names) in lowering a pairing's cost.
const ANCHOR_WEIGHT: f64 = 4.0;
/// Half-width of the band searched around the diagonal, for long documents.
const BAND: usize = 60;

/// Aligns `source` with `target`, in order.
#[must_use]
pub fn align(source: &[Para], target: &[Para]) -> Vec<Bead> {
    let structured = source.iter().any(is_heading) && target.iter().any(is_heading);
    run(source, target, None, |src, tgt| {
        kind_cost(src, tgt, source, target, structured)
    })
}

/// Aligns `source` with `target`, in order, pairing blocks of the same class only
/// (`s_class` and `t_class`, one per block): a pair and a merge join blocks of one class, and
/// never two headings. `ratio` is the translation's length per source character, from the
/// whole documents when these are a part of them.
#[must_use]
pub fn align_classes(
    source: &[Para],
    target: &[Para],
    s_class: &[crate::model::pairing::Class],
    t_class: &[crate::model::pairing::Class],
    ratio: f64,
) -> Vec<Bead> {
    use crate::model::pairing::Class;
    run(source, target, Some(ratio), |src, tgt| {
        let mut classes = src
            .iter()
            .map(|&i| s_class[i])
            .chain(tgt.iter().map(|&j| t_class[j]));
        let first = classes.next()?;
        let merged = src.len() > 1 || tgt.len() > 1;
        (classes.all(|c| c == first) && !(merged && first == Class::Heading)).then_some(0.0)
    })
}

/// The dynamic programme, with `kinds` the extra cost a bead owes to its blocks' kinds (none
/// when they rule it out).
#[allow(
    clippy::cast_precision_loss,
    reason = "paragraph lengths and anchor counts stay far below 2^52"
)]
fn run(
    source: &[Para],
    target: &[Para],
    ratio: Option<f64>,
    kinds: impl Fn(&[usize], &[usize]) -> Option<f64>,
) -> Vec<Bead> {
    let (m, n) = (source.len(), target.len());
    let src_len: Vec<f64> = source.iter().map(length).collect();
    let tgt_len: Vec<f64> = target.iter().map(length).collect();
    let ratio = ratio.unwrap_or_else(|| length_ratio(source, target));
    let src_anchors: Vec<HashSet<String>> = source.iter().map(|p| anchors(&p.text)).collect();
    let tgt_anchors: Vec<HashSet<String>> = target.iter().map(|p| anchors(&p.text)).collect();

    let pair_cost = |src: &[usize], tgt: &[usize]| -> (f64, f64) {
        let Some(kinds) = kinds(src, tgt) else {
            return (f64::INFINITY, 0.0);
        };
        let l1: f64 = src.iter().map(|&i| src_len[i]).sum();
        let l2: f64 = tgt.iter().map(|&j| tgt_len[j]).sum();
        let p_len = length_probability(l1, l2, ratio);
        let prior = match (src.len(), tgt.len()) {
            (1, 1) => P_ONE_ONE,
            (1, 0) | (0, 1) => P_ONE_ZERO,
            _ => P_TWO_ONE,
        };
        // A dropped or added paragraph costs its prior and a fixed penalty: its length says
        // nothing about a pairing, and would otherwise make any merge look cheaper.
        let mut cost = if src.is_empty() || tgt.is_empty() {
            -prior.ln() + SKIP_PENALTY
        } else {
            -prior.ln() - p_len.max(1e-12).ln()
        };
        let mut anchor = 0.0;
        if !src.is_empty() && !tgt.is_empty() {
            anchor = if let ([i], [j]) = (src, tgt) {
                shared(&src_anchors[*i], &tgt_anchors[*j])
            } else {
                let a: HashSet<&String> = src.iter().flat_map(|&i| &src_anchors[i]).collect();
                let b: HashSet<&String> = tgt.iter().flat_map(|&j| &tgt_anchors[j]).collect();
                overlap(a.len(), b.len(), a.intersection(&b).count())
            };
            cost -= ANCHOR_WEIGHT * anchor;
            cost += kinds;
        }
        let confidence = if src.is_empty() || tgt.is_empty() {
            0.0
        } else {
            confidence(l1, l2, ratio, anchor)
        };
        (cost, confidence)
    };

    let lo = |i: usize| (i * n / m.max(1)).saturating_sub(BAND + m.abs_diff(n));
    let hi = |i: usize| (i * n / m.max(1) + BAND + m.abs_diff(n)).min(n);
    let mut cost = vec![vec![f64::INFINITY; n + 1]; m + 1];
    let mut back = vec![vec![(0usize, 0usize); n + 1]; m + 1];
    cost[0][0] = 0.0;
    for i in 0..=m {
        for j in lo(i)..=hi(i) {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (f64::INFINITY, (0, 0));
            for (di, dj) in [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)] {
                if i < di || j < dj || !cost[i - di][j - dj].is_finite() {
                    continue;
                }
                let src: Vec<usize> = (i - di..i).collect();
                let tgt: Vec<usize> = (j - dj..j).collect();
                let c = cost[i - di][j - dj] + pair_cost(&src, &tgt).0;
                if c < best.0 {
                    best = (c, (di, dj));
                }
            }
            cost[i][j] = best.0;
            back[i][j] = best.1;
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (m, n);
    while i > 0 || j > 0 {
        let (di, dj) = back[i][j];
        if di == 0 && dj == 0 {
            break;
        }
        let src: Vec<usize> = (i - di..i).collect();
        let tgt: Vec<usize> = (j - dj..j).collect();
        let confidence = pair_cost(&src, &tgt).1;
        beads.push(Bead {
            source: src,
            target: tgt,
            confidence,
        });
        i -= di;
        j -= dj;
    }
    beads.reverse();
    beads
}

/// The length of `para` in characters, white space and link destinations aside (one
/// language writes a link inline, `[text](url)`, where the other refers to it, `[text][]`).
#[allow(
    clippy::cast_precision_loss,
    reason = "paragraph lengths stay far below 2^52"
)]
#[must_use]
pub fn length(para: &Para) -> f64 {
    count_outside_destinations(&para.text, |c| !c.is_whitespace()) as f64
}

/// The characters of `text` that `counted` accepts, link destinations aside: what follows
/// `](` up to `)`, and `][` up to `]`.
#[must_use]
pub fn count_outside_destinations(text: &str, counted: impl Fn(char) -> bool) -> usize {
    if !text.contains(']') {
        return text.chars().filter(|&c| counted(c)).count();
    }
    let mut count = 0usize;
    let mut rest = text;
    while let Some(at) = [rest.find("]("), rest.find("][")]
        .into_iter()
        .flatten()
        .min()
    {
        count += rest[..=at].chars().filter(|&c| counted(c)).count();
        let after = &rest[at + 2..];
        let close = if rest[at..].starts_with("](") {
            ')'
        } else {
            ']'
        };
        match after.find(close) {
            Some(end) => rest = &after[end + 1..],
            None => {
                rest = after;
                break;
            }
        }
    }
    count + rest.chars().filter(|&c| counted(c)).count()
}

/// The translation's length per source character over two documents.
#[must_use]
pub fn length_ratio(source: &[Para], target: &[Para]) -> f64 {
    let (s, t): (f64, f64) = (
        source.iter().map(length).sum(),
        target.iter().map(length).sum(),
    );
    if s > 0.0 && t > 0.0 { t / s } else { 1.0 }
}

/// The share of the anchors two texts have in common (of the smaller set), when both have
/// two at least.
#[allow(
    clippy::cast_precision_loss,
    reason = "anchor counts stay far below 2^52"
)]
fn overlap(a: usize, b: usize, common: usize) -> f64 {
    let smaller = a.min(b);
    if smaller >= 2 {
        common as f64 / smaller as f64
    } else {
        0.0
    }
}

/// [`overlap`] of two anchor sets.
fn shared(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    overlap(
        a.len(),
        b.len(),
        a.iter().filter(|x| b.contains(*x)).count(),
    )
}

/// How likely a pair of `l1` and `l2` characters is, its anchors sharing `anchor`:
/// confidence tolerates twice the deviation the cost does, since translators' lengths vary
/// more per paragraph than per sentence.
fn confidence(l1: f64, l2: f64, ratio: f64, anchor: f64) -> f64 {
    let tolerant = length_probability_scaled(l1, l2, ratio, 2.0);
    1.0 - (1.0 - tolerant) * (1.0 - anchor)
}

/// The confidence [`align`] gives the one-to-one pair of `source` and `target`, as far as it
/// decides anything: when the lengths alone reach `enough`, the names and numbers the two
/// share (which only raise it) are not looked for.
#[must_use]
pub fn pair_confidence(source: &Para, target: &Para, ratio: f64, enough: f64) -> f64 {
    let (l1, l2) = (length(source), length(target));
    let by_length = confidence(l1, l2, ratio, 0.0);
    if by_length >= enough {
        return by_length;
    }
    confidence(
        l1,
        l2,
        ratio,
        shared(&anchors(&source.text), &anchors(&target.text)),
    )
}

fn is_heading(para: &Para) -> bool {
    matches!(para.kind, SegmentKind::Heading(_))
}

/// The extra cost a bead owes to the kinds of its paragraphs, or `None` when headings rule it
/// out. A heading is a block of its own: it never merges with a neighbour, so a heading the
/// translator dropped is a 1-0 bead (missing), not half of a 2-1 with the next paragraph.
/// When both documents mark their headings (`structured`), a heading pairs with a heading
/// only; a plain-text translation has none, so there a mismatch is merely unlikely.
fn kind_cost(
    src: &[usize],
    tgt: &[usize],
    source: &[Para],
    target: &[Para],
    structured: bool,
) -> Option<f64> {
    let merges_heading = |side: &[usize], paras: &[Para]| {
        side.len() > 1 && side.iter().any(|&i| is_heading(&paras[i]))
    };
    if merges_heading(src, source) || merges_heading(tgt, target) {
        return None;
    }
    if src.is_empty() || tgt.is_empty() {
        return Some(0.0);
    }
    let src_heading = src.iter().any(|&i| is_heading(&source[i]));
    let tgt_heading = tgt.iter().any(|&j| is_heading(&target[j]));
    match (src_heading == tgt_heading, structured) {
        (true, _) => Some(0.0),
        (false, true) => None,
        (false, false) => Some(KIND_MISMATCH),
    }
}

/// Probability that a source of `l1` characters is translated by `l2`, two-tailed.
#[must_use]
pub fn length_probability(l1: f64, l2: f64, ratio: f64) -> f64 {
    length_probability_scaled(l1, l2, ratio, 1.0)
}

/// As [`length_probability`] with the deviation divided by `scale`.
fn length_probability_scaled(l1: f64, l2: f64, ratio: f64, scale: f64) -> f64 {
    let mean = f64::midpoint(l1, l2 / ratio);
    if mean <= 0.0 {
        return 1.0;
    }
    let delta = (l2 - l1 * ratio) / (mean * VARIANCE).sqrt() / scale;
    2.0 * (1.0 - normal_cdf(delta.abs()))
}

/// The standard normal cumulative distribution (Abramowitz and Stegun 26.2.17).
fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let poly = t
        * (0.319_381_53
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if x >= 0.0 { 1.0 - tail } else { tail }
}

/// Numbers and capitalised words (names) of a paragraph: strings that survive translation.
fn anchors(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut sentence_start = true;
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            let is_number = word.chars().all(|c| c.is_ascii_digit());
            let is_name = !sentence_start
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().count() >= 3;
            if is_number || is_name {
                out.insert(std::mem::take(&mut word));
            }
            word.clear();
            sentence_start = false;
        }
        if matches!(c, '.' | '!' | '?' | ':' | '¡' | '¿') {
            sentence_start = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Para {
        Para {
            text: text.to_owned(),
            kind: SegmentKind::Paragraph,
            quoted: false,
        }
    }

    #[test]
    fn link_destinations_do_not_count_in_lengths() {
        assert!((length(&para("a [b](https://example.org/x) c")) - 5.0).abs() < 1e-9);
        assert!((length(&para("a [b][] c")) - 5.0).abs() < 1e-9);
        assert!((length(&para("a [b][ref] c [d](e)")) - 8.0).abs() < 1e-9);
        assert!((length(&para("plain text")) - 9.0).abs() < 1e-9);
    }

    #[test]
    fn the_normal_distribution_is_right_enough() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-6);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-3);
        assert!((normal_cdf(-1.0) - 0.1587).abs() < 1e-3);
    }

    #[test]
    fn anchors_are_numbers_and_names() {
        let found = anchors("In 2023 the president Pedro Castillo met 14 leaders in Lima.");
        for expected in ["2023", "Pedro", "Castillo", "14", "Lima"] {
            assert!(found.contains(expected), "{expected}");
        }
        assert!(
            !found.contains("In"),
            "a sentence's first word is not a name"
        );
    }

    #[test]
    fn equal_counts_align_one_to_one_and_a_merge_is_found() {
        let source = [
            para("aaaa aaaa aaaa"),
            para("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"),
            para("cc cc"),
        ];
        let target = [
            para("AAAA AAAA AAAAA"),
            para("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"),
            para("CC CC"),
        ];
        let beads = align(&source, &target);
        assert_eq!(
            beads
                .iter()
                .map(|b| (b.source.clone(), b.target.clone()))
                .collect::<Vec<_>>(),
            [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]
        );
        let merged = [
            para(
                "AAAA AAAA AAAAA BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
            ),
            para("CC CC"),
        ];
        let beads = align(&source, &merged);
        assert_eq!(beads[0].source, vec![0, 1]);
        assert_eq!(beads[0].target, vec![0]);
    }

    #[test]
    fn a_dropped_heading_is_missing_not_merged_into_the_next_paragraph() {
        let heading = |text: &str| Para {
            text: text.to_owned(),
            kind: SegmentKind::Heading(2),
            quoted: false,
        };
        let source = [
            para("The council met on Monday to discuss the budget for the coming year."),
            heading("For Your Information"),
            para("The deposed president was arrested on his way to the embassy in Lima."),
        ];
        let target = [
            para("Le conseil s'est réuni lundi pour discuter du budget de l'année à venir."),
            para("Le président déchu a été arrêté en route vers l'ambassade, à Lima, hier."),
        ];
        let shapes: Vec<(Vec<usize>, Vec<usize>)> = align(&source, &target)
            .into_iter()
            .map(|b| (b.source, b.target))
            .collect();
        assert_eq!(
            shapes,
            [(vec![0], vec![0]), (vec![1], vec![]), (vec![2], vec![1])]
        );
    }
}
