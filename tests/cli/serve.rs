//! `bitext serve`: the HTTP layer of the real binary, over a socket. Token, host and origin
//! refusals; every action and what it writes; conflicts; escaping; bad input; a clean stop.

use std::fmt::Write as _;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::support::{ARTICLE, SAMPLE, Ws};

/// A running `bitext serve` on a temp workspace, stopped with SIGINT when dropped.
pub(crate) struct Served {
    child: Option<Child>,
    /// `127.0.0.1:PORT`.
    pub(crate) host: String,
    pub(crate) token: String,
}

/// A parsed response.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: String,
}

impl Reply {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    #[track_caller]
    pub(crate) fn status(self, status: u16) -> Self {
        assert_eq!(self.status, status, "body:\n{}", self.body);
        self
    }

    /// The hidden and text fields of the form posting to `action`.
    #[track_caller]
    pub(crate) fn form(&self, action: &str) -> Vec<(String, String)> {
        let doc = scraper::Html::parse_document(&self.body);
        let selector =
            scraper::Selector::parse(&format!("form[action=\"{action}\"]")).expect("selector");
        let form = doc.select(&selector).next().unwrap_or_else(|| {
            panic!("no form posting to {action}:\n{}", self.body);
        });
        let inputs = scraper::Selector::parse("input[type=hidden], textarea").expect("selector");
        form.select(&inputs)
            .map(|e| {
                let name = e.value().attr("name").expect("name").to_owned();
                let value = if e.value().name() == "textarea" {
                    e.text().collect()
                } else {
                    e.value().attr("value").unwrap_or("").to_owned()
                };
                (name, value)
            })
            .collect()
    }
}

fn encode(raw: &str) -> String {
    raw.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

pub(crate) fn form_body(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Sets `name` to `value` in form fields, adding it if absent.
pub(crate) fn with(
    mut fields: Vec<(String, String)>,
    name: &str,
    value: &str,
) -> Vec<(String, String)> {
    fields.retain(|(k, _)| k != name);
    fields.push((name.to_owned(), value.to_owned()));
    fields
}

impl Served {
    pub(crate) fn start(ws: &Ws) -> Self {
        Self::start_with(ws, &[], &[])
    }

    pub(crate) fn start_with(ws: &Ws, args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_bitext"));
        command
            .arg("-C")
            .arg(ws.root())
            .arg("serve")
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("spawn bitext serve");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().expect("stdout"))
            .read_line(&mut line)
            .expect("first line");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"))
            .to_owned();
        let rest = url.strip_prefix("http://").expect("http");
        let (host, query) = rest.split_once("/?token=").expect("token in URL");
        Self {
            child: Some(child),
            host: host.to_owned(),
            token: query.to_owned(),
        }
    }

    /// A GET of `path` on a connection of its own: status, head and body as bytes (an
    /// EPUB or a PDF is no text).
    pub(crate) fn get_bytes(&self, path: &str) -> (u16, String, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.host).expect("connect");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(120)))
            .expect("timeout");
        let request = format!(
            "GET {path} HTTP/1.1\r\nConnection: close\r\nHost: {}\r\nCookie: {}\r\n\r\n",
            self.host,
            self.cookie()
        );
        stream.write_all(request.as_bytes()).expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("receive");
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("head and body");
        let head = String::from_utf8(raw[..split].to_vec()).expect("UTF-8 head");
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("status");
        (status, head, raw[split + 4..].to_vec())
    }

    /// The server's process id.
    pub(crate) fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    /// Waits up to `limit` for the server to exit on its own; its exit code and stderr, or
    /// none if it still runs (it is then stopped when dropped).
    pub(crate) fn exited_within(&mut self, limit: std::time::Duration) -> Option<(i32, String)> {
        let start = std::time::Instant::now();
        while start.elapsed() < limit {
            let child = self.child.as_mut().expect("running");
            if child.try_wait().expect("wait").is_some() {
                let output = self
                    .child
                    .take()
                    .expect("running")
                    .wait_with_output()
                    .expect("wait");
                return Some((
                    output.status.code().expect("exit code, not a signal"),
                    String::from_utf8(output.stderr).expect("UTF-8"),
                ));
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        None
    }

    pub(crate) fn port(&self) -> &str {
        self.host.rsplit(':').next().expect("port")
    }

    pub(crate) fn cookie(&self) -> String {
        format!("bitext_token_{}={}", self.port(), self.token)
    }

    /// Sends a raw request; `headers` come after `Host`, which is always sent.
    pub(crate) fn raw(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Reply {
        let mut stream = TcpStream::connect(&self.host).expect("connect");
        // Only a broken server takes this long; the test then fails instead of hanging.
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(60)))
            .expect("timeout");
        let mut request = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            let _ = write!(request, "Host: {}\r\n", self.host);
        }
        for (k, v) in headers {
            let _ = write!(request, "{k}: {v}\r\n");
        }
        if method == "POST" {
            request.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
            let _ = write!(request, "Content-Length: {}\r\n", body.len());
        }
        request.push_str("\r\n");
        request.push_str(body);
        stream.write_all(request.as_bytes()).expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("receive");
        let text = String::from_utf8(raw).expect("UTF-8 response");
        let (head, body) = text.split_once("\r\n\r\n").expect("head and body");
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .expect("status");
        let headers = lines
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        Reply {
            status,
            headers,
            body: body.to_owned(),
        }
    }

    /// A GET with the token cookie.
    pub(crate) fn get(&self, path: &str) -> Reply {
        self.raw("GET", path, &[("Cookie", &self.cookie())], "")
    }

    /// A GET with the token cookie and extra headers.
    pub(crate) fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let cookie = self.cookie();
        let mut all = vec![("Cookie", cookie.as_str())];
        all.extend_from_slice(headers);
        self.raw("GET", path, &all, "")
    }

    /// A POST of a form, as the workbench's own page sends it.
    pub(crate) fn post(&self, path: &str, fields: &[(String, String)]) -> Reply {
        let origin = format!("http://{}", self.host);
        self.raw(
            "POST",
            path,
            &[("Cookie", &self.cookie()), ("Origin", &origin)],
            &form_body(fields),
        )
    }

    /// Stops the server with SIGINT, as Ctrl-C does; returns its exit code and stderr.
    pub(crate) fn stop(mut self) -> (i32, String) {
        let child = self.child.take().expect("running");
        interrupt(&child);
        let output = child.wait_with_output().expect("wait");
        (
            output.status.code().expect("exit code, not a signal"),
            String::from_utf8(output.stderr).expect("UTF-8"),
        )
    }
}

fn interrupt(child: &Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            interrupt(&child);
            let _ = child.wait();
        }
    }
}

const WORKBENCH: &str = "/article/harbour/fr";

/// The harbour article translated in French, segment 5 stale and segment 6 missing.
fn served() -> (Ws, Served) {
    let ws = Ws::stale_and_missing();
    let server = Served::start(&ws);
    (ws, server)
}

/// Every file of the workspace but the translation memory's cache, which a page may write.
pub(crate) fn files(ws: &Ws) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut all = ws.snapshot();
    all.retain(|path, _| !path.starts_with(".bitext-cache"));
    all
}

fn unit(ws: &Ws, n: usize) -> serde_json::Value {
    ws.json("translations/fr/harbour.json")["units"][n - 1].clone()
}

