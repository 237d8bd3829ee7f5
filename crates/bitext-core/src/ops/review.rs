//! The reviewer's writes: marking translations reviewed, several segments at once, and the
//! comments kept on units. `bitext review` and `bitext comment`, and the workbench's review
//! form and comment form.
//!
//! Marking reviewed changes only the state of units whose segment is current, translated and
//! not yet reviewed: a stale, missing or draft segment has nothing a reviewer could confirm,
//! and is reported, never changed. Every segment named is looked at before anything is
//! written, and the file is written once, under the caller's lock.

use crate::error::{Error, Result, disp};
use crate::model::assess::State;
use crate::model::lang::Lang;
use crate::model::review::{normalise_comment, reviewed_in_line};
use crate::model::slug::Slug;
use crate::model::translation::UnitState;
use crate::ops::Which;
use crate::workspace::Workspace;
use crate::workspace::plan::FilePlan;

/// What to mark reviewed.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The article.
    pub slug: &'a Slug,
    /// The language.
    pub lang: &'a Lang,
    /// The segments, as people give them: a position, an id, or a range of positions
    /// `N-M` (either order), in the order to report them.
    pub segments: &'a [&'a str],
    /// For segments the caller has seen (a page of the workbench), the version of the
    /// translation it showed ([`crate::ops::version_of`]): a segment whose translation
    /// changed since is reported, not marked.
    pub seen: &'a [(usize, &'a str)],
}

/// What happened to one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Marked reviewed now.
    Marked,
    /// Already reviewed: nothing to do.
    Already,
    /// Not current: nothing was changed (its state).
    Refused(State),
    /// Its translation changed since the caller saw it: nothing was changed.
    Changed,
}

/// What a review did, segment by segment, in the order given (each segment once).
#[derive(Debug, Clone)]
pub struct Report {
    /// The article's source file, relative to the workspace root.
    pub path: String,
    /// Each segment's position and what happened to it.
    pub segments: Vec<(usize, Mark)>,
    /// The number of segments of the article.
    pub count: usize,
}

impl Report {
    /// The positions with the outcome `mark`.
    #[must_use]
    pub fn with(&self, mark: Mark) -> Vec<usize> {
        self.segments
            .iter()
            .filter(|(_, m)| *m == mark)
            .map(|(n, _)| *n)
            .collect()
    }

    /// The positions refused because they are not current.
    #[must_use]
    pub fn refused(&self) -> Vec<(usize, State)> {
        self.segments
            .iter()
            .filter_map(|(n, m)| match m {
                Mark::Refused(state) => Some((*n, *state)),
                _ => None,
            })
            .collect()
    }
}

/// The positions `specs` name in an article of `count` segments (see [`Request::segments`]),
/// each once, in the order given; `find` reads a position or an id.
///
/// # Errors
/// A position, range or id that names no segment (or several).
pub fn positions(
    specs: &[&str],
    count: usize,
    find: impl Fn(&str) -> Result<usize>,
) -> Result<Vec<usize>> {
    let mut out: Vec<usize> = Vec::new();
    let mut push = |n: usize| {
        if !out.contains(&n) {
            out.push(n);
        }
    };
    for spec in specs {
        let spec = spec.trim();
        if let Some((from, to)) = spec.split_once('-')
            && let (Ok(from), Ok(to)) = (from.trim().parse::<usize>(), to.trim().parse::<usize>())
        {
            let (low, high) = (from.min(to), from.max(to));
            if low == 0 || high > count {
                return Err(Error::UnknownSegment {
                    path: std::path::PathBuf::new(),
                    segment: spec.to_owned(),
                    count,
                });
            }
            (low..=high).for_each(&mut push);
        } else {
            push(find(spec)?);
        }
    }
    Ok(out)
}

