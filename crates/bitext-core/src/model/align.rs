//! Matching a translation file's units to an article's current segments (invariant 7).
//!
//! First a paragraph-level diff over the texts (with ids, to tell repeated paragraphs apart)
//! anchors every unchanged paragraph, then moved paragraphs are matched by exact text, and
//! a unit `sync` attached to a segment (same id, earlier text) keeps its link. Only inside the
//! regions left between anchors are paragraphs compared word by word, as a small dynamic
//! programme with 1-1 (edited), 1-2 (split), 2-1 (merged), 1-0 (deleted) and 0-1 (inserted)
//! beads. Ordinary edits make small regions, so the cost stays near-linear in the number of
//! segments; a huge region is searched in a band around its diagonal instead of over all
//! pairs. Two paragraphs are compared by the words they share in order (the longest common
//! subsequence of their words), which [`WordMasks`] computes with a few machine operations
//! per word, so that even a band over thousands of edited paragraphs costs little.
//!
//! A similarity link only ever makes a segment `stale` (a translation to review), never
//! `current`: that is decided by exact text alone. It only ever joins texts of one kind: a
//! paragraph that is only inline code (a command line in a reference page) to another such
//! paragraph, prose to prose ([`same_kind`]). A command shares words with the title or the
//! description that names it, but the translation of one is never a translation to review of
//! the other.
//!
//! Longer than 600 lines with its tests: the anchoring diff, the region search and the
//! banded dynamic programme are one algorithm whose invariants (a similarity link never makes
//! a segment `current`) are easiest to keep true read together; the tests are a third of it.

use std::collections::VecDeque;

use sha2::{Digest, Sha256};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::model::code::is_code_only;
use crate::model::lcs::{FastMap, Pattern};
use crate::model::segment::Segment;
use crate::model::translation::Unit;

/// Where a segment's translation comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// No unit: the segment is new.
    None,
    /// A live unit made from exactly this text.
    Exact(usize),
    /// An obsolete unit made from exactly this text (a paragraph that came back).
    ExactObsolete(usize),
    /// Live units made from earlier text of this paragraph: one for an edit or a split, two
    /// (in order) for a merge.
    Similar(Vec<usize>),
}

/// The version of the alignment's decisions: a saved alignment made by another version is
/// never read. Raise it with any change that can link a segment differently.
pub const VERSION: u32 = 3;

/// A digest of everything [`align`] reads: each segment's text and id, each unit's source,
/// id and whether it has a translation, each obsolete unit's source and whether it has one,
/// and [`VERSION`]. The same inputs always give the same links, so links saved with this
/// digest can stand for a new alignment of inputs with the same digest.
#[must_use]
pub fn fingerprint(units: &[Unit], obsolete: &[Unit], segments: &[Segment]) -> [u8; 32] {
    let mut hash = Sha256::new();
    let mut field = |bytes: &[u8]| {
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    field(&VERSION.to_le_bytes());
    for list in [units, obsolete] {
        field(&(list.len() as u64).to_le_bytes());
        for unit in list {
            field(unit.source.as_bytes());
            field(unit.id.as_bytes());
            field(&[u8::from(unit.has_target())]);
        }
    }
    field(&(segments.len() as u64).to_le_bytes());
    for segment in segments {
        field(segment.text.as_bytes());
        field(segment.id.as_bytes());
    }
    hash.finalize().into()
}

/// Half-width, in segments, of the band searched around a region's diagonal.
const BAND: usize = 16;

/// Links every segment to the units it takes its translation from.
///
/// The result has one entry per segment, in order.
#[must_use]
pub fn align(units: &[Unit], obsolete: &[Unit], segments: &[Segment]) -> Vec<Link> {
    align_with_stats(units, obsolete, segments).0
}

/// How much word-level work an alignment did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlignStats {
    /// Word-level comparisons of two texts (the expensive step).
    pub comparisons: usize,
}

