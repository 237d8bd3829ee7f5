//! The translation memory: `suggest`, `pretranslate` and `tmx import`.

use serde_json::Value;

use crate::support::{SAMPLE, Ws, sample_copy};

const HARBOUR_FR: [&str; 5] = [
    "Le conseil du port",
    "Le conseil s'est réuni lundi pour discuter du budget de l'année à venir. Les membres ont débattu pendant des heures du coût de la réparation du vieux mur du port avant les tempêtes d'hiver.",
    "Les pêcheurs ont dit à la réunion que les prises avaient baissé d'un tiers depuis le printemps, et ont demandé de l'aide pour le prix du carburant.",
    "Le maire a promis une décision avant la fin du mois et a remercié tout le monde d'être venu.",
    "Un festival avec de la musique et de la nourriture aura lieu sur le quai le week-end prochain.",
];

/// The harbour article translated into French with real sentences, and a second article
/// that repeats one paragraph, edits another and adds a new one.
fn two_articles() -> Ws {
    let ws = Ws::new();
    ws.write("sources/harbour.md", crate::support::ARTICLE);
    ws.set_all("harbour", "fr", &HARBOUR_FR);
    ws.write(
        "sources/quay.md",
        "\
# The harbour council

The council met on Tuesday to discuss the budget for the coming year. Members argued for
hours about the cost of repairing the old harbour wall before the winter storms.

Tourists will be welcome on the new ferry from Saturday.
",
    );
    ws
}

fn suggest(ws: &Ws, article: &str, segment: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["suggest", article, segment, "-l", "fr", "--format", "json"];
    args.extend_from_slice(extra);
    ws.run(&args)
        .success()
        .json()
        .as_array()
        .expect("list")
        .clone()
}

#[test]
fn suggest_finds_exact_fuzzy_and_no_match() {
    let ws = two_articles();
    let exact = suggest(&ws, "quay", "1", &[]);
    assert_eq!(exact[0]["score"], 100);
    assert_eq!(exact[0]["source"], "The harbour council");
    assert_eq!(exact[0]["target"], HARBOUR_FR[0]);
    assert_eq!(exact[0]["origin"]["kind"], "segment");
    assert_eq!(exact[0]["origin"]["article"], "harbour");
    assert_eq!(exact[0]["origin"]["n"], 1);

    let fuzzy = suggest(&ws, "quay", "2", &[]);
    let score = fuzzy[0]["score"].as_u64().expect("score");
    assert!((90..100).contains(&score), "{score}");
    assert_eq!(fuzzy[0]["target"], HARBOUR_FR[1]);
    assert!(
        fuzzy[0]["source"]
            .as_str()
            .expect("source")
            .contains("Monday")
    );

    assert!(suggest(&ws, "quay", "3", &[]).is_empty());
    let text = ws
        .run(&["suggest", "quay", "3", "-l", "fr"])
        .success()
        .stdout;
    assert!(text.contains("No match scoring 50% or more."), "{text}");
}

#[test]
fn suggest_marks_what_differs_as_diff_does() {
    let ws = two_articles();
    let text = ws
        .run(&["suggest", "quay", "2", "-l", "fr"])
        .success()
        .stdout;
    assert!(
        text.starts_with("sources/quay.md:3: fr: segment 2 ("),
        "{text}"
    );
    assert!(
        text.contains("on [-Monday-]{+Tuesday+} to discuss"),
        "{text}"
    );
    assert!(text.contains(&format!("→ {}", HARBOUR_FR[1])), "{text}");
    assert!(text.contains("harbour, segment 2 ("), "{text}");
}

