//! `bitext diff`: what changed since a segment was translated.

use crate::support::{ARTICLE, Ws, tool};

#[test]
fn a_one_character_edit_is_visible_with_markers_when_colour_is_off() {
    let ws = Ws::stale_and_missing();
    let run = ws.run(&["diff", "-l", "fr"]).success();
    assert!(
        run.stdout
            .contains("sources/harbour.md:11: fr: stale segment 5 ("),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("on the quay next weekend[-.-]{+!+}"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("fr translation of segment 5"),
        "{}",
        run.stdout
    );
    // Missing segments come after the stale ones, briefly.
    let stale_at = run.stdout.find("stale segment 5").expect("stale");
    let missing_at = run.stdout.find("missing segment 6").expect("missing");
    assert!(stale_at < missing_at);
    assert!(
        run.stdout.contains("missing segment 6 (")
            && run
                .stdout
                .contains("The tide tables are printed on page 4.")
    );
    assert!(
        !run.stdout.contains('\x1b'),
        "no colour when NO_COLOR is set"
    );
}

#[test]
fn a_changed_letter_inside_a_long_word_is_shown_alone() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("harbour wall", "harbor wall"),
    );
    let run = ws.run(&["diff"]).success();
    assert!(
        run.stdout.contains("old harbo[-u-]r wall"),
        "{}",
        run.stdout
    );
}

#[test]
fn colour_replaces_markers_on_request() {
    let ws = Ws::stale_and_missing();
    let run = ws.run(&["--color", "always", "diff", "-l", "fr"]).success();
    assert!(
        run.stdout.contains("\x1b[9;31m.\x1b[0m\x1b[4;32m!\x1b[0m"),
        "{:?}",
        run.stdout
    );
    assert!(!run.stdout.contains("[-.-]"));
}

#[test]
fn the_diff_is_cumulative_from_the_translated_text() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend", "next Saturday"),
    );
    ws.run(&["sync"]).success();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend", "next Sunday evening"),
    );
    let run = ws.run(&["diff", "-l", "fr"]).success();
    assert!(
        run.stdout.contains("next [-weekend-]{+Sunday evening+}."),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Saturday"), "{}", run.stdout);
}

