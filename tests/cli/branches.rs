//! Parallel branches: translation files merged by `bitext merge-driver` in real git
//! repositories, conflicts shown by `status` and `check` and settled by `resolve`, and `init`
//! setting the driver up.

use std::path::Path;
use std::process::Command;

use crate::support::{ARTICLE, Run, Ws, tool};

const FR: &str = "translations/fr/harbour.json";
const FESTIVAL: &str = "A festival with music and food will take place on the quay next weekend.";

/// Runs git in `dir` with a fixed identity and no user or system configuration; returns the
/// exit code and everything it printed.
fn git_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Desk")
        .env("GIT_AUTHOR_EMAIL", "desk@example.org")
        .env("GIT_COMMITTER_NAME", "Desk")
        .env("GIT_COMMITTER_EMAIL", "desk@example.org")
        .env("LANG", "C")
        .output()
        .expect("run git");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), text)
}

/// Runs `bitext -C dir ARGS` with English messages, outside any workspace.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let root = dir.to_str().expect("utf-8");
    let output = Command::new(env!("CARGO_BIN_EXE_bitext"))
        .args(["-C", root])
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("run bitext");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[track_caller]
pub(crate) fn git(ws: &Ws, args: &[&str]) -> String {
    let (code, text) = git_in(ws.root(), args);
    assert_eq!(code, 0, "git {args:?} failed:\n{text}");
    text
}

/// A git repository holding the harbour workspace, with bitext's merge driver registered to
/// the binary under test; `setup` runs before the first commit. `None` (with the skip printed)
/// when git is missing.
fn repo(setup: impl FnOnce(&Ws)) -> Option<Ws> {
    repo_with("harbour", setup)
}

/// As [`repo`], with `ARTICLE` as the article `name`.
pub(crate) fn repo_with(name: &str, setup: impl FnOnce(&Ws)) -> Option<Ws> {
    tool(&["git"])?;
    let ws = Ws::new();
    ws.write(&format!("sources/{name}.md"), ARTICLE);
    ws.write(".gitattributes", "translations/**/*.json merge=bitext\n");
    setup(&ws);
    git(&ws, &["init", "-q", "-b", "main"]);
    let driver = format!("{} merge-driver %O %A %B %P", env!("CARGO_BIN_EXE_bitext"));
    git(&ws, &["config", "merge.bitext.driver", &driver]);
    commit(&ws, "base");
    Some(ws)
}

pub(crate) fn commit(ws: &Ws, message: &str) {
    git(ws, &["add", "-A"]);
    git(ws, &["commit", "-q", "--allow-empty", "-m", message]);
}

fn set(ws: &Ws, n: &str, text: &str) {
    ws.run(&["set", "harbour", n, "-l", "fr", "--text", text])
        .success();
}

/// Every translation file parses (status reads them all) and holds each of `texts` somewhere:
/// live, obsolete, or recorded as a conflict.
#[track_caller]
fn assert_intact(ws: &Ws, texts: &[&str]) {
    ws.run(&["status", "--format", "json"]).success();
    let raw = ws.read(FR);
    assert!(!raw.contains("<<<<<<<"), "conflict markers in {FR}:\n{raw}");
    let file = ws.json(FR);
    let mut targets: Vec<String> = Vec::new();
    for key in ["units", "obsolete"] {
        for unit in file[key].as_array().into_iter().flatten() {
            targets.push(unit["target"].as_str().unwrap_or("").to_owned());
        }
    }
    for conflict in file["conflicts"].as_array().into_iter().flatten() {
        targets.push(
            conflict["theirs"]["target"]
                .as_str()
                .unwrap_or("")
                .to_owned(),
        );
    }
    for text in texts {
        assert!(
            targets.iter().any(|t| t == text),
            "{text:?} lost from {FR}:\n{raw}"
        );
    }
}