#[test]
fn scores_are_ordered_and_reproducible() {
    let ws = Ws::new();
    let base = "The mayor opened the new library on the main square this morning";
    ws.write(
        "sources/a.md",
        format!(
            "{base}.\n\n{base} with music.\n\nThe mayor opened the library this morning.\n\n\
             The mayor closed the old library.\n"
        ),
    );
    for n in 1..=4 {
        ws.run(&[
            "set",
            "a",
            &n.to_string(),
            "-l",
            "fr",
            "--text",
            &format!("Traduction {n}"),
        ])
        .success();
    }
    ws.write("sources/b.md", format!("{base}!\n"));
    let first = ws
        .run(&[
            "suggest",
            "b",
            "1",
            "-l",
            "fr",
            "--format",
            "json",
            "--min-score",
            "0",
        ])
        .success()
        .stdout;
    let again = ws
        .run(&[
            "suggest",
            "b",
            "1",
            "-l",
            "fr",
            "--format",
            "json",
            "--min-score",
            "0",
        ])
        .success()
        .stdout;
    assert_eq!(first, again);
    let list: Value = serde_json::from_str(&first).expect("json");
    let scores: Vec<u64> = list
        .as_array()
        .expect("list")
        .iter()
        .map(|m| m["score"].as_u64().expect("score"))
        .collect();
    assert_eq!(scores.len(), 4, "{first}");
    assert!(scores.windows(2).all(|w| w[0] > w[1]), "{scores:?}");
    assert!(scores[0] < 100 && scores[0] >= 95, "{scores:?}");
    let limited = ws
        .run(&[
            "suggest",
            "b",
            "1",
            "-l",
            "fr",
            "--format",
            "json",
            "--limit",
            "2",
            "--min-score",
            "80",
        ])
        .success()
        .json();
    assert_eq!(limited.as_array().expect("list").len(), 2);
}

#[test]
fn the_recurring_section_label_is_found_across_articles() {
    let ws = sample_copy();
    ws.write(
        "sources/second.md",
        "*Matters of Concern Around the World*\n\nA new article about something else.\n",
    );
    for lang in ["fr", "es"] {
        let list = ws
            .run(&["suggest", "second", "1", "-l", lang, "--format", "json"])
            .success()
            .json();
        assert_eq!(list[0]["score"], 100, "{lang}");
        assert_eq!(list[0]["origin"]["article"], SAMPLE, "{lang}");
        let target = list[0]["target"].as_str().expect("target");
        assert!(target.starts_with('*') && target.len() > 10, "{target}");
    }
}

#[test]
fn a_stale_segments_own_earlier_translation_is_always_listed() {
    let ws = two_articles();
    ws.edit_source(
        "harbour",
        "The mayor promised a decision before the end of the month and thanked everyone for coming.",
        "After a long evening the mayor promised a firm decision before the end of the month.",
    );
    assert_eq!(ws.states("harbour", "fr")[3], "stale");
    let list = suggest(&ws, "harbour", "4", &["--min-score", "100", "--limit", "1"]);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["target"], HARBOUR_FR[3]);
    assert_eq!(list[0]["origin"]["article"], "harbour");
    assert_eq!(list[0]["origin"]["n"], 4);
    assert!(list[0]["score"].as_u64() < Some(100));
}

#[test]
fn a_regional_language_also_searches_its_parent() {
    let ws = two_articles();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\", \"es-419\"]\n",
    );
    ws.run(&[
        "set",
        "harbour",
        "5",
        "-l",
        "es",
        "--text",
        "Un festival con música y comida tendrá lugar en el muelle el próximo fin de semana.",
    ])
    .success();
    ws.write(
        "sources/fiesta.md",
        "A festival with music and food will take place on the quay next weekend.\n",
    );
    let list = ws
        .run(&["suggest", "fiesta", "1", "-l", "es-419", "--format", "json"])
        .success()
        .json();
    assert_eq!(list[0]["score"], 100);
    assert_eq!(list[0]["origin"]["lang"], "es");
    assert!(list[0]["target"].as_str().expect("t").contains("muelle"));
}

const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="paragraph" o-tmf="x" adminlang="en" srclang="en-GB" datatype="plaintext"/>
  <body>
    <tu>
      <tuv xml:lang="en-GB"><seg>Tourists will be welcome on the new ferry from Saturday.</seg></tuv>
      <tuv xml:lang="fr-FR"><seg>Les touristes seront les bienvenus sur le nouveau ferry à partir de samedi.</seg></tuv>
      <tuv xml:lang="es-ES"><seg>Los turistas serán bienvenidos en el nuevo ferri a partir del sábado.</seg></tuv>
    </tu>
  </body>
</tmx>
"#;

