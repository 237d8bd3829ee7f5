//! PO, XLIFF and TMX: round trips, the import rules, hostile files, and validation by the
//! formats' own tools.

use std::fmt::Write as _;
use std::process::Command;

use crate::support::{SAMPLE, Ws, sample_copy, skip, tool};

const FR: &str = "translations/fr/no-to-canadas-interference-in-peru.json";

/// The three exchange formats: (name for messages, export args, import command, extension).
const FORMATS: [(&str, &[&str], &str, &str); 3] = [
    ("po", &["po", "export"], "po", "po"),
    ("xliff 2.0", &["xliff", "export"], "xliff", "xlf"),
    (
        "xliff 1.2",
        &["xliff", "export", "--xliff-version", "1.2"],
        "xliff",
        "xlf",
    ),
];

fn export(ws: &Ws, args: &[&str], lang: &str, file: &str) {
    let mut all: Vec<&str> = args.to_vec();
    all.extend([SAMPLE, "-l", lang, "-o", file]);
    ws.run(&all).success();
}

fn units(ws: &Ws) -> Vec<serde_json::Value> {
    ws.json(FR)["units"].as_array().expect("units").clone()
}

#[test]
fn unchanged_round_trips_change_nothing() {
    let ws = sample_copy();
    for (name, args, import, ext) in FORMATS {
        for lang in ["fr", "es"] {
            let file = format!("out.{lang}.{ext}");
            export(&ws, args, lang, &file);
            let before = ws.snapshot();
            let run = ws.run(&[import, "import", &file]).success();
            assert!(
                run.stdout.contains(
                    "0 recorded, 0 stale, 0 as drafts, 19 unchanged, 0 skipped, 0 conflicts"
                ),
                "{name} {lang}: {}",
                run.stdout
            );
            assert_eq!(ws.snapshot(), before, "{name} {lang} changed files");
        }
    }
}

#[test]
fn a_changed_target_changes_exactly_that_segment() {
    for (name, args, import, ext) in FORMATS {
        let ws = sample_copy();
        let file = format!("out.{ext}");
        export(&ws, args, "fr", &file);
        let before = units(&ws);
        let old = before[12]["target"].as_str().expect("target").to_owned();
        assert_eq!(old, "Pour votre information");
        let text = ws.read(&file).replacen(&old, "Pour votre gouverne", 1);
        ws.write(&file, text);
        let run = ws.run(&[import, "import", &file]).success();
        assert!(run.stdout.contains("1 recorded"), "{name}: {}", run.stdout);
        let after = units(&ws);
        for (i, (b, a)) in before.iter().zip(&after).enumerate() {
            if i == 12 {
                assert_eq!(a["target"], "Pour votre gouverne", "{name}");
                assert_eq!(a["source"], b["source"]);
            } else {
                assert_eq!(a, b, "{name}: unit {i} changed");
            }
        }
        assert_eq!(ws.states(SAMPLE, "fr")[12], "current");
    }
}

#[test]
fn a_source_edited_after_export_makes_the_import_stale() {
    for (name, args, import, ext) in FORMATS {
        let ws = sample_copy();
        let file = format!("out.{ext}");
        export(&ws, args, "fr", &file);
        ws.edit_source(SAMPLE, "over 60 deaths", "over 70 deaths");
        let text =
            ws.read(&file)
                .replacen("a fait plus de 60 morts", "a causé plus de 60 morts", 1);
        ws.write(&file, text);
        let run = ws.run(&[import, "import", &file]).success();
        assert!(run.stdout.contains("1 stale"), "{name}: {}", run.stdout);
        assert_eq!(ws.states(SAMPLE, "fr")[5], "stale", "{name}");
        let unit = &units(&ws)[5];
        assert!(
            unit["target"]
                .as_str()
                .expect("t")
                .contains("a causé plus de 60 morts")
        );
        assert!(
            unit["source"]
                .as_str()
                .expect("s")
                .contains("over 60 deaths"),
            "recorded against the old text"
        );
    }
}

