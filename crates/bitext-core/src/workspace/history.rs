//! The git history of a workspace, read with the `git` command: one `git log` listing every
//! commit that changed a page, oldest first, and one `git cat-file --batch-command` giving the
//! content of any blob or `commit:path` asked for. Two processes whatever the number of pages
//! or commits.
//!
//! The `git` command rather than a library: it is on every machine that has the repository,
//! reads every repository format git itself reads (packs, partial clones, worktrees,
//! alternates), and costs no dependency; a library would add a large one (gix) or a C one
//! (libgit2) for two streams of text.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use crate::error::{Error, Result};

/// A repository holding the workspace.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The repository's top folder.
    pub top: PathBuf,
    /// The workspace's root below it, with `/` (empty at the top).
    pub prefix: String,
}

/// One change to a file in a commit, as git's own diff (`git log -p`) gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Change {
    /// The commit, by its index in the order [`Repo::log`] gives.
    pub commit: usize,
    /// The file's path relative to the repository's top.
    pub path: String,
    /// The blob before, none when the file was added.
    pub old: Option<String>,
    /// The blob after, none when the file was deleted.
    pub new: Option<String>,
    /// The changed runs of lines.
    pub hunks: Vec<Hunk>,
}

/// A run of lines replaced: `old_len` lines from line `old_start` (1-based; for none, the
/// line after which lines are inserted) by `new_len` lines from line `new_start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hunk {
    /// First line replaced, 1-based (the line before, when none is).
    pub old_start: usize,
    /// Lines replaced.
    pub old_len: usize,
    /// First line replacing them, 1-based.
    pub new_start: usize,
    /// Lines replacing them.
    pub new_len: usize,
}

impl Hunk {
    /// Reads `@@ -a,b +c,d @@`.
    fn parse(line: &str) -> Option<Self> {
        let mut parts = line.strip_prefix("@@ -")?.split(' ');
        let range = |text: &str| -> Option<(usize, usize)> {
            match text.split_once(',') {
                Some((start, len)) => Some((start.parse().ok()?, len.parse().ok()?)),
                None => Some((text.parse().ok()?, 1)),
            }
        };
        let (old_start, old_len) = range(parts.next()?)?;
        let (new_start, new_len) = range(parts.next()?.strip_prefix('+')?)?;
        Some(Self {
            old_start,
            old_len,
            new_start,
            new_len,
        })
    }
}

/// The origins of a new version's lines: `old`'s for the lines no hunk touches, `commit` for
/// the lines the hunks add.
#[must_use]
pub fn apply(old: &[u32], hunks: &[Hunk], commit: u32) -> Vec<u32> {
    let mut out = Vec::with_capacity(old.len());
    let mut pos = 0;
    for hunk in hunks {
        let keep_until = if hunk.old_len == 0 {
            hunk.old_start
        } else {
            hunk.old_start.saturating_sub(1)
        };
        let keep_until = keep_until.clamp(pos, old.len());
        out.extend_from_slice(&old[pos..keep_until]);
        pos = (keep_until + hunk.old_len).min(old.len());
        out.extend(std::iter::repeat_n(commit, hunk.new_len));
    }
    out.extend_from_slice(&old[pos.min(old.len())..]);
    out
}

