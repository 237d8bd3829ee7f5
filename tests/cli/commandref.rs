//! A command reference page (a title, a description in a block quote, then examples: a list
//! item describing each, and a line of code with `{{placeholders}}`) and its French
//! translation, imported as translators send them: examples dropped, added, swapped or
//! merged, code copied or changed, placeholders translated or dropped. Which segments are
//! recorded as translated, as drafts and as missing, and what `qa` finds.

use crate::support::Ws;

const EN: &str = include_str!("../fixtures/command-reference/nc.md");
const FR: &str = include_str!("../fixtures/command-reference/nc.fr.md");

/// The French page's head (front matter, title, description) and its examples.
fn french() -> (String, Vec<(String, String)>) {
    let at = FR.find("\n- ").expect("examples") + 1;
    let blocks: Vec<&str> = FR[at..].trim_end().split("\n\n").collect();
    let examples = blocks
        .chunks(2)
        .map(|pair| (pair[0].to_owned(), pair[1].to_owned()))
        .collect();
    (FR[..at].to_owned(), examples)
}

/// The French page with its examples reshaped by `edit`.
fn page(edit: impl FnOnce(&mut Vec<(String, String)>)) -> String {
    let (head, mut examples) = french();
    edit(&mut examples);
    let body: Vec<String> = examples
        .iter()
        .map(|(description, code)| {
            if description.is_empty() {
                code.clone()
            } else {
                format!("{description}\n\n{code}")
            }
        })
        .collect();
    format!("{head}{}\n", body.join("\n\n"))
}

/// Imports `document` as the French of `nc`; the states after, and what import printed.
fn import(document: &str) -> (Ws, Vec<String>, String) {
    let ws = Ws::new();
    ws.write("sources/nc.md", EN);
    ws.write("nc.fr.md", document);
    let run = ws.run(&["import", "nc", "-l", "fr", "nc.fr.md"]).success();
    let states = ws.states("nc", "fr");
    (ws, states, run.stdout)
}

/// The states of the 17 segments, all current but `overrides` (1-based).
fn states(overrides: &[(usize, &str)]) -> Vec<String> {
    let mut out = vec!["current".to_owned(); 17];
    for &(n, state) in overrides {
        state.clone_into(&mut out[n - 1]);
    }
    out
}

/// `qa`'s findings in French: segment and check of each.
fn findings(ws: &Ws) -> Vec<(u64, String, String)> {
    let report = ws.run(&["qa", "-l", "fr", "--format", "json"]).json();
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["n"].as_u64().expect("n"),
                f["check"].as_str().expect("check").to_owned(),
                f["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_whole_translation_pairs_one_to_one_and_passes_qa() {
    let (ws, found, stdout) = import(FR);
    assert_eq!(found, states(&[]), "{stdout}");
    // Code copied with its address, network and version, placeholders translated, a title
    // that stays `nc`: nothing to report.
    assert_eq!(findings(&ws), [], "{stdout}");
    assert!(!stdout.contains("structure differs"), "{stdout}");
}

#[test]
fn swapped_examples_pair_by_their_code() {
    let (ws, found, stdout) = import(&page(|e| e.swap(2, 3)));
    assert_eq!(found, states(&[]), "{stdout}");
    let units = ws.json("translations/fr/nc.json")["units"].clone();
    assert!(
        units[7]["target"]
            .as_str()
            .is_some_and(|t| t.starts_with("Analyser les ports")),
        "{units}"
    );
    assert!(
        units[9]["target"]
            .as_str()
            .is_some_and(|t| t.starts_with("Vérifier que le routeur")),
        "{units}"
    );
}

#[test]
fn a_dropped_example_is_missing_and_its_neighbour_a_draft() {
    let (_, found, stdout) = import(&page(|e| {
        e.remove(1);
    }));
    // Example 2 (segments 6 and 7) dropped: which description is gone cannot be told from
    // lengths alone, so the one left is a draft; nothing else moves.
    assert_eq!(
        found,
        states(&[(6, "draft"), (7, "missing"), (8, "missing")]),
        "{stdout}"
    );
    assert!(
        stdout.contains("17 blocks in the source, 15 in the translation"),
        "{stdout}"
    );
    assert!(
        stdout.contains("a block nearby was dropped, added or changed"),
        "{stdout}"
    );
}

#[test]
fn an_added_example_is_extra_and_the_rest_pair() {
    let (_, found, stdout) = import(&page(|e| {
        e.insert(
            3,
            (
                "- Écouter en UDP\u{a0}:".to_owned(),
                "`nc -u -l {{port}}`".to_owned(),
            ),
        );
    }));
    assert_eq!(found, states(&[]), "{stdout}");
    assert!(stdout.contains("2 extra paragraphs skipped"), "{stdout}");
}

#[test]
fn a_description_merged_into_its_neighbour_is_a_draft_and_leaves_one_missing() {
    let (ws, found, stdout) = import(&page(|e| {
        let next = e[4].0.trim_start_matches("- ").to_owned();
        let merged = format!(
            "{}, puis {}",
            e[3].0.trim_end_matches(['\u{a0}', ':']),
            next[..1].to_lowercase() + &next[1..]
        );
        e[3].0 = merged;
        e[4].0 = String::new();
    }));
    assert_eq!(found, states(&[(10, "draft"), (12, "missing")]), "{stdout}");
    let units = ws.json("translations/fr/nc.json")["units"].clone();
    assert!(
        units[9]["target"]
            .as_str()
            .is_some_and(|t| t.contains("puis garder le serveur")),
        "{units}"
    );
}

#[test]
fn a_dropped_placeholder_and_a_changed_flag_are_drafts_with_code_findings() {
    let (ws, found, stdout) = import(&page(|e| {
        e[1].1 = "`nc {{hôte}} > {{chemin/vers/fichier_reçu}}`".to_owned();
        e[4].1 = "`nc -k -l -P {{port}}`".to_owned();
    }));
    // The two changed lines are drafts, and so are the descriptions around them: a line of
    // code that differs could be another example's, so the blocks next to it pair for
    // certain only by anchors.
    assert_eq!(
        found,
        states(&[
            (6, "draft"),
            (7, "draft"),
            (8, "draft"),
            (12, "draft"),
            (13, "draft"),
            (14, "draft")
        ]),
        "{stdout}"
    );
    assert!(stdout.contains("the code differs"), "{stdout}");
    let found = findings(&ws);
    assert_eq!(
        found
            .iter()
            .map(|(n, check, _)| (*n, check.as_str()))
            .collect::<Vec<_>>(),
        [(7, "code"), (13, "code")],
        "{found:?}"
    );
    assert!(found[0].2.contains("{{port}}"), "{found:?}");
    assert!(
        found[1].2.contains("flag `-p`") && found[1].2.contains("`-P`"),
        "{found:?}"
    );
    // An error: `check` fails on it.
    assert_eq!(ws.run(&["check", "-l", "fr"]).code, 1);
}
