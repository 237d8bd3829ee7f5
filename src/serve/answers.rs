//! The pages that answer a form or a download rather than show the work: a refused save or
//! accept shown again with what was wrong, an export (or its refusal, listing what is
//! unfinished), and the error pages. Escaped like every page ([`super::pages`]).

use maud::html;

use super::pages::{article_url, findings_list, lang_name, layout, state_name};
use crate::commands::export::{self, ExportFormat, ExportRequest};
use crate::serve::actions::{Action, Filter, Search};
use crate::serve::http::{Refusal, Request, Response, percent_encode};
use crate::serve::{Fail, Ui, hooks};
use bitext_core::model::assess::State;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::render::pdf::Paper;
use bitext_core::workspace::Workspace;

/// What was wrong with a posted form.
#[derive(Debug)]
pub enum Problem {
    /// The segment changed on disk since the page was loaded.
    Conflict {
        /// The source paragraph now.
        source: String,
        /// The source's language tag, for the page to mark the paragraph's language.
        source_lang: String,
        /// The segment's id now.
        id: String,
        /// The version of the translation on disk now.
        version: String,
        /// The translation on disk now.
        disk: String,
        /// The segment's state now.
        state: State,
        /// Whether the source paragraph itself changed.
        source_changed: bool,
    },
    /// The text cannot be saved (empty, several paragraphs, nothing to accept).
    Invalid(String),
    /// An accept came with a text other than the translation the page showed: it would be
    /// dropped. The page offers to save it, or to accept the translation on record.
    Typed,
    /// Error-level quality findings, to confirm.
    Findings {
        /// The findings, worded for the page.
        findings: Vec<hooks::Finding>,
        /// For an accept, the translation on disk that would count as current: it is what the
        /// translator confirms, not a text of theirs.
        accepted: Option<String>,
    },
}

/// A refused form, to show again.
#[derive(Debug)]
pub struct Resubmit<'a> {
    /// The article.
    pub slug: &'a Slug,
    /// The language.
    pub lang: &'a Lang,
    /// The segment's position.
    pub n: usize,
    /// The segment's id, as the form gave it.
    pub id: &'a str,
    /// The translation's version, as the form gave it.
    pub base: &'a str,
    /// The translator's text.
    pub text: &'a str,
    /// What the translator asked for.
    pub action: Action,
    /// The workbench's filter.
    pub filter: Filter,
    /// The workbench's search.
    pub search: &'a Search,
    /// Whether to move on after the save.
    pub advance: bool,
}

/// The page that shows a refused save again: the problem, the translator's text, and what
/// they can do.
#[must_use]
pub fn resubmit(ui: &Ui<'_>, form: &Resubmit<'_>, problem: &Problem) -> String {
    let n = form.n;
    let accept = form.action == Action::Accept;
    // A conflict shows the segment as it is now, and the form goes on from there.
    let (id, base) = match problem {
        Problem::Conflict { id, version, .. } => (id.as_str(), version.as_str()),
        _ => (form.id, form.base),
    };
    let back = format!(
        "{}?state={}{}&focus={n}#t-{n}",
        article_url(form.slug.as_str(), form.lang.as_str()),
        form.filter.as_str(),
        form.search.param()
    );
    let post = format!(
        "{}/{n}",
        article_url(form.slug.as_str(), form.lang.as_str())
    );
    let title = match problem {
        Problem::Conflict { .. } => ui.t("serve-conflict"),
        Problem::Invalid(_) => ui.t("serve-not-saved"),
        Problem::Typed => ui.t("serve-unsaved-title"),
        Problem::Findings { .. } if accept => ui.t("serve-confirm-accept"),
        Problem::Findings { .. } => ui.t("serve-confirm"),
    };
    let main = html! {
        h1 { (title) }
        p { (form.slug) " · " (lang_name(ui, form.lang)) " · " (ui.ta("serve-segment", &[("n", n.into())])) }
        @match problem {
            Problem::Conflict { source, source_lang, disk, state, source_changed, .. } => {
                p role="alert" {
                    @if *source_changed { (ui.t("serve-conflict-source")) } @else { (ui.t("serve-conflict-translation")) }
                }
                div.cols {
                    div.src {
                        p.label { (ui.t("serve-source-now")) }
                        p.text lang=(source_lang) { (source) }
                    }
                    div.disk {
                        p.label { (ui.t("serve-disk-text")) " " span class=(format!("badge {}", state.as_str())) { (state_name(ui, *state)) } }
                        p.text #disk-text lang=(form.lang.as_str()) {
                            @if disk.is_empty() { em { (ui.t("serve-no-translation")) } } @else { (disk) }
                        }
                        p { a.button href=(back) { (ui.t("serve-keep-disk")) } }
                    }
                }
            }
            Problem::Invalid(message) => { p role="alert" { (message) } }
            Problem::Typed => { p role="alert" { (ui.t("serve-unsaved-accept")) } }
            Problem::Findings { findings, .. } => {
                p role="alert" {
                    @if accept { (ui.t("serve-confirm-accept-findings")) } @else { (ui.t("serve-confirm-findings")) }
                }
                (findings_list(ui, findings))
            }
        }
        form.tgt method="post" action=(post) {
            input type="hidden" name="id" value=(id);
            input type="hidden" name="base" value=(base);
            input type="hidden" name="filter" value=(form.filter.as_str());
            input type="hidden" name="q" value=(form.search.as_str());
            input type="hidden" name="advance" value=(if form.advance { "1" } else { "" });
            @if matches!(problem, Problem::Typed) {
                // The buttons name the action; an accept from here drops the text knowingly.
                input type="hidden" name="keep" value="1";
            } @else {
                input type="hidden" name="action" value=(form.action.as_str());
            }
            @if matches!(problem, Problem::Findings { .. }) {
                input type="hidden" name="confirm" value="1";
            }
            @if let Problem::Findings { accepted: Some(translation), .. } = problem {
                p.label { (ui.t("serve-translation-to-accept")) }
                p.text #accepted-text lang=(form.lang.as_str()) { (translation) }
                input type="hidden" name="text" value=(form.text);
            } @else {
                label for="mine" { (ui.t("serve-your-text")) }
                textarea #mine name="text" lang=(form.lang.as_str()) rows="5" { (form.text) }
            }
            div.actions {
                @if matches!(problem, Problem::Typed) {
                    button type="submit" name="action" value="save" { (ui.t("serve-unsaved-save")) }
                    " "
                    button type="submit" name="action" value="accept" { (ui.t("serve-unsaved-keep")) }
                } @else {
                    button type="submit" {
                        @match problem {
                            Problem::Conflict { .. } => (ui.t("serve-keep-mine")),
                            Problem::Findings { .. } if accept => (ui.t("serve-accept-anyway")),
                            Problem::Findings { .. } => (ui.t("serve-save-anyway")),
                            Problem::Invalid(_) | Problem::Typed => (ui.t("serve-try-again")),
                        }
                    }
                }
                " "
                a href=(back) { (ui.t("serve-back")) }
            }
        }
    };
    layout(ui, &title, &back, &main)
}

