//! The sample workspace: the pinned fixture the tests run on, fully translated, and the same
//! as the repository's own sample.

use std::path::Path;
use std::process::Command;

use crate::support::{SAMPLE, files_under, fixture_dir, sample_copy, skip, tool};

#[test]
fn the_sample_article_is_fully_translated_in_french_and_spanish() {
    let json = sample_copy()
        .run(&["status", "--segments", "--format", "json"])
        .success()
        .json();
    let articles = json["articles"].as_array().expect("articles");
    assert!(!articles.is_empty());
    for article in articles {
        assert!(article["segments"].as_u64() > Some(10));
        let langs: Vec<&str> = article["languages"]
            .as_array()
            .expect("languages")
            .iter()
            .map(|l| l["lang"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(langs, ["fr", "es"]);
        for lang in article["languages"].as_array().expect("languages") {
            assert_eq!(
                lang["percent"], 100.0,
                "{}: {}",
                article["article"], lang["lang"]
            );
            assert_eq!(lang["current"], article["segments"]);
        }
    }
}

#[test]
fn the_sample_keeps_its_non_breaking_spaces() {
    let ws = sample_copy();
    let source = ws.read(&format!("sources/{SAMPLE}.md"));
    assert!(source.contains("Peru,\u{a0}February 9, 2023."));
    let es = ws.read(&format!("translations/es/{SAMPLE}.json"));
    assert!(es.contains("\u{a0}"));
}

/// The repository's sample as committed: (path, bytes) for `bitext.toml`, `sources/` and
/// `translations/` at `HEAD`, or `None` outside a git checkout.
fn committed_sample(git: &str, root: &Path) -> Option<Vec<(String, Vec<u8>)>> {
    let git_in_root = || {
        let mut command = Command::new(git);
        command.arg("-C").arg(root);
        command
    };
    let listing = git_in_root()
        .args(["ls-tree", "-r", "--name-only", "HEAD", "--"])
        .args(["bitext.toml", "sources", "translations"])
        .output()
        .expect("git ls-tree");
    if !listing.status.success() {
        return None;
    }
    let mut files = Vec::new();
    for path in String::from_utf8(listing.stdout).expect("UTF-8").lines() {
        let shown = git_in_root()
            .arg("show")
            .arg(format!("HEAD:{path}"))
            .output()
            .expect("git show");
        assert!(shown.status.success(), "git show HEAD:{path}");
        files.push((path.to_owned(), shown.stdout));
    }
    files.sort();
    Some(files)
}

/// The sample as it is in the working tree: the user may be in the middle of the tour.
fn working_sample(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![("bitext.toml".to_owned(), Vec::new())];
    for dir in ["sources", "translations"] {
        files.extend(
            files_under(&root.join(dir))
                .into_iter()
                .map(|rel| (format!("{dir}/{rel}"), Vec::new())),
        );
    }
    for (path, bytes) in &mut files {
        *bytes = std::fs::read(root.join(path.as_str())).expect("read sample");
    }
    files.sort();
    files
}

/// Names the files where `a` and `b` differ.
fn differences(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)]) -> Vec<String> {
    // The fixture pins the articles the tests were written for: every file it holds must be
    // the sample's, and the sample may hold more articles (the translation memory's second
    // sample article) than the tests run on.
    let mut names: Vec<&String> = a.iter().map(|(p, _)| p).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|name| {
            let find = |files: &[(String, Vec<u8>)]| {
                files
                    .iter()
                    .find(|(p, _)| p == *name)
                    .map(|(_, b)| b.clone())
            };
            find(a) != find(b)
        })
        .cloned()
        .collect()
}

/// The fixture must be the repository's committed sample, so that a deliberate change to the
/// sample updates both (`tests/fixtures/update-sample`). It is compared with `HEAD`, not the
/// working tree, so edits made while following the README's tour do not fail the tests; a
/// fixture already updated to an uncommitted sample change passes too.
#[test]
fn the_fixture_is_the_committed_sample() {
    let Some(git) = tool(&["git"]) else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(committed) = committed_sample(&git, root) else {
        skip(&format!(
            "{} is not a git checkout, so the fixture cannot be compared with HEAD",
            root.display()
        ));
        return;
    };
    let fixture_root = fixture_dir();
    let fixture: Vec<(String, Vec<u8>)> = files_under(&fixture_root)
        .into_iter()
        .map(|rel| {
            let bytes = std::fs::read(fixture_root.join(&rel)).expect("read fixture");
            (rel, bytes)
        })
        .collect();
    let against_head = differences(&fixture, &committed);
    if against_head.is_empty() {
        return;
    }
    assert!(
        differences(&fixture, &working_sample(root)).is_empty(),
        "tests/fixtures/sample/ differs from the committed sample in {against_head:?}; \
         after a deliberate change to the sample, run tests/fixtures/update-sample and commit both"
    );
}
