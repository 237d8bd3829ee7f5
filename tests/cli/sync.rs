//! `bitext sync`: files mirror the segmentation, dry runs write nothing, purges are explicit.

use crate::support::{ARTICLE, Ws, all_targets};

const FILE: &str = "translations/fr/harbour.json";

#[test]
fn sync_creates_skeleton_files_with_empty_units_in_source_order() {
    let ws = Ws::new();
    ws.write("sources/harbour.md", ARTICLE);
    let run = ws.run(&["sync", "-l", "es"]).success();
    assert!(
        run.stdout
            .contains("translations/es/harbour.json: created (5 new segments)"),
        "{}",
        run.stdout
    );
    let file = ws.json("translations/es/harbour.json");
    assert_eq!(file["format"], 1);
    assert_eq!(file["article"], "harbour");
    assert_eq!(file["lang"], "es");
    let units = file["units"].as_array().expect("units");
    assert_eq!(units.len(), 5);
    assert_eq!(units[0]["source"], "The harbour council");
    assert!(
        units
            .iter()
            .all(|u| u["target"] == "" && u.get("state").is_none())
    );
    assert!(ws.read("translations/es/harbour.json").ends_with("}\n"));
    assert!(
        !ws.path("translations/fr/harbour.json").exists(),
        "-l es only"
    );
}

