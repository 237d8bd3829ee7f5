//! How many words two texts share in order: the length of the longest common subsequence of
//! their words, the score the alignment gives a pair of paragraphs.
//!
//! A large changed region makes the alignment score tens of thousands of pairs, so this must
//! cost little: the bit-parallel algorithm of Allison and Dix, in Hyyrö's formulation, makes
//! one pass over the second text with one machine word per 64 words of the first, and no
//! allocation when the first has at most 64 words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The words of one text as bit masks: for each distinct word, the positions where it occurs.
pub(crate) struct WordMasks {
    len: usize,
    blocks: usize,
    /// For each word id, the offset of its `blocks` masks in `bits`.
    offsets: HashMap<u32, usize, BuildHasherDefault<IdHasher>>,
    bits: Vec<u64>,
}

impl WordMasks {
    /// The masks of a sequence of word ids.
    pub(crate) fn new(words: &[u32]) -> Self {
        let blocks = words.len().div_ceil(64).max(1);
        let mut offsets: HashMap<u32, usize, BuildHasherDefault<IdHasher>> = HashMap::default();
        let mut bits = Vec::new();
        for (position, &id) in words.iter().enumerate() {
            let offset = *offsets.entry(id).or_insert_with(|| {
                bits.extend(std::iter::repeat_n(0, blocks));
                bits.len() - blocks
            });
            bits[offset + position / 64] |= 1 << (position % 64);
        }
        Self {
            len: words.len(),
            blocks,
            offsets,
            bits,
        }
    }

    /// The length of the longest common subsequence of this text's words and `other`.
    pub(crate) fn lcs(&self, other: &[u32]) -> usize {
        if self.len == 0 || other.is_empty() {
            return 0;
        }
        if self.blocks == 1 {
            let mut v = u64::MAX;
            for id in other {
                if let Some(&offset) = self.offsets.get(id) {
                    let m = self.bits[offset];
                    v = v.wrapping_add(v & m) | (v & !m);
                }
            }
            return zeros(v, self.len);
        }
        let mut v = vec![u64::MAX; self.blocks];
        for id in other {
            let Some(&offset) = self.offsets.get(id) else {
                continue;
            };
            let masks = &self.bits[offset..offset + self.blocks];
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

/// Word ids are small dense integers: they hash by one multiplication.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

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

    #[test]
    fn known_lengths() {
        assert_eq!(WordMasks::new(&[1, 2, 3, 4]).lcs(&[1, 3, 4, 2]), 3);
        assert_eq!(WordMasks::new(&[]).lcs(&[1]), 0);
        assert_eq!(WordMasks::new(&[5, 5, 5]).lcs(&[5, 5]), 2);
        assert_eq!(WordMasks::new(&[1, 2]).lcs(&[3, 4]), 0);
    }

    proptest! {
        // Small alphabets make many repeats; lengths cross the 64-word block boundary.
        #[test]
        fn equals_the_dynamic_programme(
            a in proptest::collection::vec(0u32..6, 0..200),
            b in proptest::collection::vec(0u32..6, 0..200),
        ) {
            prop_assert_eq!(WordMasks::new(&a).lcs(&b), naive(&a, &b));
            prop_assert_eq!(WordMasks::new(&b).lcs(&a), naive(&a, &b));
        }
    }
}
