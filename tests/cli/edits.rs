//! Every kind of source edit, and the state each segment ends up in (invariants 5-7).
//! Each edit is also synced, to check that `sync` keeps states and loses no translation.

use crate::support::{ARTICLE, Ws, all_targets, strs};

const FILE: &str = "translations/fr/harbour.json";

/// Applies `edit` to the translated sample article and checks the states, then syncs twice
/// and checks that states hold, the second sync changes nothing, and no translation is lost.
#[track_caller]
fn check_edit(edited: &str, expected: &[&str]) -> Ws {
    let ws = Ws::translated();
    ws.write("sources/harbour.md", edited);
    let before = ws.states("harbour", "fr");
    assert_eq!(before, strs(expected), "states after the edit");
    let targets_before = all_targets(&ws.json(FILE));
    let obsolete_before = ws.lang_status("harbour", "fr")["obsolete"].clone();

    ws.run(&["sync"]).success();
    assert_eq!(ws.states("harbour", "fr"), before, "states changed by sync");
    assert_eq!(ws.lang_status("harbour", "fr")["obsolete"], obsolete_before);
    let after = ws.json(FILE);
    for target in &targets_before {
        assert!(
            all_targets(&after)
                .iter()
                .any(|t| t.contains(target.as_str())),
            "sync lost {target:?}"
        );
    }
    let synced = ws.snapshot();
    let second = ws.run(&["sync"]).success();
    assert!(
        second.stdout.contains("0 files updated"),
        "{}",
        second.stdout
    );
    assert_eq!(ws.snapshot(), synced, "second sync changed files");
    ws
}

#[test]
fn unchanged_article_is_all_current() {
    check_edit(ARTICLE, &["current"; 5]);
}

#[test]
fn a_one_character_edit_makes_only_that_paragraph_stale() {
    let edited = ARTICLE.replace("next weekend.", "next weekend!");
    check_edit(
        &edited,
        &["current", "current", "current", "current", "stale"],
    );
}

#[test]
fn an_edit_inside_a_word_is_stale() {
    let edited = ARTICLE.replace("harbour wall", "harbor wall");
    check_edit(
        &edited,
        &["current", "stale", "current", "current", "current"],
    );
}

#[test]
fn an_inserted_paragraph_is_missing_and_the_rest_current() {
    let edited = ARTICLE.replace(
        "The mayor promised",
        "Police closed the coast road for two hours after a landslide.\n\nThe mayor promised",
    );
    check_edit(
        &edited,
        &[
            "current", "current", "current", "missing", "current", "current",
        ],
    );
}

#[test]
fn a_deleted_paragraph_becomes_obsolete_not_lost() {
    let edited = ARTICLE.replace(
        "The mayor promised a decision before the end of the month and thanked everyone for coming.\n\n",
        "",
    );
    let ws = check_edit(&edited, &["current"; 4]);
    let file = ws.json(FILE);
    assert_eq!(file["obsolete"][0]["target"], "fr translation of segment 4");
    assert_eq!(ws.lang_status("harbour", "fr")["obsolete"], 1);
}

#[test]
fn a_moved_paragraph_stays_current() {
    let festival = "A festival with music and food will take place on the quay next weekend.\n";
    let edited = ARTICLE.replace(festival, "").replace(
        "# The harbour council\n",
        &format!("# The harbour council\n\n{festival}"),
    );
    let ws = check_edit(&edited, &["current"; 5]);
    let file = ws.json(FILE);
    assert_eq!(file["units"][1]["target"], "fr translation of segment 5");
    assert!(
        file.get("obsolete").is_none(),
        "nothing obsolete after a move"
    );
}

#[test]
fn a_split_paragraph_keeps_its_translation_on_both_halves() {
    let edited = ARTICLE.replace("coming year. Members", "coming year.\n\nMembers");
    let ws = check_edit(
        &edited,
        &["current", "stale", "stale", "current", "current", "current"],
    );
    let file = ws.json(FILE);
    assert_eq!(file["units"][1]["target"], "fr translation of segment 2");
    assert_eq!(file["units"][2]["target"], "fr translation of segment 2");
}

