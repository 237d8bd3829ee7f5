//! The model: segments and their ids, article names and language tags, translation files,
//! alignment of old units to new segments, each segment's state, words and word diffs,
//! merges, a text's inline code and placeholders, a page's link reference definitions, and
//! the pairing of a translated page with its source. Pure logic over texts and files; it
//! uses only the messages ([`crate::l10n`]) and the errors. The invariants that comments
//! cite as "invariant N" are the ten listed in `docs/architecture.md`.

pub mod align;
pub mod article;
pub mod assess;
pub mod code;
pub mod definitions;
pub mod fold;
pub mod frontmatter;
pub mod lang;
mod lcs;
pub mod leftovers;
pub mod lengthalign;
pub mod mdx;
pub mod merge;
pub mod page;
pub mod pagestore;
pub mod pairing;
pub mod patch;
pub mod placeholder;
pub mod review;
pub mod segment;
pub mod shape;
pub mod slug;
pub mod translation;
pub mod worddiff;
pub mod words;

use std::fmt::Write as _;

/// Lower-case hexadecimal digits of `bytes`: segment ids, digests, tokens.
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}
