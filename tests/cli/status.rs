//! `bitext status`: the table, the per-segment listing and the JSON contract.

use crate::support::{ARTICLE, Ws};

#[test]
fn json_matches_the_documented_shape() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend", "next Saturday") + "\nA new closing line.\n",
    );
    let json = ws
        .run(&["status", "--segments", "--format", "json"])
        .success()
        .json();
    let article = &json["articles"][0];
    assert_eq!(article["article"], "harbour");
    assert_eq!(article["source"], "sources/harbour.md");
    assert_eq!(article["segments"], 6);
    let langs = article["languages"].as_array().expect("languages");
    assert_eq!(
        langs
            .iter()
            .map(|l| l["lang"].as_str().unwrap_or(""))
            .collect::<Vec<_>>(),
        ["fr", "es"]
    );
    let fr = &langs[0];
    for (key, value) in [
        ("current", 4),
        ("stale", 1),
        ("missing", 1),
        ("draft", 0),
        ("obsolete", 0),
    ] {
        assert_eq!(fr[key], value, "{key}");
    }
    assert_eq!(fr["percent"], 66.7);
    assert_eq!(langs[1]["percent"], 0.0);
    let first = &fr["segments"][0];
    assert_eq!(first["n"], 1);
    assert_eq!(first["state"], "current");
    assert_eq!(first["line"], 1);
    assert_eq!(first["excerpt"], "The harbour council");
    assert_eq!(first["id"].as_str().map(str::len), Some(8));
    let segment = &fr["segments"][1];
    assert_eq!(segment["line"], 3);
    assert!(
        segment["excerpt"]
            .as_str()
            .expect("excerpt")
            .ends_with(" ...")
    );
    assert_eq!(fr["segments"][4]["state"], "stale");
    assert_eq!(fr["segments"][5]["state"], "missing");
    // Without --segments there is no listing.
    let plain = ws.run(&["status", "--format", "json"]).success().json();
    assert!(
        plain["articles"][0]["languages"][0]
            .get("segments")
            .is_none()
    );
}

#[test]
fn text_table_shows_counts_and_percentages() {
    let ws = Ws::translated();
    let run = ws.run(&["status"]).success();
    assert_eq!(
        run.stdout,
        "sources/harbour.md — 5 segments\n\
         \x20 language  current  stale  missing  draft  obsolete    done\n\
         \x20 fr              5      0        0      0         0  100.0%\n\
         \x20 es              0      0        5      0         0    0.0%\n"
    );
    let listing = ws.run(&["status", "--segments", "-l", "fr"]).success();
    assert!(listing.stdout.contains("   1  "), "{}", listing.stdout);
    assert!(
        listing
            .stdout
            .contains("current     1  The harbour council"),
        "{}",
        listing.stdout
    );
}

#[test]
fn status_speaks_french_and_spanish() {
    let ws = Ws::translated();
    let fr = ws.run(&["--ui-lang", "fr", "status", "-l", "fr"]).success();
    assert!(
        fr.stdout.contains("5 segments") && fr.stdout.contains("à jour"),
        "{}",
        fr.stdout
    );
    let es = ws
        .run(&["--ui-lang", "es-419", "status", "-l", "fr", "--segments"])
        .success();
    assert!(es.stdout.contains("al día"), "{}", es.stdout);
}

#[test]
fn status_never_writes_a_file() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend", "next Saturday"),
    );
    let before = ws.snapshot();
    ws.run(&["status", "--segments"]).success();
    ws.run(&["status", "--format", "json"]).success();
    assert_eq!(ws.snapshot(), before);
}

#[test]
fn an_empty_article_is_reported_not_a_crash() {
    let ws = Ws::new();
    ws.write("sources/empty.md", "");
    let run = ws.run(&["status"]).success();
    assert!(
        run.stdout.contains("sources/empty.md — 0 segments"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("no translatable text"),
        "{}",
        run.stdout
    );
    let json = ws.run(&["status", "--format", "json"]).success().json();
    assert_eq!(json["articles"][0]["segments"], 0);
    ws.run(&["set", "empty", "1", "-l", "fr", "--text", "x"])
        .error(&["sources/empty.md", "no segment \"1\"", "0 segments"]);
}

#[test]
fn status_is_found_from_a_subdirectory_and_with_c() {
    let ws = Ws::translated();
    let sub = ws.path("sources");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_bitext"))
        .arg("status")
        .current_dir(&sub)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&run.stdout).contains("sources/harbour.md"));
    let elsewhere = Ws::new();
    let root = ws.root().to_str().expect("utf-8 path").to_owned();
    let run = elsewhere.run(&["-C", &root, "status"]).success();
    assert!(run.stdout.contains("sources/harbour.md"));
}
