//! `bitext check`: the CI gate and its four renderings.

use crate::support::{ARTICLE, Ws, sample_copy};

#[test]
fn check_passes_on_the_sample() {
    let run = sample_copy().run(&["check"]).success();
    assert!(
        run.stdout
            .starts_with("check passed: 2 articles in 2 languages"),
        "{}",
        run.stdout
    );
}

#[test]
fn check_fails_after_a_source_edit_and_errors_on_a_corrupt_file() {
    let ws = Ws::translated();
    let pass = ws.run(&["check", "-l", "fr"]).success();
    assert_eq!(
        pass.stdout,
        "check passed: 1 article in 1 language; 0 stale, 0 missing, 0 draft.\n"
    );
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend.", "next weekend!"),
    );
    let fail = ws.run(&["check", "-l", "fr"]);
    assert_eq!(fail.code, 1);
    assert!(
        fail.stdout
            .starts_with("sources/harbour.md:11: fr: stale segment 5 ("),
        "{}",
        fail.stdout
    );
    assert!(
        fail.stdout
            .ends_with("check failed: 1 article in 1 language; 1 stale, 0 missing, 0 draft.\n"),
        "{}",
        fail.stdout
    );

    ws.write(
        "translations/fr/harbour.json",
        "{\"format\": 1, \"article\": ",
    );
    let error = ws.run(&["check", "-l", "fr"]);
    assert_eq!(error.code, 2);
    assert!(
        error
            .stderr
            .starts_with("error: translations/fr/harbour.json:1:"),
        "{}",
        error.stderr
    );
    assert!(error.stdout.is_empty());
}

#[test]
fn required_languages_default_to_the_targets() {
    let ws = Ws::translated();
    let run = ws.run(&["check"]);
    assert_eq!(run.code, 1, "es has no translation at all");
    assert!(
        run.stdout
            .contains("sources/harbour.md:1: es: missing segment 1 ("),
        "{}",
        run.stdout
    );
    ws.run(&["check", "-l", "xx-INVALID-999999"])
        .error(&["xx-INVALID-999999"]);
}

