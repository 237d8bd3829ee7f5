//! Articles are paths: every Markdown or MDX file under `sources/`, at any depth and with any
//! name a file system allows, is an article named by its path, in every command and format.

use std::path::Path;

use crate::support::{ARTICLE, Ws, files_under};

/// Article names and source extensions: depth 1 to 3, capitals, underscores, spaces, a comma
/// (which GitHub annotations must escape), accents and other scripts.
const NAMES: &[(&str, &str)] = &[
    ("Getting_Started", "md"),
    ("2024/Spring Notes, draft", "md"),
    ("guides/é/Café crème", "markdown"),
    ("Ünïcode/日本語", "mdx"),
];

fn source(name: &str, ext: &str) -> String {
    format!("sources/{name}.{ext}")
}

fn translation(lang: &str, name: &str) -> String {
    format!("translations/{lang}/{name}.json")
}

/// Where a workspace keeps its translations: the JSON files of `translations/`, or Markdown
/// pages in `pages/<lang>/` with their records in `.bitext/`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Store {
    Json,
    Pages,
}

impl Store {
    /// The translation file, or the record, of `name` in `lang`.
    fn file(self, lang: &str, name: &str) -> String {
        match self {
            Self::Json => translation(lang, name),
            Self::Pages => format!(".bitext/{lang}/{name}.json"),
        }
    }
}

