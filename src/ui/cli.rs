//! Command-line arguments, as clap derive structs. Parsing only: [`crate::run`] resolves
//! them against the workspace once and hands commands validated values.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands::{
    accept, adopt, check, comment, completions, diff, doctor, export, history, import, init, man,
    merge_driver, po, pretranslate, qa, resolve, review, serve, set, status, suggest, sync, tmx,
    xliff,
};
use crate::ui::clap_text;
use crate::ui::term::ColorChoice;
use bitext_core::t;

/// Paragraph-level translation tracking for articles.
#[derive(Debug, Parser)]
#[command(name = "bitext", version, about, long_about = None)]
pub struct Cli {
    /// Run in DIR instead of the nearest ancestor directory holding bitext.toml.
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Language of bitext's own messages (default: from `LC_ALL`, `LC_MESSAGES` or `LANG`).
    #[arg(long, global = true, value_name = "TAG")]
    pub ui_lang: Option<String>,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// bitext's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create bitext.toml, sources/ and translations/ (never overwrites).
    Init(init::InitArgs),
    /// Show how much of each article is translated, per language.
    Status(status::StatusArgs),
    /// Rewrite translation files to mirror the current segmentation of the sources.
    Sync(sync::SyncArgs),
    /// Record a translation of one segment, made from its current source text.
    Set(set::SetArgs),
    /// Mark stale segments current without changing their translations.
    Accept(accept::AcceptArgs),
    /// Mark current translations reviewed: positions, ranges such as 3-7, or ids.
    Review(review::ReviewArgs),
    /// Add, change or remove the comment on a segment's translation.
    Comment(comment::CommentArgs),
    /// Record, from the git history, which English each paragraph of the translated pages
    /// was translated from.
    Adopt(adopt::AdoptArgs),
    /// Show what changed in the source of every stale segment since it was translated.
    Diff(diff::DiffArgs),
    /// Fail (exit 1) when a selected article is not completely translated: the CI gate.
    Check(check::CheckArgs),
    /// Check translations for errors a reviewer would catch: numbers, links, markup,
    /// typography, glossary.
    Qa(qa::QaArgs),
    /// Export articles or an edition in a language, bilingual or not.
    Export(export::ExportArgs),
    /// Exchange translations with PO editors (Poedit, Lokalize, Weblate).
    #[command(subcommand)]
    Po(po::PoCommand),
    /// Exchange translations with XLIFF tools (`OmegaT`, Trados, memoQ).
    #[command(subcommand)]
    Xliff(xliff::XliffCommand),
    /// Export a translation memory, or import TMX files into the workspace's memory.
    #[command(subcommand)]
    Tmx(tmx::TmxCommand),
    /// List the closest translations the memory holds for one segment.
    Suggest(suggest::SuggestArgs),
    /// Fill missing segments from the translation memory, as drafts.
    Pretranslate(pretranslate::PretranslateArgs),
    /// Record the translations of an already-translated document, aligned paragraph by
    /// paragraph.
    Import(import::ImportArgs),
    /// Merge two versions of a translation file unit by unit: git's merge driver.
    MergeDriver(merge_driver::MergeDriverArgs),
    /// Settle a merge conflict on one segment: keep ours, take theirs, or give the text.
    Resolve(resolve::ResolveArgs),
    /// Show every translation one segment had, from git, with who recorded it and when.
    History(history::HistoryArgs),
    /// Check that bitext's merge driver is set up where git can run it, and that no merge
    /// left a translation file unfinished.
    Doctor(doctor::DoctorArgs),
    /// Serve the translator's workbench on a local web page.
    Serve(serve::ServeArgs),
    /// Print a completion script for a shell, made from this command-line definition.
    Completions(completions::CompletionsArgs),
    /// Print the manual page, or write one page per command into a directory.
    Man(man::ManArgs),
}

/// Arguments of `po export` and `xliff export`.
#[derive(Debug, Args)]
pub struct ExchangeExportArgs {
    /// Articles to export (names such as guides/intro, or their source files).
    #[arg(value_name = "ARTICLE", required = true)]
    pub articles: Vec<String>,
    /// The target language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Write to PATH (a file; a directory for several articles) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Arguments of `po import` and `xliff import`.
#[derive(Debug, Args)]
pub struct ExchangeImportArgs {
    /// Files to import.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Take the file's translation even where the workspace's changed since the export.
    #[arg(long)]
    pub force: bool,
}

/// Articles and languages to work on.
#[derive(Debug, Args)]
pub struct Selection {
    /// Articles to include (names such as guides/intro, or their source files); all when none is given.
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
    /// Target languages to include (repeatable); all targets when none is given.
    #[arg(short = 'l', long = "lang", value_name = "TAG")]
    pub langs: Vec<String>,
}

/// `-j`, for the commands that spread their work over threads (status, sync, diff, check,
/// export); the others refuse it.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct Jobs {
    /// Number of threads to work on articles with (default: one per core).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
}

