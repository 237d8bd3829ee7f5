//! `bitext qa`: the quality checks of [`bitext_core::qa`] on every translated segment (current, stale
//! and draft) of the selected articles and languages, located on the source line. Exit 1 when
//! a finding is at level error.
//!
//! The walk over the workspace is the one `status` makes; the consistency index is built in
//! the same walk when every article is selected, so that `qa` reads each file once.

use std::fmt::Write as _;

use serde::Serialize;

use crate::report::github::{self, Annotation};
use crate::report::junit::{Failure, Junit};
use crate::ui::cli::CheckFormat;
use crate::ui::cli::Jobs;
use crate::ui::cli::Selection;
use bitext_core::error::{Result, disp};
use bitext_core::model::assess::linked_unit;
use bitext_core::model::definitions::Definitions;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::qa::consistency::{self, Entry, Index};
use bitext_core::qa::located::QaFinding;
use bitext_core::qa::{Check, Context, Finding, Level, Place, check_article, check_segment_at};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::parallel::map_ordered;
use clap::Args;
use rayon::prelude::*;

/// Totals of a run.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct QaTotals {
    /// Translated segments checked.
    pub segments: usize,
    /// Findings at level error.
    pub errors: usize,
    /// Findings at level warning.
    pub warnings: usize,
}

/// The outcome of `qa`.
#[derive(Debug, Serialize)]
pub struct QaReport {
    /// Whether no finding is at level error.
    pub passed: bool,
    /// Counts.
    pub totals: QaTotals,
    /// Every finding, by article, language, segment and check.
    pub findings: Vec<QaFinding>,
}

/// How many articles are checked at once.
const CHUNK: usize = 64;

/// What one article yields.
struct ArticleQa {
    findings: Vec<(usize, QaFinding)>,
    entries: Vec<Entry>,
    segments: usize,
}

/// The findings of one article in `langs`, and with `whole` (its place among all the
/// workspace's articles) its entries for the consistency index.
fn article_qa(
    ws: &Workspace,
    ctx: &Context,
    slug: &Slug,
    langs: &[Lang],
    whole: Option<usize>,
) -> Result<ArticleQa> {
    let article = ws.load_article(slug)?;
    let source = disp(&article.path);
    let mut out = ArticleQa {
        findings: Vec::new(),
        entries: Vec::new(),
        segments: 0,
    };
    for (l, lang) in langs.iter().enumerate() {
        let Some(stored) = ws.read_stored(lang, slug)? else {
            continue;
        };
        let file = stored.file;
        // A translated page's reference links resolve against its own definitions; a
        // translation file's against the source's, which an export copies.
        let page_definitions = stored.page.map(|page| Definitions::of(&page.text));
        let target_definitions = page_definitions.as_ref().unwrap_or(&article.definitions);
        let assessment = ws.assess(&article, Some(&file));
        let mut targets: Vec<(
            usize,
            std::borrow::Cow<'_, bitext_core::model::translation::Unit>,
        )> = Vec::new();
        let linked: Vec<_> = article
            .segments
            .iter()
            .zip(&assessment.links)
            .zip(&assessment.states)
            .filter_map(|((segment, link), state)| {
                linked_unit(link, &file.units, &file.obsolete).map(|unit| (segment, unit, *state))
            })
            .collect();
        // A long article's segments are checked on every core, in order.
        let checked: Vec<Vec<QaFinding>> = linked
            .par_iter()
            .with_min_len(256)
            .map(|(segment, unit, state)| {
                let place = Place {
                    article: slug.as_str(),
                    n: segment.n,
                    source_definitions: &article.definitions,
                    target_definitions,
                };
                check_segment_at(ctx, &segment.text, &unit.target, lang, Some(place))
                    .iter()
                    .map(|finding| {
                        QaFinding::new(slug.as_str(), &source, lang, segment, *state, finding)
                    })
                    .collect()
            })
            .collect();
        out.findings
            .extend(checked.into_iter().flatten().map(|finding| (l, finding)));
        for (segment, unit, _) in linked {
            out.segments += 1;
            if let Some(index) = whole {
                out.entries.push(consistency::entry(
                    l,
                    index,
                    segment.n,
                    &segment.text,
                    &unit.target,
                ));
            }
            targets.push((segment.n, unit));
        }
        let borrowed: Vec<(usize, &str)> = targets
            .iter()
            .map(|(n, u)| (*n, u.target.as_str()))
            .collect();
        for (n, finding) in check_article(ctx, &borrowed, lang) {
            let segment = &article.segments[n - 1];
            let state = assessment.states[n - 1];
            out.findings.push((
                l,
                QaFinding::new(slug.as_str(), &source, lang, segment, state, &finding),
            ));
        }
    }
    Ok(out)
}