/// As [`align`], also reporting how many word-level comparisons it made, so that tests can
/// check the cost stays proportional to the edits rather than to the article.
#[must_use]
pub fn align_with_stats(
    units: &[Unit],
    obsolete: &[Unit],
    segments: &[Segment],
) -> (Vec<Link>, AlignStats) {
    let mut stats = AlignStats::default();
    let old: Vec<&str> = units.iter().map(|u| u.source.as_str()).collect();
    let new: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
    // Anchors are keyed by text and id together: with repeated identical paragraphs, text
    // alone is ambiguous, and the id (which `sync` keeps equal to the segment's) says which
    // occurrence a unit belongs to. Units whose id is out of date are matched by text below.
    let old_keys: Vec<(&str, &str)> = units
        .iter()
        .map(|u| (u.source.as_str(), u.id.as_str()))
        .collect();
    let new_keys: Vec<(&str, &str)> = segments
        .iter()
        .map(|s| (s.text.as_str(), s.id.as_str()))
        .collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys);

    let mut links = vec![Link::None; new.len()];
    let mut old_used = vec![false; old.len()];
    for op in &ops {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            for k in 0..len {
                links[new_index + k] = Link::Exact(old_index + k);
                old_used[old_index + k] = true;
            }
        }
    }

    // Moved paragraphs and out-of-date ids: same text, not anchored above.
    let mut unmatched_old: FastMap<&str, VecDeque<usize>> = FastMap::default();
    for (i, text) in old.iter().enumerate() {
        if !old_used[i] {
            unmatched_old.entry(text).or_default().push_back(i);
        }
    }
    if !unmatched_old.is_empty() {
        for (j, text) in new.iter().enumerate() {
            if links[j] == Link::None
                && let Some(i) = unmatched_old.get_mut(text).and_then(VecDeque::pop_front)
            {
                links[j] = Link::Exact(i);
                old_used[i] = true;
            }
        }
    }

    // Changed regions: word-level similarity between what is left on each side.
    for op in &ops {
        if matches!(op, DiffOp::Equal { .. }) {
            continue;
        }
        let olds: Vec<usize> = op.old_range().filter(|&i| !old_used[i]).collect();
        let news: Vec<usize> = op.new_range().filter(|&j| links[j] == Link::None).collect();
        if olds.is_empty() || news.is_empty() {
            continue;
        }
        let old_region: Vec<(&str, &str)> = olds.iter().map(|&i| old_keys[i]).collect();
        let new_region: Vec<(&str, &str)> = news.iter().map(|&j| new_keys[j]).collect();
        for (j, group) in align_changed(&old_region, &new_region, &mut stats) {
            links[news[j]] = Link::Similar(group.into_iter().map(|i| olds[i]).collect());
        }
    }

    reuse_exact(units, obsolete, &new, &mut old_used, &mut links);
    link_moved_and_edited(
        units,
        &old_keys,
        &new_keys,
        &mut old_used,
        &mut links,
        &mut stats,
    );
    link_split_pieces(units, &new_keys, &mut links, &mut stats);
    link_edited_copies(units, &new_keys, &mut links, &mut stats);
    (links, stats)
}

/// The segments without a translation made from exactly their text, by text. The passes
/// that share units only turn a missing link into a similarity link, so this stays true
/// through them and is computed once.
fn lacking_exact<'a>(new_keys: &[(&'a str, &str)], links: &[Link]) -> FastMap<&'a str, Vec<usize>> {
    let mut lacking: FastMap<&str, Vec<usize>> = FastMap::default();
    for (k, (key, link)) in new_keys.iter().zip(links).enumerate() {
        if !matches!(link, Link::Exact(_) | Link::ExactObsolete(_)) {
            lacking.entry(key.0).or_default().push(k);
        }
    }
    lacking
}

/// Returns true if and only if unit `i` may be shared with segment `j` by a similarity link:
/// its source is not `j`'s text (that unit belongs to another occurrence of it), and every
/// other segment with exactly its source text has a translation made from that text
/// (`lacking`, from [`lacking_exact`]). Sharing it otherwise would let `sync` write a copy of
/// that text at `j`, which such a segment takes by exact text on the next reading: a state
/// that `sync` changed (a repeated heading that was stale before `sync` and current after it).
fn shareable(
    units: &[Unit],
    new_keys: &[(&str, &str)],
    lacking: &FastMap<&str, Vec<usize>>,
    i: usize,
    j: usize,
) -> bool {
    let source = units[i].source.as_str();
    source != new_keys[j].0
        && lacking
            .get(source)
            .is_none_or(|segments| segments.iter().all(|&k| k == j))
}