#[test]
fn unfinished_units_are_never_recorded_as_current() {
    let ws = sample_copy();
    ws.edit_source(SAMPLE, "over 60 deaths", "over 70 deaths");
    ws.run(&["po", "export", SAMPLE, "-l", "fr", "-o", "fr.po"])
        .success();
    let po = ws.read("fr.po");
    assert!(
        po.contains("#, fuzzy\n#| msgid \"CPC(M-L) salutes"),
        "stale entries carry the previous msgid"
    );
    // The translator fixes the number but leaves the entry fuzzy.
    ws.write(
        "fr.po",
        po.replacen("a fait plus de 60 morts", "a fait plus de 70 morts", 1),
    );
    let run = ws.run(&["po", "import", "fr.po"]).success();
    assert!(run.stdout.contains("1 as a draft"), "{}", run.stdout);
    assert_eq!(ws.states(SAMPLE, "fr")[5], "draft");

    ws.run(&["xliff", "export", SAMPLE, "-l", "fr", "-o", "fr.xlf"])
        .success();
    let xlf = ws.read("fr.xlf");
    assert!(xlf.contains("<segment state=\"initial\">"));
    assert!(
        xlf.contains("<note category=\"previous-source\">") || xlf.contains("state=\"initial\"")
    );
    ws.write(
        "fr.xlf",
        xlf.replacen("a fait plus de 70 morts", "a fait plus de 70 victimes", 1),
    );
    ws.run(&["xliff", "import", "fr.xlf"]).success();
    assert_eq!(
        ws.states(SAMPLE, "fr")[5],
        "draft",
        "an initial XLIFF segment stays work left"
    );
}