impl Command {
    /// The `-j` given to a command that works in parallel; `None` for the default (one thread
    /// per core) and for the commands that do not.
    #[must_use]
    pub fn jobs(&self) -> Option<usize> {
        match self {
            Self::Status(args) => args.jobs.jobs,
            Self::Sync(args) => args.jobs.jobs,
            Self::Diff(args) => args.jobs.jobs,
            Self::Check(args) => args.jobs.jobs,
            Self::Export(args) => args.jobs.jobs,
            Self::Qa(args) => args.jobs.jobs,
            Self::Pretranslate(args) => args.jobs.jobs,
            Self::Init(_)
            | Self::Set(_)
            | Self::Accept(_)
            | Self::Review(_)
            | Self::Comment(_)
            | Self::Adopt(_)
            | Self::Po(_)
            | Self::Xliff(_)
            | Self::Tmx(_)
            | Self::Import(_)
            | Self::Serve(_)
            | Self::Suggest(_)
            | Self::Resolve(_)
            | Self::History(_)
            | Self::Doctor(_)
            | Self::MergeDriver(_)
            | Self::Completions(_)
            | Self::Man(_) => None,
        }
    }
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    // One line per finding and a summary.
    Text,
    // Findings and totals as JSON.
    Json,
    // GitHub Actions workflow commands.
    Github,
    // A JUnit XML report.
    Junit,
}

/// The command-line definition with every help text, heading and the help and version flags
/// in the UI language.
///
/// Help texts come from Fluent messages `help-<command>-<arg>` (or `help-<arg>` for arguments
/// shared by several commands) and `help-<command>` for a command's description; the doc
/// comments above are the English originals kept for rustdoc.
#[must_use]
pub fn localized_command() -> clap::Command {
    use clap::CommandFactory as _;
    let root = Cli::command()
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .propagate_version(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .global(true)
                .action(clap::ArgAction::Version)
                .help(t!("help-version")),
        )
        .subcommand(
            clap::Command::new("help").arg(
                clap::Arg::new("command")
                    .value_name(t!("help-usage-command"))
                    .num_args(0..)
                    .action(clap::ArgAction::Append),
            ),
        );
    // `help` is read as `[COMMAND]... --help` by [`crate::main_with_args`]: it has no
    // variant in [`Command`].
    localize(root, "bitext").mut_subcommand("help", |help| help.about(t!("help-command-help")))
}

fn localize(cmd: clap::Command, path: &str) -> clap::Command {
    let usage = t!("help-heading-usage");
    let mut cmd = cmd
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(t!("help-help")),
        )
        .help_template(format!(
            "{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(clap_text::heading(&t!("help-heading-commands")))
        .subcommand_value_name(t!("help-usage-command"))
        .about(message(&format!("help-{path}")).unwrap_or_default());
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let key = id.replace('_', "-");
        let help =
            message(&format!("help-{path}-{key}")).or_else(|| message(&format!("help-{key}")));
        cmd = cmd.mut_arg(id.as_str(), |arg| {
            // Global options are defined on the root and copied into every command when clap
            // builds it, heading included: they are listed apart from a command's own. The
            // root has no options of its own, so its `--help` joins them.
            let heading = if arg.is_global_set() || (path == "bitext" && !arg.is_positional()) {
                t!("help-heading-global-options")
            } else if arg.is_positional() {
                t!("help-heading-arguments")
            } else {
                t!("help-heading-options")
            };
            let arg = arg.help_heading(clap_text::heading(&heading));
            clap_text::with_value_notes(match help {
                Some(text) => arg.help(text),
                None => arg,
            })
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path == "bitext" {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        // `bitext status --version` prints the tool's version under the tool's name.
        cmd = cmd.mut_subcommand(name.as_str(), |sub| {
            localize(sub, &sub_path).display_name("bitext")
        });
    }
    cmd
}

fn message(id: &str) -> Option<String> {
    let text = t!(id);
    (text != id).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;

    #[track_caller]
    fn assert_described(cmd: &clap::Command, path: &str) {
        for sub in cmd.get_subcommands() {
            let name = format!("{path} {}", sub.get_name());
            assert!(sub.get_about().is_some(), "{name} has no description");
            for arg in sub.get_arguments() {
                assert!(
                    arg.get_help().is_some(),
                    "{name} {} has no help",
                    arg.get_id()
                );
            }
            assert_described(sub, &name);
        }
    }

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn localized_definition_is_consistent_and_fully_described() {
        let cmd = localized_command();
        cmd.clone().debug_assert();
        assert_described(&cmd, "bitext");
    }
}
