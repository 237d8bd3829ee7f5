//! Bad input: exit 2, one `error:` line naming the file, and no file changed (issue point 7).

use crate::support::Ws;

const FILE: &str = "translations/fr/harbour.json";

/// Runs `args` in `ws` expecting an error mentioning `parts`, and checks nothing changed.
#[track_caller]
fn refuses(ws: &Ws, args: &[&str], parts: &[&str]) {
    let before = ws.snapshot();
    ws.run(args).error(parts);
    assert_eq!(ws.snapshot(), before, "{args:?} changed a file");
}

#[test]
fn malformed_translation_json_names_file_line_and_column() {
    let ws = Ws::translated();
    let text = ws.read(FILE);
    ws.write(FILE, text.replacen("\"units\": [", "\"units\": [,", 1));
    for args in [
        &["status"][..],
        &["sync"],
        &["set", "harbour", "1", "-l", "fr", "--text", "x"],
        &["accept", "harbour", "1", "-l", "fr"],
    ] {
        refuses(
            &ws,
            args,
            &[
                "translations/fr/harbour.json:5:",
                "invalid translation file",
            ],
        );
    }
}

#[test]
fn wrong_types_unknown_format_and_mislabelled_files_are_refused() {
    let ws = Ws::translated();
    let text = ws.read(FILE);
    ws.write(FILE, text.replacen("\"format\": 1", "\"format\": \"1\"", 1));
    refuses(
        &ws,
        &["status"],
        &[
            "translations/fr/harbour.json",
            "unknown translation file format \"1\"",
        ],
    );
    ws.write(FILE, text.replacen("\"format\": 1", "\"format\": 7", 1));
    refuses(
        &ws,
        &["sync"],
        &["translations/fr/harbour.json", "format 7"],
    );
    ws.write(
        FILE,
        text.replacen("\"lang\": \"fr\"", "\"lang\": \"es\"", 1),
    );
    refuses(
        &ws,
        &["status"],
        &["translations/fr/harbour.json", "\"lang\" is \"es\""],
    );
    ws.write(FILE, text.replacen("\"target\"", "\"target\": 3, \"x\"", 1));
    refuses(&ws, &["status"], &["translations/fr/harbour.json:"]);
}

#[test]
fn malformed_or_unknown_config_names_line_and_column() {
    let ws = Ws::translated();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\"\n",
    );
    refuses(
        &ws,
        &["status"],
        &["bitext.toml:2:", "invalid project file"],
    );
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\ncolour = true\n",
    );
    refuses(&ws, &["status"], &["bitext.toml:3:1", "colour"]);
    ws.write("bitext.toml", "source = \"en\"\ntargets = \"fr\"\n");
    refuses(&ws, &["status"], &["bitext.toml:2:"]);
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"xx-INVALID-999999\"]\n",
    );
    refuses(&ws, &["status"], &["xx-INVALID-999999"]);
}

#[test]
fn a_translation_of_an_article_that_does_not_exist_is_refused() {
    let ws = Ws::translated();
    ws.write(
        "translations/fr/ghost.json",
        "{\"format\": 1, \"article\": \"ghost\", \"lang\": \"fr\", \"units\": []}\n",
    );
    refuses(
        &ws,
        &["status"],
        &["translations/fr/ghost.json", "sources/ghost.md"],
    );
    refuses(&ws, &["sync"], &["translations/fr/ghost.json"]);
}

#[test]
fn invalid_language_tags_are_refused() {
    let ws = Ws::translated();
    refuses(
        &ws,
        &["status", "-l", "xx-INVALID-999999"],
        &["invalid language tag \"xx-INVALID-999999\""],
    );
    refuses(
        &ws,
        &["sync", "-l", "de"],
        &["language de is not a target", "fr, es"],
    );
    refuses(
        &ws,
        &["set", "harbour", "1", "-l", "fr/../x", "--text", "x"],
        &["fr/../x"],
    );
}

#[test]
fn unsafe_article_names_are_refused() {
    let ws = Ws::translated();
    for name in ["../x", "a/../b", "/etc/passwd", "a//b", " harbour"] {
        refuses(
            &ws,
            &["status", name],
            &[&format!("invalid article name \"{name}\"")],
        );
        refuses(
            &ws,
            &["set", name, "1", "-l", "fr", "--text", "x"],
            &["invalid article name"],
        );
    }
    // Any other name is a path that may name an article, and here names none.
    for name in ["a/b", "with space", "nowhere"] {
        refuses(
            &ws,
            &["status", name],
            &[&format!("sources/{name}.md does not exist")],
        );
    }
    // A file whose path cannot be an article's name is an error, not skipped.
    ws.write("sources/ Bad Name.md", "text\n");
    refuses(
        &ws,
        &["status"],
        &[
            "sources/ Bad Name.md",
            "cannot name this file as an article",
        ],
    );
}

