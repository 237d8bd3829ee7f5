//! How many words two texts share in order: the length of the longest common subsequence of
//! their words, the score the alignment gives a pair of paragraphs.
//!
//! A large changed region makes the alignment score tens of thousands of pairs, so this must
//! cost little: the bit-parallel algorithm of Allison and Dix, in Hyyrö's formulation, makes
//! one pass over the second text with one machine word per 64 words of the first, and no
//! allocation when the first has at most 64 words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The words of one text as bit masks, for each distinct word the positions where it occurs,
/// ready to be compared with many other texts. Set again for the next text, it reuses its
/// tables: comparing one paragraph with the few dozen a region's band holds allocates
/// nothing.
#[derive(Default)]
pub(crate) struct Pattern {
    /// For each word id, 1 + the index of its masks in `bits` (in blocks); 0 when absent.
    slot: Vec<u32>,
    bits: Vec<u64>,
    /// The ids whose slot is set, to clear them for the next text.
    present: Vec<u32>,
    len: usize,
    blocks: usize,
}

impl Pattern {
    /// Makes `words` (word ids, small dense integers) the text compared.
    pub(crate) fn set(&mut self, words: &[u32]) {
        for &id in &self.present {
            self.slot[id as usize] = 0;
        }
        self.present.clear();
        self.bits.clear();
        self.len = words.len();
        self.blocks = words.len().div_ceil(64).max(1);
        for (position, &id) in words.iter().enumerate() {
            let at = id as usize;
            if at >= self.slot.len() {
                self.slot.resize(at + 1, 0);
            }
            if self.slot[at] == 0 {
                self.bits.extend(std::iter::repeat_n(0, self.blocks));
                self.slot[at] = u32::try_from(self.bits.len() / self.blocks).unwrap_or(u32::MAX);
                self.present.push(id);
            }
            let offset = (self.slot[at] as usize - 1) * self.blocks;
            self.bits[offset + position / 64] |= 1 << (position % 64);
        }
    }

    /// The number of words of the text set.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The masks of word `id`, if the text set has it.
    fn masks(&self, id: u32) -> Option<&[u64]> {
        let slot = *self.slot.get(id as usize)? as usize;
        (slot > 0).then(|| &self.bits[(slot - 1) * self.blocks..slot * self.blocks])
    }

    /// The length of the longest common subsequence of the text set and `other`.
    pub(crate) fn lcs(&self, other: &[u32]) -> usize {
        if self.len == 0 || other.is_empty() {
            return 0;
        }
        if self.blocks == 1 {
            let mut v = u64::MAX;
            for &id in other {
                if let Some(&[m]) = self.masks(id) {
                    v = v.wrapping_add(v & m) | (v & !m);
                }
            }
            return zeros(v, self.len);
        }
        let mut v = vec![u64::MAX; self.blocks];
        for &id in other {
            let Some(masks) = self.masks(id) else {
                continue;
            };
            let mut carry = false;
            for (word, &m) in v.iter_mut().zip(masks) {
                let (sum, c1) = word.overflowing_add(*word & m);
                let (sum, c2) = sum.overflowing_add(u64::from(carry));
                carry = c1 || c2;
                *word = sum | (*word & !m);
            }
        }
        v.iter()
            .enumerate()
            .map(|(k, &word)| zeros(word, (self.len - 64 * k).min(64)))
            .sum()
    }
}

/// The number of zero bits among the lowest `width` bits of `v`.
fn zeros(v: u64, width: usize) -> usize {
    let mask = if width >= 64 {
        u64::MAX
    } else {
        (1 << width) - 1
    };
    (!v & mask).count_ones() as usize
}

/// A fast hasher for the alignment's own tables (word texts and word ids, from one article):
/// eight bytes at a time, one rotation and one multiplication each, as the Rust compiler's
/// `FxHasher` does. Not for keys an adversary picks to collide; a slow table is all they get.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A hash map keyed by the alignment's words or word ids.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(a: &[u32], b: &[u32]) -> usize {
        let mut row = vec![0; b.len() + 1];
        for &x in a {
            let mut diagonal = 0;
            for (j, &y) in b.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = if x == y {
                    diagonal + 1
                } else {
                    above.max(row[j])
                };
                diagonal = above;
            }
        }
        row[b.len()]
    }

    fn lcs(a: &[u32], b: &[u32]) -> usize {
        let mut pattern = Pattern::default();
        pattern.set(a);
        pattern.lcs(b)
    }

    #[test]
    fn known_lengths() {
        assert_eq!(lcs(&[1, 2, 3, 4], &[1, 3, 4, 2]), 3);
        assert_eq!(lcs(&[], &[1]), 0);
        assert_eq!(lcs(&[5, 5, 5], &[5, 5]), 2);
        assert_eq!(lcs(&[1, 2], &[3, 4]), 0);
        assert_eq!(lcs(&[1, 2], &[9_999, 2]), 1, "a word the pattern never saw");
    }

    #[test]
    fn a_pattern_set_again_forgets_the_text_before() {
        let mut pattern = Pattern::default();
        pattern.set(&(0..100).collect::<Vec<u32>>());
        assert_eq!(pattern.lcs(&[3, 4, 5]), 3);
        pattern.set(&[7, 8]);
        assert_eq!(pattern.lcs(&[3, 4, 5]), 0);
        assert_eq!(pattern.lcs(&[8, 7, 8]), 2);
        assert_eq!(pattern.len(), 2);
    }

    proptest! {
        // Small alphabets make many repeats; lengths cross the 64-word block boundary.
        #[test]
        fn equals_the_dynamic_programme(
            a in proptest::collection::vec(0u32..6, 0..200),
            b in proptest::collection::vec(0u32..6, 0..200),
        ) {
            prop_assert_eq!(lcs(&a, &b), naive(&a, &b));
            // The same pattern set for another text first: nothing of it may remain.
            let mut pattern = Pattern::default();
            pattern.set(&a);
            pattern.set(&b);
            prop_assert_eq!(pattern.lcs(&a), naive(&a, &b));
        }
    }
}
