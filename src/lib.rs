//! bitext: paragraph-level translation tracking for articles. The front ends over
//! [`bitext_core`], which knows everything and prints nothing.
//!
//! The binary is a thin wrapper over [`main_with_args`]. The crate's map:
//!
//! - [`ui`]: command-line arguments, clap's texts in the UI language, the terminal;
//! - [`commands`]: one module per subcommand, glue from arguments to core operations and
//!   reports, and their rendering;
//! - [`serve`]: the translator's workbench in the browser, over the same core operations.

pub mod commands;
pub mod report;
pub mod serve;
pub mod ui;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::FromArgMatches as _;

use crate::ui::cli::{Cli, Command};
use crate::ui::term::Style;
use bitext_core::error::Result;
use bitext_core::l10n;
use bitext_core::t;
use bitext_core::workspace::{Workspace, parallel};

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
    /// A clean result with `stdout` and nothing on stderr.
    #[must_use]
    pub fn ok(stdout: String) -> Self {
        Self {
            stdout,
            stderr: String::new(),
            code: EXIT_OK,
        }
    }
}

/// Where commands write as they go: standard output (buffered) and standard error, opened
/// once in [`main_with_args`]. No other part of bitext writes to them: a command either
/// returns its [`Outcome`] or writes through the `Output` it is given.
pub struct Output<'a> {
    /// Standard output.
    pub out: &'a mut (dyn Write + Send),
    /// Standard error.
    pub err: &'a mut (dyn Write + Send),
}

/// Runs bitext with `args` (including the program name) and returns the process exit code.
/// This is the only place that opens stdout and stderr, prints errors and picks exit codes.
#[must_use]
pub fn main_with_args(args: &[OsString]) -> ExitCode {
    l10n::init(&l10n::ui_language(pre_scan_ui_lang(args).as_deref()));
    let mut stdout = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout());
    let mut stderr = std::io::stderr();
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err(e) => {
            let (text, to_stdout, code) = crate::ui::clap_text::report(&e);
            let _ = if to_stdout {
                stdout
                    .write_all(text.as_bytes())
                    .and_then(|()| stdout.flush())
            } else {
                stderr.write_all(text.as_bytes())
            };
            return ExitCode::from(code);
        }
    };
    let jobs = cli.command.jobs();
    let result = {
        let mut output = Output {
            out: &mut stdout,
            err: &mut stderr,
        };
        parallel::with_jobs(jobs, || run(cli, &mut output))
    };
    match result {
        Ok(outcome) => {
            let written = stdout
                .flush()
                .and_then(|()| stderr.write_all(outcome.stderr.as_bytes()))
                .and_then(|()| stdout.write_all(outcome.stdout.as_bytes()))
                .and_then(|()| stdout.flush());
            match written {
                // `bitext status | head` closing the pipe early is not an error.
                Ok(()) => ExitCode::from(outcome.code),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    ExitCode::from(outcome.code)
                }
                Err(_) => ExitCode::from(EXIT_ERROR),
            }
        }
        Err(e) => {
            let _ = stdout.flush();
            let _ = writeln!(stderr, "{}", t!("error-line", message = &e.to_string()));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Parses `args` with the localised definition. `bitext help [COMMAND]...` is read as
/// `bitext [COMMAND]... --help`, so that it prints exactly what `--help` prints and refuses an
/// unknown command the same way.
fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    let matches = crate::ui::cli::localized_command().try_get_matches_from(args)?;
    if let Some(("help", help)) = matches.subcommand() {
        let mut again: Vec<OsString> = args.iter().take(1).cloned().collect();
        again.extend(
            help.get_many::<String>("command")
                .into_iter()
                .flatten()
                .map(OsString::from),
        );
        again.push("--help".into());
        let matches = crate::ui::cli::localized_command().try_get_matches_from(again)?;
        return Cli::from_arg_matches(&matches);
    }
    Cli::from_arg_matches(&matches)
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

/// Runs a parsed command line: each command's `execute` does the rest.
///
/// # Errors
/// Whatever the command fails with; the caller prints it and exits with [`EXIT_ERROR`].
pub fn run(cli: Cli, output: &mut Output<'_>) -> Result<Outcome> {
    let style = Style::resolve(cli.color);
    let open = || Workspace::open(cli.dir.as_deref());
    match cli.command {
        Command::Init(args) => commands::init::execute(cli.dir.as_deref(), &args),
        Command::Status(args) => commands::status::execute(&open()?, &args, style, output),
        Command::Sync(args) => commands::sync::execute(&open()?, &args),
        Command::Set(args) => commands::set::execute(&open()?, args),
        Command::Diff(args) => commands::diff::execute(&open()?, &args, style, output),
        Command::Check(args) => commands::check::execute(&open()?, &args, output),
        Command::Qa(args) => commands::qa::execute(&open()?, &args),
        Command::Export(args) => commands::export::execute(&open()?, args, output),
        Command::Po(command) => commands::po::execute(&open()?, command),
        Command::Xliff(command) => commands::xliff::execute(&open()?, command),
        Command::Tmx(command) => commands::tmx::execute(&open()?, command, output),
        Command::Import(args) => commands::import::execute(&open()?, args),
        Command::Accept(args) => commands::accept::execute(&open()?, args),
        Command::Review(args) => commands::review::execute(&open()?, &args),
        Command::Comment(args) => commands::comment::execute(&open()?, &args),
        Command::MergeDriver(args) => commands::merge_driver::execute(&args),
        Command::Resolve(args) => commands::resolve::execute(&open()?, args),
        Command::History(args) => commands::history::execute(&open()?, &args),
        Command::Doctor(args) => commands::doctor::execute(&open()?, &args),
        Command::Adopt(args) => commands::adopt::execute(&open()?, &args),
        Command::Serve(args) => commands::serve::execute(&open()?, &args, output),
        Command::Completions(args) => Ok(commands::completions::execute(&args)),
        Command::Man(args) => commands::man::execute(&args),
        Command::Suggest(args) => commands::suggest::execute(&open()?, &args, style),
        Command::Pretranslate(args) => commands::pretranslate::execute(&open()?, &args),
    }
}
