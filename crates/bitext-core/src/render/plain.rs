//! Markdown and plain-text rendering of export documents, readable in a plain editor.
//! Bilingual documents alternate source and translation blocks, each labelled with its
//! language (`[en]`, `[fr]`). Lists, tables and block quotes keep their shape: a list or
//! quote is shown whole in the source, then whole in translation; a table is one table with
//! the source columns, then the translation's, so its rows stay aligned.

use std::fmt::Write as _;

use crate::model::segment::SegmentKind;
use crate::model::shape::{Align, FrameKind};
use crate::render::document::{Block, DocArticle, Document};
use crate::render::inline;
use crate::render::tree::{self, Node};

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
    for node in &tree::build(&article.blocks) {
        match node {
            Node::Leaf(block) => render_block(&mut out, doc, block, flavour),
            Node::Container { .. } if doc.bilingual => {
                render_pair(&mut out, doc, node, flavour);
            }
            Node::Container { .. } => {
                let _ = writeln!(out, "{}\n", shaped(doc, node, flavour, Side::Single));
            }
        }
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
        SegmentKind::Paragraph | SegmentKind::TableCell | SegmentKind::FrontMatter(_) => labelled,
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

/// Which text of a segment a rendering shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// A monolingual document: the translation, or the marked source where there is none.
    Single,
    /// The source of a bilingual document.
    Source,
    /// The translation of a bilingual document.
    Target,
}

/// A segment's text on `side`, inline markup removed for text, marked when the translation
/// is missing.
fn text_of(doc: &Document, block: &Block, side: Side, flavour: Flavour) -> String {
    let (text, untranslated) = match (&block.target, side) {
        (_, Side::Source) => (block.source.as_str(), false),
        (Some((text, _)), _) => (text.as_str(), false),
        (None, _) => (block.source.as_str(), true),
    };
    let body = match flavour {
        Flavour::Markdown => text.to_owned(),
        Flavour::Text => inline::to_plain(text),
    };
    if untranslated {
        format!("{} {body}", doc.chrome.untranslated_marker)
    } else {
        body
    }
}

/// A list, table or block quote of a bilingual document: a table once, with the source
/// columns then the translation's; a list or quote whole in each language, labelled.
fn render_pair(out: &mut String, doc: &Document, node: &Node<'_>, flavour: Flavour) {
    if let Node::Container { frame, children } = node
        && let FrameKind::Table { align } = &frame.kind
    {
        let labels = [format!("[{}]", doc.source_lang), format!("[{}]", doc.lang)];
        let table = table(
            doc,
            align,
            children,
            &[Side::Source, Side::Target],
            flavour,
            Some(&labels),
        );
        let _ = writeln!(out, "{table}\n");
        return;
    }
    for (side, lang) in [
        (Side::Source, doc.source_lang.as_str()),
        (Side::Target, doc.lang.as_str()),
    ] {
        let _ = writeln!(out, "[{lang}]\n\n{}\n", shaped(doc, node, flavour, side));
    }
}

