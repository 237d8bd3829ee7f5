//! The socket side of `bitext serve`: HTTP/1.1 over `std::net`, with every wait bounded.
//!
//! One thread, the watcher, holds every open connection and waits on all of them at once
//! (`poll`). It reads a request's head within [`Limits::head`] ([`wire::HeadParser`]), checks
//! its framing and then the guard (host, token, origin) before it reads a byte of the body, and
//! reads the body within [`Limits::body`], all before the request's deadline. A complete
//! request goes to a fixed pool of workers through a bounded queue: when the queue is full the
//! request is answered 503 at once. A worker builds the answer ([`App::handle`]), writes it in
//! one write, and hands a kept-alive connection back to the watcher, which closes it when it
//! stays idle past its timeout.
//!
//! So a client that sends half a request holds nothing but its own connection, a page that
//! takes long to build holds one worker, and the number of threads never depends on the number
//! of clients. When the connections reach their limit, the one idle longest is closed to make
//! room for a new one.
//!
//! Refusals (a malformed or oversized head, a missing token, a late body) are answered by the
//! watcher without waiting for the client, then the connection is closed after its input is
//! read and discarded for a moment, so that the client reads the answer rather than a reset.
//!
//! [`Stopper::stop`] (Ctrl-C, SIGTERM) wakes the watcher, which closes every connection, lets
//! the workers finish the request each is answering (a write to the workspace is never cut
//! short) and returns.

use std::collections::HashMap;
use std::io::{ErrorKind, Read as _, Write as _};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use rustix::event::{PollFd, PollFlags, Timespec, poll};

use super::http::{Request, Response};
use super::wire::{self, HeadParser, Limits, Malformed};
use super::{App, Fail};

/// The longest the watcher sleeps without looking at the stop flag and the deadlines.
const TICK: Duration = Duration::from_millis(250);

/// How long a refused connection's input is read and discarded before it is closed.
const LINGER: Duration = Duration::from_secs(2);

/// Bytes read from a socket at a time.
const CHUNK: usize = 16 * 1024;

/// The server's limits, each with its environment variable (read by `bitext serve`, so that
/// tests and unusual setups can change them; see the README).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Head and body sizes (`BITEXT_SERVE_HEAD_BYTES`, `BITEXT_SERVE_BODY_BYTES`).
    pub limits: Limits,
    /// How long a connection may wait for its next request (`BITEXT_SERVE_IDLE_MS`).
    pub idle: Duration,
    /// How long a request may take to arrive, head and body, from its first byte
    /// (`BITEXT_SERVE_REQUEST_MS`).
    pub request: Duration,
    /// How long an answer may take to be written (`BITEXT_SERVE_WRITE_MS`).
    pub write: Duration,
    /// Workers answering requests (`BITEXT_SERVE_WORKERS`).
    pub workers: usize,
    /// Complete requests waiting for a worker before the next is answered 503
    /// (`BITEXT_SERVE_QUEUE`).
    pub queue: usize,
    /// Open connections, besides those being answered (`BITEXT_SERVE_CONNECTIONS`).
    pub connections: usize,
    /// How often the background thread checks the kept memories against the files
    /// (`BITEXT_SERVE_POLL_MS`).
    pub poll: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Self {
            limits: Limits::default(),
            idle: Duration::from_secs(15),
            request: Duration::from_secs(30),
            write: Duration::from_secs(30),
            workers: cores.clamp(2, 8),
            queue: 32,
            connections: 256,
            poll: super::POLL,
        }
    }
}

impl Settings {
    /// The defaults, changed by the `BITEXT_SERVE_*` variables set in `env`.
    ///
    /// # Errors
    /// The name and value of a variable that is not a whole number above zero.
    pub fn from_env(env: impl Fn(&str) -> Option<String>) -> Result<Self, (String, String)> {
        let mut settings = Self::default();
        let number = |name: &str| -> Result<Option<usize>, (String, String)> {
            let Some(value) = env(name) else {
                return Ok(None);
            };
            match value.trim().parse::<usize>() {
                Ok(n) if n > 0 => Ok(Some(n)),
                _ => Err((name.to_owned(), value)),
            }
        };
        let ms = |n: usize| Duration::from_millis(u64::try_from(n).unwrap_or(u64::MAX));
        if let Some(n) = number("BITEXT_SERVE_HEAD_BYTES")? {
            settings.limits.head = n;
        }
        if let Some(n) = number("BITEXT_SERVE_BODY_BYTES")? {
            settings.limits.body = n;
        }
        if let Some(n) = number("BITEXT_SERVE_IDLE_MS")? {
            settings.idle = ms(n);
        }
        if let Some(n) = number("BITEXT_SERVE_REQUEST_MS")? {
            settings.request = ms(n);
        }
        if let Some(n) = number("BITEXT_SERVE_WRITE_MS")? {
            settings.write = ms(n);
        }
        if let Some(n) = number("BITEXT_SERVE_WORKERS")? {
            settings.workers = n;
        }
        if let Some(n) = number("BITEXT_SERVE_QUEUE")? {
            settings.queue = n;
        }
        if let Some(n) = number("BITEXT_SERVE_CONNECTIONS")? {
            settings.connections = n;
        }
        if let Some(n) = number("BITEXT_SERVE_POLL_MS")? {
            settings.poll = ms(n);
        }
        Ok(settings)
    }
}

