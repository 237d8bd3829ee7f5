//! Hostile and broken input: every case exits 2 (never 101, a panic) with one message naming
//! the file, and leaves every file byte-identical.

use crate::support::{ARTICLE, Ws};

const FILE: &str = "translations/fr/harbour.json";

/// Runs `args` expecting exit 2 and a message containing `parts`, with no file changed.
#[track_caller]
fn refused(ws: &Ws, args: &[&str], parts: &[&str]) {
    let before = ws.snapshot();
    ws.run(args).error(parts);
    assert_eq!(ws.snapshot(), before, "{args:?} changed a file");
}

/// Every writing and reading command a broken workspace must refuse the same way.
const COMMANDS: [&[&str]; 5] = [
    &["status"],
    &["sync"],
    &["check"],
    &["diff"],
    &["set", "harbour", "1", "-l", "fr", "--text", "x"],
];

#[track_caller]
fn all_commands_refuse(ws: &Ws, parts: &[&str]) {
    for args in COMMANDS {
        refused(ws, args, parts);
    }
}

#[test]
fn truncated_json() {
    let ws = Ws::translated();
    let text = ws.read(FILE);
    ws.write(FILE, &text[..text.len() / 2]);
    all_commands_refuse(&ws, &[FILE, "invalid translation file"]);
}

#[test]
fn wrong_json_types() {
    let ws = Ws::translated();
    ws.write(
        FILE,
        ws.read(FILE)
            .replacen("\"units\": [", "\"units\": {\"a\": [", 1),
    );
    all_commands_refuse(&ws, &[&format!("{FILE}:5:")]);
    ws.write(FILE, "[1, 2, 3]\n");
    all_commands_refuse(&ws, &[&format!("{FILE}:1:")]);
}

#[test]
fn unknown_format_version() {
    let ws = Ws::translated();
    ws.write(
        FILE,
        ws.read(FILE).replacen("\"format\": 1", "\"format\": 2", 1),
    );
    all_commands_refuse(&ws, &[FILE, "format 2"]);
}

#[test]
fn duplicate_segment_ids() {
    let ws = Ws::translated();
    let mut file = ws.json(FILE);
    let first = file["units"][0]["id"].clone();
    file["units"][1]["id"] = first.clone();
    ws.write(FILE, serde_json::to_string_pretty(&file).expect("json"));
    all_commands_refuse(
        &ws,
        &[
            FILE,
            &format!("two units have the id {}", first.as_str().expect("id")),
        ],
    );
}

#[test]
fn a_ten_megabyte_paragraph() {
    let ws = Ws::translated();
    let huge = "word ".repeat(2 << 20);
    ws.write("sources/harbour.md", format!("{ARTICLE}\n{huge}\n"));
    all_commands_refuse(&ws, &["sources/harbour.md:13:", "larger than 1 MiB"]);
}

#[test]
fn ten_thousand_nested_block_quotes_or_list_levels() {
    let ws = Ws::translated();
    ws.write(
        "sources/harbour.md",
        format!("{ARTICLE}\n{} deep\n", ">".repeat(10_000)),
    );
    all_commands_refuse(
        &ws,
        &["sources/harbour.md:13:", "nested more than 64 levels"],
    );
    // "- - - x" opens a nested list at each marker: 10,000 levels on one line.
    ws.write(
        "sources/harbour.md",
        format!("{ARTICLE}\n{}deep\n", "- ".repeat(10_000)),
    );
    all_commands_refuse(
        &ws,
        &["sources/harbour.md:13:", "nested more than 64 levels"],
    );
}

#[test]
fn nul_bytes() {
    let ws = Ws::translated();
    ws.write("sources/harbour.md", ARTICLE.replace("Monday", "Mon\0day"));
    all_commands_refuse(&ws, &["sources/harbour.md:3:23", "NUL byte"]);
    let ws = Ws::translated();
    ws.write(
        FILE,
        ws.read(FILE)
            .replacen("fr translation", "fr\0translation", 1),
    );
    all_commands_refuse(&ws, &[FILE, "invalid translation file"]);
}

#[test]
fn invalid_utf8() {
    let ws = Ws::translated();
    let mut bytes = ARTICLE.as_bytes().to_vec();
    bytes.splice(2..2, [0xff, 0xfe]);
    ws.write("sources/harbour.md", bytes);
    all_commands_refuse(&ws, &["sources/harbour.md:1:3", "not valid UTF-8"]);
    let ws = Ws::translated();
    let mut bytes = ws.read(FILE).into_bytes();
    bytes.splice(10..10, [0xc3]);
    ws.write(FILE, bytes);
    all_commands_refuse(&ws, &[FILE]);
}