/// A paragraph split into three or more parts: the bead search links two parts at most, so
/// a part left over next to a part linked to a unit takes that unit too, when its words come
/// from it. Repeated until no part changes, so that every part of a long split is reached.
fn link_split_pieces(
    units: &[Unit],
    new_keys: &[(&str, &str)],
    links: &mut [Link],
    stats: &mut AlignStats,
) {
    let lacking = lacking_exact(new_keys, links);
    let mut pattern = Pattern::default();
    let mut changed = true;
    while changed {
        changed = false;
        for j in 0..links.len() {
            if links[j] != Link::None {
                continue;
            }
            let neighbours = [j.checked_sub(1), Some(j + 1)];
            for k in neighbours.into_iter().flatten() {
                let Some(Link::Similar(group)) = links.get(k) else {
                    continue;
                };
                let [i] = group.as_slice() else {
                    continue;
                };
                let i = *i;
                if !units[i].has_target() || !shareable(units, new_keys, &lacking, i, j) {
                    continue;
                }
                let mut interner = Interner {
                    ids: FastMap::default(),
                    scratch: Vec::new(),
                };
                let old = interner.tokens(&units[i].source);
                let new = interner.tokens(new_keys[j].0);
                if !same_kind(&old, &new) {
                    continue;
                }
                pattern.set(&old.word_ids);
                // Containing 80 % of the piece's words (at least three) makes them related.
                let c = related_words(&pattern, &new.word_ids, stats).unwrap_or(0);
                if c >= 3 && c * 100 / new.words.max(1) >= 80 {
                    links[j] = Link::Similar(vec![i]);
                    changed = true;
                    break;
                }
            }
        }
    }
}

/// A paragraph copied elsewhere and edited where it was: the unchanged copy keeps the
/// unit, and the edited one, left without a link, shares it (stale), when it is clearly the
/// same paragraph. Bounded like [`link_moved_and_edited`].
fn link_edited_copies(
    units: &[Unit],
    new_keys: &[(&str, &str)],
    links: &mut [Link],
    stats: &mut AlignStats,
) {
    let olds: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].has_target())
        .collect();
    let news: Vec<usize> = (0..links.len())
        .filter(|&j| links[j] == Link::None)
        .collect();
    if olds.is_empty() || news.is_empty() || olds.len() * news.len() > MOVED_PAIRS {
        return;
    }
    let lacking = lacking_exact(new_keys, links);
    let mut interner = Interner {
        ids: FastMap::default(),
        scratch: Vec::new(),
    };
    let old_tokens: Vec<Tokens> = olds
        .iter()
        .map(|&i| interner.tokens(&units[i].source))
        .collect();
    let mut pattern = Pattern::default();
    for &j in &news {
        let new = interner.tokens(new_keys[j].0);
        // The words shared in order are the same whichever text is the pattern.
        pattern.set(&new.word_ids);
        let mut best: Option<(usize, usize)> = None;
        for (a, old) in old_tokens.iter().enumerate() {
            if !same_kind(old, &new) || !shareable(units, new_keys, &lacking, olds[a], j) {
                continue;
            }
            if let Some(c) = related_words(&pattern, &old.word_ids, stats)
                && best.is_none_or(|(bc, _)| c > bc)
            {
                best = Some((c, a));
            }
        }
        if let Some((_, a)) = best {
            links[j] = Link::Similar(vec![olds[a]]);
        }
    }
}