#[test]
fn requests_without_the_token_or_from_another_host_are_refused() {
    let (ws, s) = served();
    let before = files(&ws);
    assert_eq!(s.raw("GET", "/", &[], "").status, 403);
    assert_eq!(s.raw("GET", WORKBENCH, &[], "").status, 403);
    assert_eq!(s.raw("GET", "/assets/app.js", &[], "").status, 403);
    let wrong = s.raw("GET", "/?token=0123456789abcdef0123456789abcdef", &[], "");
    assert_eq!(wrong.status, 403);
    assert!(wrong.body.contains("token"), "{}", wrong.body);
    assert!(wrong.header("Set-Cookie").is_none());
    // DNS rebinding: a page from evil.example that resolves to 127.0.0.1 sends its own Host.
    let rebound = s.raw(
        "GET",
        &format!("/?token={}", s.token),
        &[("Host", &format!("evil.example:{}", s.port()))],
        "",
    );
    assert_eq!(rebound.status, 403);
    // The token in the query opens the page and sets the cookie that later links rely on.
    let first = s
        .raw("GET", &format!("/?token={}", s.token), &[], "")
        .status(200);
    let cookie = first.header("Set-Cookie").expect("cookie");
    assert!(cookie.starts_with(&s.cookie()), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    s.get(WORKBENCH).status(200);
    s.raw(
        "GET",
        "/",
        &[
            ("Host", &format!("localhost:{}", s.port())),
            ("Cookie", &s.cookie()),
        ],
        "",
    )
    .status(200);
    assert_eq!(files(&ws), before);
}

#[test]
fn writes_from_another_origin_or_none_are_refused_and_change_nothing() {
    let (ws, s) = served();
    let before = files(&ws);
    let form = with(
        s.get(WORKBENCH).form(&format!("{WORKBENCH}/6")),
        "action",
        "save",
    );
    let form = with(
        form,
        "text",
        "Les tables des marées sont imprimées en page 4.",
    );
    let body = form_body(&form);
    let path = format!("{WORKBENCH}/6");
    let none = s.raw("POST", &path, &[("Cookie", &s.cookie())], &body);
    assert_eq!(none.status, 403);
    let evil = s.raw(
        "POST",
        &path,
        &[("Cookie", &s.cookie()), ("Origin", "http://evil.example")],
        &body,
    );
    assert_eq!(evil.status, 403);
    assert!(evil.body.contains("workbench"), "{}", evil.body);
    let tokenless = s.raw(
        "POST",
        &path,
        &[("Origin", &format!("http://{}", s.host))],
        &body,
    );
    assert_eq!(tokenless.status, 403);
    assert_eq!(files(&ws), before);
    // The same form from the page's own origin is saved.
    s.post(&path, &form).status(303);
    assert_eq!(
        unit(&ws, 6)["target"],
        "Les tables des marées sont imprimées en page 4."
    );
}

#[test]
fn save_records_a_translation_from_the_current_text_and_moves_on_when_asked() {
    let (ws, s) = served();
    let page = s.get(WORKBENCH).status(200);
    let form = page.form(&format!("{WORKBENCH}/6"));
    let form = with(
        with(form, "action", "save"),
        "text",
        "Les tables\r\ndes marées, page 4.",
    );
    let form = with(form, "advance", "1");
    let reply = s.post(&format!("{WORKBENCH}/6"), &form).status(303);
    // Segment 5 is still stale: the next unfinished one, wrapping around.
    let location = reply.header("Location").expect("location");
    assert!(location.contains("focus=5#t-5"), "{location}");
    assert!(location.contains("done=6&did=save"), "{location}");
    let saved = unit(&ws, 6);
    assert_eq!(saved["target"], "Les tables des marées, page 4.");
    assert_eq!(saved["source"], "The tide tables are printed on page 4.");
    assert_eq!(saved["state"], "translated");
    assert_eq!(ws.states("harbour", "fr")[5], "current");
    let after = s.get(location).status(200);
    assert!(after.body.contains("Segment 6 saved."), "{}", after.body);
    assert!(!ws.path(".bitext.lock").exists());
}

#[test]
fn draft_accept_and_review_write_what_the_cli_would() {
    let (ws, s) = served();
    let form = |n: usize| s.get(WORKBENCH).form(&format!("{WORKBENCH}/{n}"));

    let draft = with(
        with(form(6), "action", "draft"),
        "text",
        "Brouillon, page 4.",
    );
    s.post(&format!("{WORKBENCH}/6"), &draft).status(303);
    assert_eq!(unit(&ws, 6)["state"], "draft");
    assert_eq!(ws.states("harbour", "fr")[5], "draft");

    let stale_target = unit(&ws, 5)["target"].clone();
    let accept = with(form(5), "action", "accept");
    let reply = s.post(&format!("{WORKBENCH}/5"), &accept).status(303);
    assert!(
        reply
            .header("Location")
            .expect("location")
            .contains("did=accept")
    );
    assert_eq!(unit(&ws, 5)["target"], stale_target);
    assert_eq!(
        unit(&ws, 5)["source"],
        "A festival with music and food will take place on the quay next weekend!"
    );
    assert_eq!(ws.states("harbour", "fr")[4], "current");

    // Accepting the draft confirms it.
    s.post(
        &format!("{WORKBENCH}/6"),
        &with(form(6), "action", "accept"),
    )
    .status(303);
    assert_eq!(unit(&ws, 6)["state"], "translated");
    assert_eq!(unit(&ws, 6)["target"], "Brouillon, page 4.");

    let review = with(with(form(2), "action", "review"), "text", "Relu.");
    s.post(&format!("{WORKBENCH}/2"), &review).status(303);
    assert_eq!(unit(&ws, 2)["state"], "reviewed");
    assert_eq!(unit(&ws, 2)["target"], "Relu.");

    let status = ws.lang_status("harbour", "fr");
    assert_eq!(status["percent"], 100.0);
    ws.run(&["check", "-l", "fr"]).success();
}

#[test]
fn a_translation_changed_on_disk_since_the_page_loaded_is_a_conflict() {
    let (ws, s) = served();
    let form = s.get(WORKBENCH).form(&format!("{WORKBENCH}/2"));
    // A colleague saves segment 2 from the command line meanwhile.
    ws.run(&[
        "set",
        "harbour",
        "2",
        "-l",
        "fr",
        "--text",
        "Texte du collègue.",
    ])
    .success();
    let before = files(&ws);
    let mine = with(with(form, "action", "save"), "text", "Mon texte.");
    let reply = s.post(&format!("{WORKBENCH}/2"), &mine).status(409);
    assert_eq!(files(&ws), before, "a conflict writes nothing");
    assert!(reply.body.contains("Texte du collègue."), "{}", reply.body);
    assert!(reply.body.contains("Mon texte."), "{}", reply.body);
    assert!(reply.body.contains("Keep the text on disk"));
    // Choosing one's own text resubmits with the version now on disk.
    let again = reply.form(&format!("{WORKBENCH}/2"));
    s.post(&format!("{WORKBENCH}/2"), &again).status(303);
    assert_eq!(unit(&ws, 2)["target"], "Mon texte.");
}

#[test]
fn an_accept_with_a_typed_text_asks_whether_to_save_it_or_drop_it() {
    // Without the page's script: the answer asks, and nothing is written until it is told.
    for choice in ["save", "accept"] {
        let (ws, s) = served();
        let post = format!("{WORKBENCH}/5");
        let on_record = unit(&ws, 5)["target"].clone();
        let form = with(
            with(s.get(WORKBENCH).form(&post), "action", "accept"),
            "text",
            "Un festival aura lieu\r\nsur le quai.",
        );
        let before = files(&ws);
        let asked = s.post(&post, &form).status(422);
        assert!(
            asked.body.contains("Your text is not saved"),
            "{}",
            asked.body
        );
        assert_eq!(files(&ws), before, "nothing is written before the choice");
        let again = with(asked.form(&post), "action", choice);
        assert!(again.contains(&("keep".to_owned(), "1".to_owned())));
        s.post(&post, &again).status(303);
        let saved = unit(&ws, 5);
        if choice == "save" {
            assert_eq!(saved["target"], "Un festival aura lieu sur le quai.");
        } else {
            assert_eq!(saved["target"], on_record);
        }
        assert_eq!(ws.states("harbour", "fr")[4], "current");
    }
}

#[test]
fn a_new_paragraph_like_one_still_there_is_shown_new_and_never_accepted() {
    // Paragraph 4 copied above itself and edited there: segment 4 is new, linked by
    // similarity to the translation segment 5 (the paragraph itself) has.
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        crate::support::ARTICLE.replace(
            "The mayor promised",
            "The mayor promised a decision before the end of the year and thanked everyone \
             for coming.\n\nThe mayor promised",
        ),
    );
    assert_eq!(ws.states("harbour", "fr")[3..5], ["stale", "current"]);
    let s = Served::start(&ws);
    let page = s.get(WORKBENCH).status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let select = |css: &str| {
        let selector = scraper::Selector::parse(css).expect("selector");
        doc.select(&selector)
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>()
    };
    assert_eq!(select("#seg-4[data-like='5'] .badge"), ["new here"]);
    assert!(
        select("#seg-4 button[value=accept]").is_empty(),
        "{}",
        page.body
    );
    assert_eq!(select("#seg-4 textarea"), [""]);
    assert_eq!(
        select("#seg-4 button.suggest.borrowed"),
        ["fr translation of segment 4 (translation of segment 5)"]
    );
    assert!(
        select("#seg-4")
            .concat()
            .contains("closest earlier paragraph is segment 5")
    );
    // Segment 5 is an ordinary current card.
    assert_eq!(select("#seg-5 .badge"), ["current"]);

    // A form made by hand (or by a page from before) is refused, and writes nothing.
    let before = files(&ws);
    let post = format!("{WORKBENCH}/4");
    let accept = with(page.form(&post), "action", "accept");
    let reply = s.post(&post, &accept).status(422);
    assert!(
        reply.body.contains(
            "Segment 4 is a new paragraph: the translation on record was made for segment 5."
        ),
        "{}",
        reply.body
    );
    assert_eq!(files(&ws), before);
    assert_eq!(ws.states("harbour", "fr")[3], "stale");
}

