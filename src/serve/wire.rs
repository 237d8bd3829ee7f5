//! HTTP/1.1 on the wire, without the socket: a request's head parsed from bytes within a
//! size limit ([`HeadParser`]), and a response written as one buffer ([`encode`]).
//!
//! Only `Content-Length` bodies are accepted: a chunked request body is refused with 411
//! (Length Required, so the client may send it again with a length), any other transfer
//! coding with 501. Nothing here allocates more than the bytes it is given, and the head is
//! never longer than [`Limits::head`]: past it, [`Malformed::TooLarge`] (431).
//!
//! The module uses nothing but `std`, and the fuzz target `http_head` drives [`HeadParser`]
//! with arbitrary bytes, whole and in pieces.

use std::fmt::Write as _;

/// What a request may weigh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest head (request line and header fields, with their line ends), in bytes.
    pub head: usize,
    /// Largest body, in bytes.
    pub body: usize,
    /// Most header fields.
    pub fields: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            head: 64 * 1024,
            body: 1 << 20,
            fields: 100,
        }
    }
}

/// Why a request head is refused, by [`HeadParser::parse`] (its size and syntax) or by
/// [`Head::framing`] (its fields); each has its status ([`Malformed::status`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Malformed {
    /// The head is longer than the limit, or has too many fields: 431.
    TooLarge,
    /// Not HTTP: a malformed request line or field, a bare CR, a control character: 400.
    Syntax,
    /// An HTTP version other than 1.0 and 1.1: 505.
    Version,
    /// No `Host` field in an HTTP/1.1 request, or more than one: 400.
    Host,
    /// A `Content-Length` that is not a number, several that differ, or one alongside
    /// `Transfer-Encoding`: 400.
    Length,
    /// A chunked body, which needs a `Content-Length` instead: 411.
    Chunked,
    /// A transfer coding other than chunked: 501.
    Coding,
    /// A body longer than the limit: 413.
    BodyTooLarge,
    /// An `Expect` other than `100-continue`: 417.
    Expectation,
}

impl Malformed {
    /// The status answering it.
    #[must_use]
    pub fn status(self) -> u16 {
        match self {
            Self::TooLarge => 431,
            Self::Syntax | Self::Host | Self::Length => 400,
            Self::Version => 505,
            Self::Chunked => 411,
            Self::Coding => 501,
            Self::BodyTooLarge => 413,
            Self::Expectation => 417,
        }
    }
}

/// A parsed request head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The method, as sent (a token).
    pub method: String,
    /// The request target in origin form (`/path?query`), or `*`; an absolute-form target is
    /// reduced to its path and query, its authority becoming the `host` field.
    pub target: String,
    /// `1` for HTTP/1.1, `0` for HTTP/1.0.
    pub minor: u8,
    /// The header fields in order, names in lower case, values without surrounding white
    /// space (bytes that are not UTF-8 replaced).
    pub fields: Vec<(String, String)>,
}

/// How a request's body and connection are framed, from its head ([`Head::framing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Framing {
    /// The body's length (0 when none is announced).
    pub length: usize,
    /// Whether the connection may carry another request after this one.
    pub keep_alive: bool,
    /// Whether the client waits for `100 Continue` before sending the body.
    pub expect_continue: bool,
}

/// Finds and parses a request head in a buffer that grows as bytes arrive. It remembers how
/// far it looked, so bytes trickling in one at a time cost no more than one look at each.
#[derive(Debug, Default, Clone)]
pub struct HeadParser {
    scanned: usize,
}

impl HeadParser {
    /// A parser for the next head.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Looks for a complete head at the start of `buf` (the bytes received so far for this
    /// request). `Ok(None)`: more bytes are needed, and `buf` is within the limit. `Ok(Some((head,
    /// used)))`: the head, and how many bytes of `buf` it took (what follows is the body, or
    /// the next request).
    ///
    /// # Errors
    /// Why the head is refused; the connection should answer with its status and close.
    pub fn parse(
        &mut self,
        buf: &[u8],
        limits: &Limits,
    ) -> Result<Option<(Head, usize)>, Malformed> {
        // Empty lines before a request line are ignored (RFC 9112, section 2.2); they count
        // towards the limit like any byte.
        let mut start = 0;
        loop {
            match &buf[start..] {
                [b'\r', b'\n', ..] => start += 2,
                [b'\n', ..] => start += 1,
                [b'\r'] | [] => return pending(buf, limits),
                _ => break,
            }
        }
        let from = self.scanned.max(start);
        let Some(end) = head_end(buf, from) else {
            self.scanned = buf.len().saturating_sub(2).max(start);
            return pending(buf, limits);
        };
        if end > limits.head {
            return Err(Malformed::TooLarge);
        }
        let head = parse_head(&buf[start..end], limits)?;
        self.scanned = 0;
        Ok(Some((head, end)))
    }
}

