//! The workbench's writes: save, save as draft, mark reviewed and accept, each under the
//! workspace lock, through the operations `bitext set` and `bitext accept` use
//! ([`bitext_core::ops::record`], [`bitext_core::ops::accept`]): one read of the article and
//! its translation, one check, one write. Error-level findings stop a save or an accept
//! until the translator confirms, as `bitext accept` stops without `--force`.
//!
//! Every form carries what its segment looked like when the page was made: the segment's id
//! (a hash of its source text) and a hash of its translation and state. If either differs on
//! disk when the form comes back, someone else changed the segment in between (a colleague,
//! `git pull`, the CLI): the write is refused as a conflict, with both texts shown, and the
//! translator chooses. Changes to other segments of the same file are kept, since the
//! operations rewrite the file from what is on disk.

use std::fmt::Write as _;

use bitext_core::error::Error;
use bitext_core::model::assess::{State, synced};
use bitext_core::model::lang::Lang;
use bitext_core::model::segment::Segment;
use bitext_core::model::slug::Slug;
use bitext_core::model::translation::{Unit, UnitState};
use bitext_core::ops::{Conflict, Expect, Which, accept, record, version_of};
use bitext_core::qa::{self, Context};
use bitext_core::workspace::Workspace;
use bitext_core::workspace::lock::Lock;

use crate::serve::http::{Response, lookup, percent_encode};
use crate::serve::pages::{self, Problem, Resubmit};
use crate::serve::{Fail, Ui, hooks};

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
    /// Current segments not yet reviewed: a reviewer's work.
    ToReview,
}

impl Filter {
    /// Every filter, in the order the page offers them.
    pub const ALL: [Self; 7] = [
        Self::All,
        Self::Unfinished,
        Self::Only(State::Stale),
        Self::Only(State::Missing),
        Self::Only(State::Draft),
        Self::Only(State::Current),
        Self::ToReview,
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
            Self::ToReview => "review",
        }
    }

    /// Returns true if and only if a segment in `state` may be listed: for
    /// [`Filter::ToReview`], which also asks whether it is reviewed, see [`Filter::lists`].
    #[must_use]
    pub fn shows(self, state: State) -> bool {
        match self {
            Self::All => true,
            Self::Unfinished => state != State::Current,
            Self::Only(only) => state == only,
            Self::ToReview => state == State::Current,
        }
    }

    /// Returns true if and only if a segment in `state`, reviewed or not, is listed.
    #[must_use]
    pub fn lists(self, state: State, reviewed: bool) -> bool {
        self.shows(state) && !(self == Self::ToReview && reviewed)
    }
}

/// A search in the workbench: the segments whose source paragraph or translation contains a
/// text, whatever its case and accents, or whose id starts with it, or the segment at a
/// position (`#12`), as [`crate::serve::search::Query`] reads it. An empty search lists every
/// segment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    text: String,
    query: crate::serve::search::Query,
}

impl Search {
    /// The search named in a URL or a form (`q`), without surrounding white space.
    #[must_use]
    pub fn parse(raw: Option<&str>) -> Self {
        let text = raw.unwrap_or("").trim().to_owned();
        let query = crate::serve::search::Query::parse(&text);
        Self { text, query }
    }

    /// The text searched for, as given.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Returns true if and only if there is nothing to search for.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Returns true if and only if `segment` of article `slug`, translated as `target`, is
    /// listed.
    #[must_use]
    pub fn matches(&self, slug: &str, segment: &Segment, target: &str) -> bool {
        self.query.matches(slug, segment, target)
    }

    /// The query parameter to append to a URL (`&q=...`), or nothing.
    #[must_use]
    pub fn param(&self) -> String {
        if self.is_empty() {
            String::new()
        } else {
            format!("&q={}", percent_encode(&self.text))
        }
    }
}

