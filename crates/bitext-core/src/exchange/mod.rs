//! Exchange formats: PO, XLIFF 2.0 and 1.2, TMX, and the safe XML reader they share; the
//! files alone. What an exported file holds for each segment is [`ExportArticle`], and what an
//! imported one brings is [`ImportedFile`]; the rules by which an import may change the
//! workspace are an operation ([`crate::ops::exchange`]). It uses the model and the workspace.

pub mod po;
pub mod tmx;
pub mod xliff;
pub mod xml;

use std::path::PathBuf;

use crate::model::assess::State;
use crate::model::lang::Lang;
use crate::model::slug::Slug;

/// A translation the memory offers for a missing segment, as exchange files carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// 100 for the same text, below it the fuzzy score.
    pub score: u8,
    /// The match's source text.
    pub source: String,
    /// Its translation.
    pub target: String,
    /// Where it comes from: `article#n (lang)`, `article, obsolete (lang)` or `file (lang)`.
    pub origin: String,
    /// True if and only if it is an in-context match: the same text, made between the same
    /// neighbours as the segment's.
    pub in_context: bool,
}

/// One segment as exported.
#[derive(Debug, Clone)]
pub struct ExportUnit {
    /// 1-based position.
    pub n: usize,
    /// Segment id.
    pub id: String,
    /// 1-based line in the source file.
    pub line: usize,
    /// The current source text.
    pub source: String,
    /// The workspace's translation (empty when missing).
    pub target: String,
    /// The segment's state.
    pub state: State,
    /// Whether the translation is marked reviewed.
    pub reviewed: bool,
    /// The comment kept on the translation, exported as a note for the translator (never
    /// imported back: it stays in the workspace's file).
    pub comment: Option<String>,
    /// For a stale segment, the source text the translation was made from.
    pub previous_source: Option<String>,
    /// Hash of `target`, so an import can tell whether the workspace changed since.
    pub base: String,
    /// For a missing segment, the memory's best match, offered to the translator as a fuzzy
    /// suggestion and never imported back as a translation.
    pub suggestion: Option<Suggestion>,
}

/// One article in one language, as exported.
#[derive(Debug, Clone)]
pub struct ExportArticle {
    /// The article.
    pub slug: Slug,
    /// Its source file, relative to the root.
    pub path: String,
    /// The source language.
    pub source_lang: Lang,
    /// The target language.
    pub lang: Lang,
    /// Its segments.
    pub units: Vec<ExportUnit>,
}

/// How far along an imported unit is, in the file's own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExchangeState {
    /// Not translated (XLIFF `initial`/`new`, an empty PO entry).
    New,
    /// Translated but flagged for review (PO `fuzzy`, XLIFF 1.2 `needs-*`).
    NeedsReview,
    /// Translated.
    Translated,
    /// Reviewed or final.
    Reviewed,
}

/// A unit read from an exchange file.
#[derive(Debug, Clone)]
pub struct ImportedUnit {
    /// The segment id the unit was exported for.
    pub id: String,
    /// The source text in the file.
    pub source: String,
    /// The translation in the file.
    pub target: String,
    /// Its state.
    pub state: ExchangeState,
    /// The hash of the workspace translation at export time, when the file carries it.
    pub base: Option<String>,
    /// 1-based line and column of the unit in the file.
    pub position: (usize, usize),
}

/// An exchange file read for import.
#[derive(Debug, Clone)]
pub struct ImportedFile {
    /// The file.
    pub path: PathBuf,
    /// The article it is for.
    pub article: String,
    /// The target language it holds.
    pub lang: String,
    /// Its units, in file order.
    pub units: Vec<ImportedUnit>,
}
