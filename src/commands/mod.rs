//! The subcommands, one module each: its arguments (`…Args`), `execute`, the glue from them to
//! the core's operations and reports ([`bitext_core::ops`]), and the report's rendering as
//! text, JSON or annotations. A command returns an [`crate::Outcome`] or writes through the
//! [`crate::Output`] it is given. The workbench ([`crate::serve`]) uses only the export's
//! request and the status report from here; its writes go to the core's operations.

pub mod accept;
pub mod adopt;
pub mod check;
pub mod comment;
pub mod completions;
pub mod diff;
pub mod doctor;
pub mod export;
pub mod history;
pub mod import;
pub mod init;
pub mod man;
pub mod merge_driver;
pub mod po;
pub mod pretranslate;
pub mod qa;
pub mod resolve;
pub mod review;
pub mod serve;
pub mod set;
pub mod status;
pub mod suggest;
pub mod sync;
pub mod tmx;
pub mod xliff;

use bitext_core::error::Result;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::workspace::Workspace;

/// Resolves the article and language selection once; when every article is selected,
/// translation files of articles that do not exist are refused.
///
/// # Errors
/// An unknown article or language, or (for a whole-workspace selection) an orphan file.
pub fn select(
    ws: &Workspace,
    articles: &[String],
    langs: &[String],
) -> Result<(Vec<Slug>, Vec<Lang>)> {
    let langs = ws.select_langs(langs)?;
    let slugs = ws.select_articles(articles)?;
    if articles.is_empty() {
        ws.check_orphans(&langs, &slugs)?;
    }
    Ok((slugs, langs))
}

/// A selection with its regional variants apart: the articles, the targets, and the
/// variants of a target that are not targets themselves (`es-419` over `es`), whose text is
/// their target's translations and which are checked for their glossary.
pub struct Selected {
    /// The articles.
    pub articles: Vec<Slug>,
    /// The target languages.
    pub langs: Vec<Lang>,
    /// The regional variants.
    pub regional: Vec<Lang>,
}

/// As [`select`], with the regional variants named by `-l` kept apart; without `-l`, the
/// variants with a glossary of their own (`glossary/es-419.tsv`). With `with_parents`, a
/// variant brings its target into the languages (`check -l es-419` says how complete the
/// `es` translations it is made of are).
///
/// # Errors
/// As [`select`].
pub fn select_regional(
    ws: &Workspace,
    articles: &[String],
    tags: &[String],
    with_parents: bool,
) -> Result<Selected> {
    use bitext_core::qa::glossary::{is_regional, regional_variants};
    if tags.is_empty() {
        let (articles, langs) = select(ws, articles, tags)?;
        let regional = regional_variants(ws)?;
        return Ok(Selected {
            articles,
            langs,
            regional,
        });
    }
    let mut targets = Vec::new();
    let mut regional: Vec<Lang> = Vec::new();
    for tag in tags {
        match Lang::parse(tag) {
            Ok(lang) if is_regional(ws, &lang) => {
                if with_parents {
                    let parent = std::iter::successors(lang.parent(), Lang::parent)
                        .find(|p| ws.config.targets.contains(p));
                    targets.extend(parent.map(|p| p.to_string()));
                }
                if !regional.contains(&lang) {
                    regional.push(lang);
                }
            }
            _ => targets.push(tag.clone()),
        }
    }
    let langs = if targets.is_empty() {
        Vec::new()
    } else {
        ws.select_langs(&targets)?
    };
    let slugs = ws.select_articles(articles)?;
    if articles.is_empty() {
        ws.check_orphans(&langs, &slugs)?;
    }
    Ok(Selected {
        articles: slugs,
        langs,
        regional,
    })
}

/// The outcome of an import for the command line: the report, exiting [`crate::EXIT_FOUND`]
/// when a unit was kept as a conflict (the translator has a decision left to make) and
/// [`crate::EXIT_OK`] otherwise.
#[must_use]
pub fn import_outcome(report: &bitext_core::ops::exchange::ImportReport) -> crate::Outcome {
    let mut outcome = crate::Outcome::ok(bitext_core::ops::exchange::render(report));
    if report
        .files
        .iter()
        .any(|(_, counts, _)| counts.conflicts > 0)
    {
        outcome.code = crate::EXIT_FOUND;
    }
    outcome
}