/// Stops a running [`Server`] from any thread (a signal handler's included).
#[derive(Debug, Clone)]
pub struct Stopper {
    stop: Arc<AtomicBool>,
    waker: Arc<UdpSocket>,
}

impl Stopper {
    /// Asks the server to stop; [`Server::run`] returns soon after.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        wake(&self.waker);
    }
}

/// A bound listener, not yet serving.
#[derive(Debug)]
pub struct Server {
    listener: TcpListener,
    waker: Arc<UdpSocket>,
    stop: Arc<AtomicBool>,
    settings: Settings,
}

impl Server {
    /// Listens on `addr`.
    ///
    /// # Errors
    /// The address cannot be bound, or the watcher's wake-up socket cannot be made.
    pub fn bind(addr: SocketAddr, settings: Settings) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        // A datagram sent to itself wakes the watcher out of `poll`.
        let waker = UdpSocket::bind("127.0.0.1:0").or_else(|_| UdpSocket::bind("[::1]:0"))?;
        waker.connect(waker.local_addr()?)?;
        waker.set_nonblocking(true)?;
        Ok(Self {
            listener,
            waker: Arc::new(waker),
            stop: Arc::new(AtomicBool::new(false)),
            settings,
        })
    }

    /// Its settings.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The address it listens on.
    ///
    /// # Errors
    /// The system cannot tell.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// What stops it.
    #[must_use]
    pub fn stopper(&self) -> Stopper {
        Stopper {
            stop: Arc::clone(&self.stop),
            waker: Arc::clone(&self.waker),
        }
    }

    /// Serves `app` until stopped; returns once every worker has finished the request it was
    /// answering.
    pub fn run(self, app: &App) {
        let (jobs, queue) = mpsc::sync_channel::<Job>(self.settings.queue);
        let (back, returned) = mpsc::channel::<Conn>();
        let queue = Mutex::new(queue);
        let shared = Shared {
            stop: Arc::clone(&self.stop),
            waker: Arc::clone(&self.waker),
            answering: Mutex::new(HashMap::new()),
            write: self.settings.write,
        };
        std::thread::scope(|scope| {
            for _ in 0..self.settings.workers {
                let back = back.clone();
                let (queue, shared) = (&queue, &shared);
                scope.spawn(move || work(app, queue, &back, shared));
            }
            drop(back);
            let mut watcher = Watcher {
                app,
                settings: &self.settings,
                shared: &shared,
                jobs,
                next_id: 0,
                scratch: vec![0; CHUNK],
            };
            watcher.watch(&self.listener, &returned);
            // Dropping the queue's sender ends the workers once they are done.
        });
    }
}

/// What the watcher and the workers share.
struct Shared {
    stop: Arc<AtomicBool>,
    waker: Arc<UdpSocket>,
    /// The connections whose request a worker has or will have, to close them on stop.
    answering: Mutex<HashMap<u64, TcpStream>>,
    write: Duration,
}

impl Shared {
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    fn answering(&self) -> std::sync::MutexGuard<'_, HashMap<u64, TcpStream>> {
        self.answering
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

fn wake(waker: &UdpSocket) {
    // A full buffer means a wake-up is already pending.
    let _ = waker.send(&[0]);
}

/// A connection the watcher holds.
struct Conn {
    id: u64,
    stream: TcpStream,
    /// Bytes received and not yet part of a request.
    buf: Vec<u8>,
    parser: HeadParser,
    phase: Phase,
    /// When the current phase times out.
    deadline: Instant,
    /// Since when it has been idle (for choosing which to close when full).
    since: Instant,
}

/// Where a connection is in its request.
enum Phase {
    /// Waiting for a request.
    Idle,
    /// Part of a head has arrived.
    Head,
    /// The head was accepted; the body is arriving.
    Body(Box<Pending>),
    /// Answered with a refusal; input is discarded until the client closes or the deadline.
    Linger,
}

/// A request whose body is arriving.
struct Pending {
    request: Request,
    length: usize,
    keep_alive: bool,
}

/// A complete request for a worker.
struct Job {
    conn: Conn,
    request: Request,
    keep_alive: bool,
}

/// What a step did with a connection.
type Kept = Option<Conn>;

struct Watcher<'a> {
    app: &'a App,
    settings: &'a Settings,
    shared: &'a Shared,
    jobs: SyncSender<Job>,
    next_id: u64,
    scratch: Vec<u8>,
}

