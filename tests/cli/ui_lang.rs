//! The interface in French and Spanish: no English from clap or the operating system, French
//! typography in the help, numbers and plural forms of each language.

use crate::support::{ARTICLE, Run, Ws};

/// English that must not show under `--ui-lang fr|es`: clap's texts, the error prefix and the
/// C library's error texts. "Options:" and "Arguments:" are English only with the colon glued
/// to the word: French writes the same words with a space before the colon.
const ENGLISH: [&str; 16] = [
    "Usage",
    "Options:",
    "Arguments:",
    "Commands",
    "error:",
    "default",
    "possible values",
    "tip",
    "unexpected",
    "For more information",
    "Print",
    "help",
    "No such file",
    "required",
    "subcommand",
    "not provided",
];

/// True if and only if `word` occurs in `text` and is not part of a longer word.
fn contains_word(text: &str, word: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(word).any(|(at, _)| {
        !is_word(text[..at].chars().next_back()) && !is_word(text[at + word.len()..].chars().next())
    })
}

/// Everything a run printed, with the names of the `--help` flag and the `help` command taken
/// out: the words a command reads are not prose and stay as they are in every language.
fn printed(run: &Run) -> String {
    format!("{}\n{}", run.stdout, run.stderr)
        .replace("--help", "--")
        .replace("(help po export)", "()")
        .lines()
        .map(|line| match line.strip_prefix("  help ") {
            Some(rest) => format!("  {rest}"),
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn contains_word_respects_word_boundaries() {
    assert!(contains_word("error: x", "error:"));
    assert!(!contains_word("multiple", "tip"));
    assert!(contains_word("a tip: b", "tip"));
    assert!(!contains_word("Error: x", "error:"));
}

#[test]
fn french_and_spanish_output_has_no_english() {
    let ws = Ws::translated();
    let runs: [&[&str]; 15] = [
        &["--help"],
        &["set", "harbour", "1", "-l", "fr", "--draft", "--reviewed"],
        &["status", "--format=jsn"],
        &["--", "status"],
        &["status", "--help"],
        &["help", "po", "export"],
        &["completions", "--help"],
        &["export", "-l", "fr"],
        &["check", "--help"],
        &["status", "--bogus"],
        &["check", "--format", "nope"],
        &["stauts"],
        &["set"],
        &["-j", "many", "status"],
        &["import", "harbour", "-l", "fr", "no-such-file.md"],
    ];
    for lang in ["fr", "es"] {
        for args in runs {
            let mut all = vec!["--ui-lang", lang];
            all.extend_from_slice(args);
            let run = ws.run(&all);
            let text = printed(&run);
            assert!(!text.trim().is_empty(), "{all:?} printed nothing");
            for word in ENGLISH {
                assert!(
                    !contains_word(&text, word),
                    "{all:?} prints {word:?}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn usage_errors_and_io_errors_are_localised_sentences_with_exit_2() {
    let ws = Ws::translated();
    let before = ws.snapshot();
    for (lang, prefix, usage, value, os) in [
        (
            "fr",
            "erreur\u{a0}: argument inattendu «\u{a0}--bogus\u{a0}»",
            "Utilisation\u{a0}: bitext status",
            "[valeurs possibles\u{a0}: text, json]",
            "impossible de lire no-such-file.md\u{a0}: fichier ou répertoire introuvable (erreur système 2)",
        ),
        (
            "es",
            "Error: argumento inesperado «--bogus»",
            "Uso: bitext status",
            "[valores posibles: text, json]",
            "no se puede leer no-such-file.md: no existe el archivo o directorio (error del sistema 2)",
        ),
        (
            "en",
            "error: unexpected argument '--bogus' found",
            "Usage: bitext status",
            "[possible values: text, json]",
            "cannot read no-such-file.md: no such file or directory (os error 2)",
        ),
    ] {
        let run = ws.run(&["--ui-lang", lang, "status", "--bogus"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stdout.is_empty());
        assert!(run.stderr.starts_with(prefix), "{lang}: {}", run.stderr);
        assert!(run.stderr.contains(usage), "{lang}: {}", run.stderr);
        let run = ws.run(&["--ui-lang", lang, "status", "--format", "nope"]);
        assert_eq!(run.code, 2);
        assert!(run.stderr.contains(value), "{lang}: {}", run.stderr);
        let run = ws.run(&[
            "--ui-lang",
            lang,
            "import",
            "harbour",
            "-l",
            "fr",
            "no-such-file.md",
        ]);
        assert_eq!(run.code, 2);
        assert!(run.stderr.contains(os), "{lang}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
    assert_eq!(ws.snapshot(), before);
}

#[test]
fn help_and_version_go_to_stdout_with_exit_0() {
    let ws = Ws::new();
    let help = ws.run(&["--ui-lang", "es", "status", "--help"]).success();
    assert!(help.stdout.contains("Opciones:"), "{}", help.stdout);
    assert!(
        help.stdout
            .contains("Uso: bitext status [OPCIONES] [ARTICLE]..."),
        "{}",
        help.stdout
    );
    let top = ws.run(&["--ui-lang", "fr", "--help"]).success();
    assert!(
        top.stdout
            .contains("Utilisation\u{a0}: bitext [OPTIONS] <COMMANDE>"),
        "{}",
        top.stdout
    );
    assert!(
        help.stdout
            .contains("[predeterminado: text] [valores posibles: text, json]"),
        "{}",
        help.stdout
    );
    let version = ws.run(&["--ui-lang", "fr", "--version"]).success();
    assert_eq!(
        version.stdout,
        format!("bitext {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn french_help_puts_a_no_break_space_before_every_colon() {
    let ws = Ws::new();
    let top = ws.run(&["--ui-lang", "fr", "--help"]).success();
    let mut commands: Vec<String> = top
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Commandes"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    assert!(commands.len() >= 10, "{}", top.stdout);
    commands.extend(["po export", "xliff export", "tmx export"].map(str::to_owned));
    let mut pages = vec![top.stdout];
    for command in &commands {
        let mut args = vec!["--ui-lang", "fr"];
        args.extend(command.split(' '));
        args.push("--help");
        pages.push(ws.run(&args).success().stdout);
    }
    for (i, page) in pages.iter().enumerate() {
        // The top page has no options of its own: all of them are global.
        let options = if i == 0 {
            "Options globales\u{a0}:"
        } else {
            "Options\u{a0}:"
        };
        for heading in ["Utilisation\u{a0}:", options] {
            assert!(page.contains(heading), "{heading}:\n{page}");
        }
        for (at, _) in page.match_indices(':') {
            let before = page[..at].chars().next_back();
            assert!(
                matches!(before, Some('\u{a0}' | '\u{202f}')),
                "a colon without a space before it:\n{}",
                page[..at].lines().last().unwrap_or_default()
            );
        }
    }
}

#[test]
fn percentages_take_the_form_of_the_ui_language_in_status_and_check() {
    // fr: 4 of 6 segments current.
    let ws = Ws::stale_and_missing();
    for (lang, share, threshold) in [
        ("en", "66.7%", "70.0%"),
        ("fr", "66,7\u{202f}%", "70,0\u{202f}%"),
        ("es", "66,7\u{a0}%", "70,0\u{a0}%"),
    ] {
        let status = ws.run(&["--ui-lang", lang, "status", "-l", "fr"]).success();
        assert!(status.stdout.contains(share), "{lang}: {}", status.stdout);
        let check = ws.run(&[
            "--ui-lang",
            lang,
            "check",
            "-l",
            "fr",
            "--min-complete",
            "70",
        ]);
        assert_eq!(check.code, 1);
        assert!(
            check.stdout.contains(share) && check.stdout.contains(threshold),
            "{lang}: {}",
            check.stdout
        );
        let junit = ws.run(&["--ui-lang", lang, "check", "-l", "fr", "--format", "junit"]);
        assert!(junit.stdout.contains(share), "{lang}: {}", junit.stdout);
    }
    // A French user may write the threshold with a decimal comma.
    let check = ws.run(&[
        "--ui-lang",
        "fr",
        "check",
        "-l",
        "fr",
        "--min-complete",
        "66,5",
    ]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert!(check.stdout.contains("66,5\u{202f}%"), "{}", check.stdout);
}

#[test]
fn a_refused_export_speaks_of_one_segment_or_several() {
    let one = Ws::translated();
    one.write(
        "sources/harbour.md",
        format!("{ARTICLE}\nThe tide tables are printed on page 4.\n"),
    );
    let several = Ws::stale_and_missing();
    for (lang, singular, plural) in [
        (
            "en",
            "1 segment is not translated (see above); translate it,",
            "2 segments are not translated (see above); translate them,",
        ),
        (
            "fr",
            "1 segment n’est pas traduit (voir ci-dessus)\u{a0}; traduisez-le,",
            "2 segments ne sont pas traduits (voir ci-dessus)\u{a0}; traduisez-les,",
        ),
        (
            "es",
            "1 segmento no está traducido (véase arriba); tradúzcalo,",
            "2 segmentos no están traducidos (véase arriba); tradúzcalos,",
        ),
    ] {
        for (ws, expected) in [(&one, singular), (&several, plural)] {
            let run = ws.run(&["--ui-lang", lang, "export", "harbour", "-l", "fr"]);
            assert_eq!(run.code, 1, "{}", run.stderr);
            assert!(run.stderr.contains(expected), "{lang}: {}", run.stderr);
        }
    }
}

#[test]
fn check_summaries_agree_with_their_counts() {
    let clean = Ws::translated();
    let dirty = Ws::stale_and_missing();
    for (lang, ws, expected) in [
        (
            "en",
            &clean,
            "1 article in 1 language; 0 stale, 0 missing, 0 draft.",
        ),
        // French: 0 takes the singular.
        (
            "fr",
            &clean,
            "1 article en 1 langue\u{a0}; 0 périmé, 0 manquant, 0 brouillon.",
        ),
        // Spanish: 0 takes the plural.
        (
            "es",
            &clean,
            "1 artículo en 1 idioma; 0 desactualizados, 0 pendientes, 0 borradores.",
        ),
        (
            "fr",
            &dirty,
            "1 article en 1 langue\u{a0}; 1 périmé, 1 manquant, 0 brouillon.",
        ),
        (
            "es",
            &dirty,
            "1 artículo en 1 idioma; 1 desactualizado, 1 pendiente, 0 borradores.",
        ),
    ] {
        let run = ws.run(&["--ui-lang", lang, "check", "-l", "fr"]);
        assert!(run.stdout.contains(expected), "{lang}: {}", run.stdout);
    }
}

#[test]
fn missing_arguments_are_counted_in_the_ui_language() {
    let ws = Ws::translated();
    let one = ws.run(&["--ui-lang", "fr", "set", "harbour", "1"]);
    assert!(
        one.stderr
            .contains("l’argument obligatoire suivant n’a pas été donné\u{a0}:\n  --lang <TAG>"),
        "{}",
        one.stderr
    );
    let several = ws.run(&["--ui-lang", "es", "set"]);
    assert!(
        several
            .stderr
            .contains("faltan los siguientes argumentos obligatorios:"),
        "{}",
        several.stderr
    );
}

#[test]
fn malformed_files_are_described_in_the_ui_language() {
    let ws = Ws::translated();
    ws.write("bad.po", "msgid \"x\"\nmsgfoo \"y\"\n");
    let run = ws.run(&["--ui-lang", "fr", "po", "import", "bad.po"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("bad.po:2:1: mot-clé «\u{a0}msgfoo\u{a0}» inconnu"),
        "{}",
        run.stderr
    );
    ws.write("bad.xlf", "<xliff version=\"2.0\"><file></xliff>");
    let run = ws.run(&["--ui-lang", "es", "xliff", "import", "bad.xlf"]);
    assert!(
        run.stderr.contains("bad.xlf:1:28: XML mal formado ("),
        "{}",
        run.stderr
    );
    ws.write("translations/fr/harbour.json", "{\"format\": 1,\n");
    let run = ws.run(&["--ui-lang", "es", "status"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "translations/fr/harbour.json:2:0: archivo de traducción no válido: \
             el archivo termina antes de tiempo ("
        ),
        "{}",
        run.stderr
    );
}
