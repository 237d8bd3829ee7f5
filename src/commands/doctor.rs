//! `bitext doctor`: is the workspace set up so that no merge can lose a translation unseen?
//!
//! It says whether bitext's merge driver is registered in git's configuration
//! (`merge.bitext.driver`), whether `.gitattributes` hands every translation folder to it,
//! whether git can run the program it names (found on git's `PATH`, and bitext), and which
//! translation files a merge left unfinished. It exits [`crate::EXIT_FOUND`] when something
//! is wrong, so a script or CI can run it; outside a git work tree there is nothing to check.

use bitext_core::error::{Result, disp};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use bitext_core::workspace::merging::{DriverSetup, driver_setup, unfinished};
use clap::Args;

/// What `doctor` found.
#[derive(Debug)]
pub struct DoctorReport {
    /// The merge driver's setup.
    pub setup: DriverSetup,
    /// The translation files a merge left unfinished.
    pub unmerged: Vec<String>,
}

impl DoctorReport {
    /// Returns true if and only if nothing is wrong.
    #[must_use]
    pub fn is_healthy(&self) -> bool {
        !self.setup.in_repository || (self.setup.is_ready() && self.unmerged.is_empty())
    }
}

/// Looks at the workspace's git setup.
#[must_use]
pub fn run(ws: &Workspace) -> DoctorReport {
    let folders = ws.translation_folders(&ws.config.targets);
    let setup = driver_setup(&ws.root, &folders);
    let unmerged = if setup.in_repository {
        unfinished(&ws.root, &folders)
            .iter()
            .map(|path| disp(path))
            .collect()
    } else {
        Vec::new()
    };
    DoctorReport { setup, unmerged }
}

/// Renders the report for people: one line per check, `ok:` or `problem:` with what to do.
#[must_use]
pub fn render(report: &DoctorReport) -> String {
    let setup = &report.setup;
    let mut lines = Vec::new();
    if !setup.in_repository {
        lines.push(t!("doctor-no-repository"));
        return lines.join("\n") + "\n";
    }
    let ok = |text: String| t!("doctor-ok", text = &text);
    let problem = |text: String| t!("doctor-problem", text = &text);
    match &setup.command {
        Some(command) => lines.push(ok(t!("doctor-registered", command = command.as_str()))),
        None => lines.push(problem(t!(
            "doctor-not-registered",
            command = crate::commands::init::git_config_command().as_str()
        ))),
    }
    for (probe, set) in &setup.attributes {
        let folder = probe.rsplit_once('/').map_or(probe.as_str(), |(f, _)| f);
        lines.push(if *set {
            ok(t!("doctor-attributes", folder = folder))
        } else {
            problem(t!("doctor-no-attributes", folder = folder))
        });
    }
    if let Some(program) = &setup.program {
        lines.push(match &setup.reachable {
            Some(found) => ok(t!(
                "doctor-reachable",
                program = program.as_str(),
                found = found.as_str()
            )),
            None => problem(t!("doctor-unreachable", program = program.as_str())),
        });
    }
    for path in &report.unmerged {
        lines.push(problem(t!("doctor-unmerged", path = path.as_str())));
    }
    lines.join("\n") + "\n"
}

/// `doctor`: exits [`crate::EXIT_FOUND`] when something is wrong.
///
/// # Errors
/// None of its own; the workspace must open.
pub fn execute(ws: &Workspace, _args: &DoctorArgs) -> Result<crate::Outcome> {
    let report = run(ws);
    let mut outcome = crate::Outcome::ok(render(&report));
    if !report.is_healthy() {
        outcome.code = crate::EXIT_FOUND;
    }
    Ok(outcome)
}

/// Arguments of `doctor` (none).
#[derive(Debug, Args)]
pub struct DoctorArgs {}
