//! GNU gettext PO files: one entry per segment.
//!
//! `msgctxt` carries the segment id (so repeated identical paragraphs stay distinct), `msgid`
//! the current source text and `msgstr` the translation. A stale segment is `#, fuzzy` with
//! its old source as `#| msgid`, as `msgmerge --previous` writes it; `#:` points at the source
//! line; `#. bitext-base:` records the workspace translation's hash for conflict detection.
//! A missing segment with a memory match of at least 75% is offered that match as
//! `msgmerge` offers one: `#, fuzzy`, the match's source as `#| msgid` and its translation as
//! `msgstr`, with `#. bitext-suggestion:` (the match's hash, score and origin) so that the
//! entry, imported back still fuzzy and unchanged, records nothing; an in-context match says
//! so in one more `#.` line, which PO editors show as a note.

use std::fmt::Write as _;
use std::path::Path;

use crate::error::{Error, Result};
use crate::exchange::{ExchangeState, ExportArticle, ImportedFile, ImportedUnit};
use crate::model::assess::State;
use crate::model::segment::text_hash;
use crate::t;

const BASE_COMMENT: &str = "bitext-base: ";
/// Marks an entry whose `msgstr` is a memory match offered for a missing segment: the hash
/// of that match, its score and where it comes from. Such an entry, still fuzzy and with the
/// match unchanged, imports as untranslated.
const SUGGESTION_COMMENT: &str = "bitext-suggestion: ";

/// Writes `article` as a PO file. `date` fills the header's revision date
/// (`YYYY-MM-DD HH:MM+0000`).
#[must_use]
pub fn write(article: &ExportArticle, date: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} translation of {}, exported by bitext.\n#",
        article.lang, article.path
    );
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    for (key, value) in [
        ("Project-Id-Version", article.slug.as_str()),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", date),
        ("PO-Revision-Date", date),
        ("Last-Translator", "bitext"),
        ("Language-Team", article.lang.as_str()),
        ("Language", article.lang.as_str()),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Generator", concat!("bitext ", env!("CARGO_PKG_VERSION"))),
        ("X-Bitext-Article", article.slug.as_str()),
        ("X-Bitext-Source-Language", article.source_lang.as_str()),
    ] {
        let _ = writeln!(out, "\"{}\"", escape(&format!("{key}: {value}\n")));
    }
    for unit in &article.units {
        out.push('\n');
        // The comment on the translation, as translator comments (`# `), which an import
        // reads past.
        for line in unit.comment.iter().flat_map(|c| c.lines()) {
            if line.is_empty() {
                out.push_str("#\n");
            } else {
                let _ = writeln!(out, "# {line}");
            }
        }
        let _ = writeln!(out, "#. {BASE_COMMENT}{}", unit.base);
        if let Some(hit) = &unit.suggestion {
            let _ = writeln!(
                out,
                "#. {SUGGESTION_COMMENT}{} {}% {}",
                text_hash(&hit.target),
                hit.score,
                hit.origin.replace('\n', " ")
            );
            if hit.in_context {
                let _ = writeln!(out, "#. {}", t!("exchange-match-in-context"));
            }
        }
        let _ = writeln!(out, "#: {}:{}", article.path, unit.line);
        let fuzzy = matches!(unit.state, State::Stale | State::Draft) || unit.suggestion.is_some();
        if fuzzy {
            out.push_str("#, fuzzy\n");
        }
        let previous = unit
            .previous_source
            .as_ref()
            .or(unit.suggestion.as_ref().map(|h| &h.source));
        if let Some(previous) = previous {
            push_string(&mut out, "#| msgid", previous);
        }
        push_string(&mut out, "msgctxt", &unit.id);
        push_string(&mut out, "msgid", &unit.source);
        let target = unit.suggestion.as_ref().map_or(&unit.target, |h| &h.target);
        push_string(&mut out, "msgstr", target);
    }
    out
}