#[test]
fn two_merged_paragraphs_keep_both_translations() {
    let edited = ARTICLE.replace("for coming.\n\nA festival", "for coming. A festival");
    let ws = check_edit(&edited, &["current", "current", "current", "stale"]);
    let file = ws.json(FILE);
    let target = file["units"][3]["target"].as_str().expect("target");
    assert!(
        target.contains("segment 4") && target.contains("segment 5"),
        "{target}"
    );
}

#[test]
fn a_repeated_paragraph_is_tracked_per_occurrence() {
    let ws = Ws::new();
    let text =
        "Hands off the harbour!\n\nThe council will vote on Friday.\n\nHands off the harbour!\n";
    ws.write("sources/rally.md", text);
    ws.translate_all("rally", "fr");
    let segments = ws.segments("rally", "fr");
    let first = segments[0]["id"].as_str().expect("id");
    assert_eq!(segments[2]["id"], format!("{first}-2"));

    ws.write(
        "sources/rally.md",
        text.replace(
            "Friday.\n\nHands off the harbour!",
            "Friday.\n\nHands off the harbour!!",
        ),
    );
    assert_eq!(
        ws.states("rally", "fr"),
        strs(&["current", "current", "stale"])
    );
    ws.run(&["sync"]).success();
    assert_eq!(
        ws.states("rally", "fr"),
        strs(&["current", "current", "stale"])
    );
    let file = ws.json("translations/fr/rally.json");
    assert_eq!(file["units"][0]["target"], "fr translation of segment 1");
    assert_eq!(file["units"][2]["target"], "fr translation of segment 3");
}

#[test]
fn rewrapping_crlf_trailing_space_and_nfd_change_nothing() {
    let rewrapped = ARTICLE
        .replace(
            "the budget for the coming year. Members argued for\nhours",
            "the budget\nfor the coming year.   \nMembers argued for hours",
        )
        .replace('\n', "\r\n");
    check_edit(&rewrapped, &["current"; 5]);

    let ws = Ws::new();
    ws.write("sources/cafe.md", "Le caf\u{e9} du port.\n");
    ws.translate_all("cafe", "fr");
    ws.write("sources/cafe.md", "Le cafe\u{301} du port.\n");
    assert_eq!(ws.states("cafe", "fr"), strs(&["current"]));
    ws.write("sources/cafe.md", "Le cafe du port.\n");
    assert_eq!(ws.states("cafe", "fr"), strs(&["stale"]));
}

#[test]
fn a_wholly_rewritten_paragraph_is_missing_and_its_translation_obsolete() {
    let edited = ARTICLE.replace(
        "A festival with music and food will take place on the quay next weekend.",
        "Tickets for the lottery draw are sold out; winners get a boat trip.",
    );
    let ws = check_edit(
        &edited,
        &["current", "current", "current", "current", "missing"],
    );
    assert_eq!(ws.lang_status("harbour", "fr")["obsolete"], 1);
}

#[test]
fn a_paragraph_that_comes_back_reuses_its_obsolete_translation() {
    let ws = Ws::translated();
    let without = ARTICLE.replace(
        "A festival with music and food will take place on the quay next weekend.\n",
        "",
    );
    ws.write("sources/harbour.md", &without);
    ws.run(&["sync"]).success();
    assert_eq!(ws.lang_status("harbour", "fr")["obsolete"], 1);
    ws.write("sources/harbour.md", ARTICLE);
    assert_eq!(ws.states("harbour", "fr"), strs(&["current"; 5]));
    let run = ws.run(&["sync"]).success();
    assert!(
        run.stdout.contains("1 obsolete translation restored"),
        "{}",
        run.stdout
    );
    assert!(ws.json(FILE).get("obsolete").is_none());
}

