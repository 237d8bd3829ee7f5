//! XLIFF 2.0 (the default) and XLIFF 1.2 (for older tools): one `<file>` per article, one unit
//! per segment, validating against the OASIS schemas.
//!
//! States: XLIFF 2.0 `state` on `<segment>` is `initial` for missing, stale and draft segments,
//! `translated`, or `reviewed`; a stale segment carries its old source and old translation in
//! notes. XLIFF 1.2 uses `state` on `<target>`: `new`, `needs-review-translation` (stale or
//! draft), `translated` or `signed-off`. The workspace translation's hash rides along as the
//! extension attribute `bitext:base` in 2.0, and in `extradata` in 1.2, whose strict schema
//! allows no foreign attributes.
//!
//! A missing segment with a memory match of at least 75% carries it as a translation
//! candidate: an `<mtc:match>` (Translation Candidates module) in 2.0, an `<alt-trans>` in
//! 1.2. Neither is a target, so an import never records it. An in-context match is
//! `type="icm"` in 2.0 (the module's own word for it) and carries a note saying so in 1.2,
//! which has no such type.

use std::fmt::Write as _;
use std::path::Path;

use crate::error::{Error, Result};
use crate::exchange::xml::{self, Element, escape};
use crate::exchange::{ExchangeState, ExportArticle, ImportedFile, ImportedUnit};
use crate::model::assess::State;
use crate::t;

/// The extension namespace for bitext's own attributes.
pub const BITEXT_NS: &str = "urn:bitext:xliff";
const XLIFF2_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
const XLIFF12_NS: &str = "urn:oasis:names:tc:xliff:document:1.2";
/// The Translation Candidates module of XLIFF 2.0.
const MATCHES_NS: &str = "urn:oasis:names:tc:xliff:matches:2.0";
/// The id of a unit's one segment, which a translation candidate points at.
const SEGMENT_ID: &str = "s1";
/// XLIFF 1.2's strict schema allows no foreign attributes; the hash goes in `extradata`.
const BASE_PREFIX: &str = "bitext-base:";

/// Which XLIFF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// XLIFF 2.0.
    V2_0,
    /// XLIFF 1.2.
    V1_2,
}

/// Writes `article` as an XLIFF document of `version`.
#[must_use]
pub fn write(article: &ExportArticle, version: Version) -> String {
    match version {
        Version::V2_0 => write_2_0(article),
        Version::V1_2 => write_1_2(article),
    }
}

fn write_2_0(article: &ExportArticle) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<xliff xmlns=\"{XLIFF2_NS}\" xmlns:bitext=\"{BITEXT_NS}\"{} version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
        if article.units.iter().any(|u| u.suggestion.is_some()) {
            format!(" xmlns:mtc=\"{MATCHES_NS}\"")
        } else {
            String::new()
        },
        escape(article.source_lang.as_str()),
        escape(article.lang.as_str())
    );
    let _ = writeln!(
        out,
        "  <file id=\"{}\" original=\"{}\">",
        escape(article.slug.as_str()),
        escape(&article.path)
    );
    for unit in &article.units {
        let state = match (unit.state, unit.reviewed) {
            (State::Current, true) => "reviewed",
            (State::Current, false) => "translated",
            (State::Stale | State::Missing | State::Draft, _) => "initial",
        };
        let _ = writeln!(
            out,
            "    <unit id=\"u{}\" name=\"{}\" bitext:base=\"{}\">",
            escape(&unit.id),
            escape(&unit.id),
            escape(&unit.base)
        );
        if let Some(hit) = &unit.suggestion {
            let _ = writeln!(out, "      <mtc:matches>");
            let _ = writeln!(
                out,
                "        <mtc:match ref=\"#{SEGMENT_ID}\" type=\"{}\" similarity=\"{}\" origin=\"{}\">",
                if hit.in_context { "icm" } else { "tm" },
                hit.score,
                escape(&hit.origin)
            );
            let _ = writeln!(out, "          <source>{}</source>", escape(&hit.source));
            let _ = writeln!(out, "          <target>{}</target>", escape(&hit.target));
            out.push_str("        </mtc:match>\n      </mtc:matches>\n");
        }
        let _ = writeln!(out, "      <notes>");
        let _ = writeln!(
            out,
            "        <note category=\"location\">{}:{}</note>",
            escape(&article.path),
            unit.line
        );
        if let Some(comment) = &unit.comment {
            let _ = writeln!(
                out,
                "        <note category=\"comment\">{}</note>",
                escape(comment)
            );
        }
        if let Some(previous) = &unit.previous_source {
            let _ = writeln!(
                out,
                "        <note category=\"previous-source\">{}</note>",
                escape(previous)
            );
            let _ = writeln!(
                out,
                "        <note category=\"previous-target\">{}</note>",
                escape(&unit.target)
            );
        }
        out.push_str("      </notes>\n");
        let id = if unit.suggestion.is_some() {
            format!(" id=\"{SEGMENT_ID}\"")
        } else {
            String::new()
        };
        let _ = writeln!(out, "      <segment{id} state=\"{state}\">");
        let _ = writeln!(out, "        <source>{}</source>", escape(&unit.source));
        if !unit.target.is_empty() {
            let _ = writeln!(out, "        <target>{}</target>", escape(&unit.target));
        }
        out.push_str("      </segment>\n    </unit>\n");
    }
    out.push_str("  </file>\n</xliff>\n");
    out
}

