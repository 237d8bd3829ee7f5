//! Where the workbench asks for help with a segment: translation-memory suggestions to insert
//! with a click, and quality findings on a translation.
//!
//! Both come from other parts of bitext; the workbench only shows them. [`Helpers`] is loaded
//! once per page, for one language, so that whatever they need (a memory index, the quality
//! checks' settings) is read once and not once per segment; a save's findings come from the
//! core's operation and are worded here ([`worded`]). The server keeps each language's memory
//! between requests and brings it up to date with the files before each use
//! ([`crate::serve::memories`]).

use std::cell::OnceCell;
use std::sync::Arc;

use crate::serve::Ui;
use crate::serve::memories::{Kept, Memories};
use bitext_core::error::Result;
use bitext_core::memory::index::{Context, Origin};
use bitext_core::memory::store;
use bitext_core::model::lang::Lang;
use bitext_core::model::segment::Segment;
use bitext_core::workspace::Workspace;

/// A translation the memory proposes for a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The proposed translation.
    pub text: String,
    /// The source text it translates.
    pub source: String,
    /// Similarity of that source to the segment's, in percent.
    pub score: u8,
    /// Where it comes from: `article #n`, an article's obsolete units, or a TMX file.
    pub origin: String,
    /// True if and only if the match is exact and between the same neighbours as the segment
    /// (listed first).
    pub in_context: bool,
}

/// Suggestions below this score are not shown (as `bitext suggest`'s default).
pub const MIN_SCORE: u8 = 50;
/// At most this many suggestions per segment.
pub const LIMIT: usize = 3;

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
pub struct Helpers<'a> {
    ws: &'a Workspace,
    lang: Lang,
    /// Where the memories are kept between requests, when they are.
    memories: Option<&'a Memories>,
    /// The translation memory of the language, looked up on first use (a page whose
    /// segments are all current never reads it), and none when it could not be read.
    memory: OnceCell<Option<Arc<Kept>>>,
    /// The quality checks' settings, when the glossary could be read.
    qa: Option<bitext_core::qa::Context>,
}

impl<'a> Helpers<'a> {
    /// Loads what the suggestions and the checks need for `lang`. A memory or glossary that
    /// cannot be read gives no suggestions or no findings here; `bitext suggest` and `bitext
    /// qa` report the error.
    ///
    /// # Errors
    /// None today; kept for helpers whose files must be readable.
    pub fn load(ws: &'a Workspace, lang: &Lang) -> Result<Self> {
        // Without the workspace index: the consistency check would compare the segment with
        // its own earlier translation, and loading every file on each save is not worth it.
        Ok(Self {
            ws,
            lang: lang.clone(),
            memories: None,
            memory: OnceCell::new(),
            qa: bitext_core::qa::Context::without_index(ws).ok(),
        })
    }

    /// As [`Helpers::load`], taking the memory from (and keeping it in) `memories`.
    ///
    /// # Errors
    /// As [`Helpers::load`].
    pub fn load_kept(ws: &'a Workspace, lang: &Lang, memories: &'a Memories) -> Result<Self> {
        let mut helpers = Self::load(ws, lang)?;
        helpers.memories = Some(memories);
        Ok(helpers)
    }

    /// Suggestions for `segment`, between the neighbours of `context`, best first (in-context
    /// matches before the other exact ones), leaving out `current` (the translation already
    /// in its text area).
    #[must_use]
    pub fn suggestions(
        &self,
        segment: &Segment,
        context: Option<Context>,
        current: &str,
    ) -> Vec<Suggestion> {
        let memory = self.memory.get_or_init(|| match self.memories {
            Some(memories) => memories.get(self.ws, &self.lang),
            // The memory's cache is only a cache: writing it here spares the next page a
            // rebuild from every translation file.
            None => store::open_stamped(self.ws, &self.lang, true)
                .ok()
                .map(|opened| Arc::new(Kept::new(opened))),
        });
        let Some(memory) = memory else {
            return Vec::new();
        };
        memory
            .lookup_in(&segment.text, context, MIN_SCORE, LIMIT + 1)
            .into_iter()
            .filter(|hit| hit.target != current)
            .take(LIMIT)
            .map(|hit| Suggestion {
                origin: match &hit.origin {
                    Origin::Segment { article, n, .. } => format!("{article} #{n}"),
                    Origin::Obsolete { article, .. } => article.clone(),
                    Origin::Tmx { file, .. } => file.clone(),
                },
                text: hit.target,
                source: hit.source,
                score: hit.score,
                in_context: hit.in_context,
            })
            .collect()
    }

    /// The quality checks' settings and glossaries, when the glossary could be read.
    #[must_use]
    pub fn qa(&self) -> Option<&bitext_core::qa::Context> {
        self.qa.as_ref()
    }

    /// The glossary of the language, when it has one and its check is not off.
    #[must_use]
    pub fn glossary(&self) -> Option<&bitext_core::qa::glossary::Glossary> {
        let ctx = self.qa.as_ref()?;
        if ctx.level(bitext_core::qa::Check::Glossary, &self.lang) == bitext_core::qa::Level::Off {
            return None;
        }
        ctx.glossaries
            .iter()
            .find(|(l, _)| *l == self.lang)
            .map(|(_, g)| g)
    }

    /// Quality findings on `target` as the translation of `segment`, worded for `ui`.
    #[must_use]
    pub fn findings(&self, ui: &Ui<'_>, segment: &Segment, target: &str) -> Vec<Finding> {
        let Some(ctx) = &self.qa else {
            return Vec::new();
        };
        worded(
            ui,
            &bitext_core::qa::check_segment(ctx, &segment.text, target, &self.lang),
        )
    }
}

/// Quality findings worded for `ui`.
#[must_use]
pub fn worded(ui: &Ui<'_>, findings: &[bitext_core::qa::Finding]) -> Vec<Finding> {
    findings
        .iter()
        .map(|f| {
            let args: Vec<(&str, bitext_core::l10n::Arg<'_>)> = f
                .args
                .iter()
                .map(|(name, value)| (*name, bitext_core::l10n::Arg::Str(value.as_str())))
                .collect();
            Finding {
                error: f.level == bitext_core::qa::Level::Error,
                code: f.check.code().to_owned(),
                message: ui.ta(f.message_id, &args),
            }
        })
        .collect()
}