#[test]
fn successive_edits_stay_stale_against_the_translated_text() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend", "next Saturday"),
    );
    ws.run(&["sync"]).success();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend", "next Sunday"),
    );
    ws.run(&["sync"]).success();
    assert_eq!(ws.states("harbour", "fr")[4], "stale");
    let unit = &ws.json(FILE)["units"][4];
    assert_eq!(
        unit["source"],
        "A festival with music and food will take place on the quay next weekend."
    );
}

#[test]
fn a_moved_and_edited_paragraph_stays_linked_to_its_translation() {
    let festival = "A festival with music and food will take place on the quay next weekend.\n";
    let edited = ARTICLE
        .replace(festival, "")
        .replace(
            "# The harbour council\n",
            "# The harbour council\n\nA festival with music and food will take place on the quay next Saturday.\n",
        );
    let ws = check_edit(
        &edited,
        &["current", "stale", "current", "current", "current"],
    );
    let file = ws.json(FILE);
    assert_eq!(file["units"][1]["target"], "fr translation of segment 5");
    assert!(file.get("obsolete").is_none(), "nothing lost to obsolete");
}

/// The paragraph of the sample's source that starts with `start`.
fn sample_paragraph(ws: &Ws, start: &str) -> String {
    let text = ws.read(&format!("sources/{}.md", crate::support::SAMPLE));
    text.split("\n\n")
        .find(|p| p.starts_with(start))
        .expect("paragraph")
        .to_owned()
}

#[test]
fn a_paragraph_copied_then_edited_in_place_is_stale_against_its_translation() {
    let ws = crate::support::sample_copy();
    let slug = crate::support::SAMPLE;
    let paragraph = sample_paragraph(&ws, "At least 14 countries");
    let before = ws.json(&format!("translations/fr/{slug}.json"))["units"][6]["target"].clone();
    // The copy goes further down, unchanged; the paragraph left in place is edited.
    let ending = "(Photos: manoalzadilma";
    ws.edit_source(slug, ending, &format!("{paragraph}\n\n{ending}"));
    let path = format!("sources/{slug}.md");
    ws.write(
        &path,
        ws.read(&path)
            .replacen("At least 14 countries", "At least 15 countries", 1),
    );
    let states = ws.states(slug, "fr");
    assert_eq!(states[6], "stale", "{states:?}");
    assert_eq!(states[18], "current", "{states:?}");
    assert_eq!(states.iter().filter(|s| *s != "current").count(), 1);
    let diff = ws.run(&["diff", slug, "-l", "fr"]).success().stdout;
    assert!(diff.contains("At least [-14-]{+15+} countries"), "{diff}");
    ws.run(&["sync"]).success();
    assert_eq!(ws.states(slug, "fr"), states, "sync changes no state");
    let file = ws.json(&format!("translations/fr/{slug}.json"));
    assert_eq!(file["units"][6]["target"], before);
    assert_eq!(file["units"][18]["target"], before);
}

#[test]
fn a_paragraph_split_in_three_with_the_middle_edited_keeps_its_translation_on_every_part() {
    let ws = crate::support::sample_copy();
    let slug = crate::support::SAMPLE;
    let before = ws.json(&format!("translations/fr/{slug}.json"))["units"][15]["target"].clone();
    ws.edit_source(
        slug,
        "and abroad.\nIn the legislature",
        "and abroad.\n\nIn the legislature",
    );
    ws.edit_source(slug, "December 7. This time", "December 7.\n\nThis time");
    ws.edit_source(
        slug,
        "opposition forces attempted twice",
        "opposition forces tried twice",
    );
    let states = ws.states(slug, "fr");
    assert_eq!(states.len(), 21);
    assert_eq!(&states[15..18], ["stale", "stale", "stale"], "{states:?}");
    assert_eq!(states.iter().filter(|s| *s == "current").count(), 18);
    ws.run(&["sync"]).success();
    assert_eq!(ws.states(slug, "fr"), states, "sync changes no state");
    let file = ws.json(&format!("translations/fr/{slug}.json"));
    for k in 15..18 {
        assert_eq!(file["units"][k]["target"], before, "part {k}");
    }
}
