//! Print-ready PDF: the HTML export with a print stylesheet on top, typeset by WeasyPrint, a
//! program the user installs. bitext lays nothing out itself.
//!
//! The stylesheet sets the page (A4 or Letter, margins), a running header with the
//! document's title and the page numbers in the footer (CSS Paged Media margin boxes),
//! hyphenation by each block's `lang`, widows and orphans, headings kept with what follows,
//! and in the bilingual form each pair of paragraphs as one two-cell table row that is not
//! split across pages. WeasyPrint embeds a subset of every font it uses.
//!
//! The engine is given local files only: the HTML in a temporary directory that is also its
//! base URL, images replaced by their text (as in the EPUB), and proxies pointing nowhere so
//! that nothing is fetched from the network. It runs with a timeout; its stderr is reported
//! when it fails.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::render::document::Document;
use crate::render::{epub, html};

/// The program run when none is named.
pub const DEFAULT_ENGINE: &str = "weasyprint";

/// The environment variable naming the program, when `--pdf-engine` does not.
pub const ENGINE_VAR: &str = "BITEXT_WEASYPRINT";

/// The environment variable setting the engine's time limit, in seconds.
pub const TIMEOUT_VAR: &str = "BITEXT_PDF_TIMEOUT";

/// A page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The CSS `size` of the page.
    fn css(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "letter",
        }
    }
}

/// The print stylesheet, after the HTML export's own. WeasyPrint has no CSS grid before its
/// version 62, so the bilingual rows become tables here, which every version sets side by
/// side.
const PRINT_STYLE: &str = "\
body,body.bilingual{font-family:'DejaVu Serif','Liberation Serif',serif}\
body,body.bilingual{max-width:none;margin:0;padding:0;font-size:10.5pt;line-height:1.4;hyphens:auto}\
body.bilingual{font-size:9.5pt}\
code,pre{font-family:'DejaVu Sans Mono','Liberation Mono',monospace;font-size:.9em}\
p,li,td,th,blockquote{orphans:2;widows:2}\
h1,h2,h3,h4,h5,h6{break-after:avoid;hyphens:manual;line-height:1.2}\
.masthead,nav.toc{hyphens:manual}\
nav.toc{break-after:page}\
article+article{break-before:page}\
.row,.pair{display:table;width:100%;table-layout:fixed;border-collapse:collapse;break-inside:avoid}\
.row>.cell,.pair>.side{display:table-cell;width:50%;vertical-align:top;margin:0;border:0}\
.row>.source,.pair>.source{padding:0 4mm 0 0}\
.row>.target,.pair>.target{padding:0 0 0 4mm}\
.pair>ol.side,.pair>ul.side{padding-left:6mm}\
.row.heading{break-after:avoid}\
tr{break-inside:avoid}\
.table-wrap{overflow:visible}\
a{color:inherit;text-decoration:none}\
.untranslated{background:none;outline:1px dashed #999}";

/// The print stylesheet for `paper`, with `title` in the running header.
#[must_use]
pub fn stylesheet(paper: Paper, title: &str) -> String {
    let mut css = String::new();
    let _ = write!(
        css,
        "@page{{size:{};margin:20mm 18mm 18mm 18mm;\
         @top-center{{content:{};font:italic 8.5pt 'DejaVu Serif','Liberation Serif',serif;color:#555;vertical-align:bottom;padding-bottom:3mm}}\
         @bottom-center{{content:counter(page) ' / ' counter(pages);font:8.5pt 'DejaVu Serif','Liberation Serif',serif;color:#555;vertical-align:top;padding-top:3mm}}}}\
         @page:first{{@top-center{{content:none}}}}",
        paper.css(),
        css_string(title)
    );
    css.push_str(PRINT_STYLE);
    css
}

/// `text` as a CSS string, safe inside a `<style>` element: quotes, backslashes, line breaks
/// and `<` escaped.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Everything before the first article, as [`html::start`] with the print stylesheet added.
#[must_use]
pub fn start(doc: &Document, toc: &[(&str, &str)], paper: Paper) -> String {
    let style = format!("<style>{}</style>\n</head>", stylesheet(paper, &doc.title));
    html::start(doc, toc).replacen("</head>", &style, 1)
}

