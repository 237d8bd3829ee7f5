//! `bitext serve` against clients that misbehave, over raw sockets: half-sent bodies, heads
//! over the limit, requests without the token, idle connections by the hundred, a stop
//! signal in the middle of a request; keep-alive; and the pages of a long article.
//!
//! The limits are made small through the `BITEXT_SERVE_*` variables so that each case takes
//! a moment. Reads carry a generous timeout only so that a broken server fails the test
//! rather than hanging it.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::time::Duration;

use crate::serve::{Served, form_body, with};
use crate::support::Ws;

/// Long enough that only a broken server reaches it.
const PATIENCE: Duration = Duration::from_secs(20);

/// A connection to the server.
fn connect(s: &Served) -> TcpStream {
    let stream = TcpStream::connect(&s.host).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    stream
}

/// One response read from `reader`: status, headers (names in lower case), body.
fn response(reader: &mut BufReader<TcpStream>) -> (u16, Vec<(String, String)>, String) {
    let mut line = String::new();
    reader.read_line(&mut line).expect("status line");
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {line:?}"));
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("header line");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (k, v) = line.split_once(':').expect("field");
        headers.push((k.to_ascii_lowercase(), v.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .map(|(_, v)| v.parse().expect("length"))
        .expect("Content-Length");
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("body");
    (status, headers, String::from_utf8(body).expect("UTF-8"))
}

/// Sends `raw` on a new connection and reads one response.
fn exchange(s: &Served, raw: &[u8]) -> (u16, Vec<(String, String)>, String) {
    let mut stream = connect(s);
    stream.write_all(raw).expect("send");
    response(&mut BufReader::new(stream))
}

/// Returns true if and only if the server closed `stream` (a read gives end of file or a
/// reset) within [`PATIENCE`].
fn closed(stream: &mut TcpStream) -> bool {
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => return e.kind() == std::io::ErrorKind::ConnectionReset,
        }
    }
}

/// Returns true if and only if nothing arrives on `stream` for a moment: the server is still
/// waiting for the rest of the request.
fn still_waiting(stream: &mut TcpStream) -> bool {
    stream
        .set_read_timeout(Some(Duration::from_millis(300)))
        .expect("timeout");
    let mut byte = [0u8; 1];
    let waiting = matches!(
        stream.read(&mut byte),
        Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut)
    );
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    waiting
}

/// A field of `/proc/PID/status`, as a number (`VmRSS` in kB, `Threads`).
fn proc_status(pid: u32, field: &str) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc");
    status
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {field} in\n{status}"))
}

/// The head of a POST to the workbench with the token and the origin, announcing `length`
/// bytes of body.
fn tokened_post_head(s: &Served, length: usize) -> String {
    format!(
        "POST /article/harbour/fr/1 HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n\
         Origin: http://{host}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {length}\r\n\r\n",
        host = s.host,
        cookie = s.cookie()
    )
}

#[test]
fn a_half_sent_body_holds_only_its_own_connection() {
    let ws = Ws::translated();
    let s = Served::start(&ws);
    // With the token, so that the server does wait for the body.
    let mut half = connect(&s);
    half.write_all(tokened_post_head(&s, 2000).as_bytes())
        .expect("send");
    half.write_all(b"ab").expect("send");
    assert!(still_waiting(&mut half));
    // Every other client is answered meanwhile, the dashboard and the workbench alike.
    s.get("/").status(200);
    s.get("/article/harbour/fr").status(200);
    let mut without_token = connect(&s);
    without_token
        .write_all(
            format!(
                "POST /x HTTP/1.1\r\nHost: {}\r\nContent-Length: 2000\r\n\r\nab",
                s.host
            )
            .as_bytes(),
        )
        .expect("send");
    assert_eq!(response(&mut BufReader::new(without_token)).0, 403);
    s.get("/").status(200);
    // The half-sent request was waiting all along: the rest of its body gets it answered.
    assert!(still_waiting(&mut half));
    half.write_all(&[b'x'; 1998]).expect("send");
    let (status, _, body) = response(&mut BufReader::new(half));
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("action"), "{body}");
}

