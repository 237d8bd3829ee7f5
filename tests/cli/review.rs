//! Review: `bitext review` on ranges, `bitext comment` kept in the translation file (through
//! `sync`, `set` and the merge driver), and editions with `require = "reviewed"` refused by
//! `export` and failed by `check` until every translation is reviewed.

use crate::support::Ws;

const FR: &str = "translations/fr/harbour.json";

/// The fr states recorded in the file, unit by unit.
fn unit_states(ws: &Ws) -> Vec<String> {
    ws.json(FR)["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["state"].as_str().unwrap_or("none").to_owned())
        .collect()
}

#[test]
fn review_marks_ranges_in_one_go_and_reports_what_is_not_current() {
    // Segment 5 stale, 6 missing in French.
    let ws = Ws::stale_and_missing();
    let run = ws.run(&["review", "harbour", "2-3", "6-5", "1", "-l", "fr"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "sources/harbour.md (fr): segment 2 marked reviewed\n\
         sources/harbour.md (fr): segment 3 marked reviewed\n\
         sources/harbour.md (fr): segment 1 marked reviewed\n"
    );
    assert_eq!(
        run.stderr,
        "sources/harbour.md (fr): segment 5 is stale: only a current translation can be marked reviewed; left as it is\n\
         sources/harbour.md (fr): segment 6 is missing: only a current translation can be marked reviewed; left as it is\n"
    );
    assert_eq!(
        unit_states(&ws),
        [
            "reviewed",
            "reviewed",
            "reviewed",
            "translated",
            "translated",
            "none"
        ]
    );
    // Reviewing changes no state: they are all still current.
    assert_eq!(ws.states("harbour", "fr")[..4], ["current"; 4]);
    // Again: nothing to do, and nothing refused.
    let again = ws.run(&["review", "harbour", "3-4", "-l", "fr"]).success();
    assert!(
        again.stdout.contains("segment 3 was already reviewed"),
        "{}",
        again.stdout
    );
    assert!(
        again.stdout.contains("segment 4 marked reviewed"),
        "{}",
        again.stdout
    );
    // A range past the end names the file and changes nothing.
    let before = ws.read(FR);
    ws.run(&["review", "harbour", "4-9", "-l", "fr"])
        .error(&["sources/harbour.md", "\"4-9\""]);
    assert_eq!(ws.read(FR), before);
}

#[test]
fn a_comment_travels_with_its_unit_through_sync_and_new_translations() {
    let ws = Ws::translated();
    let before = ws.read(FR);
    let run = ws
        .run(&[
            "comment",
            "harbour",
            "3",
            "-l",
            "fr",
            "  Check the figure:\r\n a third?  ",
        ])
        .success();
    assert_eq!(
        run.stdout,
        "sources/harbour.md (fr): comment saved on segment 3\n"
    );
    assert_eq!(
        ws.json(FR)["units"][2]["comment"],
        "Check the figure:\n a third?"
    );
    // Removing it gives back the very bytes of the file without comments.
    ws.run(&["comment", "harbour", "3", "-l", "fr", "--remove"])
        .success();
    assert_eq!(ws.read(FR), before);

    ws.run(&["comment", "harbour", "3", "-l", "fr", "Check the figure."])
        .success();
    // The paragraph moves to the end and is edited: the stale unit keeps its comment.
    ws.write(
        "sources/harbour.md",
        crate::support::ARTICLE
            .replace(
                "Fishermen told the meeting that the catch has fallen by a third since the spring, and asked\nfor help with the price of fuel.\n\n",
                "",
            )
            + "\nFishermen told the meeting that the catch has fallen by half since the spring, and asked\nfor help with the price of fuel.\n",
    );
    ws.run(&["sync"]).success();
    let units = ws.json(FR)["units"].clone();
    assert_eq!(units[4]["comment"], "Check the figure.", "{units:#}");
    assert_eq!(units[4]["target"], "fr translation of segment 3");
    assert_eq!(ws.states("harbour", "fr")[4], "stale");
    // A new translation of the segment keeps the note.
    ws.run(&["set", "harbour", "5", "-l", "fr", "--text", "Les pêcheurs."])
        .success();
    assert_eq!(ws.json(FR)["units"][4]["comment"], "Check the figure.");
    assert_eq!(ws.json(FR)["units"][4]["target"], "Les pêcheurs.");
}

#[test]
fn a_comment_needs_a_translation_and_no_control_characters() {
    let ws = Ws::stale_and_missing();
    let before = ws.read(FR);
    ws.run(&["comment", "harbour", "6", "-l", "fr", "Later."])
        .error(&["sources/harbour.md", "segment 6 has no translation"]);
    ws.run(&["comment", "harbour", "2", "-l", "fr", "bell\u{7}"])
        .error(&["comment on segment 2", "U+0007"]);
    assert_eq!(ws.read(FR), before);
    // A file whose comment holds one is refused when read, naming the file.
    ws.write(
        FR,
        before.replacen(
            "\"state\": \"translated\"",
            "\"state\": \"translated\",\n      \"comment\": \"a\\u0007\"",
            1,
        ),
    );
    ws.run(&["status"]).error(&[FR, "U+0007"]);
}

#[test]
fn the_merge_driver_keeps_both_sides_notes_and_the_other_sides_translation() {
    let ws = Ws::translated();
    let base = ws.read(FR);
    // Theirs: a note on segment 2 and a new translation of segment 4.
    ws.run(&["comment", "harbour", "2", "-l", "fr", "Theirs: the tense."])
        .success();
    ws.run(&[
        "set",
        "harbour",
        "4",
        "-l",
        "fr",
        "--text",
        "Le maire a promis.",
    ])
    .success();
    let theirs = ws.read(FR);
    // Ours: another note on segment 2 and one on segment 5.
    ws.write(FR, &base);
    ws.run(&["comment", "harbour", "2", "-l", "fr", "Ours: the name."])
        .success();
    ws.run(&["comment", "harbour", "5", "-l", "fr", "Ours: the date."])
        .success();
    ws.write("base.json", &base);
    ws.write("theirs.json", &theirs);
    ws.run(&["merge-driver", "base.json", FR, "theirs.json", FR])
        .success();
    let merged = ws.json(FR);
    let units = &merged["units"];
    assert_eq!(units[1]["comment"], "Ours: the name.\n\nTheirs: the tense.");
    assert_eq!(units[3]["target"], "Le maire a promis.");
    assert_eq!(units[4]["comment"], "Ours: the date.");
    assert!(merged.get("conflicts").is_none(), "{merged:#}");
}

/// A workspace translated into French, with an edition of the article that requires
/// reviewed translations.
fn reviewed_edition() -> Ws {
    let ws = Ws::translated();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n[[edition]]\nid = \"week\"\narticles = [\"harbour\"]\nrequire = \"reviewed\"\n",
    );
    ws
}

#[test]
fn an_edition_requiring_reviewed_text_refuses_what_nobody_reviewed() {
    let ws = reviewed_edition();
    ws.run(&["review", "harbour", "1-4", "-l", "fr"]).success();
    let export = ws.run(&["export", "--edition", "week", "-l", "fr"]);
    assert_eq!(export.code, 1, "{export:?}");
    assert!(export.stdout.is_empty());
    assert!(
        export
            .stderr
            .starts_with("sources/harbour.md:11: fr: segment 5 not reviewed ("),
        "{}",
        export.stderr
    );
    assert_eq!(export.stderr.lines().count(), 2, "{}", export.stderr);
    // In French too.
    let french = ws.run(&["--ui-lang", "fr", "export", "--edition", "week", "-l", "fr"]);
    assert_eq!(french.code, 1);
    assert!(
        french.stderr.contains("segment 5 non relu"),
        "{}",
        french.stderr
    );
    // With --allow-incomplete, the source stands in for the unreviewed text.
    let allowed = ws.run(&[
        "export",
        "--edition",
        "week",
        "-l",
        "fr",
        "--format",
        "txt",
        "--allow-incomplete",
    ]);
    assert_eq!(allowed.code, 0, "{allowed:?}");
    assert!(allowed.stdout.contains("fr translation of segment 4"));
    assert!(!allowed.stdout.contains("fr translation of segment 5"));
    assert!(allowed.stdout.contains("A festival with music"));
    // An export of the article alone asks for current text only.
    ws.run(&["export", "harbour", "-l", "fr"]).success();

    // check fails for the edition's article, naming the segment.
    let check = ws.run(&["check", "-l", "fr"]);
    assert_eq!(check.code, 1, "{check:?}");
    assert!(
        check
            .stdout
            .contains("sources/harbour.md:11: fr: segment 5 not reviewed"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("One translation not reviewed"),
        "{}",
        check.stdout
    );
    let json = ws.run(&["check", "-l", "fr", "--format", "json"]).json();
    assert_eq!(json["passed"], false);
    assert_eq!(json["totals"]["unreviewed"], 1);
    assert_eq!(json["findings"][0]["state"], "unreviewed");
    assert_eq!(json["findings"][0]["n"], 5);
    let github = ws.run(&["check", "-l", "fr", "--format", "github"]);
    assert!(
        github.stdout.contains(
            "::error file=sources/harbour.md,line=11,title=Translation not reviewed (fr)::"
        ),
        "{}",
        github.stdout
    );

    // Reviewed: the export goes through and check passes.
    ws.run(&["review", "harbour", "5", "-l", "fr"]).success();
    ws.run(&["export", "--edition", "week", "-l", "fr"])
        .success();
    ws.run(&["check", "-l", "fr"]).success();
}

#[test]
fn an_edition_without_require_exports_current_text_as_before() {
    let ws = Ws::translated();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n[[edition]]\nid = \"week\"\narticles = [\"harbour\"]\nrequire = \"translated\"\n",
    );
    ws.run(&["export", "--edition", "week", "-l", "fr"])
        .success();
    ws.run(&["check", "-l", "fr"]).success();
}

#[test]
fn require_must_be_translated_or_reviewed() {
    let ws = Ws::translated();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\n\n[[edition]]\nid = \"week\"\narticles = [\"harbour\"]\nrequire = \"proofread\"\n",
    );
    ws.run(&["status"])
        .error(&["bitext.toml:7:11", "edition \"week\"", "\"proofread\""]);
}

