//! What the index knows of a text without reading it, and what that proves about a score.
//!
//! A text's profile is its words, case folded, in order, and its weight as the fuzzy score
//! counts it ([`crate::memory::score`]). The index keeps, per entry, its number of words and
//! weight, and the keys of its runs of three words (of two and of one for shorter entries).
//! From how many of the query's runs an entry shares, a bound on its score follows, without
//! reading the entry:
//!
//! - every word edit (a word changed, added or removed) costs 4, a changed case alone costs 1,
//!   a mark 1; so the distance is at least 4 times the edit distance between the two folded
//!   word sequences, at least that edit distance times 3 plus the difference in marks, and at
//!   least the difference in weight;
//! - one word edit breaks at most `q` of the query's runs of `q` words, so an entry in which
//!   only `p` of the query's `n - q + 1` runs are found is at least `(n - q + 1 - p) / q` word
//!   edits away; and an entry that shares no run at all is also that far from the query on
//!   its own side: `(m - q + 1) / q` for its `m` words.
//!
//! The bounds only ever err upwards, so a lookup that stops where they fall below what it has
//! found returns what scoring every entry would.

use crate::memory::score::{WORD, scored_tokens};

/// What a text is to the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Profile {
    /// Its words, case folded, in order.
    pub(crate) words: Vec<String>,
    /// Its total weight.
    pub(crate) weight: u32,
}

/// Shape of an entry: its number of words and its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Number of words.
    pub(crate) words: u32,
    /// Total weight.
    pub(crate) weight: u32,
}

/// A packed half that stands for "this many or more": the shape is then unknown.
const SATURATED: u32 = u16::MAX as u32;

impl Shape {
    /// The shape in 32 bits, as the posting lists keep it: words in the high half, weight in
    /// the low, each saturated at [`SATURATED`].
    pub(crate) fn pack(self) -> u32 {
        self.words.min(SATURATED) << 16 | self.weight.min(SATURATED)
    }

    /// The shape packed by [`Shape::pack`], or `None` for a text too long for 16 bits, whose
    /// shape then proves nothing.
    pub(crate) fn unpack(packed: u32) -> Option<Self> {
        let shape = Self {
            words: packed >> 16,
            weight: packed & SATURATED,
        };
        (shape.words < SATURATED && shape.weight < SATURATED).then_some(shape)
    }
}

/// [`bound`] for a packed entry shape: 99 (anything but the same text) when it is unknown.
pub(crate) fn packed_bound(query: Shape, packed: u32, edits: u32) -> u8 {
    Shape::unpack(packed).map_or(99, |entry| bound(query, entry, edits))
}

/// The lengths of the runs indexed, with the heaviest entry whose runs of that length are
/// indexed: short runs are only worth keeping for short entries, since a short query cannot
/// score well against a long entry anyway.
pub(crate) const TIERS: [(usize, u32); 3] = [(1, 96), (2, 256), (3, u32::MAX)];

/// The heaviest entry indexed with runs of `q` words.
fn tier_limit(q: usize) -> u32 {
    TIERS
        .iter()
        .find(|(len, _)| *len == q)
        .map_or(u32::MAX, |t| t.1)
}

fn fold(word: &str) -> String {
    word.chars().flat_map(char::to_lowercase).collect()
}

impl Profile {
    /// The profile of `text`.
    pub(crate) fn of(text: &str) -> Self {
        let tokens = scored_tokens(text);
        Self {
            weight: tokens.iter().map(|t| t.weight).sum(),
            words: tokens
                .iter()
                .filter(|t| t.weight == WORD)
                .map(|t| fold(t.text))
                .collect(),
        }
    }

    /// Its shape.
    pub(crate) fn shape(&self) -> Shape {
        Shape {
            words: to_u32(self.words.len()),
            weight: self.weight,
        }
    }

    /// The distinct keys of its runs of `q` words, each with how many times it occurs.
    pub(crate) fn runs(&self, q: usize) -> Vec<(u32, u32)> {
        if q == 0 || self.words.len() < q {
            return Vec::new();
        }
        let mut keys: Vec<u32> = self.words.windows(q).map(run_key).collect();
        keys.sort_unstable();
        let mut out: Vec<(u32, u32)> = Vec::new();
        for key in keys {
            match out.last_mut() {
                Some((k, count)) if *k == key => *count += 1,
                _ => out.push((key, 1)),
            }
        }
        out
    }

