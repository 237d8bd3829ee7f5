//! Crashes and concurrency: a killed command leaves every translation file whole (its old or
//! its new version), and two commands at once never lose an update.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{ARTICLE, Ws};

/// Every translation file of `ws`, parsed, by path.
fn translation_files(ws: &Ws) -> BTreeMap<PathBuf, Vec<u8>> {
    ws.snapshot()
        .into_iter()
        .filter(|(path, _)| {
            path.starts_with("translations") && path.extension().is_some_and(|e| e == "json")
        })
        .collect()
}

#[track_caller]
fn assert_each_old_or_new(
    crashed: &BTreeMap<PathBuf, Vec<u8>>,
    old: &BTreeMap<PathBuf, Vec<u8>>,
    new: &BTreeMap<PathBuf, Vec<u8>>,
) {
    for (path, bytes) in crashed {
        serde_json::from_slice::<serde_json::Value>(bytes)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
        assert!(
            old.get(path) == Some(bytes) || new.get(path) == Some(bytes),
            "{} is neither its old nor its new version",
            path.display()
        );
    }
    for path in old.keys() {
        assert!(crashed.contains_key(path), "{} disappeared", path.display());
    }
}

#[test]
fn sync_crashing_after_any_write_leaves_every_file_whole() {
    // The expected end state: a clean sync of the same edits.
    let reference = Ws::generated_with(12, 21, 1.0);
    let old = translation_files(&reference);
    reference.run(&["sync"]).success();
    let new = translation_files(&reference);
    let changing = new.iter().filter(|(p, b)| old.get(*p) != Some(*b)).count();
    assert!(
        changing >= 10,
        "the corpus should make sync rewrite many files ({changing})"
    );

    for k in 0..changing {
        let ws = Ws::generated_with(12, 21, 1.0);
        let mut command = Command::new(env!("CARGO_BIN_EXE_bitext"));
        command
            .args(["sync", "-j", "1"])
            .current_dir(ws.root())
            .env("BITEXT_TEST_CRASH_AFTER_WRITES", k.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let status = command.status().expect("run");
        assert!(
            !status.success(),
            "sync should have been aborted at write {k}"
        );
        let crashed = translation_files(&ws);
        assert_each_old_or_new(&crashed, &old, &new);
        let done = crashed
            .iter()
            .filter(|(p, b)| new.get(*p) == Some(*b) && old.get(*p) != Some(*b))
            .count();
        assert_eq!(done, k, "exactly the first {k} writes landed");

        // Reading works at once; the next writer is told about the interrupted one.
        ws.run(&["status"]).success();
        let run = ws.run(&["sync"]);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr
                .contains(".bitext.lock was left by bitext process"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("delete .bitext.lock"), "{}", run.stderr);
        std::fs::remove_file(ws.path(".bitext.lock")).expect("clear the lock");
        ws.run(&["sync"]).success();
        assert_eq!(
            translation_files(&ws),
            new,
            "after the crash, a sync finishes the job"
        );
    }
}

#[test]
fn set_crashing_mid_write_keeps_the_old_file() {
    let ws = Ws::translated();
    let old = translation_files(&ws);
    let status = Command::new(env!("CARGO_BIN_EXE_bitext"))
        .args(["set", "harbour", "2", "-l", "fr", "--text", "nouveau"])
        .current_dir(ws.root())
        .env("BITEXT_TEST_CRASH_AFTER_WRITES", "0")
        .stderr(Stdio::null())
        .status()
        .expect("run");
    assert!(!status.success());
    assert_eq!(translation_files(&ws), old);
}

#[test]
fn sync_killed_at_random_moments_leaves_every_file_whole() {
    let reference = Ws::generated(300, 8);
    let old = translation_files(&reference);
    reference.run(&["sync"]).success();
    let new = translation_files(&reference);
    // Deterministic "random" delays spread over a sync's run time.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..8 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % 60_000);
        let ws = Ws::generated(300, 8);
        let mut child = Command::new(env!("CARGO_BIN_EXE_bitext"))
            .arg("sync")
            .current_dir(ws.root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        assert_each_old_or_new(&translation_files(&ws), &old, &new);
    }
}

#[test]
fn concurrent_sets_never_lose_an_update() {
    let ws = Ws::new();
    ws.write("sources/harbour.md", ARTICLE);
    ws.run(&["sync", "-l", "fr"]).success();
    let children: Vec<_> = (1..=5)
        .flat_map(|n| [n, n])
        .enumerate()
        .map(|(i, n)| {
            Command::new(env!("CARGO_BIN_EXE_bitext"))
                .args(["set", "harbour", &n.to_string(), "-l", "fr", "--text"])
                .arg(format!("traduction {n} (writer {})", i % 2))
                .current_dir(ws.root())
                .env("BITEXT_LOCK_TIMEOUT", "60")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("wait");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let units = ws.json("translations/fr/harbour.json")["units"].clone();
    for n in 1..=5 {
        let target = units[n - 1]["target"].as_str().expect("target");
        assert!(
            target.starts_with(&format!("traduction {n} (writer ")),
            "segment {n}: {target}"
        );
    }
    assert!(!ws.path(".bitext.lock").exists(), "the lock is released");
}

#[test]
fn a_held_lock_times_out_with_a_clear_message() {
    let ws = Ws::translated();
    // This test process is alive, so its lock is not stale.
    ws.write(".bitext.lock", format!("{}\n", std::process::id()));
    let before = ws.snapshot();
    let mut command = Command::new(env!("CARGO_BIN_EXE_bitext"));
    command
        .args(["set", "harbour", "1", "-l", "fr", "--text", "x"])
        .current_dir(ws.root())
        .env("BITEXT_LOCK_TIMEOUT", "0.3")
        .env("LANG", "C")
        .env_remove("LC_ALL");
    let output = command.output().expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: .bitext.lock is held by another bitext command (process "),
        "{stderr}"
    );
    assert_eq!(ws.snapshot(), before);
    // Reading commands do not wait for writers.
    ws.run(&["status"]).success();
}

#[test]
fn a_stale_lock_is_reported_with_how_to_clear_it() {
    let ws = Ws::translated();
    // A process id far above any pid_max.
    ws.write(".bitext.lock", "4194999\n");
    let before = ws.snapshot();
    ws.run(&["accept", "harbour", "1", "-l", "fr"]).error(&[
        ".bitext.lock was left by bitext process 4194999, which is no longer running",
        "delete .bitext.lock",
    ]);
    assert_eq!(ws.snapshot(), before);
}
