//! Streamed exports: an edition written article by article is byte-identical to the whole
//! document rendered at once, in every format, bilingual or not, complete or not.

use bitext::commands::export::{self, ExportFormat, ExportRequest};
use bitext::render::document::{build, fallback_chain};
use bitext::render::{html, plain};
use bitext::workspace::Workspace;

#[test]
fn a_streamed_edition_is_the_whole_document_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    // More articles than one chunk (64), a third of them edited: gaps in several chunks.
    bitext_corpus::generate(
        dir.path(),
        bitext_corpus::Spec {
            articles: 80,
            seed: 7,
            edit_fraction: 0.3,
            gettext: false,
        },
    )
    .expect("corpus");
    let ws = Workspace::open(Some(dir.path())).expect("workspace");
    let edition = ws.config.editions[0].clone();
    for tag in ["fr", "es"] {
        let (lang, chain) = fallback_chain(&ws, tag).expect("chain");
        for bilingual in [false, true] {
            let (doc, gaps) = build(
                &ws,
                &edition.articles,
                &lang,
                &chain,
                Some(&edition),
                bilingual,
            )
            .expect("build");
            assert!(!gaps.is_empty(), "the corpus has unfinished segments");
            for format in [ExportFormat::Html, ExportFormat::Md, ExportFormat::Txt] {
                let whole = match format {
                    ExportFormat::Html => html::render(&doc),
                    ExportFormat::Md => plain::render(&doc, plain::Flavour::Markdown),
                    ExportFormat::Txt => plain::render(&doc, plain::Flavour::Text),
                };
                let request = ExportRequest {
                    articles: Vec::new(),
                    edition: Some(edition.id.clone()),
                    lang: tag.to_owned(),
                    bilingual,
                    format,
                    output: None,
                    allow_incomplete: true,
                };
                let streamed = export::run(&ws, &request).expect("export").stdout;
                assert!(
                    streamed == whole,
                    "{tag} bilingual={bilingual} {format:?}: streamed output differs"
                );
            }
        }
    }
}
