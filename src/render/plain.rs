//! Markdown and plain-text rendering of export documents, readable in a plain editor.
//! Bilingual documents alternate source and translation blocks, each labelled with its
//! language (`[en]`, `[fr]`).

use std::fmt::Write as _;

use crate::model::segment::SegmentKind;
use crate::render::document::{Block, DocArticle, Document};
use crate::render::inline;

/// Which plain format to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// Markdown: segment text as is, headings with `#`, list items with `-`.
    Markdown,
    /// Text: inline markup removed, headings underlined.
    Text,
}

/// Renders `doc` as Markdown or text.
#[must_use]
pub fn render(doc: &Document, flavour: Flavour) -> String {
    let toc: Vec<&str> = doc.articles.iter().map(|a| a.title.as_str()).collect();
    let mut out = start(doc, &toc, flavour);
    for (i, article) in doc.articles.iter().enumerate() {
        out.push_str(&self::article(doc, i, article, flavour));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Everything before the first article: for an edition, the masthead and the table of
/// contents of `toc` (each article's title, in order). The articles follow, each from
/// [`article`]; the document ends with one newline, so a writer drops the blank lines at the
/// very end (see [`render`]).
#[must_use]
pub fn start(doc: &Document, toc: &[&str], flavour: Flavour) -> String {
    let mut out = String::new();
    if let Some(masthead) = &doc.masthead {
        match flavour {
            Flavour::Markdown => {
                let _ = writeln!(out, "*{masthead}*\n");
            }
            Flavour::Text => {
                let _ = writeln!(
                    out,
                    "{masthead}\n{}\n",
                    "=".repeat(masthead.chars().count())
                );
            }
        }
        let _ = writeln!(out, "{}\n", heading_text(flavour, 2, &doc.chrome.contents));
        for (i, title) in toc.iter().enumerate() {
            let _ = writeln!(out, "{}. {title}", i + 1);
        }
        out.push('\n');
    }
    out
}

/// What goes between two articles, in Markdown and in text.
pub const SEPARATORS: [&str; 2] = ["---\n\n", "* * *\n\n"];

/// Article `index` (from 0) of `doc`, with the separator before it when it is not the first.
#[must_use]
pub fn article(doc: &Document, index: usize, article: &DocArticle, flavour: Flavour) -> String {
    let mut out = String::new();
    if index > 0 {
        out.push_str(SEPARATORS[usize::from(flavour == Flavour::Text)]);
    }
    let _ = writeln!(out, "{}\n", emphasis(flavour, &doc.chrome.translated_from));
    for block in &article.blocks {
        render_block(&mut out, doc, block, flavour);
    }
    if let Some(line) = &article.published_in {
        let _ = writeln!(out, "{}\n", emphasis(flavour, line));
    }
    out
}

fn render_block(out: &mut String, doc: &Document, block: &Block, flavour: Flavour) {
    let marker = &doc.chrome.untranslated_marker;
    if doc.bilingual {
        let label = format!("[{}]", doc.source_lang);
        push_block(out, flavour, block.kind, Some(&label), &block.source);
        match &block.target {
            Some((text, lang)) => {
                let label = format!("[{lang}]");
                push_block(out, flavour, block.kind, Some(&label), text);
            }
            None => {
                let label = format!("[{}] {marker}", doc.lang);
                push_block(out, flavour, block.kind, Some(&label), &block.source);
            }
        }
    } else {
        match &block.target {
            Some((text, _)) => push_block(out, flavour, block.kind, None, text),
            None => push_block(out, flavour, block.kind, Some(marker), &block.source),
        }
    }
}

fn push_block(
    out: &mut String,
    flavour: Flavour,
    kind: SegmentKind,
    label: Option<&str>,
    text: &str,
) {
    let body = match flavour {
        Flavour::Markdown => text.to_owned(),
        Flavour::Text => inline::to_plain(text),
    };
    let labelled = match label {
        Some(label) => format!("{label} {body}"),
        None => body,
    };
    let rendered = match kind {
        SegmentKind::Heading(level) => heading_text(flavour, level, &labelled),
        SegmentKind::ListItem => format!("- {labelled}"),
        SegmentKind::Paragraph | SegmentKind::TableCell => labelled,
    };
    let _ = writeln!(out, "{rendered}\n");
}

fn heading_text(flavour: Flavour, level: u8, text: &str) -> String {
    match flavour {
        Flavour::Markdown => format!("{} {text}", "#".repeat(usize::from(level.clamp(1, 6)))),
        Flavour::Text => {
            let underline = if level == 1 { '=' } else { '-' };
            let width = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            format!("{text}\n{}", underline.to_string().repeat(width))
        }
    }
}

fn emphasis(flavour: Flavour, text: &str) -> String {
    match flavour {
        Flavour::Markdown => format!("*{text}*"),
        Flavour::Text => text.to_owned(),
    }
}
