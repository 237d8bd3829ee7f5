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

/// The project file's errors, each with the file, line and column.
#[test]
fn every_error_in_bitext_toml_names_the_file_line_and_column() {
    let ws = Ws::translated();
    let head = "source = \"en\"\ntargets = [\"fr\", \"es\"]\n";
    let cases: Vec<(String, &str, &str)> = vec![
        (
            "source = \"en\"\ntargets = [\"fr\", \"../../etc\"]\n".to_owned(),
            "bitext.toml:2:18: ",
            "invalid language tag \"../../etc\"",
        ),
        (
            format!("{head}\n[[edition]]\nid = \"x\"\narticles = [\"../../etc/passwd\"]\n"),
            "bitext.toml:6:13: ",
            "invalid article name \"../../etc/passwd\"",
        ),
        // A long list, one name per line, is read apart from the TOML parser: same places.
        (
            format!(
                "{head}\n[[edition]]\nid = \"x\"\narticles = [\n  \"harbour\",\n    \"../../etc/passwd\",\n]\n"
            ),
            "bitext.toml:8:5: ",
            "invalid article name \"../../etc/passwd\"",
        ),
        (
            "source = \"xx-INVALID-999999\"\ntargets = [\"fr\"]\n".to_owned(),
            "bitext.toml:1:10: ",
            "invalid language tag",
        ),
        (
            "source = \"en\"\ntargets = [\"fr\", \"en\"]\n".to_owned(),
            "bitext.toml:2:18: ",
            "the source language en is also listed as a target",
        ),
        (
            format!("{head}\n[[edition]]\nid = \"x\"\ndate = \"2023-13\"\narticles = []\n"),
            "bitext.toml:6:8: ",
            "edition \"x\": date \"2023-13\"",
        ),
        (
            format!(
                "{head}\n[[edition]]\nid = \"x\"\narticles = []\n\n[[edition]]\nid = \"x\"\narticles = []\n"
            ),
            "bitext.toml:9:6: ",
            "duplicate id",
        ),
        (
            format!("{head}\n[layout]\nsources = \"../outside\"\n"),
            "bitext.toml:5:11: ",
            "[layout] sources = \"../outside\"",
        ),
        (
            format!(
                "{head}\n[layout]\ntranslations = \"locale/{{lang}}\"\nfolders = {{ de = \"x\" }}\n"
            ),
            "bitext.toml:6:13: ",
            "[layout] folders = \"de\"",
        ),
        (
            format!("{head}\n[qa]\nbogus = \"error\"\n"),
            "bitext.toml:5:1: ",
            "unknown check \"bogus\"",
        ),
        (
            format!("{head}\n[qa.zz-INVALID-99]\nnumbers = \"error\"\n"),
            "bitext.toml:4:5: ",
            "invalid language tag \"zz-INVALID-99\"",
        ),
    ];
    for (text, place, words) in cases {
        ws.write("bitext.toml", &text);
        let before = ws.snapshot();
        for args in [&["status"][..], &["check"], &["sync"]] {
            let run = ws.run(args).error(&[words]);
            assert!(
                run.stderr.starts_with(&format!("error: {place}")),
                "{text}\n{args:?}: {}",
                run.stderr
            );
        }
        assert_eq!(ws.snapshot(), before, "{text}");
    }
    // Invalid UTF-8: the line and column of the first bad byte, as in a source.
    ws.write(
        "bitext.toml",
        b"source = \"en\"\n# caf\xe9\ntargets = [\"fr\"]\n",
    );
    ws.run(&["status"])
        .error(&["bitext.toml:2:6: ", "not valid UTF-8"]);
}