#[test]
fn a_source_edited_since_the_page_loaded_is_a_conflict_even_for_accept() {
    let (ws, s) = served();
    let page = s.get(WORKBENCH);
    ws.edit_source("harbour", "on the quay", "on the old quay");
    let before = files(&ws);
    let accept = with(page.form(&format!("{WORKBENCH}/5")), "action", "accept");
    let reply = s.post(&format!("{WORKBENCH}/5"), &accept).status(409);
    assert!(
        reply.body.contains("source paragraph was edited"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("on the old quay"));
    assert_eq!(files(&ws), before);
    // The next page load shows the edit.
    assert!(s.get(WORKBENCH).body.contains("on the old quay"));
}

#[test]
fn another_segment_changed_on_disk_is_kept_not_a_conflict() {
    let (ws, s) = served();
    let form = s.get(WORKBENCH).form(&format!("{WORKBENCH}/6"));
    ws.run(&[
        "set",
        "harbour",
        "2",
        "-l",
        "fr",
        "--text",
        "Texte du collègue.",
    ])
    .success();
    let mine = with(with(form, "action", "save"), "text", "Les marées, page 4.");
    s.post(&format!("{WORKBENCH}/6"), &mine).status(303);
    assert_eq!(unit(&ws, 2)["target"], "Texte du collègue.");
    assert_eq!(unit(&ws, 6)["target"], "Les marées, page 4.");
}

#[test]
fn empty_and_multi_paragraph_texts_are_refused_with_the_text_kept() {
    let (ws, s) = served();
    let before = files(&ws);
    let form = with(
        s.get(WORKBENCH).form(&format!("{WORKBENCH}/6")),
        "action",
        "save",
    );
    let empty = s
        .post(&format!("{WORKBENCH}/6"), &with(form.clone(), "text", "  "))
        .status(422);
    assert!(
        empty.body.contains("The translation is empty."),
        "{}",
        empty.body
    );
    let two = s
        .post(
            &format!("{WORKBENCH}/6"),
            &with(form, "text", "Un.\n\nDeux."),
        )
        .status(422);
    assert!(two.body.contains("one paragraph"), "{}", two.body);
    assert!(
        two.body.contains("Un.\n\nDeux."),
        "the text is kept: {}",
        two.body
    );
    let missing = with(
        s.get(WORKBENCH).form(&format!("{WORKBENCH}/6")),
        "action",
        "accept",
    );
    s.post(&format!("{WORKBENCH}/6"), &missing).status(422);
    assert_eq!(files(&ws), before);
}

#[test]
fn script_in_a_source_paragraph_is_text_on_every_page_and_in_the_diff() {
    let ws = Ws::new();
    ws.write(
        "sources/xss.md",
        "# Title <b>bold</b>\n\nHello <script>alert(1)</script> world.\n\nSecond paragraph.\n",
    );
    ws.translate_all("xss", "fr");
    ws.edit_source("xss", "world.", "wide world. <script>alert(2)</script>");
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n[[edition]]\nid = \"e1\"\nvolume = 1\nnumber = 1\ndate = \"2024-01\"\narticles = [\"xss\"]\n",
    );
    ws.run(&[
        "set",
        "xss",
        "3",
        "-l",
        "fr",
        "--text",
        "<script>alert(3)</script>",
    ])
    .success();
    let s = Served::start(&ws);
    let workbench = s.get("/article/xss/fr").status(200);
    assert!(workbench.body.contains("<ins>"), "the diff is shown");
    let form = with(workbench.form("/article/xss/fr/2"), "action", "save");
    ws.run(&[
        "set",
        "xss",
        "2",
        "-l",
        "fr",
        "--text",
        "<script>alert(4)</script>",
    ])
    .success();
    let pages = [
        s.get("/").status(200),
        workbench,
        s.get("/article/xss/fr?state=stale").status(200),
        s.get("/article/xss/es").status(200),
        // The conflict page shows the text on disk and the translator's own.
        s.post(
            "/article/xss/fr/2",
            &with(form, "text", "<script>alert(5)</script>"),
        )
        .status(409),
        s.get("/export?article=xss&lang=es").status(409),
        s.get("/article/%3Cscript%3Ealert(6)%3C%2Fscript%3E/fr")
            .status(404),
        s.get("/%3Cscript%3Ealert(7)%3C%2Fscript%3E").status(404),
    ];
    for page in &pages {
        assert!(
            !page.body.contains("<script>alert"),
            "unescaped:\n{}",
            page.body
        );
        assert!(!page.body.contains("<b>bold"), "unescaped:\n{}", page.body);
    }
    assert!(pages[0].body.contains("e1"));
    assert!(
        pages[1]
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(
        pages[1]
            .body
            .contains("&lt;script&gt;alert(2)&lt;/script&gt;")
    );
    assert!(
        pages[1]
            .body
            .contains("&lt;script&gt;alert(3)&lt;/script&gt;")
    );
    assert!(
        pages[4]
            .body
            .contains("&lt;script&gt;alert(4)&lt;/script&gt;")
    );
    assert!(
        pages[4]
            .body
            .contains("&lt;script&gt;alert(5)&lt;/script&gt;")
    );
    // Only the page's own script tag, loaded from this server.
    for page in &pages {
        assert_eq!(page.body.matches("<script").count(), 1, "{}", page.body);
        assert!(page.body.contains("<script src=\"/assets/app.js\""));
    }
    let csp = pages[1].header("Content-Security-Policy").expect("CSP");
    assert!(csp.contains("default-src 'self'"), "{csp}");
}

#[test]
fn unknown_articles_languages_segments_and_pages_are_404_with_a_message() {
    let (ws, s) = served();
    let before = files(&ws);
    let cases = [
        ("/article/nowhere/fr", "nowhere"),
        ("/article/harbour/de", "de"),
        ("/article/harbour/xx-!!", "xx-!!"),
        ("/article/Bad..Slug/fr", "Bad..Slug"),
        ("/nothing/here", "/nothing/here"),
        ("/export?article=harbour&lang=de", "de"),
        ("/export?edition=nope&lang=fr", "nope"),
    ];
    for (path, named) in cases {
        let reply = s.get(path);
        assert_eq!(reply.status, 404, "{path}: {}", reply.body);
        assert!(
            reply.body.contains(named),
            "{path} does not name {named}: {}",
            reply.body
        );
    }
    let form = with(
        s.get(WORKBENCH).form(&format!("{WORKBENCH}/6")),
        "action",
        "save",
    );
    for n in ["99", "0", "abc", "-1"] {
        let reply = s.post(&format!("{WORKBENCH}/{n}"), &form);
        assert_eq!(reply.status, 404, "segment {n}: {}", reply.body);
        assert!(reply.body.contains(n), "{}", reply.body);
    }
    let bad = s.post(
        &format!("{WORKBENCH}/6"),
        &with(form.clone(), "action", "delete"),
    );
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("delete"));
    let no_id: Vec<_> = form.iter().filter(|(k, _)| k != "id").cloned().collect();
    assert_eq!(s.post(&format!("{WORKBENCH}/6"), &no_id).status, 400);
    assert_eq!(s.get("/export?lang=fr").status, 400);
    assert_eq!(
        s.get("/export?article=harbour&lang=fr&format=docx").status,
        400
    );
    let origin = format!("http://{}", s.host);
    let delete = s.raw(
        "DELETE",
        WORKBENCH,
        &[("Cookie", &s.cookie()), ("Origin", &origin)],
        "",
    );
    assert_eq!(delete.status, 400);
    assert_eq!(files(&ws), before);
    // Still serving after all that.
    s.get("/").status(200);
}

