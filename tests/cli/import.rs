//! `bitext import`: a whole translated article aligned with its source.

use crate::support::{SAMPLE, Ws, sample_copy, strs};

const FR: &str = "translations/fr/no-to-canadas-interference-in-peru.json";

/// The sample's French translation as a Markdown document, paragraph by paragraph, with its
/// headings as headings; `edit` reshapes the paragraph list first.
fn french_document(edit: impl FnOnce(&mut Vec<String>)) -> String {
    let ws = sample_copy();
    let mut paragraphs: Vec<String> = ws.json(FR)["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["target"].as_str().expect("target").to_owned())
        .collect();
    paragraphs[1] = format!("# {}", paragraphs[1]);
    paragraphs[12] = format!("## {}", paragraphs[12]);
    edit(&mut paragraphs);
    paragraphs.join("\n\n") + "\n"
}

/// A copy of the sample with no French translation yet, and `document` to import.
fn untranslated(document: &str) -> Ws {
    let ws = sample_copy();
    std::fs::remove_file(ws.path(FR)).expect("rm");
    ws.write("article.fr.md", document);
    ws
}

fn states_after_import(document: &str) -> (Ws, Vec<String>, String) {
    let ws = untranslated(document);
    let run = ws
        .run(&["import", SAMPLE, "-l", "fr", "article.fr.md"])
        .success();
    let states = ws.states(SAMPLE, "fr");
    (ws, states, run.stdout)
}

fn expected(overrides: &[(usize, &str)]) -> Vec<String> {
    let mut states = strs(&["current"; 19]);
    for (n, state) in overrides {
        (*state).clone_into(&mut states[n - 1]);
    }
    states
}

#[test]
fn the_same_paragraph_count_aligns_one_to_one() {
    let (ws, states, stdout) = states_after_import(&french_document(|_| {}));
    assert_eq!(states, expected(&[]), "{stdout}");
    // The recorded translations are the document's paragraphs, in order.
    let original = sample_copy().json(FR)["units"].clone();
    let imported = ws.json(FR)["units"].clone();
    for i in 0..19 {
        assert_eq!(
            imported[i]["target"],
            original[i]["target"],
            "segment {}",
            i + 1
        );
    }
}

#[test]
fn two_merged_paragraphs_become_drafts_to_review() {
    let document = french_document(|p| {
        let next = p.remove(7);
        p[6] = format!("{} {next}", p[6]);
    });
    let (ws, states, stdout) = states_after_import(&document);
    // The merged pair is a draft, and so are 11 and 12, whose lengths do not decide them
    // against the other paragraphs where the page was reshaped.
    assert_eq!(
        states,
        expected(&[(7, "draft"), (8, "draft"), (11, "draft"), (12, "draft")]),
        "{stdout}"
    );
    let units = ws.json(FR)["units"].clone();
    let merged = units[6]["target"].as_str().expect("target");
    assert!(
        merged.starts_with("Au moins 14 pays") && merged.contains("Dans tout cela"),
        "{merged}"
    );
    assert!(stdout.contains("    7-8 "), "{stdout}");
}

#[test]
fn a_split_paragraph_becomes_one_draft() {
    let document = french_document(|p| {
        let text = p[8].clone();
        let cut = text.find(". La formation").expect("sentence") + 1;
        p.splice(8..9, [text[..cut].to_owned(), text[cut + 1..].to_owned()]);
    });
    let (ws, states, stdout) = states_after_import(&document);
    // The split paragraph is one draft; around it, pairs whose lengths do not decide them
    // against the other paragraphs are left to review.
    assert_eq!(
        states,
        expected(&[(8, "draft"), (9, "draft"), (11, "draft"), (12, "draft")]),
        "{stdout}"
    );
    assert!(stdout.contains("blocks merged or split"), "{stdout}");
    let target = ws.json(FR)["units"][8]["target"]
        .as_str()
        .expect("t")
        .to_owned();
    assert!(
        target.contains("Haïti") && target.contains("Groupe de Lima"),
        "both halves joined: {target}"
    );
}

#[test]
fn a_dropped_paragraph_stays_missing() {
    let document = french_document(|p| {
        p.remove(9);
    });
    let (_, states, stdout) = states_after_import(&document);
    // Where a paragraph was dropped, a pair is recorded as translated only when its lengths
    // make it far likelier than any other of its paragraphs: 8, 11 and 12 are left to review.
    assert_eq!(
        states,
        expected(&[(8, "draft"), (10, "missing"), (11, "draft"), (12, "draft")]),
        "{stdout}"
    );
    assert!(stdout.contains("no translation"), "{stdout}");
}

#[test]
fn dry_run_shows_the_alignment_and_writes_nothing() {
    let ws = untranslated(&french_document(|p| {
        p.remove(9);
    }));
    let before = ws.snapshot();
    let run = ws
        .run(&["import", SAMPLE, "-l", "fr", "article.fr.md", "--dry-run"])
        .success();
    assert_eq!(ws.snapshot(), before);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].contains("conf."), "{}", run.stdout);
    // One line per pair, each with its confidence, then that the structures differ, then the
    // summary.
    assert_eq!(lines.len(), 1 + 19 + 1 + 1, "{}", run.stdout);
    assert!(
        lines[20].contains("19 blocks in the source, 18 in the translation"),
        "{}",
        run.stdout
    );
    let first: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(first[0], "1");
    let confidence: f64 = first[1].parse().expect("a confidence");
    assert!((0.0..=1.0).contains(&confidence));
    assert!(
        lines[10].trim_start().starts_with("10      -"),
        "{}",
        lines[10]
    );
    assert!(run.stdout.contains("Nothing was written"), "{}", run.stdout);
}