/// Runs the checks of `ctx` on the selected articles and languages. When `ctx` wants the
/// consistency check and has no index, the index is built from this walk if every article is
/// selected, or read from the whole workspace otherwise.
///
/// # Errors
/// Any unreadable or malformed source or translation file.
pub fn run(
    ws: &Workspace,
    articles: &[Slug],
    langs: &[Lang],
    mut ctx: Context,
) -> Result<QaReport> {
    let want_index = ctx.wants_index(langs) && ctx.index.is_empty();
    let all = ws.all_articles()?;
    let whole = want_index && all.len() == articles.len();
    if whole {
        // The commands about one article learn what changed outside bitext.
        Index::refresh_saved(ws)?;
    }
    if want_index && !whole {
        ctx.index = Index::load(ws)?;
    }
    let ctx = ctx;
    // The walk's entries go to a temporary file rather than memory; see `consistency`.
    let mut spill = if whole {
        Some(consistency::Spill::new()?)
    } else {
        None
    };
    let mut segments = 0;
    let mut located: Vec<(usize, usize, QaFinding)> = Vec::new();
    for (c, chunk) in articles.chunks(CHUNK).enumerate() {
        let per_article = map_ordered(chunk, |slug| {
            let index = all.binary_search(slug).unwrap_or(0);
            article_qa(ws, &ctx, slug, langs, whole.then_some(index))
        })?;
        for (i, article) in per_article.into_iter().enumerate() {
            segments += article.segments;
            let a = c * CHUNK + i;
            located.extend(article.findings.into_iter().map(|(l, f)| (a, l, f)));
            if let Some(spill) = &mut spill {
                spill.push(&article.entries)?;
            }
        }
    }
    if let Some(spill) = spill {
        located.extend(consistency_findings(
            ws, &ctx, &all, articles, langs, spill,
        )?);
    }
    Ok(report(located, segments))
}

/// The report of findings located by (article, language) order.
fn report(mut located: Vec<(usize, usize, QaFinding)>, segments: usize) -> QaReport {
    located.sort_by(|(a1, l1, f1), (a2, l2, f2)| {
        (a1, l1, f1.n, f1.check).cmp(&(a2, l2, f2.n, f2.check))
    });
    let findings: Vec<QaFinding> = located.into_iter().map(|(_, _, f)| f).collect();
    let errors = findings.iter().filter(|f| f.level == Level::Error).count();
    QaReport {
        passed: errors == 0,
        totals: QaTotals {
            segments,
            errors,
            warnings: findings.len() - errors,
        },
        findings,
    }
}

/// The article whose findings are being located: its source, its translation files and
/// their states, assessed when first needed.
struct Loaded {
    article: usize,
    source: bitext_core::model::article::Article,
    files: Vec<Option<bitext_core::model::translation::TranslationFile>>,
    states: Vec<Option<Vec<bitext_core::model::assess::State>>>,
}

