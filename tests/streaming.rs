//! Streamed exports: an edition written article by article is byte-identical to the whole
//! document rendered at once, in every format, bilingual or not, complete or not.

use bitext::commands::export::{self, ExportFormat, ExportRequest};
use bitext_core::render::document::{build, fallback_chain};
use bitext_core::render::pdf::Paper;
use bitext_core::render::{html, plain};
use bitext_core::workspace::Workspace;

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
    let articles = edition.resolve(&ws.all_articles().expect("articles"));
    for tag in ["fr", "es"] {
        let (lang, chain) = fallback_chain(&ws, tag).expect("chain");
        for bilingual in [false, true] {
            let (doc, gaps) =
                build(&ws, &articles, &lang, &chain, Some(&edition), bilingual).expect("build");
            assert!(!gaps.is_empty(), "the corpus has unfinished segments");
            for format in [
                ExportFormat::Html,
                ExportFormat::Epub,
                ExportFormat::Md,
                ExportFormat::Txt,
            ] {
                let whole = match format {
                    ExportFormat::Html => html::render(&doc),
                    ExportFormat::Epub => {
                        let request = ExportRequest {
                            articles: Vec::new(),
                            edition: Some(edition.id.clone()),
                            lang: tag.to_owned(),
                            bilingual,
                            format,
                            output: None,
                            allow_incomplete: true,
                            paper: Paper::A4,
                            pdf_engine: None,
                        };
                        let package = export::run(&ws, &request).expect("export").document;
                        assert_epub_holds(&package, &doc);
                        continue;
                    }
                    ExportFormat::Md => plain::render(&doc, plain::Flavour::Markdown),
                    ExportFormat::Txt => plain::render(&doc, plain::Flavour::Text),
                    // Typeset by an engine from the streamed HTML: tests/cli/pdf.rs.
                    ExportFormat::Pdf => unreachable!("not among the formats above"),
                };
                let request = ExportRequest {
                    articles: Vec::new(),
                    edition: Some(edition.id.clone()),
                    lang: tag.to_owned(),
                    bilingual,
                    format,
                    output: None,
                    allow_incomplete: true,
                    paper: Paper::A4,
                    pdf_engine: None,
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

/// The EPUB `package`, written article by article, holds each article of the whole `doc`, in
/// order, one document each.
fn assert_epub_holds(package: &[u8], doc: &bitext_core::render::document::Document) {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(package)).expect("zip");
    for (i, article) in doc.articles.iter().enumerate() {
        let mut text = String::new();
        archive
            .by_name(&format!("EPUB/text/a{:04}.xhtml", i + 1))
            .expect("the article's document")
            .read_to_string(&mut text)
            .expect("UTF-8");
        let body = bitext_core::render::epub::xhtml(&html::article(doc, article));
        assert!(text.contains(&body), "article {} differs", i + 1);
    }
    assert!(
        archive
            .by_name(&format!("EPUB/text/a{:04}.xhtml", doc.articles.len() + 1))
            .is_err()
    );
}

/// `diff` written as it goes (a chunk of articles at a time, text in two passes) is the whole
/// report rendered at once, in every format, with nothing to show or with several chunks of
/// stale and missing segments.
#[test]
fn a_streamed_diff_is_the_whole_report_byte_for_byte() {
    use bitext::commands::diff;
    use bitext::commands::diff::DiffFormat;
    use bitext::ui::term::{ColorChoice, Style};

    let dir = tempfile::tempdir().expect("temp dir");
    bitext_corpus::generate(
        dir.path(),
        bitext_corpus::Spec {
            articles: 150,
            seed: 3,
            edit_fraction: 0.3,
            gettext: false,
        },
    )
    .expect("corpus");
    let ws = Workspace::open(Some(dir.path())).expect("workspace");
    let all = ws.all_articles().expect("articles");
    let langs = ws.config.targets.clone();
    let report = diff::run(&ws, &all, &langs).expect("diff");
    // Articles to show in the first, second and third chunk of 64.
    let shown: Vec<usize> = report
        .articles
        .iter()
        .map(|a| {
            all.iter()
                .position(|s| s.as_str() == a.article)
                .expect("slug")
        })
        .collect();
    assert!(
        [0, 1, 2].iter().all(|c| shown.iter().any(|i| i / 64 == *c)),
        "{shown:?}"
    );
    let untouched = all
        .iter()
        .find(|s| report.articles.iter().all(|a| a.article != s.as_str()))
        .expect("an article with nothing to show")
        .clone();
    for articles in [all.clone(), vec![untouched]] {
        let report = diff::run(&ws, &articles, &langs).expect("diff");
        for (style, colour) in [
            (Style::plain(), "plain"),
            (Style::resolve(ColorChoice::Always), "colour"),
        ] {
            for format in [DiffFormat::Text, DiffFormat::Unified, DiffFormat::Json] {
                let whole = match format {
                    DiffFormat::Text => diff::render_text(&report, style),
                    DiffFormat::Unified => diff::render_unified(&ws, &report).expect("unified"),
                    DiffFormat::Json => diff::render_json(&report),
                };
                let mut streamed = Vec::new();
                let shown = diff::write_to(&ws, &articles, &langs, format, style, &mut streamed)
                    .expect("write");
                assert_eq!(shown, !report.is_empty());
                assert!(
                    streamed == whole.as_bytes(),
                    "{} articles, {format:?}, {colour}: streamed output differs",
                    articles.len()
                );
            }
        }
    }
}

/// `status` written a chunk of articles at a time is the whole report rendered at once, in
/// text (plain and colour) and JSON, with and without the segments, and with no article.
#[test]
fn a_streamed_status_is_the_whole_report_byte_for_byte() {
    use bitext::commands::status::StatusFormat;
    use bitext::commands::status::{self, Listing};
    use bitext::ui::term::{ColorChoice, Style};

    let dir = tempfile::tempdir().expect("temp dir");
    bitext_corpus::generate(
        dir.path(),
        bitext_corpus::Spec {
            articles: 70,
            seed: 5,
            edit_fraction: 0.3,
            gettext: false,
        },
    )
    .expect("corpus");
    let ws = Workspace::open(Some(dir.path())).expect("workspace");
    let all = ws.all_articles().expect("articles");
    let langs = ws.config.targets.clone();
    for articles in [all.clone(), Vec::new()] {
        for listing in [Listing::None, Listing::All] {
            let report = status::run(&ws, &articles, &langs, listing).expect("status");
            for style in [Style::plain(), Style::resolve(ColorChoice::Always)] {
                for format in [StatusFormat::Text, StatusFormat::Json] {
                    let whole = match format {
                        StatusFormat::Text => status::render_text(&report, style),
                        StatusFormat::Json => status::render_json(&report),
                    };
                    let mut streamed = Vec::new();
                    status::write_to(
                        &ws,
                        &articles,
                        &langs,
                        listing,
                        (format, style),
                        &mut streamed,
                    )
                    .expect("write");
                    assert!(
                        streamed == whole.as_bytes(),
                        "{} articles, {listing:?}, {format:?}: streamed output differs",
                        articles.len()
                    );
                }
            }
        }
    }
}