#[test]
fn an_imported_tmx_memory_is_used() {
    let ws = two_articles();
    let outside = ws.path("agency-memory.tmx");
    std::fs::write(&outside, TMX).expect("write");
    let out = ws
        .run(&["tmx", "import", outside.to_str().expect("path")])
        .success()
        .stdout;
    assert_eq!(out, "memory/agency-memory.tmx: 1 translation unit\n");
    assert_eq!(ws.read("memory/agency-memory.tmx"), TMX);
    let list = suggest(&ws, "quay", "3", &[]);
    assert_eq!(list[0]["score"], 100);
    assert_eq!(
        list[0]["target"],
        "Les touristes seront les bienvenus sur le nouveau ferry à partir de samedi."
    );
    assert_eq!(list[0]["origin"]["kind"], "tmx");
    assert_eq!(list[0]["origin"]["file"], "memory/agency-memory.tmx");
    assert_eq!(list[0]["origin"]["lang"], "fr-FR");
}

#[test]
fn a_malformed_tmx_is_refused_and_nothing_is_imported() {
    let ws = two_articles();
    ws.write("good.tmx", TMX);
    ws.write("broken.tmx", TMX.replace("</body>", ""));
    ws.write(
        "notes.tmx",
        "<?xml version=\"1.0\"?>\n<xliff version=\"2.0\"/>\n",
    );
    let before = ws.snapshot();
    ws.run(&["tmx", "import", "good.tmx", "broken.tmx"])
        .error(&["broken.tmx:"]);
    ws.run(&["tmx", "import", "good.tmx", "notes.tmx"]).error(&[
        "notes.tmx:2:1",
        "<xliff>",
        "<tmx>",
    ]);
    assert_eq!(ws.snapshot(), before);
    assert!(!ws.path("memory").exists());
}

#[test]
fn pretranslate_fills_exact_matches_as_drafts_and_never_current() {
    let ws = two_articles();
    ws.run(&[
        "set",
        "quay",
        "3",
        "-l",
        "fr",
        "--text",
        "Les touristes sont les bienvenus.",
    ])
    .success();
    let before_other = ws.snapshot_of("translations/fr/harbour.json");
    let out = ws
        .run(&["pretranslate", "quay", "-l", "fr"])
        .success()
        .stdout;
    assert_eq!(
        out,
        "sources/quay.md: fr: filled 1 exact match and 0 fuzzy matches (0 recorded as translated, the rest as drafts); 1 still missing\n"
    );
    assert_eq!(ws.states("quay", "fr"), ["draft", "missing", "current"]);
    let file = ws.json("translations/fr/quay.json");
    assert_eq!(file["units"][0]["target"], HARBOUR_FR[0]);
    assert_eq!(
        file["units"][2]["target"],
        "Les touristes sont les bienvenus."
    );
    assert_eq!(ws.snapshot_of("translations/fr/harbour.json"), before_other);

    // Fuzzy matches need a threshold, and stay drafts even with --exact-as-translated.
    ws.run(&[
        "pretranslate",
        "quay",
        "-l",
        "fr",
        "--min-score",
        "80",
        "--exact-as-translated",
    ])
    .success();
    assert_eq!(ws.states("quay", "fr"), ["draft", "draft", "current"]);
    let file = ws.json("translations/fr/quay.json");
    assert_eq!(file["units"][1]["target"], HARBOUR_FR[1]);
    assert_eq!(
        file["units"][2]["target"],
        "Les touristes sont les bienvenus."
    );
}

#[test]
fn pretranslate_records_exact_matches_as_translated_only_when_asked() {
    let ws = two_articles();
    let dry = ws.snapshot();
    let out = ws
        .run(&[
            "pretranslate",
            "-l",
            "fr",
            "--dry-run",
            "--exact-as-translated",
        ])
        .success()
        .stdout;
    assert!(
        out.contains("sources/quay.md: fr: would fill 1 exact"),
        "{out}"
    );
    assert_eq!(ws.snapshot(), dry);
    ws.run(&["pretranslate", "-l", "fr", "--exact-as-translated"])
        .success();
    assert_eq!(ws.states("quay", "fr"), ["current", "missing", "missing"]);
    assert_eq!(ws.states("harbour", "fr"), ["current"; 5]);
    let again = ws
        .run(&["pretranslate", "quay", "-l", "fr"])
        .success()
        .stdout;
    assert!(
        again.contains("filled 0 exact matches and 0 fuzzy matches"),
        "{again}"
    );
}