/// Carries out the form `form` posted for segment `n` of `slug` in `lang`, through the same
/// operations as `bitext set` and `bitext accept` ([`bitext_core::ops`]).
///
/// Answers with a redirect to the workbench on success, or with a page that shows the form
/// again: 409 for a conflict, 422 for a text that cannot be saved, nothing to accept, or
/// error-level findings not yet confirmed.
///
/// # Errors
/// A malformed form (400), an unknown segment (404), or a workspace that cannot be read or
/// written (500, 503 when the lock is held).
pub fn act(
    ws: &Workspace,
    ui: &Ui<'_>,
    slug: &Slug,
    lang: &Lang,
    n: usize,
    form: &[(String, String)],
) -> Result<Response, Fail> {
    let field = |name: &str| required(ui, form, name);
    let action = field("action")?;
    let action = Action::parse(action)
        .ok_or_else(|| Fail::BadRequest(ui.ta("serve-bad-action", &[("action", action.into())])))?;
    let id = field("id")?;
    let base = field("base")?;
    let text = lookup(form, "text").unwrap_or("");
    let filter = Filter::parse(lookup(form, "filter"));
    let search = Search::parse(lookup(form, "q"));
    let advance = lookup(form, "advance").is_some_and(|v| !v.is_empty());
    let confirmed = lookup(form, "confirm").is_some_and(|v| !v.is_empty());
    // Set where the translator chose to accept and drop the text they typed.
    let keep = lookup(form, "keep").is_some_and(|v| !v.is_empty());
    let expect = Some(Expect { id, version: base });
    let resubmit = |problem: Problem, status: u16| {
        Ok(Response::html(
            status,
            pages::resubmit(
                ui,
                &Resubmit {
                    slug,
                    lang,
                    n,
                    id,
                    base,
                    text,
                    action,
                    filter,
                    search: &search,
                    advance,
                },
                &problem,
            ),
        ))
    };

    let at = Target {
        ws,
        ui,
        slug,
        lang,
        n,
        expect,
    };
    // Accept keeps the translation on record: a text typed in the box would be lost without
    // a word. The page's script asks first; without it, this answer does.
    if action == Action::Accept && !keep && !confirmed && typed(text, base) {
        return resubmit(Problem::Typed, 422);
    }
    let lock = Lock::acquire(&ws.root)?;
    let done = match action {
        Action::Accept => accept_one(&at, confirmed)?,
        Action::Save | Action::Draft | Action::Review => {
            let state = match action {
                Action::Draft => UnitState::Draft,
                Action::Review => UnitState::Reviewed,
                _ => UnitState::Translated,
            };
            let wanted = Wanted {
                text,
                state,
                confirmed,
            };
            record_one(&at, &wanted)?
        }
    };
    drop(lock);
    let count = match done {
        Ok(count) => count,
        Err((problem, status)) => return resubmit(problem, status),
    };

    let focus = if advance {
        next_unfinished(ws, slug, lang, n, filter, &search)?
    } else {
        Some(n)
    };
    // The workbench shows the page holding the focused segment.
    let mut location = format!(
        "/article/{}/{}?state={}{}&done={n}&did={}",
        percent_encode(slug.as_str()),
        percent_encode(lang.as_str()),
        filter.as_str(),
        search.param(),
        action.as_str()
    );
    // The fragment names the segment's text box, not its card: the browser focuses the
    // element a fragment names once the page is laid out, after the page's script ran, and
    // a card cannot take focus, so naming it would leave the focus on the page.
    match focus {
        Some(m) if m <= count => {
            let _ = write!(location, "&focus={m}#t-{m}");
        }
        _ => location.push_str("&finished=1"),
    }
    Ok(Response::redirect(&location))
}

/// Returns true if and only if `text`, posted with an accept, is not the translation whose
/// version (`base`) the page showed: the translator typed another. An empty box drops nothing.
fn typed(text: &str, base: &str) -> bool {
    // Browsers send a text box's line breaks as CR LF.
    let text = text.replace("\r\n", "\n");
    if text.trim().is_empty() {
        return false;
    }
    let states = [
        None,
        Some(UnitState::Draft),
        Some(UnitState::Translated),
        Some(UnitState::Reviewed),
    ];
    !states.into_iter().any(|state| {
        let shown = Unit {
            id: String::new(),
            source: String::new(),
            target: text.clone(),
            state,
            comment: None,
        };
        version_of(&shown) == base
    })
}

/// What a page asks to record.
struct Wanted<'a> {
    text: &'a str,
    state: UnitState,
    confirmed: bool,
}

/// Why a form is shown again, and with which status.
type Again = (Problem, u16);

/// The segment a form is about, and what the page saw of it.
struct Target<'a> {
    ws: &'a Workspace,
    ui: &'a Ui<'a>,
    slug: &'a Slug,
    lang: &'a Lang,
    n: usize,
    expect: Option<Expect<'a>>,
}

/// Accepts segment `n`: the number of segments of the article, or why the form comes back.
fn accept_one(at: &Target<'_>, confirmed: bool) -> Result<Result<usize, Again>, Fail> {
    let (ui, n) = (at.ui, at.n);
    let which = [Which::Position(n)];
    let request = accept::Request {
        slug: at.slug,
        lang: at.lang,
        segments: &which,
        force: confirmed,
        expect: at.expect,
        // The page never offers Accept for a new paragraph; a page made before the paragraph
        // became one, or a form made by hand, is refused.
        refuse_borrowed: true,
    };
    Ok(match accept::accept(at.ws, &request) {
        Ok(accept::Outcome::Accepted(report)) => Ok(report.count),
        Ok(accept::Outcome::Refused(report)) => {
            let accepted = report.findings.first().map(|b| b.target.clone());
            let findings: Vec<qa::Finding> =
                report.findings.into_iter().map(|b| b.finding).collect();
            let findings = hooks::worded(ui, &findings);
            Err((Problem::Findings { findings, accepted }, 422))
        }
        Ok(accept::Outcome::Conflict(conflict)) => Err(conflicted(conflict, at.ws)),
        Ok(accept::Outcome::Borrowed { n, like }) => Err((
            Problem::Invalid(ui.ta(
                "serve-accept-new",
                &[("n", n.into()), ("like", like.into())],
            )),
            422,
        )),
        Err(Error::NothingToAccept { .. }) => {
            Err((Problem::Invalid(ui.t("serve-nothing-to-accept")), 422))
        }
        Err(Error::UnknownSegment { .. }) => return Err(no_segment(ui, n)),
        Err(e) => return Err(e.into()),
    })
}