/// One article's HTML (from [`html::article`]) made ready to print: each image replaced by
/// its text, so that the engine fetches nothing, and each bilingual row of a heading marked
/// `heading`, so that it stays on the page of the row that follows.
#[must_use]
pub fn article(html: &str) -> String {
    const ROW: &str = "<div class=\"row\" ";
    const HEADING_CELL: &str = "\n<div class=\"cell source\" lang=\"";
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        // Attribute values are escaped (`>` as `&gt;`), so a tag ends at the first `>`.
        let Some(close) = after.find('>') else {
            out.push_str(after);
            return out;
        };
        let tag = &after[..=close];
        let next = &after[close + 1..];
        if tag.starts_with("<img ") {
            if let Some(alt) = epub::attribute(tag, "alt").filter(|a| !a.is_empty()) {
                let _ = write!(out, "<span class=\"image\">{alt}</span>");
            }
        } else if tag.starts_with(ROW)
            && next.starts_with(HEADING_CELL)
            && next[HEADING_CELL.len()..]
                .split_once('>')
                .is_some_and(|(_, inner)| {
                    inner.starts_with("<h") && inner[2..].starts_with(|c: char| c.is_ascii_digit())
                })
        {
            out.push_str("<div class=\"row heading\" ");
            out.push_str(&tag[ROW.len()..]);
        } else {
            out.push_str(tag);
        }
        rest = next;
    }
    out.push_str(rest);
    out
}

/// The engine to run: `named` (`--pdf-engine`), else the program in `BITEXT_WEASYPRINT`,
/// else `weasyprint`, looked up in `PATH` when it is a bare name.
///
/// # Errors
/// [`Error::PdfEngineMissing`] when there is no such program.
pub fn find_engine(named: Option<&Path>) -> Result<PathBuf> {
    let program = match named {
        Some(path) => path.to_owned(),
        None => match std::env::var_os(ENGINE_VAR) {
            Some(value) if !value.is_empty() => PathBuf::from(value),
            _ => PathBuf::from(DEFAULT_ENGINE),
        },
    };
    let missing = || Error::PdfEngineMissing {
        program: program.clone(),
    };
    if program.components().count() > 1 || program.is_absolute() {
        return if program.is_file() {
            Ok(program)
        } else {
            Err(missing())
        };
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(&program))
        .find(|candidate| is_executable(candidate))
        .ok_or_else(missing)
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file() || path.with_extension("exe").is_file()
}

/// How long the engine may take for a document of `articles` articles: the seconds
/// `BITEXT_PDF_TIMEOUT` sets, else two minutes and ten seconds more per article. WeasyPrint
/// takes about a second per article of two dozen paragraphs, two in the bilingual form, on a
/// small machine; the limit is there for an engine that hangs, not one that is slow.
///
/// # Errors
/// [`Error::PdfTimeoutSetting`] when `BITEXT_PDF_TIMEOUT` is not a whole number above zero.
pub fn timeout(articles: usize) -> Result<Duration> {
    if let Some(value) = std::env::var_os(TIMEOUT_VAR) {
        let value = value.to_string_lossy();
        return match value.trim().parse::<u64>() {
            Ok(seconds) if seconds > 0 => Ok(Duration::from_secs(seconds)),
            _ => Err(Error::PdfTimeoutSetting {
                value: value.into_owned(),
            }),
        };
    }
    let articles = u64::try_from(articles).unwrap_or(u64::MAX / 16);
    Ok(Duration::from_secs(
        120_u64.saturating_add(articles.saturating_mul(10)),
    ))
}

/// An address nothing listens on, given to the engine as its proxy for every scheme, so that
/// a reference to a remote resource fails at once instead of being fetched.
const NO_PROXY: &str = "http://127.0.0.1:9";

