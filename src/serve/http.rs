//! The HTTP layer without the network: a request as the routes see it, a response as they
//! make it, form and query decoding, and the guard that refuses requests without the token or
//! from another site.
//!
//! Keeping this apart from the socket ([`super::server`], [`super::wire`]) lets the routes be
//! plain functions from [`Request`] to [`Response`].

use std::fmt::Write as _;

/// A request, reduced to what the routes read.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path, percent-decoded, without the query.
    pub path: String,
    /// The path's non-empty segments, each percent-decoded (so an escaped `/` stays inside
    /// its segment).
    pub segments: Vec<String>,
    /// Decoded query parameters, in order.
    pub query: Vec<(String, String)>,
    /// Headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body (a URL-encoded form for `POST`).
    pub body: Vec<u8>,
}

impl Request {
    /// Builds a request from a method, a raw URL (`/path?query`), headers and a body.
    #[must_use]
    pub fn new(method: &str, url: &str, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        Self {
            method: method.to_ascii_uppercase(),
            path: percent_decode(path, false),
            segments: path
                .split('/')
                .filter(|p| !p.is_empty())
                .map(|p| percent_decode(p, false))
                .collect(),
            query: parse_urlencoded(query),
            headers: headers
                .into_iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v))
                .collect(),
            body,
        }
    }

    /// The first header named `name` (lower case).
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first query parameter named `name`.
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&str> {
        lookup(&self.query, name)
    }

    /// The value of cookie `name`.
    #[must_use]
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k == "cookie")
            .flat_map(|(_, v)| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }

    /// The body decoded as a URL-encoded form.
    #[must_use]
    pub fn form(&self) -> Vec<(String, String)> {
        parse_urlencoded(&String::from_utf8_lossy(&self.body))
    }
}

/// The first value named `name` in decoded pairs.
#[must_use]
pub fn lookup<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A response: status, headers and body.
#[derive(Debug, Clone)]
pub struct Response {
    /// HTTP status code.
    pub status: u16,
    /// Headers, besides `Content-Length`.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// An HTML page.
    #[must_use]
    pub fn html(status: u16, body: String) -> Self {
        Self::with_type(status, "text/html; charset=utf-8", body.into_bytes())
    }

    /// A body of the given content type.
    #[must_use]
    pub fn with_type(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Self {
            status,
            headers: vec![
                ("Content-Type".to_owned(), content_type.to_owned()),
                // Everything the pages load comes from this server: no other origin may add
                // a script, a style, a frame or a form target.
                (
                    "Content-Security-Policy".to_owned(),
                    "default-src 'self'; img-src 'self' data:; form-action 'self'; \
                     frame-ancestors 'none'; base-uri 'none'"
                        .to_owned(),
                ),
                ("X-Content-Type-Options".to_owned(), "nosniff".to_owned()),
                // Not `no-referrer`: with it, browsers send `Origin: null` on form posts.
                ("Referrer-Policy".to_owned(), "same-origin".to_owned()),
                ("Cache-Control".to_owned(), "no-store".to_owned()),
            ],
            body,
        }
    }

    /// A `303 See Other` to `location`.
    #[must_use]
    pub fn redirect(location: &str) -> Self {
        let mut response = Self::with_type(303, "text/plain; charset=utf-8", Vec::new());
        response
            .headers
            .push(("Location".to_owned(), location.to_owned()));
        response
    }

    /// Adds a header.
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The body as text (for tests and logs).
    #[must_use]
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Decodes `a=1&b=x+y` into pairs, `+` as space, percent escapes as UTF-8 (lossily).
#[must_use]
pub fn parse_urlencoded(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

/// Decodes percent escapes; with `plus`, `+` means a space (forms and queries).
#[must_use]
pub fn percent_decode(raw: &str, plus: bool) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' if plus => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a query or path component: everything but unreserved characters is escaped.
#[must_use]
pub fn percent_encode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

pub use bitext_core::model::hex;

/// Why the guard refused a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The `Host` header names another server (DNS rebinding).
    Host,
    /// No token, or a wrong one.
    Token,
    /// A state-changing request from another origin, or with none (CSRF).
    Origin,
}

/// Who may talk to the server: the token, and the host names it answers to.
#[derive(Debug, Clone)]
pub struct Guard {
    /// The secret every request must carry, in the query or in the cookie.
    pub token: String,
    /// `host:port` values accepted in `Host`; empty accepts any (a wildcard bind address).
    pub hosts: Vec<String>,
    /// The cookie holding the token, named after the port so that two servers on one machine
    /// keep their own.
    pub cookie: String,
}

impl Guard {
    /// Checks a request. Returns whether the token came in the query (the page then sets
    /// the cookie, so links need not carry it).
    ///
    /// # Errors
    /// The [`Refusal`]: the caller answers 403.
    pub fn check(&self, request: &Request) -> Result<bool, Refusal> {
        let host = request.header("host").unwrap_or("");
        if !self.hosts.is_empty() && !self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            return Err(Refusal::Host);
        }
        let from_query = request.param("token");
        let given = from_query.or_else(|| request.cookie(&self.cookie));
        if !given.is_some_and(|t| same(t.as_bytes(), self.token.as_bytes())) {
            return Err(Refusal::Token);
        }
        if request.method != "GET" && request.method != "HEAD" {
            let expected = format!("http://{host}");
            if !request
                .header("origin")
                .is_some_and(|o| o.eq_ignore_ascii_case(&expected))
            {
                return Err(Refusal::Origin);
            }
        }
        Ok(from_query.is_some())
    }
}

