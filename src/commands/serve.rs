//! `bitext serve`: start the workbench ([`crate::serve`]) on a local port and serve until
//! Ctrl-C.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use crate::serve::App;
use crate::serve::http::Guard;
use crate::serve::server::{Server, Settings};
use bitext_core::error::{Error, Result};
use bitext_core::t;
use bitext_core::workspace::Workspace;
use clap::Args;

/// A random token of 32 hexadecimal digits.
///
/// # Errors
/// The system's random source failed.
pub fn token() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| Error::Serve {
        detail: e.to_string(),
    })?;
    Ok(crate::serve::http::hex(&bytes))
}

/// The `Host` values a server bound to `addr` answers to: its loopback names, or the address
/// itself; none (any) for a wildcard address.
#[must_use]
pub fn hosts(addr: SocketAddr) -> Vec<String> {
    let port = addr.port();
    let ip = addr.ip();
    if ip.is_unspecified() {
        return Vec::new();
    }
    let mut hosts = match ip {
        IpAddr::V4(v4) => vec![format!("{v4}:{port}")],
        IpAddr::V6(v6) => vec![format!("[{v6}]:{port}")],
    };
    if ip.is_loopback() {
        hosts.push(format!("localhost:{port}"));
    }
    hosts
}

/// `serve`: binds, prints the URL (with its token) on stdout, serves until Ctrl-C or SIGTERM,
/// then returns with nothing more to print.
///
/// # Errors
/// The address cannot be bound, or the signal handler cannot be set.
pub fn execute(
    ws: &Workspace,
    args: &ServeArgs,
    output: &mut crate::Output<'_>,
) -> Result<crate::Outcome> {
    let ip = args.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let requested = SocketAddr::new(ip, args.port);
    let settings =
        Settings::from_env(|name| std::env::var(name).ok()).map_err(|(name, value)| {
            Error::Serve {
                detail: t!("serve-bad-setting", name = &name, value = &value),
            }
        })?;
    let server = Server::bind(requested, settings).map_err(|e| Error::Serve {
        detail: format!("{requested}: {e}"),
    })?;
    let addr = server.local_addr().map_err(|e| Error::Serve {
        detail: format!("{requested}: {e}"),
    })?;
    let token = token()?;
    let guard = Guard {
        token: token.clone(),
        hosts: hosts(addr),
        cookie: format!("bitext_token_{}", addr.port()),
    };
    let shown = if ip.is_unspecified() {
        SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), addr.port())
    } else {
        addr
    };
    let url = format!("http://{shown}/?token={token}");
    let stopper = server.stopper();
    ctrlc::set_handler(move || stopper.stop()).map_err(|e| Error::Serve {
        detail: e.to_string(),
    })?;
    if !ip.is_loopback() {
        let _ = writeln!(
            output.err,
            "{}",
            t!("serve-warning-exposed", addr = &addr.to_string())
        );
    }
    let _ = writeln!(output.out, "{}", t!("serve-listening", url = &url));
    let _ = writeln!(output.out, "{}", t!("serve-stop-hint"));
    let _ = output.out.flush();
    if args.open && !open_browser(&url) {
        let _ = writeln!(output.err, "{}", t!("serve-open-failed", program = OPENER));
    }
    let app = App::new(ws.root.clone(), guard);
    let warm_up = app.warm_up(server.settings().poll);
    server.run(&app);
    warm_up.finish();
    Ok(crate::Outcome {
        stdout: String::new(),
        stderr: format!("{}\n", t!("serve-stopped")),
        code: crate::EXIT_OK,
    })
}

/// The desktop's program that opens a URL in the browser.
const OPENER: &str = if cfg!(target_os = "macos") {
    "open"
} else if cfg!(windows) {
    "explorer"
} else {
    "xdg-open"
};

/// Opens `url` in the desktop's browser; returns false if the opener could not be started
/// (the caller reports it, and the server runs on).
fn open_browser(url: &str) -> bool {
    std::process::Command::new(OPENER)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on (0: a free one).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub port: u16,
    /// Listen on this address instead of 127.0.0.1 (other machines can then connect).
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,
    /// Open the page in the desktop's browser.
    #[arg(long)]
    pub open: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_answers_to_its_names_and_a_wildcard_to_any() {
        let local: SocketAddr = "127.0.0.1:8123".parse().expect("addr");
        assert_eq!(hosts(local), vec!["127.0.0.1:8123", "localhost:8123"]);
        let any: SocketAddr = "0.0.0.0:8123".parse().expect("addr");
        assert!(hosts(any).is_empty());
        let lan: SocketAddr = "192.168.1.5:80".parse().expect("addr");
        assert_eq!(hosts(lan), vec!["192.168.1.5:80"]);
    }

    #[test]
    fn tokens_are_random_hex() {
        let (a, b) = (token().expect("token"), token().expect("token"));
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