/// Records the page's text for segment `n`: the number of segments of the article, or why
/// the form comes back.
fn record_one(at: &Target<'_>, wanted: &Wanted<'_>) -> Result<Result<usize, Again>, Fail> {
    // The checks the page shows, without the workspace-wide consistency index: it would
    // compare the segment with its own earlier translation, and reading every file on each
    // save is not worth it. A glossary that cannot be read gives no findings here; `bitext
    // qa` reports it.
    let (ui, n) = (at.ui, at.n);
    let ctx = Context::without_index(at.ws).unwrap_or_default();
    let request = record::Request {
        slug: at.slug,
        lang: at.lang,
        segment: Which::Position(n),
        state: wanted.state,
        expect: at.expect,
        refuse_errors: !wanted.confirmed,
    };
    let given = || Ok((wanted.text.to_owned(), String::new()));
    Ok(
        match record::record(at.ws, record::Checks::Given(&ctx), &request, given) {
            Ok(record::Outcome::Recorded(recorded)) => Ok(recorded.count),
            Ok(record::Outcome::Refused(recorded)) => Err((
                Problem::Findings {
                    findings: hooks::worded(ui, &recorded.findings),
                    accepted: None,
                },
                422,
            )),
            Ok(record::Outcome::Conflict(conflict)) => Err(conflicted(conflict, at.ws)),
            Err(Error::MultiParagraphTranslation { .. }) => {
                Err((Problem::Invalid(ui.t("serve-one-paragraph")), 422))
            }
            Err(Error::EmptyTranslation { .. }) => {
                Err((Problem::Invalid(ui.t("serve-empty")), 422))
            }
            Err(Error::UnknownSegment { .. }) => return Err(no_segment(ui, n)),
            Err(e) => return Err(e.into()),
        },
    )
}

fn no_segment(ui: &Ui<'_>, n: usize) -> Fail {
    Fail::NotFound(ui.ta("serve-no-segment", &[("segment", n.into())]))
}

/// The page that shows a conflict: the segment and its translation as they are now.
fn conflicted(conflict: Conflict, ws: &Workspace) -> (Problem, u16) {
    (
        Problem::Conflict {
            source: conflict.segment.text,
            source_lang: ws.config.source.to_string(),
            id: conflict.segment.id,
            version: conflict.version,
            disk: conflict.disk,
            state: conflict.state,
            source_changed: conflict.source_changed,
        },
        409,
    )
}

/// The next segment after `n` that is not current and that `filter` and `search` list,
/// wrapping around to the start; none when every listed segment is current.
fn next_unfinished(
    ws: &Workspace,
    slug: &Slug,
    lang: &Lang,
    n: usize,
    filter: Filter,
    search: &Search,
) -> Result<Option<usize>, Fail> {
    let article = ws.load_article(slug)?;
    let file = ws.load_translation(lang, slug)?;
    let assessment = ws.assess(&article, file.as_ref());
    // A search also reads the translations, one per segment as the workbench shows them.
    let targets: Vec<String> = if search.is_empty() {
        Vec::new()
    } else {
        let (synced, _) = synced(&article, lang.as_str(), file, &assessment, false);
        synced.units.into_iter().map(|u| u.target).collect()
    };
    let states = assessment.states;
    let wanted = |i: &usize| {
        states[*i] != State::Current
            && filter.shows(states[*i])
            && (search.is_empty()
                || search.matches(slug.as_str(), &article.segments[*i], &targets[*i]))
    };
    let after = (n..states.len()).find(wanted);
    Ok(after
        .or_else(|| (0..n.min(states.len())).find(wanted))
        .map(|i| i + 1))
}

/// The value of the form field `name`; a 400 naming it when the form lacks it.
///
/// # Errors
/// [`Fail::BadRequest`] when there is no such field.
pub fn required<'f>(
    ui: &Ui<'_>,
    form: &'f [(String, String)],
    name: &str,
) -> Result<&'f str, Fail> {
    lookup(form, name)
        .ok_or_else(|| Fail::BadRequest(ui.ta("serve-missing-field", &[("field", name.into())])))
}