#[test]
fn existing_current_translations_are_kept_unless_forced() {
    let ws = sample_copy();
    let document = french_document(|p| p[12] = "## Pour votre gouverne".to_owned());
    ws.write("article.fr.md", &document);
    let run = ws
        .run(&["import", SAMPLE, "-l", "fr", "article.fr.md"])
        .success();
    assert!(
        run.stdout.contains("18 unchanged, 1 conflict kept"),
        "{}",
        run.stdout
    );
    assert_eq!(ws.json(FR)["units"][12]["target"], "Pour votre information");
    ws.run(&["import", SAMPLE, "-l", "fr", "article.fr.md", "--force"])
        .success();
    assert_eq!(ws.json(FR)["units"][12]["target"], "Pour votre gouverne");
}

#[test]
fn plain_text_documents_are_split_at_blank_lines() {
    let ws = Ws::new();
    ws.write("sources/short.md", "# Harbour news\n\nThe council met on Monday to discuss the budget.\n\nFishermen asked for help with the price of fuel.\n");
    ws.write("short.fr.txt", "Nouvelles du port\n\nLe conseil s'est réuni lundi pour discuter du budget.\n\nLes pêcheurs ont demandé de l'aide\npour le prix du carburant.\n");
    ws.run(&["import", "short", "-l", "fr", "short.fr.txt"])
        .success();
    let units = ws.json("translations/fr/short.json")["units"].clone();
    assert_eq!(
        units[2]["target"],
        "Les pêcheurs ont demandé de l'aide pour le prix du carburant."
    );
    assert_eq!(ws.states("short", "fr"), strs(&["current"; 3]));
}

#[test]
fn a_dropped_heading_is_missing_not_merged_into_the_next_paragraph() {
    let document = french_document(|p| {
        assert!(p[12].starts_with("## "), "{}", p[12]);
        p.remove(12);
    });
    let (_, states, stdout) = states_after_import(&document);
    assert_eq!(
        states,
        expected(&[(8, "draft"), (12, "draft"), (13, "missing")]),
        "{stdout}"
    );
    let row = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("13 "))
        .expect("a row for segment 13");
    assert!(
        row.contains("For Your Information") && row.ends_with("no translation"),
        "{stdout}"
    );
}

/// The display width of `text` in a terminal.
fn columns(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

#[test]
fn dry_run_aligns_its_columns_by_display_width() {
    let ws = Ws::new();
    // Only the table here: the quality findings on the Japanese stand-ins are left out.
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\"]\n[qa]\nend-punctuation = \"off\"\nlength = \"off\"\n",
    );
    ws.write(
        "sources/wide.md",
        "# Harbour news\n\nThe council met on Monday.\n\nFishermen asked for help with the price of fuel, which has doubled since the spring and now costs more than the catch brings in.\n",
    );
    ws.write(
        "wide.fr.md",
        "# 港のニュース\n\nLe conseil s'est réuni lundi, à l'Hôtel de Ville.\n\n漁師たちは燃料価格への支援を求めた。価格は春から倍増し、今では漁獲の収入を上回っている。\n",
    );
    let run = ws
        .run(&["import", "wide", "-l", "fr", "wide.fr.md", "--dry-run"])
        .success();
    // The table: a heading and a row per pair (quality findings may follow it).
    let lines: Vec<&str> = run.stdout.lines().take(4).collect();
    assert!(lines[3].trim_start().starts_with("3 "), "{}", run.stdout);
    // The outcome column starts at the same display column on every line: n (7), confidence
    // (5), source (40) and translation (40), two spaces apart.
    let outcome_column = 7 + 2 + 5 + 2 + 40 + 2 + 40 + 2;
    for line in &lines[..4] {
        let (cells, outcome) = line.rsplit_once("  ").expect("columns");
        assert!(!outcome.starts_with(' '), "{line}");
        assert_eq!(columns(cells) + 2, outcome_column, "{}", run.stdout);
    }
    // Long excerpts are cut inside their column with an ellipsis.
    assert!(
        lines[3].contains("Fishermen asked for help with the…"),
        "{}",
        lines[3]
    );
    assert!(
        lines[3].contains("漁師たちは燃料価格への支援を求めた。価…"),
        "{}",
        lines[3]
    );
    assert!(
        lines[2].contains("Le conseil s'est réuni lundi, à…"),
        "{}",
        lines[2]
    );
}