#[test]
fn stale_xliff_units_carry_the_old_source_and_translation_in_notes() {
    let ws = sample_copy();
    ws.edit_source(SAMPLE, "over 60 deaths", "over 70 deaths");
    ws.run(&["xliff", "export", SAMPLE, "-l", "fr", "-o", "fr.xlf"])
        .success();
    let doc_text = ws.read("fr.xlf");
    let doc = roxmltree::Document::parse(&doc_text).expect("XML");
    let unit = doc
        .descendants()
        .filter(|n| n.has_tag_name("unit"))
        .nth(5)
        .expect("unit 6");
    let notes: Vec<(&str, String)> = unit
        .descendants()
        .filter(|n| n.has_tag_name("note"))
        .map(|n| {
            (
                n.attribute("category").unwrap_or(""),
                n.text().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert!(
        notes
            .iter()
            .any(|(c, t)| *c == "previous-source" && t.contains("over 60 deaths"))
    );
    assert!(
        notes
            .iter()
            .any(|(c, t)| *c == "previous-target" && t.contains("plus de 60 morts"))
    );
    let segment = unit
        .descendants()
        .find(|n| n.has_tag_name("segment"))
        .expect("segment");
    assert_eq!(segment.attribute("state"), Some("initial"));

    ws.run(&[
        "xliff",
        "export",
        SAMPLE,
        "-l",
        "fr",
        "--xliff-version",
        "1.2",
        "-o",
        "fr12.xlf",
    ])
    .success();
    let doc_text = ws.read("fr12.xlf");
    let doc = roxmltree::Document::parse(&doc_text).expect("XML");
    let states: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("target"))
        .map(|n| n.attribute("state").unwrap_or(""))
        .collect();
    assert_eq!(
        states
            .iter()
            .filter(|s| **s == "needs-review-translation")
            .count(),
        1
    );
    assert_eq!(states.iter().filter(|s| **s == "translated").count(), 18);
}

#[test]
fn unknown_segments_are_skipped_and_empty_targets_change_nothing() {
    let ws = sample_copy();
    ws.run(&["po", "export", SAMPLE, "-l", "fr", "-o", "fr.po"])
        .success();
    let mut po = ws.read("fr.po");
    po.push_str("\n#. bitext-base: 00000000\nmsgctxt \"deadbeef\"\nmsgid \"A paragraph that is not in the article at all, about tides.\"\nmsgstr \"Un paragraphe absent de l'article, sur les marées.\"\n");
    // Empty one target.
    po = po.replacen("msgstr \"– Margaret Villamizar –\"", "msgstr \"\"", 1);
    ws.write("fr.po", po);
    let before = ws.snapshot_of(FR);
    let run = ws.run(&["po", "import", "fr.po"]).success();
    assert!(run.stdout.contains("unit deadbeef matches no segment of sources/no-to-canadas-interference-in-peru.md; skipped"), "{}", run.stdout);
    assert!(run.stdout.contains("1 skipped"), "{}", run.stdout);
    assert_eq!(ws.snapshot_of(FR), before);
}

#[test]
fn a_workspace_change_since_export_is_a_conflict_unless_forced() {
    let ws = sample_copy();
    ws.run(&["po", "export", SAMPLE, "-l", "fr", "-o", "fr.po"])
        .success();
    ws.run(&[
        "set",
        SAMPLE,
        "3",
        "-l",
        "fr",
        "--text",
        "– M. Villamizar –",
    ])
    .success();
    let po = ws.read("fr.po").replacen(
        "msgstr \"– Margaret Villamizar –\"",
        "msgstr \"– Margaret V. –\"",
        1,
    );
    ws.write("fr.po", po);
    let run = ws.run(&["po", "import", "fr.po"]);
    assert_eq!(run.code, 1, "a conflict exits 1: {run:?}");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "segment 3 (095e1d64) was changed in the workspace since this file was exported"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 conflict"), "{}", run.stdout);
    assert_eq!(units(&ws)[2]["target"], "– M. Villamizar –");
    ws.run(&["po", "import", "fr.po", "--force"]).success();
    assert_eq!(units(&ws)[2]["target"], "– Margaret V. –");
}

#[test]
fn an_xliff_import_with_a_conflict_exits_1_and_keeps_the_workspace_text() {
    let ws = sample_copy();
    ws.run(&["xliff", "export", SAMPLE, "-l", "fr", "-o", "fr.xlf"])
        .success();
    ws.run(&["set", SAMPLE, "3", "-l", "fr", "--text", "– M. V. –"])
        .success();
    let xlf = ws.read("fr.xlf");
    assert!(xlf.contains("<target>– Margaret Villamizar –</target>"));
    ws.write(
        "fr.xlf",
        xlf.replacen(
            "<target>– Margaret Villamizar –</target>",
            "<target>– Margaret V. –</target>",
            1,
        ),
    );
    let run = ws.run(&["xliff", "import", "fr.xlf"]);
    assert_eq!(run.code, 1, "a conflict exits 1: {run:?}");
    assert!(run.stdout.contains("1 conflict"), "{}", run.stdout);
    assert_eq!(units(&ws)[2]["target"], "– M. V. –");
    // Without a conflict the same import exits 0.
    ws.run(&["xliff", "import", "fr.xlf", "--force"]).success();
    ws.run(&["xliff", "import", "fr.xlf"]).success();
}

#[test]
fn malformed_and_hostile_files_are_refused_and_change_nothing() {
    let ws = sample_copy();
    ws.run(&["po", "export", SAMPLE, "-l", "fr", "-o", "fr.po"])
        .success();
    ws.run(&["xliff", "export", SAMPLE, "-l", "fr", "-o", "fr.xlf"])
        .success();
    let po = ws.read("fr.po");
    let xlf = ws.read("fr.xlf");
    let before = ws.snapshot();
    // A good file and a bad one: the good one must not be applied either.
    ws.write(
        "good.po",
        po.replacen(
            "msgstr \"– Margaret Villamizar –\"",
            "msgstr \"– changed –\"",
            1,
        ),
    );
    ws.write(
        "bad.po",
        po.replacen(
            "msgid \"– Margaret Villamizar –\"",
            "msgid \"– Margaret Villamizar –",
            1,
        ),
    );
    let run = ws.run(&["po", "import", "good.po", "bad.po"]);
    run.error(&["bad.po:", "expected a string in double quotes"]);
    ws.write("bad.xlf", xlf.replacen("</source>", "</sourc>", 1));
    ws.run(&["xliff", "import", "bad.xlf"]).error(&["bad.xlf:"]);
    let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"fr\"><file id=\"no-to-canadas-interference-in-peru\"><unit id=\"u\"><segment><source>x</source><target>&x;</target></segment></unit></file></xliff>\n";
    ws.write("xxe.xlf", xxe);
    ws.run(&["xliff", "import", "xxe.xlf"])
        .error(&["xxe.xlf:2:1", "DTD"]);
    let mut entities = String::from("<!ENTITY lol0 \"lol\">");
    for i in 1..10 {
        let body = format!("&lol{};", i - 1).repeat(10);
        let _ = write!(entities, "<!ENTITY lol{i} \"{body}\">");
    }
    let lol = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [{entities}]>\n<xliff version=\"2.0\" trgLang=\"fr\">&lol9;</xliff>\n"
    );
    ws.write("lol.xlf", lol);
    ws.run(&["xliff", "import", "lol.xlf"])
        .error(&["lol.xlf:2:1", "DTD"]);
    for f in ["good.po", "bad.po", "bad.xlf", "xxe.xlf", "lol.xlf"] {
        std::fs::remove_file(ws.path(f)).expect("rm");
    }
    assert_eq!(ws.snapshot(), before);
}

#[test]
fn tmx_holds_every_current_pair() {
    let ws = sample_copy();
    ws.edit_source(SAMPLE, "Hands Off Peru!", "Hands Off Peru!!");
    let run = ws.run(&["tmx", "export"]).success();
    let doc = roxmltree::Document::parse(&run.stdout).expect("XML");
    let header = doc
        .descendants()
        .find(|n| n.has_tag_name("header"))
        .expect("header");
    assert_eq!(header.attribute("segtype"), Some("paragraph"));
    assert_eq!(header.attribute("srclang"), Some("en"));
    let tus: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("tu")).collect();
    assert_eq!(
        tus.len(),
        2 * (18 + 12),
        "18 current segments in each of fr and es"
    );
    for tu in &tus {
        let langs: Vec<&str> = tu
            .children()
            .filter(|n| n.has_tag_name("tuv"))
            .map(|n| {
                n.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
                    .unwrap_or("")
            })
            .collect();
        assert!(langs == ["en", "fr"] || langs == ["en", "es"], "{langs:?}");
    }
}