#[test]
fn an_empty_or_garbled_lock_is_reported_with_how_to_clear_it() {
    let ws = Ws::translated();
    let file = "translations/fr/harbour.json";
    let before = ws.read(file);
    let set = ["set", "harbour", "1", "-l", "fr", "--text", "Le conseil"];
    // Left empty by a command killed between creating it and writing its process id, an
    // hour ago: reported at once, never blamed on "process 0".
    ws.write(".bitext.lock", "");
    let lock = std::fs::File::options()
        .write(true)
        .open(ws.path(".bitext.lock"))
        .expect("lock");
    lock.set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
        .expect("set mtime");
    let run = ws.run(&set).error(&[
        ".bitext.lock is empty",
        "stopped between creating it and writing its process id",
        "Check that no bitext command is running",
        "delete .bitext.lock",
    ]);
    assert!(!run.stderr.contains("process 0"), "{}", run.stderr);
    // Just created: a writer may be about to write its id, so it gets the grace period,
    // then the same report.
    ws.write(".bitext.lock", "");
    ws.run(&set)
        .error(&[".bitext.lock is empty", "delete .bitext.lock"]);
    // Something else than a process id.
    ws.write(".bitext.lock", "not a pid\n");
    ws.run(&set).error(&[
        ".bitext.lock holds “not a pid” instead of a process id",
        "delete .bitext.lock",
    ]);
    assert_eq!(ws.read(file), before, "a refused set changed the file");
    // Once deleted, as the message says, the command goes through.
    std::fs::remove_file(ws.path(".bitext.lock")).expect("rm");
    ws.run(&set).success();
    assert_ne!(ws.read(file), before);
}

#[test]
fn the_nesting_limit_is_one_number_stated_where_it_is_crossed() {
    let ws = Ws::translated();
    let list = |levels: usize| -> String {
        let items: Vec<String> = (0..levels)
            .map(|i| format!("{}- level {}", "  ".repeat(i), i + 1))
            .collect();
        format!("# Deep\n\n{}\n", items.join("\n"))
    };
    // 33 levels, and 64, are within the limit of 64.
    for levels in [33, 64] {
        ws.write("sources/deep.md", list(levels));
        ws.run(&["status", "deep"]).success();
    }
    // 70 levels: refused on the line of the 65th (line 67), not the deepest (line 72).
    ws.write("sources/deep.md", list(70));
    ws.run(&["status"]).error(&[
        "sources/deep.md:67: ",
        "nested more than 64 levels deep from this line on",
    ]);
    // Quotes count the same way, and a quote in a list is one level more.
    let quotes: Vec<String> = (1..=66)
        .map(|i| format!("{} q{i}\n", ">".repeat(i)))
        .collect();
    ws.write(
        "sources/deep.md",
        format!("# Deep\n\n{}", quotes.join("\n")),
    );
    ws.run(&["check"])
        .error(&["sources/deep.md:131: ", "more than 64 levels"]);
}

/// The names of the temporary files in `dir` of `ws`.
fn leftovers(ws: &Ws, dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(ws.path(dir))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(".bitext-") && Path::new(n).extension().is_some_and(|e| e == "tmp")
        })
        .collect();
    names.sort();
    names
}

/// Sets the modification time of `path` to `ago` before now.
fn age(path: &Path, ago: Duration) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(std::time::SystemTime::now() - ago)
        .expect("set mtime");
}

#[test]
fn a_write_killed_mid_way_leaves_a_temporary_file_the_next_write_removes() {
    let ws = Ws::translated();
    ws.edit_source("harbour", "next weekend.", "next weekend!");
    // Killed after writing its temporary file, before the rename: the worst moment.
    let status = Command::new(env!("CARGO_BIN_EXE_bitext"))
        .arg("sync")
        .current_dir(ws.root())
        .env("BITEXT_TEST_CRASH_AFTER_WRITES", "0")
        .stderr(Stdio::null())
        .status()
        .expect("run");
    assert!(!status.success());
    let left = leftovers(&ws, "translations/fr");
    assert_eq!(left.len(), 1, "{left:?}");
    // The killed sync also left its lock, reported with how to clear it; once cleared, the
    // next command that writes into the folder removes the temporary file: its writer is gone.
    ws.run(&["sync"]).error(&["delete .bitext.lock"]);
    std::fs::remove_file(ws.path(".bitext.lock")).expect("rm lock");
    ws.run(&["sync"]).success();
    assert_eq!(leftovers(&ws, "translations/fr"), Vec::<String>::new());
}

