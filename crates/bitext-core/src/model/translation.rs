//! Translation files: `translations/<lang>/<slug>.json`, one per article and language.
//!
//! The format is meant for git: pretty-printed, units in source order, a fixed key order and a
//! trailing newline, so that a change to one paragraph is a change to a few lines. Each unit
//! keeps the normalised source text it was translated from (invariant 3); staleness is always
//! recomputed from that text and the current source (invariant 4). Files are written through a
//! temporary file in the same directory and a rename, so an interrupted write leaves the old
//! file whole.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The first control character of `text` that a translation may not hold: any but tab and
/// the line breaks (a NUL, an escape, a backspace would reach exports as raw bytes, or be
/// dropped by XML).
#[must_use]
pub fn forbidden_control(text: &str) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Refuses a file whose translations (live, obsolete or in conflict) hold a control character
/// other than tab and the line breaks, naming `place` (the file) and the unit.
///
/// # Errors
/// [`Error::ControlCharacter`] for the first such unit.
pub fn refuse_controls(place: &Path, file: &TranslationFile) -> Result<()> {
    let units = file
        .units
        .iter()
        .chain(&file.obsolete)
        .chain(file.conflicts.iter().map(|c| &c.theirs));
    for unit in units {
        let texts = std::iter::once(unit.target.as_str()).chain(unit.comment.as_deref());
        if let Some(character) = { texts }.find_map(forbidden_control) {
            return Err(Error::ControlCharacter {
                place: crate::error::disp(place),
                unit: Some(crate::t!("control-unit", id = unit.id.as_str())),
                character,
            });
        }
    }
    Ok(())
}

/// The lines git's conflict markers begin with.
pub const MARKERS: [&str; 3] = ["<<<<<<<", "=======", ">>>>>>>"];

/// The 1-based line of the first of git's conflict markers in `bytes`: a line starting with
/// `<<<<<<<`, `=======` or `>>>>>>>`. With `all`, only when the three are there in order, as
/// a merge leaves them (a Markdown page may hold one such line as text).
#[must_use]
pub fn conflict_marker_line(bytes: &[u8], all: bool) -> Option<usize> {
    let mut first = None;
    let mut next = 0;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let Some(k) = MARKERS.iter().position(|m| line.starts_with(m.as_bytes())) else {
            continue;
        };
        if !all {
            return Some(i + 1);
        }
        if k == next {
            first.get_or_insert(i + 1);
            next += 1;
            if next == MARKERS.len() {
                return first;
            }
        }
    }
    None
}

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The workflow state of a unit that has a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitState {
    /// Saved but not confirmed: still work left.
    Draft,
    /// Translated.
    Translated,
    /// Translated and reviewed.
    Reviewed,
}

/// One translation of one source paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The id of the segment this unit was last attached to (informative; matching uses text).
    pub id: String,
    /// The normalised source text the translation was made from.
    pub source: String,
    /// The translation; empty when the segment has not been translated.
    pub target: String,
    /// Workflow state; absent exactly when `target` is empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<UnitState>,
    /// A reviewer's or translator's note on the translation, kept with it (through `sync`,
    /// merges and new translations of the segment) until someone removes it. Files without
    /// comments are written as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl Unit {
    /// Returns true if and only if the unit holds a translation.
    #[must_use]
    pub fn has_target(&self) -> bool {
        !self.target.is_empty()
    }
}

/// The content of one translation file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationFile {
    /// Format version, [`FORMAT_VERSION`].
    pub format: u32,
    /// The article's slug; must match the file name.
    pub article: String,
    /// The canonical language tag; must match the directory name.
    pub lang: String,
    /// Units for the article's segments, in source order as of the last write.
    pub units: Vec<Unit>,
    /// Translations whose paragraph no longer exists, kept until an explicit purge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obsolete: Vec<Unit>,
    /// Merge conflicts left by `bitext merge-driver`: the other branch's version of a unit
    /// translated differently on both sides, kept until `bitext resolve` picks one. Files
    /// written before conflicts existed have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// A unit translated differently on two merged branches. The file's own unit (ours) stays
/// in place and in use; the other branch's version (theirs) waits here for a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The id of the unit in conflict, as it was when the conflict was recorded.
    pub id: String,
    /// The source text of the unit in conflict (ours), which identifies it.
    pub source: String,
    /// The other branch's version of the unit.
    pub theirs: Unit,
}

/// Where a unit is in a translation file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Among the live units, at this index.
    Live(usize),
    /// Among the obsolete units, at this index.
    Obsolete(usize),
}