#[test]
fn export_downloads_what_the_cli_writes_and_refuses_an_incomplete_one() {
    let (ws, s) = served();
    let refused = s
        .get("/export?article=harbour&lang=fr&bilingual=1")
        .status(409);
    // Each segment the CLI names, as a link to it in the workbench; no CLI option.
    let cli = ws.run(&["export", "harbour", "-l", "fr", "--bilingual"]);
    assert_eq!(cli.code, 1);
    assert_eq!(
        cli.stderr
            .lines()
            .filter(|l| l.contains("harbour.md"))
            .count(),
        2,
        "{}",
        cli.stderr
    );
    let doc = scraper::Html::parse_document(&refused.body);
    let links: Vec<&str> = doc
        .select(&scraper::Selector::parse("ul.gaps a").expect("selector"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        links,
        [
            "/article/harbour/fr?state=all&amp;focus=5#seg-5",
            "/article/harbour/fr?state=all&amp;focus=6#seg-6"
        ]
        .map(|l| l.replace("&amp;", "&")),
        "{}",
        refused.body
    );
    assert!(!refused.body.contains("--allow-incomplete"));
    assert!(refused.body.contains("href=\"/article/harbour/fr\""));
    ws.run(&["accept", "harbour", "5", "-l", "fr"]).success();
    ws.run(&[
        "set",
        "harbour",
        "6",
        "-l",
        "fr",
        "--text",
        "Marées, page 4.",
    ])
    .success();
    for (format, kind) in [
        ("html", "text/html"),
        ("md", "text/markdown"),
        ("txt", "text/plain"),
    ] {
        let reply = s
            .get(&format!(
                "/export?article=harbour&lang=fr&bilingual=1&format={format}"
            ))
            .status(200);
        assert!(
            reply
                .header("Content-Type")
                .expect("type")
                .starts_with(kind)
        );
        assert_eq!(
            reply.header("Content-Disposition"),
            Some(format!("attachment; filename=\"harbour.en-fr.{format}\"").as_str())
        );
        let cli = ws
            .run(&[
                "export",
                "harbour",
                "-l",
                "fr",
                "--bilingual",
                "--format",
                format,
            ])
            .success();
        assert_eq!(reply.body, cli.stdout);
    }
}

#[test]
fn the_interface_follows_accept_language_and_the_switch() {
    let (_ws, s) = served();
    let fr = s
        .get_with(
            WORKBENCH,
            &[("Accept-Language", "de-DE, fr;q=0.8, en;q=0.5")],
        )
        .status(200);
    assert!(fr.body.contains("<html lang=\"fr\""));
    assert!(
        fr.body.contains("Enregistrer comme brouillon"),
        "{}",
        fr.body
    );
    assert!(fr.body.contains("Modifié depuis la traduction"));
    let es = s
        .get_with(&format!("{WORKBENCH}?ui=es"), &[("Accept-Language", "fr")])
        .status(200);
    assert!(es.body.contains("Guardar como borrador"));
    let cookie = es
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("Set-Cookie"))
        .map(|(_, v)| v.as_str())
        .find(|v| v.starts_with("bitext_ui="))
        .expect("ui cookie");
    assert!(cookie.starts_with("bitext_ui=es;"), "{cookie}");
    let remembered = s
        .get_with(
            "/",
            &[("Cookie", "bitext_ui=es"), ("Accept-Language", "fr")],
        )
        .status(200);
    // Two Cookie headers: the server reads both.
    assert!(remembered.body.contains("Panel"), "{}", remembered.body);
    // The textarea carries the target language for the spell checker.
    assert!(fr.body.contains("name=\"text\" lang=\"fr\""));
}

#[test]
fn a_held_lock_refuses_the_write_with_503_and_writes_nothing() {
    let ws = Ws::stale_and_missing();
    let s = Served::start_with(&ws, &[], &[("BITEXT_LOCK_TIMEOUT", "0.2")]);
    let form = with(
        s.get(WORKBENCH).form(&format!("{WORKBENCH}/6")),
        "action",
        "save",
    );
    let form = with(form, "text", "Marées, page 4.");
    ws.write(".bitext.lock", format!("{}\n", std::process::id()));
    let before = files(&ws);
    let reply = s.post(&format!("{WORKBENCH}/6"), &form);
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert!(reply.body.contains(".bitext.lock"));
    assert_eq!(files(&ws), before);
    std::fs::remove_file(ws.path(".bitext.lock")).expect("unlock");
    s.post(&format!("{WORKBENCH}/6"), &form).status(303);
}

