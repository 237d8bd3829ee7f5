//! HTML rendering of export documents: one self-contained, valid HTML5 file with inline CSS,
//! `lang` on the document and on every source and target block, print styles, and for
//! bilingual documents one grid row per segment so that source and translation stay side by
//! side however long either is (stacked on narrow screens).

use std::fmt::Write as _;

use crate::exchange::xml::escape;
use crate::model::segment::SegmentKind;
use crate::model::shape::{Align, FrameKind};
use crate::render::document::{Block, DocArticle, Document};
use crate::render::inline;
use crate::render::tree::{self, Node};

const STYLE: &str = "\
:root{color-scheme:light}\
body{font-family:Georgia,'Times New Roman',serif;line-height:1.5;color:#1a1a1a;background:#fff;max-width:48rem;margin:0 auto;padding:1.5rem}\
body.bilingual{max-width:76rem}\
.masthead{border-bottom:3px double #1a1a1a;margin-bottom:1.5rem;padding-bottom:.5rem}\
.edition-line{font-variant:small-caps;letter-spacing:.05em;margin:0}\
nav.toc h2{font-size:1.1rem}\
nav.toc ol{padding-left:1.25rem}\
article{margin-bottom:3rem}\
.translated-from{font-style:italic;color:#555;font-size:.9rem}\
.mdx-note{font:italic .8rem sans-serif;color:#555}\
.row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:2rem;align-items:start}\
.row>.cell>:first-child{margin-top:.6em}\
.row>.source{color:#444}\
ul.item{margin:.4em 0;padding-left:1.25rem}\
blockquote{margin:1em 0;padding-left:1rem;border-left:3px solid #ccc}\
table{border-collapse:collapse;margin:1em 0}\
th,td{border:1px solid #bbb;padding:.3em .6em;vertical-align:top}\
th{background:#f2f2f2}\
.al-l{text-align:left}.al-c{text-align:center}.al-r{text-align:right}\
.table-wrap{overflow-x:auto}\
table.bilingual{width:100%;table-layout:fixed}\
table.bilingual th.side-start,table.bilingual td.side-start{border-left:3px double #1a1a1a}\
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:2rem;align-items:start}\
.pair>.side{display:grid;grid-template-rows:subgrid;grid-row:span var(--rows,1);margin:1em 0}\
.pair>.source{grid-column:1}.pair>.target{grid-column:2}\
.pair>ol.side,.pair>ul.side{padding-left:1.5rem}\
.pair>blockquote.side>div>:first-child{margin-top:0}\
.untranslated{background:#fff4d6}\
.untranslated-note{font:italic .8rem sans-serif;color:#7a5b00;margin:.2em 0 1em}\
.published-in{border-top:1px solid #ccc;margin-top:2rem;font-size:.9rem;color:#555}\
@media (max-width:40rem){.row,.pair{grid-template-columns:minmax(0,1fr)}.row>.target{border-left:3px solid #ccc;padding-left:.75rem}\
.pair>.side{grid-column:1;grid-row:auto;display:block}}\
@media print{body,body.bilingual{max-width:none;padding:0;font-size:10.5pt}nav.toc{break-after:page}\
article+article{break-before:page}.row,tr{break-inside:avoid}a{color:inherit;text-decoration:none}\
.untranslated{background:none;outline:1px dashed #999}}";

/// Renders `doc` as a complete HTML document.
#[must_use]
pub fn render(doc: &Document) -> String {
    let toc: Vec<(&str, &str)> = doc
        .articles
        .iter()
        .map(|a| (a.slug.as_str(), a.title.as_str()))
        .collect();
    let mut out = start(doc, &toc);
    for article in &doc.articles {
        render_article(&mut out, doc, article);
    }
    out.push_str(END);
    out
}

/// The end of every HTML document, after the last article.
pub const END: &str = "</main>\n</body>\n</html>\n";

/// Everything before the first article: head, masthead and, for an edition, the table of
/// contents of `toc` (slug and title of each article, in order). The articles follow, each
/// from [`article`], then [`END`]: a document can be written article by article.
#[must_use]
pub fn start(doc: &Document, toc: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let body_class = if doc.bilingual {
        "bilingual"
    } else {
        "monolingual"
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"bitext {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body class=\"{body_class}\">\n",
        escape(doc.lang.as_str()),
        env!("CARGO_PKG_VERSION"),
        escape(&doc.title)
    );
    if let Some(masthead) = &doc.masthead {
        let _ = writeln!(
            out,
            "<header class=\"masthead\">\n<p class=\"edition-line\">{}</p>\n</header>",
            escape(masthead)
        );
        out.push_str("<nav class=\"toc\">\n");
        let _ = writeln!(out, "<h2>{}</h2>\n<ol>", escape(&doc.chrome.contents));
        for (slug, title) in toc {
            let _ = writeln!(out, "<li><a href=\"#{slug}\">{}</a></li>", escape(title));
        }
        out.push_str("</ol>\n</nav>\n");
    }
    out.push_str("<main>\n");
    out
}