#[test]
fn the_numbers_check_keeps_a_wrong_fuzzy_fill_as_a_draft() {
    let ws = Ws::new();
    ws.write(
        "sources/a.md",
        "At least 14 countries have publicly expressed their support.\n",
    );
    ws.run(&[
        "set",
        "a",
        "1",
        "-l",
        "fr",
        "--text",
        "Au moins 14 pays ont publiquement exprimé leur appui.",
    ])
    .success();
    ws.write("sources/b.md", "At least 15 countries have publicly expressed their support.\n\nAt least 14 countries have publicly expressed their support.\n");
    let out = ws
        .run(&[
            "pretranslate",
            "b",
            "-l",
            "fr",
            "--min-score",
            "70",
            "--exact-as-translated",
        ])
        .success()
        .stdout;
    assert!(
        out.contains("segment 1 (")
            && out.contains(
                "kept as a draft: numbers: the number 15 of the source is not in the translation"
            ),
        "{out}"
    );
    assert_eq!(ws.states("b", "fr"), ["draft", "current"]);
}

#[test]
fn the_cache_is_rebuilt_when_a_file_changes() {
    let ws = two_articles();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let age = |rel: &str| {
        std::fs::File::options()
            .write(true)
            .open(ws.path(rel))
            .expect("open")
            .set_modified(hour_ago)
            .expect("set mtime");
    };
    age("translations/fr/harbour.json");
    assert_eq!(suggest(&ws, "quay", "1", &[])[0]["target"], HARBOUR_FR[0]);
    assert!(ws.path(".bitext-cache/memory-fr.bin").is_file());
    // Served from the cache.
    assert_eq!(suggest(&ws, "quay", "1", &[])[0]["target"], HARBOUR_FR[0]);
    ws.run(&[
        "set",
        "harbour",
        "1",
        "-l",
        "fr",
        "--text",
        "Le conseil portuaire",
    ])
    .success();
    age("translations/fr/harbour.json");
    assert_eq!(
        suggest(&ws, "quay", "1", &[])[0]["target"],
        "Le conseil portuaire"
    );
    // A damaged cache is only a cache.
    ws.write(".bitext-cache/memory-fr.bin", "garbage");
    assert_eq!(
        suggest(&ws, "quay", "1", &[])[0]["target"],
        "Le conseil portuaire"
    );
}

#[test]
fn status_and_diff_show_the_best_match_of_a_missing_segment() {
    let ws = two_articles();
    let segments = ws.segments("quay", "fr");
    assert_eq!(segments[0]["best_match"], 100);
    let fuzzy = segments[1]["best_match"].as_u64().expect("a match");
    assert!((90..100).contains(&fuzzy), "{fuzzy}");
    assert!(segments[2].get("best_match").is_none(), "no match under 75");
    let text = ws
        .run(&["status", "quay", "-l", "fr", "--segments"])
        .success()
        .stdout;
    assert!(
        text.contains("The harbour council  (best match 100%)"),
        "{text}"
    );
    assert!(text.contains(&format!("(best match {fuzzy}%)")), "{text}");

    let diff = ws.run(&["diff", "quay", "-l", "fr"]).success().stdout;
    assert!(
        diff.contains("missing segment 1 (")
            && diff.contains("The harbour council  (best match 100%)"),
        "{diff}"
    );
    assert!(
        diff.contains("Tourists will be welcome on the new ferry from Saturday.\n"),
        "{diff}"
    );
    let json = ws
        .run(&["diff", "quay", "-l", "fr", "--format", "json"])
        .success()
        .json();
    let missing = &json["articles"][0]["languages"][0]["missing"];
    assert_eq!(missing[1]["best_match"], fuzzy);
    assert!(missing[2].get("best_match").is_none());
    // Reports write nothing, not even the memory's cache.
    let before = ws.snapshot();
    ws.run(&["status", "--segments"]).success();
    ws.run(&["diff"]).success();
    assert_eq!(ws.snapshot(), before);
}

#[test]
fn a_segments_own_translation_is_not_suggested_to_it() {
    let ws = two_articles();
    let list = suggest(&ws, "harbour", "1", &[]);
    assert!(
        list.iter()
            .all(|m| m["origin"]["article"] != "harbour" || m["origin"]["n"] != 1),
        "{list:?}"
    );
}