    /// Every key an entry of this profile is indexed under, sorted and distinct: its exact
    /// text's, and its runs' for every tier it falls in.
    pub(crate) fn entry_keys(&self, text: &str) -> Vec<u32> {
        let mut keys = vec![exact_key(text)];
        for (q, limit) in TIERS {
            if self.weight <= limit {
                keys.extend(self.runs(q).into_iter().map(|(k, _)| k));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A stable 64-bit FNV-1a hash: the cache outlives the process, so std's hasher will not do.
fn fnv(parts: &[&[u8]]) -> u64 {
    parts
        .iter()
        .flat_map(|p| p.iter())
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

fn fold_key(h: u64) -> u32 {
    // Truncation is the point: two keys that collide only add candidates, whose bound is
    // then too high, never too low; exact matches are compared as text.
    #[allow(clippy::cast_possible_truncation, reason = "a hash folded to 32 bits")]
    let key = (h ^ (h >> 32)) as u32;
    key
}

/// The key of an exact source text.
pub(crate) fn exact_key(text: &str) -> u32 {
    fold_key(fnv(&[b"\0", text.as_bytes()]))
}

/// The key of a run of folded words.
fn run_key(words: &[String]) -> u32 {
    let len = [u8::try_from(words.len()).unwrap_or(u8::MAX)];
    let mut parts: Vec<&[u8]> = vec![&len];
    for w in words {
        parts.push(b"\x1f");
        parts.push(w.as_bytes());
    }
    fold_key(fnv(&parts))
}

/// The highest score an entry of shape `entry` can have against `query`, when the word edit
/// distance between them is known to be at least `edits`. At most 99: only the same text
/// scores 100.
pub(crate) fn bound(query: Shape, entry: Shape, edits: u32) -> u8 {
    let total = query.weight.max(entry.weight);
    if total == 0 {
        return 0;
    }
    let marks = |s: Shape| s.weight.saturating_sub(WORD * s.words);
    let edits = edits.max(query.words.abs_diff(entry.words));
    let dist = (u64::from(WORD) * u64::from(edits))
        .max(3 * u64::from(edits) + u64::from(marks(query).abs_diff(marks(entry))))
        .max(u64::from(query.weight.abs_diff(entry.weight)));
    let kept = u64::from(total).saturating_sub(dist);
    u8::try_from(kept * 100 / u64::from(total))
        .unwrap_or(100)
        .min(99)
}

/// Word edits at least between a query of `n` words and an entry in which `shared` of the
/// query's runs of `q` words (counted with repetition) are found.
pub(crate) fn edits_from_runs(n: u32, q: u32, shared: u32) -> u32 {
    let runs = (n + 1).saturating_sub(q);
    runs.saturating_sub(shared).div_ceil(q.max(1))
}

/// The highest score of any entry that shares none of the query's runs of `q` words, or
/// that is too heavy to be indexed with them.
pub(crate) fn unseen_bound(query: Shape, q: usize) -> u8 {
    let limit = tier_limit(q);
    let q = to_u32(q);
    let mut best = 0;
    // Entries too heavy for the tier: the distance is at least the difference in weight.
    if limit != u32::MAX {
        let heavier = u64::from(limit) + 1;
        best = u8::try_from(u64::from(query.weight) * 100 / heavier)
            .unwrap_or(100)
            .min(99);
    }
    // Entries of every number of words `m` (beyond `end`, the weight difference alone keeps
    // the score under a quarter of `end`'s bound), with the number of marks that suits them
    // best: the bound is monotone between the points where one of its terms changes slope,
    // so those points are enough.
    let end = 2 * query.words + query.weight + 8;
    best = best.max(
        u8::try_from(u64::from(query.weight) * 100 / (u64::from(WORD) * u64::from(end)))
            .unwrap_or(100)
            .min(99),
    );
    let q_marks = query.weight.saturating_sub(WORD * query.words);
    for m in 0..=end {
        let edits = edits_from_runs(query.words, q, 0).max(edits_from_runs(m, q, 0));
        let base = WORD * m;
        let e = edits.max(query.words.abs_diff(m));
        let w = i64::from(query.weight) - i64::from(base);
        let qm = i64::from(q_marks);
        let e = i64::from(e);
        let points = [
            0,
            qm,
            qm - e,
            qm + e,
            w,
            w - 4 * e,
            w + 4 * e,
            w - e,
            w + e,
            (w + qm - 3 * e).div_euclid(2),
            (w + qm + 3 * e).div_euclid(2),
        ];
        for p in points {
            for marks in [p - 1, p, p + 1] {
                let Ok(marks) = u32::try_from(marks) else {
                    continue;
                };
                let Some(weight) = base.checked_add(marks) else {
                    continue;
                };
                if weight > limit {
                    continue;
                }
                let entry = Shape { words: m, weight };
                best = best.max(bound(query, entry, edits));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::score::score;

    /// Every bound holds for real pairs of texts: it is never below the score.
    #[test]
    fn bounds_never_fall_below_the_score() {
        let texts = [
            "The council met on Monday to discuss the budget.",
            "The council met on Tuesday to discuss the budget.",
            "the COUNCIL met, on Monday; to discuss **the** budget!",
            "Budget.",
            "Monday the council met to discuss the budget on.",
            "A B C D E F",
            "A X C Y E Z",
            "a b c d e f g h i j k l",
            "b a d c f e h g j i l k",
            "x a y b z c",
            "<b>The</b> [council](https://example.org) met.",
            "—",
            "",
        ];
        for a in texts {
            for b in texts {
                if a == b {
                    continue;
                }
                let s = score(a, b);
                let (pa, pb) = (Profile::of(a), Profile::of(b));
                assert!(
                    bound(pa.shape(), pb.shape(), 0) >= s,
                    "{a:?} / {b:?}: shape bound"
                );
                for q in 1..=3 {
                    let theirs: std::collections::HashSet<u32> =
                        pb.runs(q).into_iter().map(|r| r.0).collect();
                    let shared: u32 = pa
                        .runs(q)
                        .iter()
                        .filter(|r| theirs.contains(&r.0))
                        .map(|r| r.1)
                        .sum();
                    let edits = edits_from_runs(pa.shape().words, to_u32(q), shared);
                    assert!(
                        bound(pa.shape(), pb.shape(), edits) >= s,
                        "{a:?} / {b:?}: runs of {q}"
                    );
                    if shared == 0 && pb.weight <= tier_limit(q) {
                        assert!(
                            unseen_bound(pa.shape(), q) >= s,
                            "{a:?} / {b:?}: unseen {q}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_packed_shape_is_exact_or_unknown() {
        let shape = Shape {
            words: 1_234,
            weight: 5_000,
        };
        assert_eq!(Shape::unpack(shape.pack()), Some(shape));
        let query = Shape {
            words: 20_000,
            weight: 80_000,
        };
        // Too heavy for 16 bits: nothing is proved, so nothing is ruled out.
        let long = Shape {
            words: 20_000,
            weight: 80_001,
        };
        assert_eq!(Shape::unpack(long.pack()), None);
        assert_eq!(packed_bound(query, long.pack(), 0), 99);
        assert_eq!(packed_bound(shape, shape.pack(), 3), bound(shape, shape, 3));
    }

    #[test]
    fn unseen_entries_of_a_long_query_stay_under_the_thresholds() {
        let query = |n: usize| {
            let words: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
            Profile::of(&(words.join(" ") + ".")).shape()
        };
        // For a long segment, runs of three words prove enough at 75 but not at 50.
        assert!(unseen_bound(query(60), 3) < 75);
        assert!(unseen_bound(query(60), 3) >= 50);
        // For a short one, it takes runs of two at 75, single words at 50.
        assert!(unseen_bound(query(8), 3) >= 75);
        assert!(unseen_bound(query(8), 2) < 75);
        assert!(unseen_bound(query(8), 2) >= 50);
        assert!(unseen_bound(query(8), 1) < 50);
    }
}
