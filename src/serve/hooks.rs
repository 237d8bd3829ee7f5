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

/// Quality findings on `target` as the translation of `segment` in `lang` ([`crate::qa`]).
/// A workspace whose glossary cannot be read gives none here; `bitext qa` reports the error.
#[must_use]
pub fn findings(ws: &Workspace, segment: &Segment, lang: &Lang, target: &str) -> Vec<Finding> {
    // Without the workspace index: the consistency check would compare the segment with its
    // own earlier translation, and loading every file on each save is not worth it.
    let Ok(ctx) = crate::qa::Context::without_index(ws) else {
        return Vec::new();
    };
    crate::qa::check_segment(&ctx, &segment.text, target, lang)
        .iter()
        .map(|f| Finding {
            error: f.level == crate::qa::Level::Error,
            code: f.check.code().to_owned(),
            message: f.message(),
        })
        .collect()
}