/// A paragraph left without a translation takes one made from exactly its text, if a unit
/// no other segment uses has it: a live unit (say, a duplicate that lost its anchor) or an
/// obsolete one (a paragraph that came back). Live first, so that states are the same before
/// and after `sync` moves such units to the obsolete list.
fn reuse_exact(
    units: &[Unit],
    obsolete: &[Unit],
    new: &[&str],
    old_used: &mut [bool],
    links: &mut [Link],
) {
    for link in links.iter() {
        match link {
            Link::Exact(i) => old_used[*i] = true,
            Link::Similar(group) => group.iter().for_each(|&i| old_used[i] = true),
            Link::None | Link::ExactObsolete(_) => {}
        }
    }
    let mut spare: FastMap<&str, VecDeque<Link>> = FastMap::default();
    for (i, unit) in units.iter().enumerate() {
        if !old_used[i] && unit.has_target() {
            spare
                .entry(&unit.source)
                .or_default()
                .push_back(Link::Exact(i));
        }
    }
    for (k, unit) in obsolete.iter().enumerate() {
        if unit.has_target() {
            spare
                .entry(&unit.source)
                .or_default()
                .push_back(Link::ExactObsolete(k));
        }
    }
    if !spare.is_empty() {
        for (j, link) in links.iter_mut().enumerate() {
            let translated = match link {
                Link::None => false,
                Link::Exact(i) => units[*i].has_target(),
                Link::ExactObsolete(_) => true,
                Link::Similar(group) => group.iter().any(|&i| units[i].has_target()),
            };
            if !translated && let Some(found) = spare.get_mut(new[j]).and_then(VecDeque::pop_front)
            {
                if let Link::Exact(i) = found {
                    old_used[i] = true;
                }
                *link = found;
            }
        }
    }
}

/// Largest number of (unit, segment) pairs compared across regions; beyond it, leftovers stay
/// unlinked rather than cost quadratic time.
const MOVED_PAIRS: usize = 4096;

/// A paragraph both moved and edited leaves its unit in one region and its segment in
/// another. Among what is left after everything else, the most similar related pairs are
/// linked (stale), best first.
fn link_moved_and_edited(
    units: &[Unit],
    old_keys: &[(&str, &str)],
    new_keys: &[(&str, &str)],
    old_used: &mut [bool],
    links: &mut [Link],
    stats: &mut AlignStats,
) {
    let olds: Vec<usize> = (0..units.len())
        .filter(|&i| !old_used[i] && units[i].has_target())
        .collect();
    let news: Vec<usize> = (0..links.len())
        .filter(|&j| links[j] == Link::None)
        .collect();
    if olds.is_empty() || news.is_empty() || olds.len() * news.len() > MOVED_PAIRS {
        return;
    }
    let mut interner = Interner {
        ids: FastMap::default(),
        scratch: Vec::new(),
    };
    let old_tokens: Vec<Tokens> = olds
        .iter()
        .map(|&i| interner.tokens(old_keys[i].0))
        .collect();
    let new_tokens: Vec<Tokens> = news
        .iter()
        .map(|&j| interner.tokens(new_keys[j].0))
        .collect();
    let mut candidates = Vec::new();
    let mut pattern = Pattern::default();
    for (a, old) in old_tokens.iter().enumerate() {
        pattern.set(&old.word_ids);
        for (b, new) in new_tokens.iter().enumerate() {
            if same_kind(old, new)
                && let Some(c) = related_words(&pattern, &new.word_ids, stats)
            {
                candidates.push((c, a, b));
            }
        }
    }
    // Most shared words first; ties in document order, so the result is deterministic.
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut new_taken = vec![false; news.len()];
    for (_, a, b) in candidates {
        if old_used[olds[a]] || new_taken[b] {
            continue;
        }
        old_used[olds[a]] = true;
        new_taken[b] = true;
        links[news[b]] = Link::Similar(vec![olds[a]]);
    }
}

/// The words of a text, interned for fast comparison (punctuation and space left out: a
/// shared comma says nothing about two paragraphs being the same).
struct Tokens {
    word_ids: Box<[u32]>,
    words: usize,
    /// Whether the text is only inline code ([`is_code_only`]).
    code: bool,
}

/// Returns true if and only if a similarity link may join the two texts: both are only
/// inline code, or neither is. Words shared between a command line and prose (the command's
/// name in a title) say nothing about one being an edit of the other.
fn same_kind(old: &Tokens, new: &Tokens) -> bool {
    old.code == new.code
}

/// The words the text set in `pattern` (an old paragraph) and `new` share in order (the
/// length of the longest common subsequence of their words), when that makes them related;
/// `None` otherwise.
fn related_words(pattern: &Pattern, new: &[u32], stats: &mut AlignStats) -> Option<usize> {
    let (old, words) = (pattern.len(), new.len());
    if !related(old.min(words), old, words) {
        return None;
    }
    stats.comparisons += 1;
    let c = pattern.lcs(new);
    related(c, old, words).then_some(c)
}