#[derive(Deserialize)]
struct FormatProbe {
    format: serde_json::Value,
}

impl TranslationFile {
    /// An empty file for `article` in `lang`.
    #[must_use]
    pub fn new(article: &str, lang: &str) -> Self {
        Self {
            format: FORMAT_VERSION,
            article: article.to_owned(),
            lang: lang.to_owned(),
            units: Vec::new(),
            obsolete: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    /// Parses and validates file content; `path` is used in errors only.
    ///
    /// # Errors
    /// Malformed JSON (with line and column), an unknown format version, a mismatching
    /// `article` or `lang`, or duplicate unit ids.
    pub fn parse(path: &Path, bytes: &[u8], article: &str, lang: &str) -> Result<Self> {
        // Editors on some systems save UTF-8 with a byte order mark; it is not content.
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let file: Self = match serde_json::from_slice(bytes) {
            Ok(file) => file,
            Err(e) => {
                // A merge without bitext's merge driver leaves git's conflict markers.
                if let Some(line) = conflict_marker_line(bytes, false) {
                    return Err(Error::ConflictMarkers {
                        path: path.to_owned(),
                        line,
                    });
                }
                // A file from a newer bitext fails on its new fields; name the real cause.
                if let Ok(probe) = serde_json::from_slice::<FormatProbe>(bytes)
                    && probe.format != FORMAT_VERSION
                {
                    return Err(Error::UnknownFormat {
                        path: path.to_owned(),
                        found: probe.format.to_string(),
                    });
                }
                return Err(Error::ParseTranslation {
                    path: path.to_owned(),
                    line: e.line(),
                    column: e.column(),
                    detail: crate::l10n::with_detail(
                        match e.classify() {
                            serde_json::error::Category::Eof => "detail-json-eof",
                            serde_json::error::Category::Data => "detail-json-data",
                            _ => "detail-json-syntax",
                        },
                        &e.to_string(),
                    ),
                });
            }
        };
        if file.format != FORMAT_VERSION {
            return Err(Error::UnknownFormat {
                path: path.to_owned(),
                found: file.format.to_string(),
            });
        }
        for (field, expected, found) in [
            ("article", article, file.article.as_str()),
            ("lang", lang, file.lang.as_str()),
        ] {
            if expected != found {
                return Err(Error::TranslationMismatch {
                    path: path.to_owned(),
                    field,
                    expected: expected.to_owned(),
                    found: found.to_owned(),
                });
            }
        }
        let mut ids = std::collections::HashSet::new();
        for unit in &file.units {
            if !ids.insert(unit.id.as_str()) {
                return Err(Error::DuplicateUnitId {
                    path: path.to_owned(),
                    id: unit.id.clone(),
                });
            }
        }
        refuse_controls(path, &file)?;
        Ok(file)
    }

    /// Where the unit a conflict is about lives now: its index among the live units
    /// or among the obsolete ones; `None` when no unit has its source text any
    /// more. A unit with the same id and text is preferred, then any with the same text.
    #[must_use]
    pub fn conflict_unit(&self, conflict: &Conflict) -> Option<Place> {
        let same = |u: &Unit| u.source == conflict.source && u.id == conflict.id;
        let text = |u: &Unit| u.source == conflict.source;
        self.units
            .iter()
            .position(same)
            .map(Place::Live)
            .or_else(|| self.obsolete.iter().position(same).map(Place::Obsolete))
            .or_else(|| self.units.iter().position(text).map(Place::Live))
            .or_else(|| self.obsolete.iter().position(text).map(Place::Obsolete))
    }

    /// The file's canonical serialisation: pretty JSON with a trailing newline.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Sized for the texts and each unit's keys and indentation, so that a large file is
        // written into one buffer rather than grown by doubling (which holds twice the file
        // while it copies).
        let texts: usize = self
            .units
            .iter()
            .chain(&self.obsolete)
            .map(|u| u.source.len() + u.target.len() + u.id.len() + 96)
            .sum();
        let mut out = Vec::with_capacity(texts + texts / 16 + 256);
        // Serialising plain strings and integers cannot fail.
        let _ = serde_json::to_writer_pretty(&mut out, self);
        out.push(b'\n');
        String::from_utf8(out).unwrap_or_default()
    }
}

/// Writes `content` to `path` atomically: a temporary file in the same directory, flushed to
/// disk, then renamed over the target. Creates the parent directory if needed.
///
/// # Errors
/// Any I/O failure, naming `path`.
pub fn write_atomic(path: &Path, content: &str) -> Result<()> {
    write_atomic_with(path, |out| {
        out.write_all(content.as_bytes())
            .map_err(|source| Error::Write {
                path: path.to_owned(),
                source,
            })
    })
}

/// As [`write_atomic`], with the content streamed by `fill` into the temporary file, so that
/// a large document never has to be in memory whole. When `fill` fails, the old file stays.
///
/// # Errors
/// Any I/O failure, naming `path`, or whatever `fill` fails with.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> Result<()>,
) -> Result<()> {
    let temp = stage(path, fill)?;
    commit(temp, path)
}