#[test]
fn only_stale_temporary_files_are_removed_never_a_running_writers() {
    let ws = Ws::translated();
    let dir = "translations/fr";
    let running = format!(".bitext-{}-Running.tmp", std::process::id());
    let names = [
        // A process id beyond any system's: that writer is gone.
        ".bitext-4294967295-Gone01.tmp",
        // Written by an earlier version (no process id), two hours ago.
        ".bitext-OldOne.tmp",
        // Written by an earlier version just now: maybe a write in progress.
        ".bitext-NewOne.tmp",
        // A writer that still runs (this test), with a file just written.
        &running,
        // Not bitext's.
        ".other-Keep01.tmp",
    ];
    for name in names {
        ws.write(&format!("{dir}/{name}"), "{\"partial\": ");
    }
    age(
        &ws.path(&format!("{dir}/.bitext-OldOne.tmp")),
        Duration::from_secs(2 * 3600),
    );
    // Only reading: nothing removed.
    ws.run(&["status"]).success();
    assert_eq!(leftovers(&ws, dir).len(), 4);
    ws.run(&[
        "set",
        "harbour",
        "1",
        "-l",
        "fr",
        "--text",
        "Le conseil du port",
    ])
    .success();
    let mut kept = vec![".bitext-NewOne.tmp".to_owned(), running];
    kept.sort();
    assert_eq!(leftovers(&ws, dir), kept);
    assert!(ws.path(&format!("{dir}/.other-Keep01.tmp")).exists());
    // A folder nothing was written into keeps its leftovers.
    ws.write("translations/es/.bitext-4294967295-Gone02.tmp", "{");
    ws.run(&["set", "harbour", "2", "-l", "fr", "--text", "Le conseil"])
        .success();
    assert_eq!(leftovers(&ws, "translations/es").len(), 1);
}

/// Runs `git` with `args` in `dir`, with a fixed identity and no user configuration.
fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .expect("run git")
}

/// Returns true if and only if git is installed.
fn has_git() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn init_git_in_an_existing_workspace_registers_the_driver_and_changes_nothing_else() {
    if !has_git() {
        return;
    }
    let ws = Ws::translated();
    assert!(git(ws.root(), &["init", "-q"]).status.success());
    let before = ws.snapshot();
    // Without --git, an existing workspace is still refused.
    ws.run(&["init"]).error(&["bitext.toml already exists"]);
    let run = ws.run(&["init", "--git"]).success();
    assert!(
        run.stdout
            .contains("bitext.toml exists already and is left as it is"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Created .gitattributes"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Registered bitext's merge driver"),
        "{}",
        run.stdout
    );
    let driver = git(ws.root(), &["config", "--get", "merge.bitext.driver"]);
    assert_eq!(
        String::from_utf8_lossy(&driver.stdout).trim(),
        "bitext merge-driver %O %A %B %P"
    );
    // Nothing else changed: the only new file is .gitattributes.
    let mut after = ws.snapshot();
    let attributes = after
        .remove(Path::new(".gitattributes"))
        .expect(".gitattributes");
    assert!(String::from_utf8_lossy(&attributes).contains("translations/**/*.json merge=bitext"));
    after.retain(|path, _| !path.starts_with(".git"));
    let mut before = before;
    before.retain(|path, _| !path.starts_with(".git"));
    assert_eq!(after, before);
    // A second run changes no file and says it registered the driver again.
    let again = ws.snapshot();
    let run = ws.run(&["init", "--git"]).success();
    assert!(!run.stdout.contains("Created"), "{}", run.stdout);
    assert_eq!(ws.snapshot(), again);
}