#[test]
fn a_request_that_does_not_arrive_in_time_is_answered_408_and_closed() {
    let ws = Ws::translated();
    let s = Served::start_with(&ws, &[], &[("BITEXT_SERVE_REQUEST_MS", "300")]);
    let mut half_body = connect(&s);
    half_body
        .write_all(tokened_post_head(&s, 100).as_bytes())
        .expect("send");
    let mut half_head = connect(&s);
    half_head
        .write_all(format!("GET / HTTP/1.1\r\nHost: {}\r\n", s.host).as_bytes())
        .expect("send");
    for stream in [half_body, half_head] {
        let mut reader = BufReader::new(stream);
        let (status, headers, body) = response(&mut reader);
        assert_eq!(status, 408, "{body}");
        assert!(body.contains("did not arrive in time"), "{body}");
        assert!(headers.contains(&("connection".to_owned(), "close".to_owned())));
        assert!(closed(reader.get_mut()));
    }
    s.get("/").status(200);
}

#[test]
fn a_head_over_the_limit_is_431_and_the_server_keeps_no_more_than_the_limit() {
    const SENT: usize = 50 << 20;
    let ws = Ws::translated();
    let s = Served::start_with(&ws, &[], &[("BITEXT_SERVE_HEAD_BYTES", "8192")]);
    // Let the start-up settle, and the pages' first allocations happen, before measuring.
    s.get("/").status(200);
    s.get("/article/harbour/fr").status(200);
    std::thread::sleep(Duration::from_millis(500));
    let before = proc_status(s.pid(), "VmRSS");
    let mut stream = connect(&s);
    let mut writer = stream.try_clone().expect("clone");
    let host = s.host.clone();
    // One header field of 50 MB, without the token, sent while the answer is read.
    let sender = std::thread::spawn(move || {
        let _ = writer.write_all(format!("GET / HTTP/1.1\r\nHost: {host}\r\nX-Big: ").as_bytes());
        let chunk = vec![b'a'; 1 << 16];
        let mut sent = 0;
        while sent < SENT {
            if writer.write_all(&chunk).is_err() {
                break;
            }
            sent += chunk.len();
        }
        sent
    });
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let (status, _, body) = response(&mut reader);
    assert_eq!(status, 431, "{body}");
    assert!(body.contains("8192 bytes"), "{body}");
    let sent = sender.join().expect("sender");
    let after = proc_status(s.pid(), "VmRSS");
    assert!(closed(&mut stream));
    // The limit is 8 kB; with what the allocator may add, the growth stays within 1 MB, where
    // keeping the field would cost the 50 MB sent.
    assert!(
        after < before + 1024,
        "VmRSS went from {before} kB to {after} kB after {sent} bytes of header"
    );
    s.get("/").status(200);
}

#[test]
fn a_request_without_the_token_is_refused_before_its_body_is_sent() {
    let ws = Ws::translated();
    let s = Served::start(&ws);
    let before = crate::serve::files(&ws);
    // Its head announces a body that never comes: the refusal does not wait for it.
    let mut stream = connect(&s);
    stream
        .write_all(
            format!(
                "POST /article/harbour/fr/1 HTTP/1.1\r\nHost: {}\r\nContent-Length: 500000\r\n\r\n",
                s.host
            )
            .as_bytes(),
        )
        .expect("send");
    let mut reader = BufReader::new(stream);
    let (status, headers, body) = response(&mut reader);
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("token"), "{body}");
    assert!(headers.contains(&("connection".to_owned(), "close".to_owned())));
    assert!(closed(reader.get_mut()));
    // Nor does one that asks to continue first.
    let (status, _, _) = exchange(
        &s,
        format!(
            "POST /article/harbour/fr/1 HTTP/1.1\r\nHost: {}\r\nExpect: 100-continue\r\n\
             Content-Length: 500000\r\n\r\n",
            s.host
        )
        .as_bytes(),
    );
    assert_eq!(status, 403);
    assert_eq!(crate::serve::files(&ws), before);
}

