//! The workbench's writes: save, save as draft, mark reviewed (all through `set`) and accept
//! (through `accept`), each under the workspace lock.
//!
//! Every form carries what its segment looked like when the page was made: the segment's id
//! (a hash of its source text) and a hash of its translation and state. If either differs on
//! disk when the form comes back, someone else changed the segment in between (a colleague,
//! `git pull`, the CLI): the write is refused as a conflict, with both texts shown, and the
//! translator chooses. Changes to other segments of the same file are kept, since `set` and
//! `accept` rewrite the file from what is on disk.

use std::fmt::Write as _;

use sha2::{Digest as _, Sha256};

use crate::commands::{accept, set};
use crate::serve::http::{Response, lookup, percent_encode};
use crate::serve::pages::{self, Problem, Resubmit};
use crate::serve::{Fail, Ui, hooks};
use bitext_core::model::assess::{State, assess};
use bitext_core::model::lang::Lang;
use bitext_core::model::segment::normalise_paragraph;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::{Unit, UnitState};
use bitext_core::workspace::Workspace;
use bitext_core::workspace::lock::Lock;
use bitext_core::workspace::plan::FilePlan;

/// What a form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Record the text as translated.
    Save,
    /// Record the text as a draft.
    Draft,
    /// Record the text as reviewed.
    Review,
    /// Keep the translation, made from the current source text.
    Accept,
}

impl Action {
    /// The action named in a form.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "save" => Some(Self::Save),
            "draft" => Some(Self::Draft),
            "review" => Some(Self::Review),
            "accept" => Some(Self::Accept),
            _ => None,
        }
    }

    /// Its name in forms and URLs.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Save => "save",
            Self::Draft => "draft",
            Self::Review => "review",
            Self::Accept => "accept",
        }
    }
}

/// Which segments a workbench lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Every segment.
    All,
    /// Every segment that is not current.
    Unfinished,
    /// Segments in one state.
    Only(State),
}

impl Filter {
    /// Every filter, in the order the page offers them.
    pub const ALL: [Self; 6] = [
        Self::All,
        Self::Unfinished,
        Self::Only(State::Stale),
        Self::Only(State::Missing),
        Self::Only(State::Draft),
        Self::Only(State::Current),
    ];

    /// The filter named in a URL; anything else lists every segment.
    #[must_use]
    pub fn parse(name: Option<&str>) -> Self {
        Self::ALL
            .into_iter()
            .find(|f| Some(f.as_str()) == name)
            .unwrap_or(Self::All)
    }

    /// Its name in URLs.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Unfinished => "unfinished",
            Self::Only(state) => state.as_str(),
        }
    }

    /// Returns true if and only if a segment in `state` is listed.
    #[must_use]
    pub fn shows(self, state: State) -> bool {
        match self {
            Self::All => true,
            Self::Unfinished => state != State::Current,
            Self::Only(only) => state == only,
        }
    }
}

/// The version of a segment's translation a page was made from: a hash of its state and text.
#[must_use]
pub fn base_of(unit: &Unit) -> String {
    let state = match unit.state {
        None => "",
        Some(UnitState::Draft) => "draft",
        Some(UnitState::Translated) => "translated",
        Some(UnitState::Reviewed) => "reviewed",
    };
    let digest = Sha256::new()
        .chain_update(state.as_bytes())
        .chain_update([0])
        .chain_update(unit.target.as_bytes())
        .finalize();
    crate::serve::http::hex(&digest[..8])
}