struct Interner<'a> {
    ids: FastMap<&'a str, u32>,
    /// The words of the text being read, reused from one text to the next.
    scratch: Vec<u32>,
}

impl<'a> Interner<'a> {
    fn tokens(&mut self, text: &'a str) -> Tokens {
        let mut word_ids = std::mem::take(&mut self.scratch);
        // The words of `words::tokens`: maximal runs of letters and digits.
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() {
                let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                word_ids.push(*self.ids.entry(word).or_insert(next));
            }
        }
        // Exactly as long as the text's words: a band over thousands of paragraphs holds
        // them all.
        let exact: Box<[u32]> = word_ids.as_slice().into();
        word_ids.clear();
        self.scratch = word_ids;
        let word_ids = exact;
        Tokens {
            words: word_ids.len(),
            word_ids,
            code: is_code_only(text),
        }
    }
}

/// Returns true if and only if `common` shared words make two texts of `old` and `new` words
/// the same paragraph: most of both, or nearly all of one (a split piece or an extension).
fn related(common: usize, old: usize, new: usize) -> bool {
    if old == 0 || new == 0 || common == 0 {
        return false;
    }
    let both = 2 * common * 100 / (old + new) >= 50;
    let contained = common >= 3 && (common * 100 / new >= 80 || common * 100 / old >= 80);
    both || contained
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Start,
    SkipOld,
    SkipNew,
    OneOne,
    Split,
    Merge,
}

/// Aligns the unmatched units and segments of one changed region. A unit `sync` attached to
/// a segment (same id, earlier text: only `sync` writes a segment's id next to another text)
/// keeps that link, in order, and splits the region there: once `sync` has recorded an
/// alignment, reading it back costs a lookup per link instead of a search, and decides what
/// the search decided before `sync`. Such a link is a similarity link, so it can only make
/// the segment stale, never current.
fn align_changed(
    old: &[(&str, &str)],
    new: &[(&str, &str)],
    stats: &mut AlignStats,
) -> Vec<(usize, Vec<usize>)> {
    let by_id: FastMap<&str, usize> = new
        .iter()
        .enumerate()
        .filter(|(_, (_, id))| !id.is_empty())
        .map(|(j, (_, id))| (*id, j))
        .collect();
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for (i, (text, id)) in old.iter().enumerate() {
        if let Some(&j) = by_id.get(id)
            && kept.last().is_none_or(|&(_, last)| j > last)
            && is_code_only(text) == is_code_only(new[j].0)
        {
            kept.push((i, j));
        }
    }
    if kept.is_empty() {
        return align_region(old, new, stats);
    }
    let mut links = Vec::new();
    let (mut from_i, mut from_j) = (0, 0);
    for (i, j) in kept.into_iter().chain([(old.len(), new.len())]) {
        if from_i < i && from_j < j {
            let between = align_region(&old[from_i..i], &new[from_j..j], stats);
            links.extend(
                between.into_iter().map(|(b, group)| {
                    (from_j + b, group.into_iter().map(|a| from_i + a).collect())
                }),
            );
        }
        if i < old.len() {
            links.push((j, vec![i]));
        }
        (from_i, from_j) = (i + 1, j + 1);
    }
    links
}