/// Exports of the `quay` article, whose first two segments have memory matches (exact and
/// fuzzy) and whose third has none.
#[test]
fn po_export_offers_the_best_match_of_a_missing_segment_as_fuzzy() {
    let ws = two_articles();
    ws.run(&["po", "export", "quay", "-l", "fr", "-o", "quay.po"])
        .success();
    let po = ws.read("quay.po");
    let entries: Vec<&str> = po.split("\n\n").skip(1).collect();
    assert_eq!(entries.len(), 3, "{po}");
    assert!(
        entries[0].contains("% harbour#1 (fr)\n")
            && entries[0].contains("#. bitext-suggestion: ")
            && entries[0].contains("#, fuzzy\n#| msgid \"The harbour council\"\nmsgctxt ")
            && entries[0].ends_with("msgstr \"Le conseil du port\""),
        "{}",
        entries[0]
    );
    assert!(
        entries[1].contains("#, fuzzy\n#| msgid \"The council met on Monday")
            && entries[1].contains("% harbour#2 (fr)\n")
            && entries[1].contains(&format!("msgstr \"{}\"", HARBOUR_FR[1])),
        "{}",
        entries[1]
    );
    assert!(
        !entries[2].contains("fuzzy") && entries[2].ends_with("msgstr \"\"\n"),
        "{}",
        entries[2]
    );
    if let Some(msgfmt) = crate::support::tool(&["msgfmt"]) {
        let output = std::process::Command::new(&msgfmt)
            .args(["--check", "--statistics", "-o", "/dev/null", "quay.po"])
            .current_dir(ws.root())
            .env("LC_ALL", "C")
            .output()
            .expect("msgfmt");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert_eq!(
            stderr.trim(),
            "0 translated messages, 2 fuzzy translations, 1 untranslated message."
        );
    }

    // Several articles at once share one memory; a complete article has nothing to suggest.
    ws.run(&["po", "export", "harbour", "quay", "-l", "fr", "-o", "out"])
        .success();
    assert_eq!(
        ws.read("out/quay.fr.po")
            .matches("bitext-suggestion")
            .count(),
        2
    );
    assert!(!ws.read("out/harbour.fr.po").contains("bitext-suggestion"));

    // Imported back as it is, the suggestions record nothing.
    ws.run(&["po", "import", "quay.po"]).success();
    assert_eq!(ws.states("quay", "fr"), ["missing", "missing", "missing"]);
    // A translator who confirms a suggestion (Poedit clears `fuzzy`) records it.
    ws.write(
        "quay.po",
        po.replacen("#, fuzzy\n#| msgid \"The harbour council\"\n", "", 1),
    );
    ws.run(&["po", "import", "quay.po"]).success();
    assert_eq!(ws.states("quay", "fr"), ["current", "missing", "missing"]);
}