#[test]
fn comments_are_notes_in_po_and_xliff_and_an_import_keeps_them() {
    let ws = Ws::translated();
    ws.run(&[
        "comment",
        "harbour",
        "2",
        "-l",
        "fr",
        "Check the tense.\n\nAnd the name.",
    ])
    .success();
    let po = ws
        .run(&["po", "export", "harbour", "-l", "fr"])
        .success()
        .stdout;
    assert!(
        po.contains("\n# Check the tense.\n#\n# And the name.\n#. bitext-base:"),
        "{po}"
    );
    let xliff = ws
        .run(&["xliff", "export", "harbour", "-l", "fr"])
        .success()
        .stdout;
    assert!(
        xliff.contains("<note category=\"comment\">Check the tense.\n\nAnd the name.</note>"),
        "{xliff}"
    );
    let old = ws
        .run(&[
            "xliff",
            "export",
            "harbour",
            "-l",
            "fr",
            "--xliff-version",
            "1.2",
        ])
        .success()
        .stdout;
    assert!(
        old.contains("<note from=\"comment\">Check the tense.\n\nAnd the name.</note>"),
        "{old}"
    );
    // A translation changed in the PO file comes back; the comment stays in the workspace.
    let edited = po.replace(
        "msgstr \"fr translation of segment 2\"",
        "msgstr \"Le conseil s'est réuni.\"",
    );
    assert_ne!(edited, po);
    ws.write("fr.po", edited);
    ws.run(&["po", "import", "fr.po"]).success();
    let unit = &ws.json(FR)["units"][1];
    assert_eq!(unit["target"], "Le conseil s'est réuni.");
    assert_eq!(unit["comment"], "Check the tense.\n\nAnd the name.");
}