#[test]
fn invalid_utf8_in_a_source_names_the_line() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        b"# Title\n\nCaf\xe9 au lait\n".as_slice(),
    );
    refuses(
        &ws,
        &["status"],
        &["sources/harbour.md:3:4", "not valid UTF-8"],
    );
    refuses(&ws, &["sync"], &["sources/harbour.md"]);
}

#[test]
fn unknown_and_ambiguous_segments_are_refused() {
    let ws = Ws::translated();
    refuses(
        &ws,
        &["set", "harbour", "9", "-l", "fr", "--text", "x"],
        &["sources/harbour.md", "no segment \"9\"", "5 segments"],
    );
    refuses(
        &ws,
        &["set", "harbour", "0", "-l", "fr", "--text", "x"],
        &["no segment \"0\""],
    );
    refuses(
        &ws,
        &["accept", "harbour", "zzzz", "-l", "fr"],
        &["no segment \"zzzz\""],
    );
}

#[test]
fn no_workspace_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_bitext"))
        .arg("status")
        .current_dir(dir.path())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("error: no bitext.toml in "), "{stderr}");
    assert!(stderr.contains("bitext init"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let ws = Ws::translated();
    let run = ws.run(&["status", "--format", "yaml"]);
    assert_eq!(run.code, 2);
    let run = ws.run(&["set", "harbour", "1"]);
    assert_eq!(run.code, 2);
}

/// A translation file whose article has no source is refused, naming the first such file
/// by name whatever order the directory lists them in; an invalid file name before it is
/// named instead.
#[test]
fn an_orphan_translation_is_refused_first_by_name() {
    let ws = Ws::translated();
    for name in ["zulu", "beta", "alpha"] {
        ws.write(&format!("translations/fr/{name}.json"), "{}");
    }
    for args in [&["status"][..], &["check"], &["sync"]] {
        ws.run(args)
            .error(&["translations/fr/alpha.json", "sources/alpha.md not found"]);
    }
    ws.write("translations/fr/Al pha.json", "{}");
    ws.run(&["status"]).error(&["translations/fr/Al pha.json"]);
    std::fs::remove_file(ws.path("translations/fr/Al pha.json")).expect("remove");
    for name in ["zulu", "beta", "alpha"] {
        std::fs::remove_file(ws.path(&format!("translations/fr/{name}.json"))).expect("remove");
    }
    ws.run(&["status"]).success();
}

#[test]
fn an_article_is_named_by_its_slug_or_its_file() {
    let ws = Ws::translated();
    let by_slug = ws.run(&["status", "harbour"]).success().stdout;
    for name in [
        "harbour.md",
        "./harbour.md",
        "sources/harbour.md",
        "./sources/harbour.md",
        "harbour.markdown",
    ] {
        assert_eq!(
            ws.run(&["status", name]).success().stdout,
            by_slug,
            "{name}"
        );
    }
}

#[test]
fn a_name_that_names_nothing_suggests_the_one_meant() {
    let ws = Ws::translated();
    refuses(
        &ws,
        &["status", "harbor"],
        &["no article \"harbor\"", "did you mean harbour?"],
    );
    refuses(
        &ws,
        &["set", "Harbour", "1", "-l", "fr", "--text", "x"],
        &["no article \"Harbour\"", "did you mean harbour?"],
    );
    let far = ws
        .run(&["status", "weather"])
        .error(&["no article \"weather\""]);
    assert!(!far.stderr.contains("did you mean"), "{}", far.stderr);

    refuses(
        &ws,
        &["status", "-l", "french"],
        &["invalid language tag \"french\"", "did you mean fr?"],
    );
    refuses(
        &ws,
        &["diff", "-l", "fr-CA"],
        &["language fr-CA is not a target", "did you mean fr?"],
    );
    refuses(&ws, &["check", "-l", "esp"], &["did you mean es?"]);
    // A regional variant of a target is checked as its exports take it: the target's text.
    ws.run(&["check", "-l", "fr_CA"]).success();
    let far = ws
        .run(&["status", "-l", "de"])
        .error(&["language de is not a target"]);
    assert!(!far.stderr.contains("did you mean"), "{}", far.stderr);

    // In the interface's language.
    let fr = ws.run(&["--ui-lang", "fr", "status", "harbor"]);
    assert!(
        fr.stderr.contains("vouliez-vous dire harbour ?"),
        "{}",
        fr.stderr
    );
    let es = ws.run(&["--ui-lang", "es", "status", "-l", "french"]);
    assert!(es.stderr.contains("¿quería decir fr?"), "{}", es.stderr);
}