#[test]
fn translation_files_are_deterministic_pretty_json() {
    let ws = Ws::translated();
    let text = ws.read(FILE);
    assert!(text.starts_with("{\n  \"format\": 1,\n  \"article\": \"harbour\",\n  \"lang\": \"fr\",\n  \"units\": [\n"), "{text}");
    assert!(text.ends_with("}\n") && !text.ends_with("}\n\n"));
    let unit_keys: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("\"units\""))
        .skip(2)
        .take(4)
        .map(|l| l.trim().split('"').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(unit_keys, ["id", "source", "target", "state"]);
    // Rewriting an up-to-date file is a no-op, byte for byte.
    let before = ws.snapshot();
    ws.run(&["sync"]).success();
    let after = ws.snapshot();
    let fr = std::path::Path::new(FILE);
    assert_eq!(before.get(fr), after.get(fr));
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let ws = Ws::translated();
    ws.write("sources/harbour.md", ARTICLE.replace("The mayor promised a decision before the end of the month and thanked everyone for coming.\n\n", ""));
    let before = ws.snapshot();
    let run = ws.run(&["sync", "--dry-run"]).success();
    assert!(
        run.stdout.contains(
            "translations/fr/harbour.json: would be updated (1 translation moved to obsolete)"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("translations/es/harbour.json: would be created"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Nothing was written"), "{}", run.stdout);
    assert_eq!(ws.snapshot(), before);
}

#[test]
fn purge_obsolete_is_the_only_way_to_drop_a_translation() {
    let ws = Ws::translated();
    ws.write("sources/harbour.md", ARTICLE.replace("The mayor promised a decision before the end of the month and thanked everyone for coming.\n\n", ""));
    ws.run(&["sync"]).success();
    assert!(all_targets(&ws.json(FILE)).contains(&"fr translation of segment 4".to_owned()));
    let run = ws.run(&["sync", "--purge-obsolete"]).success();
    assert!(
        run.stdout.contains("1 obsolete translation purged"),
        "{}",
        run.stdout
    );
    assert!(!all_targets(&ws.json(FILE)).contains(&"fr translation of segment 4".to_owned()));
    assert_eq!(ws.lang_status("harbour", "fr")["obsolete"], 0);
}

#[test]
fn units_out_of_order_are_put_back_in_source_order() {
    let ws = Ws::translated();
    let mut file = ws.json(FILE);
    file["units"].as_array_mut().expect("units").reverse();
    ws.write(FILE, serde_json::to_string(&file).expect("json"));
    assert_eq!(ws.lang_status("harbour", "fr")["current"], 5);
    ws.run(&["sync"]).success();
    let units = ws.json(FILE)["units"].clone();
    assert_eq!(units[0]["target"], "fr translation of segment 1");
    assert_eq!(units[4]["target"], "fr translation of segment 5");
}

#[cfg(unix)]
#[test]
fn written_files_are_readable_by_others_or_keep_their_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let ws = Ws::new();
    ws.write("sources/harbour.md", ARTICLE);
    ws.run(&["sync", "-l", "fr"]).success();
    let mode = |p: &str| {
        std::fs::metadata(ws.path(p))
            .expect("meta")
            .permissions()
            .mode()
            & 0o777
    };
    // A new file gets what any new file gets under the current umask, not 0600.
    ws.write("plain.txt", "x");
    assert_eq!(mode(FILE), mode("plain.txt"));
    assert_ne!(mode(FILE), 0o600);
    std::fs::set_permissions(ws.path(FILE), std::fs::Permissions::from_mode(0o664)).expect("chmod");
    ws.run(&["set", "harbour", "1", "-l", "fr", "--text", "x"])
        .success();
    assert_eq!(mode(FILE), 0o664);
}

#[test]
fn a_bad_file_in_a_later_chunk_still_stops_sync_before_any_write() {
    // Sync writes a chunk of articles at a time; every input is checked first, so a
    // malformed file far down the list still leaves every file as it was.
    let ws = crate::support::Ws::generated(150, 11);
    let last = ws.last_file("translations/fr");
    ws.write(&last, "{\"format\": 1,");
    let before = ws.snapshot();
    ws.run(&["sync"]).error(&[last.as_str()]);
    assert_eq!(before, ws.snapshot());
    ws.run(&["sync", "--dry-run"]).error(&[last.as_str()]);
}

/// A revision of a real post that inserts a section whose heading repeats one the post
/// already has (`tests/fixtures/sync-repeated-paragraph/`): every segment of the earlier
/// revision translated, then the source replaced by the later one.
fn repeated_heading() -> Ws {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sync-repeated-paragraph");
    let read = |name: &str| std::fs::read_to_string(fixture.join(name)).expect("fixture");
    let ws = Ws::new();
    ws.write("sources/post.md", read("before.md"));
    ws.translate_all("post", "fr");
    ws.write("sources/post.md", read("after.md"));
    ws
}

/// Each segment's number, id, state and line, as `status --segments` reports them.
fn segment_states(ws: &Ws) -> Vec<(u64, String, String, u64)> {
    ws.segments("post", "fr")
        .iter()
        .map(|s| {
            (
                s["n"].as_u64().expect("n"),
                s["id"].as_str().expect("id").to_owned(),
                s["state"].as_str().expect("state").to_owned(),
                s["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

#[test]
fn sync_changes_no_state_when_a_heading_is_repeated_and_a_second_sync_changes_nothing() {
    let ws = repeated_heading();
    let before = segment_states(&ws);
    let repeated = before
        .iter()
        .find(|(_, id, _, _)| id == "6045600e-2")
        .expect("the repeated heading is a segment");
    assert_ne!(repeated.2, "current", "{repeated:?}");
    ws.run(&["sync"]).success();
    let after = segment_states(&ws);
    let changed: Vec<_> = before.iter().zip(&after).filter(|(b, a)| b != a).collect();
    assert!(changed.is_empty(), "sync changed states: {changed:?}");
    assert_eq!(after.len(), before.len());
    let synced = ws.read("translations/fr/post.json");
    let again = ws.run(&["sync"]).success();
    assert!(again.stdout.contains("0 files updated"), "{}", again.stdout);
    assert_eq!(ws.read("translations/fr/post.json"), synced);
    assert_eq!(segment_states(&ws), before);
}

/// A command-reference page (tldr style): a title, a description, then examples, each a list
/// item and a paragraph that is only code.
const WC_PAGE: &str = "\
# wc

> Count lines, words and bytes.

- Count all lines in a file:

`wc -l {{path/to/file}}`

- Count all words in a file:

`wc -w {{path/to/file}}`
";

/// Regression: a new example's code line was linked, as stale, to the page's title (one
/// shared word, `wc`), so the translator was told to review the title's translation as if it
/// were the command's.
#[test]
fn a_new_code_line_is_never_linked_to_prose_it_resembles() {
    let ws = Ws::new();
    ws.write("sources/wc.md", WC_PAGE);
    ws.translate_all("wc", "fr");
    let before = ws.read("translations/fr/wc.json");
    ws.write(
        "sources/wc.md",
        format!("{WC_PAGE}\n- Print the version:\n\n`wc --version`\n"),
    );
    let expected = [
        "current", "current", "current", "current", "current", "current", "missing", "missing",
    ];
    assert_eq!(ws.states("wc", "fr"), expected, "before sync");
    ws.run(&["sync"]).success();
    assert_eq!(ws.states("wc", "fr"), expected, "after sync");
    let file = ws.json("translations/fr/wc.json");
    let units = file["units"].as_array().expect("units");
    assert_eq!(units[7]["source"], "`wc --version`");
    assert_eq!(
        units[7]["target"], "",
        "the title's translation is not the command's"
    );
    assert_ne!(ws.read("translations/fr/wc.json"), before);
    // An edited command is still the same line, edited: stale against its translation.
    ws.edit_source(
        "wc",
        "`wc -w {{path/to/file}}`",
        "`wc --words {{path/to/file}}`",
    );
    assert_eq!(ws.states("wc", "fr")[5], "stale");
    ws.run(&["sync"]).success();
    assert_eq!(ws.states("wc", "fr")[5], "stale");
}
