//! Command-line conventions: `help`, global options apart, `-j` where it works, `--version`
//! everywhere, and `export` errors that say what to do.

use crate::support::{SAMPLE, Ws, sample_copy};

/// Every command and subcommand path, as typed after `bitext`.
const COMMANDS: [&[&str]; 24] = [
    &["init"],
    &["status"],
    &["sync"],
    &["set"],
    &["accept"],
    &["diff"],
    &["check"],
    &["qa"],
    &["export"],
    &["po", "export"],
    &["po", "import"],
    &["xliff", "export"],
    &["xliff", "import"],
    &["tmx", "export"],
    &["tmx", "import"],
    &["suggest"],
    &["pretranslate"],
    &["import"],
    &["merge-driver"],
    &["resolve"],
    &["history"],
    &["serve"],
    &["completions"],
    &["man"],
];

#[test]
fn help_command_prints_what_help_flag_prints() {
    let ws = Ws::new();
    let root = ws.run(&["--help"]).success();
    assert_eq!(ws.run(&["help"]).success().stdout, root.stdout);
    assert!(root.stdout.contains("\n  help "), "{}", root.stdout);
    for path in COMMANDS {
        let mut flag = path.to_vec();
        flag.push("--help");
        let mut command = vec!["help"];
        command.extend_from_slice(path);
        let expected = ws.run(&flag).success().stdout;
        assert!(expected.contains("Usage: bitext "), "{path:?}: {expected}");
        assert_eq!(ws.run(&command).success().stdout, expected, "{path:?}");
    }
    let fr = ws.run(&["--ui-lang", "fr", "help", "status"]).success();
    assert_eq!(
        fr.stdout,
        ws.run(&["--ui-lang", "fr", "status", "--help"])
            .success()
            .stdout
    );
    let unknown = ws.run(&["help", "nope"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("'nope'"), "{}", unknown.stderr);
}

/// The lines of `--help` under `heading`, up to the next blank line.
fn section<'a>(help: &'a str, heading: &str) -> Vec<&'a str> {
    help.lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn global_options_are_listed_apart_from_a_commands_own() {
    let ws = Ws::new();
    for path in COMMANDS {
        let mut args = path.to_vec();
        args.push("--help");
        let help = ws.run(&args).success().stdout;
        let own = section(&help, "Options:").join("\n");
        let global = section(&help, "Global options:").join("\n");
        for option in [
            "-C <DIR>",
            "--color <WHEN>",
            "--ui-lang <TAG>",
            "-V, --version",
        ] {
            assert!(
                global.contains(option),
                "{path:?}: {option} not global:\n{help}"
            );
            assert!(
                !own.contains(option),
                "{path:?}: {option} among its own:\n{help}"
            );
        }
        assert!(own.contains("-h, --help"), "{path:?}:\n{help}");
    }
    let status = ws.run(&["status", "--help"]).success().stdout;
    let own = section(&status, "Options:").join("\n");
    assert!(
        own.contains("--segments") && own.contains("-j, --jobs <N>"),
        "{status}"
    );
    let fr = ws
        .run(&["--ui-lang", "fr", "status", "--help"])
        .success()
        .stdout;
    assert!(fr.contains("\nOptions globales"), "{fr}");
    let es = ws
        .run(&["--ui-lang", "es", "status", "--help"])
        .success()
        .stdout;
    assert!(es.contains("\nOpciones globales"), "{es}");
}

#[test]
fn jobs_is_an_option_of_the_commands_that_work_in_parallel_only() {
    let ws = sample_copy();
    for args in [
        &["status", "-j", "2"][..],
        &["sync", "--dry-run", "-j", "2"],
        &["diff", "-j", "2"],
        &["check", "-j", "2"],
        &["export", SAMPLE, "-l", "fr", "-j", "2"],
        &["qa", "-j", "2"],
        &["pretranslate", "-l", "fr", "--dry-run", "-j", "2"],
    ] {
        ws.run(args).success();
        let mut help = args[..1].to_vec();
        help.push("--help");
        assert!(
            ws.run(&help).success().stdout.contains("-j, --jobs <N>"),
            "{args:?}"
        );
    }
    for path in [
        &["init"][..],
        &["set", SAMPLE, "1", "-l", "fr", "--text", "x"],
        &["accept", SAMPLE, "1", "-l", "fr"],
        &["import", SAMPLE, "-l", "fr", "x.md"],
        &["po", "export", SAMPLE, "-l", "fr"],
        &["po", "import", "x.po"],
        &["xliff", "export", SAMPLE, "-l", "fr"],
        &["xliff", "import", "x.xlf"],
        &["tmx", "export"],
        &["tmx", "import", "x.tmx"],
        &["suggest", SAMPLE, "1", "-l", "fr"],
        &["resolve", SAMPLE, "1", "-l", "fr", "--ours"],
        &["merge-driver", "a", "b", "c"],
        &["serve"],
        &["completions", "bash"],
        &["man"],
    ] {
        let before = ws.snapshot();
        let mut args = path.to_vec();
        args.extend(["-j", "2"]);
        let run = ws.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains("'-j'"), "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert_eq!(ws.snapshot(), before, "{args:?} changed a file");
    }
    // Before the command, -j is no global option either.
    assert_eq!(ws.run(&["-j", "2", "status"]).code, 2);
}