/// Typesets `input` (an HTML file in `dir`) as the PDF `output` (in `dir` too) with
/// `engine`; `path` names the document in errors.
///
/// # Errors
/// The engine could not be started, failed, wrote nothing, or ran past `limit`.
pub fn typeset(
    engine: &Path,
    dir: &Path,
    input: &Path,
    output: &Path,
    path: &Path,
    limit: Duration,
) -> Result<()> {
    let log_path = dir.join("engine.log");
    let failed = |stderr: String| Error::PdfEngineFailed {
        program: engine.to_owned(),
        path: path.to_owned(),
        stderr,
    };
    let log = std::fs::File::create(&log_path).map_err(|e| failed(e.to_string()))?;
    let mut base = OsString::from(dir.as_os_str());
    base.push(std::path::MAIN_SEPARATOR_STR);
    let mut command = Command::new(engine);
    command
        .args(["--encoding", "utf-8", "--media-type", "print", "--base-url"])
        .arg(&base)
        .arg(input)
        .arg(output)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .env_remove("no_proxy")
        .env_remove("NO_PROXY");
    for var in [
        "http_proxy",
        "https_proxy",
        "ftp_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "FTP_PROXY",
        "ALL_PROXY",
    ] {
        command.env(var, NO_PROXY);
    }
    let mut child = command.spawn().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::PdfEngineMissing {
                program: engine.to_owned(),
            }
        } else {
            failed(e.to_string())
        }
    })?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::PdfEngineTimeout {
                    program: engine.to_owned(),
                    path: path.to_owned(),
                    seconds: limit.as_secs(),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(25)),
            Err(e) => return Err(failed(e.to_string())),
        }
    };
    let stderr = std::fs::read(&log_path).unwrap_or_default();
    if !status.success() || !output.is_file() {
        let all = String::from_utf8_lossy(&stderr);
        // WeasyPrint warns about every rule of the screen stylesheet it does not know (CSS
        // grid): what matters is the rest.
        let errors: Vec<&str> = all.lines().filter(|l| !l.starts_with("WARNING:")).collect();
        let errors = errors.join("\n");
        let text = if errors.trim().is_empty() {
            all.trim()
        } else {
            errors.trim()
        };
        // The end of a long log says what went wrong.
        let tail = text
            .char_indices()
            .rev()
            .nth(4000)
            .map_or(text, |(at, _)| &text[at..]);
        let mut report = tail.to_owned();
        if report.is_empty() {
            report = status.to_string();
        }
        return Err(failed(report));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_become_their_text_and_heading_rows_are_marked() {
        let html = "<div class=\"row\" data-n=\"1\" data-id=\"a\">\n<div class=\"cell source\" lang=\"en\"><h1>T</h1></div>\n</div>\n\
                    <div class=\"row\" data-n=\"2\" data-id=\"b\">\n<div class=\"cell source\" lang=\"en\"><p>See <img src=\"https://example.org/c.png\" alt=\"a chart\" /> and <img src=\"x.png\" alt=\"\" />.</p></div>\n</div>\n";
        let printed = article(html);
        assert!(
            printed.starts_with("<div class=\"row heading\" data-n=\"1\" data-id=\"a\">"),
            "{printed}"
        );
        assert!(
            printed.contains("<div class=\"row\" data-n=\"2\""),
            "{printed}"
        );
        assert!(!printed.contains("<img"), "{printed}");
        assert!(
            printed.contains("See <span class=\"image\">a chart</span> and ."),
            "{printed}"
        );
    }

    #[test]
    fn the_running_title_cannot_end_the_style_element() {
        assert_eq!(
            css_string("A \"B\" </style>\\\n"),
            "\"A \\22 B\\22  \\3c /style\\3e \\5c  \""
        );
        let css = stylesheet(Paper::Letter, "T");
        assert!(css.starts_with("@page{size:letter;"), "{css}");
        assert!(css.contains("content:\"T\""), "{css}");
        assert!(css.contains("counter(page)"), "{css}");
    }
}