impl Watcher<'_> {
    fn watch(&mut self, listener: &TcpListener, returned: &Receiver<Conn>) {
        let mut conns: Vec<Conn> = Vec::new();
        while !self.shared.stopped() {
            let now = Instant::now();
            for mut conn in returned.try_iter() {
                conn.phase = Phase::Idle;
                conn.deadline = now + self.settings.idle;
                conn.since = now;
                if let Some(conn) = self.advance(conn, now) {
                    conns.push(conn);
                }
            }
            let wait = conns
                .iter()
                .map(|c| c.deadline.saturating_duration_since(now))
                .min()
                .unwrap_or(TICK)
                .min(TICK);
            let events = Self::wait(listener, &self.shared.waker, &conns, wait);
            let now = Instant::now();
            if events[1].intersects(PollFlags::IN) {
                let mut sink = [0u8; 64];
                while self.shared.waker.recv(&mut sink).is_ok() {}
            }
            let mut kept = Vec::with_capacity(conns.len() + 1);
            for (conn, ready) in conns.drain(..).zip(&events[2..]) {
                let conn = if ready.is_empty() {
                    Some(conn)
                } else {
                    self.readable(conn, now)
                };
                let conn = match conn {
                    Some(conn) if conn.deadline <= now => self.expire(conn, now),
                    other => other,
                };
                kept.extend(conn);
            }
            conns = kept;
            if !events[0].is_empty() {
                self.accept(listener, &mut conns, now);
            }
        }
        for conn in &conns {
            let _ = conn.stream.shutdown(Shutdown::Both);
        }
        for stream in self.shared.answering().values() {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    /// Waits until a socket is ready or `wait` passes: the events of the listener, the waker
    /// and each connection, in that order.
    fn wait(
        listener: &TcpListener,
        waker: &UdpSocket,
        conns: &[Conn],
        wait: Duration,
    ) -> Vec<PollFlags> {
        let mut fds = Vec::with_capacity(conns.len() + 2);
        fds.push(PollFd::new(listener, PollFlags::IN));
        fds.push(PollFd::new(waker, PollFlags::IN));
        for conn in conns {
            fds.push(PollFd::new(&conn.stream, PollFlags::IN));
        }
        let timeout = Timespec::try_from(wait).unwrap_or(Timespec {
            tv_sec: 0,
            tv_nsec: 250_000_000,
        });
        if poll(&mut fds, Some(&timeout)).is_err() {
            // Interrupted by a signal: look at the stop flag and the deadlines, then wait again.
            return vec![PollFlags::empty(); fds.len()];
        }
        fds.iter().map(PollFd::revents).collect()
    }

    /// Takes every pending connection, closing the one idle longest when full.
    fn accept(&mut self, listener: &TcpListener, conns: &mut Vec<Conn>, now: Instant) {
        loop {
            let stream = match listener.accept() {
                Ok((stream, _)) => stream,
                Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(_) => {
                    // Out of file descriptors, or the like: let connections close first.
                    std::thread::sleep(Duration::from_millis(10));
                    return;
                }
            };
            if stream.set_nonblocking(true).is_err() {
                continue;
            }
            let _ = stream.set_nodelay(true);
            if conns.len() >= self.settings.connections {
                let idlest = conns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| matches!(c.phase, Phase::Idle | Phase::Linger))
                    .min_by_key(|(_, c)| c.since)
                    .map(|(i, _)| i);
                if let Some(i) = idlest {
                    conns.swap_remove(i);
                } else {
                    let busy = self.failure(None, 503, "serve-http-busy", None);
                    send_now(&stream, &busy);
                    continue;
                }
            }
            self.next_id += 1;
            conns.push(Conn {
                id: self.next_id,
                stream,
                buf: Vec::new(),
                parser: HeadParser::new(),
                phase: Phase::Idle,
                deadline: now + self.settings.idle,
                since: now,
            });
        }
    }

    /// Reads what arrived on `conn`, and acts on it.
    fn readable(&mut self, mut conn: Conn, now: Instant) -> Kept {
        let want = match &conn.phase {
            Phase::Idle | Phase::Head => {
                (self.settings.limits.head + 1).saturating_sub(conn.buf.len())
            }
            Phase::Body(pending) => pending.length - pending.request.body.len(),
            Phase::Linger => CHUNK,
        }
        .clamp(1, CHUNK);
        let n = match conn.stream.read(&mut self.scratch[..want]) {
            Ok(0) => return None,
            Ok(n) => n,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::Interrupted) => {
                return Some(conn);
            }
            Err(_) => return None,
        };
        let read = &self.scratch[..n];
        match &mut conn.phase {
            Phase::Linger => return Some(conn),
            Phase::Body(pending) => {
                pending.request.body.extend_from_slice(read);
                if pending.request.body.len() < pending.length {
                    return Some(conn);
                }
                let Phase::Body(pending) = std::mem::replace(&mut conn.phase, Phase::Idle) else {
                    return None;
                };
                return self.dispatch(conn, pending.request, pending.keep_alive);
            }
            Phase::Idle | Phase::Head => conn.buf.extend_from_slice(read),
        }
        self.advance(conn, now)
    }

    /// Acts on the bytes `conn` holds: parses a head once it is complete, refuses it or reads
    /// its body or hands it to a worker.
    fn advance(&mut self, mut conn: Conn, now: Instant) -> Kept {
        if matches!(conn.phase, Phase::Idle) && !conn.buf.is_empty() {
            conn.phase = Phase::Head;
            conn.deadline = now + self.settings.request;
        }
        if !matches!(conn.phase, Phase::Head) {
            return Some(conn);
        }
        let limits = &self.settings.limits;
        let (head, used) = match conn.parser.parse(&conn.buf, limits) {
            Ok(None) => return Some(conn),
            Ok(Some(found)) => found,
            Err(why) => {
                let response = self.malformed(None, why);
                return Some(linger(conn, &response, now));
            }
        };
        conn.buf.drain(..used);
        conn.parser = HeadParser::new();
        let framing = head.framing(limits);
        let mut request = Request::new(&head.method, &head.target, head.fields, Vec::new());
        let framing = match framing {
            Ok(framing) => framing,
            Err(why) => {
                let response = self.malformed(Some(&request), why);
                return Some(linger(conn, &response, now));
            }
        };
        // The token before the body: a client without it never gets to send one.
        if let Some(refusal) = self.app.refuse(&request) {
            let refusal = encode(&refusal, request.method == "HEAD", true);
            return Some(linger(conn, &refusal, now));
        }
        if framing.length > 0 && framing.expect_continue && conn.buf.is_empty() {
            send_now(&conn.stream, b"HTTP/1.1 100 Continue\r\n\r\n");
        }
        let take = conn.buf.len().min(framing.length);
        request.body = conn.buf.drain(..take).collect();
        if request.body.len() < framing.length {
            conn.phase = Phase::Body(Box::new(Pending {
                request,
                length: framing.length,
                keep_alive: framing.keep_alive,
            }));
            return Some(conn);
        }
        self.dispatch(conn, request, framing.keep_alive)
    }

    /// Hands a complete request to a worker, or answers 503 when the queue is full.
    fn dispatch(&mut self, conn: Conn, request: Request, keep_alive: bool) -> Kept {
        let (id, clone) = (conn.id, conn.stream.try_clone().ok());
        if let Some(clone) = clone {
            self.shared.answering().insert(id, clone);
        }
        let job = Job {
            conn,
            request,
            keep_alive,
        };
        match self.jobs.try_send(job) {
            Ok(()) => None,
            Err(TrySendError::Full(job) | TrySendError::Disconnected(job)) => {
                self.shared.answering().remove(&id);
                let busy = self.failure(Some(&job.request), 503, "serve-http-busy", None);
                Some(linger(job.conn, &busy, Instant::now()))
            }
        }
    }

    /// A connection past its deadline: an idle one is closed, a request that did not arrive
    /// in time is answered 408.
    fn expire(&mut self, conn: Conn, now: Instant) -> Kept {
        match &conn.phase {
            Phase::Idle | Phase::Linger => None,
            Phase::Head => {
                let late = self.failure(None, 408, "serve-http-timeout", None);
                Some(linger(conn, &late, now))
            }
            Phase::Body(pending) => {
                let late = self.failure(Some(&pending.request), 408, "serve-http-timeout", None);
                Some(linger(conn, &late, now))
            }
        }
    }

    /// The answer to a head refused for `why`.
    fn malformed(&self, request: Option<&Request>, why: Malformed) -> Vec<u8> {
        let limits = &self.settings.limits;
        let (id, limit) = match why {
            Malformed::TooLarge => ("serve-http-too-large", Some(limits.head)),
            Malformed::Syntax => ("serve-http-malformed", None),
            Malformed::Version => ("serve-http-version", None),
            Malformed::Host => ("serve-http-host", None),
            Malformed::Length => ("serve-http-length", None),
            Malformed::Chunked => ("serve-http-chunked", None),
            Malformed::Coding => ("serve-http-coding", None),
            Malformed::BodyTooLarge => ("serve-http-body-too-large", Some(limits.body)),
            Malformed::Expectation => ("serve-http-expectation", None),
        };
        self.failure(request, why.status(), id, limit)
    }

    /// An error page with message `id`, in the request's interface language when there is
    /// one, ready to send with `Connection: close`.
    fn failure(
        &self,
        request: Option<&Request>,
        status: u16,
        id: &str,
        limit: Option<usize>,
    ) -> Vec<u8> {
        let fallback = Request::default();
        let request = request.unwrap_or(&fallback);
        let ui = self.app.ui_for(request);
        let message = match limit {
            Some(limit) => ui.ta(id, &[("limit", limit.into())]),
            None => ui.t(id),
        };
        let response = super::pages::failure(&ui, &Fail::Http(status, message));
        encode(&response, false, true)
    }
}