#[test]
fn ctrl_c_stops_cleanly_with_the_lock_released() {
    let (ws, s) = served();
    let form = with(
        s.get(WORKBENCH).form(&format!("{WORKBENCH}/6")),
        "action",
        "save",
    );
    s.post(
        &format!("{WORKBENCH}/6"),
        &with(form, "text", "Marées, page 4."),
    )
    .status(303);
    let (code, stderr) = s.stop();
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("stopped"), "{stderr}");
    assert!(!ws.path(".bitext.lock").exists());
    ws.run(&["status"]).success();
    let leftovers: Vec<_> = std::fs::read_dir(ws.path("translations/fr"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("harbour.json")]);
}

#[test]
fn a_port_in_use_is_an_error_naming_it() {
    let ws = Ws::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    ws.run(&["serve", "--port", &port]).error(&[&port]);
}

#[test]
fn suggestions_from_the_memory_are_offered_for_unfinished_segments() {
    let ws = Ws::new();
    ws.write(
        "sources/first.md",
        "The council met on Monday to discuss the budget for the coming year.\n",
    );
    ws.run(&[
        "set",
        "first",
        "1",
        "-l",
        "fr",
        "--text",
        "Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.",
    ])
    .success();
    ws.write(
        "sources/second.md",
        "The council met on Tuesday to discuss the budget for the coming year.\n",
    );
    let s = Served::start(&ws);
    let page = s.get("/article/second/fr").status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let selector = scraper::Selector::parse("#seg-1 button.suggest").expect("selector");
    let suggestion = doc.select(&selector).next().unwrap_or_else(|| {
        panic!("no suggestion:\n{}", page.body);
    });
    assert_eq!(
        suggestion.value().attr("data-text"),
        Some("Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.")
    );
    assert_eq!(suggestion.value().attr("data-target"), Some("t-1"));
    assert!(suggestion.text().collect::<String>().contains("first #1"));
    // A current segment gets none: its translation is done.
    let done = s.get("/article/first/fr").status(200);
    assert!(!done.body.contains("class=\"suggest\""), "{}", done.body);
}

/// The data-text of the first suggestion for segment 1 of `path`'s page.
fn first_suggestion(s: &Served, path: &str) -> Option<String> {
    let page = s.get(path).status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let selector = scraper::Selector::parse("#seg-1 button.suggest").expect("selector");
    doc.select(&selector)
        .next()
        .and_then(|b| b.value().attr("data-text").map(str::to_owned))
}

#[test]
fn a_translation_recorded_by_the_cli_changes_the_suggestions_on_the_next_page_load() {
    let ws = Ws::new();
    ws.write(
        "sources/first.md",
        "The council met on Monday to discuss the budget for the coming year.\n",
    );
    ws.run(&[
        "set",
        "first",
        "1",
        "-l",
        "fr",
        "--text",
        "Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.",
    ])
    .success();
    // Settled files: the server may keep the memory it opens from them.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for rel in [
        "translations/fr/first.json",
        "sources/first.md",
        "translations/fr",
    ] {
        std::fs::File::open(ws.path(rel))
            .and_then(|f| f.set_modified(old))
            .expect("set mtime");
    }
    ws.write(
        "sources/second.md",
        "The council met on Tuesday to discuss the budget for the coming year.\n",
    );
    let s = Served::start(&ws);
    assert_eq!(
        first_suggestion(&s, "/article/second/fr").as_deref(),
        Some("Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.")
    );
    // Twice: the second page uses the memory kept from the first.
    assert_eq!(
        first_suggestion(&s, "/article/second/fr").as_deref(),
        Some("Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.")
    );
    ws.run(&[
        "set",
        "first",
        "1",
        "-l",
        "fr",
        "--text",
        "Le conseil s'est réuni lundi afin d'examiner le budget de l'an prochain.",
    ])
    .success();
    assert_eq!(
        first_suggestion(&s, "/article/second/fr").as_deref(),
        Some("Le conseil s'est réuni lundi afin d'examiner le budget de l'an prochain.")
    );
}

#[test]
fn error_level_findings_ask_for_confirmation_before_saving() {
    let (ws, s) = served();
    let before = files(&ws);
    let form = with(
        s.get(WORKBENCH).form(&format!("{WORKBENCH}/6")),
        "action",
        "save",
    );
    // The source says page 4; a translation that says page 5 fails the numbers check.
    let wrong = with(form, "text", "Les tables des marées sont en page 5.");
    let reply = s.post(&format!("{WORKBENCH}/6"), &wrong).status(422);
    assert!(reply.body.contains("Save anyway"), "{}", reply.body);
    assert!(reply.body.contains("numbers"), "{}", reply.body);
    assert_eq!(files(&ws), before);
    let confirmed = reply.form(&format!("{WORKBENCH}/6"));
    assert!(confirmed.contains(&("confirm".to_owned(), "1".to_owned())));
    s.post(&format!("{WORKBENCH}/6"), &confirmed).status(303);
    assert_eq!(
        unit(&ws, 6)["target"],
        "Les tables des marées sont en page 5."
    );
    // The finding stays visible on the workbench.
    let page = s.get(WORKBENCH).status(200);
    assert!(page.body.contains("class=\"findings\""), "{}", page.body);
}

/// Each article row of the dashboard: its segment count, and per target language the counts
/// of current, stale, missing and draft segments.
fn dashboard_rows(s: &Served) -> std::collections::BTreeMap<String, (usize, Vec<[usize; 4]>)> {
    dashboard_rows_at(s, "/")
}

/// The article rows of the dashboard page at `path`: each article's segments and its counts
/// (current, stale, missing, draft) in each language.
pub(crate) fn dashboard_rows_at(
    s: &Served,
    path: &str,
) -> std::collections::BTreeMap<String, (usize, Vec<[usize; 4]>)> {
    let page = s.get(path).status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let row = scraper::Selector::parse("table.articles tbody tr").expect("selector");
    let th = scraper::Selector::parse("th").expect("selector");
    let td = scraper::Selector::parse("td").expect("selector");
    let count = |cell: scraper::ElementRef<'_>, class: &str| -> usize {
        let selector = scraper::Selector::parse(&format!("span.{class}")).expect("selector");
        cell.select(&selector).next().map_or(0, |span| {
            let text: String = span.text().collect();
            text.split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .expect("a count")
        })
    };
    doc.select(&row)
        .map(|tr| {
            let _ = tr.select(&th).next().expect("th");
            let slug = tr
                .value()
                .attr("data-article")
                .expect("data-article")
                .to_owned();
            let mut cells = tr.select(&td);
            let number = scraper::Selector::parse("span.n").expect("selector");
            let segments: usize = cells
                .next()
                .expect("segments")
                .select(&number)
                .next()
                .expect("the count")
                .text()
                .collect::<String>()
                .parse()
                .expect("a number");
            let langs = cells
                .map(|cell| {
                    ["c-current", "c-stale", "c-missing", "c-draft"].map(|c| count(cell, c))
                })
                .collect();
            (slug, (segments, langs))
        })
        .collect()
}

/// The state of each segment card of a workbench page.
fn card_states(s: &Served, path: &str) -> Vec<String> {
    let page = s.get(path).status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let card = scraper::Selector::parse("article.seg").expect("selector");
    doc.select(&card)
        .map(|c| c.value().attr("data-state").expect("data-state").to_owned())
        .collect()
}

/// Waits until every file written so far has settled: the server trusts a file's stamp only
/// some time after its last change, and recomputes its article on every request before, which
/// would let these tests pass even if the server never noticed a change.
fn settle() {
    std::thread::sleep(std::time::Duration::from_millis(2200));
}