/// Runs `tool` with `args` in `dir`, asserting success.
#[track_caller]
fn run_tool(dir: &std::path::Path, tool: &str, args: &[&str], stdin: &str) {
    use std::io::Write as _;
    let mut child = std::process::Command::new(tool)
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("wait");
    assert!(
        output.status.success(),
        "{tool} {args:?} failed:\n{}{}\npatch:\n{stdin}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn unified_output_is_one_patch_per_file_that_git_apply_and_patch_accept() {
    let (Some(git), Some(patch)) = (tool(&["git"]), tool(&["patch"])) else {
        return;
    };
    let ws = Ws::translated();
    ws.translate_all("harbour", "es");
    let second = "# Second\n\nAnother article, with a paragraph\nwrapped over two lines.\n";
    ws.write("sources/second.md", second);
    ws.translate_all("second", "fr");
    // Edits inside wrapped paragraphs, at the end of the file, and in both languages.
    let edited = ARTICLE
        .replace("next weekend.", "next weekend!")
        .replace("The council met on Monday", "The council met on Tuesday")
        .replace("the catch has fallen", "the catch has dropped");
    ws.write("sources/harbour.md", &edited);
    let second_edited = second.replace("over two lines", "over exactly two lines");
    ws.write("sources/second.md", &second_edited);

    let run = ws.run(&["diff", "--format", "unified"]).success();
    assert_eq!(
        run.stdout.matches("--- a/sources/harbour.md\n").count(),
        1,
        "one patch per file, not one per language or segment:\n{}",
        run.stdout
    );
    assert_eq!(run.stdout.matches("--- a/sources/second.md\n").count(), 1);
    assert!(
        run.stdout
            .contains("@@ -1,11 +1,11 @@\n # The harbour council\n \n-The council met on Monday"),
        "real line numbers and the file's lines:\n{}",
        run.stdout
    );

    // Applied to the files as they were translated, the patch gives the files as they are.
    let before = tempfile::tempdir().expect("temp");
    std::fs::create_dir_all(before.path().join("sources")).expect("mkdir");
    std::fs::write(before.path().join("sources/harbour.md"), ARTICLE).expect("write");
    std::fs::write(before.path().join("sources/second.md"), second).expect("write");
    run_tool(before.path(), &git, &["apply", "--check", "-"], &run.stdout);
    run_tool(before.path(), &patch, &["-p1", "--dry-run"], &run.stdout);
    run_tool(before.path(), &patch, &["-p1", "--quiet"], &run.stdout);
    assert_eq!(
        std::fs::read_to_string(before.path().join("sources/harbour.md")).expect("read"),
        edited
    );
    assert_eq!(
        std::fs::read_to_string(before.path().join("sources/second.md")).expect("read"),
        second_edited
    );
    // And it reverses cleanly on the workspace as it is now.
    run_tool(
        ws.root(),
        &git,
        &["apply", "--check", "-R", "-"],
        &run.stdout,
    );
    run_tool(ws.root(), &patch, &["-p1", "-R", "--dry-run"], &run.stdout);

    let fr_only = ws
        .run(&["diff", "-l", "fr", "--format", "unified"])
        .success();
    assert_eq!(
        fr_only.stdout, run.stdout,
        "the same patch from one language"
    );
}

#[test]
fn json_has_old_new_translation_and_diff_ops() {
    let ws = Ws::stale_and_missing();
    let json = ws
        .run(&["diff", "-l", "fr", "--format", "json"])
        .success()
        .json();
    let lang = &json["articles"][0]["languages"][0];
    assert_eq!(json["articles"][0]["source"], "sources/harbour.md");
    assert_eq!(lang["lang"], "fr");
    let stale = &lang["stale"][0];
    assert_eq!(stale["n"], 5);
    assert_eq!(stale["line"], 11);
    assert!(stale["old"].as_str().expect("old").ends_with("weekend."));
    assert!(stale["new"].as_str().expect("new").ends_with("weekend!"));
    assert_eq!(stale["translation"], "fr translation of segment 5");
    let ops: Vec<(&str, &str)> = stale["diff"]
        .as_array()
        .expect("diff")
        .iter()
        .map(|c| {
            (
                c["op"].as_str().expect("op"),
                c["text"].as_str().expect("text"),
            )
        })
        .collect();
    assert_eq!(ops[ops.len() - 2..], [("delete", "."), ("insert", "!")]);
    assert_eq!(ops[0].0, "equal");
    assert_eq!(lang["missing"][0]["n"], 6);
    assert_eq!(
        lang["missing"][0]["text"],
        "The tide tables are printed on page 4."
    );
}

#[test]
fn exit_code_flag_reports_whether_anything_was_shown() {
    let ws = Ws::translated();
    let clean = ws.run(&["diff", "-l", "fr", "--exit-code"]).success();
    assert_eq!(clean.stdout, "No stale or missing segments.\n");
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend.", "next weekend!"),
    );
    assert_eq!(ws.run(&["diff", "-l", "fr"]).code, 0);
    let found = ws.run(&["diff", "-l", "fr", "--exit-code"]);
    assert_eq!(found.code, 1);
    assert!(found.stdout.contains("stale segment 5"));
}

#[test]
fn merged_paragraphs_diff_against_both_old_texts() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("for coming.\n\nA festival", "for coming. A festival"),
    );
    let json = ws
        .run(&["diff", "-l", "fr", "--format", "json"])
        .success()
        .json();
    let stale = &json["articles"][0]["languages"][0]["stale"][0];
    assert!(
        stale["old"]
            .as_str()
            .expect("old")
            .contains("for coming.\n\nA festival")
    );
    assert!(
        stale["translation"]
            .as_str()
            .expect("t")
            .contains("segment 4\n\nfr translation of segment 5")
    );
}

#[test]
fn diff_output_is_fixed_in_every_ui_language() {
    let ws = Ws::stale_and_missing();
    for lang in ["en", "fr", "es"] {
        let run = ws.run(&["--ui-lang", lang, "diff", "-l", "fr"]).success();
        insta::assert_snapshot!(format!("diff_text_{lang}"), run.stdout);
    }
}
