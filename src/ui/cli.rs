//! Command-line arguments, as clap derive structs. Parsing only: [`crate::run`] resolves
//! them against the workspace once and hands commands validated values.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands::export::ExportFormat;
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
    Init(InitArgs),
    /// Show how much of each article is translated, per language.
    Status(StatusArgs),
    /// Rewrite translation files to mirror the current segmentation of the sources.
    Sync(SyncArgs),
    /// Record a translation of one segment, made from its current source text.
    Set(SetArgs),
    /// Mark stale segments current without changing their translations.
    Accept(AcceptArgs),
    /// Show what changed in the source of every stale segment since it was translated.
    Diff(DiffArgs),
    /// Fail (exit 1) when a selected article is not completely translated: the CI gate.
    Check(CheckArgs),
    /// Check translations for errors a reviewer would catch: numbers, links, markup,
    /// typography, glossary.
    Qa(QaArgs),
    /// Export articles or an edition in a language, bilingual or not.
    Export(ExportArgs),
    /// Exchange translations with PO editors (Poedit, Lokalize, Weblate).
    #[command(subcommand)]
    Po(PoCommand),
    /// Exchange translations with XLIFF tools (`OmegaT`, Trados, memoQ).
    #[command(subcommand)]
    Xliff(XliffCommand),
    /// Export a translation memory, or import TMX files into the workspace's memory.
    #[command(subcommand)]
    Tmx(TmxCommand),
    /// List the closest translations the memory holds for one segment.
    Suggest(SuggestArgs),
    /// Fill missing segments from the translation memory, as drafts.
    Pretranslate(PretranslateArgs),
    /// Record the translations of an already-translated document, aligned paragraph by
    /// paragraph.
    Import(ImportArgs),
    /// Merge two versions of a translation file unit by unit: git's merge driver.
    MergeDriver(MergeDriverArgs),
    /// Settle a merge conflict on one segment: keep ours, take theirs, or give the text.
    Resolve(ResolveArgs),
    /// Serve the translator's workbench on a local web page.
    Serve(ServeArgs),
    /// Print a completion script for a shell, made from this command-line definition.
    Completions(CompletionsArgs),
    /// Print the manual page, or write one page per command into a directory.
    Man(ManArgs),
}

/// Arguments of `merge-driver`, as git passes them (`%O %A %B %P`).
#[derive(Debug, Args)]
pub struct MergeDriverArgs {
    /// The common ancestor's version (`%O`; empty when the file is new on both branches).
    pub ancestor: PathBuf,
    /// Our version (`%A`), which receives the result.
    pub current: PathBuf,
    /// Their version (`%B`).
    pub other: PathBuf,
    /// The file's path in the repository (`%P`), for messages.
    pub path: Option<String>,
}

/// Arguments of `resolve`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("choice").required(true).args(["ours", "theirs", "text"])))]
pub struct ResolveArgs {
    /// The article (slug or sources/<slug>.md).
    pub article: String,
    /// The segment: a position from 1, or an id (a unique prefix is enough).
    pub segment: String,
    /// The translation's language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Keep the version in the file (ours).
    #[arg(long)]
    pub ours: bool,
    /// Take the other branch's version (theirs).
    #[arg(long)]
    pub theirs: bool,
    /// Record this translation instead, made from the current source text.
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on (0: a free one).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub port: u16,
    /// Listen on this address instead of 127.0.0.1 (other machines can then connect).
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,
    /// Open the page in the desktop's browser.
    #[arg(long)]
    pub open: bool,
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: CompletionShell,
}

/// The shells `completions` writes scripts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    // Bash.
    Bash,
    // Zsh.
    Zsh,
    // Fish.
    Fish,
    // `PowerShell`.
    Powershell,
}

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write bitext.1 and a page per command (bitext-status.1, ...) into DIR instead of
    /// printing bitext.1.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The article (slug or sources/<slug>.md).
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

/// `po` subcommands.
#[derive(Debug, Subcommand)]
pub enum PoCommand {
    /// Write a PO file per article.
    Export(ExchangeExportArgs),
    /// Record the translations of PO files.
    Import(ExchangeImportArgs),
}

