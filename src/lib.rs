//! bitext: paragraph-level translation tracking for articles.
//!
//! The binary is a thin wrapper over [`main_with_args`]. Commands live in [`commands`], each
//! computing a report that is rendered separately; the model lives in [`segment`], [`align`],
//! [`assess`] and [`translation`].

pub mod align;
pub mod article;
pub mod assess;
pub mod cli;
pub mod commands;
pub mod config;
pub mod corpus;
pub mod document;
pub mod error;
pub mod exchange;
pub mod html;
pub mod inline;
pub mod l10n;
pub mod lang;
pub mod lengthalign;
pub mod lock;
pub mod parallel;
pub mod plain;
pub mod po;
pub mod segment;
pub mod slug;
pub mod term;
pub mod tmx;
pub mod translation;
pub mod worddiff;
pub mod words;
pub mod workspace;
pub mod xliff;
pub mod xml;

use std::ffi::OsString;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::FromArgMatches as _;

use crate::cli::{CheckFormat, Cli, Command, DiffFormat, StatusFormat};
use crate::commands::set::TextSource;
use crate::error::{Error, Result};
use crate::lock::Lock;
use crate::term::Style;
use crate::translation::UnitState;
use crate::workspace::Workspace;

/// Exit code for success or a clean result.
pub const EXIT_OK: u8 = 0;
/// Exit code when a command found what it exists to find (stale segments for `check`).
pub const EXIT_FOUND: u8 = 1;
/// Exit code for any error: usage, I/O, malformed input.
pub const EXIT_ERROR: u8 = 2;

/// A command's result: what to print on stdout and the exit code.
#[derive(Debug)]
pub struct Outcome {
    /// Text for stdout.
    pub stdout: String,
    /// Messages for stderr, printed before stdout.
    pub stderr: String,
    /// Exit code, [`EXIT_OK`] or [`EXIT_FOUND`].
    pub code: u8,
}

impl Outcome {
    fn ok(stdout: String) -> Self {
        Self {
            stdout,
            stderr: String::new(),
            code: EXIT_OK,
        }
    }
}