/// An export, downloaded as the CLI would write it; an incomplete one is refused (409) with
/// its list of unfinished segments.
///
/// # Errors
/// An unknown article, edition or language (404), a malformed request (400), or unreadable
/// files.
pub fn export(ws: &Workspace, ui: &Ui<'_>, request: &Request) -> Result<Response, Fail> {
    let lang = request.param("lang").ok_or_else(|| {
        Fail::BadRequest(ui.ta("serve-missing-field", &[("field", "lang".into())]))
    })?;
    let format = match request.param("format").unwrap_or("html") {
        "html" => ExportFormat::Html,
        "epub" => ExportFormat::Epub,
        "pdf" => ExportFormat::Pdf,
        "md" => ExportFormat::Md,
        "txt" => ExportFormat::Txt,
        other => {
            return Err(Fail::BadRequest(
                ui.ta("serve-bad-format", &[("format", other.into())]),
            ));
        }
    };
    let bilingual = request.param("bilingual").is_some_and(|v| !v.is_empty());
    let (articles, edition, name) = match (request.param("article"), request.param("edition")) {
        (Some(article), None) => (vec![article.to_owned()], None, article.to_owned()),
        (None, Some(edition)) => (Vec::new(), Some(edition.to_owned()), edition.to_owned()),
        _ => {
            return Err(Fail::BadRequest(ui.t("serve-export-what")));
        }
    };
    let report = export::run(
        ws,
        &ExportRequest {
            articles,
            edition,
            lang: lang.to_owned(),
            bilingual,
            format,
            output: None,
            allow_incomplete: false,
            paper: Paper::default(),
            pdf_engine: None,
        },
    )?;
    if report.refused {
        return Ok(refusal(ws, ui, request, lang, &report));
    }
    let (extension, content_type) = match format {
        ExportFormat::Html => ("html", "text/html; charset=utf-8"),
        ExportFormat::Epub => ("epub", "application/epub+zip"),
        ExportFormat::Pdf => ("pdf", "application/pdf"),
        ExportFormat::Md => ("md", "text/markdown; charset=utf-8"),
        ExportFormat::Txt => ("txt", "text/plain; charset=utf-8"),
    };
    let langs = if bilingual {
        format!("{}-{}", ws.config.source, Lang::parse(lang)?)
    } else {
        Lang::parse(lang)?.to_string()
    };
    let file = format!("{name}.{langs}.{extension}");
    let safe: String = file
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        .collect();
    Ok(
        Response::with_type(200, content_type, report.document).header(
            "Content-Disposition",
            &format!("attachment; filename=\"{safe}\""),
        ),
    )
}

