//! bitext's core: everything the tool knows, with no interface. The `bitext` binary (the
//! command line and the workbench) is glue over it.
//!
//! The folders are layers, each using only those before it in this list (a test holds them
//! to it; `docs/architecture.md` draws the map):
//!
//! - [`l10n`]: the tool's own messages in English, French and Spanish (Fluent);
//! - [`error`]: every way an operation can fail;
//! - [`model`]: segments and ids, article names and language tags, translation files,
//!   alignment, states, word diffs, merges;
//! - [`workspace`]: `bitext.toml`, the lock, the files of a workspace and their atomic
//!   writes, work over articles;
//! - [`exchange`]: PO, XLIFF, TMX and the safe XML reader: the file formats alone;
//! - [`memory`]: the translation memory, its fuzzy scores and index;
//! - [`render`]: editions as HTML, Markdown and plain text;
//! - [`qa`]: quality checks on translations;
//! - [`ops`]: the operations that change translations (record, accept, import), one each,
//!   used by every front end.
//!
//! Nothing here prints: operations return values, reports and errors.

pub mod error;
pub mod exchange;
pub mod l10n;
pub mod memory;
pub mod model;
pub mod ops;
pub mod qa;
pub mod render;
pub mod workspace;