/// A path as git writes it in a patch: `"…"` with C escapes when it has odd characters.
fn unquote(path: &str) -> String {
    let Some(inner) = path.strip_prefix('"').and_then(|p| p.strip_suffix('"')) else {
        return path.to_owned();
    };
    let mut bytes = Vec::with_capacity(inner.len());
    let raw = inner.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'\\' && i + 1 < raw.len() {
            let next = raw[i + 1];
            let octal = raw
                .get(i + 1..i + 4)
                .filter(|d| d.iter().all(|b| (b'0'..=b'7').contains(b)));
            if let Some(digits) = octal {
                let value = digits.iter().fold(0u32, |v, d| v * 8 + u32::from(d - b'0'));
                bytes.push(u8::try_from(value).unwrap_or(b'?'));
                i += 4;
                continue;
            }
            bytes.push(match next {
                b'n' => b'\n',
                b't' => b'\t',
                other => other,
            });
            i += 2;
        } else {
            bytes.push(raw[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

pub(crate) fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    // git's cache of delta bases is its largest use of memory on a long history; a smaller
    // one costs little time on reads this sequential.
    command
        .args(["-c", "core.deltaBaseCacheLimit=4m"])
        .current_dir(dir)
        .env("LC_ALL", "C")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null())
        .stderr(Stdio::piped());
    command
}

pub(crate) fn failed(what: &str, detail: impl std::fmt::Display) -> Error {
    Error::History {
        detail: format!("{what}: {detail}"),
    }
}

impl Repo {
    /// The repository holding `root`, if `root` is in one and git runs.
    #[must_use]
    pub fn find(root: &Path) -> Option<Self> {
        let output = git(root)
            .args(["rev-parse", "--show-toplevel", "--show-prefix"])
            .output()
            .ok()?;
        if !output.status.success() {
            return None;
        }
        let text = String::from_utf8(output.stdout).ok()?;
        let mut lines = text.lines();
        let top = PathBuf::from(lines.next()?);
        let prefix = lines.next().unwrap_or_default().to_owned();
        Some(Self { top, prefix })
    }

    /// Every change to a file under `folders` (root-relative), in the order of the commits
    /// (parents before children), each with git's own diff of it, and the commits' ids by
    /// index. Merges are listed as commits with no change of their own: their files come
    /// from their parents'.
    ///
    /// # Errors
    /// git failing, or output that cannot be read.
    pub fn log(
        &self,
        folders: &[PathBuf],
        mut each: impl FnMut(&[String], Change),
    ) -> Result<Vec<String>> {
        let mut command = git(&self.top);
        command
            .args([
                "-c",
                "core.quotePath=false",
                "log",
                "--reverse",
                "--topo-order",
                "--no-renames",
                "-p",
                "--unified=0",
                "--full-index",
                "--no-color",
                "--no-ext-diff",
                "--format=%x01%H",
                "--",
            ])
            .args(
                folders
                    .iter()
                    .map(|f| format!("{}{}", self.prefix, slashed(f))),
            )
            .stdout(Stdio::piped());
        let mut child = command.spawn().map_err(|e| failed("git log", e))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| failed("git log", "no output"))?;
        let mut reader = BufReader::with_capacity(1 << 16, stdout);
        let mut commits: Vec<String> = Vec::new();
        let mut file: Option<Change> = None;
        let mut line = Vec::new();
        let mut flush = |commits: &[String], file: &mut Option<Change>| {
            if let Some(change) = file.take().filter(|c| !c.path.is_empty()) {
                each(commits, change);
            }
        };
        loop {
            line.clear();
            if reader
                .read_until(b'\n', &mut line)
                .map_err(|e| failed("git log", e))?
                == 0
            {
                break;
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches('\n');
            if let Some(id) = text.strip_prefix('\u{1}') {
                flush(&commits, &mut file);
                commits.push(id.to_owned());
            } else if text.starts_with("diff --git ") {
                flush(&commits, &mut file);
                file = Some(Change {
                    commit: commits.len().saturating_sub(1),
                    ..Change::default()
                });
            } else if let Some(change) = file.as_mut() {
                if let Some(hunk) = text.starts_with("@@ ").then(|| Hunk::parse(text)).flatten() {
                    change.hunks.push(hunk);
                } else if let Some(ids) = text.strip_prefix("index ") {
                    let ids = ids.split(' ').next().unwrap_or_default();
                    if let Some((old, new)) = ids.split_once("..") {
                        let blob = |b: &str| (!b.bytes().all(|c| c == b'0')).then(|| b.to_owned());
                        change.old = blob(old);
                        change.new = blob(new);
                    }
                } else if let Some(path) = text.strip_prefix("+++ ")
                    && path != "/dev/null"
                {
                    // A name with a space is followed by a tab, as in GNU diff.
                    let path = unquote(path.strip_suffix('\t').unwrap_or(path));
                    path.strip_prefix("b/")
                        .unwrap_or(&path)
                        .clone_into(&mut change.path);
                } else if let Some(path) = text.strip_prefix("--- ")
                    && path != "/dev/null"
                    && change.path.is_empty()
                {
                    // A name with a space is followed by a tab, as in GNU diff.
                    let path = unquote(path.strip_suffix('\t').unwrap_or(path));
                    path.strip_prefix("a/")
                        .unwrap_or(&path)
                        .clone_into(&mut change.path);
                }
            }
        }
        flush(&commits, &mut file);
        let mut stderr = String::new();
        if let Some(mut err) = child.stderr.take() {
            let _ = err.read_to_string(&mut stderr);
        }
        let status = child.wait().map_err(|e| failed("git log", e))?;
        if !status.success() {
            return Err(failed("git log", stderr.trim()));
        }
        Ok(commits)
    }

    /// A `git cat-file --batch-command` to read blobs and `commit:path` contents from.
    ///
    /// # Errors
    /// git failing to start.
    pub fn contents(&self) -> Result<Contents> {
        let mut child = git(&self.top)
            // Commands, answered in one buffered stream until each `flush`.
            .args(["cat-file", "--batch-command", "--buffer"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| failed("git cat-file", e))?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| failed("git cat-file", "no input"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| failed("git cat-file", "no output"))?;
        Ok(Contents {
            child,
            stdin: Some(stdin),
            stdout: BufReader::with_capacity(1 << 16, stdout),
            prefix: self.prefix.clone(),
        })
    }
}

/// `path` with `/` between its parts.
pub(crate) fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads the header line of one answer of `git cat-file --batch-command`: none for a missing
/// object (named as asked, spaces and all).
fn read_header(stdout: &mut BufReader<ChildStdout>) -> Result<Option<String>> {
    let mut header = String::new();
    stdout
        .read_line(&mut header)
        .map_err(|e| failed("git cat-file", e))?;
    let header = header.trim_end();
    if header.ends_with(" missing") || header.ends_with(" ambiguous") {
        return Ok(None);
    }
    Ok(Some(header.to_owned()))
}

/// Reads one answer of `git cat-file --batch-command`: none for a missing object.
fn read_answer(stdout: &mut BufReader<ChildStdout>) -> Result<Option<Vec<u8>>> {
    let Some(header) = read_header(stdout)? else {
        return Ok(None);
    };
    let size: usize = header
        .rsplit(' ')
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| failed("git cat-file", &header))?;
    let mut content = vec![0; size + 1];
    stdout
        .read_exact(&mut content)
        .map_err(|e| failed("git cat-file", e))?;
    content.pop();
    Ok(Some(content))
}

/// Reads one answer of `info` (`<id> <type> <size>`): the id of a blob, none for a missing
/// object or one that is not a file.
fn read_id(stdout: &mut BufReader<ChildStdout>) -> Result<Option<String>> {
    let Some(header) = read_header(stdout)? else {
        return Ok(None);
    };
    let mut parts = header.split(' ');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(id), Some(kind), Some(_)) => Ok((kind == "blob").then(|| id.to_owned())),
        _ => Err(failed("git cat-file", &header)),
    }
}