#[test]
fn bodies_and_heads_the_server_cannot_read_get_their_status_in_the_clients_language() {
    let ws = Ws::translated();
    let s = Served::start_with(&ws, &[], &[("BITEXT_SERVE_BODY_BYTES", "1000")]);
    let host = &s.host;
    let cookie = s.cookie();
    let post = |fields: &str| {
        format!(
            "POST /article/harbour/fr/1 HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n\
             Origin: http://{host}\r\n{fields}\r\n"
        )
    };
    let cases: [(String, u16, &str); 6] = [
        (
            post("Transfer-Encoding: chunked\r\n"),
            411,
            "Content-Length",
        ),
        (post("Transfer-Encoding: gzip\r\n"), 501, "Content-Length"),
        (post("Content-Length: 1001\r\n"), 413, "1000 bytes"),
        (post("Content-Length: 12, 13\r\n"), 400, "Content-Length"),
        (
            format!("GET / HTTP/2.0\r\nHost: {host}\r\n\r\n"),
            505,
            "HTTP/1.1",
        ),
        ("GET /\r\n\r\n".to_owned(), 400, "not well-formed"),
    ];
    for (raw, status, part) in &cases {
        let (got, _, body) = exchange(&s, raw.as_bytes());
        assert_eq!(got, *status, "{raw}\n{body}");
        assert!(body.contains(part), "{raw}\n{body}");
    }
    let (status, _, body) = exchange(
        &s,
        post("Accept-Language: fr\r\nTransfer-Encoding: chunked\r\n").as_bytes(),
    );
    assert_eq!(status, 411);
    assert!(body.contains("ne sont pas acceptés\u{a0}:"), "{body}");
    s.get("/").status(200);
}

#[test]
fn many_idle_connections_do_not_keep_a_client_out_nor_start_threads() {
    let ws = Ws::translated();
    let s = Served::start_with(
        &ws,
        &[],
        &[
            ("BITEXT_SERVE_CONNECTIONS", "16"),
            ("BITEXT_SERVE_WORKERS", "2"),
        ],
    );
    s.get("/").status(200);
    let threads = proc_status(s.pid(), "Threads");
    let mut idle: Vec<TcpStream> = (0..100).map(|_| connect(&s)).collect();
    // Every connection is taken before the next client comes.
    std::thread::sleep(Duration::from_millis(300));
    s.get("/").status(200);
    s.get("/article/harbour/fr").status(200);
    assert_eq!(proc_status(s.pid(), "Threads"), threads);
    // The ones idle longest made room: the first are closed, the last still open.
    assert!(closed(&mut idle[0]));
    assert!(still_waiting(&mut idle[99]));
}

#[test]
fn idle_connections_are_closed_after_the_timeout() {
    let ws = Ws::translated();
    let s = Served::start_with(&ws, &[], &[("BITEXT_SERVE_IDLE_MS", "300")]);
    // One that never sends a byte.
    let mut silent = connect(&s);
    // One kept alive after an answer.
    let mut kept = connect(&s);
    kept.write_all(
        format!(
            "GET / HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\n\r\n",
            s.host,
            s.cookie()
        )
        .as_bytes(),
    )
    .expect("send");
    let mut reader = BufReader::new(kept.try_clone().expect("clone"));
    let (status, headers, _) = response(&mut reader);
    assert_eq!(status, 200);
    assert!(!headers.iter().any(|(k, _)| k == "connection"));
    assert!(closed(&mut silent));
    assert!(closed(reader.get_mut()));
}