/// The names of the articles `status --format json` lists.
fn listed(ws: &Ws) -> Vec<String> {
    let status = ws.run(&["status", "--format", "json"]).success().json();
    status["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["article"].as_str().expect("article").to_owned())
        .collect()
}

/// A workspace holding `ARTICLE` under every name of [`NAMES`], nothing translated.
fn nested() -> Ws {
    let ws = Ws::new();
    for (name, ext) in NAMES {
        ws.write(&source(name, ext), ARTICLE);
    }
    ws
}

#[test]
fn every_markdown_file_at_any_depth_is_an_article_named_by_its_path() {
    let ws = nested();
    ws.write("sources/images/map.png", "png");
    ws.write("sources/data/notes.txt", "text");
    let mut expected: Vec<String> = NAMES.iter().map(|(n, _)| (*n).to_owned()).collect();
    expected.sort();
    assert_eq!(listed(&ws), expected);
    let text = ws.run(&["status"]).success().stdout;
    for (name, ext) in NAMES {
        assert!(text.contains(&source(name, ext)), "{text}");
    }
    // Each is named by its name, its file, or its file below the sources folder.
    for (name, ext) in NAMES {
        let file = format!("{name}.{ext}");
        for given in [name.to_string(), file.clone(), format!("sources/{file}")] {
            let status = ws
                .run(&["status", &given, "--format", "json"])
                .success()
                .json();
            assert_eq!(status["articles"][0]["article"], *name, "{given}");
            assert_eq!(status["articles"].as_array().map(Vec::len), Some(1));
        }
    }
}

#[test]
fn check_fails_on_a_nested_untranslated_article_in_every_format() {
    let ws = Ws::translated();
    ws.write(
        "sources/2024/spring.md",
        "# Spring\n\nNobody translated this.\n",
    );
    let text = ws.run(&["check", "-l", "fr"]);
    assert_eq!(text.code, 1, "{text:?}");
    assert!(
        text.stdout
            .contains("sources/2024/spring.md:3: fr: missing segment 2")
    );
    assert!(!text.stdout.contains("check passed"), "{text:?}");
    let json = ws.run(&["check", "-l", "fr", "--format", "json"]);
    assert_eq!(json.code, 1);
    let report = json.json();
    let failing = report["results"]
        .as_array()
        .expect("articles")
        .iter()
        .filter(|a| a["article"] == "2024/spring")
        .count();
    assert_eq!(failing, 1, "{}", json.stdout);
    let github = ws.run(&["check", "-l", "fr", "--format", "github"]);
    assert_eq!(github.code, 1);
    assert!(github.stdout.contains("file=sources/2024/spring.md,line=3"));
    let junit = ws.run(&["check", "-l", "fr", "--format", "junit"]);
    assert_eq!(junit.code, 1);
    assert!(junit.stdout.contains(r#"<testcase name="2024/spring""#));
}

#[test]
fn an_unreadable_or_unnameable_source_fails_status_and_check() {
    let ws = Ws::translated();
    ws.write("sources/guides/ leading space.md", "# A\n\nB.\n");
    for args in [
        &["status"][..],
        &["check", "-l", "fr"],
        &["check", "--format", "json"],
        &["qa"],
    ] {
        let run = ws.run(args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(
            run.stderr.contains("sources/guides/ leading space.md"),
            "{run:?}"
        );
        assert!(!run.stdout.contains("check passed"), "{run:?}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let ws = Ws::translated();
        ws.write("sources/2024/locked.md", "# Locked\n\nText.\n");
        let path = ws.path("sources/2024/locked.md");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        // Root reads any file: the refusal can only be seen by another user.
        if std::fs::read(&path).is_err() {
            for args in [&["status"][..], &["check", "-l", "fr"]] {
                let run = ws.run(args);
                assert_eq!(run.code, 2, "{args:?}: {run:?}");
                assert!(run.stderr.contains("sources/2024/locked.md"), "{run:?}");
            }
        }
        // A FIFO would hang whoever reads it: refused at once, named.
        let fifo = ws.path("sources/2024/pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
            let run = ws.run(&["check", "-l", "fr"]);
            assert_eq!(run.code, 2, "{run:?}");
            assert!(
                run.stderr
                    .contains("sources/2024/pipe.md: a FIFO (named pipe), not a regular file"),
                "{run:?}"
            );
        }
    }
}

#[test]
fn two_sources_for_one_name_are_refused() {
    let ws = Ws::translated();
    ws.write("sources/2024/spring.md", "# A\n\nB.\n");
    ws.write("sources/2024/spring.markdown", "# A\n\nB.\n");
    ws.run(&["status"]).error(&[
        "sources/2024/spring.markdown",
        "sources/2024/spring.md",
        "keep only one",
    ]);
}

/// Every command that reads, writes or exchanges translations, on every name.
#[test]
fn every_command_and_format_works_on_every_name() {
    every_command_on_every_name(Store::Json);
}

/// The same with translations kept as Markdown pages.
#[test]
fn every_command_and_format_works_on_every_name_with_markdown_pages() {
    every_command_on_every_name(Store::Pages);
}

#[allow(clippy::too_many_lines)]
fn every_command_on_every_name(store: Store) {
    let ws = nested();
    if store == Store::Pages {
        ws.write(
            "bitext.toml",
            "source = \"en\"\ntargets = [\"fr\", \"es\"]\n[layout]\ntranslations = \"pages/{lang}\"\n",
        );
    }
    let out = tempfile::tempdir().expect("temp dir");
    for (name, ext) in NAMES {
        let src = source(name, ext);
        // Untranslated: check fails naming the file, in every format.
        let check = ws.run(&["check", name, "-l", "fr"]);
        assert_eq!(check.code, 1, "{check:?}");
        assert!(
            check
                .stdout
                .contains(&format!("{src}:1: fr: missing segment 1"))
        );
        let json = ws.run(&["check", name, "-l", "fr", "--format", "json"]);
        assert_eq!(json.json()["results"][0]["article"], *name);
        let github = ws.run(&["check", name, "-l", "fr", "--format", "github"]);
        let escaped = src.replace(',', "%2C");
        assert!(
            github.stdout.contains(&format!("file={escaped},line=1,")),
            "{}",
            github.stdout
        );
        let junit = ws.run(&["check", name, "-l", "fr", "--format", "junit"]);
        assert!(
            junit.stdout.contains(&format!("file=\"{src}\"")),
            "{}",
            junit.stdout
        );

        // set, then status, check and the file written at the mirrored path.
        ws.translate_all(name, "fr");
        assert!(ws.path(&store.file("fr", name)).is_file());
        assert_eq!(ws.json(&store.file("fr", name))["article"], *name);
        if store == Store::Pages {
            let page = ws.read(&format!("pages/fr/{name}.{ext}"));
            assert!(page.contains("\nfr translation of segment 2\n"), "{page}");
        }
        assert!(ws.states(name, "fr").iter().all(|s| s == "current"));
        ws.run(&["check", name, "-l", "fr"]).success();

        // An edit makes one segment stale: diff and accept by name.
        ws.write(&src, ARTICLE.replace("next weekend.", "next weekend!"));
        let diff = ws.run(&["diff", name, "-l", "fr"]).success();
        assert!(diff.stdout.contains(&src), "{}", diff.stdout);
        let diff = ws
            .run(&["diff", name, "-l", "fr", "--format", "json"])
            .success()
            .json();
        assert_eq!(diff["articles"][0]["article"], *name, "{diff}");
        ws.run(&["accept", name, "5", "-l", "fr"]).success();
        assert!(ws.states(name, "fr").iter().all(|s| s == "current"));
        ws.run(&["sync", name, "-l", "fr"]).success();

        // qa in its formats names the article.
        let qa = ws.run(&["qa", name, "-l", "fr", "--format", "json"]).json();
        assert!(qa.to_string().contains(name), "{qa}");

        // PO and XLIFF round trips.
        let po = out.path().join("one.po");
        ws.run(&["po", "export", name, "-l", "fr", "-o", path_str(&po)])
            .success();
        let po_text = std::fs::read_to_string(&po).expect("po");
        assert!(
            po_text.contains(&format!("\"X-Bitext-Article: {name}\\n\"")),
            "{po_text}"
        );
        ws.run(&["po", "import", path_str(&po)]).success();
        let xlf = out.path().join("one.xlf");
        ws.run(&["xliff", "export", name, "-l", "fr", "-o", path_str(&xlf)])
            .success();
        ws.run(&["xliff", "import", path_str(&xlf)]).success();
        assert!(ws.states(name, "fr").iter().all(|s| s == "current"));

        // import of a translated document, and pretranslate and suggest from the memory.
        let doc = out.path().join("doc.md");
        let texts: Vec<String> = (1..=5).map(|n| format!("Traduction {n}.")).collect();
        std::fs::write(&doc, texts.join("\n\n") + "\n").expect("doc");
        ws.run(&["import", name, "-l", "es", path_str(&doc)])
            .success();
        assert!(ws.path(&store.file("es", name)).is_file());
        ws.run(&["pretranslate", name, "-l", "es"]).success();
    }
    // The memory names where a suggestion comes from: another article, by its name.
    let (first, _) = NAMES[0];
    let suggest = ws.run(&["suggest", first, "3", "-l", "fr"]).success();
    let others = NAMES[1..]
        .iter()
        .any(|(name, _)| suggest.stdout.contains(&format!("{name}, segment 3 (")));
    assert!(others, "{}", suggest.stdout);
    let tmx = ws.run(&["tmx", "export", "-l", "fr"]).success();
    assert!(tmx.stdout.contains("fr translation of segment 2"));

    // Exports of every article into a folder mirror the names.
    for format in ["html", "md", "txt"] {
        let dir = out.path().join(format);
        std::fs::create_dir_all(&dir).expect("dir");
        let mut args = vec![
            "export",
            "-l",
            "fr",
            "--format",
            format,
            "-o",
            path_str(&dir),
        ];
        args.extend(NAMES.iter().map(|(name, _)| *name));
        ws.run(&args).success();
        assert_eq!(sorted_files(&dir), mirrored(format));
    }
    for (tool, ext) in [("po", "po"), ("xliff", "xlf")] {
        let dir = out.path().join(tool);
        std::fs::create_dir_all(&dir).expect("dir");
        let mut args = vec![tool, "export", "-l", "fr", "-o", path_str(&dir)];
        args.extend(NAMES.iter().map(|(name, _)| *name));
        ws.run(&args).success();
        let files = sorted_files(&dir);
        assert_eq!(files, mirrored(ext), "{tool}");
        // And each file imports back into its own article.
        let paths: Vec<String> = files
            .iter()
            .map(|f| dir.join(f).to_string_lossy().into_owned())
            .collect();
        let mut args = vec![tool, "import"];
        args.extend(paths.iter().map(String::as_str));
        ws.run(&args).success();
    }
    // An orphan translation at depth is refused, naming its file.
    let orphan = store.file("fr", "gone/Old Page");
    ws.write(&orphan, "{}");
    ws.run(&["status"])
        .error(&[&orphan, "sources/gone/Old Page.md"]);
    if store == Store::Pages {
        std::fs::remove_file(ws.path(&orphan)).expect("remove");
        ws.write("pages/fr/gone/Old Page.md", "# Old\n");
        ws.run(&["status"])
            .error(&["pages/fr/gone/Old Page.md", "sources/gone/Old Page.md"]);
    }
}

/// The files under `dir`, sorted.
fn sorted_files(dir: &Path) -> Vec<String> {
    let mut files = files_under(dir);
    files.sort();
    files
}

/// The files an export of every article of [`NAMES`] in French writes, with extension `ext`,
/// sorted.
fn mirrored(ext: &str) -> Vec<String> {
    let mut expected: Vec<String> = NAMES
        .iter()
        .map(|(name, _)| format!("{name}.fr.{ext}"))
        .collect();
    expected.sort();
    expected
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn a_nested_translation_file_merges_with_the_merge_driver() {
    let Some(ws) = crate::branches::repo_with("2024/Spring Notes", |_| {}) else {
        return;
    };
    let name = "2024/Spring Notes";
    let file = translation("fr", name);
    ws.run(&["sync", name, "-l", "fr"]).success();
    crate::branches::commit(&ws, "sync");
    crate::branches::git(&ws, &["checkout", "-q", "-b", "ana"]);
    ws.run(&[
        "set",
        name,
        "2",
        "-l",
        "fr",
        "--text",
        "Le conseil s’est réuni lundi.",
    ])
    .success();
    crate::branches::commit(&ws, "ana translates 2");
    crate::branches::git(&ws, &["checkout", "-q", "main"]);
    ws.run(&[
        "set",
        name,
        "3",
        "-l",
        "fr",
        "--text",
        "Les pêcheurs ont parlé.",
    ])
    .success();
    crate::branches::commit(&ws, "main translates 3");
    crate::branches::git(&ws, &["merge", "-q", "--no-edit", "ana"]);
    assert!(!ws.read(&file).contains("<<<<<<<"));
    assert_eq!(
        ws.states(name, "fr"),
        ["missing", "current", "current", "missing", "missing"]
    );
}

#[test]
fn the_sources_folder_is_set_in_the_layout_table() {
    let ws = Ws::new();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\", \"es\"]\n\n[layout]\nsources = \"locale/en\"\n",
    );
    ws.write("locale/en/about/index.md", ARTICLE);
    ws.write("locale/en/docs/Guide.md", ARTICLE);
    ws.write("sources/ignored.md", ARTICLE);
    assert_eq!(listed(&ws), ["about/index", "docs/Guide"]);
    let check = ws.run(&["check", "-l", "fr"]);
    assert_eq!(check.code, 1);
    assert!(
        check
            .stdout
            .contains("locale/en/docs/Guide.md:1: fr: missing segment 1")
    );
    for given in [
        "docs/Guide",
        "locale/en/docs/Guide.md",
        "./locale/en/docs/Guide.md",
    ] {
        let status = ws
            .run(&["status", given, "--format", "json"])
            .success()
            .json();
        assert_eq!(status["articles"][0]["source"], "locale/en/docs/Guide.md");
    }
    ws.translate_all("docs/Guide", "fr");
    assert!(ws.path("translations/fr/docs/Guide.json").is_file());
    ws.run(&["check", "docs/Guide", "-l", "fr"]).success();
    ws.run(&["status", "sources/ignored.md"]).error(&[
        "no article \"sources/ignored\"",
        "locale/en/sources/ignored.md does not exist",
    ]);
}

#[test]
fn a_layout_folder_outside_the_workspace_is_refused_naming_the_file() {
    let ws = Ws::translated();
    for value in [
        "../outside",
        "/etc",
        "",
        "a/../../b",
        ".bitext-cache/x",
        ".git",
    ] {
        ws.write(
            "bitext.toml",
            format!("source = \"en\"\ntargets = [\"fr\"]\n[layout]\nsources = \"{value}\"\n"),
        );
        ws.run(&["status"])
            .error(&["bitext.toml", &format!("[layout] sources = \"{value}\"")]);
    }
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\n[layout]\nsource = \"docs\"\n",
    );
    ws.run(&["status"]).error(&["bitext.toml:4", "source"]);
}