/// One node as a block of lines, with no blank line after it.
fn shaped(doc: &Document, node: &Node<'_>, flavour: Flavour, side: Side) -> String {
    match node {
        Node::Leaf(block) => {
            let text = text_of(doc, block, side, flavour);
            match block.kind {
                SegmentKind::Heading(level) => heading_text(flavour, level, &text),
                _ => text,
            }
        }
        Node::Container { frame, children } => match &frame.kind {
            FrameKind::Quote => {
                let body = blocks(doc, children, flavour, side, "\n\n");
                body.lines()
                    .map(|line| {
                        if line.is_empty() {
                            ">".to_owned()
                        } else {
                            format!("> {line}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            FrameKind::List { start } => list(doc, *start, children, flavour, side),
            FrameKind::Table { align } => table(doc, align, children, &[side], flavour, None),
            FrameKind::Item | FrameKind::Row { .. } | FrameKind::Cell { .. } => {
                blocks(doc, children, flavour, side, "\n\n")
            }
        },
    }
}

fn blocks(doc: &Document, nodes: &[Node<'_>], flavour: Flavour, side: Side, sep: &str) -> String {
    nodes
        .iter()
        .map(|n| shaped(doc, n, flavour, side))
        .collect::<Vec<_>>()
        .join(sep)
}

/// A list: `-` items, or numbered from `start`; nested blocks indented under their item. A
/// list whose items hold paragraphs stays loose (blank lines between items).
fn list(
    doc: &Document,
    start: Option<u64>,
    items: &[Node<'_>],
    flavour: Flavour,
    side: Side,
) -> String {
    let loose = items.iter().any(|item| match item {
        Node::Container { children, .. } => children
            .iter()
            .any(|c| matches!(c, Node::Leaf(b) if b.kind == SegmentKind::Paragraph)),
        Node::Leaf(_) => false,
    });
    let sep = if loose { "\n\n" } else { "\n" };
    let mut out = Vec::with_capacity(items.len());
    for (number, item) in (start.unwrap_or(1)..).zip(items) {
        let marker = if start.is_some() {
            format!("{number}. ")
        } else {
            "- ".to_owned()
        };
        let children = match item {
            Node::Container { children, .. } => children.as_slice(),
            Node::Leaf(_) => std::slice::from_ref(item),
        };
        let body = blocks(doc, children, flavour, side, sep);
        let indent = " ".repeat(marker.len());
        let mut lines = body.lines();
        let mut text = format!("{marker}{}", lines.next().unwrap_or(""));
        for line in lines {
            text.push('\n');
            if !line.is_empty() {
                text.push_str(&indent);
                text.push_str(line);
            }
        }
        out.push(text);
    }
    out.join(sep)
}

/// A table: the cells of each side in turn, header row first. Markdown gives a pipe table
/// with the column alignments; text gives padded columns.
fn table(
    doc: &Document,
    align: &[Align],
    rows: &[Node<'_>],
    sides: &[Side],
    flavour: Flavour,
    labels: Option<&[String; 2]>,
) -> String {
    let mut grid: Vec<(bool, Vec<String>)> = Vec::new();
    for row in rows {
        let Node::Container { frame, children } = row else {
            continue;
        };
        let head = matches!(frame.kind, FrameKind::Row { head: true });
        let mut cells = Vec::new();
        for (s, side) in sides.iter().enumerate() {
            for column in 0..align.len() {
                let block = children.iter().find_map(|c| match c {
                    Node::Container { frame, children }
                        if frame.kind == (FrameKind::Cell { column }) =>
                    {
                        children.first().and_then(Node::first_block)
                    }
                    _ => None,
                });
                let mut text = block.map_or_else(String::new, |b| text_of(doc, b, *side, flavour));
                if flavour == Flavour::Markdown {
                    text = escape_pipes(&text);
                }
                if let (true, 0, Some(labels)) = (head, column, labels) {
                    text = format!("{} {text}", labels[s.min(1)]);
                }
                cells.push(text);
            }
        }
        grid.push((head, cells));
    }
    let columns = align.len() * sides.len();
    let mut out = Vec::with_capacity(grid.len() + 1);
    match flavour {
        Flavour::Markdown => {
            for (head, cells) in &grid {
                out.push(format!("| {} |", cells.join(" | ")));
                if *head {
                    let rule: Vec<&str> = (0..columns)
                        .map(|c| match align[c % align.len().max(1)] {
                            Align::None => "---",
                            Align::Left => ":---",
                            Align::Center => ":---:",
                            Align::Right => "---:",
                        })
                        .collect();
                    out.push(format!("| {} |", rule.join(" | ")));
                }
            }
        }
        Flavour::Text => {
            let mut widths = vec![0; columns];
            for (_, cells) in &grid {
                for (w, cell) in widths.iter_mut().zip(cells) {
                    *w = (*w).max(cell.chars().count());
                }
            }
            for (head, cells) in &grid {
                let padded: Vec<String> = cells
                    .iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(c, (cell, &w))| {
                        let pad = " ".repeat(w - cell.chars().count());
                        if align[c % align.len().max(1)] == Align::Right {
                            format!("{pad}{cell}")
                        } else {
                            format!("{cell}{pad}")
                        }
                    })
                    .collect();
                out.push(padded.join(" | ").trim_end().to_owned());
                if *head {
                    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
                    out.push(rule.join("-+-"));
                }
            }
        }
    }
    out.join("\n")
}

/// Escapes `|` in a cell's text, unless already escaped.
fn escape_pipes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut escaped = false;
    for c in text.chars() {
        if c == '|' && !escaped {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}
