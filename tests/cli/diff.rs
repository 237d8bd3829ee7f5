//! `bitext diff`: what changed since a segment was translated.

use crate::support::{ARTICLE, Ws};

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

#[test]
fn unified_output_applies_with_a_unified_diff_parser() {
    let ws = Ws::translated();
    let edited = ARTICLE
        .replace("next weekend.", "next weekend!")
        .replace("The council met on Monday", "The council met on Tuesday");
    ws.write("sources/harbour.md", &edited);
    let run = ws
        .run(&["diff", "-l", "fr", "--format", "unified"])
        .success();
    let patches: Vec<String> = run
        .stdout
        .split("--- a/")
        .filter(|p| !p.is_empty())
        .map(|p| format!("--- a/{p}"))
        .collect();
    assert_eq!(patches.len(), 2, "{}", run.stdout);
    let status = ws
        .run(&["status", "-l", "fr", "--segments", "--format", "json"])
        .success()
        .json();
    for text in &patches {
        let patch = diffy::Patch::from_str(text).expect("a valid unified diff");
        assert_eq!(patch.original(), Some("a/sources/harbour.md"));
        assert_eq!(patch.modified(), Some("b/sources/harbour.md"));
        let hunk = &patch.hunks()[0];
        let line = hunk.old_range().start();
        // Rebuild the file as the translator saw it: the old paragraph at its line.
        let segment = status["articles"][0]["languages"][0]["segments"]
            .as_array()
            .expect("segments")
            .iter()
            .find(|s| s["line"] == line)
            .expect("segment at hunk line")
            .clone();
        let n = usize::try_from(segment["n"].as_u64().expect("n")).expect("usize");
        let old_text = ws.json("translations/fr/harbour.json")["units"][n - 1]["source"]
            .as_str()
            .expect("source")
            .to_owned();
        let base = format!("{}{old_text}\n", "filler\n".repeat(line - 1));
        let applied = diffy::apply(&base, &patch).expect("patch applies");
        let new_text = applied.lines().last().expect("line");
        assert!(edited.replace('\n', " ").contains(new_text), "{new_text}");
        assert_ne!(new_text, old_text);
    }
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
