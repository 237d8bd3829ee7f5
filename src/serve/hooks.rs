//! Where the workbench asks for help with a segment: translation-memory suggestions to insert
//! with a click, and quality findings on the text about to be saved.
//!
//! Both come from other parts of bitext; the workbench only shows them. Without them the
//! lists are empty and the pages work the same.

use crate::model::segment::Segment;
use crate::workspace::Workspace;
use crate::workspace::lang::Lang;

/// A translation the memory proposes for a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The proposed translation.
    pub text: String,
    /// The source text it translates.
    pub source: String,
    /// Similarity of that source to the segment's, in percent.
    pub score: u8,
}

/// A quality finding on a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// True if and only if the finding is error-level (saving asks for confirmation).
    pub error: bool,
    /// The check's stable code.
    pub code: String,
    /// What is wrong, for people.
    pub message: String,
}

/// Suggestions for `segment` in `lang`, best first.
#[must_use]
pub fn suggestions(_ws: &Workspace, _segment: &Segment, _lang: &Lang) -> Vec<Suggestion> {
    Vec::new()
}

/// Quality findings on `target` as the translation of `segment` in `lang`.
#[must_use]
pub fn findings(_ws: &Workspace, _segment: &Segment, _lang: &Lang, _target: &str) -> Vec<Finding> {
    Vec::new()
}
