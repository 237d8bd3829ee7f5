//! The translation memory: every translation the workspace already has, searchable by
//! similarity, so that a new or rewritten paragraph starts from the closest translations
//! rather than from a blank line.
//!
//! The memory is derived, never a second source of truth: every translated unit of every
//! article (live and obsolete, each with the source text it was made from) plus the TMX files
//! imported into `memory/`. An index on disk under `.bitext-cache/` only saves time; it is
//! rebuilt whenever any of those files changes, and ignored if it cannot be read or written.
//!
//! - [`score`]: the fuzzy score, a weighted word-level edit distance;
//! - [`grams`]: what the index knows of a text, and the bounds on scores it proves;
//! - [`build`]: writing the index file in bounded memory;
//! - [`index`]: reading it, and lookups;
//! - [`store`]: what the memory holds, and the cache.

pub(crate) mod build;
pub(crate) mod grams;
pub mod index;
pub mod score;
pub mod store;
