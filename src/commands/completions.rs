//! `bitext completions SHELL`: a completion script made from the command-line definition, so
//! that it never lists a command or option bitext does not have. Descriptions (zsh, fish,
//! `PowerShell`) are in the UI language; bash completes names only.

use clap_complete::Shell;

use crate::Outcome;
use crate::ui::cli::{CompletionShell, CompletionsArgs};

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