#[test]
fn disjoint_segments_merge_cleanly() {
    let Some(ws) = repo(|ws| {
        ws.run(&["sync", "-l", "fr"]).success();
    }) else {
        return;
    };
    git(&ws, &["checkout", "-q", "-b", "ana"]);
    set(&ws, "2", "Le conseil s’est réuni lundi.");
    commit(&ws, "ana translates 2");
    git(&ws, &["checkout", "-q", "main"]);
    set(&ws, "3", "Les pêcheurs ont parlé.");
    commit(&ws, "main translates 3");
    // Without the driver, git sees two edits of neighbouring lines: a textual conflict.
    git(&ws, &["merge", "-q", "--no-edit", "ana"]);
    assert_intact(
        &ws,
        &["Le conseil s’est réuni lundi.", "Les pêcheurs ont parlé."],
    );
    assert_eq!(
        ws.states("harbour", "fr"),
        ["missing", "current", "current", "missing", "missing"]
    );
}

#[test]
fn a_sync_on_one_branch_and_translations_on_the_other_merge_cleanly() {
    let Some(ws) = repo(|ws| {
        ws.translate_all("harbour", "fr");
    }) else {
        return;
    };
    let mayor = ws.json(FR)["units"][3]["target"]
        .as_str()
        .expect("translated")
        .to_owned();
    // The editor drops the mayor's paragraph, adds one at the top, and syncs: units move,
    // one goes to the obsolete list.
    git(&ws, &["checkout", "-q", "-b", "editor"]);
    let text = ws.read("sources/harbour.md");
    let start = text.find("The mayor").expect("mayor");
    let end = text[start..].find("\n\n").expect("end") + start + 2;
    let edited = format!(
        "Breaking: the wall has collapsed.\n\n{}{}",
        &text[..start],
        &text[end..]
    );
    ws.write("sources/harbour.md", edited);
    ws.run(&["sync", "-l", "fr"]).success();
    commit(&ws, "editor");
    // Meanwhile the translator reworks two translations.
    git(&ws, &["checkout", "-q", "main"]);
    set(
        &ws,
        "3",
        "Les pêcheurs ont dit que la pêche a baissé d’un tiers.",
    );
    set(&ws, "5", "Un festival aura lieu sur le quai.");
    commit(&ws, "translator");
    git(&ws, &["merge", "-q", "--no-edit", "editor"]);
    assert_intact(
        &ws,
        &[
            "Les pêcheurs ont dit que la pêche a baissé d’un tiers.",
            "Un festival aura lieu sur le quai.",
            &mayor,
        ],
    );
    // The new paragraph is missing, every other one current; the mayor's translation is
    // obsolete, once.
    assert_eq!(
        ws.states("harbour", "fr"),
        ["missing", "current", "current", "current", "current"]
    );
    let status = ws.lang_status("harbour", "fr");
    assert_eq!(status["obsolete"], 1, "{status}");
    assert_eq!(ws.json(FR)["obsolete"].as_array().map(Vec::len), Some(1));
}