/// Writes `keyword "text"`, splitting after each newline as gettext tools do.
fn push_string(out: &mut String, keyword: &str, text: &str) {
    let prefix = if keyword.starts_with("#|") { "#| " } else { "" };
    if !text.contains('\n') {
        let _ = writeln!(out, "{keyword} \"{}\"", escape(text));
        return;
    }
    let _ = writeln!(out, "{keyword} \"\"");
    let mut rest = text;
    while let Some(i) = rest.find('\n') {
        let _ = writeln!(out, "{prefix}\"{}\"", escape(&rest[..=i]));
        rest = &rest[i + 1..];
    }
    if !rest.is_empty() {
        let _ = writeln!(out, "{prefix}\"{}\"", escape(rest));
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// The entry being read.
#[derive(Default)]
struct Entry {
    line: usize,
    fuzzy: bool,
    obsolete: bool,
    base: Option<String>,
    suggestion: Option<String>,
    msgctxt: Option<String>,
    msgid: Option<String>,
    msgstr: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Ctxt,
    Id,
    Str,
}

/// Reads a PO file exported by bitext.
///
/// # Errors
/// Bad PO syntax (with line and column), plural entries, or a header without the article and
/// language.
pub fn read(path: &Path, text: &str) -> Result<ImportedFile> {
    let fail = |line: usize, column: usize, detail: &str| Error::ParseExchange {
        path: path.to_owned(),
        line,
        column,
        detail: detail.to_owned(),
    };
    let entries = parse_entries(text.strip_prefix('\u{feff}').unwrap_or(text), &fail)?;
    to_file(path, entries, &fail)
}

/// Splits PO text into entries.
#[allow(
    clippy::too_many_lines,
    reason = "a line-by-line state machine reads best in one place"
)]
fn parse_entries(text: &str, fail: &dyn Fn(usize, usize, &str) -> Error) -> Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut entry = Entry::default();
    let mut field: Option<Field> = None;
    for (index, raw_line) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw_line.trim_end_matches('\r');
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix('#') {
            if entry.msgstr.is_some() {
                entries.push(std::mem::take(&mut entry));
                field = None;
            }
            if entry.line == 0 {
                entry.line = number;
            }
            if let Some(flags) = rest.strip_prefix(',') {
                entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            } else if let Some(comment) = rest.strip_prefix('.') {
                let comment = comment.trim();
                if let Some(base) = comment.strip_prefix(BASE_COMMENT) {
                    entry.base = Some(base.trim().to_owned());
                } else if let Some(suggestion) = comment.strip_prefix(SUGGESTION_COMMENT) {
                    entry.suggestion = suggestion.split_whitespace().next().map(str::to_owned);
                }
            } else if rest.starts_with('~') {
                entry.obsolete = true;
            }
            continue;
        }
        if trimmed.starts_with('"') {
            let Some(current) = field else {
                return Err(fail(
                    number,
                    indent + 1,
                    &t!("po-continuation-without-keyword"),
                ));
            };
            let value = unquote(trimmed)
                .map_err(|(column, detail)| fail(number, indent + column, &detail))?;
            let slot = match current {
                Field::Ctxt => &mut entry.msgctxt,
                Field::Id => &mut entry.msgid,
                Field::Str => &mut entry.msgstr,
            };
            slot.get_or_insert_with(String::new).push_str(&value);
            continue;
        }
        let (keyword, rest) = trimmed
            .split_once(char::is_whitespace)
            .unwrap_or((trimmed, ""));
        let rest = rest.trim_start();
        let column = indent + (trimmed.len() - rest.len()) + 1;
        let next = match keyword {
            "msgctxt" => Field::Ctxt,
            "msgid" => Field::Id,
            "msgstr" => Field::Str,
            "msgid_plural" => {
                return Err(fail(number, indent + 1, &t!("po-plural-entry")));
            }
            k if k.starts_with("msgstr[") => {
                return Err(fail(number, indent + 1, &t!("po-plural-entry")));
            }
            _ => {
                return Err(fail(
                    number,
                    indent + 1,
                    &t!("po-unknown-keyword", keyword = keyword),
                ));
            }
        };
        if entry.msgstr.is_some()
            || (next != Field::Str && entry.msgid.is_some())
            || (next == Field::Ctxt && entry.msgctxt.is_some())
        {
            if entry.msgstr.is_none() {
                return Err(fail(number, indent + 1, &t!("po-entry-without-msgstr")));
            }
            entries.push(std::mem::take(&mut entry));
        }
        if next == Field::Str && entry.msgid.is_none() {
            return Err(fail(number, indent + 1, &t!("po-msgstr-without-msgid")));
        }
        if entry.line == 0 {
            entry.line = number;
        }
        let value = unquote(rest).map_err(|(c, detail)| fail(number, column + c - 1, &detail))?;
        match next {
            Field::Ctxt => entry.msgctxt = Some(value),
            Field::Id => entry.msgid = Some(value),
            Field::Str => entry.msgstr = Some(value),
        }
        field = Some(next);
    }
    if entry.msgid.is_some() || entry.msgctxt.is_some() {
        if entry.msgstr.is_none() {
            return Err(fail(
                text.lines().count(),
                1,
                &t!("po-last-entry-without-msgstr"),
            ));
        }
        entries.push(entry);
    }
    Ok(entries)
}