/// Aligns the unmatched units and segments of one region, preserving order.
///
/// Returns, for each linked new index, the old indices it takes its translation from.
#[allow(
    clippy::too_many_lines,
    clippy::many_single_char_names,
    reason = "one dynamic programme, written with the usual i/j/m/k names, reads best whole"
)]
fn align_region(
    old: &[(&str, &str)],
    new: &[(&str, &str)],
    stats: &mut AlignStats,
) -> Vec<(usize, Vec<usize>)> {
    const NONE: i64 = i64::MIN / 4;
    // A unit `sync` attached to this very segment (same id) keeps its link: otherwise a
    // second look at the same texts could pair them differently and change their states.
    const KEPT_LINK: i64 = 1 << 40;
    let (m, k) = (old.len(), new.len());
    let mut interner = Interner {
        ids: FastMap::default(),
        scratch: Vec::new(),
    };
    // The words of the paragraphs the band reaches, read as it moves down the region and
    // dropped behind it, so that a region of thousands of paragraphs holds a band's worth.
    let mut old_tokens: Vec<Option<Tokens>> = (0..m).map(|_| None).collect();
    let mut new_tokens: Vec<Option<Tokens>> = (0..k).map(|_| None).collect();
    let (mut new_read, mut new_dropped) = (0, 0);

    // Row i compares old paragraph i - 1 (and, for merges, i - 2 and i - 1 joined) with the
    // new paragraphs of its band: one pattern each, set once per row, and the row's pairs
    // remembered for the split bead, which reads them again.
    let mut single = Pattern::default();
    let mut joined = Pattern::default();
    let mut row: Vec<Option<Option<usize>>> = Vec::new();
    let mut row_from = 0;
    // Row i may use columns lo(i)..=hi(i): the diagonal's span for that row, widened by BAND.
    let lo = |i: usize| (i * k / m).saturating_sub(BAND);
    let hi = |i: usize| ((i + 1) * k).div_ceil(m).saturating_add(BAND).min(k);
    // The steps of every row, for the way back; the scores of the last three rows only
    // (a merge looks two rows up).
    let mut score: [Vec<i64>; 3] = Default::default();
    let mut step: Vec<Vec<Step>> = Vec::with_capacity(m + 1);
    let get = |score: &[Vec<i64>; 3], i: usize, j: usize| -> i64 {
        let row_lo = lo(i);
        if j < row_lo || j > hi(i) {
            return NONE;
        }
        score[i % 3][j - row_lo]
    };
    let mut joined_words: Vec<u32> = Vec::new();
    for i in 0..=m {
        let (row_lo, row_hi) = (lo(i), hi(i));
        score[i % 3].clear();
        score[i % 3].resize(row_hi - row_lo + 1, NONE);
        step.push(vec![Step::Start; row_hi - row_lo + 1]);
        // This row reads old paragraphs i - 2 and i - 1 and new ones from row_lo - 2 to
        // row_hi - 1.
        if i > 0 {
            old_tokens[i - 1] = Some(interner.tokens(old[i - 1].0));
        }
        if i > 2 {
            old_tokens[i - 3] = None;
        }
        for j in new_read..row_hi {
            new_tokens[j] = Some(interner.tokens(new[j].0));
        }
        new_read = new_read.max(row_hi);
        for slot in &mut new_tokens[new_dropped..row_lo.saturating_sub(2).max(new_dropped)] {
            *slot = None;
        }
        new_dropped = new_dropped.max(row_lo.saturating_sub(2));
        if i > 0 {
            single.set(words_at(&old_tokens, i - 1));
            row_from = row_lo.saturating_sub(2);
            row.clear();
            row.resize(row_hi + 1 - row_from, None);
        }
        if i > 1 {
            joined_words.clear();
            joined_words.extend(words_at(&old_tokens, i - 2));
            joined_words.extend(words_at(&old_tokens, i - 1));
            joined.set(&joined_words);
        }
        // Old paragraph i - 1 against new paragraph j, computed once per row; never related
        // when their kinds differ.
        let old_code = i.checked_sub(1).map(|o| code_at(&old_tokens, o));
        let pair = |row: &mut Vec<Option<Option<usize>>>, stats: &mut AlignStats, j: usize| {
            *row[j - row_from].get_or_insert_with(|| {
                (old_code == Some(code_at(&new_tokens, j)))
                    .then(|| related_words(&single, words_at(&new_tokens, j), stats))
                    .flatten()
            })
        };
        for j in row_lo..=row_hi {
            let mut best = (if i == 0 && j == 0 { 0 } else { NONE }, Step::Start);
            let mut consider = |value: i64, s: Step| {
                if value > best.0 {
                    best = (value, s);
                }
            };
            if i > 0 {
                consider(get(&score, i - 1, j), Step::SkipOld);
            }
            if j > 0 {
                consider(get(&score, i, j - 1), Step::SkipNew);
            }
            // Word matches weigh 4; a split or merge bead costs 1, so an equal score prefers
            // plain one-to-one links.
            if i > 0 && j > 0 {
                let prev = get(&score, i - 1, j - 1);
                if prev > NONE
                    && let Some(c) = pair(&mut row, stats, j - 1)
                {
                    let kept = if old[i - 1].1 == new[j - 1].1 {
                        KEPT_LINK
                    } else {
                        0
                    };
                    consider(prev + 4 * to_i64(c) + kept, Step::OneOne);
                }
            }
            if i > 0 && j > 1 {
                let prev = get(&score, i - 1, j - 2);
                if prev > NONE
                    && let Some(c1) = pair(&mut row, stats, j - 2)
                    && let Some(c2) = pair(&mut row, stats, j - 1)
                {
                    consider(prev + 4 * to_i64(c1 + c2) - 1, Step::Split);
                }
            }
            if i > 1 && j > 0 {
                let prev = get(&score, i - 2, j - 1);
                let kind = code_at(&new_tokens, j - 1);
                if prev > NONE
                    && code_at(&old_tokens, i - 2) == kind
                    && code_at(&old_tokens, i - 1) == kind
                    && let Some(c) = related_words(&joined, words_at(&new_tokens, j - 1), stats)
                {
                    consider(prev + 4 * to_i64(c) - 1, Step::Merge);
                }
            }
            score[i % 3][j - row_lo] = best.0;
            step[i][j - row_lo] = best.1;
        }
    }

    let mut links = Vec::new();
    let (mut i, mut j) = (m, k);
    while i > 0 || j > 0 {
        let s = step[i][j - lo(i)];
        match s {
            Step::Start => break,
            Step::SkipOld => i -= 1,
            Step::SkipNew => j -= 1,
            Step::OneOne => {
                links.push((j - 1, vec![i - 1]));
                i -= 1;
                j -= 1;
            }
            Step::Split => {
                links.push((j - 1, vec![i - 1]));
                links.push((j - 2, vec![i - 1]));
                i -= 1;
                j -= 2;
            }
            Step::Merge => {
                links.push((j - 1, vec![i - 2, i - 1]));
                i -= 2;
                j -= 1;
            }
        }
    }
    links.reverse();
    links
}

