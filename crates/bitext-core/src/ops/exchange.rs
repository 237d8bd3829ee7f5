//! Exchange with translators' tools (PO, XLIFF, TMX) as operations: what an export of an
//! article holds, and the rules by which an imported file may change the workspace.
//!
//! The import rules guard the model: a unit is matched to the current segments by the same
//! alignment as translation files, so a unit whose source changed after export is recorded
//! against its old text and shows as `stale`; a unit the file marks as unfinished (fuzzy,
//! initial, needs-review) is never recorded as current; a memory match the export offered for
//! a missing segment (a PO entry still fuzzy with that match unchanged, an XLIFF candidate) is
//! no target and records nothing; a unit for no segment is reported and skipped; an empty
//! target changes nothing; a target holding bitext's untranslated marker is skipped and one
//! that is the source text recorded as a draft at most; and a translation changed in the
//! workspace since the export is kept, reported as a conflict, unless the import is forced.

mod export;
mod import;

pub use export::{export_article, export_files};
pub use import::{ImportCounts, ImportReport, import, read_files, render};
