//! `bitext import`: record the translations of an already-translated document, aligned
//! paragraph by paragraph with the source ([`bitext_core::ops::import`]), and show the
//! alignment side by side.

use std::fmt::Write as _;
use std::path::PathBuf;

use bitext_core::error::Result;
use bitext_core::model::pairing::Doubt;
use bitext_core::ops::import::{ImportArticleReport, Outcome, run};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::Args;

use crate::ui::term::{fit, pad_left, pad_right};

/// Display columns of the source and translation excerpts of `--dry-run`.
const EXCERPT: usize = 40;

/// A pair's result: its outcome, and why it is a draft when the pairing is not certain.
fn result(outcome: &str, doubt: Option<Doubt>) -> String {
    let outcome = t!(outcome);
    match doubt {
        None => outcome,
        Some(doubt) => t!(
            "import-outcome-doubt",
            outcome = &outcome,
            why = &t!(match doubt {
                Doubt::Merged => "import-doubt-merged",
                Doubt::Length => "import-doubt-length",
                Doubt::Ambiguous => "import-doubt-ambiguous",
                Doubt::Anchors => "import-doubt-anchors",
            })
        ),
    }
}

/// Renders the alignment side by side with a confidence per pair, then a summary.
#[must_use]
pub fn render(report: &ImportArticleReport) -> String {
    let mut out = String::new();
    let none = t!("import-none");
    let _ = writeln!(
        out,
        "{}  {}  {}  {}  {}",
        pad_left(&t!("import-col-n"), 7),
        pad_left(&t!("import-col-confidence"), 5),
        pad_right(&t!("import-col-source"), EXCERPT),
        pad_right(&t!("import-col-translation"), EXCERPT),
        t!("import-col-outcome")
    );
    let mut counts = [0usize; 8];
    for pair in &report.pairs {
        let n = match pair.segments.as_slice() {
            [] => "-".to_owned(),
            [one] => one.to_string(),
            many => format!("{}-{}", many[0], many[many.len() - 1]),
        };
        let confidence = if matches!(pair.outcome, Outcome::Missing | Outcome::Extra) {
            "-".to_owned()
        } else {
            bitext_core::l10n::decimal2(pair.confidence)
        };
        let source = if pair.source.is_empty() {
            none.clone()
        } else {
            fit(&pair.source, EXCERPT)
        };
        let translation = if pair.translation.is_empty() {
            none.clone()
        } else {
            fit(&pair.translation, EXCERPT)
        };
        let (index, id) = match pair.outcome {
            Outcome::Translated => (0, "import-outcome-translated"),
            Outcome::Draft => (1, "import-outcome-draft"),
            Outcome::Unchanged => (2, "import-outcome-unchanged"),
            Outcome::Conflict => (3, "import-outcome-conflict"),
            Outcome::Missing => (4, "import-outcome-missing"),
            Outcome::Extra => (5, "import-outcome-extra"),
            Outcome::Untranslated => (6, "import-outcome-untranslated"),
            Outcome::Copy => (7, "import-outcome-copy"),
        };
        counts[index] += 1;
        let result = result(id, pair.doubt);
        let _ = writeln!(
            out,
            "{}  {}  {}  {}  {}",
            pad_left(&n, 7),
            pad_left(&confidence, 5),
            pad_right(&source, EXCERPT),
            pad_right(&translation, EXCERPT),
            result
        );
    }
    if report.differs {
        let _ = writeln!(
            out,
            "{}",
            t!(
                "import-structure-differs",
                path = &report.path,
                source = report.blocks.0,
                target = report.blocks.1
            )
        );
    }
    for finding in &report.findings {
        out.push_str(&finding.render());
    }
    let summary = if report.dry_run {
        "import-article-summary-dry-run"
    } else {
        "import-article-summary"
    };
    let _ = writeln!(
        out,
        "{}",
        t!(
            summary,
            translated = counts[0],
            drafts = counts[1] + counts[7],
            unchanged = counts[2],
            conflicts = counts[3],
            missing = counts[4],
            extra = counts[5]
        )
    );
    if counts[6] + counts[7] > 0 {
        let _ = writeln!(
            out,
            "{}",
            t!(
                "import-untranslated-summary",
                path = &report.path,
                count = counts[6] + counts[7]
            )
        );
    }
    out
}

/// `import`, under the workspace lock unless `--dry-run`.
///
/// # Errors
/// As [`run`], and when the lock is held.
pub fn execute(ws: &Workspace, args: ImportArgs) -> Result<crate::Outcome> {
    let _lock = (!args.dry_run)
        .then(|| bitext_core::workspace::lock::Lock::acquire(&ws.root))
        .transpose()?;
    let (articles, langs) = super::select(ws, &[args.article], &[args.lang])?;
    let report = run(
        ws,
        &articles[0],
        &langs[0],
        &args.file,
        args.dry_run,
        args.force,
    )?;
    Ok(crate::Outcome::ok(render(&report)))
}

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The article (its name, such as guides/intro, or its source file).
    pub article: String,
    /// The translation's language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// The translated document (.md, or paragraphs separated by blank lines).
    pub file: PathBuf,
    /// Show the alignment and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Replace current translations that differ.
    #[arg(long)]
    pub force: bool,
}