#[test]
fn a_kept_alive_connection_answers_twenty_requests_in_turn_and_pipelined_ones_in_order() {
    let ws = Ws::translated();
    let s = Served::start(&ws);
    let stream = connect(&s);
    let mut writer = stream.try_clone().expect("clone");
    let mut reader = BufReader::new(stream);
    let get = |path: &str| {
        format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\n\r\n",
            s.host,
            s.cookie()
        )
    };
    for i in 0..20 {
        let path = if i % 2 == 0 {
            "/"
        } else {
            "/article/harbour/fr"
        };
        writer.write_all(get(path).as_bytes()).expect("send");
        let (status, _, body) = response(&mut reader);
        assert_eq!(status, 200, "request {i}: {body}");
        assert!(body.contains("</html>"), "request {i}");
    }
    // Two requests in one write, and a HEAD: answered in order, the HEAD without its body.
    let both = get("/assets/app.css") + &get("/assets/app.js").replacen("GET", "HEAD", 1);
    writer.write_all(both.as_bytes()).expect("send");
    let (status, headers, css) = response(&mut reader);
    assert_eq!(status, 200);
    assert!(headers.contains(&(
        "content-type".to_owned(),
        "text/css; charset=utf-8".to_owned()
    )));
    assert!(css.contains('{'));
    let mut line = String::new();
    reader.read_line(&mut line).expect("status line");
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");
    let mut head = String::new();
    while line.trim_end() != "" {
        head.push_str(&line);
        line.clear();
        reader.read_line(&mut line).expect("header");
    }
    assert!(head.contains("text/javascript"), "{head}");
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .and_then(|v| v.parse().ok())
        .expect("length");
    assert!(length > 100, "{head}");
    // No body follows the HEAD's answer: the next answer comes right after it.
    writer.write_all(get("/").as_bytes()).expect("send");
    assert_eq!(response(&mut reader).0, 200);
}

#[test]
fn a_full_queue_is_answered_503_at_once_and_queued_requests_are_answered_later() {
    let ws = Ws::translated();
    // One worker, one place in the queue; the worker is held by a save waiting 3 s for a lock
    // another process holds.
    let s = Served::start_with(
        &ws,
        &[],
        &[
            ("BITEXT_SERVE_WORKERS", "1"),
            ("BITEXT_SERVE_QUEUE", "1"),
            ("BITEXT_LOCK_TIMEOUT", "3"),
        ],
    );
    let page = "/article/harbour/fr";
    let form = with(
        s.get(page).status(200).form(&format!("{page}/1")),
        "action",
        "save",
    );
    ws.write(".bitext.lock", format!("{}\n", std::process::id()));
    let body = form_body(&with(form, "text", "Le port."));
    let mut save = connect(&s);
    save.write_all(tokened_post_head(&s, body.len()).as_bytes())
        .expect("send");
    save.write_all(body.as_bytes()).expect("send");
    // Let the worker take the save before the next requests come.
    std::thread::sleep(Duration::from_millis(300));
    let get = format!(
        "GET / HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\n\r\n",
        s.host,
        s.cookie()
    );
    let mut queued = connect(&s);
    queued.write_all(get.as_bytes()).expect("send");
    let (status, headers, body) = exchange(&s, get.as_bytes());
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("busy"), "{body}");
    assert!(headers.contains(&("connection".to_owned(), "close".to_owned())));
    // The save ends with the lock's timeout, then the queued request is answered.
    let (status, _, body) = response(&mut BufReader::new(save));
    assert_eq!(status, 503, "{body}");
    assert!(body.contains(".bitext.lock"), "{body}");
    assert_eq!(response(&mut BufReader::new(queued)).0, 200);
    std::fs::remove_file(ws.path(".bitext.lock")).expect("unlock");
    s.get("/").status(200);
}

