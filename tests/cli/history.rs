//! A segment's history in the workbench (`/article/<slug>/<lang>/<n>/history`): every
//! translation its unit had in a real git repository, with authors, dates and the source each
//! was made from; the restore of one, with the conflict check; and a workspace outside git.

use std::path::Path;
use std::process::Command;

use crate::serve::{Served, with};
use crate::support::{Ws, tool};

const HISTORY: &str = "/article/harbour/fr/4/history";
const RESTORE: &str = "/article/harbour/fr/4/restore";
const MAYOR: &str = "The mayor promised a decision before the end of the month";
const ALICE: &str = "Le maire a promis une décision avant la fin du mois.";
const BOB: &str = "Le maire a promis de décider avant la fin du mois et a remercié tout le monde.";
const CAROL: &str = "Le maire a promis de décider avant la fin de la semaine.";
const UNCOMMITTED: &str = "Le maire promet une décision cette semaine.";

/// Commits everything in `dir` as `author`, with no user or system configuration.
fn commit_as(dir: &Path, author: &str, message: &str) {
    for args in [&["add", "-A"][..], &["commit", "-q", "-m", message]] {
        let output = Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", author)
            .env("GIT_AUTHOR_EMAIL", "desk@example.org")
            .env("GIT_COMMITTER_NAME", author)
            .env("GIT_COMMITTER_EMAIL", "desk@example.org")
            .output()
            .expect("run git");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The harbour article in a git repository: Alice translates it, Bob retranslates the mayor's
/// paragraph, the paragraph is edited and Carol translates the new text; then a translation
/// is saved and not committed. `None` when git is missing.
fn repository() -> Option<Ws> {
    tool(&["git"])?;
    let ws = Ws::translated();
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .args(args)
            .current_dir(ws.root())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .status()
            .expect("git")
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q", "-b", "main"]);
    ws.run(&["set", "harbour", "4", "-l", "fr", "--text", ALICE])
        .success();
    commit_as(ws.root(), "Alice Martin", "French translation");
    ws.run(&["set", "harbour", "4", "-l", "fr", "--text", BOB])
        .success();
    commit_as(ws.root(), "Bob Durand", "The mayor, again");
    ws.edit_source(
        "harbour",
        "before the end of the month",
        "before the end of the week",
    );
    ws.run(&["set", "harbour", "4", "-l", "fr", "--text", CAROL])
        .success();
    commit_as(ws.root(), "Carol Petit", "A week, not a month");
    ws.run(&["set", "harbour", "4", "-l", "fr", "--text", UNCOMMITTED])
        .success();
    Some(ws)
}

/// One version as the page lists it.
#[derive(Debug)]
struct Listed {
    heading: String,
    commit: String,
    target: String,
    made_from: String,
    source: Option<String>,
    restorable: bool,
}

fn versions(body: &str) -> Vec<Listed> {
    let doc = scraper::Html::parse_document(body);
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    let text = |e: scraper::ElementRef<'_>, s: &str| {
        e.select(&sel(s))
            .next()
            .map(|x| x.text().collect::<String>().trim().to_owned())
    };
    doc.select(&sel("li.version"))
        .map(|li| Listed {
            heading: text(li, "h3").expect("heading"),
            commit: li.value().attr("data-commit").unwrap_or("").to_owned(),
            target: text(li, "p.target").expect("target"),
            made_from: text(li, "p.made").expect("made from"),
            source: text(li, "p.source"),
            restorable: li.select(&sel("form.restore")).next().is_some(),
        })
        .collect()
}

fn unit(ws: &Ws) -> serde_json::Value {
    ws.json("translations/fr/harbour.json")["units"][3].clone()
}

#[test]
fn the_history_lists_every_translation_with_its_author_and_source_and_restore_writes_it() {
    let Some(ws) = repository() else { return };
    let s = Served::start(&ws);
    let page = s.get(HISTORY).status(200);
    let listed = versions(&page.body);
    let targets: Vec<&str> = listed.iter().map(|v| v.target.as_str()).collect();
    assert_eq!(targets, [UNCOMMITTED, CAROL, BOB, ALICE], "{listed:#?}");
    assert!(listed[0].heading.contains("On disk, not committed yet"));
    assert!(listed[0].heading.contains("on disk now"));
    assert!(listed[0].commit.is_empty() && !listed[0].restorable);
    for (v, author) in listed[1..]
        .iter()
        .zip(["Carol Petit", "Bob Durand", "Alice Martin"])
    {
        assert!(v.heading.contains(author), "{v:?}");
        assert!(v.restorable, "{v:?}");
        assert_eq!(v.commit.len(), 40, "{v:?}");
    }
    // Carol's was made from the paragraph as it is; Bob's and Alice's from the old text.
    assert_eq!(listed[1].made_from, "Made from the paragraph as it is now.");
    assert_eq!(listed[1].source, None);
    for v in &listed[2..] {
        let source = v.source.as_deref().expect("earlier source");
        assert!(source.starts_with(MAYOR), "{source}");
    }

    // Restore Bob's: the old text, with the source it was made from, so the segment is stale.
    let form = page.form(RESTORE);
    let form = with(form, "commit", &listed[2].commit);
    let reply = s.post(RESTORE, &form).status(303);
    let location = reply.header("Location").expect("location").to_owned();
    assert!(
        location.contains("done=4&did=restore&focus=4#t-4"),
        "{location}"
    );
    let restored = unit(&ws);
    assert_eq!(restored["target"], BOB);
    assert!(
        restored["source"]
            .as_str()
            .expect("source")
            .starts_with(MAYOR)
    );
    assert_eq!(restored["state"], "translated");
    assert_eq!(ws.states("harbour", "fr")[3], "stale");
    let after = s.get(&location).status(200);
    assert!(
        after
            .body
            .contains("Segment 4: an earlier translation restored."),
        "{}",
        after.body
    );

    // The same form again: the segment changed since its page was made.
    let before = ws.read("translations/fr/harbour.json");
    let form = with(page.form(RESTORE), "commit", &listed[1].commit);
    let refused = s.post(RESTORE, &form).status(409);
    assert!(refused.body.contains("changed on disk"), "{}", refused.body);
    assert_eq!(ws.read("translations/fr/harbour.json"), before);

    // Carol's, from a page made now: made from this text, so current again.
    let page = s.get(HISTORY).status(200);
    let form = with(page.form(RESTORE), "commit", &listed[1].commit);
    s.post(RESTORE, &form).status(303);
    assert_eq!(unit(&ws)["target"], CAROL);
    assert_eq!(ws.states("harbour", "fr")[3], "current");

    // A commit the history does not hold is no version to restore.
    let page = s.get(HISTORY).status(200);
    let form = with(page.form(RESTORE), "commit", &"0".repeat(40));
    s.post(RESTORE, &form).status(404);
    assert_eq!(unit(&ws)["target"], CAROL);
}

#[test]
fn each_card_links_to_its_history() {
    let ws = Ws::translated();
    let s = Served::start(&ws);
    let page = s.get("/article/harbour/fr").status(200);
    assert!(
        page.body
            .contains("href=\"/article/harbour/fr/4/history\" aria-label=\"History of segment 4\""),
        "{}",
        page.body
    );
}

#[test]
fn outside_git_the_history_says_so_and_shows_only_the_translation_on_disk() {
    let ws = Ws::translated();
    let s = Served::start(&ws);
    let page = s.get(HISTORY).status(200);
    assert!(
        page.body
            .contains("This workspace is not in a git checkout"),
        "{}",
        page.body
    );
    let listed = versions(&page.body);
    assert_eq!(listed.len(), 1, "{listed:#?}");
    assert_eq!(listed[0].target, "fr translation of segment 4");
    assert!(!listed[0].restorable);
    s.get("/article/harbour/fr/99/history").status(404);
    s.get("/article/harbour/fr/0/history").status(404);
}

#[test]
fn the_history_command_lists_the_same_versions_as_text_and_json() {
    let Some(ws) = repository() else { return };
    let json = ws
        .run(&["history", "harbour", "4", "-l", "fr", "--format", "json"])
        .success()
        .json();
    assert_eq!(json["git"], true);
    assert_eq!(json["n"], 4);
    let versions = json["versions"].as_array().expect("versions");
    let targets: Vec<&str> = versions
        .iter()
        .map(|v| v["target"].as_str().expect("target"))
        .collect();
    assert_eq!(targets, [UNCOMMITTED, CAROL, BOB, ALICE]);
    let authors: Vec<Option<&str>> = versions.iter().map(|v| v["author"].as_str()).collect();
    assert_eq!(
        authors,
        [
            None,
            Some("Carol Petit"),
            Some("Bob Durand"),
            Some("Alice Martin")
        ]
    );
    assert_eq!(versions[1]["made_from_current"], true);
    assert_eq!(versions[2]["made_from_current"], false);
    assert!(
        versions[2]["source"]
            .as_str()
            .expect("source")
            .starts_with(MAYOR)
    );
    // By id too, and as text: a block per version, the earlier source under the old ones.
    let id = json["id"].as_str().expect("id");
    let text = ws.run(&["history", "harbour", id, "-l", "fr"]).success();
    assert!(
        text.stdout.starts_with("sources/harbour.md, segment 4 ("),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("4 translations, newest first."));
    assert!(text.stdout.contains("on disk, not committed yet\n    "));
    assert!(text.stdout.contains("  Bob Durand  "), "{}", text.stdout);
    assert_eq!(
        text.stdout
            .matches("made from an earlier text of the paragraph:")
            .count(),
        2,
        "{}",
        text.stdout
    );
    assert!(text.stderr.is_empty());
}

#[test]
fn the_history_command_outside_git_and_on_an_unknown_segment() {
    let ws = Ws::translated();
    let run = ws.run(&["history", "harbour", "4", "-l", "fr"]).success();
    assert!(
        run.stdout
            .contains("Not in a git checkout: only the translation on disk is known."),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("fr translation of segment 4"));
    let json = ws
        .run(&["history", "harbour", "4", "-l", "fr", "--format", "json"])
        .success()
        .json();
    assert_eq!(json["git"], false);
    assert_eq!(json["versions"].as_array().map(Vec::len), Some(1));
    ws.run(&["history", "harbour", "99", "-l", "fr"])
        .error(&["harbour.md", "99"]);
}
