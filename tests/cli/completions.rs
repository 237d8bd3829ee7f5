//! `bitext completions` and `bitext man`, both made from the command-line definition.

use std::process::Command;

use crate::support::{Ws, tool};

const COMMANDS: [&str; 21] = [
    "init",
    "status",
    "sync",
    "set",
    "accept",
    "diff",
    "check",
    "qa",
    "export",
    "po",
    "xliff",
    "tmx",
    "suggest",
    "pretranslate",
    "import",
    "merge-driver",
    "resolve",
    "history",
    "serve",
    "completions",
    "man",
];

/// What bash offers after `words`, with the script of `bitext completions bash` loaded.
fn bash_completes(bash: &str, script: &str, words: &str) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("bitext.bash");
    std::fs::write(&path, script).expect("write");
    let program = format!(
        "source {} || exit 3; complete -p bitext >/dev/null || exit 4; \
         COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
         COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}; \
         _bitext bitext \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let output = Command::new(bash)
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("run bash");
    assert!(
        output.status.success(),
        "bash could not load the script: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_loads_the_completion_script_and_completes_commands_and_options() {
    let Some(bash) = tool(&["bash"]) else {
        return;
    };
    let ws = Ws::new();
    let script = ws.run(&["completions", "bash"]).success().stdout;
    // As the README installs it: `source <(bitext completions bash)`.
    let output = Command::new(&bash)
        .args([
            "--norc",
            "-c",
            &format!(
                "source <({} completions bash) && complete -p bitext",
                env!("CARGO_BIN_EXE_bitext")
            ),
        ])
        .output()
        .expect("run bash");
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("_bitext bitext"));

    let commands = bash_completes(&bash, &script, "bitext ''");
    for command in COMMANDS {
        assert!(
            commands.iter().any(|c| c == command),
            "{command}: {commands:?}"
        );
    }
    assert_eq!(bash_completes(&bash, &script, "bitext sta"), ["status"]);
    let options = bash_completes(&bash, &script, "bitext xliff export --x");
    assert_eq!(options, ["--xliff-version"]);
    let values = bash_completes(&bash, &script, "bitext completions ''");
    let values: Vec<&String> = values.iter().filter(|v| !v.starts_with('-')).collect();
    assert_eq!(values, ["bash", "zsh", "fish", "powershell"]);
    // -j is offered where it works, and only there.
    assert!(bash_completes(&bash, &script, "bitext status -").contains(&"-j".to_owned()));
    assert!(!bash_completes(&bash, &script, "bitext set -").contains(&"-j".to_owned()));
}

#[test]
fn every_shell_gets_a_script_with_descriptions_in_the_ui_language() {
    let ws = Ws::new();
    for (shell, marker) in [
        ("zsh", "#compdef bitext"),
        ("fish", "complete -c bitext"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let en = ws.run(&["completions", shell]).success().stdout;
        assert!(en.contains(marker), "{shell}");
        assert!(en.contains("Print the manual page"), "{shell}");
        let fr = ws
            .run(&["--ui-lang", "fr", "completions", shell])
            .success()
            .stdout;
        assert!(fr.contains("Afficher la page de manuel"), "{shell}");
        let es = ws
            .run(&["--ui-lang", "es", "completions", shell])
            .success()
            .stdout;
        assert!(es.contains("Muestra la página de manual"), "{shell}");
    }
    let bad = ws.run(&["completions", "tcsh"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("tcsh"), "{}", bad.stderr);
}

/// Renders `page` with groff and returns its warnings (none means valid roff).
fn groff_warnings(groff: &str, page: &str) -> String {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("page.1");
    std::fs::write(&path, page).expect("write");
    let output = Command::new(groff)
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .arg(&path)
        .output()
        .expect("run groff");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn man_prints_a_roff_page_listing_every_command() {
    let ws = Ws::new();
    let page = ws.run(&["man"]).success().stdout;
    assert!(
        page.lines().any(|l| l.starts_with(".TH bitext 1 ")),
        "{page}"
    );
    assert!(page.is_ascii(), "non-ASCII is escaped");
    for heading in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "GLOBAL OPTIONS",
        "COMMANDS",
    ] {
        assert!(
            page.contains(&format!(".SH \"{heading}\"\n")),
            "{heading}:\n{page}"
        );
    }
    for command in COMMANDS {
        // roff writes a hyphen as `\-`.
        let name = command.replace('-', "\\-");
        assert!(
            page.contains(&format!("\n.TP\nbitext\\-{name}(1)\n")),
            "{command}"
        );
    }
    let fr = ws.run(&["--ui-lang", "fr", "man"]).success().stdout;
    assert!(fr.contains(".SH \"NOM\"") && fr.contains(".SH \"OPTIONS GLOBALES\""));
    // "périmées", escaped.
    assert!(fr.contains("p\\[u00E9]rim\\[u00E9]es"), "{fr}");
    let es = ws.run(&["--ui-lang", "es", "man"]).success().stdout;
    assert!(es.contains(".SH \"SINOPSIS\"") && es.contains(".SH \"DESCRIPCI\\[u00D3]N\""));
    if let Some(groff) = tool(&["groff"]) {
        for page in [&page, &fr, &es] {
            assert_eq!(groff_warnings(&groff, page), "");
        }
    }
}

#[test]
fn man_writes_a_page_per_command_into_a_directory() {
    let ws = Ws::new();
    ws.run(&["man", "-o", "man1"]).success();
    let mut names: Vec<String> = std::fs::read_dir(ws.path("man1"))
        .expect("man1/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for page in [
        "bitext.1",
        "bitext-status.1",
        "bitext-po-export.1",
        "bitext-xliff-import.1",
    ] {
        assert!(names.iter().any(|n| n == page), "{page}: {names:?}");
    }
    assert_eq!(ws.read("man1/bitext.1"), ws.run(&["man"]).success().stdout);
    let export = ws.read("man1/bitext-xliff-export.1");
    assert!(export.contains(".TH bitext-xliff-export 1 "), "{export}");
    assert!(export.contains(&format!("\"bitext {}\"", env!("CARGO_PKG_VERSION"))));
    assert!(export.contains("\\-\\-xliff\\-version"), "{export}");
    if let Some(groff) = tool(&["groff"]) {
        for name in &names {
            assert_eq!(
                groff_warnings(&groff, &ws.read(&format!("man1/{name}"))),
                "",
                "{name}"
            );
        }
    }
}
