//! TMX 1.4b translation memories: every current segment pair, one `<tu>` per pair, with
//! `segtype="paragraph"`, readable by `OmegaT` and Translate Toolkit.

use std::fmt::Write as _;

use crate::exchange::ExportArticle;
use crate::exchange::xml::escape;
use crate::model::assess::State;

/// Writes a memory of the current segments of `articles` (each in its own target language).
#[must_use]
pub fn write(source_lang: &str, articles: &[ExportArticle]) -> String {
    let mut out = head(source_lang);
    for article in articles {
        out.push_str(&units(source_lang, article));
    }
    out.push_str(TAIL);
    out
}

/// The end of a memory, after the last unit.
pub const TAIL: &str = "  </body>\n</tmx>\n";

/// Everything before the first unit; the units of each article follow ([`units`]), then
/// [`TAIL`]: a memory can be written article by article.
#[must_use]
pub fn head(source_lang: &str) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    let _ = writeln!(
        out,
        "  <header creationtool=\"bitext\" creationtoolversion=\"{}\" segtype=\"paragraph\" o-tmf=\"bitext\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>",
        env!("CARGO_PKG_VERSION"),
        escape(source_lang)
    );
    out.push_str("  <body>\n");
    out
}

/// The units of the current segments of one article.
#[must_use]
pub fn units(source_lang: &str, article: &ExportArticle) -> String {
    let mut out = String::new();
    {
        for unit in article.units.iter().filter(|u| u.state == State::Current) {
            let _ = writeln!(
                out,
                "    <tu tuid=\"{}/{}/{}\">",
                escape(article.slug.as_str()),
                escape(article.lang.as_str()),
                escape(&unit.id)
            );
            let _ = writeln!(
                out,
                "      <prop type=\"x-bitext-source\">{}:{}</prop>",
                escape(&article.path),
                unit.line
            );
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                escape(source_lang),
                escape(&unit.source)
            );
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                escape(article.lang.as_str()),
                escape(&unit.target)
            );
            out.push_str("    </tu>\n");
        }
    }
    out
}

/// One translation unit read from a TMX file: a source text and its translations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmxUnit {
    /// The source-language text, normalised like a segment.
    pub source: String,
    /// Translations as (canonical language tag, normalised text).
    pub targets: Vec<(String, String)>,
}

/// Reads a TMX 1.4 memory with the safe XML reader. `source_lang` is the workspace's source
/// language, used when the header's `srclang` is `*all*`.
///
/// # Errors
/// Malformed XML, or a document that is not a TMX memory (wrong root or version, no header
/// or body, a `<tuv>` without a language or a `<seg>`), with the line and column.
pub fn read(
    path: &std::path::Path,
    text: &str,
    source_lang: &crate::model::lang::Lang,
) -> crate::error::Result<Vec<TmxUnit>> {
    use crate::model::lang::Lang;
    use crate::model::segment::normalise_paragraph;
    let root = crate::exchange::xml::parse(path, text)?;
    let fail = |position: (usize, usize), detail: String| crate::error::Error::ParseExchange {
        path: path.to_owned(),
        line: position.0,
        column: position.1,
        detail,
    };
    if root.name != "tmx" {
        return Err(fail(
            root.position,
            crate::t!("tmx-not-tmx", found = root.name.as_str()),
        ));
    }
    if !root.attr("version").is_some_and(|v| v.starts_with("1.4")) {
        return Err(fail(root.position, crate::t!("tmx-version")));
    }
    let header = root
        .child("header")
        .ok_or_else(|| fail(root.position, crate::t!("tmx-missing", element = "header")))?;
    let body = root
        .child("body")
        .ok_or_else(|| fail(root.position, crate::t!("tmx-missing", element = "body")))?;
    let declared = header.attr("srclang").unwrap_or("*all*");
    let srclang = if declared == "*all*" {
        source_lang.clone()
    } else {
        Lang::parse(declared)
            .map_err(|_| fail(header.position, crate::t!("tmx-bad-lang", tag = declared)))?
    };
    let primary = |lang: &Lang| lang.as_str().split('-').next().unwrap_or("").to_owned();
    let mut units = Vec::new();
    for tu in body.children_named("tu") {
        let mut source = None;
        let mut targets = Vec::new();
        for tuv in tu.children_named("tuv") {
            let tag = tuv
                .attr("xml:lang")
                .or_else(|| tuv.attr("lang"))
                .ok_or_else(|| fail(tuv.position, crate::t!("tmx-tuv-lang")))?;
            let lang = Lang::parse(tag)
                .map_err(|_| fail(tuv.position, crate::t!("tmx-bad-lang", tag = tag)))?;
            let seg = tuv
                .child("seg")
                .ok_or_else(|| fail(tuv.position, crate::t!("tmx-missing", element = "seg")))?;
            let raw = seg.text();
            if let Some(character) = crate::model::translation::forbidden_control(&raw) {
                let (line, column) = seg.position;
                return Err(crate::error::Error::ControlCharacter {
                    place: format!("{}:{line}:{column}", crate::error::disp(path)),
                    unit: Some(crate::t!("control-tuv", lang = lang.as_str())),
                    character,
                });
            }
            let text = normalise_paragraph(&raw)
                .unwrap_or_else(|| raw.split_whitespace().collect::<Vec<_>>().join(" "));
            if text.is_empty() {
                continue;
            }
            if source.is_none() && primary(&lang) == primary(&srclang) {
                source = Some(text);
            } else {
                targets.push((lang.to_string(), text));
            }
        }
        if let Some(source) = source
            && !targets.is_empty()
        {
            units.push(TmxUnit { source, targets });
        }
    }
    Ok(units)
}
