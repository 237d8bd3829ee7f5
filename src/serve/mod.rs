//! `bitext serve`: the translator's workbench, the same commands behind a local web page.
//!
//! Every write goes through the core's operations, as `bitext set` and `bitext accept` do
//! ([`bitext_core::ops::record`], [`bitext_core::ops::accept`]), under the workspace lock, with
//! their atomic writes. Each request looks at the
//! files again, so edits made on disk while the server runs show on the next page load, and a
//! save made from a page whose segment has changed on disk since is refused as a conflict.
//!
//! - [`http`]: requests and responses without the socket, and the guard (token, host, origin);
//! - [`pages`]: the HTML pages, compiled templates (maud) that escape every text they insert;
//! - [`actions`]: save, save as draft, accept, mark reviewed, and the conflict check;
//! - [`assist`]: glossary marks, memory matches with their diff, the concordance, and the
//!   checks while typing;
//! - [`review`]: marking several segments reviewed at once, and the comments on segments;
//! - [`search`]: the search in an article and across the workspace;
//! - [`history`]: a segment's earlier translations, from git, and their restore;
//! - [`hooks`]: where translation-memory suggestions and quality findings come in;
//! - [`cache`]: the dashboard's rows kept between requests;
//! - [`memories`]: the translation memories kept between requests;
//! - [`wire`]: HTTP/1.1 request heads parsed within limits, responses written in one buffer;
//! - [`server`]: the sockets: every connection watched by one thread, requests answered by a
//!   fixed pool of workers, every wait bounded.
//!
//! Two things are kept between requests, each checked against the files it was computed from
//! before every use: the dashboard's counts per article, recomputed only for the articles
//! whose files changed ([`cache::Dashboard`]), and each language's translation memory, which
//! reads only the files changed since it was opened ([`memories::Memories`]). A background
//! thread fills both when the server starts, and brings their caches on disk up to date when
//! the server is idle ([`App::warm_up`]).
//!
//! Requests are answered by a fixed pool of workers ([`server`]), so a long page never holds
//! the dashboard; writes take turns ([`App::handle`] holds one lock around each), so they
//! never race each other. Ctrl-C or SIGTERM stops the server within a second whatever the
//! clients do, after the request each worker is answering, never in the middle of a write.
//! The background thread never writes a workspace file, only caches, and the server waits for
//! it before exiting.

pub mod actions;
pub mod answers;
pub mod assist;
pub mod cache;
pub mod history;
pub mod hooks;
pub mod http;
pub mod memories;
pub mod pages;
pub mod review;
pub mod search;
pub mod server;
pub mod watch;
pub mod wire;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bitext_core::error::Error;
use bitext_core::l10n::{Arg, Localizer};
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::workspace::Workspace;
use http::{Guard, Refusal, Request, Response};

/// The interface languages of the pages.
pub const UI_LANGS: [&str; 3] = ["en", "fr", "es"];

/// The cookie remembering the interface language chosen with the switch.
const UI_COOKIE: &str = "bitext_ui";

/// The server's state: where the workspace is, who may talk to it, and its messages.
pub struct App {
    /// The workspace root; the workspace is opened again on every request.
    pub root: PathBuf,
    /// Token and host checks.
    pub guard: Guard,
    localizers: Vec<(&'static str, Localizer)>,
    /// The translation memories kept between requests (checked against the files on each
    /// use).
    memories: Arc<memories::Memories>,
    /// The dashboard's rows kept between requests (checked against the files on each use).
    dashboard: Arc<cache::Dashboard>,
    /// When the last request was answered.
    last_request: Arc<LastRequest>,
    /// The dashboard pages last made, each with its interface language and view, the rows'
    /// generation and the project file's languages and editions it was made from.
    dashboard_pages: std::sync::Mutex<Vec<DashboardPage>>,
    /// Held by each write, so that the workers write one at a time.
    writes: std::sync::Mutex<()>,
}

/// How long the server must have been idle before it rewrites its caches on disk.
const IDLE: std::time::Duration = std::time::Duration::from_secs(30);

/// How often the background thread checks the kept memories against the files.
pub(crate) const POLL: std::time::Duration = std::time::Duration::from_millis(250);

/// The longest the background thread sleeps before it looks whether it must stop.
const NAP: std::time::Duration = std::time::Duration::from_millis(50);

/// When the last request was answered, shared with the background thread.
#[derive(Debug)]
struct LastRequest(std::sync::Mutex<std::time::Instant>);

impl LastRequest {
    fn now() -> Self {
        Self(std::sync::Mutex::new(std::time::Instant::now()))
    }

    fn touch(&self) {
        *self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = std::time::Instant::now();
    }