/// Rewrites `rel` in place (same inode), replacing `from` with `to` of the same length, then
/// puts its modification time back, as an editor that keeps times might: only the content
/// and the change time tell.
#[track_caller]
fn edit_in_place_keeping_time(ws: &Ws, rel: &str, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let path = ws.path(rel);
    let text = ws.read(rel);
    assert!(text.contains(from), "{rel} has no {from:?}");
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime");
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&path)
        .expect("open in place");
    file.write_all(text.replace(from, to).as_bytes())
        .expect("write in place");
    file.set_modified(modified).expect("set mtime");
}

const FIVE_CURRENT: [usize; 4] = [5, 0, 0, 0];
const FIVE_MISSING: [usize; 4] = [0, 0, 5, 0];

#[test]
fn a_source_edited_in_place_shows_on_the_next_dashboard_and_page_even_with_its_time_put_back() {
    let ws = Ws::translated();
    settle();
    let s = Served::start(&ws);
    let rows = dashboard_rows(&s);
    assert_eq!(rows["harbour"], (5, vec![FIVE_CURRENT, FIVE_MISSING]));
    assert!(card_states(&s, WORKBENCH).iter().all(|st| st == "current"));
    // Twice: the second dashboard comes from what the server kept.
    assert_eq!(dashboard_rows(&s), rows);
    edit_in_place_keeping_time(&ws, "sources/harbour.md", "on the quay", "on the pier");
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (5, vec![[4, 1, 0, 0], FIVE_MISSING])
    );
    assert_eq!(card_states(&s, WORKBENCH)[4], "stale");
    // An edit of the usual kind (a new size and time) too.
    ws.edit_source("harbour", "The council met", "The town council met");
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (5, vec![[3, 2, 0, 0], FIVE_MISSING])
    );
    assert_eq!(card_states(&s, WORKBENCH)[1], "stale");
}

#[test]
fn a_translation_file_changed_by_another_process_shows_on_the_next_dashboard_and_page() {
    let ws = Ws::translated();
    settle();
    let s = Served::start(&ws);
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (5, vec![FIVE_CURRENT, FIVE_MISSING])
    );
    // The CLI replaces the file (a rename).
    ws.run(&[
        "set",
        "harbour",
        "3",
        "-l",
        "es",
        "--text",
        "Los pescadores dijeron que la pesca ha caído.",
    ])
    .success();
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (5, vec![FIVE_CURRENT, [1, 0, 4, 0]])
    );
    assert_eq!(card_states(&s, "/article/harbour/es")[2], "current");
    settle();
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (5, vec![FIVE_CURRENT, [1, 0, 4, 0]])
    );
    // Another program edits the French file in place, with the same size and time: the
    // unit now says it was translated from another text.
    edit_in_place_keeping_time(
        &ws,
        "translations/fr/harbour.json",
        "on the quay",
        "on the pier",
    );
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (5, vec![[4, 1, 0, 0], [1, 0, 4, 0]])
    );
    assert_eq!(card_states(&s, WORKBENCH)[4], "stale");
}

#[test]
fn articles_added_and_removed_show_on_the_next_dashboard_and_page() {
    let ws = Ws::translated();
    ws.write("sources/quay.md", "# The quay\n\nIt was rebuilt.\n");
    ws.translate_all("quay", "fr");
    settle();
    let s = Served::start(&ws);
    let rows = dashboard_rows(&s);
    assert_eq!(
        rows.keys().collect::<Vec<_>>(),
        vec!["harbour", "quay"],
        "{rows:?}"
    );
    assert_eq!(rows["quay"], (2, vec![[2, 0, 0, 0], [0, 0, 2, 0]]));
    ws.write(
        "sources/beacon.md",
        "# The beacon\n\nIt shines.\n\nAt night.\n",
    );
    std::fs::remove_file(ws.path("sources/quay.md")).expect("remove");
    std::fs::remove_file(ws.path("translations/fr/quay.json")).expect("remove");
    let rows = dashboard_rows(&s);
    assert_eq!(
        rows.keys().collect::<Vec<_>>(),
        vec!["beacon", "harbour"],
        "{rows:?}"
    );
    assert_eq!(rows["beacon"], (3, vec![[0, 0, 3, 0], [0, 0, 3, 0]]));
    assert_eq!(card_states(&s, "/article/beacon/fr"), ["missing"; 3]);
    assert_eq!(s.get("/article/quay/fr").status, 404);
    // Back again, with other text: nothing is kept from the removed one.
    ws.write(
        "sources/quay.md",
        "# The quay\n\nIt was rebuilt in stone.\n",
    );
    assert_eq!(
        dashboard_rows(&s)["quay"],
        (2, vec![[0, 0, 2, 0], [0, 0, 2, 0]])
    );
}

#[test]
fn a_save_from_the_workbench_shows_on_the_next_dashboard() {
    let ws = Ws::stale_and_missing();
    settle();
    let s = Served::start(&ws);
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (6, vec![[4, 1, 1, 0], [0, 0, 6, 0]])
    );
    let form = with(
        s.get(WORKBENCH).form(&format!("{WORKBENCH}/6")),
        "action",
        "draft",
    );
    s.post(
        &format!("{WORKBENCH}/6"),
        &with(form, "text", "Marées, page 4."),
    )
    .status(303);
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (6, vec![[4, 1, 0, 1], [0, 0, 6, 0]])
    );
    let accept = with(
        s.get(WORKBENCH).form(&format!("{WORKBENCH}/5")),
        "action",
        "accept",
    );
    s.post(&format!("{WORKBENCH}/5"), &accept).status(303);
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (6, vec![[5, 0, 0, 1], [0, 0, 6, 0]])
    );
}

#[test]
fn a_target_language_added_to_the_project_file_shows_on_the_next_dashboard() {
    let ws = Ws::translated();
    settle();
    let s = Served::start(&ws);
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (5, vec![FIVE_CURRENT, FIVE_MISSING])
    );
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\", \"de\"]\n",
    );
    ws.run(&["set", "harbour", "1", "-l", "de", "--text", "Der Hafenrat"])
        .success();
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (5, vec![FIVE_CURRENT, FIVE_MISSING, [1, 0, 4, 0]])
    );
}

#[test]
fn suggestions_follow_translations_changed_removed_and_added_while_serving() {
    const MONDAY: &str = "Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.";
    const AGAIN: &str = "Le conseil s'est réuni lundi afin d'examiner le budget de l'an prochain.";
    const THIRD: &str = "Lundi, le conseil a discuté du budget de l'année à venir.";
    let ws = Ws::new();
    ws.write(
        "sources/first.md",
        "The council met on Monday to discuss the budget for the coming year.\n",
    );
    ws.run(&["set", "first", "1", "-l", "fr", "--text", MONDAY])
        .success();
    ws.write(
        "sources/second.md",
        "The council met on Tuesday to discuss the budget for the coming year.\n",
    );
    ws.write(
        "sources/third.md",
        "The council met on Monday to discuss the budget for the coming year!\n",
    );
    // Settled files: the server trusts the memory it opens from them, and must notice
    // each change below by itself.
    settle();
    let s = Served::start(&ws);
    assert_eq!(
        first_suggestion(&s, "/article/second/fr").as_deref(),
        Some(MONDAY)
    );
    ws.run(&["set", "first", "1", "-l", "fr", "--text", AGAIN])
        .success();
    let page = s.get("/article/second/fr").status(200);
    assert_eq!(
        first_suggestion(&s, "/article/second/fr").as_deref(),
        Some(AGAIN)
    );
    assert!(
        !page.body.contains("discuter du budget"),
        "the replaced translation is still suggested:\n{}",
        page.body
    );
    std::fs::remove_file(ws.path("translations/fr/first.json")).expect("remove");
    assert_eq!(first_suggestion(&s, "/article/second/fr"), None);
    ws.run(&["set", "third", "1", "-l", "fr", "--text", THIRD])
        .success();
    assert_eq!(
        first_suggestion(&s, "/article/second/fr").as_deref(),
        Some(THIRD)
    );
}