/// The consistency findings of every entry of the whole workspace, located by reading again
/// only the articles that have one.
fn consistency_findings(
    ws: &Workspace,
    ctx: &Context,
    all: &[Slug],
    articles: &[Slug],
    langs: &[Lang],
    spill: consistency::Spill,
) -> Result<Vec<(usize, usize, QaFinding)>> {
    let mut found: Vec<(usize, usize, usize, Finding)> = Vec::new();
    for inconsistency in spill.inconsistencies()? {
        let (entry, other) = (inconsistency.entry, inconsistency.other);
        let lang = &langs[entry.lang as usize];
        let level = ctx.level(Check::Inconsistent, lang);
        if level == Level::Off {
            continue;
        }
        let other = consistency::describe(
            ws.sources_dir(),
            all[other.article as usize].as_str(),
            other.n as usize,
        );
        let mut finding =
            Finding::new(Check::Inconsistent, inconsistency.kind.message_id()).arg("other", other);
        finding.level = level;
        found.push((
            entry.article as usize,
            entry.lang as usize,
            entry.n as usize,
            finding,
        ));
    }
    // Each article is read, and assessed in each language, once: in article order (a stable
    // sort, so that findings on one segment keep their order), states kept per language.
    found.sort_by_key(|(article, l, n, _)| (*article, *l, *n));
    let mut out = Vec::new();
    let mut loaded: Option<Loaded> = None;
    for (article, l, n, finding) in found {
        if loaded.as_ref().is_none_or(|x| x.article != article) {
            let slug = &all[article];
            let source = ws.load_article(slug)?;
            let files = langs
                .iter()
                .map(|lang| ws.load_translation(lang, slug))
                .collect::<Result<Vec<_>>>()?;
            loaded = Some(Loaded {
                article,
                source,
                files,
                states: vec![None; langs.len()],
            });
        }
        let Some(Loaded {
            source,
            files,
            states,
            ..
        }) = &mut loaded
        else {
            continue;
        };
        let states = states[l].get_or_insert_with(|| ws.assess(source, files[l].as_ref()).states);
        let position = articles
            .iter()
            .position(|s| s == &all[article])
            .unwrap_or(0);
        let segment = &source.segments[n - 1];
        out.push((
            position,
            l,
            QaFinding::new(
                all[article].as_str(),
                &disp(&source.path),
                &langs[l],
                segment,
                states[n - 1],
                &finding,
            ),
        ));
    }
    Ok(out)
}

