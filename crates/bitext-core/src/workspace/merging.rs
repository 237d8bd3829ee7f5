//! What git says about the workspace's merges: translation files a merge left unfinished,
//! conflict markers, and whether bitext's merge driver is set up where git can run it.
//!
//! A translation file merged without bitext's merge driver (not registered, or registered
//! but not found on git's `PATH`) is left by git as "unmerged": either with git's conflict
//! markers, which no command can read, or (when the driver could not be run) as our version
//! alone, valid JSON that silently lacks the other branch's translations. `status` and
//! `check` ask git for the unmerged files (one `git ls-files -u`, only in a git work tree)
//! and refuse to report on such a file until the merge is finished (see [`unfinished`]).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The files below `root` that git lists as unmerged (`git ls-files -u`), relative to `root`,
/// sorted, each once, with the object of their "ours" version (stage 2) where they have one. Empty when `root` is not in a git work tree or git cannot be
/// run: then there is no merge to finish.
#[must_use]
pub fn unmerged(root: &Path) -> Vec<(PathBuf, Vec<String>)> {
    let Some(listing) = git_quiet(root, &["ls-files", "-u", "-z"]) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, Vec<String>)> = Vec::new();
    // Each entry: `<mode> <object> <stage>\t<path>`, one per stage present.
    for entry in listing.split('\0') {
        let Some((head, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut fields = head.split(' ');
        let (Some(_mode), Some(object), Some(stage)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let path: PathBuf = path.split('/').collect();
        let at = match found.iter().position(|(p, _)| *p == path) {
            Some(at) => at,
            None => {
                found.push((path, Vec::new()));
                found.len() - 1
            }
        };
        if stage == "2" {
            found[at].1.push(object.to_owned());
        }
    }
    found.sort();
    found
}

/// The translation files below the root-relative `folders` of the workspace at `root` that a
/// merge left unfinished: git lists them as unmerged and each still holds git's "ours"
/// version exactly, as git leaves a file whose merge driver did not run (not registered, not
/// found) or refused a version: no merge of their units happened. A file the merge driver
/// merged, recording its conflicts in the file for `bitext resolve`, is not one (`status`
/// shows those conflicts), nor one settled since with `resolve --theirs` or `--text`; one
/// settled with `resolve --ours` is our version again, and is one until `git add` marks it
/// merged. One `git ls-files -u`, and one `git hash-object` when git lists
/// unmerged files there.
#[must_use]
pub fn unfinished(root: &Path, folders: &[PathBuf]) -> Vec<PathBuf> {
    let candidates: Vec<(PathBuf, Vec<String>)> = unmerged(root)
        .into_iter()
        .filter(|(path, _)| folders.iter().any(|f| path.starts_with(f)))
        .filter(|(path, _)| root.join(path).is_file())
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let mut args = vec!["hash-object".to_owned(), "--".to_owned()];
    args.extend(candidates.iter().map(|(p, _)| crate::error::disp(p)));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let Some(hashes) = git_quiet(root, &args) else {
        // The files cannot be hashed: whether they were merged is unknown, so they are not.
        return candidates.into_iter().map(|(path, _)| path).collect();
    };
    candidates
        .into_iter()
        .zip(hashes.lines())
        .filter(|((_, sides), hash)| sides.iter().any(|side| side == hash.trim()))
        .map(|((path, _), _)| path)
        .collect()
}

/// Runs git in `root` with `args`, with no input and its errors not shown; its standard
/// output when it succeeds.
fn git_quiet(root: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// How bitext's merge driver is set up for the repository holding a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriverSetup {
    /// Whether the workspace is in a git work tree (none of the rest is known otherwise).
    pub in_repository: bool,
    /// The driver's command line as git's configuration holds it (`merge.bitext.driver`).
    pub command: Option<String>,
    /// The translation paths (one made-up file per folder) and whether `.gitattributes`
    /// hands each to the driver (`merge=bitext`).
    pub attributes: Vec<(String, bool)>,
    /// The program the command runs, as written in it.
    pub program: Option<String>,
    /// What running the program with `--version` the way git runs a driver printed, when
    /// it ran and said it is bitext: where git finds it, then its version.
    pub reachable: Option<String>,
}

impl DriverSetup {
    /// Returns true if and only if translation files merge through bitext's merge driver:
    /// registered, named for every translation folder, and runnable by git.
    #[must_use]
    pub fn is_ready(&self) -> bool {
        self.command.is_some()
            && self.attributes.iter().all(|(_, set)| *set)
            && self.reachable.is_some()
    }
}

use git_quiet as git;

/// How the merge driver is set up for the workspace at `root`, whose translations live in
/// the root-relative `folders`: git's configuration, `.gitattributes` (`git check-attr`), and
/// the program, run as git runs a driver (through the shell, with git's `PATH`).
#[must_use]
pub fn driver_setup(root: &Path, folders: &[PathBuf]) -> DriverSetup {
    let in_repository =
        git(root, &["rev-parse", "--is-inside-work-tree"]).is_some_and(|s| s.trim() == "true");
    let mut setup = DriverSetup {
        in_repository,
        command: None,
        attributes: Vec::new(),
        program: None,
        reachable: None,
    };
    if !in_repository {
        return setup;
    }
    setup.command = git(root, &["config", "--get", "merge.bitext.driver"])
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let probes: Vec<String> = folders
        .iter()
        .map(|f| format!("{}/bitext-doctor.json", crate::error::disp(f)))
        .collect();
    let mut args = vec!["check-attr", "merge", "--"];
    args.extend(probes.iter().map(String::as_str));
    let answer = git(root, &args).unwrap_or_default();
    setup.attributes = probes
        .iter()
        .map(|probe| {
            let set = answer.lines().any(|line| {
                line.starts_with(&format!("{probe}: merge: ")) && line.ends_with(": bitext")
            });
            (probe.clone(), set)
        })
        .collect();
    setup.program = setup
        .command
        .as_deref()
        .and_then(|c| c.split_whitespace().next())
        .map(str::to_owned);
    if let Some(program) = &setup.program {
        // A shell alias runs as git runs a merge driver: `sh -c`, with git's PATH.
        let alias =
            format!("alias.bitext-doctor-probe=!command -v {program} && {program} --version");
        setup.reachable = git(root, &["-c", &alias, "bitext-doctor-probe"])
            .map(|out| out.lines().map(str::trim).collect::<Vec<_>>().join(", "))
            .filter(|out| out.contains("bitext"));
    }
    setup
}