/// The answer for a head not complete in `buf`: wait for more, unless `buf` is already as long
/// as a head may be.
fn pending(buf: &[u8], limits: &Limits) -> Result<Option<(Head, usize)>, Malformed> {
    if buf.len() >= limits.head {
        Err(Malformed::TooLarge)
    } else {
        Ok(None)
    }
}

/// The index just past the empty line that ends a head: after the first `\n` at or after
/// `from` that is followed by `\r\n` or `\n`.
fn head_end(buf: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(offset) = buf.get(i..)?.iter().position(|&b| b == b'\n') {
        let at = i + offset;
        match buf.get(at + 1..) {
            Some([b'\n', ..]) => return Some(at + 2),
            Some([b'\r', b'\n', ..]) => return Some(at + 3),
            _ => i = at + 1,
        }
    }
    None
}

/// Parses a complete head (without leading empty lines, with its final empty line).
fn parse_head(raw: &[u8], limits: &Limits) -> Result<Head, Malformed> {
    let mut lines = raw
        .split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line));
    let request_line = lines.next().ok_or(Malformed::Syntax)?;
    let (method, target, minor) = request_line_parts(request_line)?;
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.is_empty() {
            break;
        }
        if fields.len() == limits.fields {
            return Err(Malformed::TooLarge);
        }
        fields.push(field(line)?);
    }
    let (target, authority) = origin_form(&target)?;
    if let Some(authority) = authority {
        // The authority of an absolute-form target replaces any Host field (RFC 9112,
        // section 3.2.2); it counts as a field.
        fields.retain(|(name, _)| name != "host");
        if fields.len() == limits.fields {
            return Err(Malformed::TooLarge);
        }
        fields.push(("host".to_owned(), authority));
    }
    Ok(Head {
        method,
        target,
        minor,
        fields,
    })
}

impl Head {
    /// The values of field `name` (lower case), in order.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// How the body and the connection are framed: one `Host` (HTTP/1.1), one
    /// `Content-Length` within the limit and no transfer coding, an `Expect` understood.
    ///
    /// # Errors
    /// Why the request cannot be read; the connection should answer with its status and
    /// close.
    pub fn framing(&self, limits: &Limits) -> Result<Framing, Malformed> {
        let minor = self.minor;
        let hosts = self.values("host").count();
        if hosts > 1 || (minor == 1 && hosts == 0) {
            return Err(Malformed::Host);
        }
        let codings: Vec<String> = self
            .values("transfer-encoding")
            .flat_map(|v| v.split(','))
            .map(|c| c.trim().to_ascii_lowercase())
            .filter(|c| !c.is_empty())
            .collect();
        let lengths: Vec<&str> = self
            .values("content-length")
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        if self.values("transfer-encoding").next().is_some() {
            if !lengths.is_empty() || minor == 0 {
                return Err(Malformed::Length);
            }
            return Err(if codings.last().is_some_and(|c| c == "chunked") {
                Malformed::Chunked
            } else {
                Malformed::Coding
            });
        }
        let length = match lengths.first() {
            None => 0,
            Some(first) => {
                if lengths.iter().any(|l| l != first)
                    || first.is_empty()
                    || !first.bytes().all(|b| b.is_ascii_digit())
                {
                    return Err(Malformed::Length);
                }
                match first.parse::<usize>() {
                    Ok(n) if n <= limits.body => n,
                    _ => return Err(Malformed::BodyTooLarge),
                }
            }
        };
        let close = self
            .values("connection")
            .flat_map(|v| v.split(','))
            .any(|t| t.trim().eq_ignore_ascii_case("close"));
        let mut expect_continue = false;
        for expectation in self.values("expect") {
            if expectation.eq_ignore_ascii_case("100-continue") {
                expect_continue = minor == 1;
            } else {
                return Err(Malformed::Expectation);
            }
        }
        Ok(Framing {
            length,
            keep_alive: minor == 1 && !close,
            expect_continue,
        })
    }
}