#[test]
fn byte_order_marks_are_accepted_everywhere() {
    let ws = Ws::translated();
    for path in ["sources/harbour.md", FILE, "bitext.toml"] {
        let text = ws.read(path);
        ws.write(path, format!("\u{feff}{text}"));
    }
    let run = ws.run(&["status", "-l", "fr"]).success();
    assert!(run.stdout.contains("fr              5"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn symlinks_leading_outside_the_workspace() {
    let ws = Ws::translated();
    let outside = tempfile::tempdir().expect("temp");
    std::fs::write(outside.path().join("harbour.json"), ws.read(FILE)).expect("write");
    std::fs::remove_file(ws.path(FILE)).expect("rm");
    std::os::unix::fs::symlink(outside.path().join("harbour.json"), ws.path(FILE))
        .expect("symlink");
    all_commands_refuse(&ws, &[FILE, "leads outside the workspace"]);

    let ws = Ws::translated();
    std::fs::remove_dir_all(ws.path("translations/es")).ok();
    std::os::unix::fs::symlink(outside.path(), ws.path("translations/es")).expect("symlink");
    refused(
        &ws,
        &["sync"],
        &["translations/es", "leads outside the workspace"],
    );
    assert!(!outside.path().join("harbour.json.tmp").exists());
    // A link that stays inside the workspace is fine.
    let ws = Ws::translated();
    std::fs::rename(ws.path("sources/harbour.md"), ws.path("harbour-source.md")).expect("mv");
    std::os::unix::fs::symlink(ws.path("harbour-source.md"), ws.path("sources/harbour.md"))
        .expect("symlink");
    ws.run(&["status"]).success();
}

#[test]
fn unsafe_slugs() {
    let ws = Ws::translated();
    for slug in [
        "..",
        "../harbour",
        "a/../../b",
        "/etc/passwd",
        "a//b",
        "har\nbour",
        "",
    ] {
        refused(&ws, &["status", slug], &["invalid article name"]);
        refused(
            &ws,
            &["set", slug, "1", "-l", "fr", "--text", "x"],
            &["invalid article name"],
        );
    }
}

#[test]
fn invalid_language_tags() {
    let ws = Ws::translated();
    for tag in [
        "xx-INVALID-999999",
        "fr/../../etc",
        "",
        "français",
        "en-US-x-private-use-that-is-long",
    ] {
        refused(&ws, &["status", "-l", tag], &["invalid language tag"]);
    }
}

#[test]
fn config_with_unknown_keys_or_wrong_types() {
    let ws = Ws::translated();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\nedition = 3\n",
    );
    refused(
        &ws,
        &["status"],
        &["bitext.toml:3:", "invalid project file"],
    );
    ws.write("bitext.toml", "source = 1\ntargets = [\"fr\"]\n");
    refused(&ws, &["status"], &["bitext.toml:1:"]);
    ws.write("bitext.toml", "source = \"en\"\ntargets = [\"fr\"]\n[[edition]]\nid = \"x\"\nvolume = -1\nnumber = 1\ndate = \"2024-01\"\narticles = []\n");
    refused(&ws, &["status"], &["bitext.toml:5:"]);
    ws.write("bitext.toml", "source = \"en\"\ntargets = [\"fr\"]\n[[edition]]\nid = \"x\"\nvolume = 1\nnumber = 1\ndate = \"January\"\narticles = [\"../x\"]\n");
    refused(
        &ws,
        &["status"],
        &["bitext.toml", "edition \"x\"", "YYYY-MM"],
    );
}

#[test]
fn a_script_paragraph_exported_to_html_is_text() {
    let ws = Ws::new();
    ws.write(
        "sources/xss.md",
        "<script>alert(1)</script>\n\nText with <img src=x onerror=alert(2)> inline.\n",
    );
    // The first block is an HTML block (structure, never exported); the paragraph is segment 1.
    ws.run(&[
        "set",
        "xss",
        "1",
        "-l",
        "fr",
        "--text",
        "Texte <script>alert(3)</script>",
    ])
    .success();
    let run = ws
        .run(&["export", "xss", "-l", "fr", "--bilingual"])
        .success();
    assert!(!run.stdout.contains("<script>alert"), "{}", run.stdout);
    assert!(!run.stdout.contains("<img"), "{}", run.stdout);
    assert!(
        run.stdout.contains("&lt;script&gt;alert(3)&lt;/script&gt;"),
        "{}",
        run.stdout
    );
}