    fn elapsed(&self) -> std::time::Duration {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .elapsed()
    }
}

/// The background work that fills what the server keeps before the first requests ask for
/// it ([`App::warm_up`]).
pub struct WarmUp {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<()>,
    root: PathBuf,
    dashboard: Arc<cache::Dashboard>,
}

impl WarmUp {
    /// Stops the warm-up after its current step and waits for it, so that the server never
    /// exits in the middle of writing a cache; then saves the dashboard's rows for the next
    /// server.
    pub fn finish(self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.thread.join();
        if let Ok(ws) = Workspace::open(Some(&self.root)) {
            self.dashboard.save(&ws);
        }
    }
}

/// The interface language of one request, and its messages.
#[derive(Clone, Copy)]
pub struct Ui<'a> {
    /// `en`, `fr` or `es`.
    pub lang: &'static str,
    localizer: &'a Localizer,
}

impl Ui<'_> {
    /// Message `id`.
    #[must_use]
    pub fn t(&self, id: &str) -> String {
        self.localizer.message(id, &[])
    }

    /// Message `id` with arguments.
    #[must_use]
    pub fn ta(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.localizer.message(id, args)
    }
}

/// A request that cannot be answered with its page.
#[derive(Debug)]
pub enum Fail {
    /// Refused by the guard: 403.
    Refused(Refusal),
    /// No such page, article, language, segment or edition: 404 with the message.
    NotFound(String),
    /// A malformed request: 400 with the message.
    BadRequest(String),
    /// The workspace could not be read or written: 500 with the message (the files, not the
    /// request, are at fault), or 503 when the lock is held.
    Workspace(Error),
    /// A bug in bitext: 500.
    Internal,
    /// A request refused by the HTTP layer before it reached a page (too large, malformed,
    /// late, or the server busy): its status and message.
    Http(u16, String),
}

impl From<Error> for Fail {
    fn from(error: Error) -> Self {
        match error.plain() {
            Error::InvalidSlug { .. }
            | Error::UnknownArticle { .. }
            | Error::LangNotTarget { .. }
            | Error::InvalidLang { .. }
            | Error::UnknownSegment { .. }
            | Error::UnknownEdition { .. }
            | Error::NoTranslations { .. } => Self::NotFound(error.to_string()),
            _ => Self::Workspace(error),
        }
    }
}

impl App {
    /// A server over the workspace at `root`, with its guard.
    #[must_use]
    pub fn new(root: PathBuf, guard: Guard) -> Self {
        let localizers = UI_LANGS
            .iter()
            .map(|code| {
                let id = code.parse().unwrap_or_default();
                (*code, Localizer::new(&id))
            })
            .collect();
        Self {
            root,
            guard,
            localizers,
            memories: Arc::new(memories::Memories::new()),
            dashboard: Arc::new(cache::Dashboard::new()),
            last_request: Arc::new(LastRequest::now()),
            dashboard_pages: std::sync::Mutex::default(),
            writes: std::sync::Mutex::default(),
        }
    }

    /// The page refusing `request` when the guard refuses it (host, token, origin), made
    /// from its head alone: the server calls it before reading any body.
    #[must_use]
    pub fn refuse(&self, request: &Request) -> Option<Response> {
        let refusal = self.guard.check(request).err()?;
        Some(pages::failure(
            &self.ui_for(request),
            &Fail::Refused(refusal),
        ))
    }