/// Runs bitext with `args` (including the program name) and returns the process exit code.
/// This is the only place that prints errors and picks exit codes.
#[must_use]
pub fn main_with_args(args: &[OsString]) -> ExitCode {
    l10n::init(&l10n::ui_language(pre_scan_ui_lang(args).as_deref()));
    let parsed = cli::localized_command()
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let jobs = cli.jobs;
    match parallel::with_jobs(jobs, || run(cli)) {
        Ok(outcome) => {
            eprint!("{}", outcome.stderr);
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(outcome.stdout.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // `bitext status | head` closing the pipe early is not an error.
                Ok(()) => ExitCode::from(outcome.code),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    ExitCode::from(outcome.code)
                }
                Err(_) => ExitCode::from(EXIT_ERROR),
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Finds `--ui-lang TAG` before clap runs, so that clap's help can already be localised.
fn pre_scan_ui_lang(args: &[OsString]) -> Option<String> {
    let mut iter = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if arg == "--ui-lang" {
            return iter.next().map(str::to_owned);
        }
        if let Some(tag) = arg.strip_prefix("--ui-lang=") {
            return Some(tag.to_owned());
        }
    }
    None
}

/// Runs a parsed command line.
///
/// # Errors
/// Whatever the command fails with; the caller prints it and exits with [`EXIT_ERROR`].
pub fn run(cli: Cli) -> Result<Outcome> {
    let style = Style::resolve(cli.color);
    let open = || Workspace::open(cli.dir.as_deref());
    match cli.command {
        Command::Init(args) => {
            let root = match &cli.dir {
                Some(dir) => dir.clone(),
                None => std::env::current_dir().map_err(|source| Error::Read {
                    path: PathBuf::from("."),
                    source,
                })?,
            };
            let report = commands::init::run(&root, &args.source, &args.targets)?;
            Ok(Outcome::ok(commands::init::render(&report)))
        }
        Command::Status(args) => run_status(&open()?, &args, style),
        Command::Sync(args) => {
            let ws = open()?;
            let _lock = (!args.dry_run)
                .then(|| Lock::acquire(&ws.root))
                .transpose()?;
            let (articles, langs) = select(&ws, &args.selection.articles, &args.selection.langs)?;
            let report =
                commands::sync::run(&ws, &articles, &langs, args.dry_run, args.purge_obsolete)?;
            Ok(Outcome::ok(commands::sync::render(&report)))
        }
        Command::Set(args) => run_set(&open()?, args),
        Command::Diff(args) => {
            let ws = open()?;
            let (articles, langs) = select(&ws, &args.selection.articles, &args.selection.langs)?;
            let report = commands::diff::run(&ws, &articles, &langs)?;
            let stdout = match args.format {
                DiffFormat::Text => commands::diff::render_text(&report, style),
                DiffFormat::Unified => commands::diff::render_unified(&report),
                DiffFormat::Json => commands::diff::render_json(&report),
            };
            let code = if args.exit_code && !report.is_empty() {
                EXIT_FOUND
            } else {
                EXIT_OK
            };
            Ok(Outcome {
                stdout,
                stderr: String::new(),
                code,
            })
        }
        Command::Check(args) => {
            let ws = open()?;
            let (articles, langs) = select(&ws, &args.selection.articles, &args.selection.langs)?;
            let report = commands::check::run(&ws, &articles, &langs, args.min_complete)?;
            let stdout = match args.format {
                CheckFormat::Text => commands::check::render_text(&report),
                CheckFormat::Json => commands::check::render_json(&report),
                CheckFormat::Github => commands::check::render_github(&report),
                CheckFormat::Junit => commands::check::render_junit(&report, &langs),
            };
            let code = if report.passed { EXIT_OK } else { EXIT_FOUND };
            Ok(Outcome {
                stdout,
                stderr: String::new(),
                code,
            })
        }
        Command::Export(args) => run_export(&open()?, args),
        Command::Po(command) => run_po(&open()?, command),
        Command::Xliff(command) => run_xliff(&open()?, command),
        Command::Tmx(cli::TmxCommand::Export(args)) => run_tmx(&open()?, args),
        Command::Import(args) => {
            let ws = open()?;
            let _lock = (!args.dry_run)
                .then(|| Lock::acquire(&ws.root))
                .transpose()?;
            let (articles, langs) = select(&ws, &[args.article], &[args.lang])?;
            let report = commands::import::run(
                &ws,
                &articles[0],
                &langs[0],
                &args.file,
                args.dry_run,
                args.force,
            )?;
            Ok(Outcome::ok(commands::import::render(&report)))
        }
        Command::Accept(args) => {
            let ws = open()?;
            let _lock = Lock::acquire(&ws.root)?;
            let (articles, langs) = select(&ws, &[args.article], &[args.lang])?;
            let report = commands::accept::run(&ws, &articles[0], &args.segments, &langs[0])?;
            Ok(Outcome::ok(commands::accept::render(&report)))
        }
    }
}

/// `status`: counts per article and language, or every segment with `--segments`.
fn run_status(ws: &Workspace, args: &cli::StatusArgs, style: Style) -> Result<Outcome> {
    let (articles, langs) = select(ws, &args.selection.articles, &args.selection.langs)?;
    let listing = if args.segments {
        commands::status::Listing::All
    } else {
        commands::status::Listing::None
    };
    let report = commands::status::run(ws, &articles, &langs, listing)?;
    Ok(Outcome::ok(match args.format {
        StatusFormat::Text => commands::status::render_text(&report, style),
        StatusFormat::Json => commands::status::render_json(&report),
    }))
}

/// `set`: the text comes from `--text`, `--file` or stdin, in that order of preference.
fn run_set(ws: &Workspace, args: cli::SetArgs) -> Result<Outcome> {
    let _lock = Lock::acquire(&ws.root)?;
    let (articles, langs) = select(ws, &[args.article], &[args.lang])?;
    let text = match (args.text, args.file) {
        (Some(text), _) => TextSource::Inline(text),
        (None, Some(path)) => TextSource::File(path),
        (None, None) => TextSource::Stdin,
    };
    let state = if args.draft {
        UnitState::Draft
    } else if args.reviewed {
        UnitState::Reviewed
    } else {
        UnitState::Translated
    };
    let report = commands::set::run(ws, &articles[0], &args.segment, &langs[0], text, state)?;
    Ok(Outcome::ok(commands::set::render(&report)))
}

fn run_export(ws: &Workspace, args: cli::ExportArgs) -> Result<Outcome> {
    let request = commands::export::ExportRequest {
        articles: args.articles,
        edition: args.edition,
        lang: args.lang,
        bilingual: args.bilingual,
        format: args.format,
        output: args.output,
        allow_incomplete: args.allow_incomplete,
    };
    let report = commands::export::run(ws, &request)?;
    Ok(Outcome {
        stdout: report.stdout,
        stderr: report.stderr,
        code: if report.refused { EXIT_FOUND } else { EXIT_OK },
    })
}

/// `tmx export`: every article in the selected languages, in one memory.
fn run_tmx(ws: &Workspace, args: cli::TmxExportArgs) -> Result<Outcome> {
    let slugs = ws.all_articles()?;
    let langs = ws.select_langs(&args.langs)?;
    let mut articles = Vec::new();
    for lang in &langs {
        for slug in &slugs {
            articles.push(exchange::export_article(ws, slug, lang)?);
        }
    }
    let text = tmx::write(ws.config.source.as_str(), &articles);
    match args.output {
        Some(path) => {
            translation::write_atomic(&path, &text)?;
            Ok(Outcome::ok(String::new()))
        }
        None => Ok(Outcome::ok(text)),
    }
}

/// `po export` and `po import`.
fn run_po(ws: &Workspace, command: cli::PoCommand) -> Result<Outcome> {
    match command {
        cli::PoCommand::Export(args) => {
            let (slugs, langs) = select(ws, &args.articles, &[args.lang])?;
            let date = po::header_date();
            let render = |article: &exchange::ExportArticle| po::write(article, &date);
            let stdout = exchange::export_files(
                ws,
                &slugs,
                &langs[0],
                args.output.as_deref(),
                "po",
                &render,
            )?;
            Ok(Outcome::ok(stdout))
        }
        cli::PoCommand::Import(args) => {
            let read = |path: &std::path::Path, text: &str| po::read(path, text).map(|f| vec![f]);
            let _lock = Lock::acquire(&ws.root)?;
            let files = exchange::read_files(&args.files, &read)?;
            let report = exchange::import(ws, &files, args.force)?;
            Ok(Outcome::ok(exchange::render(&report)))
        }
    }
}

/// `xliff export` and `xliff import`.
fn run_xliff(ws: &Workspace, command: cli::XliffCommand) -> Result<Outcome> {
    match command {
        cli::XliffCommand::Export(args) => {
            let common = args.common;
            let (slugs, langs) = select(ws, &common.articles, &[common.lang])?;
            let version = args.xliff_version;
            let render = |article: &exchange::ExportArticle| xliff::write(article, version);
            let stdout = exchange::export_files(
                ws,
                &slugs,
                &langs[0],
                common.output.as_deref(),
                "xlf",
                &render,
            )?;
            Ok(Outcome::ok(stdout))
        }
        cli::XliffCommand::Import(args) => {
            let _lock = Lock::acquire(&ws.root)?;
            let files = exchange::read_files(&args.files, &xliff::read)?;
            let report = exchange::import(ws, &files, args.force)?;
            Ok(Outcome::ok(exchange::render(&report)))
        }
    }
}

/// Resolves the article and language selection once; when every article is selected,
/// translation files of articles that do not exist are refused.
fn select(
    ws: &Workspace,
    articles: &[String],
    langs: &[String],
) -> Result<(Vec<slug::Slug>, Vec<lang::Lang>)> {
    let langs = ws.select_langs(langs)?;
    let slugs = ws.select_articles(articles)?;
    if articles.is_empty() {
        ws.check_orphans(&langs, &slugs)?;
    }
    Ok((slugs, langs))
}
