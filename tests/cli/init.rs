//! `bitext init`.

use crate::support::Ws;

#[test]
fn init_creates_a_workspace_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp");
    let root = dir.path().to_str().expect("utf-8").to_owned();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_bitext"))
        .args(["-C", &root, "init", "-t", "fr", "-t", "es_419"])
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .expect("run");
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("Created bitext.toml") && stdout.contains("translations/es-419/"),
        "{stdout}"
    );
    assert!(dir.path().join("sources").is_dir());
    assert!(dir.path().join("translations/fr").is_dir());
    let ignore = std::fs::read_to_string(dir.path().join(".gitignore")).expect(".gitignore");
    assert!(ignore.lines().any(|l| l == ".bitext.lock"), "{ignore}");
    assert!(ignore.lines().any(|l| l == ".bitext-cache/"), "{ignore}");
    let config = std::fs::read_to_string(dir.path().join("bitext.toml")).expect("config");
    assert!(
        config.contains("targets = [\"fr\", \"es-419\"]"),
        "{config}"
    );

    let again = std::process::Command::new(env!("CARGO_BIN_EXE_bitext"))
        .args(["-C", &root, "init"])
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .expect("run");
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("bitext.toml already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bitext.toml")).expect("config"),
        config
    );
}

#[test]
fn init_refuses_invalid_tags_and_changes_nothing() {
    let ws = Ws::new();
    std::fs::remove_file(ws.path("bitext.toml")).expect("rm");
    let before = ws.snapshot();
    ws.run(&["init", "-t", "xx-INVALID-999999"])
        .error(&["xx-INVALID-999999"]);
    ws.run(&["init", "--source", "fr", "-t", "fr"])
        .error(&["source language fr"]);
    // A language's name is not its tag: BCP 47 registers no language subtag longer than three
    // letters.
    for name in ["french", "english", "espa"] {
        ws.run(&["init", "-t", name])
            .error(&[&format!("invalid language tag \"{name}\"")]);
    }
    ws.run(&["init", "--source", "english", "-t", "fr"])
        .error(&["invalid language tag \"english\""]);
    assert_eq!(ws.snapshot(), before);
}