    /// Starts computing, in a background thread, what the first requests would otherwise
    /// wait for: the dashboard's rows, then the translation memory of each target language.
    /// A request arriving meanwhile waits for the part it needs, or computes it itself; what
    /// it is served is always checked against the files first, as for any request.
    ///
    /// The thread then stays. Every `poll` ([`POLL`] by default) it brings the kept memories up to date with the
    /// files ([`memories::Memories::poll`]), so that a page seldom pays for that check. And
    /// whenever no request came for [`IDLE`], it saves the dashboard's rows and opens again
    /// each memory that carries changed files ([`memories::Memories::consolidate`]), so that
    /// the next server starts from caches that match the files.
    #[must_use]
    pub fn warm_up(&self, poll: std::time::Duration) -> WarmUp {
        let stop = Arc::new(AtomicBool::new(false));
        let (root, dashboard, memories, idle) = (
            self.root.clone(),
            Arc::clone(&self.dashboard),
            Arc::clone(&self.memories),
            Arc::clone(&self.last_request),
        );
        let stopped = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            // A workspace that cannot be read now is reported by the requests that need it.
            let Ok(ws) = Workspace::open(Some(&root)) else {
                return;
            };
            if dashboard.rows(&ws).is_ok() {
                dashboard.save(&ws);
            }
            for lang in &ws.config.targets {
                if stopped.load(Ordering::Relaxed) {
                    return;
                }
                memories.warm(&ws, lang);
            }
            // Then keep the memories up to date with the files between pages, so that a page
            // seldom pays for the check; and while the server is idle, bring the caches on
            // disk up to date with what changed, for the next server.
            loop {
                // In short naps, so that a stop never waits for a long interval.
                let since = std::time::Instant::now();
                while since.elapsed() < poll {
                    if stopped.load(Ordering::Relaxed) {
                        return;
                    }
                    std::thread::sleep(poll.saturating_sub(since.elapsed()).min(NAP));
                }
                if stopped.load(Ordering::Relaxed) {
                    return;
                }
                let Ok(ws) = Workspace::open(Some(&root)) else {
                    continue;
                };
                for lang in &ws.config.targets {
                    memories.poll(&ws, lang);
                }
                if idle.elapsed() < IDLE {
                    continue;
                }
                dashboard.save(&ws);
                for lang in &ws.config.targets {
                    if stopped.load(Ordering::Relaxed) || idle.elapsed() < IDLE {
                        break;
                    }
                    memories.consolidate(&ws, lang, IDLE);
                }
            }
        });
        WarmUp {
            stop,
            thread,
            root: self.root.clone(),
            dashboard: Arc::clone(&self.dashboard),
        }
    }

    /// The interface language: the switch (`?ui=`), then its cookie, then `Accept-Language`,
    /// then English.
    #[must_use]
    pub fn ui_for(&self, request: &Request) -> Ui<'_> {
        let known = |tag: &str| {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            self.localizers.iter().find(|(code, _)| *code == primary)
        };
        let chosen = request
            .param("ui")
            .and_then(known)
            .or_else(|| request.cookie(UI_COOKIE).and_then(known))
            .or_else(|| {
                http::accepted_languages(request.header("accept-language").unwrap_or(""))
                    .iter()
                    .find_map(|tag| known(tag))
            })
            .unwrap_or(&self.localizers[0]);
        Ui {
            lang: chosen.0,
            localizer: &chosen.1,
        }
    }

    /// Answers one request, every message of it (an error's too) in the interface language.
    /// Never panics outward: a panic in a page becomes a 500.
    #[must_use]
    pub fn handle(&self, request: &Request) -> Response {
        let ui = self.ui_for(request);
        bitext_core::l10n::speaking(ui.lang, || self.answer(request, &ui))
    }

    fn answer(&self, request: &Request, ui: &Ui<'_>) -> Response {
        let ui = *ui;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.guard
                .check(request)
                .map_err(Fail::Refused)
                .and_then(|from_query| {
                    self.route(request, &ui)
                        .map(|response| (response, from_query))
                })
        }));
        let mut response = match outcome {
            Ok(Ok((response, from_query))) => {
                if from_query {
                    response.header(
                        "Set-Cookie",
                        &format!(
                            "{}={}; Path=/; HttpOnly; SameSite=Strict",
                            self.guard.cookie, self.guard.token
                        ),
                    )
                } else {
                    response
                }
            }
            Ok(Err(fail)) => pages::failure(&ui, &fail),
            Err(_) => pages::failure(&ui, &Fail::Internal),
        };
        if let Some(choice) = request.param("ui").filter(|c| UI_LANGS.contains(c)) {
            response = response.header(
                "Set-Cookie",
                &format!("{UI_COOKIE}={choice}; Path=/; SameSite=Strict"),
            );
        }
        self.last_request.touch();
        response
    }

    #[allow(
        clippy::too_many_lines,
        reason = "one arm per route, read top to bottom"
    )]
    fn route(&self, request: &Request, ui: &Ui<'_>) -> Result<Response, Fail> {
        let parts: Vec<&str> = request.segments.iter().map(String::as_str).collect();
        let get = matches!(request.method.as_str(), "GET" | "HEAD");
        let post = request.method == "POST";
        if let Some(answer) = assist::route(self, request, ui, &parts) {
            return answer;
        }
        match (parts.as_slice(), get, post) {
            (["assets", "app.css"], true, _) => Ok(Response::with_type(
                200,
                "text/css; charset=utf-8",
                include_str!("assets/app.css").as_bytes().to_vec(),
            )),
            (["assets", "app.js"], true, _) => Ok(Response::with_type(
                200,
                "text/javascript; charset=utf-8",
                include_str!("assets/app.js").as_bytes().to_vec(),
            )),
            ([], true, _) => {
                let ws = self.workspace()?;
                let (generation, rows) = self.dashboard.rows(&ws)?;
                let view = pages::DashboardView::of(request);
                Ok(Response::html(
                    200,
                    self.dashboard_page(&ws, ui, generation, &rows, view),
                ))
            }
            (["article", slug, lang], true, _) => {
                let ws = self.workspace()?;
                let (slug, lang) = resolve(&ws, slug, lang)?;
                Ok(Response::html(
                    200,
                    pages::workbench(&ws, ui, &slug, &lang, request, &self.memories)?,
                ))
            }
            (["article", slug, lang, "review"], _, true) => {
                let ws = self.workspace()?;
                let (slug, lang) = resolve(&ws, slug, lang)?;
                self.write(&slug, || {
                    review::act_range(&ws, ui, &slug, &lang, &request.form())
                })
            }
            (["article", slug, lang, n, "comment"], _, true) => {
                let ws = self.workspace()?;
                let (slug, lang) = resolve(&ws, slug, lang)?;
                let n = position(ui, n)?;
                self.write(&slug, || {
                    review::act_comment(&ws, ui, &slug, &lang, n, &request.form())
                })
            }
            (["article", slug, lang, n], _, true) => {
                let ws = self.workspace()?;
                let (slug, lang) = resolve(&ws, slug, lang)?;
                let n = position(ui, n)?;
                self.write(&slug, || {
                    actions::act(&ws, ui, &slug, &lang, n, &request.form())
                })
            }
            (["search"], true, _) => {
                let ws = self.workspace()?;
                let (_, rows) = self.dashboard.rows(&ws)?;
                Ok(Response::html(200, search::page(&ws, ui, request, &rows)?))
            }
            (["article", slug, lang, n, "history"], true, _) => {
                let ws = self.workspace()?;
                let (slug, lang) = resolve(&ws, slug, lang)?;
                let n = position(ui, n)?;
                Ok(Response::html(
                    200,
                    history::page(&ws, ui, &slug, &lang, n)?,
                ))
            }
            (["article", slug, lang, n, "restore"], _, true) => {
                let ws = self.workspace()?;
                let (slug, lang) = resolve(&ws, slug, lang)?;
                let n = position(ui, n)?;
                self.write(&slug, || {
                    history::restore(&ws, ui, &slug, &lang, n, &request.form())
                })
            }
            (["export"], true, _) => {
                let ws = self.workspace()?;
                pages::export(&ws, ui, request)
            }
            (["article" | "assets", ..] | ["export" | "search"] | [], _, _) => {
                Err(Fail::BadRequest(ui.ta(
                    "serve-bad-method",
                    &[("method", request.method.as_str().into())],
                )))
            }
            _ => Err(Fail::NotFound(
                ui.ta("serve-no-page", &[("path", request.path.as_str().into())]),
            )),
        }
    }

    /// The dashboard's HTML: the one made last for this interface language when neither the
    /// rows nor the project file's languages and editions changed since, else made again.
    fn dashboard_page(
        &self,
        ws: &Workspace,
        ui: &Ui<'_>,
        generation: u64,
        rows: &[cache::Row],
        view: pages::DashboardView,
    ) -> String {
        let config = format!("{:?} {:?}", ws.config.targets, ws.config.editions);
        let mut pages = self
            .dashboard_pages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(made) = pages.iter().find(|p| {
            p.lang == ui.lang && p.view == view && p.generation == generation && p.config == config
        }) {
            return made.html.clone();
        }
        let html = pages::dashboard(ws, ui, rows, view);
        // Pages made from older rows or another project file are of no more use.
        pages.retain(|p| p.generation == generation && p.config == config);
        if pages.len() >= DASHBOARD_PAGES_KEPT {
            pages.remove(0);
        }
        pages.push(DashboardPage {
            lang: ui.lang,
            view,
            generation,
            config,
            html: html.clone(),
        });
        html
    }

    /// Runs `write`, a change to `slug`'s files, while no other write runs, then forgets the
    /// article's dashboard row: its stamps would tell too, but forgetting it costs less than
    /// trusting them.
    fn write(
        &self,
        slug: &Slug,
        write: impl FnOnce() -> Result<Response, Fail>,
    ) -> Result<Response, Fail> {
        let _one_at_a_time = self
            .writes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let answer = write();
        self.dashboard.forget(slug);
        answer
    }

    fn workspace(&self) -> Result<Workspace, Fail> {
        Ok(Workspace::open(Some(&self.root))?)
    }
}

/// How many dashboard pages (languages and views) are kept made.
const DASHBOARD_PAGES_KEPT: usize = 16;

/// One dashboard page as it was made.
struct DashboardPage {
    lang: &'static str,
    view: pages::DashboardView,
    generation: u64,
    config: String,
    html: String,
}

/// The article and language named in a URL; both must exist in the workspace.
fn resolve(ws: &Workspace, slug: &str, lang: &str) -> Result<(Slug, Lang), Fail> {
    let lang = ws.select_langs(&[lang.to_owned()])?.remove(0);
    let slug = ws.select_articles(&[slug.to_owned()])?.remove(0);
    Ok((slug, lang))
}

/// A segment's position in a URL: a number from 1.
fn position(ui: &Ui<'_>, n: &str) -> Result<usize, Fail> {
    n.parse::<usize>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| Fail::NotFound(ui.ta("serve-no-segment", &[("segment", n.into())])))
}
