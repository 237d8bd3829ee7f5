//! `bitext completions SHELL`: a completion script made from the command-line definition, so
//! that it never lists a command or option bitext does not have. Descriptions (zsh, fish,
//! `PowerShell`) are in the UI language; bash completes names only.

use clap_complete::Shell;

use crate::Outcome;
use clap::{Args, ValueEnum};

/// The completion script for `shell`, as text.
#[must_use]
pub fn script(shell: CompletionShell) -> String {
    let shell = match shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
        CompletionShell::Powershell => Shell::PowerShell,
    };
    let mut command = crate::ui::cli::localized_command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "bitext", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// `completions`: the script on stdout.
#[must_use]
pub fn execute(args: &CompletionsArgs) -> Outcome {
    Outcome::ok(script(args.shell))
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

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