/// A running `git cat-file --batch-command`.
#[derive(Debug)]
pub struct Contents {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    prefix: String,
}

impl Contents {
    /// The content of `spec` (a blob id, or `commit:path`), none if it does not exist.
    ///
    /// # Errors
    /// git failing, or output that cannot be read.
    pub fn get(&mut self, spec: &str) -> Result<Option<Vec<u8>>> {
        let stdin = self
            .stdin
            .as_mut()
            .ok_or_else(|| failed("git cat-file", "closed"))?;
        write!(stdin, "contents {spec}\nflush\n").map_err(|e| failed("git cat-file", e))?;
        stdin.flush().map_err(|e| failed("git cat-file", e))?;
        read_answer(&mut self.stdout)
    }

    /// The contents of `specs` (blob ids, or `commit:path`), in order, none for one that
    /// does not exist: all asked at once, so that git answers without waiting on each.
    ///
    /// # Errors
    /// git failing, or output that cannot be read.
    pub fn get_many(&mut self, specs: &[String]) -> Result<Vec<Option<Vec<u8>>>> {
        self.ask(specs, "contents", read_answer)
    }

    /// The object ids of `specs` (`commit:path`), in order, none for one that does not exist:
    /// git finds a path's blob without reading the blob, and a tree read for one spec serves
    /// the next when they are asked in the order of their commits.
    ///
    /// # Errors
    /// git failing, or output that cannot be read.
    pub fn ids_many(&mut self, specs: &[String]) -> Result<Vec<Option<String>>> {
        self.ask(specs, "info", read_id)
    }

    /// Asks `command` of every spec at once, and reads each answer with `read`.
    fn ask<T: Send>(
        &mut self,
        specs: &[String],
        command: &str,
        read: fn(&mut BufReader<ChildStdout>) -> Result<Option<T>>,
    ) -> Result<Vec<Option<T>>> {
        let stdin = self
            .stdin
            .as_mut()
            .ok_or_else(|| failed("git cat-file", "closed"))?;
        let stdout = &mut self.stdout;
        std::thread::scope(|scope| {
            // Written from a thread of its own: git's answers fill the pipe back while the
            // questions are still being sent.
            let writer = scope.spawn(move || -> std::io::Result<()> {
                let mut out = std::io::BufWriter::new(stdin);
                for spec in specs {
                    writeln!(out, "{command} {spec}")?;
                }
                writeln!(out, "flush")?;
                out.flush()
            });
            let mut answers = Vec::with_capacity(specs.len());
            for _ in specs {
                answers.push(read(stdout)?);
            }
            writer
                .join()
                .map_err(|_| failed("git cat-file", "writer stopped"))?
                .map_err(|e| failed("git cat-file", e))?;
            Ok(answers)
        })
    }

    /// The `commit:path` spec of the root-relative `path` as it was in `commit`.
    #[must_use]
    pub fn spec_at(&self, commit: &str, path: &Path) -> String {
        format!("{commit}:{}{}", self.prefix, slashed(path))
    }
}

impl Drop for Contents {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_move_origins_as_git_diff_says() {
        let hunk = |line: &str| Hunk::parse(line).expect("hunk");
        assert_eq!(
            hunk("@@ -3,2 +3 @@ context"),
            Hunk {
                old_start: 3,
                old_len: 2,
                new_start: 3,
                new_len: 1
            }
        );
        let old = [1, 1, 1, 1, 1];
        // Line 2 replaced, two lines inserted after line 4, line 5 deleted.
        let hunks = [
            hunk("@@ -2 +2 @@"),
            hunk("@@ -4,0 +5,2 @@"),
            hunk("@@ -5 +6,0 @@"),
        ];
        assert_eq!(apply(&old, &hunks, 7), [1, 7, 1, 1, 7, 7]);
        assert_eq!(apply(&[], &[hunk("@@ -0,0 +1,3 @@")], 2), [2, 2, 2]);
        assert_eq!(unquote("\"a\\303\\251 b.md\""), "aé b.md");
    }
}