/// The page of an export refused (409): its unfinished segments and its glossary errors, each
/// linked to its segment in the workbench.
fn refusal(
    ws: &Workspace,
    ui: &Ui<'_>,
    request: &Request,
    lang: &str,
    report: &export::ExportReport,
) -> Response {
    let title = ui.t("serve-export-refused");
    // An article's export is asked for from its workbench, an edition's from the
    // dashboard: the way back leads there.
    let (back, back_text) = match request.param("article") {
        Some(article) => (article_url(article, lang), ui.t("serve-back")),
        None => ("/".to_owned(), ui.t("serve-back-dashboard")),
    };
    let edition = request.param("edition").is_some();
    // The glossary errors that refused it, each linked to the segment in the language
    // its text comes from (`es` for an `es-419` edition).
    let terms: Vec<(String, &bitext_core::qa::located::QaFinding)> = report
        .glossary
        .iter()
        .filter(|f| f.level == bitext_core::qa::Level::Error)
        .map(|f| {
            let from = Lang::parse(&f.lang).ok().and_then(|lang| {
                std::iter::successors(Some(lang), Lang::parent)
                    .find(|l| ws.config.targets.contains(l))
            });
            (from.map_or_else(|| f.lang.clone(), |l| l.to_string()), f)
        })
        .collect();
    let main = html! {
        h1 { (title) }
        @if !report.unfinished.is_empty() {
            p role="alert" { (ui.ta("serve-export-unfinished", &[("count", report.unfinished.len().into())])) }
            ul.gaps {
                @for (slug, gap) in &report.unfinished {
                    @let n = gap.n;
                    @let view = if gap.unreviewed { "review" } else { "all" };
                    li {
                        a href=(format!("{}?state={view}&focus={n}#seg-{n}", article_url(slug.as_str(), &gap.lang))) {
                            @if edition { (slug) " · " }
                            (ui.ta("serve-segment", &[("n", n.into())]))
                        }
                        " "
                        @if gap.unreviewed {
                            span.badge.unreviewed { (ui.t("serve-unreviewed")) }
                        } @else {
                            span class=(format!("badge {}", gap.state.as_str())) { (state_name(ui, gap.state)) }
                        }
                    }
                }
            }
        }
        @if !terms.is_empty() {
            p role="alert" { (ui.ta("serve-export-glossary", &[("count", terms.len().into()), ("lang", terms[0].1.lang.as_str().into())])) }
            ul.terms {
                @for (lang, finding) in &terms {
                    @let n = finding.n;
                    li {
                        a href=(format!("{}?state=all&focus={n}#seg-{n}", article_url(&finding.article, lang))) {
                            @if edition { (finding.article) " · " }
                            (ui.ta("serve-segment", &[("n", n.into())]))
                        }
                        " " (finding.message)
                    }
                }
            }
        }
        p { a href=(back) { (back_text) } }
    };
    // The language switch shows the same refusal.
    let here = request
        .query
        .iter()
        .filter(|(name, _)| name != "ui")
        .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
        .collect::<Vec<_>>()
        .join("&");
    Response::html(409, layout(ui, &title, &format!("/export?{here}"), &main))
}

/// The page for a request that failed, with its status.
#[must_use]
pub fn failure(ui: &Ui<'_>, fail: &Fail) -> Response {
    let (status, message) = match fail {
        Fail::Refused(Refusal::Host) => (403, ui.t("serve-forbidden-host")),
        Fail::Refused(Refusal::Token) => (403, ui.t("serve-forbidden-token")),
        Fail::Refused(Refusal::Origin) => (403, ui.t("serve-forbidden-origin")),
        Fail::NotFound(message) => (404, message.clone()),
        Fail::BadRequest(message) => (400, message.clone()),
        Fail::Workspace(
            error @ (bitext_core::error::Error::LockTimeout { .. }
            | bitext_core::error::Error::StaleLock { .. }
            | bitext_core::error::Error::BrokenLock { .. }),
        ) => (503, error.to_string()),
        // The PDF engine is a program the workbench's machine lacks: the page says which to
        // install.
        Fail::Workspace(error @ bitext_core::error::Error::PdfEngineMissing { .. }) => {
            (503, error.to_string())
        }
        Fail::Workspace(error) => (500, error.to_string()),
        Fail::Internal => (500, ui.t("serve-internal")),
        Fail::Http(status, message) => (*status, message.clone()),
    };
    let title = ui.ta(
        "serve-error-title",
        &[("status", status.to_string().as_str().into())],
    );
    // A refused request gets no links: without the token, they would be refused too.
    let main = html! {
        h1 { (title) }
        p role="alert" { (message) }
        @if !matches!(fail, Fail::Refused(_)) { p { a href="/" { (ui.t("serve-dashboard")) } } }
    };
    Response::html(status, layout(ui, &title, "/", &main))
}
