//! Hardening (issue 27): no file, merge or leftover can stall bitext or lose a translation
//! unseen. Files that are not regular files, unfinished git merges, control characters in
//! translations, positions in `bitext.toml`, the lock, leftovers of killed writes,
//! `init --git` in an existing workspace and `bitext doctor`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Run, Ws};

/// Runs `bitext` in `ws` like [`Ws::run`], but kills it if it has not finished after a
/// minute, so that a command blocked on a FIFO fails the test instead of hanging the suite.
/// This bounds a hang; it measures nothing.
fn run_bounded(ws: &Ws, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bitext"))
        .args(args)
        .current_dir(ws.root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn bitext");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("bitext {args:?} hung (blocked on a FIFO?)");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let output = child.wait_with_output().expect("output");
    Run {
        code: output.status.code().expect("exit code, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// Makes a FIFO at `path` with the `mkfifo` program; false where there is none.
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

const FIFO_REFUSED: &str = "a FIFO (named pipe), not a regular file";

#[test]
fn a_fifo_source_is_refused_at_once_by_status_sync_and_export() {
    let ws = Ws::translated();
    let before = ws.snapshot();
    if !mkfifo(&ws.path("sources/fifo.md")) {
        return;
    }
    for args in [
        &["status"][..],
        &["sync"],
        &["check"],
        &["export", "fifo", "-l", "fr"],
        &["export", "sources/fifo.md", "-l", "fr"],
    ] {
        run_bounded(&ws, args).error(&["sources/fifo.md", FIFO_REFUSED]);
    }
    std::fs::remove_file(ws.path("sources/fifo.md")).expect("rm");
    assert_eq!(ws.snapshot(), before, "a refused command changed a file");
}

#[test]
fn a_link_to_a_fifo_is_refused_as_a_source_a_translation_file_and_the_project_file() {
    let ws = Ws::translated();
    if !mkfifo(&ws.path("pipe")) {
        return;
    }
    // A source that is a link to a FIFO inside the workspace: listed, then refused on reading.
    std::os::unix::fs::symlink("../pipe", ws.path("sources/linked.md")).expect("symlink");
    for args in [
        &["status"][..],
        &["sync"],
        &["export", "linked", "-l", "fr"],
    ] {
        run_bounded(&ws, args).error(&["sources/linked.md", FIFO_REFUSED]);
    }
    std::fs::remove_file(ws.path("sources/linked.md")).expect("rm");

    // A translation file that is a FIFO: every command that reads it refuses it.
    let file = "translations/fr/harbour.json";
    let saved = ws.read(file);
    std::fs::remove_file(ws.path(file)).expect("rm");
    assert!(mkfifo(&ws.path(file)));
    for args in [
        &["status"][..],
        &["check"],
        &["sync"],
        &["set", "harbour", "1", "-l", "fr", "--text", "Le conseil"],
        &["export", "harbour", "-l", "fr"],
    ] {
        run_bounded(&ws, args).error(&[file, FIFO_REFUSED]);
    }
    std::fs::remove_file(ws.path(file)).expect("rm");
    ws.write(file, saved);

    // The project file, found from the current folder and named with -C.
    let config = ws.read("bitext.toml");
    std::fs::remove_file(ws.path("bitext.toml")).expect("rm");
    assert!(mkfifo(&ws.path("bitext.toml")));
    let root = ws.root().to_str().expect("UTF-8 path").to_owned();
    for args in [&["status"][..], &["-C", &root, "check"]] {
        run_bounded(&ws, args).error(&["bitext.toml", FIFO_REFUSED]);
    }
    std::fs::remove_file(ws.path("bitext.toml")).expect("rm");
    ws.write("bitext.toml", config);
    std::fs::remove_file(ws.path("pipe")).expect("rm");
    ws.run(&["check", "-l", "fr"]).success();
}