#[test]
fn a_control_character_in_a_translation_is_refused_naming_the_file_and_unit() {
    let ws = Ws::translated();
    let file = "translations/fr/harbour.json";
    let json = ws.json(file);
    let id = json["units"][1]["id"].as_str().expect("id").to_owned();
    let target = json["units"][1]["target"]
        .as_str()
        .expect("target")
        .to_owned();
    // `\u0000` in the JSON is valid JSON: refused by every reader, never exported.
    ws.write(
        file,
        ws.read(file)
            .replacen(&target, &format!("{target}\\u0000x"), 1),
    );
    let before = ws.snapshot();
    let unit = format!("unit {id}");
    for args in [
        &["status"][..],
        &["check"],
        &["sync"],
        &["diff"],
        &["export", "harbour", "-l", "fr"],
        &["export", "harbour", "-l", "fr", "--format", "md"],
        &["po", "export", "harbour", "-l", "fr"],
        &["xliff", "export", "harbour", "-l", "fr"],
        &["tmx", "export", "-l", "fr"],
        &["set", "harbour", "1", "-l", "fr", "--text", "Le conseil"],
    ] {
        let run = ws
            .run(args)
            .error(&[file, &unit, "control character U+0000"]);
        assert!(!run.stdout.contains('\0'), "{args:?} wrote a NUL");
    }
    assert_eq!(ws.snapshot(), before, "a refused command changed a file");
    // An escape, a bell: any control character but tab and line breaks.
    ws.write(file, ws.read(file).replacen("\\u0000x", "\\u001b[31m", 1));
    ws.run(&["check"]).error(&[file, &unit, "U+001B"]);
    ws.write(file, ws.read(file).replacen("\\u001b[31m", "\\tx", 1));
    ws.run(&["status"]).success();
}

#[test]
fn every_command_that_records_a_translation_refuses_a_control_character() {
    let ws = Ws::translated();
    let before = ws.snapshot();
    // set: the text given, on standard input or in a file.
    ws.run(&[
        "set",
        "harbour",
        "2",
        "-l",
        "fr",
        "--text",
        "Le \u{1b}conseil",
    ])
    .error(&["--text", "segment 2 (", "U+001B"]);
    ws.run_with_stdin(
        &["set", "harbour", "2", "-l", "fr"],
        Some("Le \u{7}conseil\n"),
    )
    .error(&["segment 2 (", "U+0007"]);
    // import: the whole translated article, with the line and column.
    ws.write(
        "doc.md",
        "# Le conseil du port\n\nLe conseil \u{1}s'est réuni.\n",
    );
    ws.run(&["import", "harbour", "-l", "fr", "doc.md"])
        .error(&["doc.md:3:12: ", "U+0001"]);
    // po import and xliff import: the file, the unit's line and its id.
    let json = ws.json("translations/fr/harbour.json");
    let id = json["units"][0]["id"].as_str().expect("id").to_owned();
    let target = json["units"][0]["target"]
        .as_str()
        .expect("target")
        .to_owned();
    ws.run(&["po", "export", "harbour", "-l", "fr", "-o", "fr.po"])
        .success();
    ws.write(
        "fr.po",
        ws.read("fr.po")
            .replacen(&target, &format!("{target}\u{8}"), 1),
    );
    ws.run(&["po", "import", "fr.po"])
        .error(&["fr.po:", &format!("unit {id}"), "U+0008"]);
    ws.run(&["xliff", "export", "harbour", "-l", "fr", "-o", "fr.xlf"])
        .success();
    ws.write(
        "fr.xlf",
        ws.read("fr.xlf")
            .replacen(&target, &format!("{target}\u{1b}"), 1),
    );
    ws.run(&["xliff", "import", "fr.xlf"])
        .error(&["fr.xlf:", &format!("unit {id}"), "U+001B"]);
    // tmx import: the memory file, where the text is.
    ws.run(&["tmx", "export", "-l", "fr", "-o", "fr.tmx"])
        .success();
    ws.write(
        "fr.tmx",
        ws.read("fr.tmx")
            .replacen(&target, &format!("{target}\u{1b}"), 1),
    );
    ws.run(&["tmx", "import", "fr.tmx"])
        .error(&["fr.tmx:", "the fr text", "U+001B"]);
    // Nothing was recorded anywhere (the exports written above aside).
    let mut after = ws.snapshot();
    for name in ["doc.md", "fr.po", "fr.xlf", "fr.tmx"] {
        after.remove(Path::new(name));
    }
    assert_eq!(after, before);
}