#[test]
fn a_restarted_server_checks_the_rows_it_saved_against_the_files() {
    let ws = Ws::translated();
    ws.write("sources/quay.md", "# The quay\n\nIt was rebuilt.\n");
    settle();
    let s = Served::start(&ws);
    let rows = dashboard_rows(&s);
    assert_eq!(rows["harbour"], (5, vec![FIVE_CURRENT, FIVE_MISSING]));
    let (code, stderr) = s.stop();
    assert_eq!(code, 0, "{stderr}");
    let saved = ws.read(".bitext-cache/dashboard.json");
    assert!(saved.contains("\"harbour\""), "{saved}");
    // The saved rows are what the next server starts from: one with its files unchanged is
    // served as saved (here with counts made up, to show they are used at all) ...
    let mut doctored: serde_json::Value = serde_json::from_str(&saved).expect("JSON");
    for row in doctored["rows"].as_array_mut().expect("rows") {
        if row["article"] == "quay" {
            row["counts"] = serde_json::json!([[1, 0, 1, 0], [0, 0, 2, 0]]);
        }
    }
    ws.write(".bitext-cache/dashboard.json", doctored.to_string());
    // ... and one whose files changed while no server ran is counted again.
    edit_in_place_keeping_time(&ws, "sources/harbour.md", "on the quay", "on the pier");
    let s = Served::start(&ws);
    let rows = dashboard_rows(&s);
    assert_eq!(rows["harbour"], (5, vec![[4, 1, 0, 0], FIVE_MISSING]));
    assert_eq!(rows["quay"], (2, vec![[1, 0, 1, 0], [0, 0, 2, 0]]));
    // A saved file that cannot be read is no more than a missing one.
    drop(s);
    ws.write(".bitext-cache/dashboard.json", "{not json");
    let s = Served::start(&ws);
    let rows = dashboard_rows(&s);
    assert_eq!(rows["harbour"], (5, vec![[4, 1, 0, 0], FIVE_MISSING]));
    assert_eq!(rows["quay"], (2, vec![[0, 0, 2, 0], [0, 0, 2, 0]]));
}

#[test]
fn an_edition_added_to_the_project_file_shows_on_the_next_dashboard_in_every_language() {
    let ws = Ws::translated();
    settle();
    let s = Served::start(&ws);
    for ui in ["en", "fr"] {
        let page = s.get(&format!("/?ui={ui}")).status(200);
        assert!(!page.body.contains("issue-9"), "{}", page.body);
    }
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n[[edition]]\nid = \"issue-9\"\nvolume = 1\nnumber = 9\ndate = \"2024-01\"\narticles = [\"harbour\"]\n",
    );
    for ui in ["en", "fr"] {
        let page = s.get(&format!("/?ui={ui}")).status(200);
        assert!(page.body.contains("issue-9"), "{}", page.body);
        assert!(page.body.contains(&format!("<html lang=\"{ui}\"")));
    }
}

#[test]
fn a_translation_file_broken_while_serving_is_an_error_on_the_dashboard_not_old_counts() {
    let ws = Ws::translated();
    settle();
    let s = Served::start(&ws);
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (5, vec![FIVE_CURRENT, FIVE_MISSING])
    );
    let good = ws.read("translations/fr/harbour.json");
    ws.write("translations/fr/harbour.json", "{\"format\": 1,");
    let broken = s.get("/");
    assert_eq!(broken.status, 500, "{}", broken.body);
    assert!(
        broken.body.contains("translations/fr/harbour.json"),
        "{}",
        broken.body
    );
    ws.write("translations/fr/harbour.json", good);
    assert_eq!(
        dashboard_rows(&s)["harbour"],
        (5, vec![FIVE_CURRENT, FIVE_MISSING])
    );
}

#[test]
fn accept_of_the_sixty_seventy_case_is_refused_like_the_cli_and_goes_through_when_confirmed() {
    let ws = crate::support::sample_copy();
    ws.edit_source(SAMPLE, "over 60 deaths", "over 70 deaths");
    let s = Served::start(&ws);
    let page = format!("/article/{SAMPLE}/fr");
    let post = format!("{page}/6");
    let before = files(&ws);
    let form = with(s.get(&page).status(200).form(&post), "action", "accept");
    let reply = s.post(&post, &form).status(422);
    assert!(reply.body.contains("Confirm the accept"), "{}", reply.body);
    assert!(reply.body.contains("Accept anyway"), "{}", reply.body);
    // What the translator confirms is the translation on disk, shown as it is, not a text box.
    let page = scraper::Html::parse_document(&reply.body);
    let shown = scraper::Selector::parse("#accepted-text").expect("selector");
    let kept: String = page
        .select(&shown)
        .next()
        .expect("the translation to accept")
        .text()
        .collect();
    assert!(kept.contains("60"), "{kept}");
    assert!(!reply.body.contains("<textarea"), "{}", reply.body);
    assert!(
        reply
            .body
            .contains("the number 70 of the source is not in the translation"),
        "{}",
        reply.body
    );
    assert_eq!(files(&ws), before, "a refused accept writes nothing");
    assert_eq!(ws.states(SAMPLE, "fr")[5], "stale");

    let confirmed = reply.form(&post);
    assert!(confirmed.contains(&("confirm".to_owned(), "1".to_owned())));
    assert!(confirmed.contains(&("action".to_owned(), "accept".to_owned())));
    s.post(&post, &confirmed).status(303);
    assert_eq!(ws.states(SAMPLE, "fr")[5], "current");
    let unit = &ws.json(&format!("translations/fr/{SAMPLE}.json"))["units"][5];
    let target = unit["target"].as_str().expect("target");
    assert!(
        target.contains("60"),
        "the translation is kept as it was: {target}"
    );
    assert!(
        unit["source"]
            .as_str()
            .expect("source")
            .contains("over 70 deaths")
    );
}

/// The workspace-relative paths the server opened while `action` ran, read from `strace`
/// attached to the running server: between a request for a marker article before and one
/// after, so that nothing else the server does is counted.
fn opened_during(s: &Served, ws: &Ws, strace: &str, action: impl FnOnce()) -> Vec<String> {
    touched_during(s, ws, strace, "open", action)
}

