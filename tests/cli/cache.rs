//! Saved alignments (`.bitext-cache/alignments/`) on a real page after a sweeping edit: the
//! same states and links with and without them, and a truncated or foreign one rebuilt.

use std::process::Command;

use crate::support::{Ws, tool};

const SLUG: &str = "blog-uncategorized-10-lts-to-12-lts";
const SAVED: &str = ".bitext-cache/alignments/fr/blog-uncategorized-10-lts-to-12-lts.links";

/// A 4,817-paragraph release post after an edit that touched 4,129 paragraphs, with a French
/// file made from the version before (`tests/fixtures/large-sweeping-edit.tar.gz`).
fn sweeping_edit() -> Option<Ws> {
    let tar = tool(&["tar"])?;
    let ws = Ws::new();
    let archive = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/large-sweeping-edit.tar.gz");
    let done = Command::new(tar)
        .arg("xzf")
        .arg(&archive)
        .arg("-C")
        .arg(ws.root())
        .status()
        .expect("tar");
    assert!(done.success(), "tar failed on {}", archive.display());
    Some(ws)
}

/// What the alignment decided: every segment's state, and for each stale one the text its
/// translation was made from (`diff --format json`).
fn outcome(ws: &Ws) -> (Vec<String>, String) {
    let states = ws
        .segments(SLUG, "fr")
        .iter()
        .map(|s| s["state"].as_str().expect("state").to_owned())
        .collect();
    let diff = ws.run(&["diff", "-l", "fr", "--format", "json"]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    (states, diff.stdout)
}

fn count(states: &[String], state: &str) -> usize {
    states.iter().filter(|s| *s == state).count()
}

#[test]
fn a_sweeping_edit_has_the_same_states_with_and_without_its_saved_alignment() {
    let Some(ws) = sweeping_edit() else {
        return;
    };
    assert!(!ws.path(".bitext-cache").exists());
    let cold = outcome(&ws);
    // 4,817 paragraphs and the front matter's title, which the fixture's file lacks.
    assert_eq!(cold.0.len(), 4818);
    assert_eq!(cold.0[0], "missing");
    assert_eq!(count(&cold.0, "current"), 688);
    assert_eq!(count(&cold.0, "stale"), 4129);
    let diff: serde_json::Value = serde_json::from_str(&cold.1).expect("diff JSON");
    let stale = diff["articles"][0]["languages"][0]["stale"]
        .as_array()
        .expect("stale segments");
    assert_eq!(stale.len(), 4129);
    assert!(
        stale
            .iter()
            .all(|s| s["old"] != s["new"] && s["old"].is_string())
    );
    let saved = std::fs::read(ws.path(SAVED)).expect("the alignment was saved");

    // Read back: the same decisions, and the file left as it was.
    assert_eq!(outcome(&ws), cold);
    assert_eq!(std::fs::read(ws.path(SAVED)).expect("saved"), saved);

    // Truncated: never trusted, aligned again and saved whole.
    for cut in [saved.len() / 2, saved.len() - 2, 40] {
        std::fs::write(ws.path(SAVED), &saved[..cut]).expect("truncate");
        assert_eq!(outcome(&ws), cold, "cut at {cut}");
        assert_eq!(std::fs::read(ws.path(SAVED)).expect("saved"), saved);
    }

    // Deleted: the same again.
    std::fs::remove_dir_all(ws.path(".bitext-cache")).expect("rm");
    assert_eq!(outcome(&ws), cold);
}

#[test]
fn the_sweeping_edit_is_aligned_the_same_before_sync_recorded_its_links() {
    let Some(ws) = sweeping_edit() else {
        return;
    };
    let synced = outcome(&ws);
    // The fixture's file is as `sync` left it: each unit carries its segment's id. Give each
    // unit back the id of the text it was made from (the placeholder translation names it),
    // as before `sync`: the alignment must then find every link by comparing words.
    let rel = format!("translations/fr/{SLUG}.json");
    let mut file: serde_json::Value = serde_json::from_str(&ws.read(&rel)).expect("JSON");
    for unit in file["units"].as_array_mut().expect("units") {
        let target = unit["target"].as_str().expect("target");
        let id = target
            .strip_prefix("FR[")
            .and_then(|t| t.split_once(']'))
            .expect("FR[id]")
            .0
            .to_owned();
        unit["id"] = id.into();
    }
    ws.write(&rel, serde_json::to_string_pretty(&file).expect("JSON"));
    std::fs::remove_dir_all(ws.path(".bitext-cache")).expect("rm");
    let searched = outcome(&ws);
    assert_eq!(searched, synced);
    assert!(ws.path(SAVED).is_file());
    assert_eq!(outcome(&ws), synced, "read back");

    // `sync` records those links: the same states after it, and a second `sync` writes
    // nothing.
    ws.run(&["sync"]).success();
    assert_eq!(outcome(&ws), synced);
    let once = ws.read(&rel);
    ws.run(&["sync"]).success();
    assert_eq!(ws.read(&rel), once);
}

#[test]
fn a_saved_alignment_of_other_files_is_rebuilt() {
    let Some(ws) = sweeping_edit() else {
        return;
    };
    ws.run(&["status"]).success();
    let before_set = std::fs::read(ws.path(SAVED)).expect("saved");
    // One translation recorded: the French file changed, so the saved links are those of
    // other files now.
    ws.run(&[
        "set",
        SLUG,
        "184",
        "-l",
        "fr",
        "--text",
        "Prise en charge du remplacement de http(s).globalAgent (Roy Sommer) \
         [#25170](https://github.com/nodejs/node/pull/25170)",
    ]);
    let after = outcome(&ws);
    assert_eq!(count(&after.0, "current"), 689);
    let rebuilt = std::fs::read(ws.path(SAVED)).expect("saved");
    assert_ne!(rebuilt, before_set, "saved again for the new files");

    // Without any saved alignment: the same.
    std::fs::remove_dir_all(ws.path(".bitext-cache")).expect("rm");
    assert_eq!(outcome(&ws), after);
    assert_eq!(std::fs::read(ws.path(SAVED)).expect("saved"), rebuilt);

    // The links saved for the files before `set`, put back: a mismatch, never read.
    std::fs::write(ws.path(SAVED), &before_set).expect("write");
    assert_eq!(outcome(&ws), after);
    assert_eq!(std::fs::read(ws.path(SAVED)).expect("saved"), rebuilt);
}
