//! The translations one segment had, read from git: every distinct translation its unit held
//! in the article's translation file across the commits that changed the file, with when, by
//! whom and from which source text each was made, and the one on disk now when it is not
//! committed yet.
//!
//! A unit is followed back through the commits as the model follows it through edits: each
//! older version of the file is aligned ([`align`]) with the next newer one, its units' source
//! texts standing for paragraphs, so that a unit whose source was edited, accepted or
//! retranslated is still found, and a paragraph added in some commit has no version before it.
//! Two processes whatever the number of commits: one `git log` for the file's commits, one
//! `git cat-file` for their contents ([`Repo::contents`]).

use std::io::Read as _;
use std::path::Path;
use std::process::Stdio;

use crate::error::Result;
use crate::model::align::{Link, align};
use crate::model::segment::{Segment, SegmentKind};
use crate::model::translation::{TranslationFile, Unit};
use crate::workspace::history::{Repo, failed, git, slashed};

/// A commit, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The commit's id.
    pub id: String,
    /// The author's date, strict ISO 8601 (`2026-12-06T13:05:00+01:00`).
    pub date: String,
    /// The author's name.
    pub author: String,
}

/// One translation a segment had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The commit that recorded it first, none for the one on disk not yet committed.
    pub commit: Option<Commit>,
    /// The unit as recorded: the translation, the source text it was made from, its state.
    pub unit: Unit,
}

/// The translations a segment had, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentHistory {
    /// Whether the workspace is in a git checkout (without one, only the translation on disk
    /// is known).
    pub in_git: bool,
    /// Every distinct translation, newest first: the one on disk first when it is not
    /// committed, then one per change in the commits.
    pub versions: Vec<Version>,
}

/// The history of segment `n` (1-based) of an article whose current segments are
/// `segments` and whose translation file, brought in line with them, holds `units` (one per
/// segment, as [`crate::workspace::plan::FilePlan`] gives them); `path` is the translation
/// file, relative to the workspace root `root`.
///
/// # Errors
/// git failing while it reads the history. A workspace outside git is no error: its history
/// holds the translation on disk alone.
pub fn segment_history(
    root: &Path,
    path: &Path,
    segments: &[Segment],
    units: &[Unit],
    n: usize,
) -> Result<SegmentHistory> {
    let now = n.checked_sub(1).and_then(|i| units.get(i));
    let Some(repo) = Repo::find(root) else {
        return Ok(SegmentHistory {
            in_git: false,
            versions: now
                .filter(|u| u.has_target())
                .map(|u| Version {
                    commit: None,
                    unit: u.clone(),
                })
                .into_iter()
                .collect(),
        });
    };
    let commits = commits_of(&repo, path)?;
    let mut contents = repo.contents()?;
    let specs: Vec<String> = commits
        .iter()
        .map(|c| contents.spec_at(&c.id, path))
        .collect();
    let blobs = contents.get_many(&specs)?;
    // Newest first: the unit in each version of the file, followed from the current segment.
    let mut found: Vec<(&Commit, Unit)> = Vec::new();
    let mut newer: Vec<Segment> = segments.to_vec();
    let mut at = n.saturating_sub(1);
    for (commit, blob) in commits.iter().zip(blobs) {
        // A version that cannot be read (a merge's conflict markers, an older format) is
        // passed over; the next older one is aligned with the newer one read.
        let Some(file) = blob.and_then(|b| serde_json::from_slice::<TranslationFile>(&b).ok())
        else {
            continue;
        };
        let links = align(&file.units, &[], &newer);
        let unit = match links.get(at) {
            Some(Link::Exact(i)) => Some(*i),
            Some(Link::Similar(group)) => group
                .iter()
                .copied()
                .find(|&i| file.units[i].has_target())
                .or_else(|| group.first().copied()),
            _ => None,
        };
        // The paragraph was not there yet, or not like itself: its history starts here.
        let Some(i) = unit else {
            break;
        };
        found.push((commit, file.units[i].clone()));
        newer = as_segments(&file.units);
        at = i;
    }
    let mut versions: Vec<Version> = Vec::new();
    // Each run of commits holding the same translation from the same source is one version,
    // made by the oldest commit of the run.
    for (commit, unit) in found.into_iter().filter(|(_, u)| u.has_target()) {
        match versions.last_mut() {
            Some(last) if same(&last.unit, &unit) => {
                last.commit = Some(commit.clone());
                last.unit = unit;
            }
            _ => versions.push(Version {
                commit: Some(commit.clone()),
                unit,
            }),
        }
    }
    if let Some(now) = now.filter(|u| u.has_target())
        && versions.first().is_none_or(|v| !same(&v.unit, now))
    {
        versions.insert(
            0,
            Version {
                commit: None,
                unit: now.clone(),
            },
        );
    }
    Ok(SegmentHistory {
        in_git: true,
        versions,
    })
}

/// Returns true if and only if two units hold the same translation made from the same text.
fn same(a: &Unit, b: &Unit) -> bool {
    a.target == b.target && a.source == b.source
}

/// A version's units as the paragraphs an older version is aligned with.
fn as_segments(units: &[Unit]) -> Vec<Segment> {
    units
        .iter()
        .enumerate()
        .map(|(i, u)| Segment {
            n: i + 1,
            id: u.id.clone(),
            kind: SegmentKind::Paragraph,
            line: 0,
            text: u.source.clone(),
        })
        .collect()
}

/// The commits that changed the root-relative `path`, newest first.
fn commits_of(repo: &Repo, path: &Path) -> Result<Vec<Commit>> {
    let output = git(&repo.top)
        .args([
            "log",
            "--no-color",
            "--format=%H%x1f%aI%x1f%an",
            "--",
            &format!(":(literal){}{}", repo.prefix, slashed(path)),
        ])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| failed("git log", e))?;
    let mut child = output;
    let mut text = String::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_string(&mut text)
            .map_err(|e| failed("git log", e))?;
    }
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    let status = child.wait().map_err(|e| failed("git log", e))?;
    if !status.success() {
        // A repository with no commit yet has no history, which is no error.
        if stderr.contains("does not have any commits") {
            return Ok(Vec::new());
        }
        return Err(failed("git log", stderr.trim()));
    }
    Ok(text
        .lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\u{1f}');
            Some(Commit {
                id: parts.next()?.to_owned(),
                date: parts.next()?.to_owned(),
                author: parts.next()?.to_owned(),
            })
        })
        .collect())
}