/// Compares two secrets in time independent of where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The interface languages, best first, from an `Accept-Language` header:
/// `fr-CH, fr;q=0.9, en;q=0.8` gives `fr-CH`, `fr`, `en`.
#[must_use]
pub fn accepted_languages(header: &str) -> Vec<String> {
    let mut ranked: Vec<(f32, usize, String)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            if tag.is_empty() || tag == "*" {
                return None;
            }
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then(|| (q, i, tag.to_owned()))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.into_iter().map(|(_, _, tag)| tag).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard() -> Guard {
        Guard {
            token: "s3cret".to_owned(),
            hosts: vec!["127.0.0.1:8000".to_owned(), "localhost:8000".to_owned()],
            cookie: "bitext_token_8000".to_owned(),
        }
    }

    fn request(method: &str, url: &str, headers: &[(&str, &str)]) -> Request {
        Request::new(
            method,
            url,
            headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            Vec::new(),
        )
    }

    #[test]
    fn forms_decode_plus_percent_and_utf8() {
        assert_eq!(
            parse_urlencoded("text=L%27%C3%A9t%C3%A9+dernier&n=3&empty="),
            vec![
                ("text".to_owned(), "L'été dernier".to_owned()),
                ("n".to_owned(), "3".to_owned()),
                ("empty".to_owned(), String::new()),
            ]
        );
        assert_eq!(percent_decode("100%", true), "100%");
        assert_eq!(percent_decode("%zz%4", true), "%zz%4");
        assert_eq!(percent_decode("a+b", false), "a+b");
        assert_eq!(percent_encode("a b/é"), "a%20b%2F%C3%A9");
    }

    #[test]
    fn the_guard_wants_the_host_the_token_and_for_writes_the_origin() {
        let g = guard();
        let ok = [("host", "127.0.0.1:8000")];
        assert_eq!(g.check(&request("GET", "/?token=s3cret", &ok)), Ok(true));
        assert_eq!(
            g.check(&request(
                "GET",
                "/",
                &[
                    ("host", "localhost:8000"),
                    ("cookie", "a=b; bitext_token_8000=s3cret")
                ]
            )),
            Ok(false)
        );
        assert_eq!(g.check(&request("GET", "/", &ok)), Err(Refusal::Token));
        assert_eq!(
            g.check(&request("GET", "/?token=s3creT", &ok)),
            Err(Refusal::Token)
        );
        assert_eq!(
            g.check(&request(
                "GET",
                "/?token=s3cret",
                &[("host", "evil.example:8000")]
            )),
            Err(Refusal::Host)
        );
        assert_eq!(
            g.check(&request("POST", "/?token=s3cret", &ok)),
            Err(Refusal::Origin)
        );
        assert_eq!(
            g.check(&request(
                "POST",
                "/?token=s3cret",
                &[
                    ("host", "127.0.0.1:8000"),
                    ("origin", "http://evil.example")
                ]
            )),
            Err(Refusal::Origin)
        );
        assert_eq!(
            g.check(&request(
                "POST",
                "/?token=s3cret",
                &[
                    ("host", "127.0.0.1:8000"),
                    ("origin", "http://127.0.0.1:8000")
                ]
            )),
            Ok(true)
        );
    }

    #[test]
    fn accept_language_is_ranked_by_quality_then_order() {
        assert_eq!(
            accepted_languages("en;q=0.5, fr-CH, es;q=0.9, de;q=0, *"),
            vec!["fr-CH", "es", "en"]
        );
        assert!(accepted_languages("").is_empty());
    }
}
