//! The model: segments and their ids, translation files, alignment of old units to new
//! segments, each segment's state, words and word diffs. Pure logic over texts and files;
//! it may use `workspace` for slugs and language tags, never the interface or rendering.

pub mod align;
pub mod article;
pub mod assess;
pub mod lang;
pub mod lengthalign;
pub mod mdx;
pub mod merge;
pub mod patch;
pub mod segment;
pub mod shape;
pub mod slug;
pub mod translation;
pub mod worddiff;
pub mod words;
