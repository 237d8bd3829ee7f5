//! The README's tour, run as written: every command of the `console` blocks in its section
//! "Five minutes with bitext", in order, on a git repository holding a copy of the sample,
//! each output compared with the one the README shows. Only that section is read.
//!
//! How the README is read:
//! - a line starting with `$ ` is a command, run by `sh -c` with stderr merged into stdout;
//!   a command ending in a here-document (`<<'EOF'`) takes the lines up to `EOF`;
//! - the lines after a command, up to the next one, are its output;
//! - in an output, a line `...` stands for any number of lines and `[...]` for any text
//!   within a line; trailing white space and trailing blank lines are not compared;
//! - `bitext` is the binary under test, and so is `cargo run --release --`;
//! - every command must exit 0 (the tour shows a refusal with `|| echo "exit status $?"`).

use std::path::Path;
use std::process::Command;

use crate::support::{files_under, fixture_dir, tool};

const SECTION: &str = "## Five minutes with bitext";

/// One command of the tour and the output the README shows for it.
#[derive(Debug)]
struct Step {
    command: String,
    expected: Vec<String>,
}

/// The commands and outputs of the tour section of `readme`.
fn steps(readme: &str) -> Vec<Step> {
    let start = readme
        .find(SECTION)
        .expect("the README has its tour section");
    let rest = &readme[start + SECTION.len()..];
    let section = rest.find("\n## ").map_or(rest, |end| &rest[..end]);
    let mut steps: Vec<Step> = Vec::new();
    let mut lines = section.lines();
    let mut in_console = false;
    while let Some(line) = lines.next() {
        if !in_console {
            in_console = line.trim_end() == "```console";
            continue;
        }
        if line.trim_end() == "```" {
            in_console = false;
        } else if let Some(command) = line.strip_prefix("$ ") {
            let mut command = command.to_owned();
            if let Some(at) = command.find("<<'") {
                let marker = command[at + 3..].trim_end_matches('\'').to_owned();
                for body in lines.by_ref() {
                    command.push('\n');
                    command.push_str(body);
                    if body == marker {
                        break;
                    }
                }
            }
            steps.push(Step {
                command,
                expected: Vec::new(),
            });
        } else if let Some(step) = steps.last_mut() {
            step.expected.push(line.to_owned());
        }
    }
    steps
}

/// Whether `actual` is `pattern`, with `[...]` matching any text.
fn line_matches(pattern: &str, actual: &str) -> bool {
    let parts: Vec<&str> = pattern.split("[...]").collect();
    if parts.len() == 1 {
        return pattern == actual;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !actual.starts_with(first) || actual.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &actual[first.len()..actual.len() - last.len()];
    if !actual.ends_with(last) {
        return false;
    }
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// Whether `actual` lines are `expected`, with a `...` line matching any number of lines.
fn lines_match(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((line, rest)) if line.trim() == "..." => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((line, rest)) => actual
            .split_first()
            .is_some_and(|(first, more)| line_matches(line, first) && lines_match(rest, more)),
    }
}

/// Lines with trailing white space and trailing blank lines removed.
fn trimmed<S: AsRef<str>>(lines: &[S]) -> Vec<&str> {
    let mut out: Vec<&str> = lines.iter().map(|l| l.as_ref().trim_end()).collect();
    while out.last() == Some(&"") {
        out.pop();
    }
    out
}

#[track_caller]
fn git(dir: &Path, git: &str, args: &[&str]) {
    let output = Command::new(git)
        .args([
            "-c",
            "user.name=bitext",
            "-c",
            "user.email=bitext@example.invalid",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_readme_parser_reads_commands_outputs_and_wildcards() {
    let readme = "# x\n\n## Five minutes with bitext\n\n```console\n$ one\nout 1\n...\n$ two <<'EOF'\nbody\nEOF\n```\n\n```sh\n$ not run\n```\n\n## Next\n\n```console\n$ later\n```\n";
    let found = steps(readme);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].command, "one");
    assert_eq!(found[0].expected, ["out 1", "..."]);
    assert_eq!(found[1].command, "two <<'EOF'\nbody\nEOF");
    assert!(lines_match(&["a", "...", "d"], &["a", "b", "c", "d"]));
    assert!(lines_match(&["a", "..."], &["a"]));
    assert!(!lines_match(&["a", "d"], &["a", "b", "d"]));
    assert!(line_matches("x [...] y [...]", "x 1 2 y 3"));
    assert!(!line_matches("x [...] y", "x 1 2 z"));
    assert!(!line_matches("ab[...]ba", "aba"));
}

#[cfg(unix)]
#[test]
fn the_readme_tour_runs_as_written() {
    let (Some(git_tool), Some(_perl)) = (tool(&["git"]), tool(&["perl"])) else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let steps = steps(&readme);
    assert!(steps.len() >= 10, "the tour has its commands: {steps:?}");

    // A fresh clone, as far as the tour can tell: the sample, committed.
    let clone = tempfile::tempdir().expect("temp");
    let fixture = fixture_dir();
    for rel in files_under(&fixture) {
        let to = clone.path().join(&rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(fixture.join(&rel), to).expect("copy");
    }
    // The clone's `.gitignore` leaves bitext's caches out, as the repository's does.
    std::fs::copy(root.join(".gitignore"), clone.path().join(".gitignore")).expect("copy");
    git(clone.path(), &git_tool, &["init", "--quiet"]);
    git(clone.path(), &git_tool, &["add", "."]);
    git(
        clone.path(),
        &git_tool,
        &["commit", "--quiet", "-m", "sample"],
    );

    // `bitext` on the PATH is the binary under test.
    let bin = tempfile::tempdir().expect("temp");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_bitext"), bin.path().join("bitext"))
        .expect("symlink");
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );

    for step in &steps {
        let command = step.command.replace("cargo run --release --", "bitext");
        let output = Command::new("sh")
            .arg("-c")
            .arg(format!("exec 2>&1\n{command}"))
            .current_dir(clone.path())
            .env("PATH", &path)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("NO_COLOR", "1")
            .output()
            .expect("sh");
        let stdout = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(
            output.status.success(),
            "README tour: `{}` failed ({}):\n{stdout}",
            step.command,
            output.status
        );
        let actual: Vec<&str> = stdout.lines().collect();
        assert!(
            lines_match(&trimmed(&step.expected), &trimmed(&actual)),
            "README tour: `{}` printed\n{stdout}\nbut the README shows\n{}",
            step.command,
            step.expected.join("\n")
        );
    }
}