#[test]
fn sigterm_during_a_half_sent_body_stops_the_server() {
    let ws = Ws::translated();
    let mut s = Served::start(&ws);
    let mut half = connect(&s);
    half.write_all(tokened_post_head(&s, 2000).as_bytes())
        .expect("send");
    half.write_all(b"ab").expect("send");
    let _idle = connect(&s);
    assert!(still_waiting(&mut half));
    let status = std::process::Command::new("kill")
        .args(["-TERM", &s.pid().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let (code, stderr) = s
        .exited_within(Duration::from_secs(5))
        .expect("the server stops while a body is half sent");
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("stopped"), "{stderr}");
    assert!(closed(&mut half));
    assert!(!ws.path(".bitext.lock").exists());
}

#[test]
fn a_limit_that_is_not_a_count_is_an_error_naming_the_variable() {
    let ws = Ws::translated();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bitext"))
        .arg("-C")
        .arg(ws.root())
        .arg("serve")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("BITEXT_SERVE_WORKERS", "0")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.contains("BITEXT_SERVE_WORKERS must be a whole number above zero"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

/// Paragraphs of the long article: `n` of them, every third mentioning the harbour.
fn long_article(n: usize) -> String {
    (1..=n)
        .map(|i| {
            if i % 3 == 0 {
                format!("Paragraph {i} is about the harbour.\n\n")
            } else {
                format!("Paragraph {i} is about the town.\n\n")
            }
        })
        .collect()
}

/// The positions of the segment cards on a page.
fn cards(body: &str) -> Vec<usize> {
    let doc = scraper::Html::parse_document(body);
    let selector = scraper::Selector::parse("article.seg").expect("selector");
    doc.select(&selector)
        .map(|e| {
            e.value()
                .attr("data-n")
                .expect("data-n")
                .parse()
                .expect("n")
        })
        .collect()
}

/// The `href` of the links matching `selector`.
fn links(body: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(body);
    let selector = scraper::Selector::parse(selector).expect("selector");
    doc.select(&selector)
        .map(|e| e.value().attr("href").expect("href").to_owned())
        .collect()
}

/// A workspace with an article of 1,200 paragraphs, segments 250 and 700 translated in French,
/// and its server.
fn long_served() -> (Ws, Served) {
    let ws = Ws::new();
    ws.write("sources/long.md", long_article(1200));
    for n in ["250", "700"] {
        ws.run(&["set", "long", n, "-l", "fr", "--text", "Traduit."])
            .success();
    }
    let s = Served::start(&ws);
    (ws, s)
}

#[test]
fn a_long_article_is_paged_with_the_filter_and_the_search_across_pages() {
    let (_ws, s) = long_served();
    let page = "/article/long/fr";

    // One page of 200 segments, the counts of the whole article, a link to the next page.
    let first = s.get(page).status(200);
    assert_eq!(cards(&first.body), (1..=200).collect::<Vec<_>>());
    assert!(first.body.contains("2 current"), "{}", first.body);
    assert!(first.body.contains("1198 missing"), "{}", first.body);
    assert!(
        first
            .body
            .contains("Segments 1 to 200 of the 1200 shown, page 1 of 6"),
        "{}",
        first.body
    );
    let next = links(&first.body, "nav.pages a[rel=next]");
    assert_eq!(next[0], "/article/long/fr?state=all&page=2");
    assert_eq!(
        cards(&s.get(&next[0]).status(200).body),
        (201..=400).collect::<Vec<_>>()
    );
    let last = s.get(&format!("{page}?page=6")).status(200);
    assert_eq!(cards(&last.body), (1001..=1200).collect::<Vec<_>>());
    assert!(links(&last.body, "nav.pages a[rel=next]").is_empty());

    // The filter works across pages: its second page skips the current segment 250, and its
    // page links keep it.
    let missing = s.get(&format!("{page}?state=missing&page=2")).status(200);
    let shown = cards(&missing.body);
    assert_eq!(shown.len(), 200);
    assert_eq!((shown[0], shown[199]), (201, 401));
    assert!(!shown.contains(&250));
    assert_eq!(
        links(&missing.body, "nav.pages a[rel=next]")[0],
        "/article/long/fr?state=missing&page=3"
    );
    let current = s.get(&format!("{page}?state=current")).status(200);
    assert_eq!(cards(&current.body), vec![250, 700]);
    assert!(links(&current.body, "nav.pages a").is_empty());

    // So does the search: 400 paragraphs mention the harbour, on two pages.
    let found = s.get(&format!("{page}?state=all&q=HARBOUR")).status(200);
    assert!(
        found.body.contains("400 segments contain “HARBOUR”"),
        "{}",
        found.body
    );
    assert_eq!(
        cards(&found.body),
        (1..=200).map(|k| 3 * k).collect::<Vec<_>>()
    );
    let second = links(&found.body, "nav.pages a[rel=next]");
    assert_eq!(second[0], "/article/long/fr?state=all&q=HARBOUR&page=2");
    assert_eq!(
        cards(&s.get(&second[0]).status(200).body),
        (201..=400).map(|k| 3 * k).collect::<Vec<_>>()
    );
    // The search matches translations too, and combines with the filter.
    let translated = s
        .get(&format!("{page}?state=current&q=traduit"))
        .status(200);
    assert_eq!(cards(&translated.body), vec![250, 700]);
}

#[test]
fn a_link_to_a_segment_and_a_save_land_on_the_page_holding_it() {
    let (ws, s) = long_served();
    let page = "/article/long/fr";
    // A link to a segment opens the page holding it.
    let focused = s.get(&format!("{page}?state=all&focus=999")).status(200);
    assert!(cards(&focused.body).contains(&999));
    assert_eq!(cards(&focused.body)[0], 801);

    // A save lands on the page of the saved segment, and a save-and-next on the next one's.
    let on_page_4 = s.get(&format!("{page}?page=4")).status(200);
    let post = format!("{page}/650");
    let form = with(
        with(on_page_4.form(&post), "action", "save"),
        "text",
        "Le paragraphe 650.",
    );
    let saved = s.post(&post, &form).status(303);
    let location = saved.header("Location").expect("Location").to_owned();
    assert!(location.ends_with("#t-650"), "{location}");
    let landed = s.get(location.split('#').next().expect("path")).status(200);
    assert!(cards(&landed.body).contains(&650));
    assert!(
        landed.body.contains("Segment 650 saved."),
        "{}",
        landed.body
    );

    let post = format!("{page}/800");
    let form = with(
        with(
            with(on_page_4.form(&post), "action", "save"),
            "text",
            "Le paragraphe 800.",
        ),
        "advance",
        "1",
    );
    let saved = s.post(&post, &form).status(303);
    let location = saved.header("Location").expect("Location").to_owned();
    assert!(location.ends_with("#t-801"), "{location}");
    let landed = s.get(location.split('#').next().expect("path")).status(200);
    assert_eq!(cards(&landed.body)[0], 801);

    // A save from a filtered, searched page keeps the view.
    let view = s
        .get(&format!("{page}?state=missing&q=harbour&page=2"))
        .status(200);
    let post = format!("{page}/903");
    let fields = with(
        with(view.form(&post), "action", "save"),
        "text",
        "Le port, 903.",
    );
    assert!(form_body(&fields).contains("q=harbour"));
    let saved = s.post(&post, &fields).status(303);
    let location = saved.header("Location").expect("Location").to_owned();
    assert!(location.contains("state=missing&q=harbour&"), "{location}");
    let landed = s.get(location.split('#').next().expect("path")).status(200);
    let shown = cards(&landed.body);
    assert!(!shown.contains(&903), "saved, so no longer missing");
    assert!(shown.contains(&906), "the page it was on: {shown:?}");
    assert_eq!(ws.states("long", "fr")[902], "current");
}