#[test]
fn drafts_fail_the_check() {
    let ws = Ws::translated();
    ws.run(&[
        "set",
        "harbour",
        "2",
        "-l",
        "fr",
        "--draft",
        "--text",
        "brouillon",
    ])
    .success();
    let run = ws.run(&["check", "-l", "fr"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("fr: draft segment 2"), "{}", run.stdout);
}

#[test]
fn min_complete_gates_on_the_percentage() {
    let ws = Ws::stale_and_missing();
    // fr: 4 of 6 current = 66.7%.
    let pass = ws.run(&["check", "-l", "fr", "--min-complete", "60"]);
    assert_eq!(pass.code, 0, "{}", pass.stdout);
    assert!(
        pass.stdout.contains("check passed") && pass.stdout.contains("(required: 60.0% current)")
    );
    let fail = ws.run(&["check", "-l", "fr", "--min-complete", "70"]);
    assert_eq!(fail.code, 1);
    assert!(
        fail.stdout
            .contains("sources/harbour.md: fr: 66.7% current, below the required 70.0%"),
        "{}",
        fail.stdout
    );
    let bad = ws.run(&["check", "--min-complete", "120"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("120"), "{}", bad.stderr);
}

#[test]
fn github_annotations_point_at_the_source_line() {
    let ws = Ws::stale_and_missing();
    let run = ws.run(&["check", "-l", "fr", "--format", "github"]);
    assert_eq!(run.code, 1);
    let annotations: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 2, "{}", run.stdout);
    let (head, message) = annotations[0]
        .split_once("::")
        .map(|(_, rest)| rest)
        .and_then(|r| r.split_once("::"))
        .expect("::cmd props::message");
    let (level, props) = head.split_once(' ').expect("level and properties");
    assert_eq!(level, "error");
    let props: Vec<(&str, &str)> = props
        .split(',')
        .map(|p| p.split_once('=').expect("key=value"))
        .collect();
    assert_eq!(props[0], ("file", "sources/harbour.md"));
    assert_eq!(props[1], ("line", "11"));
    assert_eq!(props[2], ("title", "Stale translation (fr)"));
    assert!(
        message.starts_with("Segment 5 (") && message.contains("bitext diff harbour -l fr"),
        "{message}"
    );
    assert!(annotations[1].starts_with(
        "::error file=sources/harbour.md,line=13,title=Missing translation (fr)::Segment 6 ("
    ));
    // Below a passing threshold, findings are warnings.
    let warn = ws.run(&[
        "check",
        "-l",
        "fr",
        "--format",
        "github",
        "--min-complete",
        "50",
    ]);
    assert_eq!(warn.code, 0);
    assert!(
        warn.stdout
            .lines()
            .filter(|l| l.starts_with("::"))
            .all(|l| l.starts_with("::warning "))
    );
}

#[test]
fn junit_report_is_valid_xml_with_a_suite_per_language() {
    let ws = Ws::stale_and_missing();
    let run = ws.run(&["check", "--format", "junit"]);
    assert_eq!(run.code, 1);
    let doc = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some("2"));
    assert_eq!(root.attribute("failures"), Some("2"));
    let suites: Vec<roxmltree::Node> = root
        .children()
        .filter(roxmltree::Node::is_element)
        .collect();
    assert_eq!(
        suites
            .iter()
            .map(|s| s.attribute("name").unwrap_or(""))
            .collect::<Vec<_>>(),
        ["fr", "es"]
    );
    let case = suites[0]
        .children()
        .find(|n| n.has_tag_name("testcase"))
        .expect("testcase");
    assert_eq!(case.attribute("name"), Some("harbour"));
    assert_eq!(case.attribute("classname"), Some("bitext.fr"));
    assert_eq!(case.attribute("file"), Some("sources/harbour.md"));
    let failure = case
        .children()
        .find(|n| n.has_tag_name("failure"))
        .expect("failure");
    assert_eq!(
        failure.attribute("message"),
        Some("66.7% current (4 of 6 segments)")
    );
    let text = failure.text().expect("failure text");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("sources/harbour.md:11: fr: stale segment 5 ("));
    assert!(lines[1].starts_with("sources/harbour.md:13: fr: missing segment 6 ("));

    let pass = Ws::translated();
    let run = pass
        .run(&["check", "-l", "fr", "--format", "junit"])
        .success();
    let doc = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    assert!(doc.descendants().all(|n| !n.has_tag_name("failure")));
    assert!(doc.descendants().any(|n| n.has_tag_name("testcase")));
}

#[test]
fn json_lists_findings_results_and_totals() {
    let ws = Ws::stale_and_missing();
    let run = ws.run(&["check", "-l", "fr", "--format", "json"]);
    assert_eq!(run.code, 1);
    let json = run.json();
    assert_eq!(json["passed"], false);
    assert_eq!(json["totals"]["stale"], 1);
    assert_eq!(json["totals"]["missing"], 1);
    assert_eq!(json["results"][0]["percent"], 66.7);
    let finding = &json["findings"][0];
    assert_eq!(
        (
            finding["article"].as_str(),
            finding["lang"].as_str(),
            finding["state"].as_str()
        ),
        (Some("harbour"), Some("fr"), Some("stale"))
    );
    assert_eq!(finding["line"], 11);
    assert_eq!(finding["n"], 5);
}

#[test]
fn check_output_is_fixed_in_every_ui_language() {
    let ws = Ws::stale_and_missing();
    for lang in ["en", "fr", "es"] {
        let run = ws.run(&["--ui-lang", lang, "check"]);
        assert_eq!(run.code, 1);
        insta::assert_snapshot!(format!("check_text_{lang}"), run.stdout);
    }
}