/// Copies the XLIFF schemas next to a local `xml.xsd`, so validation needs no network.
pub(crate) fn local_schemas() -> Option<tempfile::TempDir> {
    let dir =
        std::path::Path::new("/usr/share/php/Symfony/Component/Translation/Resources/schemas");
    if !dir.is_dir() {
        skip(
            "the XLIFF schemas (php-symfony-translation) are not installed (.ci/run installs them)",
        );
        return None;
    }
    let out = tempfile::tempdir().expect("temp");
    for name in ["xliff-core-2.0.xsd", "xliff-core-1.2-strict.xsd", "xml.xsd"] {
        let text = std::fs::read_to_string(dir.join(name))
            .expect(name)
            .replace(
                "schemaLocation=\"http://www.w3.org/2001/xml.xsd\"",
                "schemaLocation=\"xml.xsd\"",
            )
            .replace(
                "schemaLocation=\"informativeCopiesOf3rdPartySchemas/w3c/xml.xsd\"",
                "schemaLocation=\"xml.xsd\"",
            );
        std::fs::write(out.path().join(name), text).expect("write");
    }
    Some(out)
}

/// A sample copy with one stale segment, so exports carry every state.
fn varied_sample() -> Ws {
    let ws = sample_copy();
    let source = ws.read(&format!("sources/{SAMPLE}.md"));
    ws.write(
        &format!("sources/{SAMPLE}.md"),
        source.replace("over 60 deaths", "over 70 deaths") + "\nA new closing paragraph.\n",
    );
    ws
}

#[test]
fn msgfmt_accepts_the_po_and_counts_what_bitext_counts() {
    let Some(msgfmt) = tool(&["msgfmt"]) else {
        return;
    };
    let ws = varied_sample();
    ws.run(&["po", "export", SAMPLE, "-l", "fr", "-o", "fr.po"])
        .success();
    let output = Command::new(&msgfmt)
        .args(["--check", "--statistics", "-o", "/dev/null", "fr.po"])
        .current_dir(ws.root())
        .env("LC_ALL", "C")
        .output()
        .expect("msgfmt");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        stderr.trim(),
        "18 translated messages, 1 fuzzy translation, 1 untranslated message."
    );
    let status = ws.lang_status(SAMPLE, "fr");
    assert_eq!(
        (
            status["current"].as_u64(),
            status["stale"].as_u64(),
            status["missing"].as_u64()
        ),
        (Some(18), Some(1), Some(1))
    );
}