#[test]
fn the_same_segment_translated_on_both_branches_is_a_conflict_in_a_valid_file() {
    let Some(ws) = repo(|ws| {
        ws.translate_all("harbour", "fr");
    }) else {
        return;
    };
    git(&ws, &["checkout", "-q", "-b", "ana"]);
    set(&ws, "2", "Version d’Ana.");
    commit(&ws, "ana");
    git(&ws, &["checkout", "-q", "main"]);
    set(&ws, "2", "Version de Luis.");
    commit(&ws, "luis");
    let (code, out) = git_in(ws.root(), &["merge", "--no-edit", "ana"]);
    assert_ne!(code, 0, "git must report the conflict:\n{out}");
    assert!(
        out.contains(&format!("CONFLICT (content): Merge conflict in {FR}")),
        "{out}"
    );
    assert!(
        out.contains("one unit was translated differently on both branches"),
        "{out}"
    );
    assert_intact(&ws, &["Version d’Ana.", "Version de Luis."]);
    // Ours stays in use; theirs waits beside it.
    let file = ws.json(FR);
    assert_eq!(file["units"][1]["target"], "Version de Luis.");
    assert_eq!(file["conflicts"][0]["theirs"]["target"], "Version d’Ana.");

    let status = ws.run(&["status"]).success();
    assert!(
        status.stdout.contains(
            "fr: segment 2 was translated differently on two merged branches; settle it with \
             `bitext resolve harbour 2 -l fr --ours|--theirs|--text TEXT`"
        ),
        "{}",
        status.stdout
    );
    assert_eq!(ws.lang_status("harbour", "fr")["conflicts"], 1);
    let check = ws.run(&["check", "-l", "fr"]);
    assert_eq!(check.code, 1, "{}", check.stdout);
    assert!(
        check.stdout.contains("sources/harbour.md:3: fr: segment 2"),
        "{}",
        check.stdout
    );
    assert!(check.stdout.contains("One merge conflict to resolve."));
    let github = ws.run(&["check", "-l", "fr", "--format", "github"]);
    assert!(
        github
            .stdout
            .contains("::error file=sources/harbour.md,line=3,title=Merge conflict (fr)::"),
        "{}",
        github.stdout
    );

    // A segment without a conflict cannot be resolved.
    let before = ws.snapshot();
    ws.run(&["resolve", "harbour", "3", "-l", "fr", "--theirs"])
        .error(&["sources/harbour.md", "no merge conflict"]);
    assert_eq!(before, ws.snapshot());

    let done = ws
        .run(&["resolve", "harbour", "2", "-l", "fr", "--theirs"])
        .success();
    assert!(
        done.stdout
            .contains("sources/harbour.md (fr), segment 2: conflict resolved, their version kept"),
        "{}",
        done.stdout
    );
    let file = ws.json(FR);
    assert_eq!(file["units"][1]["target"], "Version d’Ana.");
    assert!(file.get("conflicts").is_none(), "{file}");
    ws.run(&["check", "-l", "fr"]).success();
    commit(&ws, "merged");
}

#[test]
fn resolve_keeps_ours_or_records_a_new_text() {
    let Some(ws) = repo(|ws| {
        ws.translate_all("harbour", "fr");
    }) else {
        return;
    };
    for n in ["2", "3"] {
        git(&ws, &["checkout", "-q", "-B", "ana"]);
        set(&ws, n, "Ana.");
        commit(&ws, "ana");
        git(&ws, &["checkout", "-q", "main"]);
        set(&ws, n, "Luis.");
        commit(&ws, "luis");
        let (code, _) = git_in(ws.root(), &["merge", "--no-edit", "ana"]);
        assert_ne!(code, 0);
        commit(&ws, "merged with a conflict");
    }
    assert_eq!(ws.json(FR)["conflicts"].as_array().map(Vec::len), Some(2));
    ws.run(&["resolve", "harbour", "2", "-l", "fr", "--ours"])
        .success();
    ws.run(&["resolve", "harbour", "3", "-l", "fr", "--text", "Les deux."])
        .success();
    let file = ws.json(FR);
    assert_eq!(file["units"][1]["target"], "Luis.");
    assert_eq!(file["units"][2]["target"], "Les deux.");
    assert_eq!(file["units"][2]["state"], "translated");
    assert!(file.get("conflicts").is_none(), "{file}");
    ws.run(&["check", "-l", "fr"]).success();
    // Without a choice, resolve is a usage error.
    assert_eq!(ws.run(&["resolve", "harbour", "2", "-l", "fr"]).code, 2);
}

#[test]
fn a_paragraph_deleted_on_one_branch_and_translated_on_the_other_keeps_the_translation() {
    let Some(ws) = repo(|ws| {
        ws.run(&["sync", "-l", "fr"]).success();
    }) else {
        return;
    };
    git(&ws, &["checkout", "-q", "-b", "editor"]);
    ws.edit_source("harbour", &format!("\n{FESTIVAL}\n"), "");
    ws.run(&["sync", "-l", "fr"]).success();
    commit(&ws, "editor drops the festival");
    git(&ws, &["checkout", "-q", "main"]);
    set(&ws, "5", "Un festival aura lieu sur le quai.");
    set(&ws, "1", "Le conseil du port");
    commit(&ws, "translator");
    git(&ws, &["merge", "-q", "--no-edit", "editor"]);
    assert_intact(
        &ws,
        &["Un festival aura lieu sur le quai.", "Le conseil du port"],
    );
    assert_eq!(ws.segment_count("harbour"), 4);
    let file = ws.json(FR);
    assert_eq!(file["obsolete"][0]["source"], FESTIVAL);
    assert_eq!(ws.lang_status("harbour", "fr")["obsolete"], 1);
}