fn write_1_2(article: &ExportArticle) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<xliff xmlns=\"{XLIFF12_NS}\" version=\"1.2\">");
    let _ = writeln!(
        out,
        "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"x-markdown\">",
        escape(&article.path),
        escape(article.source_lang.as_str()),
        escape(article.lang.as_str())
    );
    out.push_str("    <body>\n");
    for unit in &article.units {
        let state = match (unit.state, unit.reviewed) {
            (State::Current, true) => "signed-off",
            (State::Current, false) => "translated",
            (State::Stale | State::Draft, _) => "needs-review-translation",
            (State::Missing, _) => "new",
        };
        // Tools built on Translate Toolkit read `approved` as "not fuzzy".
        let approved = if unit.state == State::Current {
            "yes"
        } else {
            "no"
        };
        let _ = writeln!(
            out,
            "      <trans-unit id=\"{}\" resname=\"{}\" approved=\"{approved}\" extradata=\"{BASE_PREFIX}{}\">",
            escape(&unit.id),
            escape(&unit.id),
            escape(&unit.base)
        );
        let _ = writeln!(out, "        <source>{}</source>", escape(&unit.source));
        let _ = writeln!(
            out,
            "        <target state=\"{state}\">{}</target>",
            escape(&unit.target)
        );
        if let Some(previous) = &unit.previous_source {
            let _ = writeln!(
                out,
                "        <note from=\"bitext\">Previous source: {}</note>",
                escape(previous)
            );
        }
        if let Some(comment) = &unit.comment {
            let _ = writeln!(
                out,
                "        <note from=\"comment\">{}</note>",
                escape(comment)
            );
        }
        if let Some(hit) = &unit.suggestion {
            let note = if hit.in_context {
                format!(
                    "<note from=\"bitext\">{}</note>",
                    escape(&t!("exchange-match-in-context"))
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "        <alt-trans match-quality=\"{}%\" origin=\"{}\"><source>{}</source><target>{}</target>{note}</alt-trans>",
                hit.score,
                escape(&hit.origin),
                escape(&hit.source),
                escape(&hit.target)
            );
        }
        let _ = writeln!(
            out,
            "        <context-group purpose=\"location\"><context context-type=\"sourcefile\">{}</context><context context-type=\"linenumber\">{}</context></context-group>",
            escape(&article.path),
            unit.line
        );
        out.push_str("      </trans-unit>\n");
    }
    out.push_str("    </body>\n  </file>\n</xliff>\n");
    out
}

/// Reads an XLIFF 2.0 or 1.2 document exported by bitext (one `<file>` per article).
///
/// # Errors
/// Malformed or unsafe XML, or a document that is not XLIFF 2.0 or 1.2, with line and column.
pub fn read(path: &Path, text: &str) -> Result<Vec<ImportedFile>> {
    let root = xml::parse(path, text)?;
    let fail = |element: &Element, detail: &str| Error::ParseExchange {
        path: path.to_owned(),
        line: element.position.0,
        column: element.position.1,
        detail: detail.to_owned(),
    };
    if root.name != "xliff" {
        return Err(fail(&root, &t!("xliff-root-not-xliff")));
    }
    match root.attr("version") {
        Some("2.0" | "2.1") => read_2_0(path, &root, &fail),
        Some("1.2") => read_1_2(path, &root, &fail),
        _ => Err(fail(&root, &t!("xliff-unsupported-version"))),
    }
}

fn base_of(element: &Element) -> Option<String> {
    element.attr("bitext:base").map(str::to_owned)
}

