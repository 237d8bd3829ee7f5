//! `bitext export --format pdf`: documents typeset by WeasyPrint (which `.ci/run` installs),
//! read back with poppler's `pdfinfo`, `pdffonts` and `pdftotext` (`-layout` for the page
//! furniture, `-bbox` for where each word sits). The engine's contract (what it is given,
//! how its failure is reported) is checked with a stand-in script that needs neither.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support::{ARTICLE, Run, Ws, sample_copy, skip, tool};

/// Whether WeasyPrint and poppler's tools are installed; the test is skipped (or fails, with
/// `BITEXT_REQUIRE_TOOLS`) when they are not.
fn tools_ready() -> bool {
    if tool(&["weasyprint"]).is_none() {
        return false;
    }
    // poppler's tools answer `-v` on stderr with a status of their own: starting is enough.
    for name in ["pdfinfo", "pdffonts", "pdftotext"] {
        if Command::new(name).arg("-v").output().is_err() {
            skip(&format!(
                "{name} is not installed (.ci/run installs poppler-utils)"
            ));
            return false;
        }
    }
    true
}

/// Exports with `args` (after `export --format pdf -o name`), which must succeed.
#[track_caller]
fn export_pdf(ws: &Ws, args: &[&str], name: &str) -> PathBuf {
    let out = ws.path(name);
    let mut all = vec![
        "export",
        "--format",
        "pdf",
        "-o",
        out.to_str().expect("utf-8"),
    ];
    all.extend_from_slice(args);
    let run = ws.run(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let bytes = std::fs::read(&out).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"), "{name} is not a PDF");
    out
}

/// The standard output of a poppler tool, which must succeed.
#[track_caller]
fn poppler(program: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .arg(pdf)
        .args(if program == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .expect("run poppler");
    assert!(
        output.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// `pdfinfo`'s fields.
fn info(pdf: &Path) -> BTreeMap<String, String> {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}

/// Every font of the PDF: its name and whether it is embedded (`pdffonts`' `emb` column).
fn fonts(pdf: &Path) -> Vec<(String, String)> {
    poppler("pdffonts", &[], pdf)
        .lines()
        .skip(2)
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            // name, type (one word or more), encoding, emb, sub, uni, object, generation
            (fields[0].to_owned(), fields[fields.len() - 5].to_owned())
        })
        .collect()
}

/// One word as `pdftotext -bbox` places it.
#[derive(Debug, Clone)]
struct Word {
    page: usize,
    x: f64,
    y_min: f64,
    y_max: f64,
    text: String,
    /// Hyphenated at a line's end, and joined here.
    joined: bool,
}

/// A page: its size, the words of its body, and those of its header and footer (the
/// margins, where the page's margin boxes are).
#[derive(Debug, Default)]
struct Page {
    height: f64,
    header: Vec<String>,
    footer: Vec<String>,
}

/// The words of the PDF, body only, in `pdftotext`'s reading order, with a word hyphenated
/// at a line's end joined to its rest; and each page's margins.
fn words(pdf: &Path) -> (Vec<Word>, Vec<Page>) {
    let xml = poppler("pdftotext", &["-bbox"], pdf);
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&xml, options).expect("bbox XHTML");
    let number = |node: roxmltree::Node<'_, '_>, name: &str| -> f64 {
        node.attribute(name)
            .and_then(|v| v.parse().ok())
            .expect("coordinate")
    };
    let mut body: Vec<Word> = Vec::new();
    let mut pages = Vec::new();
    for (index, page) in doc
        .descendants()
        .filter(|n| n.has_tag_name("page"))
        .enumerate()
    {
        let mut sheet = Page {
            height: number(page, "height"),
            ..Page::default()
        };
        // The margins are 20 mm at the top and 18 mm at the bottom.
        let (top, bottom) = (20.0 * 72.0 / 25.4, sheet.height - 18.0 * 72.0 / 25.4);
        for word in page.children().filter(|n| n.has_tag_name("word")) {
            let w = Word {
                page: index + 1,
                x: number(word, "xMin"),
                y_min: number(word, "yMin"),
                y_max: number(word, "yMax"),
                text: word.text().unwrap_or_default().to_owned(),
                joined: false,
            };
            if w.y_max <= top {
                sheet.header.push(w.text);
            } else if w.y_min >= bottom {
                sheet.footer.push(w.text);
            } else if let Some(last) = body.last_mut()
                && (last.text.ends_with('\u{2010}') || last.text.ends_with('-'))
                && (w.y_min > last.y_max || w.page != last.page)
            {
                // Hyphenated at the end of a line: the word goes on on the next.
                last.text.pop();
                last.text.push_str(&w.text);
                last.joined = true;
            } else {
                body.push(w);
            }
        }
        pages.push(sheet);
    }
    (body, pages)
}

/// A word as compared: its letters and digits, lower-cased (punctuation, Markdown emphasis
/// and hyphens dropped).
fn norm(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text`, normalised, empty ones dropped.
fn tokens(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(norm)
        .filter(|w| !w.is_empty())
        .collect()
}

/// The segments of the sample article in `lang`'s translation file, in order: (English,
/// translation).
fn units(ws: &Ws, lang: &str) -> Vec<(String, String)> {
    let file = ws.json(&format!(
        "translations/{lang}/no-to-canadas-interference-in-peru.json"
    ));
    file["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["source"].as_str().expect("source").to_owned(),
                u["target"].as_str().expect("target").to_owned(),
            )
        })
        .collect()
}

/// Where `wanted` (normalised words) starts in `words` (the body's words, normalised,
/// empty ones left out), at or after `from`.
fn find(words: &[(usize, String)], wanted: &[String], from: usize) -> Option<usize> {
    (from..words.len()).find(|&i| {
        words.len() - i >= wanted.len()
            && words[i..i + wanted.len()]
                .iter()
                .zip(wanted)
                .all(|((_, w), t)| w == t)
    })
}

/// The body's words, normalised, each with its index in `body`.
fn normalised(body: &[Word]) -> Vec<(usize, String)> {
    body.iter()
        .enumerate()
        .map(|(i, w)| (i, norm(&w.text)))
        .filter(|(_, w)| !w.is_empty())
        .collect()
}

/// Every page but the first has the running title in its header; every page has "n / N" in
/// its footer, `pdftotext -layout` shows it as the page's last line, and `pdfinfo` agrees
/// on N.
#[track_caller]
fn assert_page_furniture(pdf: &Path, pages: &[Page], title: &str) {
    let count: usize = info(pdf)["Pages"].parse().expect("page count");
    assert_eq!(pages.len(), count);
    assert!(count >= 2, "{count} pages");
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        assert_eq!(page.footer, [n.to_string(), "/".into(), count.to_string()]);
        if n > 1 {
            assert_eq!(page.header.join(" "), title, "header of page {n}");
        } else {
            assert!(page.header.is_empty(), "{:?}", page.header);
        }
    }
    let layout = poppler("pdftotext", &["-layout"], pdf);
    let sheets: Vec<&str> = layout
        .split('\u{c}')
        .filter(|s| !s.trim().is_empty())
        .collect();
    assert_eq!(sheets.len(), count);
    for (i, sheet) in sheets.iter().enumerate() {
        let last = sheet.lines().rev().find(|l| !l.trim().is_empty());
        // `-layout` closes up the spaces around the slash.
        assert_eq!(
            last.map(|l| l.replace(' ', "")),
            Some(format!("{}/{count}", i + 1)),
            "{sheet}"
        );
    }
}

#[test]
fn the_sample_edition_is_typeset_in_es_fr_and_es_419_fonts_embedded_every_paragraph_in_order() {
    if !tools_ready() {
        return;
    }
    let ws = sample_copy();
    for (lang, title, masthead) in [
        (
            "es",
            "¡No a la injerencia de Canadá en el Perú! ¡Apoyemos las justas demandas del pueblo peruano!",
            "Volumen 53, número 2 – febrero de 2023",
        ),
        (
            "es-419",
            "¡No a la injerencia de Canadá en el Perú! ¡Apoyemos las justas demandas del pueblo peruano!",
            "",
        ),
        (
            "fr",
            "Non à l'ingérence du Canada au Pérou ! Appuyons les justes revendications du peuple péruvien !",
            "Volume 53, numéro 2 – février 2023",
        ),
    ] {
        let pdf = export_pdf(
            &ws,
            &["--edition", "53-2", "-l", lang],
            &format!("{lang}.pdf"),
        );
        let info = info(&pdf);
        assert!(
            info["Page size"].ends_with("(A4)"),
            "{lang}: {}",
            info["Page size"]
        );
        assert_eq!(info["Producer"].split(' ').next(), Some("WeasyPrint"));
        let fonts = fonts(&pdf);
        assert!(!fonts.is_empty());
        for (name, embedded) in &fonts {
            assert_eq!(embedded, "yes", "{lang}: {name} is not embedded");
        }
        assert!(
            fonts
                .iter()
                .all(|(name, _)| name.contains("DejaVu-Serif") || name.contains("Liberation-Serif")),
            "{lang}: {fonts:?}"
        );
        let (body, pages) = words(&pdf);
        let words = normalised(&body);
        assert!(find(&words, &tokens(title), 0).is_some(), "{lang}: {title}");
        if lang.starts_with("es") {
            // As printed, over as many lines as it takes.
            let layout = poppler("pdftotext", &["-layout"], &pdf);
            let layout = layout.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(layout.contains(title), "{lang}: {layout}");
        }
        let running = if masthead.is_empty() {
            info["Title"].clone()
        } else {
            assert_eq!(info["Title"], masthead);
            masthead.to_owned()
        };
        assert_page_furniture(&pdf, &pages, &running);
        // Every paragraph, word for word, in the order of the translation file (es-419 has
        // none of its own: Spanish throughout).
        let file = if lang == "es-419" { "es" } else { lang };
        let mut at = 0;
        for (_, target) in units(&ws, file) {
            let wanted = tokens(&target);
            let found = find(&words, &wanted, at).unwrap_or_else(|| {
                panic!(
                    "{lang}: {target:?} not found in order after word {at}: {:?}",
                    &words[at.min(words.len())..(at + 40).min(words.len())]
                )
            });
            at = found + wanted.len();
        }
        // Nothing of the English is printed but the note saying it was translated.
        let english = tokens("condemns the support given by the Government of Canada");
        assert!(find(&words, &english, 0).is_none(), "{lang}");
    }
}

#[test]
fn letter_paper_is_letter_and_hyphenation_follows_the_language() {
    if !tools_ready() {
        return;
    }
    let ws = sample_copy();
    let letter = export_pdf(
        &ws,
        &["--edition", "53-2", "-l", "es", "--paper", "letter"],
        "letter.pdf",
    );
    let size = info(&letter)["Page size"].clone();
    assert_eq!(size, "612 x 792 pts (letter)");
    // Spanish words are broken at line ends by the Spanish patterns: each hyphenated word
    // is a word of the translation, broken where Spanish allows.
    let layout = poppler("pdftotext", &["-layout"], &letter);
    let broken: Vec<&str> = layout
        .lines()
        .filter_map(|l| l.trim_end().strip_suffix('\u{2010}'))
        .filter_map(|l| l.split_whitespace().last())
        .collect();
    assert!(
        broken.len() >= 5,
        "few Spanish words hyphenated (are the Spanish patterns, Debian's hyphen-es, installed?): {layout}"
    );
    let (body, _) = words(&letter);
    let all: Vec<String> = units(&ws, "es")
        .iter()
        .flat_map(|(_, t)| tokens(t))
        .collect();
    let joined: Vec<String> = body
        .iter()
        .filter(|w| w.joined)
        .map(|w| norm(&w.text))
        .collect();
    assert_eq!(joined.len(), broken.len(), "{joined:?} {broken:?}");
    for (word, start) in joined.iter().zip(&broken) {
        assert!(
            all.contains(word),
            "{word} is not a word of the translation"
        );
        assert!(word.starts_with(&norm(start)), "{word} broken as {start}");
    }
}

#[test]
fn the_bilingual_pages_set_each_english_paragraph_beside_its_translation() {
    if !tools_ready() {
        return;
    }
    let ws = sample_copy();
    for lang in ["es", "fr"] {
        let pdf = export_pdf(
            &ws,
            &["--edition", "53-2", "-l", lang, "--bilingual"],
            &format!("{lang}.bilingual.pdf"),
        );
        let (body, pages) = words(&pdf);
        let title = info(&pdf)["Title"].clone();
        assert_page_furniture(&pdf, &pages, &title);
        let words = normalised(&body);
        let (mut at_source, mut at_target) = (0, 0);
        for (source, target) in units(&ws, lang) {
            // The first words of each: enough to be found once.
            let (source, target) = (tokens(&source), tokens(&target));
            let (source, target) = (
                &source[..source.len().min(3)],
                &target[..target.len().min(3)],
            );
            let s = find(&words, source, at_source).expect("English paragraph");
            // A paragraph the same in both (a byline) is the English one first.
            let from = if source == target { s + 1 } else { at_target };
            let t = find(&words, target, from).expect("translated paragraph");
            at_source = s + source.len();
            at_target = t + target.len();
            let (s, t) = (&body[words[s].0], &body[words[t].0]);
            assert_eq!(s.page, t.page, "{lang}: {source:?} and {target:?}");
            assert!(
                s.x < t.x,
                "{lang}: {source:?} at {s:?}, {target:?} at {t:?}"
            );
            assert!(
                s.y_min < t.y_max && t.y_min < s.y_max,
                "{lang}: {source:?} at {s:?} is not beside {target:?} at {t:?}"
            );
        }
    }
}

/// The sample article with one paragraph edited (stale in French) and one added (missing),
/// in an edition.
fn incomplete_edition() -> Ws {
    let ws = Ws::translated();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n[[edition]]\nid = \"7-1\"\narticles = [\"harbour\"]\n",
    );
    ws.write(
        "sources/harbour.md",
        ARTICLE.replace("next weekend.", "next weekend!") + "\nTide tables are on page 4.\n",
    );
    ws
}

#[test]
fn an_incomplete_edition_is_refused_as_in_html_in_the_ui_language_with_or_without_an_engine() {
    let ws = incomplete_edition();
    for ui in ["fr", "es", "en"] {
        let html = ws.run(&["--ui-lang", ui, "export", "--edition", "7-1", "-l", "fr"]);
        for engine in [None, Some("/nowhere/weasyprint")] {
            let mut args = vec![
                "--ui-lang",
                ui,
                "export",
                "--edition",
                "7-1",
                "-l",
                "fr",
                "--format",
                "pdf",
                "-o",
                "e.pdf",
            ];
            if let Some(engine) = engine {
                args.extend(["--pdf-engine", engine]);
            }
            let pdf = ws.run(&args);
            assert_eq!((pdf.code, html.code), (1, 1), "{}", pdf.stderr);
            assert_eq!(pdf.stderr, html.stderr);
            assert!(!ws.path("e.pdf").exists());
            let refusal = match ui {
                "fr" => "export refusé\u{a0}: 2 segments ne sont pas traduits",
                "es" => "exportación rechazada",
                _ => "export refused: 2 segments are not translated",
            };
            assert!(pdf.stderr.contains(refusal), "{}", pdf.stderr);
        }
    }
}

/// Runs `bitext` in `ws` with `env` set, English messages unless `args` say otherwise.
fn run_with_env(ws: &Ws, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bitext"));
    command
        .args(args)
        .current_dir(ws.root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("BITEXT_WEASYPRINT")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("run bitext");
    Run {
        code: output.status.code().expect("exit code"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8"),
    }
}

/// Exit code 2 and one line of stderr, which starts with `start`.
#[track_caller]
fn assert_refused(run: &Run, start: &str) {
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.starts_with(start), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn a_missing_engine_says_what_to_install_in_the_ui_language_and_writes_nothing() {
    let ws = Ws::translated();
    let export = [
        "export", "harbour", "-l", "fr", "--format", "pdf", "-o", "h.pdf",
    ];
    // Not on the PATH.
    let run = run_with_env(&ws, &export, &[("PATH", "/nowhere")]);
    run.error(&[
        "no PDF engine: weasyprint was not found",
        "Install WeasyPrint (the weasyprint package on Debian and Ubuntu",
        "--pdf-engine PATH or the environment variable BITEXT_WEASYPRINT",
    ]);
    assert!(!ws.path("h.pdf").exists());
    // Named, by option or environment, where there is none.
    let mut named = vec!["--ui-lang", "fr"];
    named.extend(export);
    named.extend(["--pdf-engine", "bin/weasyprint"]);
    assert_refused(
        &run_with_env(&ws, &named, &[]),
        "erreur\u{a0}: aucun moteur PDF\u{a0}: bin/weasyprint est introuvable. Installez WeasyPrint (le paquet weasyprint de Debian",
    );
    let mut spanish = vec!["--ui-lang", "es"];
    spanish.extend(export);
    assert_refused(
        &run_with_env(&ws, &spanish, &[("BITEXT_WEASYPRINT", "/nowhere/wp")]),
        "Error: no hay motor PDF: no se encuentra /nowhere/wp. Instale WeasyPrint",
    );
    assert!(!ws.path("h.pdf").exists());
    // An HTML export needs no engine.
    run_with_env(
        &ws,
        &["export", "harbour", "-l", "fr"],
        &[("PATH", "/nowhere")],
    )
    .success();
}

/// A stand-in for the engine: it records its arguments, its environment and the HTML it is
/// given in the workspace, says something on stderr, and writes a small file as its PDF, or
/// fails when its input holds `FAIL`.
#[cfg(unix)]
fn stand_in(ws: &Ws) -> String {
    use std::os::unix::fs::PermissionsExt as _;
    let seen = ws.path("seen");
    let script = format!(
        "#!/bin/sh\nmkdir -p '{seen}'\nprintf '%s\\n' \"$@\" > '{seen}/args'\nenv > '{seen}/env'\n\
         for last; do :; done\nfor a; do case \"$a\" in *.html) cp \"$a\" '{seen}/input.html';; esac; done\n\
         echo 'engine: typesetting' >&2\necho 'WARNING: Ignored `display:grid`' >&2\n\
         if grep -q SLOW '{seen}/input.html'; then exec sleep 60; fi\n\
         if grep -q FAIL '{seen}/input.html'; then echo 'ERROR: Failed to typeset: the page is on fire' >&2; exit 3; fi\n\
         printf '%%PDF-1.7 stand-in' > \"$last\"\n",
        seen = seen.display()
    );
    ws.write("engine.sh", script);
    let path = ws.path("engine.sh");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path.to_str().expect("utf-8").to_owned()
}

#[cfg(unix)]
#[test]
fn the_engine_gets_local_files_only_and_its_failure_is_reported_with_nothing_written() {
    let ws = Ws::translated();
    let engine = stand_in(&ws);
    let run = ws.run(&[
        "export",
        "harbour",
        "-l",
        "fr",
        "--bilingual",
        "--format",
        "pdf",
        "--paper",
        "letter",
        "--pdf-engine",
        &engine,
        "-o",
        "out/h.pdf",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The engine's chatter on success is not passed on.
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_eq!(ws.read("out/h.pdf"), "%PDF-1.7 stand-in");
    let args: Vec<String> = ws.read("seen/args").lines().map(str::to_owned).collect();
    // Its base URL is the temporary directory that holds its input and output, then gone.
    let base = args
        .iter()
        .position(|a| a == "--base-url")
        .map(|i| PathBuf::from(&args[i + 1]))
        .expect("--base-url");
    let [.., input, output] = &args[..] else {
        panic!("{args:?}")
    };
    assert_eq!(Path::new(input).parent(), Some(base.as_path()));
    assert_eq!(Path::new(output).parent(), Some(base.as_path()));
    assert!(!base.exists(), "{} is left behind", base.display());
    // Proxies point nowhere, so that nothing is fetched.
    let env = ws.read("seen/env");
    for var in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"] {
        assert!(
            env.lines()
                .any(|l| l == format!("{var}=http://127.0.0.1:9")),
            "{var} in {env}"
        );
    }
    // The HTML export with the print stylesheet: the page, the running title, the page
    // numbers, hyphenation, and each pair kept on one page.
    let html = ws.read("seen/input.html");
    for part in [
        "@page{size:letter;",
        "@top-center{content:\"fr translation of segment 1\"",
        "counter(page) ' / ' counter(pages)",
        "hyphens:auto",
        "orphans:2;widows:2",
        ".row,.pair{display:table;",
        "break-inside:avoid",
        "<div class=\"row heading\" data-n=\"1\"",
        "lang=\"fr\"",
    ] {
        assert!(html.contains(part), "{part} in {html}");
    }

    // A failure: the engine's stderr is reported, the exit code is 2, and nothing is
    // written (the file from before stays as it was).
    ws.run(&[
        "set",
        "harbour",
        "2",
        "-l",
        "fr",
        "--text",
        "Le conseil FAIL se réunit.",
    ])
    .success();
    let failed = ws.run(&[
        "--ui-lang",
        "fr",
        "export",
        "harbour",
        "-l",
        "fr",
        "--format",
        "pdf",
        "--pdf-engine",
        &engine,
        "-o",
        "out/h.pdf",
    ]);
    assert_eq!(failed.code, 2, "{}", failed.stderr);
    assert!(
        failed.stderr.contains(&format!(
            "le moteur PDF {engine} n’a pas pu composer out/h.pdf\u{a0}: engine: typesetting\nERROR: Failed to typeset: the page is on fire"
        )),
        "{}",
        failed.stderr
    );
    assert_eq!(ws.read("out/h.pdf"), "%PDF-1.7 stand-in");
    assert_eq!(
        std::fs::read_dir(ws.path("out")).expect("out").count(),
        1,
        "nothing but the old file in out/"
    );
}

#[cfg(unix)]
#[test]
fn an_engine_past_its_time_limit_is_stopped_and_nothing_is_written() {
    let ws = Ws::translated();
    let engine = stand_in(&ws);
    ws.run(&[
        "set",
        "harbour",
        "2",
        "-l",
        "fr",
        "--text",
        "Un conseil SLOW.",
    ])
    .success();
    let export = [
        "export",
        "harbour",
        "-l",
        "fr",
        "--format",
        "pdf",
        "--pdf-engine",
        &engine,
        "-o",
        "h.pdf",
    ];
    let started = std::time::Instant::now();
    let run = run_with_env(&ws, &export, &[("BITEXT_PDF_TIMEOUT", "1")]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    assert_refused(
        &run,
        &format!(
            "error: the PDF engine {engine} took more than 1 second to typeset h.pdf and was stopped; nothing was written"
        ),
    );
    assert!(!ws.path("h.pdf").exists());
    let mut french = vec!["--ui-lang", "fr"];
    french.extend(export);
    assert_refused(
        &run_with_env(&ws, &french, &[("BITEXT_PDF_TIMEOUT", "2")]),
        &format!("erreur\u{a0}: le moteur PDF {engine} a mis plus de 2 secondes à composer h.pdf"),
    );
    // A limit that is not a number of seconds, before anything is done.
    for bad in ["soon", "0"] {
        assert_refused(
            &run_with_env(&ws, &export, &[("BITEXT_PDF_TIMEOUT", bad)]),
            &format!(
                "error: BITEXT_PDF_TIMEOUT must be a whole number of seconds above zero, not “{bad}”"
            ),
        );
    }
    assert!(!ws.path("h.pdf").exists());
}

#[test]
fn the_serve_dashboard_offers_the_pdf_beside_the_html_and_the_epub() {
    let ws = sample_copy();
    let s = crate::serve::Served::start(&ws);
    let dashboard = s.get("/").status(200);
    for lang in ["es", "fr"] {
        for format in ["html", "epub", "pdf"] {
            let link =
                format!("/export?edition=53-2&amp;lang={lang}&amp;bilingual=1&amp;format={format}");
            assert!(
                dashboard.body.contains(&link),
                "{link} in\n{}",
                dashboard.body
            );
        }
    }
    let article = s
        .get("/article/no-to-canadas-interference-in-peru/fr")
        .status(200);
    assert!(
        article.body.contains("<option value=\"pdf\">PDF</option>"),
        "{}",
        article.body
    );
    if !tools_ready() {
        return;
    }
    let (status, head, body) = s.get_bytes("/export?edition=53-2&lang=es&bilingual=1&format=pdf");
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("Content-Type: application/pdf"), "{head}");
    assert!(
        head.contains("attachment; filename=\"53-2.en-es.pdf\""),
        "{head}"
    );
    std::fs::write(ws.path("served.pdf"), &body).expect("write");
    let served = info(&ws.path("served.pdf"));
    let cli = export_pdf(
        &ws,
        &["--edition", "53-2", "-l", "es", "--bilingual"],
        "cli.pdf",
    );
    let cli = info(&cli);
    for field in ["Pages", "Title", "Page size"] {
        assert_eq!(served[field], cli[field], "{field}");
    }
}

#[test]
fn without_an_engine_the_workbench_says_what_to_install_in_its_language() {
    let ws = sample_copy();
    let s = crate::serve::Served::start_with(&ws, &[], &[("BITEXT_WEASYPRINT", "/nowhere/wp")]);
    for (ui, words) in [
        (
            "fr",
            "aucun moteur PDF\u{a0}: /nowhere/wp est introuvable. Installez WeasyPrint",
        ),
        (
            "es",
            "no hay motor PDF: no se encuentra /nowhere/wp. Instale WeasyPrint",
        ),
        (
            "en",
            "no PDF engine: /nowhere/wp was not found. Install WeasyPrint",
        ),
    ] {
        let reply = s
            .get(&format!(
                "/export?edition=53-2&lang=es&bilingual=1&format=pdf&ui={ui}"
            ))
            .status(503);
        assert!(
            reply.body.contains(&format!("<html lang=\"{ui}\"")),
            "{}",
            reply.body
        );
        assert!(reply.body.contains(words), "{}", reply.body);
    }
}