/// `xliff` subcommands.
#[derive(Debug, Subcommand)]
pub enum XliffCommand {
    /// Write an XLIFF file per article.
    Export(XliffExportArgs),
    /// Record the translations of XLIFF files (2.0 or 1.2).
    Import(ExchangeImportArgs),
}

/// `tmx` subcommands.
#[derive(Debug, Subcommand)]
pub enum TmxCommand {
    /// Write a TMX 1.4b memory of every current segment pair.
    Export(TmxExportArgs),
    /// Check TMX files and keep them in memory/, where suggest and pretranslate use them.
    Import(TmxImportArgs),
}

/// Arguments of `tmx import`.
#[derive(Debug, Args)]
pub struct TmxImportArgs {
    /// TMX 1.4 files to add to the memory.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

/// Which XLIFF `xliff export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum XliffVersion {
    // XLIFF 2.0 (no doc comment: a value with help would switch `--help` to its long layout).
    #[value(name = "2.0")]
    V2_0,
    // XLIFF 1.2.
    #[value(name = "1.2")]
    V1_2,
}

impl From<XliffVersion> for bitext_core::exchange::xliff::Version {
    fn from(version: XliffVersion) -> Self {
        match version {
            XliffVersion::V2_0 => Self::V2_0,
            XliffVersion::V1_2 => Self::V1_2,
        }
    }
}

/// Output format of `suggest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    // The matches for people, with what differs marked.
    Text,
    // A list of matches, best first.
    Json,
}

/// Arguments of `suggest`.
#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The article (slug or sources/<slug>.md).
    pub article: String,
    /// The segment: a position from 1, or an id (a unique prefix is enough).
    pub segment: String,
    /// The language to suggest translations in.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Show at most N matches.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub limit: usize,
    /// Show only matches scoring at least PCT.
    #[arg(long, value_name = "PCT", default_value_t = 50, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_score: u8,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SuggestFormat::Text)]
    pub format: SuggestFormat,
}

/// Arguments of `pretranslate`.
#[derive(Debug, Args)]
pub struct PretranslateArgs {
    #[command(flatten)]
    pub jobs: Jobs,
    /// Articles to fill (slugs or sources/<slug>.md); all when none is given.
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
    /// The language to fill.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Also fill from fuzzy matches scoring at least PCT (as drafts); exact matches only
    /// when not given.
    #[arg(long, value_name = "PCT", value_parser = clap::value_parser!(u8).range(1..=100))]
    pub min_score: Option<u8>,
    /// Print what would be filled and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Record exact matches that pass the checks as translated rather than as drafts.
    #[arg(long)]
    pub exact_as_translated: bool,
}

/// Arguments of `po export` and `xliff export`.
#[derive(Debug, Args)]
pub struct ExchangeExportArgs {
    /// Articles to export (slugs or sources/<slug>.md).
    #[arg(value_name = "ARTICLE", required = true)]
    pub articles: Vec<String>,
    /// The target language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Write to PATH (a file; a directory for several articles) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Arguments of `xliff export`.
#[derive(Debug, Args)]
pub struct XliffExportArgs {
    #[command(flatten)]
    pub common: ExchangeExportArgs,
    /// XLIFF version.
    #[arg(
        long = "xliff-version",
        value_enum,
        default_value = "2.0",
        value_name = "VERSION"
    )]
    pub xliff_version: XliffVersion,
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