#[test]
fn version_is_the_tools_version_in_every_command() {
    let ws = Ws::new();
    let expected = format!("bitext {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(ws.run(&["--version"]).success().stdout, expected);
    assert_eq!(ws.run(&["-V"]).success().stdout, expected);
    for path in COMMANDS {
        let mut args = path.to_vec();
        args.push("--version");
        assert_eq!(ws.run(&args).success().stdout, expected, "{path:?}");
    }
}

#[test]
fn xliff_export_help_has_the_layout_of_the_others() {
    let ws = Ws::new();
    let xliff = ws.run(&["xliff", "export", "--help"]).success().stdout;
    let po = ws.run(&["po", "export", "--help"]).success().stdout;
    // One line per option, help text beside it, as in `po export --help`.
    let version = xliff
        .lines()
        .find(|l| l.contains("--xliff-version <VERSION>"))
        .expect("--xliff-version listed");
    assert!(
        version.contains("XLIFF version [default: 2.0] [possible values: 2.0, 1.2]"),
        "{xliff}"
    );
    let shape = |help: &str| -> Vec<String> {
        help.lines()
            .map(|l| {
                if l.ends_with(':') || l.is_empty() {
                    l.to_owned()
                } else {
                    "-".to_owned()
                }
            })
            .collect()
    };
    let mut po_shape = shape(&po);
    // xliff export has exactly one option more than po export.
    let at = po_shape
        .iter()
        .position(|l| l == "Global options:")
        .expect("globals")
        - 1;
    po_shape.insert(at, "-".to_owned());
    assert_eq!(shape(&xliff), po_shape, "{xliff}\n{po}");
}

#[test]
fn export_without_articles_or_edition_says_either_is_needed() {
    let ws = sample_copy();
    ws.run(&["export", "-l", "fr"]).error(&[
        "export needs the articles to export (bitext export ARTICLE... -l fr)",
        "or an edition (bitext export --edition ID -l fr; editions: 53-2)",
    ]);
    let bare = Ws::translated();
    bare.run(&["export", "-l", "fr"]).error(&[
        "bitext export ARTICLE... -l fr",
        "bitext.toml defines no editions",
    ]);
    let fr = ws.run(&["--ui-lang", "fr", "export", "-l", "fr"]);
    assert_eq!(fr.code, 2);
    assert!(fr.stderr.contains("ou d’une édition"), "{}", fr.stderr);
    let es = ws.run(&["--ui-lang", "es", "export", "-l", "fr"]);
    assert!(es.stderr.contains("o una edición"), "{}", es.stderr);
}

#[test]
fn unknown_edition_in_a_workspace_without_editions_says_there_are_none() {
    let ws = Ws::translated();
    ws.run(&["export", "--edition", "53-2", "-l", "fr"])
        .error(&[
            "no edition \"53-2\": bitext.toml defines no editions",
            "[[edition]]",
        ]);
    // With editions, the message lists them.
    sample_copy()
        .run(&["export", "--edition", "nope", "-l", "fr"])
        .error(&["no edition \"nope\"", "53-2"]);
}

#[test]
fn export_to_a_new_directory_for_one_article_says_where_the_file_went() {
    let ws = Ws::translated();
    let run = ws.run(&["export", "harbour", "-l", "fr", "-o", "newdir/"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        "wrote newdir/harbour.fr.html (-o newdir/ names a directory, so the document takes its usual file name there)\n"
    );
    assert!(
        ws.read("newdir/harbour.fr.html")
            .starts_with("<!DOCTYPE html>")
    );
    // A path without the slash is a file, as before.
    ws.run(&["export", "harbour", "-l", "fr", "-o", "plain.html"])
        .success();
    assert!(ws.read("plain.html").starts_with("<!DOCTYPE html>"));
    let fr = ws.run(&[
        "--ui-lang",
        "fr",
        "export",
        "harbour",
        "-l",
        "fr",
        "--bilingual",
        "-o",
        "autre/",
    ]);
    assert_eq!(fr.code, 0);
    assert!(
        fr.stderr.starts_with("autre/harbour.en-fr.html écrit"),
        "{}",
        fr.stderr
    );
}
