//! HTML rendering of export documents: one self-contained, valid HTML5 file with inline CSS,
//! `lang` on the document and on every source and target block, print styles, and for
//! bilingual documents one grid row per segment so that source and translation stay side by
//! side however long either is (stacked on narrow screens).

use std::fmt::Write as _;

use crate::exchange::xml::escape;
use crate::model::segment::SegmentKind;
use crate::render::document::{Block, DocArticle, Document};
use crate::render::inline;

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
.row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:2rem;align-items:start}\
.row>.cell>:first-child{margin-top:.6em}\
.row>.source{color:#444}\
ul.item{margin:.4em 0;padding-left:1.25rem}\
.untranslated{background:#fff4d6}\
.untranslated-note{font:italic .8rem sans-serif;color:#7a5b00;margin:.2em 0 1em}\
.published-in{border-top:1px solid #ccc;margin-top:2rem;font-size:.9rem;color:#555}\
@media (max-width:40rem){.row{grid-template-columns:minmax(0,1fr)}.row>.target{border-left:3px solid #ccc;padding-left:.75rem}}\
@media print{body,body.bilingual{max-width:none;padding:0;font-size:10.5pt}nav.toc{break-after:page}\
article+article{break-before:page}.row{break-inside:avoid}a{color:inherit;text-decoration:none}\
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
    let _ = writeln!(out, "<article id=\"{}\">", article.slug);
    let _ = writeln!(
        out,
        "<p class=\"translated-from\">{}</p>",
        escape(&doc.chrome.translated_from)
    );
    for block in &article.blocks {
        if doc.bilingual {
            render_row(out, doc, block);
        } else {
            render_single(out, doc, block);
        }
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
        SegmentKind::Paragraph | SegmentKind::TableCell => ("p", false),
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

fn render_single(out: &mut String, doc: &Document, block: &Block) {
    let (text, lang, untranslated) = match &block.target {
        Some((text, lang)) => (text.as_str(), lang.as_str(), false),
        None => (block.source.as_str(), doc.source_lang.as_str(), true),
    };
    let class = if untranslated {
        " class=\"untranslated\""
    } else {
        ""
    };
    let attributes = format!(
        " data-n=\"{}\" data-id=\"{}\" lang=\"{}\"{class}",
        block.n,
        escape(&block.id),
        escape(lang)
    );
    push_element(out, block.kind, &attributes, text);
    out.push('\n');
    if untranslated {
        push_note(out, doc);
    }
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