/// Arguments of `tmx export`.
#[derive(Debug, Args)]
pub struct TmxExportArgs {
    /// Target languages to include (repeatable); all targets when none is given.
    #[arg(short = 'l', long = "lang", value_name = "TAG")]
    pub langs: Vec<String>,
    /// Write to PATH instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Articles to export (slugs or sources/<slug>.md).
    #[arg(value_name = "ARTICLE", conflicts_with = "edition")]
    pub articles: Vec<String>,
    /// Export an edition of bitext.toml, in its order, as one document.
    #[arg(long, value_name = "ID")]
    pub edition: Option<String>,
    /// The language to export (falls back to more general tags: es-419 -> es).
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Source and translation side by side, segment by segment.
    #[arg(long)]
    pub bilingual: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Html)]
    pub format: ExportFormat,
    /// Write to PATH (a file; a directory for several articles) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Export even when segments are stale or missing, with the source text marked in their
    /// place.
    #[arg(long)]
    pub allow_incomplete: bool,
    #[command(flatten)]
    pub jobs: Jobs,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Source language of the articles.
    #[arg(long, default_value = "en", value_name = "TAG")]
    pub source: String,
    /// A target language (repeatable).
    #[arg(short = 't', long = "target", value_name = "TAG", default_values = ["fr", "es"])]
    pub targets: Vec<String>,
    /// Also register bitext's merge driver in the git repository's configuration.
    #[arg(long)]
    pub git: bool,
}

/// Articles and languages to work on.
#[derive(Debug, Args)]
pub struct Selection {
    /// Articles to include (slugs or sources/<slug>.md); all when none is given.
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
            | Self::Po(_)
            | Self::Xliff(_)
            | Self::Tmx(_)
            | Self::Import(_)
            | Self::Serve(_)
            | Self::Suggest(_)
            | Self::Resolve(_)
            | Self::MergeDriver(_)
            | Self::Completions(_)
            | Self::Man(_) => None,
        }
    }
}

/// Output format of `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    // Tables for people.
    Text,
    // The JSON shape documented in the README, for other tools.
    Json,
}

/// Arguments of `status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub jobs: Jobs,
    /// List every segment with its position, id, state, line and an excerpt.
    #[arg(long)]
    pub segments: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
}

/// Arguments of `sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub jobs: Jobs,
    /// Print what would change and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Delete obsolete translations instead of keeping them.
    #[arg(long)]
    pub purge_obsolete: bool,
}

/// Arguments of `set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The article (slug or sources/<slug>.md).
    pub article: String,
    /// The segment: a position from 1, or an id (a unique prefix is enough; @ID for an id that
    /// looks like a number).
    pub segment: String,
    /// The translation's language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// The translation (default: read from standard input).
    #[arg(long, value_name = "TEXT", conflicts_with = "file")]
    pub text: Option<String>,
    /// Read the translation from a file.
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// Save as a draft, which still counts as work left.
    #[arg(long, conflicts_with = "reviewed")]
    pub draft: bool,
    /// Mark the translation as reviewed.
    #[arg(long)]
    pub reviewed: bool,
}

/// Output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    // Inline word diff, coloured on a terminal, with [-old-]{+new+} markers otherwise.
    Text,
    // One unified diff per stale segment.
    Unified,
    // The report as JSON.
    Json,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub jobs: Jobs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Exit 1 when the diff shows anything, as `git diff --exit-code`.
    #[arg(long)]
    pub exit_code: bool,
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

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub selection: Selection,
    #[command(flatten)]
    pub jobs: Jobs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Pass when every article is at least PCT percent current, instead of 100.
    #[arg(long, value_name = "PCT", value_parser = parse_percent)]
    pub min_complete: Option<f64>,
    /// Leave quality findings out of the check.
    #[arg(long)]
    pub no_qa: bool,
}

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

fn parse_percent(raw: &str) -> Result<f64, String> {
    // A French or Spanish user may write the decimal mark as a comma: 89,5.
    let value: f64 = raw
        .trim_end_matches('%')
        .trim_end()
        .replace(',', ".")
        .parse()
        .map_err(|_| t!("error-invalid-percent", value = raw))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(t!("error-invalid-percent", value = raw))
    }
}

/// Arguments of `accept`.
#[derive(Debug, Args)]
pub struct AcceptArgs {
    /// The article (slug or sources/<slug>.md).
    pub article: String,
    /// Segments to accept: positions from 1 or ids (@ID for an id that looks like a number).
    #[arg(required = true, value_name = "SEGMENT")]
    pub segments: Vec<String>,
    /// The translations' language.
    #[arg(short = 'l', long = "lang", value_name = "TAG", required = true)]
    pub lang: String,
    /// Accept even when a quality check at level error fails.
    #[arg(long)]
    pub force: bool,
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