/// The first half of [`write_atomic_with`]: the content written by `fill` to a temporary
/// file beside `path` and flushed to disk, for [`commit`] to rename over `path` later. A
/// command writing many files stages them all first, so that a failure on the way (dropping
/// the staged files removes them) changes none. Only the temporary file's name is held, not
/// the file.
///
/// # Errors
/// Any I/O failure, naming `path`, or whatever `fill` fails with.
pub fn stage(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> Result<()>,
) -> Result<tempfile::TempPath> {
    let write_error = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::create_dir_all(&dir).map_err(write_error)?;
    // Leftovers of killed writes into this folder go with the first write (see leftovers).
    crate::model::leftovers::sweep(&dir);
    let mut builder = tempfile::Builder::new();
    let prefix = crate::model::leftovers::prefix();
    builder
        .prefix(&prefix)
        .suffix(crate::model::leftovers::suffix());
    // A new file gets the permissions any new file gets (0666 less the umask), not the
    // temporary file's private 0600; a rewritten file keeps its own.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&dir).map_err(write_error)?;
    if let Ok(existing) = std::fs::metadata(path) {
        temp.as_file()
            .set_permissions(existing.permissions())
            .map_err(write_error)?;
    }
    {
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, temp.as_file_mut());
        fill(&mut out)?;
        out.flush().map_err(write_error)?;
    }
    temp.as_file().sync_all().map_err(write_error)?;
    Ok(temp.into_temp_path())
}

/// The second half of [`write_atomic_with`]: the staged file renamed over `path`.
///
/// # Errors
/// A failed rename, naming `path`.
pub fn commit(temp: tempfile::TempPath, path: &Path) -> Result<()> {
    crash_point();
    temp.persist(path).map_err(|e| Error::Write {
        path: path.to_owned(),
        source: e.error,
    })
}

/// Fault injection for the crash-safety tests: with `BITEXT_TEST_CRASH_AFTER_WRITES=k`, the
/// process aborts (as under `kill -9`) during its (k+1)-th atomic write, after the temporary
/// file is complete and before it replaces the old file: the worst moment to die.
fn crash_point() {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static LIMIT: OnceLock<Option<usize>> = OnceLock::new();
    static DONE: AtomicUsize = AtomicUsize::new(0);
    let limit = LIMIT.get_or_init(|| {
        std::env::var("BITEXT_TEST_CRASH_AFTER_WRITES")
            .ok()
            .and_then(|v| v.parse().ok())
    });
    if let Some(limit) = *limit
        && DONE.fetch_add(1, Ordering::SeqCst) >= limit
    {
        std::process::abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflict_markers_are_found_at_line_starts_and_in_order_for_pages() {
        let merged = b"{\n<<<<<<< HEAD\n  \"a\": 1\n=======\n  \"a\": 2\n>>>>>>> other\n}\n";
        assert_eq!(conflict_marker_line(merged, false), Some(2));
        assert_eq!(conflict_marker_line(merged, true), Some(2));
        let heading = b"Title\n=======\n\nText.\n";
        assert_eq!(conflict_marker_line(heading, false), Some(2));
        assert_eq!(conflict_marker_line(heading, true), None);
        assert_eq!(conflict_marker_line(b"a <<<<<<< b\n", false), None);
    }

    #[test]
    fn only_tab_and_line_breaks_pass_among_control_characters() {
        for (text, found) in [
            ("a\tb\nc\r\n", None),
            ("a\u{0}b", Some('\u{0}')),
            ("\u{1b}[31m", Some('\u{1b}')),
            ("a\u{7f}", Some('\u{7f}')),
            ("a\u{85}", Some('\u{85}')),
            ("9\u{a0}février", None),
        ] {
            assert_eq!(forbidden_control(text), found, "{text:?}");
        }
    }
}