#[test]
fn a_file_created_on_both_branches_merges_by_unit() {
    let Some(ws) = repo(|_| {}) else {
        return;
    };
    assert!(!ws.path(FR).exists());
    git(&ws, &["checkout", "-q", "-b", "ana"]);
    set(&ws, "1", "Le conseil du port");
    set(&ws, "2", "Même texte.");
    commit(&ws, "ana");
    git(&ws, &["checkout", "-q", "main"]);
    set(&ws, "3", "Les pêcheurs ont parlé.");
    set(&ws, "2", "Même texte.");
    commit(&ws, "luis");
    git(&ws, &["merge", "-q", "--no-edit", "ana"]);
    assert_intact(
        &ws,
        &[
            "Le conseil du port",
            "Même texte.",
            "Les pêcheurs ont parlé.",
        ],
    );
    assert_eq!(
        ws.states("harbour", "fr"),
        ["current", "current", "current", "missing", "missing"]
    );
}

#[test]
fn the_driver_refuses_an_unreadable_version_and_leaves_ours_untouched() {
    let ws = Ws::translated();
    let ours = ws.read(FR);
    ws.write("base.json", &ours);
    ws.write("theirs.json", "{\"format\": 1, \"units\": [");
    ws.run(&["merge-driver", "base.json", FR, "theirs.json", FR])
        .error(&["translations/fr/harbour.json (theirs)", "line 1"]);
    assert_eq!(ws.read(FR), ours);
}

#[test]
fn older_files_without_conflicts_read_and_write_unchanged() {
    let ws = Ws::translated();
    let before = ws.read(FR);
    assert!(!before.contains("conflicts"));
    ws.run(&["sync"]).success();
    assert_eq!(ws.read(FR), before);
}

#[test]
fn init_writes_the_gitattributes_line_and_prints_the_git_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = run_in(dir.path(), &["init"]).success();
    let attributes = std::fs::read_to_string(dir.path().join(".gitattributes")).expect("written");
    assert!(
        attributes
            .contains("translations/**/*.json merge=bitext\n.bitext/**/*.json merge=bitext\n"),
        "the records of translations kept as pages too: {attributes}"
    );
    // An existing file gets the line it lacks, once.
    std::fs::write(
        dir.path().join(".gitattributes"),
        "*.png binary\ntranslations/**/*.json merge=bitext\n",
    )
    .expect("write");
    std::fs::remove_file(dir.path().join("bitext.toml")).expect("remove");
    run_in(dir.path(), &["init"]).success();
    run_in(dir.path(), &["init"]);
    let attributes = std::fs::read_to_string(dir.path().join(".gitattributes")).expect("read");
    assert_eq!(
        attributes,
        "*.png binary\ntranslations/**/*.json merge=bitext\n.bitext/**/*.json merge=bitext\n"
    );
    assert!(
        run.stdout
            .contains("git config merge.bitext.driver \"bitext merge-driver %O %A %B %P\""),
        "{}",
        run.stdout
    );
}

#[test]
fn init_git_registers_the_driver_and_refuses_outside_a_repository() {
    if tool(&["git"]).is_none() {
        return;
    }
    let outside = tempfile::tempdir().expect("temp dir");
    run_in(outside.path(), &["init", "--git"]).error(&["merge driver"]);
    assert_eq!(std::fs::read_dir(outside.path()).expect("dir").count(), 0);

    let dir = tempfile::tempdir().expect("temp dir");
    let (code, out) = git_in(dir.path(), &["init", "-q"]);
    assert_eq!(code, 0, "{out}");
    let run = run_in(dir.path(), &["init", "--git"]).success();
    assert!(
        run.stdout.contains("Registered bitext's merge driver"),
        "{}",
        run.stdout
    );
    let (_, driver) = git_in(dir.path(), &["config", "--get", "merge.bitext.driver"]);
    assert_eq!(driver.trim(), "bitext merge-driver %O %A %B %P");
}