/// Marks the segments of `request` reviewed, in one write. The caller holds the lock.
///
/// # Errors
/// An unknown segment or range, or any unreadable or malformed file. Nothing is written on
/// error.
pub fn review(ws: &Workspace, request: &Request<'_>) -> Result<Report> {
    let mut plan = FilePlan::new(ws, request.slug, request.lang, false)?;
    let count = plan.article.segments.len();
    let article = &plan.article;
    let wanted = positions(request.segments, count, |spec| {
        Which::Spec(spec).find(article).map(|s| s.n)
    })
    .map_err(|e| match e {
        Error::UnknownSegment { segment, count, .. } => Error::UnknownSegment {
            path: article.path.clone(),
            segment,
            count,
        },
        other => other,
    })?;
    // The plan's file is synced: unit `i` is segment `i`'s.
    let done = reviewed_in_line(&plan.file, &plan.assessment.states);
    let mut report = Report {
        path: disp(&plan.article.path),
        segments: Vec::with_capacity(wanted.len()),
        count,
    };
    let mut changed = false;
    for n in wanted {
        let i = n - 1;
        let state = plan.assessment.states[i];
        let unit = &mut plan.file.units[i];
        let seen = request.seen.iter().find(|(m, _)| *m == n).map(|(_, v)| *v);
        let mark = if state != State::Current {
            Mark::Refused(state)
        } else if seen.is_some_and(|v| v != crate::ops::version_of(unit)) {
            Mark::Changed
        } else if done[i] {
            Mark::Already
        } else {
            unit.state = Some(UnitState::Reviewed);
            changed = true;
            Mark::Marked
        };
        report.segments.push((n, mark));
    }
    if changed {
        plan.write(ws)?;
    }
    Ok(report)
}

/// A comment to add, change or remove.
#[derive(Debug, Clone, Copy)]
pub struct CommentRequest<'a> {
    /// The article.
    pub slug: &'a Slug,
    /// The language.
    pub lang: &'a Lang,
    /// The segment.
    pub segment: Which<'a>,
    /// The new comment; `None` or an empty text removes it.
    pub text: Option<&'a str>,
    /// The comment the caller saw (a page of the workbench): a different one on disk is a
    /// conflict, and nothing is written. `None` when the caller saw nothing.
    pub seen: Option<Option<&'a str>>,
}

/// The result of a comment request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Commented {
    /// The comment was written (`Some`) or removed (`None`) on segment `n`.
    Done {
        /// The segment's position.
        n: usize,
        /// The comment now.
        comment: Option<String>,
    },
    /// The comment on disk is not the one the caller saw: nothing was written.
    Conflict {
        /// The segment's position.
        n: usize,
        /// The comment on disk.
        disk: Option<String>,
    },
}

/// Adds, changes or removes the comment on a segment's translation. The caller holds the
/// lock.
///
/// # Errors
/// An unknown segment, a segment with no translation to comment on, a comment holding a
/// control character (other than tab and line breaks), or any unreadable or malformed file.
/// Nothing is written on error.
pub fn comment(ws: &Workspace, request: &CommentRequest<'_>) -> Result<Commented> {
    let mut plan = FilePlan::new(ws, request.slug, request.lang, false)?;
    let segment = request.segment.find(&plan.article)?;
    let n = segment.n;
    let unit = &mut plan.file.units[n - 1];
    if let Some(seen) = request.seen
        && seen != unit.comment.as_deref()
    {
        return Ok(Commented::Conflict {
            n,
            disk: unit.comment.clone(),
        });
    }
    let text = request.text.and_then(normalise_comment);
    if let Some(text) = &text {
        if !unit.has_target() {
            return Err(Error::NothingToComment {
                path: plan.article.path.clone(),
                n,
            });
        }
        if let Some(character) = crate::model::translation::forbidden_control(text) {
            return Err(Error::ControlCharacter {
                place: crate::t!("comment-place", n = n, id = segment.id.as_str()),
                unit: None,
                character,
            });
        }
    }
    if unit.comment != text {
        unit.comment.clone_from(&text);
        plan.write(ws)?;
    }
    Ok(Commented::Done { n, comment: text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(specs: &[&str], expected: Option<&[usize]>) {
        let find = |spec: &str| match spec {
            "abc" => Ok(4),
            _ => spec.parse().map_err(|_| Error::UnknownSegment {
                path: std::path::PathBuf::new(),
                segment: spec.to_owned(),
                count: 9,
            }),
        };
        let found = positions(specs, 9, find).ok();
        assert_eq!(found.as_deref(), expected, "{specs:?}");
    }

    #[test]
    fn ranges_ids_and_positions_name_each_segment_once_in_order() {
        case(&["3-5"], Some(&[3, 4, 5]));
        case(&["5-3"], Some(&[3, 4, 5]));
        case(&["2", "1-3", "abc"], Some(&[2, 1, 3, 4]));
        case(&[" 7 - 9 "], Some(&[7, 8, 9]));
        case(&["8-10"], None);
        case(&["0-2"], None);
        case(&["x-y"], None);
    }
}