/// Carries out the form `form` posted for segment `n` of `slug` in `lang`.
///
/// Answers with a redirect to the workbench on success, or with a page that shows the form
/// again: 409 for a conflict, 422 for a text that cannot be saved or error-level findings not
/// yet confirmed.
///
/// # Errors
/// A malformed form (400), an unknown segment (404), or a workspace that cannot be read or
/// written (500, 503 when the lock is held).
#[allow(
    clippy::too_many_lines,
    reason = "one write, its checks in the order they apply"
)]
pub fn act(
    ws: &Workspace,
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    n: usize,
    form: &[(String, String)],
) -> Result<Response, Fail> {
    let field = |name: &str| {
        lookup(form, name).ok_or_else(|| {
            Fail::BadRequest(ui.ta("serve-missing-field", &[("field", name.into())]))
        })
    };
    let action = field("action")?;
    let action = Action::parse(action)
        .ok_or_else(|| Fail::BadRequest(ui.ta("serve-bad-action", &[("action", action.into())])))?;
    let id = field("id")?;
    let base = field("base")?;
    let text = lookup(form, "text").unwrap_or("");
    let filter = Filter::parse(lookup(form, "filter"));
    let advance = lookup(form, "advance").is_some_and(|v| !v.is_empty());
    let confirmed = lookup(form, "confirm").is_some_and(|v| !v.is_empty());

    let lock = Lock::acquire(&ws.root)?;
    let plan = FilePlan::new(ws, slug, lang, false)?;
    let count = plan.article.segments.len();
    let segment = plan
        .article
        .segments
        .get(n - 1)
        .ok_or_else(|| Fail::NotFound(ui.ta("serve-no-segment", &[("segment", n.into())])))?
        .clone();
    let unit = &plan.file.units[n - 1];
    let state = plan.assessment.states[n - 1];
    let resubmit = |problem: Problem, status: u16| {
        Ok(Response::html(
            status,
            pages::resubmit(
                ui,
                &Resubmit {
                    slug,
                    lang,
                    segment: &segment,
                    id: &segment.id,
                    base: &base_of(unit),
                    text,
                    action,
                    filter,
                    advance,
                },
                &problem,
            ),
        ))
    };
    if segment.id != id || base_of(unit) != base {
        return resubmit(
            Problem::Conflict {
                disk: unit.target.clone(),
                state,
                source_changed: segment.id != id,
            },
            409,
        );
    }
    match action {
        Action::Accept => {
            if state == State::Missing {
                return resubmit(Problem::Invalid(ui.t("serve-nothing-to-accept")), 422);
            }
            // The workbench shows quality findings through its own hooks; here the accept
            // goes through as before (`--force`).
            accept::run(ws, slug, &[n.to_string()], lang, true)?;
        }
        Action::Save | Action::Draft | Action::Review => {
            match normalise_paragraph(text) {
                None => return resubmit(Problem::Invalid(ui.t("serve-one-paragraph")), 422),
                Some(t) if t.is_empty() => {
                    return resubmit(Problem::Invalid(ui.t("serve-empty")), 422);
                }
                Some(_) => {}
            }
            let findings = hooks::Helpers::load(ws, lang)?.findings(ui, &segment, text);
            if !confirmed && findings.iter().any(|f| f.error) {
                return resubmit(Problem::Findings(findings), 422);
            }
            let unit_state = match action {
                Action::Draft => UnitState::Draft,
                Action::Review => UnitState::Reviewed,
                _ => UnitState::Translated,
            };
            set::run(
                ws,
                slug,
                &n.to_string(),
                lang,
                set::TextSource::Inline(text.to_owned()),
                unit_state,
            )?;
        }
    }
    drop(lock);

    let focus = if advance {
        next_unfinished(ws, slug, lang, n, filter)?
    } else {
        Some(n)
    };
    let mut location = format!(
        "/article/{}/{}?state={}&done={n}&did={}",
        percent_encode(slug.as_str()),
        percent_encode(lang.as_str()),
        filter.as_str(),
        action.as_str()
    );
    match focus {
        Some(m) if m <= count => {
            let _ = write!(location, "&focus={m}#seg-{m}");
        }
        _ => location.push_str("&finished=1"),
    }
    Ok(Response::redirect(&location))
}

/// The next segment after `n` that is not current and that `filter` lists, wrapping around to
/// the start; none when every listed segment is current.
fn next_unfinished(
    ws: &Workspace,
    slug: &Slug,
    lang: &Lang,
    n: usize,
    filter: Filter,
) -> Result<Option<usize>, Fail> {
    let article = ws.load_article(slug)?;
    let file = ws.load_translation(lang, slug)?;
    let states = assess(&article, file.as_ref()).states;
    let wanted = |i: &usize| states[*i] != State::Current && filter.shows(states[*i]);
    let after = (n..states.len()).find(wanted);
    Ok(after
        .or_else(|| (0..n.min(states.len())).find(wanted))
        .map(|i| i + 1))
}