#[test]
fn xliff_exports_offer_the_match_as_a_candidate_that_validates_and_is_not_imported() {
    let ws = two_articles();
    ws.run(&["xliff", "export", "quay", "-l", "fr", "-o", "quay20.xlf"])
        .success();
    ws.run(&[
        "xliff",
        "export",
        "quay",
        "-l",
        "fr",
        "--xliff-version",
        "1.2",
        "-o",
        "quay12.xlf",
    ])
    .success();
    let v20 = ws.read("quay20.xlf");
    assert!(
        v20.contains("xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\"")
            && v20.contains(
                "<mtc:matches>\n        <mtc:match ref=\"#s1\" type=\"tm\" similarity=\"100\" origin=\"harbour#1 (fr)\">\n          <source>The harbour council</source>\n          <target>Le conseil du port</target>\n        </mtc:match>\n      </mtc:matches>"
            )
            && v20.contains("<segment id=\"s1\" state=\"initial\">")
            && v20.matches("<mtc:match ").count() == 2,
        "{v20}"
    );
    let v12 = ws.read("quay12.xlf");
    assert!(
        v12.contains("<alt-trans match-quality=\"100%\" origin=\"harbour#1 (fr)\"><source>The harbour council</source><target>Le conseil du port</target></alt-trans>")
            && v12.matches("<alt-trans ").count() == 2,
        "{v12}"
    );
    if let Some(xmllint) = crate::support::tool(&["xmllint"])
        && let Some(schemas) = crate::exchange::local_schemas()
    {
        for (file, schema) in [
            ("quay20.xlf", "xliff-core-2.0.xsd"),
            ("quay12.xlf", "xliff-core-1.2-strict.xsd"),
        ] {
            let output = std::process::Command::new(&xmllint)
                .args(["--noout", "--nonet", "--schema"])
                .arg(schemas.path().join(schema))
                .arg(ws.path(file))
                .output()
                .expect("xmllint");
            assert!(
                output.status.success(),
                "{file}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        // The schema set has no matches.xsd, so the candidate's content is checked laxly; its
        // place in the unit is checked: the same candidate after the segment is refused.
        let start = v20.find("      <mtc:matches>").expect("a candidate");
        let end = v20.find("</mtc:matches>\n").expect("its end") + "</mtc:matches>\n".len();
        let misplaced = format!("{}{}", &v20[..start], &v20[end..]).replacen(
            "      </segment>\n",
            &format!("      </segment>\n{}", &v20[start..end]),
            1,
        );
        ws.write("misplaced.xlf", misplaced);
        let output = std::process::Command::new(&xmllint)
            .args(["--noout", "--nonet", "--schema"])
            .arg(schemas.path().join("xliff-core-2.0.xsd"))
            .arg(ws.path("misplaced.xlf"))
            .output()
            .expect("xmllint");
        assert!(!output.status.success(), "a misplaced candidate validates");
    }
    for file in ["quay20.xlf", "quay12.xlf"] {
        ws.run(&["xliff", "import", file]).success();
        assert_eq!(ws.states("quay", "fr"), ["missing", "missing", "missing"]);
    }
}

/// Runs `xmllint --schema` on each `(file, schema)` of the workspace, when the tool and the
/// OASIS schemas are installed.
fn validate_xliff(ws: &Ws, files: &[(&str, &str)]) {
    if let Some(xmllint) = crate::support::tool(&["xmllint"])
        && let Some(schemas) = crate::exchange::local_schemas()
    {
        for (file, schema) in files {
            let output = std::process::Command::new(&xmllint)
                .args(["--noout", "--nonet", "--schema"])
                .arg(schemas.path().join(schema))
                .arg(ws.path(file))
                .output()
                .expect("xmllint");
            assert!(
                output.status.success(),
                "{file}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
}

/// Command-reference pages (tldr style): the memory holds other commands' lines that share
/// most of their characters with `wc -l {{path/to/file}}`, and one line with the same code.
fn command_pages() -> Ws {
    let ws = Ws::new();
    ws.write(
        "sources/vmtouch.md",
        "# vmtouch\n\n- Lock a file into memory:\n\n`vmtouch -l {{path/to/file}}`\n\n\
         - Count the lines of a file:\n\n`vc -l {{path/to/file}}`\n",
    );
    ws.set_all(
        "vmtouch",
        "fr",
        &[
            "vmtouch",
            "Verrouiller un fichier en mémoire :",
            "`vmtouch -l {{chemin/vers/fichier}}`",
            "Compter les lignes d'un fichier :",
            "`vc -l {{chemin/vers/fichier}}`",
        ],
    );
    ws.write(
        "sources/wc.md",
        "# wc\n\n- Count lines:\n\n`wc -l {{file}}`\n",
    );
    ws.set_all(
        "wc",
        "fr",
        &["wc", "Compter les lignes :", "`wc -l {{fichier}}`"],
    );
    ws.write(
        "sources/new.md",
        "# Lines\n\n- Count all lines in a file:\n\n`wc -l {{path/to/file}}`\n",
    );
    ws
}

/// Regression: `suggest` offered `vmtouch -l {{ruta/al/archivo}}` at 86 % for
/// `wc -l {{path/to/file}}`, and another command's line at 77 to 90 %.
#[test]
fn suggest_offers_a_line_of_code_only_the_same_code() {
    let ws = command_pages();
    let list = suggest(&ws, "new", "3", &["--min-score", "0", "--limit", "10"]);
    let sources: Vec<&str> = list
        .iter()
        .map(|m| m["source"].as_str().expect("source"))
        .collect();
    assert_eq!(sources, ["`wc -l {{file}}`"], "{list:?}");
    assert_eq!(list[0]["target"], "`wc -l {{fichier}}`");
    assert_eq!(list[0]["in_context"], false);
    // Prose is never offered a line of code.
    let prose = suggest(&ws, "new", "2", &["--min-score", "0", "--limit", "10"]);
    assert!(!prose.is_empty());
    assert!(
        prose
            .iter()
            .all(|m| !m["source"].as_str().expect("source").starts_with('`')),
        "{prose:?}"
    );
    // `status` and the exports ask the same memory.
    ws.run(&["po", "export", "new", "-l", "fr", "-o", "new.po"])
        .success();
    let po = ws.read("new.po");
    assert!(!po.contains("vmtouch") && !po.contains("`vc -l"), "{po}");
}

#[test]
fn a_line_of_code_matches_code_with_the_workspaces_placeholders() {
    let ws = command_pages();
    ws.write(
        "sources/wc.md",
        "# wc\n\n- Count lines:\n\n`wc -l [[file]]`\n",
    );
    ws.set_all(
        "wc",
        "fr",
        &["wc", "Compter les lignes :", "`wc -l [[fichier]]`"],
    );
    ws.write(
        "sources/new.md",
        "# Lines\n\n- Count all lines in a file:\n\n`wc -l [[path/to/file]]`\n",
    );
    assert!(suggest(&ws, "new", "3", &["--min-score", "0"]).is_empty());
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n[qa]\nplaceholders = [\"[[…]]\"]\n",
    );
    let list = suggest(&ws, "new", "3", &["--min-score", "0"]);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["target"], "`wc -l [[fichier]]`");
}

const WC_PAGE: &str = "\
# wc

> Count lines, words and bytes.

- Count all lines in a file:

`wc -l {{path/to/file}}`

- Count all words in a file:

`wc -w {{path/to/file}}`
";

/// The `wc` page translated; `awk` (before it in the memory's order) with the same command in
/// another place, translated differently; `linux-wc`, untranslated, the `wc` page under
/// another title.
fn pages_in_context() -> Ws {
    let ws = Ws::new();
    ws.write("sources/wc.md", WC_PAGE);
    ws.set_all(
        "wc",
        "fr",
        &[
            "wc",
            "Compter les lignes, les mots et les octets.",
            "Compter toutes les lignes d'un fichier :",
            "`wc -l {{chemin/vers/le/fichier}}`",
            "Compter tous les mots d'un fichier :",
            "`wc -w {{chemin/vers/le/fichier}}`",
        ],
    );
    ws.write(
        "sources/awk.md",
        "# awk\n\n- Count the lines of a file, as wc does:\n\n`wc -l {{path/to/file}}`\n",
    );
    ws.set_all(
        "awk",
        "fr",
        &[
            "awk",
            "Compter les lignes d'un fichier, comme wc :",
            "`wc -l {{fichier}}`",
        ],
    );
    ws.write(
        "sources/linux-wc.md",
        WC_PAGE.replace("# wc\n", "# wc (Linux)\n"),
    );
    ws
}

#[test]
fn an_exact_match_in_context_is_listed_first_and_said_so() {
    let ws = pages_in_context();
    let list = suggest(&ws, "linux-wc", "4", &[]);
    let found: Vec<(&str, bool)> = list
        .iter()
        .map(|m| {
            (
                m["origin"]["article"].as_str().expect("article"),
                m["in_context"].as_bool().expect("in_context"),
            )
        })
        .collect();
    assert_eq!(found, [("wc", true), ("awk", false)], "{list:?}");
    assert_eq!(list[0]["score"], 100);
    assert_eq!(list[0]["target"], "`wc -l {{chemin/vers/le/fichier}}`");
    assert_eq!(list[1]["score"], 100);
    // The description follows another title: exact, not in context.
    let description = suggest(&ws, "linux-wc", "2", &[]);
    assert_eq!(description[0]["score"], 100);
    assert_eq!(description[0]["in_context"], false);

    let text = ws
        .run(&["suggest", "linux-wc", "4", "-l", "fr"])
        .success()
        .stdout;
    let first = text.find("100% in context  wc, segment 4 (").expect(&text);
    let second = text.find("100%  awk, segment 3 (").expect(&text);
    assert!(first < second, "{text}");
    assert_eq!(text.matches("in context").count(), 1, "{text}");
    let french = ws
        .run(&["--ui-lang", "fr", "suggest", "linux-wc", "4", "-l", "fr"])
        .success()
        .stdout;
    assert!(
        french.contains("100\u{202f}% en contexte  wc, segment 4 ("),
        "{french}"
    );

    // `pretranslate` fills the segment with the translation made in context.
    ws.run(&["pretranslate", "linux-wc", "-l", "fr"]).success();
    let file = ws.json("translations/fr/linux-wc.json");
    assert_eq!(
        file["units"][3]["target"],
        "`wc -l {{chemin/vers/le/fichier}}`"
    );
}

/// The note an in-context match carries in PO and XLIFF 1.2, in English.
const NOTE: &str =
    "In-context match: the same text, between the same paragraphs before and after it.";

#[test]
fn po_and_xliff_exports_say_which_match_is_in_context() {
    let ws = pages_in_context();
    ws.run(&["po", "export", "linux-wc", "-l", "fr", "-o", "wc.po"])
        .success();
    let po = ws.read("wc.po");
    let entries: Vec<&str> = po.split("\n\n").skip(1).collect();
    assert_eq!(entries.len(), 6, "{po}");
    assert!(
        entries[3].contains(&format!("% wc#4 (fr)\n#. {NOTE}\n"))
            && entries[3].ends_with("msgstr \"`wc -l {{chemin/vers/le/fichier}}`\""),
        "{}",
        entries[3]
    );
    assert!(
        entries[1].contains("% wc#2 (fr)\n") && !entries[1].contains(NOTE),
        "{}",
        entries[1]
    );
    assert_eq!(po.matches(NOTE).count(), 4, "segments 3 to 6: {po}");
    if let Some(msgfmt) = crate::support::tool(&["msgfmt"]) {
        let output = std::process::Command::new(&msgfmt)
            .args(["--check", "-o", "/dev/null", "wc.po"])
            .current_dir(ws.root())
            .output()
            .expect("msgfmt");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let french = ws
        .run(&["--ui-lang", "fr", "po", "export", "linux-wc", "-l", "fr"])
        .success()
        .stdout;
    assert!(
        french.contains("#. Correspondance en contexte\u{a0}: le même texte"),
        "{french}"
    );

    ws.run(&["xliff", "export", "linux-wc", "-l", "fr", "-o", "wc20.xlf"])
        .success();
    let args = [
        "xliff",
        "export",
        "linux-wc",
        "-l",
        "fr",
        "--xliff-version",
        "1.2",
    ];
    ws.run(&[&args[..], &["-o", "wc12.xlf"]].concat()).success();
    let v20 = ws.read("wc20.xlf");
    assert!(
        v20.contains(
            "<mtc:match ref=\"#s1\" type=\"icm\" similarity=\"100\" origin=\"wc#4 (fr)\">"
        ) && v20.contains(
            "<mtc:match ref=\"#s1\" type=\"tm\" similarity=\"100\" origin=\"wc#2 (fr)\">"
        ) && v20.matches("type=\"icm\"").count() == 4,
        "{v20}"
    );
    let v12 = ws.read("wc12.xlf");
    assert!(
        v12.contains(&format!(
            "<alt-trans match-quality=\"100%\" origin=\"wc#4 (fr)\"><source>`wc -l {{{{path/to/file}}}}`</source><target>`wc -l {{{{chemin/vers/le/fichier}}}}`</target><note from=\"bitext\">{NOTE}</note></alt-trans>"
        )) && v12.matches(NOTE).count() == 4,
        "{v12}"
    );
    validate_xliff(
        &ws,
        &[
            ("wc20.xlf", "xliff-core-2.0.xsd"),
            ("wc12.xlf", "xliff-core-1.2-strict.xsd"),
        ],
    );
    // Imported back, the candidates record nothing.
    for (format, file) in [
        ("xliff", "wc20.xlf"),
        ("xliff", "wc12.xlf"),
        ("po", "wc.po"),
    ] {
        ws.run(&[format, "import", file]).success();
        assert!(ws.states("linux-wc", "fr").iter().all(|s| s == "missing"));
    }
}