/// The bitext view of parsed entries: article and language from the header, one unit per
/// live entry.
fn to_file(
    path: &Path,
    entries: Vec<Entry>,
    fail: &dyn Fn(usize, usize, &str) -> Error,
) -> Result<ImportedFile> {
    let header = entries
        .iter()
        .find(|e| e.msgid.as_deref() == Some("") && e.msgctxt.is_none())
        .and_then(|e| e.msgstr.clone())
        .unwrap_or_default();
    let field_of = |name: &str| {
        header.lines().find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.trim().eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim().to_owned())
        })
    };
    let article =
        field_of("X-Bitext-Article").ok_or_else(|| fail(1, 1, &t!("po-no-article-header")))?;
    let lang = field_of("Language")
        .filter(|l| !l.is_empty())
        .ok_or_else(|| fail(1, 1, &t!("po-no-language-header")))?;
    let units = entries
        .into_iter()
        .filter(|e| !(e.obsolete || e.msgid.as_deref() == Some("") && e.msgctxt.is_none()))
        .map(|e| {
            let mut target = e.msgstr.unwrap_or_default();
            // A memory match offered by the export, left as it was, is not a translation.
            if e.fuzzy && e.suggestion.as_deref() == Some(text_hash(&target).as_str()) {
                target.clear();
            }
            let state = if target.is_empty() {
                ExchangeState::New
            } else if e.fuzzy {
                ExchangeState::NeedsReview
            } else {
                ExchangeState::Translated
            };
            ImportedUnit {
                id: e.msgctxt.unwrap_or_default(),
                source: e.msgid.unwrap_or_default(),
                target,
                state,
                base: e.base,
                position: (e.line, 1),
            }
        })
        .collect();
    Ok(ImportedFile {
        path: path.to_owned(),
        article,
        lang: lang.replace('_', "-"),
        units,
    })
}

/// Reads one quoted PO string; errors carry a 1-based column within `s`.
fn unquote(s: &str) -> std::result::Result<String, (usize, String)> {
    let s = s.trim_end();
    let inner = s
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .filter(|_| s.len() >= 2)
        .ok_or_else(|| (1, t!("po-expected-string")))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                let escaped = match chars.next() {
                    Some((_, 'n')) => '\n',
                    Some((_, 't')) => '\t',
                    Some((_, 'r')) => '\r',
                    Some((_, '\\')) => '\\',
                    Some((_, '"')) => '"',
                    Some((_, 'a')) => '\u{7}',
                    Some((_, 'b')) => '\u{8}',
                    Some((_, 'f')) => '\u{c}',
                    Some((_, 'v')) => '\u{b}',
                    _ => return Err((i + 2, t!("po-unknown-escape"))),
                };
                out.push(escaped);
            }
            '"' => return Err((i + 2, t!("po-unescaped-quote"))),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The current time as a PO header date, from `SOURCE_DATE_EPOCH` when set (for reproducible
/// exports) or the clock.
#[must_use]
pub fn header_date() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}+0000",
        secs / 3600,
        secs % 3600 / 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_gregorian() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_416), (2023, 2, 28));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn strings_round_trip_through_escapes() {
        let text = "a \"quoted\" \\ back\tslash";
        assert_eq!(
            unquote(&format!("\"{}\"", escape(text))).as_deref(),
            Ok(text)
        );
        assert!(unquote("\"bad \\q\"").is_err());
        assert!(unquote("no quotes").is_err());
        assert!(unquote("\"in\"side\"").is_err());
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let text = "msgid \"\"\nmsgstr \"X-Bitext-Article: a\\nLanguage: fr\\n\"\n\nmsgctxt \"x\"\nmsgid \"one\nmsgstr \"\"\n";
        let err = read(Path::new("f.po"), text)
            .expect_err("unterminated")
            .to_string();
        assert!(err.starts_with("f.po:5:7:"), "{err}");
        let err = read(Path::new("f.po"), "msgid \"a\"\nmsgstr[0] \"b\"\n")
            .expect_err("plural")
            .to_string();
        assert!(
            err.starts_with("f.po:2:1:") && err.contains("plural"),
            "{err}"
        );
        let err = read(
            Path::new("f.po"),
            "msgid \"\"\nmsgstr \"Language: fr\\n\"\n",
        )
        .expect_err("no article")
        .to_string();
        assert!(err.contains("X-Bitext-Article"), "{err}");
    }
}
