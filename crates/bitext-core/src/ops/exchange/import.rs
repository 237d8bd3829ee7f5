//! The rules by which an imported PO or XLIFF file may change the workspace (see
//! [`super`]), applied to every file before anything is written.

use std::path::{Path, PathBuf};

use crate::error::{Result, disp};
use crate::exchange::{ExchangeState, ImportedFile, ImportedUnit};
use crate::model::align::{Link, align};
use crate::model::assess::{State, linked_unit};
use crate::model::lang::Lang;
use crate::model::segment::{normalise_paragraph, text_hash};
use crate::model::slug::Slug;
use crate::model::translation::{Unit, UnitState};
use crate::qa::untranslated::{self, Untranslated};
use crate::t;
use crate::workspace::Workspace;
use crate::workspace::plan::FilePlan;

/// What an import did with one file.
#[derive(Debug, Clone, Default)]
pub struct ImportCounts {
    /// Translations recorded from the current source text.
    pub recorded: usize,
    /// Translations recorded against an older source text (now stale).
    pub stale: usize,
    /// Translations recorded as drafts (unfinished in the file).
    pub drafts: usize,
    /// Units that changed nothing.
    pub unchanged: usize,
    /// Units for no segment, or unusable.
    pub skipped: usize,
    /// Units whose workspace translation changed since the export, kept.
    pub conflicts: usize,
    /// Units that came back untranslated (bitext's marker, skipped, or the source text,
    /// recorded as a draft).
    pub untranslated: usize,
}

/// The outcome of an import.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Per file: its path, counts, and one message per skipped unit or conflict.
    pub files: Vec<(String, ImportCounts, Vec<String>)>,
}

/// Applies `files` to the workspace. Every file is checked (article, language) and every
/// change computed before anything is written.
///
/// # Errors
/// A file for an unknown article or language, or any unreadable or malformed workspace file.
pub fn import(ws: &Workspace, files: &[ImportedFile], force: bool) -> Result<ImportReport> {
    let mut plans: Vec<(Slug, Lang, FilePlan, bool)> = Vec::new();
    let mut of_file = Vec::with_capacity(files.len());
    for file in files {
        let slugs = ws.select_articles(std::slice::from_ref(&file.article))?;
        let langs = ws.select_langs(std::slice::from_ref(&file.lang))?;
        let (slug, lang) = (&slugs[0], &langs[0]);
        let index = match plans.iter().position(|(s, l, _, _)| s == slug && l == lang) {
            Some(index) => index,
            None => {
                plans.push((
                    slug.clone(),
                    lang.clone(),
                    FilePlan::new(ws, slug, lang, false)?,
                    false,
                ));
                plans.len() - 1
            }
        };
        of_file.push(index);
    }
    // The consistency index holds only what these files may check: their articles' texts and
    // the translations they bring.
    let mut wanted = crate::qa::consistency::Wanted::default();
    for (file, &index) in files.iter().zip(&of_file) {
        let (_, lang, plan, _) = &plans[index];
        if let Some(l) = ws.config.targets.iter().position(|x| x == lang) {
            wanted.add_all(
                l,
                plan.article.segments.iter().map(|s| s.text.as_str()),
                file.units.iter().map(|u| u.target.as_str()),
            );
        }
    }
    for (slug, _, _, _) in &plans {
        wanted.writes(slug);
    }
    let ctx = crate::qa::Context::load_for(ws, &wanted)?;
    let mut report = ImportReport::default();
    for (file, &index) in files.iter().zip(&of_file) {
        let (_, _, plan, changed) = &mut plans[index];
        let (counts, messages) = apply(plan, file, force, &ctx);
        *changed |= counts.recorded + counts.stale + counts.drafts > 0;
        report.files.push((disp(&file.path), counts, messages));
    }
    for (_, _, plan, changed) in &plans {
        if *changed {
            plan.write(ws)?;
        }
    }
    Ok(report)
}