#[test]
fn xmllint_validates_both_xliff_versions_against_the_oasis_schemas() {
    let Some(xmllint) = tool(&["xmllint"]) else {
        return;
    };
    let Some(schemas) = local_schemas() else {
        return;
    };
    let ws = varied_sample();
    ws.run(&["xliff", "export", SAMPLE, "-l", "fr", "-o", "fr20.xlf"])
        .success();
    ws.run(&[
        "xliff",
        "export",
        SAMPLE,
        "-l",
        "es",
        "--xliff-version",
        "1.2",
        "-o",
        "es12.xlf",
    ])
    .success();
    for (file, schema) in [
        ("fr20.xlf", "xliff-core-2.0.xsd"),
        ("es12.xlf", "xliff-core-1.2-strict.xsd"),
    ] {
        let output = Command::new(&xmllint)
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

#[test]
fn translate_toolkit_reads_po_xliff_and_tmx_with_the_same_counts() {
    let python = tool(&["python3"]);
    let has_toolkit = python.as_ref().is_some_and(|p| {
        Command::new(p)
            .args(["-c", "import translate.storage"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !has_toolkit {
        skip("Translate Toolkit is not installed (.ci/run installs it)");
        return;
    }
    let ws = varied_sample();
    ws.run(&["po", "export", SAMPLE, "-l", "fr", "-o", "fr.po"])
        .success();
    ws.run(&["xliff", "export", SAMPLE, "-l", "fr", "-o", "fr20.xlf"])
        .success();
    ws.run(&[
        "xliff",
        "export",
        SAMPLE,
        "-l",
        "fr",
        "--xliff-version",
        "1.2",
        "-o",
        "fr12.xlf",
    ])
    .success();
    ws.run(&["tmx", "export", "-o", "memory.tmx"]).success();
    let script = r#"
from translate.storage import po, tmx, xliff, xliff2
def counts(units):
    units = [u for u in units if not u.isheader()]
    return len(units), sum(1 for u in units if u.istranslated()), sum(1 for u in units if u.isfuzzy())
print("po", *counts(po.pofile.parsefile("fr.po").units))
print("xliff12", *counts(xliff.xlifffile.parsefile("fr12.xlf").units))
x2 = xliff2.Xliff2File.parsefile("fr20.xlf")
print("xliff20", len(x2.units), sum(1 for u in x2.units if u.target))
print("tmx", len(tmx.tmxfile.parsefile("memory.tmx").units))
"#;
    let output = Command::new(python.expect("python3"))
        .args(["-c", script])
        .current_dir(ws.root())
        .output()
        .expect("python");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    // 20 segments: 18 current, 1 stale (fuzzy, with its old translation), 1 missing.
    assert!(stdout.contains("po 20 18 1\n"), "{stdout}");
    assert!(stdout.contains("xliff12 20 18 1\n"), "{stdout}");
    assert!(stdout.contains("xliff20 20 19\n"), "{stdout}");
    // TMX: the current pairs of both sample articles (18 + 12) in fr and in es.
    assert!(stdout.contains("tmx 60\n"), "{stdout}");
    // The same counts as msgfmt --statistics gives for the same file.
    if let Some(msgfmt) = tool(&["msgfmt"]) {
        let output = Command::new(msgfmt)
            .args(["--statistics", "-o", "/dev/null", "fr.po"])
            .current_dir(ws.root())
            .env("LC_ALL", "C")
            .output()
            .expect("msgfmt");
        let numbers: Vec<usize> = String::from_utf8_lossy(&output.stderr)
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        // translated, fuzzy, untranslated; Translate Toolkit: total, translated, fuzzy.
        assert_eq!(numbers, [18, 1, 1]);
        assert_eq!(numbers.iter().sum::<usize>(), 20);
    }
}

/// Several articles are exported one file at a time, yet a bad file among them, even the
/// last, still leaves the output directory as it was: no file replaced, no temporary file.
#[test]
fn a_bad_article_among_several_exported_changes_no_file() {
    let ws = Ws::generated(70, 4);
    let articles: Vec<String> = (0..70).map(|i| format!("article-{i:05}")).collect();
    for (command, ext) in [("po", "po"), ("xliff", "xlf")] {
        let mut args = vec![command, "export"];
        args.extend(articles.iter().map(String::as_str));
        args.extend(["-l", "fr", "-o", "out"]);
        ws.run(&args).success();
        let first = format!("out/article-00000.fr.{ext}");
        let written = ws.read(&first);
        assert_eq!(
            std::fs::read_dir(ws.path("out")).expect("out").count(),
            70,
            "{command}: one file per article"
        );
        // Every file different from what is there, then the last article broken.
        ws.write(&first, "an older export\n");
        let good = ws.read("translations/fr/article-00069.json");
        ws.write("translations/fr/article-00069.json", "{");
        let before = ws.snapshot();
        ws.run(&args).error(&["translations/fr/article-00069.json"]);
        assert_eq!(ws.snapshot(), before, "{command}: a file changed");
        ws.write("translations/fr/article-00069.json", good);
        ws.run(&args).success();
        assert_eq!(ws.read(&first), written);
        std::fs::remove_dir_all(ws.path("out")).expect("clean");
    }
}