#[test]
fn the_workbench_marks_reviewed_and_comments_with_plain_forms() {
    use crate::serve::{Served, files, with};
    const PAGE: &str = "/article/harbour/fr";
    // Segment 5 stale, 6 missing.
    let ws = Ws::stale_and_missing();
    let s = Served::start(&ws);
    let page = s.get(&format!("{PAGE}?state=review")).status(200);
    assert!(page.body.contains("to review (4)"), "{}", page.body);
    assert_eq!(
        page.body
            .matches("form=\"review-range\" name=\"n\"")
            .count(),
        4
    );
    let form = page.form(&format!("{PAGE}/review"));
    let mut ticked = form.clone();
    ticked.extend([
        ("n".to_owned(), "2".to_owned()),
        ("n".to_owned(), "5".to_owned()),
    ]);
    let ticked = with(with(ticked, "from", "3"), "to", "3");
    let reply = s.post(&format!("{PAGE}/review"), &ticked).status(303);
    let location = reply.header("Location").expect("location").to_owned();
    assert!(location.contains("state=review"), "{location}");
    assert!(location.contains("marked=2&skipped=5"), "{location}");
    assert_eq!(
        unit_states(&ws),
        [
            "translated",
            "reviewed",
            "reviewed",
            "translated",
            "translated",
            "none"
        ]
    );
    // The page after it says so.
    let after = s.get(&location).status(200);
    assert!(
        after
            .body
            .contains("2 segments marked reviewed. Not marked, because not current: 5."),
        "{}",
        after.body
    );
    // A translation changed since the page showed it is not marked.
    let changed = with(with(form.clone(), "n", "4"), "v-4", "0000000000000000");
    let reply = s.post(&format!("{PAGE}/review"), &changed).status(303);
    assert!(
        reply
            .header("Location")
            .expect("location")
            .contains("changed=4")
    );
    assert_eq!(unit_states(&ws)[3], "translated");
    // A range that is not the article's changes nothing.
    let before = files(&ws);
    s.post(&format!("{PAGE}/review"), &with(form, "from", "9"))
        .status(400);
    assert_eq!(files(&ws), before);

    // A comment: added, refused when it changed since the page was loaded, removed.
    let page = s.get(PAGE).status(200);
    assert!(!page.body.contains(&format!("{PAGE}/6/comment")));
    let form = page.form(&format!("{PAGE}/2/comment"));
    let add = with(
        with(form.clone(), "comment", "Relire le nom."),
        "do",
        "comment",
    );
    let reply = s.post(&format!("{PAGE}/2/comment"), &add).status(303);
    assert!(
        reply
            .header("Location")
            .expect("location")
            .contains("commented=2")
    );
    assert_eq!(ws.json(FR)["units"][1]["comment"], "Relire le nom.");
    let again = with(with(form, "comment", "Autre chose."), "do", "comment");
    let conflict = s.post(&format!("{PAGE}/2/comment"), &again).status(409);
    assert!(
        conflict.body.contains("Relire le nom."),
        "{}",
        conflict.body
    );
    assert!(conflict.body.contains("Autre chose."), "{}", conflict.body);
    assert_eq!(ws.json(FR)["units"][1]["comment"], "Relire le nom.");
    let fresh = s.get(PAGE).status(200).form(&format!("{PAGE}/2/comment"));
    let bell = with(with(fresh.clone(), "comment", "a\u{7}"), "do", "comment");
    s.post(&format!("{PAGE}/2/comment"), &bell).status(422);
    s.post(
        &format!("{PAGE}/2/comment"),
        &with(fresh, "do", "uncomment"),
    )
    .status(303);
    assert!(ws.json(FR)["units"][1].get("comment").is_none());
    // No translation, nothing to comment on.
    let missing = vec![
        ("was".to_owned(), String::new()),
        ("comment".to_owned(), "Plus tard.".to_owned()),
    ];
    s.post(&format!("{PAGE}/6/comment"), &missing).status(422);
}