/// `METHOD SP target SP HTTP/1.x`.
fn request_line_parts(line: &[u8]) -> Result<(String, String, u8), Malformed> {
    let mut parts = line.split(|&b| b == b' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Malformed::Syntax);
    };
    if method.is_empty() || !method.iter().all(|&b| is_tchar(b)) {
        return Err(Malformed::Syntax);
    }
    if target.is_empty() || !target.iter().all(|&b| (0x21..=0x7e).contains(&b)) {
        return Err(Malformed::Syntax);
    }
    let minor = match version {
        b"HTTP/1.1" => 1,
        b"HTTP/1.0" => 0,
        [b'H', b'T', b'T', b'P', b'/', major, b'.', minor]
            if major.is_ascii_digit() && minor.is_ascii_digit() =>
        {
            return Err(Malformed::Version);
        }
        _ => return Err(Malformed::Syntax),
    };
    // Both are ASCII, checked above.
    Ok((
        String::from_utf8_lossy(method).into_owned(),
        String::from_utf8_lossy(target).into_owned(),
        minor,
    ))
}

/// The target in origin form, and the authority of an absolute-form target.
fn origin_form(target: &str) -> Result<(String, Option<String>), Malformed> {
    if target.starts_with('/') || target == "*" {
        return Ok((target.to_owned(), None));
    }
    let lower = target.to_ascii_lowercase();
    let rest = ["http://", "https://"]
        .iter()
        .find_map(|scheme| lower.starts_with(scheme).then(|| &target[scheme.len()..]))
        .ok_or(Malformed::Syntax)?;
    let split = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(split);
    if authority.is_empty() || authority.contains('@') {
        return Err(Malformed::Syntax);
    }
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    Ok((path, Some(authority.to_owned())))
}

/// `name: value`, the name a token, the value without control characters but tab.
fn field(line: &[u8]) -> Result<(String, String), Malformed> {
    let colon = line
        .iter()
        .position(|&b| b == b':')
        .ok_or(Malformed::Syntax)?;
    let (name, value) = (&line[..colon], &line[colon + 1..]);
    // No white space before the colon, nor a folded line (RFC 9112, section 5).
    if name.is_empty() || !name.iter().all(|&b| is_tchar(b)) {
        return Err(Malformed::Syntax);
    }
    if value.iter().any(|&b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        return Err(Malformed::Syntax);
    }
    let value = value.trim_ascii();
    Ok((
        String::from_utf8_lossy(name).to_ascii_lowercase(),
        String::from_utf8_lossy(value).into_owned(),
    ))
}

/// A character of a token (RFC 9110, section 5.6.2).
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The reason phrase of `status`.
#[must_use]
pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        417 => "Expectation Failed",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// A whole response in one buffer, so that it leaves in one write: the status line, `Date`,
/// `headers` (any with a line break in its name or value is left out), `Content-Length`,
/// `Connection: close` when `close`, then the body unless `head_only` (an answer to `HEAD`,
/// which announces the length the body would have).
#[must_use]
pub fn encode(
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    head_only: bool,
    close: bool,
    date: &str,
) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {status} {}\r\nDate: {date}\r\n", reason(status));
    let clean = |s: &str| !s.bytes().any(|b| b == b'\r' || b == b'\n');
    for (name, value) in headers {
        if clean(name) && clean(value) {
            let _ = write!(head, "{name}: {value}\r\n");
        }
    }
    let _ = write!(head, "Content-Length: {}\r\n", body.len());
    if close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    let mut out = head.into_bytes();
    if !head_only {
        out.extend_from_slice(body);
    }
    out
}

