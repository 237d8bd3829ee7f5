//! Where the workbench asks for help with a segment: translation-memory suggestions to insert
//! with a click, and quality findings on a translation.
//!
//! Both come from other parts of bitext; the workbench only shows them. [`Helpers`] is loaded
//! once per page or save, for one language, so that whatever they need (a memory index, the
//! quality checks' settings) is read once and not once per segment.

use crate::error::Result;
use crate::model::segment::Segment;
use crate::serve::Ui;
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
    /// What is wrong, in the page's language.
    pub message: String,
}

/// What helps with the segments of one language.
#[derive(Debug)]
pub struct Helpers {
    _lang: Lang,
}

impl Helpers {
    /// Loads what the suggestions and the checks need for `lang`.
    ///
    /// # Errors
    /// Unreadable or malformed files they depend on.
    pub fn load(_ws: &Workspace, lang: &Lang) -> Result<Self> {
        Ok(Self {
            _lang: lang.clone(),
        })
    }

    /// Suggestions for `segment`, best first.
    #[must_use]
    pub fn suggestions(&self, _segment: &Segment) -> Vec<Suggestion> {
        Vec::new()
    }

    /// Quality findings on `target` as the translation of `segment`, worded for `ui`.
    #[must_use]
    pub fn findings(&self, _ui: &Ui<'_>, _segment: &Segment, _target: &str) -> Vec<Finding> {
        Vec::new()
    }
}