/// One article of `doc`, as it appears between [`start`] and [`END`].
#[must_use]
pub fn article(doc: &Document, article: &DocArticle) -> String {
    let mut out = String::new();
    render_article(&mut out, doc, article);
    out
}

fn render_article(out: &mut String, doc: &Document, article: &DocArticle) {
    let class = if article.from_mdx {
        " class=\"from-mdx\""
    } else {
        ""
    };
    let _ = writeln!(out, "<article id=\"{}\"{class}>", article.slug);
    let _ = writeln!(
        out,
        "<p class=\"translated-from\">{}</p>",
        escape(&doc.chrome.translated_from)
    );
    if article.from_mdx {
        let _ = writeln!(
            out,
            "<p class=\"mdx-note\">{}</p>",
            escape(&doc.chrome.mdx_note)
        );
    }
    let nodes = tree::build(&article.blocks);
    if doc.bilingual {
        for node in &nodes {
            match node {
                Node::Leaf(block) => render_row(out, doc, block),
                Node::Container { .. } => render_pair(out, doc, node),
            }
        }
    } else {
        render_nodes(out, doc, &nodes, Side::Single);
    }
    if let Some(line) = &article.published_in {
        let _ = writeln!(
            out,
            "<footer class=\"published-in\"><p>{}</p></footer>",
            escape(line)
        );
    }
    out.push_str("</article>\n");
}

/// The opening and closing tags of a block's element, and whether it is wrapped in a list.
fn element(kind: SegmentKind) -> (&'static str, bool) {
    match kind {
        SegmentKind::Heading(1) => ("h1", false),
        SegmentKind::Heading(2) => ("h2", false),
        SegmentKind::Heading(3) => ("h3", false),
        SegmentKind::Heading(4) => ("h4", false),
        SegmentKind::Heading(5) => ("h5", false),
        SegmentKind::Heading(_) => ("h6", false),
        SegmentKind::ListItem => ("li", true),
        SegmentKind::Paragraph | SegmentKind::TableCell | SegmentKind::FrontMatter(_) => {
            ("p", false)
        }
    }
}

/// One element holding `text`, with optional attributes already rendered.
fn push_element(out: &mut String, kind: SegmentKind, attributes: &str, text: &str) {
    let (tag, listed) = element(kind);
    if listed {
        out.push_str("<ul class=\"item\">");
    }
    let _ = write!(out, "<{tag}{attributes}>{}</{tag}>", inline::to_html(text));
    if listed {
        out.push_str("</ul>");
    }
}

/// Which text of a segment a rendering shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// A monolingual document: the translation, or the marked source where there is none.
    Single,
    /// The source column of a bilingual document.
    Source,
    /// The translation column of a bilingual document.
    Target,
}

/// A segment's text on `side`, its language, and whether it stands in for a missing
/// translation.
fn view<'a>(doc: &'a Document, block: &'a Block, side: Side) -> (&'a str, &'a str, bool) {
    match (&block.target, side) {
        (_, Side::Source) => (&block.source, doc.source_lang.as_str(), false),
        (Some((text, lang)), _) => (text, lang.as_str(), false),
        (None, _) => (&block.source, doc.source_lang.as_str(), true),
    }
}

/// The attributes of the element holding a segment, with `classes` added.
fn attributes(doc: &Document, block: &Block, side: Side, classes: &[&str]) -> String {
    let (_, lang, untranslated) = view(doc, block, side);
    let mut class: Vec<&str> = classes.to_vec();
    if untranslated {
        class.push("untranslated");
    }
    let mut out = format!(" data-n=\"{}\"", block.n);
    if side == Side::Single {
        let _ = write!(out, " data-id=\"{}\"", escape(&block.id));
    }
    let _ = write!(out, " lang=\"{}\"", escape(lang));
    if !class.is_empty() {
        let _ = write!(out, " class=\"{}\"", class.join(" "));
    }
    out
}