/// The words of paragraph `at`, read when the band reached it.
fn words_at(tokens: &[Option<Tokens>], at: usize) -> &[u32] {
    tokens[at].as_ref().map_or(&[], |t| &t.word_ids)
}

/// Whether paragraph `at`, read when the band reached it, is only inline code.
fn code_at(tokens: &[Option<Tokens>], at: usize) -> bool {
    tokens[at].as_ref().is_some_and(|t| t.code)
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX / 8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segment::segment;

    fn units_for(markdown: &str) -> Vec<Unit> {
        segment(markdown)
            .into_iter()
            .map(|s| Unit {
                target: format!("t{}", s.n),
                id: s.id,
                source: s.text,
                state: Some(crate::model::translation::UnitState::Translated),
                comment: None,
            })
            .collect()
    }

    fn paragraph(i: usize) -> String {
        format!(
            "Paragraph {i} reports on council meeting number {i}, where members discussed \
             the harbour budget, the fishing quota and the festival for the {i}th time."
        )
    }

    #[test]
    fn cost_follows_the_edits_not_the_article() {
        let old: Vec<String> = (0..5000).map(paragraph).collect();
        let units = units_for(&old.join("\n\n"));
        let mut new = old.clone();
        for i in (0..5000).step_by(10) {
            new[i] = new[i].replace("festival", "carnival");
        }
        let segments = segment(&new.join("\n\n"));
        let (links, stats) = align_with_stats(&units, &[], &segments);
        for (j, link) in links.iter().enumerate() {
            let expected = if j % 10 == 0 {
                Link::Similar(vec![j])
            } else {
                Link::Exact(j)
            };
            assert_eq!(*link, expected, "segment {j}");
        }
        // One comparison per edited paragraph: no all-pairs search.
        assert_eq!(stats.comparisons, 500);
    }

    #[test]
    fn a_wholesale_rewrite_is_searched_in_a_band() {
        let old: Vec<String> = (0..1000).map(paragraph).collect();
        let units = units_for(&old.join("\n\n"));
        let new: Vec<String> = (0..1000)
            .map(|i| paragraph(i).replace("members", "delegates"))
            .collect();
        let segments = segment(&new.join("\n\n"));
        let (links, stats) = align_with_stats(&units, &[], &segments);
        assert!(
            links
                .iter()
                .enumerate()
                .all(|(j, l)| *l == Link::Similar(vec![j]))
        );
        assert!(
            stats.comparisons < 1000 * (4 * BAND + 8),
            "{}",
            stats.comparisons
        );
    }

    /// The links of the segments of `after` to the units of `before` (each translated, with
    /// the ids `sync` wrote), as `(segment text, link)`.
    fn relink(before: &[&str], after: &[&str]) -> Vec<(String, Link)> {
        let units = units_for(&before.join("\n\n"));
        let segments = segment(&after.join("\n\n"));
        align(&units, &[], &segments)
            .into_iter()
            .zip(segments)
            .map(|(link, s)| (s.text, link))
            .collect()
    }

    #[track_caller]
    fn case(before: &[&str], after: &[&str], text: &str, expected: &Link) {
        let links = relink(before, after);
        let (_, link) = links
            .iter()
            .find(|(t, _)| t == text)
            .unwrap_or_else(|| panic!("no segment {text:?} in {links:?}"));
        assert_eq!(link, expected, "{text:?} in {links:?}");
    }

    #[test]
    fn code_is_never_linked_to_prose_by_similarity() {
        let prose = "Print the path to the file";
        let code = "`print {{path/to/file}}`";
        // Edited in place, in a changed region: the words match, the kinds do not.
        case(&["Intro.", prose], &["Intro.", code], code, &Link::None);
        case(&["Intro.", code], &["Intro.", prose], prose, &Link::None);
        // Moved and edited: across regions.
        let others = [
            "Alpha beta gamma.",
            "Delta epsilon zeta.",
            "Eta theta iota.",
        ];
        let mut before = others.to_vec();
        before.push(prose);
        let mut after = vec![code];
        after.extend(others);
        case(&before, &after, code, &Link::None);
        // A new example whose command shares the title's word: no copy of the title.
        let page = ["# wc", "`wc -l {{path/to/file}}`"];
        case(
            &page,
            &[page[0], page[1], "`wc --version`"],
            "`wc --version`",
            &Link::None,
        );
        // Merged: a paragraph of prose and a line of code into one line of code, which keeps
        // the code's translation only.
        case(
            &["Intro.", "Print the path", "`to {{the/file}}`"],
            &["Intro.", "`print the path to {{the/file}}`"],
            "`print the path to {{the/file}}`",
            &Link::Similar(vec![2]),
        );
        // A link `sync` wrote (the segment's id on a unit of prose) is not kept either.
        let segments = segment(&format!("Intro.\n\n{code}"));
        let mut units = units_for(&format!("Intro.\n\n{prose}"));
        units[1].id.clone_from(&segments[1].id);
        assert_eq!(align(&units, &[], &segments)[1], Link::None);
    }

    #[test]
    fn an_edited_command_is_still_linked_to_its_translation() {
        let before = ["# wc", "`wc -w {{path/to/file}}`"];
        let edited = "`wc --words {{path/to/file}}`";
        case(
            &before,
            &[before[0], edited],
            edited,
            &Link::Similar(vec![1]),
        );
        // Moved and edited too.
        let others = [
            "Alpha beta gamma.",
            "Delta epsilon zeta.",
            "Eta theta iota.",
        ];
        let mut old = others.to_vec();
        old.push(before[1]);
        let mut new = vec![edited];
        new.extend(others);
        case(&old, &new, edited, &Link::Similar(vec![3]));
        // Prose edited into prose is linked as before.
        case(
            &["Intro.", "Print the path to the file"],
            &["Intro.", "Print the full path to the file"],
            "Print the full path to the file",
            &Link::Similar(vec![1]),
        );
    }

    #[test]
    fn similarity_needs_shared_words_not_shared_punctuation() {
        assert!(!related(0, 3, 3));
        assert!(related(2, 3, 3));
        assert!(
            related(3, 30, 3),
            "a split-off sentence is contained in its paragraph"
        );
        assert!(!related(1, 30, 2), "a single shared word is no link");
    }
}