/// `time` as an HTTP date: `Sun, 06 Nov 1994 08:49:37 GMT`.
#[must_use]
pub fn http_date(time: std::time::SystemTime) -> String {
    let secs = time
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (year, month, day) = civil(days);
    // 1970-01-01 was a Thursday.
    let weekday =
        ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][usize::try_from(days % 7).unwrap_or(0)];
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{weekday}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        months[usize::try_from(month - 1).unwrap_or(0)],
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// The parser's promises on any bytes, as the fuzz target `http_head` checks them (and the
/// test that replays what it found): the first byte chooses the size of the pieces the rest
/// arrives in. A head taken is within the limit and holds no more fields than allowed, a body
/// length is within the limit, and the answer is the same whole or in pieces.
///
/// # Panics
/// When a promise is broken.
#[doc(hidden)]
pub fn holds_its_promises(bytes: &[u8]) {
    let Some((&cut, data)) = bytes.split_first() else {
        return;
    };
    let limits = Limits {
        head: 512,
        body: 4096,
        fields: 16,
    };
    let whole = HeadParser::new().parse(data, &limits);
    if let Ok(Some((head, used))) = &whole {
        assert!(*used <= limits.head && *used <= data.len());
        assert!(head.fields.len() <= limits.fields, "{:?}", head.fields);
        assert!(!head.method.is_empty() && !head.target.is_empty());
        if let Ok(framing) = head.framing(&limits) {
            assert!(framing.length <= limits.body);
        }
    }
    let step = usize::from(cut) + 1;
    let mut parser = HeadParser::new();
    let mut end = 0;
    let pieces = loop {
        end = (end + step).min(data.len());
        match parser.parse(&data[..end], &limits) {
            Ok(None) if end < data.len() => {}
            other => break other,
        }
    };
    assert_eq!(pieces, whole);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn limits() -> Limits {
        Limits {
            head: 256,
            body: 1000,
            fields: 8,
        }
    }

    /// Every input the fuzz target `http_head` found a fault with, in
    /// `tests/fuzz-regressions/http_head/`, through the target's checks.
    #[test]
    fn inputs_the_fuzzer_found_keep_the_parsers_promises() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz-regressions/http_head");
        let mut replayed = 0;
        for entry in std::fs::read_dir(dir).expect("regressions") {
            let bytes = std::fs::read(entry.expect("entry").path()).expect("input");
            holds_its_promises(&bytes);
            replayed += 1;
        }
        assert!(replayed > 0);
    }

    /// An absolute-form target's authority is a field: with the fields already at the limit,
    /// the head is too large.
    #[test]
    fn an_absolute_target_with_the_fields_at_the_limit_is_too_large() {
        let mut raw = String::from("GET http://127.0.0.1:8000/x HTTP/1.1\r\n");
        for k in 0..limits().fields {
            raw += &["X-", &k.to_string(), ": v\r\n"].concat();
        }
        raw.push_str("\r\n");
        assert_eq!(parse(raw.as_bytes()), Err(Malformed::TooLarge));
        let fewer = raw.replacen("X-0: v\r\n", "", 1);
        let (head, _) = parse(fewer.as_bytes()).expect("parsed").expect("whole");
        assert_eq!(head.fields.len(), limits().fields);
        assert_eq!(head.values("host").collect::<Vec<_>>(), ["127.0.0.1:8000"]);
    }

    fn parse(raw: &[u8]) -> Result<Option<(Head, usize)>, Malformed> {
        HeadParser::new().parse(raw, &limits())
    }

    fn head(raw: &[u8]) -> Head {
        parse(raw).expect("valid").expect("complete").0
    }

    /// The framing of a complete head, or why the head or its framing is refused.
    fn framing(raw: &[u8]) -> Result<Framing, Malformed> {
        parse(raw)?.expect("complete").0.framing(&limits())
    }

    #[test]
    fn a_simple_get_with_its_fields_and_what_follows() {
        let raw = b"GET /article/a/fr?state=all HTTP/1.1\r\nHost: 127.0.0.1:80\r\nX-Name:  v a l \t\r\n\r\nNEXT";
        let (head, used) = parse(raw).expect("valid").expect("complete");
        assert_eq!(&raw[used..], b"NEXT");
        assert_eq!(head.method, "GET");
        assert_eq!(head.target, "/article/a/fr?state=all");
        assert_eq!(head.minor, 1);
        assert_eq!(
            head.fields,
            vec![
                ("host".to_owned(), "127.0.0.1:80".to_owned()),
                ("x-name".to_owned(), "v a l".to_owned())
            ]
        );
        let framing = head.framing(&limits()).expect("framing");
        assert_eq!(framing.length, 0);
        assert!(framing.keep_alive);
        assert!(!framing.expect_continue);
    }

    #[test]
    fn bare_line_feeds_and_leading_empty_lines_are_accepted() {
        let raw = b"\r\n\nPOST / HTTP/1.1\nHost: h\nContent-Length: 3\n\nabc";
        let (head, used) = parse(raw).expect("valid").expect("complete");
        assert_eq!(&raw[used..], b"abc");
        assert_eq!(head.framing(&limits()).map(|f| f.length), Ok(3));
    }

    #[test]
    fn an_incomplete_head_asks_for_more_and_pieces_give_the_same_head() {
        let raw = b"GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";
        let mut parser = HeadParser::new();
        for end in 0..raw.len() {
            assert_eq!(parser.parse(&raw[..end], &limits()), Ok(None), "{end}");
        }
        let (whole, used) = parser
            .parse(raw, &limits())
            .expect("valid")
            .expect("complete");
        assert_eq!(used, raw.len());
        assert_eq!(framing(raw).map(|f| f.keep_alive), Ok(false));
        assert_eq!(whole, head(raw));
    }

    #[test]
    fn a_head_over_the_limit_is_431_complete_or_not() {
        let mut raw = b"GET / HTTP/1.1\r\nHost: h\r\nX: ".to_vec();
        raw.extend(std::iter::repeat_n(b'a', 300));
        assert_eq!(parse(&raw), Err(Malformed::TooLarge));
        raw.extend_from_slice(b"\r\n\r\n");
        assert_eq!(parse(&raw), Err(Malformed::TooLarge));
        let many = "X: v\r\n".repeat(9);
        let raw = format!("GET / HTTP/1.1\r\nHost: h\r\n{many}\r\n");
        assert_eq!(parse(raw.as_bytes()), Err(Malformed::TooLarge));
        assert_eq!(Malformed::TooLarge.status(), 431);
    }

    #[test]
    fn bodies_must_have_one_length_within_the_limit() {
        let req = |fields: &str| format!("POST / HTTP/1.1\r\nHost: h\r\n{fields}\r\n");
        let p = |fields: &str| framing(req(fields).as_bytes()).map(|f| f.length);
        assert_eq!(p("Content-Length: 1000\r\n"), Ok(1000));
        assert_eq!(p("Content-Length: 7\r\nContent-Length: 7\r\n"), Ok(7));
        assert_eq!(p("Content-Length: 1001\r\n"), Err(Malformed::BodyTooLarge));
        assert_eq!(
            p("Content-Length: 99999999999999999999999\r\n"),
            Err(Malformed::BodyTooLarge)
        );
        assert_eq!(
            p("Content-Length: 7\r\nContent-Length: 8\r\n"),
            Err(Malformed::Length)
        );
        assert_eq!(p("Content-Length: -1\r\n"), Err(Malformed::Length));
        assert_eq!(p("Content-Length: 1 2\r\n"), Err(Malformed::Length));
        assert_eq!(p("Content-Length:\r\n"), Err(Malformed::Length));
        assert_eq!(p("Transfer-Encoding: chunked\r\n"), Err(Malformed::Chunked));
        assert_eq!(
            p("Transfer-Encoding: gzip, chunked\r\n"),
            Err(Malformed::Chunked)
        );
        assert_eq!(p("Transfer-Encoding: gzip\r\n"), Err(Malformed::Coding));
        assert_eq!(
            p("Transfer-Encoding: chunked\r\nContent-Length: 3\r\n"),
            Err(Malformed::Length)
        );
        assert_eq!(Malformed::Chunked.status(), 411);
        assert_eq!(Malformed::Coding.status(), 501);
    }

    #[test]
    fn malformed_lines_versions_and_hosts_are_refused() {
        let cases: [(&[u8], Malformed); 13] = [
            (b"GET /\r\n\r\n", Malformed::Syntax),
            (b"GET  / HTTP/1.1\r\nHost: h\r\n\r\n", Malformed::Syntax),
            (b"GET / HTTP/1.1 x\r\nHost: h\r\n\r\n", Malformed::Syntax),
            (b"G(T / HTTP/1.1\r\nHost: h\r\n\r\n", Malformed::Syntax),
            (b"GET /\x01 HTTP/1.1\r\nHost: h\r\n\r\n", Malformed::Syntax),
            (b"GET / HTTP/2.0\r\nHost: h\r\n\r\n", Malformed::Version),
            (b"GET / FTP/1.1\r\nHost: h\r\n\r\n", Malformed::Syntax),
            (b"GET / HTTP/1.1\r\n\r\n", Malformed::Host),
            (
                b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                Malformed::Host,
            ),
            (b"GET / HTTP/1.1\r\nHost : h\r\n\r\n", Malformed::Syntax),
            (
                b"GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n",
                Malformed::Syntax,
            ),
            (b"GET / HTTP/1.1\r\nHost: h\rX\r\n\r\n", Malformed::Syntax),
            (
                b"GET / HTTP/1.1\r\nHost: h\r\nExpect: magic\r\n\r\n",
                Malformed::Expectation,
            ),
        ];
        for (raw, why) in cases {
            assert_eq!(framing(raw), Err(why), "{}", String::from_utf8_lossy(raw));
        }
    }

    #[test]
    fn http_1_0_needs_no_host_and_closes() {
        let raw = b"GET / HTTP/1.0\r\n\r\n";
        assert_eq!(head(raw).minor, 0);
        assert_eq!(framing(raw).map(|f| f.keep_alive), Ok(false));
    }

    #[test]
    fn an_absolute_target_gives_its_path_and_its_host() {
        let head = head(b"GET http://127.0.0.1:8000/x?y=1 HTTP/1.1\r\nHost: evil\r\n\r\n");
        assert_eq!(head.target, "/x?y=1");
        assert_eq!(
            head.fields,
            vec![("host".to_owned(), "127.0.0.1:8000".to_owned())]
        );
        assert_eq!(
            self::head(b"GET HTTP://h HTTP/1.1\r\nHost: h\r\n\r\n").target,
            "/"
        );
        assert_eq!(
            parse(b"GET mailto:x HTTP/1.1\r\nHost: h\r\n\r\n"),
            Err(Malformed::Syntax)
        );
    }

    #[test]
    fn expect_100_continue_is_noted() {
        let framing = framing(
            b"POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 5\r\n\r\n",
        );
        assert_eq!(framing.map(|f| f.expect_continue), Ok(true));
    }

    #[test]
    fn a_response_is_one_buffer_with_its_length() {
        let out = encode(
            200,
            &[
                ("Content-Type".to_owned(), "text/plain".to_owned()),
                ("X-Bad".to_owned(), "a\r\nInjected: 1".to_owned()),
            ],
            b"hello",
            false,
            true,
            "Thu, 01 Jan 1970 00:00:00 GMT",
        );
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            "HTTP/1.1 200 OK\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nContent-Type: text/plain\r\n\
             Content-Length: 5\r\nConnection: close\r\n\r\nhello"
        );
        let head_only = encode(200, &[], b"hello", true, false, "d");
        assert!(head_only.ends_with(b"Content-Length: 5\r\n\r\n"));
    }

    #[test]
    fn dates_are_imf_fixdate() {
        let at = |secs| http_date(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs));
        assert_eq!(at(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(at(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(at(951_782_400), "Tue, 29 Feb 2000 00:00:00 GMT");
        assert_eq!(at(4_102_444_799), "Thu, 31 Dec 2099 23:59:59 GMT");
    }

    /// What the fuzz target `http_head` checks, on heads made of the pieces HTTP is made of.
    fn whole_and_pieces_agree(data: &[u8], step: usize) -> Result<(), TestCaseError> {
        let limits = limits();
        let whole = HeadParser::new().parse(data, &limits);
        if let Ok(Some((head, used))) = &whole {
            prop_assert!(*used <= limits.head && *used <= data.len());
            prop_assert!(head.fields.len() <= limits.fields);
            if let Ok(framing) = head.framing(&limits) {
                prop_assert!(framing.length <= limits.body);
            }
        }
        let mut parser = HeadParser::new();
        let mut end = 0;
        let pieces = loop {
            end = (end + step).min(data.len());
            match parser.parse(&data[..end], &limits) {
                Ok(None) if end < data.len() => {}
                other => break other,
            }
        };
        prop_assert_eq!(pieces, whole);
        Ok(())
    }

    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            Just(b"GET / HTTP/1.1".to_vec()),
            Just(b"POST /a?b=c HTTP/1.0".to_vec()),
            Just(b"Host: h".to_vec()),
            Just(b"Content-Length: 12".to_vec()),
            Just(b"Transfer-Encoding: chunked".to_vec()),
            Just(b"Expect: 100-continue".to_vec()),
            Just(b"Connection: close".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\r".to_vec()),
            Just(b": ".to_vec()),
            Just(b" ".to_vec()),
            proptest::collection::vec(any::<u8>(), 0..40),
        ]
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_parse_the_same_whole_or_in_pieces(
            pieces in proptest::collection::vec(piece(), 0..40),
            step in 1usize..300,
        ) {
            whole_and_pieces_agree(&pieces.concat(), step)?;
        }
    }

    #[test]
    fn every_way_of_cutting_a_request_gives_the_same_answer() {
        let cases: [&[u8]; 4] = [
            b"\r\nPOST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabcGET",
            b"GET / HTTP/1.1\r\nHost: h\r\nX: \x01\r\n\r\n",
            b"GET / HTTP/1.1\nHost: h\n\r\n",
            b"GET / HTTP/1.1\r\nHost: h\r\n\r",
        ];
        for data in cases {
            for step in 1..=data.len() {
                whole_and_pieces_agree(data, step).expect("agree");
            }
        }
    }
}
