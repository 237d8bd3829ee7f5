//! The repository's own workspace: the sample article, fully translated.

use std::process::Command;

#[test]
fn the_sample_article_is_fully_translated_in_french_and_spanish() {
    let root = env!("CARGO_MANIFEST_DIR");
    let output = Command::new(env!("CARGO_BIN_EXE_bitext"))
        .args(["-C", root, "status", "--segments", "--format", "json"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
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
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let source =
        std::fs::read_to_string(root.join("sources/no-to-canadas-interference-in-peru.md"))
            .expect("source");
    assert!(source.contains("Peru,\u{a0}February 9, 2023."));
    let es = std::fs::read_to_string(
        root.join("translations/es/no-to-canadas-interference-in-peru.json"),
    )
    .expect("es");
    assert!(es.contains("\u{a0}"));
}