fn apply(
    plan: &mut FilePlan,
    file: &ImportedFile,
    force: bool,
    ctx: &crate::qa::Context,
) -> (ImportCounts, Vec<String>) {
    let mut counts = ImportCounts::default();
    let mut messages = Vec::new();
    let path = disp(&file.path);
    let pseudo: Vec<Unit> = file
        .units
        .iter()
        .map(|u| Unit {
            id: u.id.clone(),
            source: u.source.clone(),
            target: u.target.clone(),
            state: Some(UnitState::Translated),
            comment: None,
        })
        .collect();
    let links = align(&pseudo, &[], &plan.article.segments);
    let mut used = vec![false; pseudo.len()];
    for (j, link) in links.iter().enumerate() {
        let group: Vec<usize> = match link {
            Link::Exact(i) => vec![*i],
            Link::Similar(group) => group.clone(),
            Link::None | Link::ExactObsolete(_) => continue,
        };
        for &i in &group {
            used[i] = true;
        }
        let Some(imported) = linked_unit(link, &pseudo, &[]) else {
            continue;
        };
        let exact = matches!(link, Link::Exact(_));
        let state = group
            .iter()
            .map(|&i| file.units[i].state)
            .min()
            .unwrap_or(ExchangeState::New);
        let base = match group.as_slice() {
            [only] => file.units[*only].base.clone(),
            _ => None,
        };
        // The workspace's own text comes back as it went out (a merged paragraph's two
        // translations keep their blank line); anything else is normalised as `set` does.
        let unchanged = imported.target == plan.file.units[j].target;
        let normalised = if unchanged {
            Some(imported.target.clone())
        } else {
            normalise_paragraph(&imported.target)
        };
        let Some(target) = normalised else {
            counts.skipped += 1;
            messages.push(t!(
                "import-multi-paragraph",
                path = &path,
                line = file.units[group[0]].position.0,
                id = &file.units[group[0]].id
            ));
            continue;
        };
        // bitext's own untranslated marker is never a translation; the source text left as
        // it is becomes a draft at most (shared with the `untranslated` quality check).
        let Some(state) = untranslated_state(
            plan,
            j,
            &target,
            state,
            &mut counts,
            &mut messages,
            (&path, &file.units[group[0]]),
        ) else {
            continue;
        };
        let incoming = Incoming {
            exact,
            state,
            base,
            source: &imported.source,
            target,
        };
        match decide(plan, j, &incoming, force) {
            Decision::Unchanged => counts.unchanged += 1,
            Decision::Conflict => {
                counts.conflicts += 1;
                let segment = &plan.article.segments[j];
                messages.push(t!(
                    "import-conflict",
                    path = &path,
                    line = file.units[group[0]].position.0,
                    n = segment.n,
                    id = &segment.id
                ));
            }
            Decision::Record(unit, kind) => {
                let (count, state) = match kind {
                    Recorded::Current => (&mut counts.recorded, State::Current),
                    Recorded::Stale => (&mut counts.stale, State::Stale),
                    Recorded::Draft => (&mut counts.drafts, State::Draft),
                };
                *count += 1;
                messages.extend(findings(ctx, plan, j, &unit.target, state));
                plan.file.units[j] = unit;
            }
        }
    }
    report_unused(plan, file, &used, &mut counts, &mut messages);
    (counts, messages)
}

/// Reports the units of `file` that matched no segment.
fn report_unused(
    plan: &FilePlan,
    file: &ImportedFile,
    used: &[bool],
    counts: &mut ImportCounts,
    messages: &mut Vec<String>,
) {
    for (i, unit) in file.units.iter().enumerate() {
        if !used[i] && !unit.target.trim().is_empty() {
            counts.skipped += 1;
            messages.push(t!(
                "import-unknown-segment",
                path = &disp(&file.path),
                line = unit.position.0,
                id = &unit.id,
                source = &disp(Path::new(&plan.article.path))
            ));
        }
    }
}

/// Applies the untranslated rule to `target` for segment `j`: `None` when it holds bitext's
/// marker (skipped), the state lowered to needs-review when it is the source text, `state`
/// otherwise. Counts and reports what it finds.
fn untranslated_state(
    plan: &FilePlan,
    j: usize,
    target: &str,
    state: ExchangeState,
    counts: &mut ImportCounts,
    messages: &mut Vec<String>,
    (path, unit): (&str, &ImportedUnit),
) -> Option<ExchangeState> {
    match untranslated::detect(&plan.article.segments[j].text, target) {
        Some(Untranslated::Marked) => {
            counts.untranslated += 1;
            counts.skipped += 1;
            messages.push(t!(
                "import-untranslated-marked",
                path = path,
                line = unit.position.0,
                id = &unit.id
            ));
            None
        }
        Some(Untranslated::Copy) if target != plan.file.units[j].target => {
            counts.untranslated += 1;
            messages.push(t!(
                "import-untranslated-copy",
                path = path,
                line = unit.position.0,
                id = &unit.id
            ));
            Some(state.min(ExchangeState::NeedsReview))
        }
        _ => Some(state),
    }
}

/// The quality findings on `target` recorded for segment `j`, rendered.
fn findings(
    ctx: &crate::qa::Context,
    plan: &FilePlan,
    j: usize,
    target: &str,
    state: State,
) -> Vec<String> {
    let segment = &plan.article.segments[j];
    let slug = plan.article.slug.as_str();
    let place = crate::qa::Place::new(slug, segment.n, &plan.article.definitions);
    let source = disp(&plan.article.path);
    crate::qa::check_segment_at(ctx, &segment.text, target, &plan.lang, Some(place))
        .iter()
        .map(|finding| {
            crate::qa::located::QaFinding::new(slug, &source, &plan.lang, segment, state, finding)
                .render()
                .trim_end()
                .to_owned()
        })
        .collect()
}