#[test]
fn a_control_character_in_a_markdown_page_is_refused_naming_the_page_and_unit() {
    let ws = Ws::new();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\n\n[layout]\nsources = \"locale/en\"\ntranslations = \"locale/{lang}\"\n",
    );
    ws.write("locale/en/about.md", "# About\n\nWe meet every Monday.\n");
    ws.write(
        "locale/fr/about.md",
        "# À propos\n\nNous nous \u{1b}réunissons le lundi.\n",
    );
    for args in [
        &["status"][..],
        &["check"],
        &["export", "about", "-l", "fr"],
    ] {
        ws.run(args).error(&["locale/fr/about.md: unit ", "U+001B"]);
    }
}

/// A folder holding `git` alone, or `git` and `bitext` (the binary under test): a `PATH` on
/// which git finds bitext or does not.
fn path_with(bitext: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let which = Command::new("sh")
        .args(["-c", "command -v git"])
        .output()
        .expect("sh");
    let git = String::from_utf8_lossy(&which.stdout).trim().to_owned();
    std::os::unix::fs::symlink(&git, dir.path().join("git")).expect("link git");
    if bitext {
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_bitext"), dir.path().join("bitext"))
            .expect("link bitext");
    }
    dir
}

/// Runs `program` with `args` in `ws` with `PATH` set to `path` (and the test identity for
/// git), English messages; its exit code, stdout and stderr.
fn run_on_path(ws: &Ws, program: &str, args: &[&str], path: &Path) -> Run {
    let output = Command::new(program)
        .args(args)
        .current_dir(ws.root())
        .env("PATH", path)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .output()
        .expect("run");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A repository holding the translated harbour workspace, set up with `init --git` (the
/// driver registered as plain `bitext`, found on the PATH or not), and two branches that
/// translate segment 2 differently: `main` (checked out) and `other`, which also translates
/// segment 3 (absent on `main`).
fn diverged() -> Option<Ws> {
    if !has_git() {
        return None;
    }
    let ws = Ws::translated();
    let gitted = |args: &[&str]| assert!(git(ws.root(), args).status.success(), "git {args:?}");
    gitted(&["init", "-q", "-b", "main"]);
    ws.run(&["init", "--git"]).success();
    gitted(&["add", "-A"]);
    gitted(&["commit", "-q", "-m", "base"]);
    gitted(&["checkout", "-q", "-b", "other"]);
    ws.run(&["set", "harbour", "2", "-l", "fr", "--text", "Théirs deux"])
        .success();
    ws.run(&[
        "set",
        "harbour",
        "3",
        "-l",
        "fr",
        "--text",
        "Theirs three only",
    ])
    .success();
    gitted(&["commit", "-q", "-a", "-m", "other"]);
    gitted(&["checkout", "-q", "main"]);
    ws.run(&["set", "harbour", "2", "-l", "fr", "--text", "Ours deux"])
        .success();
    gitted(&["commit", "-q", "-a", "-m", "main"]);
    Some(ws)
}

const FR_FILE: &str = "translations/fr/harbour.json";

#[test]
fn a_merge_whose_driver_git_cannot_run_is_refused_by_status_and_check_until_redone() {
    let Some(ws) = diverged() else { return };
    let without = path_with(false);
    let with = path_with(true);
    // git cannot find `bitext`: it reports a conflict and leaves our version, valid JSON
    // without the other branch's translation of segment 3 and with no conflict recorded.
    let merge = run_on_path(&ws, "git", &["merge", "other"], without.path());
    assert_ne!(merge.code, 0, "{merge:?}");
    let ours = ws.read(FR_FILE);
    assert!(!ours.contains("Theirs three only") && !ours.contains("\"conflicts\""));
    for args in [&["status"][..], &["check"], &["check", "--format", "json"]] {
        ws.run(args).error(&[
            &format!("git lists {FR_FILE} as unmerged"),
            "may lack the other branch's translations",
            "bitext doctor",
            &format!("git checkout -m -- {FR_FILE}"),
            "bitext resolve",
        ]);
    }
    // doctor says why, and exits 1.
    let doctor = run_on_path(
        &ws,
        env!("CARGO_BIN_EXE_bitext"),
        &["doctor"],
        without.path(),
    );
    assert_eq!(doctor.code, 1, "{doctor:?}");
    assert!(
        doctor
            .stdout
            .contains("problem: git cannot run bitext as bitext"),
        "{}",
        doctor.stdout
    );
    assert!(
        doctor
            .stdout
            .contains(&format!("problem: git lists {FR_FILE} as unmerged")),
        "{}",
        doctor.stdout
    );
    // With bitext on git's PATH, the merge done again records the conflict in the file,
    // keeps the other branch's segment 3, and status shows the conflict to settle.
    let redo = run_on_path(&ws, "git", &["checkout", "-m", "--", FR_FILE], with.path());
    assert_eq!(redo.code, 0, "{redo:?}");
    assert!(ws.read(FR_FILE).contains("Theirs three only"));
    let status = ws.run(&["status"]);
    assert_eq!(status.code, 0, "{status:?}");
    assert!(
        status.stdout.contains("bitext resolve harbour 2 -l fr"),
        "{}",
        status.stdout
    );
    ws.run(&["resolve", "harbour", "2", "-l", "fr", "--theirs"])
        .success();
    assert!(git(ws.root(), &["add", FR_FILE]).status.success());
    ws.run(&["check", "-l", "fr"]).success();
    let doctor = run_on_path(&ws, env!("CARGO_BIN_EXE_bitext"), &["doctor"], with.path());
    assert_eq!(doctor.code, 0, "{doctor:?}");
    assert!(
        doctor.stdout.contains("ok: git runs bitext as bitext"),
        "{}",
        doctor.stdout
    );
}

#[test]
fn conflict_markers_left_by_a_merge_without_the_driver_are_named_as_such() {
    let Some(ws) = diverged() else { return };
    assert!(
        git(ws.root(), &["config", "--unset", "merge.bitext.driver"])
            .status
            .success()
    );
    let doctor = ws.run(&["doctor"]);
    assert_eq!(doctor.code, 1, "{doctor:?}");
    assert!(
        doctor
            .stdout
            .contains("problem: the merge driver is not registered"),
        "{}",
        doctor.stdout
    );
    // git's own line merge: conflict markers inside the JSON.
    let merge = git(ws.root(), &["merge", "other"]);
    assert!(!merge.status.success());
    let text = ws.read(FR_FILE);
    let line = text
        .lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .expect("markers")
        + 1;
    let before = ws.snapshot();
    for args in [
        &["status"][..],
        &["check"],
        &["sync"],
        &["export", "harbour", "-l", "fr"],
        &["set", "harbour", "1", "-l", "fr", "--text", "x"],
    ] {
        ws.run(args).error(&[
            &format!("{FR_FILE}:{line}: git's conflict markers"),
            "without bitext's merge driver",
            "bitext doctor",
            "bitext resolve",
        ]);
    }
    assert_eq!(ws.snapshot(), before);
}

#[test]
fn doctor_checks_the_attributes_and_says_when_there_is_no_repository() {
    let ws = Ws::translated();
    let run = ws.run(&["doctor"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("not in a git work tree"),
        "{}",
        run.stdout
    );
    if !has_git() {
        return;
    }
    assert!(git(ws.root(), &["init", "-q"]).status.success());
    let with = path_with(true);
    ws.run(&["init", "--git"]).success();
    let doctor = run_on_path(&ws, env!("CARGO_BIN_EXE_bitext"), &["doctor"], with.path());
    assert_eq!(doctor.code, 0, "{doctor:?}");
    for folder in ["translations/fr/", "translations/es/"] {
        assert!(
            doctor.stdout.contains(&format!(
                "ok: .gitattributes hands the files of {folder} to the merge driver"
            )),
            "{}",
            doctor.stdout
        );
    }
    // Without the .gitattributes lines, git would merge them line by line.
    ws.write(".gitattributes", "*.md text\n");
    let doctor = run_on_path(&ws, env!("CARGO_BIN_EXE_bitext"), &["doctor"], with.path());
    assert_eq!(doctor.code, 1, "{doctor:?}");
    assert!(
        doctor.stdout.contains(
            "problem: .gitattributes does not hand the files of translations/fr/ to the merge driver"
        ),
        "{}",
        doctor.stdout
    );
}
