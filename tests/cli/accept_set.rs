//! `bitext set` and `bitext accept`.

use crate::support::{ARTICLE, Ws, strs};

const FILE: &str = "translations/fr/harbour.json";

#[test]
fn set_reads_the_translation_from_stdin_and_normalises_it() {
    let ws = Ws::new();
    ws.write("sources/harbour.md", ARTICLE);
    let run = ws
        .run_with_stdin(
            &["set", "harbour", "1", "-l", "fr"],
            Some("Le conseil\r\ndu port\n"),
        )
        .success();
    assert_eq!(
        run.stdout,
        "fr: segment 1 of sources/harbour.md recorded as translated.\n"
    );
    let unit = &ws.json(FILE)["units"][0];
    assert_eq!(unit["target"], "Le conseil du port");
    assert_eq!(unit["source"], "The harbour council");
    assert_eq!(unit["state"], "translated");
    assert_eq!(ws.states("harbour", "fr")[0], "current");
}

#[test]
fn set_from_a_file_by_id_prefix_and_as_reviewed() {
    let ws = Ws::new();
    ws.write("sources/harbour.md", ARTICLE);
    let status = ws
        .run(&["status", "-l", "fr", "--segments", "--format", "json"])
        .success()
        .json();
    let id = status["articles"][0]["languages"][0]["segments"][2]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    ws.write("t.txt", "Les pêcheurs ont dit...\n");
    ws.run(&[
        "set",
        "sources/harbour.md",
        &id[..5],
        "-l",
        "fr",
        "--file",
        "t.txt",
        "--reviewed",
    ])
    .success();
    let unit = &ws.json(FILE)["units"][2];
    assert_eq!(unit["target"], "Les pêcheurs ont dit...");
    assert_eq!(unit["state"], "reviewed");
    assert_eq!(unit["id"], id);
}

#[test]
fn a_draft_is_work_left_until_confirmed() {
    let ws = Ws::new();
    ws.write("sources/harbour.md", ARTICLE);
    ws.run(&[
        "set",
        "harbour",
        "2",
        "-l",
        "fr",
        "--draft",
        "--text",
        "Brouillon",
    ])
    .success();
    let status = ws.lang_status("harbour", "fr");
    assert_eq!(
        (
            status["draft"].as_u64(),
            status["current"].as_u64(),
            status["missing"].as_u64()
        ),
        (Some(1), Some(0), Some(4))
    );
    ws.run(&["accept", "harbour", "2", "-l", "fr"]).success();
    assert_eq!(ws.states("harbour", "fr")[1], "current");
}

#[test]
fn set_on_a_stale_segment_makes_it_current() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend", "next Saturday"),
    );
    assert_eq!(ws.states("harbour", "fr")[4], "stale");
    ws.run(&[
        "set",
        "harbour",
        "5",
        "-l",
        "fr",
        "--text",
        "Un festival samedi prochain.",
    ])
    .success();
    assert_eq!(ws.states("harbour", "fr"), strs(&["current"; 5]));
}

#[test]
fn accept_marks_a_stale_segment_current_without_touching_its_translation() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        ARTICLE
            .replace("third since", "third sinse")
            .replace("sinse", "since,"),
    );
    assert_eq!(ws.states("harbour", "fr")[2], "stale");
    let run = ws
        .run(&["accept", "harbour", "3", "1", "-l", "fr"])
        .success();
    assert!(
        run.stdout
            .contains("segment 3 of sources/harbour.md accepted"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("segment 1 of sources/harbour.md is already current"),
        "{}",
        run.stdout
    );
    assert_eq!(ws.states("harbour", "fr"), strs(&["current"; 5]));
    let unit = &ws.json(FILE)["units"][2];
    assert_eq!(unit["target"], "fr translation of segment 3");
    assert!(
        unit["source"]
            .as_str()
            .expect("source")
            .contains("third since,")
    );
}

#[test]
fn accept_refuses_a_missing_segment_and_writes_nothing() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        format!("{ARTICLE}\nA brand new closing line about the tides.\n"),
    );
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend", "next Saturday")
            + "\nA brand new closing line about the tides.\n",
    );
    let before = ws.snapshot();
    ws.run(&["accept", "harbour", "5", "6", "-l", "fr"])
        .error(&["sources/harbour.md", "segment 6 is missing"]);
    assert_eq!(ws.snapshot(), before);
}

#[test]
fn set_refuses_empty_and_multi_paragraph_text() {
    let ws = Ws::translated();
    let before = ws.snapshot();
    ws.run(&["set", "harbour", "1", "-l", "fr", "--text", "  "])
        .error(&["empty translation"]);
    ws.run_with_stdin(&["set", "harbour", "1", "-l", "fr"], Some("one\n\ntwo\n"))
        .error(&["blank line", "standard input"]);
    assert_eq!(ws.snapshot(), before);
}