/// The findings, each with its offending parts, then a hint per check that fired, then the
/// summary.
#[must_use]
pub fn render_text(report: &QaReport) -> String {
    // Thousands of findings are worded on every core, a batch at a time, then written in
    // order: never more than a batch's texts besides the report.
    let mut out = String::new();
    for batch in report.findings.chunks(4096) {
        let rendered: Vec<String> = batch
            .par_iter()
            .with_min_len(256)
            .map(QaFinding::render)
            .collect();
        for text in rendered {
            out.push_str(&text);
        }
    }
    let mut fired: Vec<Check> = report.findings.iter().map(|f| f.check).collect();
    fired.sort_unstable();
    fired.dedup();
    if !fired.is_empty() {
        out.push('\n');
    }
    for check in fired {
        let code = check.code();
        let _ = writeln!(
            out,
            "{}",
            t!(
                "qa-hint-line",
                check = code,
                explanation = &t!(&format!("qa-explain-{code}")),
                hint = &t!(&format!("qa-hint-{code}"))
            )
        );
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

fn summary(report: &QaReport) -> String {
    t!(
        "qa-summary",
        errors = report.totals.errors,
        warnings = report.totals.warnings,
        segments = report.totals.segments
    )
}

/// Adds to `report` the glossary findings (at `min_level` or above) of `regional` variants
/// (`es-419`): the text an export to each would take, checked against its terms.
///
/// # Errors
/// As [`bitext_core::qa::glossary::check_exports`].
pub fn add_regional(
    ws: &Workspace,
    report: &mut QaReport,
    articles: &[Slug],
    regional: &[Lang],
    min_level: Level,
) -> Result<()> {
    for lang in regional {
        let (found, segments) = bitext_core::qa::glossary::check_exports(ws, articles, lang)?;
        report.totals.segments += segments;
        for finding in found.into_iter().filter(|f| f.level >= min_level) {
            if finding.level == Level::Error {
                report.totals.errors += 1;
                report.passed = false;
            } else {
                report.totals.warnings += 1;
            }
            report.findings.push(finding);
        }
    }
    Ok(())
}

/// The report as JSON (pretty, with a trailing newline).
#[must_use]
pub fn render_json(report: &QaReport) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// One GitHub Actions workflow command for a finding, on its source line.
#[must_use]
pub fn github_line(finding: &QaFinding) -> String {
    let level = if finding.level == Level::Error {
        github::Level::Error
    } else {
        github::Level::Warning
    };
    let title = t!(
        "check-title-qa",
        lang = finding.lang.as_str(),
        check = finding.check.code()
    );
    let mut message = finding.located(&finding.message);
    for (id, part) in [
        ("qa-source-part", &finding.source_part),
        ("qa-target-part", &finding.target_part),
    ] {
        if let Some(part) = part {
            message.push('\n');
            message.push_str(&t!(id, text = part));
        }
    }
    Annotation {
        level,
        place: Some((&finding.source, finding.line)),
        title: &title,
        message: &message,
    }
    .to_string()
}

/// GitHub Actions workflow commands: `::error` or `::warning` per finding, then the summary.
#[must_use]
pub fn render_github(report: &QaReport) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        let _ = writeln!(out, "{}", github_line(finding));
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

/// A JUnit XML report: one testsuite per language, one testcase per article with a finding at
/// level error (a failure listing them) or a passing one otherwise.
///
/// # Errors
/// A failed write, to `out` or to a temporary file.
pub fn write_junit(
    ws: &Workspace,
    report: &QaReport,
    articles: &[Slug],
    langs: &[Lang],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let tags: Vec<&str> = langs.iter().map(Lang::as_str).collect();
    let mut junit = Junit::new("bitext qa", "bitext.qa", &tags)?;
    for lang in langs {
        for slug in articles {
            let source = disp(
                &ws.source_file(slug)
                    .unwrap_or_else(|_| ws.source_path(slug)),
            );
            let found: Vec<&QaFinding> = report
                .findings
                .iter()
                .filter(|f| {
                    f.article == slug.as_str() && f.lang == lang.as_str() && f.level == Level::Error
                })
                .collect();
            let Some(first) = found.first() else {
                junit.case(lang.as_str(), slug.as_str(), &source, None)?;
                continue;
            };
            let text: String = found.iter().map(|f| f.render()).collect();
            let message = first.line();
            let failure = Failure {
                message: &message,
                kind: "qa",
                text: text.trim_end(),
            };
            junit.case(lang.as_str(), slug.as_str(), &source, Some(failure))?;
        }
    }
    junit.finish(out)
}

/// `qa` in the chosen format; exit 1 when a finding is at level error.
///
/// # Errors
/// As [`run`], and a malformed glossary.
pub fn execute(ws: &Workspace, args: &QaArgs) -> Result<crate::Outcome> {
    let selected =
        super::select_regional(ws, &args.selection.articles, &args.selection.langs, false)?;
    let articles = selected.articles;
    let ctx = Context::without_index(ws)?;
    let mut report = run(ws, &articles, &selected.langs, ctx)?;
    add_regional(
        ws,
        &mut report,
        &articles,
        &selected.regional,
        Level::Warning,
    )?;
    let mut langs = selected.langs;
    langs.extend(selected.regional);
    let stdout = match args.format {
        CheckFormat::Text => render_text(&report),
        CheckFormat::Json => render_json(&report),
        CheckFormat::Github => render_github(&report),
        CheckFormat::Junit => {
            let mut out = Vec::new();
            write_junit(ws, &report, &articles, &langs, &mut out).map_err(|source| {
                bitext_core::error::Error::Write {
                    path: std::env::temp_dir(),
                    source,
                }
            })?;
            String::from_utf8(out).unwrap_or_default()
        }
    };
    Ok(crate::Outcome {
        stdout,
        stderr: String::new(),
        code: if report.passed {
            crate::EXIT_OK
        } else {
            crate::EXIT_FOUND
        },
    })
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `qa`.
#[derive(Debug, Args)]
pub struct QaArgs {
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub jobs: Jobs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}