#[test]
fn min_complete_marks_the_work_left_in_passing_articles_as_warnings() {
    let ws = Ws::stale_and_missing();
    ws.write("sources/short.md", "# Short\n\nOne paragraph.\n");
    // harbour: 4 of 6 current in French (passes 60%); short: 0 of 2 (fails).
    let run = ws.run(&["check", "-l", "fr", "--min-complete", "60"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{}", run.stdout);
    assert!(
        lines[0].starts_with("sources/short.md:1: fr: missing segment 1 ("),
        "{}",
        run.stdout
    );
    assert!(
        lines[1].starts_with("sources/short.md:3: fr: missing segment 2 ("),
        "{}",
        run.stdout
    );
    assert!(
        lines[2].starts_with("sources/short.md: fr: 0.0% current, below"),
        "{}",
        run.stdout
    );
    assert!(
        lines[3].starts_with("warning: sources/harbour.md:11: fr: stale segment 5 ("),
        "{}",
        run.stdout
    );
    assert!(
        lines[4].starts_with("warning: sources/harbour.md:13: fr: missing segment 6 ("),
        "{}",
        run.stdout
    );
    assert!(lines[5].starts_with("check failed"), "{}", run.stdout);
    // Failures never carry the warning mark.
    assert_eq!(run.stdout.matches("warning: ").count(), 2);
    let fr = ws.run(&[
        "--ui-lang",
        "fr",
        "check",
        "-l",
        "fr",
        "--min-complete",
        "60",
    ]);
    assert!(
        fr.stdout
            .contains("avertissement\u{a0}: sources/harbour.md:11: fr\u{a0}: segment 5 périmé"),
        "{}",
        fr.stdout
    );
    let es = ws.run(&[
        "--ui-lang",
        "es",
        "check",
        "-l",
        "fr",
        "--min-complete",
        "60",
    ]);
    assert_eq!(
        es.stdout.matches("\naviso: sources/harbour.md:").count(),
        2,
        "{}",
        es.stdout
    );
}

/// `check` works a chunk of articles at a time and writes its report from temporary files at
/// the end: across chunks the report counts every article, lists every unfinished segment
/// that `status` counts, and a malformed file in a later chunk leaves stdout empty.
#[test]
fn a_report_written_across_chunks_is_whole_and_a_late_bad_file_prints_nothing() {
    let ws = Ws::generated(150, 11);
    let status = ws
        .run(&["status", "--format", "json", "-l", "fr"])
        .success()
        .json();
    let unfinished: u64 = status["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| {
            let l = &a["languages"][0];
            l["stale"].as_u64().unwrap_or(0)
                + l["missing"].as_u64().unwrap_or(0)
                + l["draft"].as_u64().unwrap_or(0)
        })
        .sum();
    assert!(unfinished > 0);
    let text = ws.run(&["check", "-l", "fr"]);
    assert_eq!(text.code, 1);
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert_eq!(lines.len() as u64, unfinished + 1, "{}", text.stdout);
    assert!(
        lines[lines.len() - 1].starts_with("check failed: 150 articles in 1 language;"),
        "{}",
        text.stdout
    );
    let json = ws.run(&["check", "-l", "fr", "--format", "json"]).json();
    assert_eq!(json["results"].as_array().expect("results").len(), 150);
    assert_eq!(
        json["findings"].as_array().expect("findings").len() as u64,
        unfinished
    );
    let junit = ws.run(&["check", "-l", "fr", "--format", "junit"]).stdout;
    assert_eq!(junit.matches("<testcase ").count(), 150);

    let last = ws.last_file("translations/fr");
    ws.write(&last, "{\"format\": 1,");
    for format in ["text", "json", "github", "junit"] {
        let run = ws
            .run(&["check", "-l", "fr", "--format", format])
            .error(&[last.as_str()]);
        assert_eq!(run.stdout, "", "{format}");
    }
}
