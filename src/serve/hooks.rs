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
    lang: Lang,
    /// The translation memory of the language, when it could be read.
    memory: Option<crate::memory::index::Memory>,
    /// The quality checks' settings, when the glossary could be read.
    qa: Option<crate::qa::Context>,
}

impl Helpers {
    /// Loads what the suggestions and the checks need for `lang`. A memory or glossary that
    /// cannot be read gives no suggestions or no findings here; `bitext suggest` and `bitext
    /// qa` report the error.
    ///
    /// # Errors
    /// None today; kept for helpers whose files must be readable.
    pub fn load(ws: &Workspace, lang: &Lang) -> Result<Self> {
        // Without the workspace index: the consistency check would compare the segment with
        // its own earlier translation, and loading every file on each save is not worth it.
        Ok(Self {
            lang: lang.clone(),
            memory: crate::memory::store::open(ws, lang, false).ok(),
            qa: crate::qa::Context::without_index(ws).ok(),
        })
    }

    /// Suggestions for `segment`, best first.
    #[must_use]
    pub fn suggestions(&self, segment: &Segment) -> Vec<Suggestion> {
        let Some(memory) = &self.memory else {
            return Vec::new();
        };
        memory
            .lookup(&segment.text, 50, 3)
            .unwrap_or_default()
            .into_iter()
            .map(|hit| Suggestion {
                text: hit.target,
                source: hit.source,
                score: hit.score,
            })
            .collect()
    }

    /// Quality findings on `target` as the translation of `segment`, worded for `ui`.
    #[must_use]
    pub fn findings(&self, ui: &Ui<'_>, segment: &Segment, target: &str) -> Vec<Finding> {
        let Some(ctx) = &self.qa else {
            return Vec::new();
        };
        crate::qa::check_segment(ctx, &segment.text, target, &self.lang)
            .iter()
            .map(|f| {
                let args: Vec<(&str, crate::ui::l10n::Arg<'_>)> = f
                    .args
                    .iter()
                    .map(|(name, value)| (*name, crate::ui::l10n::Arg::Str(value.as_str())))
                    .collect();
                Finding {
                    error: f.level == crate::qa::Level::Error,
                    code: f.check.code().to_owned(),
                    message: ui.ta(f.message_id, &args),
                }
            })
            .collect()
    }
}