/// An imported translation matched to segment `j`.
struct Incoming<'a> {
    /// Whether the file's source text is the segment's current text.
    exact: bool,
    /// The least finished state among the file units it comes from.
    state: ExchangeState,
    /// The workspace translation's hash at export time, if the file carries it.
    base: Option<String>,
    /// The file's source text.
    source: &'a str,
    /// The file's translation, normalised.
    target: String,
}

/// What importing one unit does.
enum Decision {
    /// Nothing to change.
    Unchanged,
    /// The workspace changed since the export; its translation is kept.
    Conflict,
    /// Record this unit.
    Record(Unit, Recorded),
}

/// How a recorded unit will count.
enum Recorded {
    Current,
    Stale,
    Draft,
}

/// The import rules for one segment (see the module documentation).
fn decide(plan: &FilePlan, j: usize, incoming: &Incoming<'_>, force: bool) -> Decision {
    let segment = &plan.article.segments[j];
    let current = &plan.file.units[j];
    let workspace_state = plan.assessment.states[j];
    if incoming.target.is_empty() {
        return Decision::Unchanged;
    }
    let record = |source: &str, state: UnitState, kind: Recorded| {
        Decision::Record(
            Unit {
                id: segment.id.clone(),
                source: source.to_owned(),
                target: incoming.target.clone(),
                state: Some(state),
                comment: current.comment.clone(),
            },
            kind,
        )
    };
    if incoming.target == current.target {
        // Same text: only an explicit confirmation in the file changes anything.
        let confirms = incoming.exact
            && incoming.state >= ExchangeState::Translated
            && matches!(workspace_state, State::Stale | State::Draft);
        let promotes = incoming.exact
            && incoming.state == ExchangeState::Reviewed
            && workspace_state == State::Current
            && current.state != Some(UnitState::Reviewed);
        return if confirms || promotes {
            record(
                &segment.text,
                recorded_state(incoming.state),
                Recorded::Current,
            )
        } else {
            Decision::Unchanged
        };
    }
    let changed_since_export = match &incoming.base {
        Some(base) => current.has_target() && *base != text_hash(&current.target),
        None => workspace_state == State::Current,
    };
    if changed_since_export && !force {
        return Decision::Conflict;
    }
    let unfinished = matches!(
        incoming.state,
        ExchangeState::New | ExchangeState::NeedsReview
    );
    match (incoming.exact, unfinished) {
        (true, true) => record(&segment.text, UnitState::Draft, Recorded::Draft),
        (true, false) => record(
            &segment.text,
            recorded_state(incoming.state),
            Recorded::Current,
        ),
        (false, true) => record(incoming.source, UnitState::Draft, Recorded::Draft),
        (false, false) => record(
            incoming.source,
            recorded_state(incoming.state),
            Recorded::Stale,
        ),
    }
}

fn recorded_state(state: ExchangeState) -> UnitState {
    if state == ExchangeState::Reviewed {
        UnitState::Reviewed
    } else {
        UnitState::Translated
    }
}

/// Renders an import report for people.
#[must_use]
pub fn render(report: &ImportReport) -> String {
    let mut out = String::new();
    for (path, counts, messages) in &report.files {
        for message in messages {
            out.push_str(message);
            out.push('\n');
        }
        out.push_str(&t!(
            "import-summary",
            path = path,
            recorded = counts.recorded,
            stale = counts.stale,
            drafts = counts.drafts,
            unchanged = counts.unchanged,
            skipped = counts.skipped,
            conflicts = counts.conflicts
        ));
        out.push('\n');
        if counts.untranslated > 0 {
            out.push_str(&t!(
                "import-untranslated-summary",
                path = path,
                count = counts.untranslated
            ));
            out.push('\n');
        }
    }
    out
}

/// Reads every file with `read`, failing on the first unreadable or malformed one, so that
/// a bad file changes nothing.
///
/// # Errors
/// An unreadable file, invalid UTF-8, or whatever `read` reports.
pub fn read_files(
    paths: &[PathBuf],
    read: &dyn Fn(&Path, &str) -> Result<Vec<ImportedFile>>,
) -> Result<Vec<ImportedFile>> {
    let mut files = Vec::new();
    for path in paths {
        let text = crate::error::read_text(path)?;
        let read = read(path, &text)?;
        for unit in read.iter().flat_map(|file| &file.units) {
            if let Some(character) = crate::model::translation::forbidden_control(&unit.target) {
                let (line, column) = unit.position;
                return Err(crate::error::Error::ControlCharacter {
                    place: format!("{}:{line}:{column}", crate::error::disp(path)),
                    unit: Some(crate::t!("control-unit", id = unit.id.as_str())),
                    character,
                });
            }
        }
        files.extend(read);
    }
    Ok(files)
}