/// Answers `conn` with `response` and closes it, after reading and discarding what the client
/// still sends for a moment.
fn linger(mut conn: Conn, response: &[u8], now: Instant) -> Conn {
    send_now(&conn.stream, response);
    let _ = conn.stream.shutdown(Shutdown::Write);
    conn.buf = Vec::new();
    conn.phase = Phase::Linger;
    conn.deadline = now + LINGER;
    conn.since = now;
    conn
}

/// `response` on the wire.
fn encode(response: &Response, head_only: bool, close: bool) -> Vec<u8> {
    wire::encode(
        response.status,
        &response.headers,
        &response.body,
        head_only,
        close,
        &wire::http_date(SystemTime::now()),
    )
}

/// Writes what the socket takes now, without waiting: an answer to a client that does not
/// read it is lost, and the client is the one to suffer.
fn send_now(mut stream: &TcpStream, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        match stream.write(bytes) {
            Ok(0) => return,
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// A worker: answers requests from the queue until it is closed.
fn work(app: &App, queue: &Mutex<Receiver<Job>>, back: &Sender<Conn>, shared: &Shared) {
    loop {
        let job = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(Job {
            mut conn,
            request,
            keep_alive,
        }) = job
        else {
            return;
        };
        if shared.stopped() {
            shared.answering().remove(&conn.id);
            continue;
        }
        let response = app.handle(&request);
        let close = !keep_alive || shared.stopped();
        let bytes = encode(&response, request.method == "HEAD", close);
        let sent = conn
            .stream
            .set_nonblocking(false)
            .and_then(|()| conn.stream.set_write_timeout(Some(shared.write)))
            .and_then(|()| conn.stream.write_all(&bytes))
            .and_then(|()| conn.stream.set_nonblocking(true))
            .is_ok();
        shared.answering().remove(&conn.id);
        if sent && !close && back.send(conn).is_ok() {
            wake(&shared.waker);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_come_from_the_environment_and_refuse_what_is_not_a_count() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let settings = Settings::from_env(env(&[
            ("BITEXT_SERVE_HEAD_BYTES", "4096"),
            ("BITEXT_SERVE_IDLE_MS", "300"),
            ("BITEXT_SERVE_WORKERS", " 3 "),
        ]))
        .expect("valid");
        assert_eq!(settings.limits.head, 4096);
        assert_eq!(settings.idle, Duration::from_millis(300));
        assert_eq!(settings.workers, 3);
        assert_eq!(settings.queue, Settings::default().queue);
        assert_eq!(
            Settings::from_env(env(&[("BITEXT_SERVE_QUEUE", "0")])),
            Err(("BITEXT_SERVE_QUEUE".to_owned(), "0".to_owned()))
        );
        assert_eq!(
            Settings::from_env(env(&[("BITEXT_SERVE_BODY_BYTES", "1MB")])),
            Err(("BITEXT_SERVE_BODY_BYTES".to_owned(), "1MB".to_owned()))
        );
    }
}