/// Renders `nodes` as they stand in the source: lists, tables and quotes kept.
fn render_nodes(out: &mut String, doc: &Document, nodes: &[Node<'_>], side: Side) {
    for node in nodes {
        match node {
            Node::Leaf(block) => render_leaf(out, doc, block, side),
            Node::Container { frame, children } => match &frame.kind {
                FrameKind::Quote => {
                    out.push_str("<blockquote>\n");
                    render_nodes(out, doc, children, side);
                    out.push_str("</blockquote>\n");
                }
                FrameKind::List { start } => {
                    out.push_str(&list_open(*start, ""));
                    out.push('\n');
                    render_items(out, doc, children, side);
                    out.push_str(list_close(*start));
                    out.push('\n');
                }
                FrameKind::Table { align } => {
                    out.push_str("<div class=\"table-wrap\">\n<table>\n");
                    render_rows(out, doc, align, children, &[side]);
                    out.push_str("</table>\n</div>\n");
                }
                FrameKind::Item | FrameKind::Row { .. } | FrameKind::Cell { .. } => {
                    render_nodes(out, doc, children, side);
                }
            },
        }
    }
}

fn list_open(start: Option<u64>, attributes: &str) -> String {
    match start {
        Some(1) => format!("<ol{attributes}>"),
        Some(n) => format!("<ol start=\"{n}\"{attributes}>"),
        None => format!("<ul{attributes}>"),
    }
}

fn list_close(start: Option<u64>) -> &'static str {
    if start.is_some() { "</ol>" } else { "</ul>" }
}

