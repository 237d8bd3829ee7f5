//! Segment text fidelity: every character of the source's Markdown counts, and `.mdx` sources.

use crate::support::Ws;

/// The scenario: removing an escape at the start of a block is an edit.
#[test]
fn removing_a_line_leading_escape_makes_the_translation_stale() {
    let ws = Ws::new();
    ws.write("sources/a.md", "\\*Note* the API changed.\n");
    ws.run(&["set", "a", "1", "-l", "fr", "--text", "FR : *Note* …"])
        .success();
    assert_eq!(
        ws.json("translations/fr/a.json")["units"][0]["source"],
        "\\*Note* the API changed."
    );
    assert_eq!(ws.states("a", "fr"), ["current"]);
    ws.write("sources/a.md", "*Note* the API changed.\n");
    assert_eq!(ws.states("a", "fr"), ["stale"]);
    let run = ws.run(&["check", "-l", "fr"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
}

#[test]
fn escapes_at_every_line_start_reach_the_translation_file() {
    let ws = Ws::new();
    ws.write(
        "sources/a.md",
        "# \\#1 heading\n\n\\# not a heading\n\n- \\[x] item\n\n| \\*cell |\n|---|\n| x |\n\nPara one\n\\*two* three\n",
    );
    ws.translate_all("a", "fr");
    let file = ws.json("translations/fr/a.json");
    let sources: Vec<&str> = file["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["source"].as_str().expect("source"))
        .collect();
    assert_eq!(
        sources,
        [
            "\\#1 heading",
            "\\# not a heading",
            "\\[x] item",
            "\\*cell",
            "x",
            "Para one \\*two* three"
        ]
    );
}

/// A translation file written before the fix stored the text without the escape: its unit
/// now comes out `stale` (the text it was made from differs), and `accept` clears it.
#[test]
fn units_stored_with_the_lossy_text_are_stale_until_accepted() {
    let ws = Ws::new();
    ws.write("sources/a.md", "- \\[x] done\n- plain\n");
    let old_id = bitext_core::model::segment::text_hash("[x] done");
    let plain_id = bitext_core::model::segment::text_hash("plain");
    ws.write(
        "translations/fr/a.json",
        format!(
            "{{\"format\": 1, \"article\": \"a\", \"lang\": \"fr\", \"units\": [\
             {{\"id\": \"{old_id}\", \"source\": \"[x] done\", \"target\": \"\\\\[x] fait\", \"state\": \"translated\"}},\
             {{\"id\": \"{plain_id}\", \"source\": \"plain\", \"target\": \"simple\", \"state\": \"translated\"}}]}}\n"
        ),
    );
    assert_eq!(ws.states("a", "fr"), ["stale", "current"]);
    ws.run(&["accept", "a", "1", "-l", "fr"]).success();
    assert_eq!(ws.states("a", "fr"), ["current", "current"]);
    let unit = &ws.json("translations/fr/a.json")["units"][0];
    assert_eq!(unit["source"], "\\[x] done");
    assert_eq!(unit["target"], "\\[x] fait");
}