fn read_2_0(
    path: &Path,
    root: &Element,
    fail: &dyn Fn(&Element, &str) -> Error,
) -> Result<Vec<ImportedFile>> {
    let lang = root
        .attr("trgLang")
        .ok_or_else(|| {
            fail(
                root,
                &t!(
                    "xliff-missing-attribute",
                    attribute = "trgLang",
                    element = "xliff"
                ),
            )
        })?
        .to_owned();
    let mut files = Vec::new();
    for file in root.children_named("file") {
        let article = file
            .attr("id")
            .ok_or_else(|| {
                fail(
                    file,
                    &t!(
                        "xliff-missing-attribute",
                        attribute = "id",
                        element = "file"
                    ),
                )
            })?
            .to_owned();
        let mut units = Vec::new();
        for unit in file.children_named("unit") {
            let segment = unit.child("segment").ok_or_else(|| {
                fail(
                    unit,
                    &t!("xliff-missing-child", child = "segment", element = "unit"),
                )
            })?;
            let source = segment
                .child("source")
                .ok_or_else(|| {
                    fail(
                        segment,
                        &t!("xliff-missing-child", child = "source", element = "segment"),
                    )
                })?
                .text();
            let target = segment
                .child("target")
                .map(Element::text)
                .unwrap_or_default();
            let state = match segment.attr("state").unwrap_or("initial") {
                "initial" if target.is_empty() => ExchangeState::New,
                "initial" => ExchangeState::NeedsReview,
                "translated" => ExchangeState::Translated,
                "reviewed" | "final" => ExchangeState::Reviewed,
                _ => return Err(fail(segment, &t!("xliff-unknown-state"))),
            };
            let id = unit
                .attr("name")
                .or_else(|| unit.attr("id"))
                .unwrap_or_default()
                .to_owned();
            units.push(ImportedUnit {
                id,
                source,
                target,
                state,
                base: base_of(unit),
                position: unit.position,
            });
        }
        files.push(ImportedFile {
            path: path.to_owned(),
            article,
            lang: lang.clone(),
            units,
        });
    }
    Ok(files)
}

fn read_1_2(
    path: &Path,
    root: &Element,
    fail: &dyn Fn(&Element, &str) -> Error,
) -> Result<Vec<ImportedFile>> {
    let mut files = Vec::new();
    for file in root.children_named("file") {
        let lang = file
            .attr("target-language")
            .ok_or_else(|| {
                fail(
                    file,
                    &t!(
                        "xliff-missing-attribute",
                        attribute = "target-language",
                        element = "file"
                    ),
                )
            })?
            .to_owned();
        let article = file
            .attr("original")
            .and_then(|o| Path::new(o).file_stem().and_then(|s| s.to_str()))
            .ok_or_else(|| {
                fail(
                    file,
                    &t!(
                        "xliff-missing-attribute",
                        attribute = "original",
                        element = "file"
                    ),
                )
            })?
            .to_owned();
        let body = file.child("body").ok_or_else(|| {
            fail(
                file,
                &t!("xliff-missing-child", child = "body", element = "file"),
            )
        })?;
        let mut units = Vec::new();
        for unit in body.children_named("trans-unit") {
            let source = unit
                .child("source")
                .ok_or_else(|| {
                    fail(
                        unit,
                        &t!(
                            "xliff-missing-child",
                            child = "source",
                            element = "trans-unit"
                        ),
                    )
                })?
                .text();
            let target_element = unit.child("target");
            let target = target_element.map(Element::text).unwrap_or_default();
            // Unfinished if either signal says so: a `needs-*` state or `approved="no"`.
            let state = match target_element.and_then(|t| t.attr("state")) {
                _ if target.is_empty() => ExchangeState::New,
                Some("new" | "needs-translation") => ExchangeState::New,
                Some(s) if s.starts_with("needs-") => ExchangeState::NeedsReview,
                _ if unit.attr("approved") == Some("no") => ExchangeState::NeedsReview,
                Some("signed-off" | "final") => ExchangeState::Reviewed,
                _ => ExchangeState::Translated,
            };
            units.push(ImportedUnit {
                id: unit
                    .attr("resname")
                    .or_else(|| unit.attr("id"))
                    .unwrap_or_default()
                    .to_owned(),
                source,
                target,
                state,
                base: unit
                    .attr("extradata")
                    .and_then(|d| d.strip_prefix(BASE_PREFIX))
                    .map(str::to_owned),
                position: unit.position,
            });
        }
        files.push(ImportedFile {
            path: path.to_owned(),
            article,
            lang,
            units,
        });
    }
    Ok(files)
}