/// The items of a list, each one `<li>`; a tight item's text goes in the `<li>` itself.
fn render_items(out: &mut String, doc: &Document, items: &[Node<'_>], side: Side) {
    for item in items {
        let children = match item {
            Node::Container { children, .. } => children.as_slice(),
            Node::Leaf(_) => std::slice::from_ref(item),
        };
        let (first, rest) = match children.split_first() {
            Some((Node::Leaf(block), rest)) if block.kind == SegmentKind::ListItem => {
                (Some(*block), rest)
            }
            _ => (None, children),
        };
        match first {
            Some(block) => {
                let (text, _, untranslated) = view(doc, block, side);
                let _ = write!(
                    out,
                    "<li{}>{}",
                    attributes(doc, block, side, &[]),
                    inline::to_html(text)
                );
                if untranslated && side != Side::Source {
                    out.push('\n');
                    push_note(out, doc);
                }
            }
            None => out.push_str("<li>"),
        }
        if !rest.is_empty() {
            out.push('\n');
            render_nodes(out, doc, rest, side);
        }
        out.push_str("</li>\n");
    }
}

/// The rows of a table, header row in `<thead>`, each with the cells of every side in turn
/// (one side for a monolingual document, source then translation for a bilingual one).
fn render_rows(
    out: &mut String,
    doc: &Document,
    align: &[Align],
    rows: &[Node<'_>],
    sides: &[Side],
) {
    let mut in_body = false;
    for row in rows {
        let Node::Container { frame, children } = row else {
            continue;
        };
        let head = matches!(frame.kind, FrameKind::Row { head: true });
        if head {
            out.push_str("<thead>\n");
        } else if !in_body {
            out.push_str("<tbody>\n");
            in_body = true;
        }
        out.push_str("<tr>");
        for (s, side) in sides.iter().enumerate() {
            for (column, alignment) in align.iter().enumerate() {
                let tag = if head { "th" } else { "td" };
                let mut classes = Vec::new();
                if s > 0 && column == 0 {
                    classes.push("side-start");
                }
                match alignment {
                    Align::None => {}
                    Align::Left => classes.push("al-l"),
                    Align::Center => classes.push("al-c"),
                    Align::Right => classes.push("al-r"),
                }
                let cell = children.iter().find_map(|c| match c {
                    Node::Container { frame, children }
                        if frame.kind == (FrameKind::Cell { column }) =>
                    {
                        Some(children)
                    }
                    _ => None,
                });
                let block = cell.and_then(|c| c.first()).and_then(Node::first_block);
                match block {
                    Some(block) => {
                        let (text, _, untranslated) = view(doc, block, *side);
                        let _ = write!(
                            out,
                            "<{tag}{}>{}",
                            attributes(doc, block, *side, &classes),
                            inline::to_html(text)
                        );
                        if untranslated && *side != Side::Source {
                            push_note(out, doc);
                        }
                        let _ = write!(out, "</{tag}>");
                    }
                    None if classes.is_empty() => {
                        let _ = write!(out, "<{tag}></{tag}>");
                    }
                    None => {
                        let _ = write!(out, "<{tag} class=\"{}\"></{tag}>", classes.join(" "));
                    }
                }
            }
        }
        out.push_str("</tr>\n");
        if head {
            out.push_str("</thead>\n");
        }
    }
    if in_body {
        out.push_str("</tbody>\n");
    }
}

/// A heading or paragraph.
fn render_leaf(out: &mut String, doc: &Document, block: &Block, side: Side) {
    let (text, _, untranslated) = view(doc, block, side);
    let (tag, _) = element(block.kind);
    let tag = if tag == "li" { "p" } else { tag };
    let _ = writeln!(
        out,
        "<{tag}{}>{}</{tag}>",
        attributes(doc, block, side, &[]),
        inline::to_html(text)
    );
    if untranslated && side != Side::Source {
        push_note(out, doc);
    }
}

/// A list, table or block quote of a bilingual document: twice, side by side, row-aligned.
/// A table becomes one table with the source columns, then the translation's, so its rows
/// align by construction; a list or quote is a two-column grid whose rows are its items.
fn render_pair(out: &mut String, doc: &Document, node: &Node<'_>) {
    let Node::Container { frame, children } = node else {
        return;
    };
    let n = node.first_block().map_or(0, |b| b.n);
    match &frame.kind {
        FrameKind::Table { align } => {
            let _ = write!(
                out,
                "<div class=\"table-wrap\" data-n=\"{n}\">\n<table class=\"bilingual\">\n"
            );
            render_rows(out, doc, align, children, &[Side::Source, Side::Target]);
            out.push_str("</table>\n</div>\n");
        }
        FrameKind::List { start } => {
            let _ = writeln!(out, "<div class=\"pair\" data-n=\"{n}\">");
            for (side, class, lang) in sides(doc) {
                let attributes = format!(
                    " class=\"side {class}\" lang=\"{}\" style=\"--rows:{}\"",
                    escape(lang),
                    children.len()
                );
                out.push_str(&list_open(*start, &attributes));
                out.push('\n');
                render_items(out, doc, children, side);
                out.push_str(list_close(*start));
                out.push('\n');
            }
            out.push_str("</div>\n");
        }
        FrameKind::Quote => {
            let _ = writeln!(out, "<div class=\"pair\" data-n=\"{n}\">");
            for (side, class, lang) in sides(doc) {
                let _ = writeln!(
                    out,
                    "<blockquote class=\"side {class}\" lang=\"{}\" style=\"--rows:{}\">",
                    escape(lang),
                    children.len()
                );
                for child in children {
                    out.push_str("<div>\n");
                    render_nodes(out, doc, std::slice::from_ref(child), side);
                    out.push_str("</div>\n");
                }
                out.push_str("</blockquote>\n");
            }
            out.push_str("</div>\n");
        }
        FrameKind::Item | FrameKind::Row { .. } | FrameKind::Cell { .. } => {
            for child in children {
                match child {
                    Node::Leaf(block) => render_row(out, doc, block),
                    Node::Container { .. } => render_pair(out, doc, child),
                }
            }
        }
    }
}

/// The two columns of a bilingual document: side, class and language.
fn sides(doc: &Document) -> [(Side, &'static str, &str); 2] {
    [
        (Side::Source, "source", doc.source_lang.as_str()),
        (Side::Target, "target", doc.lang.as_str()),
    ]
}

fn render_row(out: &mut String, doc: &Document, block: &Block) {
    let _ = write!(
        out,
        "<div class=\"row\" data-n=\"{}\" data-id=\"{}\">\n<div class=\"cell source\" lang=\"{}\">",
        block.n,
        escape(&block.id),
        escape(doc.source_lang.as_str())
    );
    push_element(out, block.kind, "", &block.source);
    out.push_str("</div>\n");
    match &block.target {
        Some((text, lang)) => {
            let _ = write!(
                out,
                "<div class=\"cell target\" lang=\"{}\">",
                escape(lang.as_str())
            );
            push_element(out, block.kind, "", text);
            out.push_str("</div>\n");
        }
        None => {
            let _ = write!(
                out,
                "<div class=\"cell target untranslated\" lang=\"{}\">",
                escape(doc.source_lang.as_str())
            );
            push_element(out, block.kind, "", &block.source);
            out.push('\n');
            push_note(out, doc);
            out.push_str("</div>\n");
        }
    }
    out.push_str("</div>\n");
}

fn push_note(out: &mut String, doc: &Document) {
    let _ = writeln!(
        out,
        "<p class=\"untranslated-note\" lang=\"{}\">{}</p>",
        escape(doc.lang.as_str()),
        escape(&doc.chrome.untranslated_note)
    );
}