/// The workspace-relative paths the server named in a file system call whose line holds
/// `call` (`open`; `stat` for `stat`, `statx` and `newfstatat`; empty for any) while
/// `action` ran, as [`opened_during`] reads them.
pub(crate) fn touched_during(
    s: &Served,
    ws: &Ws,
    strace: &str,
    call: &str,
    action: impl FnOnce(),
) -> Vec<String> {
    // A log of its own for each call, so that no marker of an earlier one is ever read.
    let log = tempfile::NamedTempFile::new()
        .expect("log")
        .into_temp_path();
    let pid = s.child.as_ref().expect("running").id().to_string();
    let mut tracer = Command::new(strace)
        .args(["-f", "-qq", "-e", "trace=%file", "-o"])
        .arg(&*log)
        .args(["-p", &pid])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn strace");
    let logged = |marker: &str| {
        for _ in 0..200 {
            let _ = s.get(&format!("/article/{marker}/fr"));
            if std::fs::read_to_string(&log).is_ok_and(|text| text.contains(marker)) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("strace never logged {marker}");
    };
    logged("zz-marker-before");
    action();
    logged("zz-marker-after");
    interrupt(&tracer);
    let _ = tracer.wait();
    let text = std::fs::read_to_string(&log).expect("strace log");
    let root = format!("{}/", ws.root().display());
    let start = text.find("zz-marker-before").expect("before");
    let end = text.rfind("zz-marker-after").expect("after");
    let _ = tracer.stderr.take();
    text[start..end]
        .lines()
        .filter(|line| line.contains(call) && !line.contains("zz-marker"))
        .filter_map(|line| {
            let path = line.split('"').nth(1)?;
            Some(path.strip_prefix(&root).unwrap_or(path).to_owned())
        })
        .collect()
}

#[test]
fn a_save_and_an_accept_read_only_their_article_files_each_at_most_twice() {
    let Some(strace) = crate::support::tool(&["strace"]) else {
        return;
    };
    let ws = Ws::stale_and_missing();
    ws.translate_all("harbour", "es");
    ws.write(
        "sources/other.md",
        "# Another article\n\nWith a paragraph of its own.\n",
    );
    ws.translate_all("other", "fr");
    ws.translate_all("other", "es");
    // The background thread checks the memories against the files every few hundred
    // milliseconds, reading what a save changed: not during this test, which counts what the
    // requests read.
    let s = Served::start_with(&ws, &[], &[("BITEXT_SERVE_POLL_MS", "3600000")]);
    // The dashboard waits for the warm-up's counts of every article, and each workbench for
    // its language's memory, which the warm-up builds from every file of that language: all
    // read before the measured requests, however slow the machine.
    s.get("/").status(200);
    s.get("/article/harbour/es").status(200);
    let save = with(
        with(
            s.get(WORKBENCH).form(&format!("{WORKBENCH}/6")),
            "action",
            "save",
        ),
        "text",
        "Les tables des marées sont imprimées en page 4.",
    );
    let accept = with(
        s.get(WORKBENCH).form(&format!("{WORKBENCH}/5")),
        "action",
        "accept",
    );
    for (what, form, n) in [("save", save, 6), ("accept", accept, 5)] {
        let opened = opened_during(&s, &ws, &strace, || {
            s.post(&format!("{WORKBENCH}/{n}"), &form).status(303);
        });
        let count = |rel: &str| opened.iter().filter(|p| *p == rel).count();
        for rel in ["sources/harbour.md", "translations/fr/harbour.json"] {
            assert!(
                (1..=2).contains(&count(rel)),
                "{what} opened {rel} {} times: {opened:#?}",
                count(rel)
            );
        }
        let others: Vec<&String> = opened
            .iter()
            .filter(|p| {
                p.starts_with("sources/") && *p != "sources/harbour.md"
                    || p.starts_with("translations/es/")
                    || p.starts_with("translations/fr/other")
            })
            .collect();
        assert!(
            others.is_empty(),
            "{what} read other articles' files: {others:#?}"
        );
    }
    assert_eq!(ws.states("harbour", "fr")[4..6], ["current", "current"]);
}

#[test]
fn a_nested_article_with_any_name_has_its_workbench_at_a_percent_encoded_url() {
    let ws = Ws::new();
    let name = "2024/Spring Notes é";
    ws.write(&format!("sources/{name}.md"), crate::support::ARTICLE);
    let s = Served::start(&ws);
    let url = "/article/2024%2FSpring%20Notes%20%C3%A9/fr";
    let dashboard = s.get("/").status(200);
    assert!(dashboard.body.contains(url), "{}", dashboard.body);
    let page = s.get(url).status(200);
    assert!(page.body.contains("2024/Spring Notes é"), "{}", page.body);
    let form = with(
        with(page.form(&format!("{url}/2")), "action", "save"),
        "text",
        "Le conseil s’est réuni lundi.",
    );
    let saved = s.post(&format!("{url}/2"), &form).status(303);
    assert!(
        saved.header("Location").is_some_and(|l| l.starts_with(url)),
        "{saved:?}"
    );
    let file = ws.json(&format!("translations/fr/{name}.json"));
    assert_eq!(file["article"], name);
    assert_eq!(file["units"][1]["target"], "Le conseil s’est réuni lundi.");
}

/// The text of every element `selector` picks on the page at `path`.
fn texts(s: &Served, path: &str, selector: &str) -> Vec<String> {
    let page = s.get(path).status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let selector = scraper::Selector::parse(selector).expect("selector");
    doc.select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn serve_counts_agree_with_their_state_word_in_french_and_spanish() {
    let ws = Ws::translated();
    ws.translate_all("harbour", "es");
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend.", "next weekend!")
            + "\nThe tide tables are printed on page 4.\n",
    );
    for lang in ["fr", "es"] {
        ws.run(&[
            "set", "harbour", "1", "-l", lang, "--draft", "--text", "Le port",
        ])
        .success();
    }
    let s = Served::start(&ws);
    // One segment of each: the singular.
    let one = [
        ("fr", ["1 périmé", "1 manquant", "1 brouillon"]),
        ("es", ["1 desactualizado", "1 pendiente", "1 borrador"]),
    ];
    for (ui, words) in one {
        for path in [
            format!("/?ui={ui}"),
            format!("/article/harbour/{ui}?ui={ui}"),
        ] {
            for (class, word) in ["c-stale", "c-missing", "c-draft"].iter().zip(words) {
                let found = texts(&s, &path, &format!("span.{class}"));
                assert!(!found.is_empty(), "{path} {class}");
                assert!(found.iter().all(|t| t == word), "{path}: {found:?}");
            }
        }
    }
    drop(s);
    // Three of each: the plural.
    ws.write(
        "sources/harbour.md",
        ARTICLE
            .replace("Monday", "Tuesday")
            .replace("a third", "a quarter")
            .replace("end of the month", "end of the week")
            + "\nThe tide tables are printed on page 4.\n\nThe ferry runs twice a day.\n\n\
               The school reopens in March.\n\nThe market moves to the square.\n",
    );
    for lang in ["fr", "es"] {
        for n in ["1", "5", "6"] {
            ws.run(&[
                "set",
                "harbour",
                n,
                "-l",
                lang,
                "--draft",
                "--text",
                "Brouillon.",
            ])
            .success();
        }
    }
    let s = Served::start(&ws);
    let three = [
        ("fr", ["3 périmés", "3 manquants", "3 brouillons"]),
        ("es", ["3 desactualizados", "3 pendientes", "3 borradores"]),
    ];
    for (ui, words) in three {
        for path in [
            format!("/?ui={ui}"),
            format!("/article/harbour/{ui}?ui={ui}"),
        ] {
            for (class, word) in ["c-stale", "c-missing", "c-draft"].iter().zip(words) {
                let found = texts(&s, &path, &format!("span.{class}"));
                assert!(!found.is_empty(), "{path} {class}");
                assert!(found.iter().all(|t| t == word), "{path}: {found:?}");
            }
        }
    }
}
