//! `bitext export --format epub`: packages read back with the `zip` crate and parsed as XML,
//! and checked by `EPUBCheck` (Debian's `epubcheck`, which `.ci/run` installs).

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{ARTICLE, Ws, sample_copy, skip};

/// The Debian package's jar, run with `java -jar`.
const EPUBCHECK_JAR: &str = "/usr/share/java/epubcheck.jar";

/// An exported package: its entries in order, with whether each is stored uncompressed, and
/// their contents.
pub(crate) struct Epub {
    entries: Vec<(String, bool)>,
    files: BTreeMap<String, Vec<u8>>,
    raw: Vec<u8>,
}

impl Epub {
    fn read(path: &Path) -> Self {
        let raw = std::fs::read(path).expect("read epub");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(raw.clone())).expect("zip");
        let mut entries = Vec::new();
        let mut files = BTreeMap::new();
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).expect("entry");
            let name = file.name().expect("entry name").into_owned();
            entries.push((
                name.clone(),
                file.compression() == zip::CompressionMethod::Stored,
            ));
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).expect("entry bytes");
            files.insert(name, bytes);
        }
        Self {
            entries,
            files,
            raw,
        }
    }

    pub(crate) fn text(&self, name: &str) -> String {
        String::from_utf8(
            self.files
                .get(name)
                .unwrap_or_else(|| panic!("no {name} in {:?}", self.entries))
                .clone(),
        )
        .expect("UTF-8")
    }

    /// The articles' documents, in the spine's order.
    fn articles(&self) -> Vec<String> {
        let opf = self.text("EPUB/package.opf");
        let doc = xml(&opf).expect("well-formed OPF");
        let hrefs: BTreeMap<&str, &str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("item"))
            .map(|n| {
                (
                    n.attribute("id").expect("id"),
                    n.attribute("href").expect("href"),
                )
            })
            .collect();
        doc.descendants()
            .filter(|n| n.has_tag_name("itemref"))
            .map(|n| hrefs[n.attribute("idref").expect("idref")])
            .filter(|href| href.starts_with("text/a"))
            .map(|href| self.text(&format!("EPUB/{href}")))
            .collect()
    }
}

/// Parses `text` as XML, its `<!DOCTYPE html>` allowed.
fn xml(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options)
}

/// Exports with `args` (after `export`) to `name` in the workspace, which must succeed.
pub(crate) fn export_epub(ws: &Ws, args: &[&str], name: &str) -> Epub {
    let out = ws.path(name);
    let mut all = vec![
        "export",
        "--format",
        "epub",
        "-o",
        out.to_str().expect("utf-8"),
    ];
    all.extend_from_slice(args);
    let run = ws.run(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    Epub::read(&out)
}

/// `EPUBCheck`'s reports on `names` (in the workspace), run side by side; `None` (the test
/// skipped, or failed with `BITEXT_REQUIRE_TOOLS`) when it is not installed.
fn epubcheck(ws: &Ws, names: &[String]) -> Option<Vec<String>> {
    let java = Command::new("java").arg("-version").output();
    if !Path::new(EPUBCHECK_JAR).is_file() || !java.is_ok_and(|o| o.status.success()) {
        skip("epubcheck is not installed (.ci/run installs it)");
        return None;
    }
    let children: Vec<_> = names
        .iter()
        .map(|name| {
            Command::new("java")
                .args(["-jar", EPUBCHECK_JAR])
                .arg(ws.path(name))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("run epubcheck")
        })
        .collect();
    let reports = children
        .into_iter()
        .zip(names)
        .map(|(child, name)| {
            let output = child.wait_with_output().expect("epubcheck");
            let report = format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            assert!(
                output.status.success(),
                "epubcheck failed on {name}:\n{report}"
            );
            report
        })
        .collect();
    Some(reports)
}

/// `EPUBCheck` finds no error and no warning in any of `names`.
#[track_caller]
pub(crate) fn assert_clean(ws: &Ws, names: &[String]) {
    let Some(reports) = epubcheck(ws, names) else {
        return;
    };
    for (name, report) in names.iter().zip(reports) {
        assert!(
            report.contains("No errors or warnings detected")
                && report.contains("0 fatals / 0 errors / 0 warnings"),
            "epubcheck on {name}:\n{report}"
        );
    }
}

#[test]
fn the_sample_edition_passes_epubcheck_in_es_es_419_and_fr_monolingual_and_bilingual() {
    let ws = sample_copy();
    let mut names = Vec::new();
    for lang in ["es", "es-419", "fr"] {
        for bilingual in [false, true] {
            let name = format!("53-2.{lang}.{bilingual}.epub");
            let mut args = vec!["--edition", "53-2", "-l", lang];
            if bilingual {
                args.push("--bilingual");
            }
            export_epub(&ws, &args, &name);
            names.push(name);
        }
    }
    assert_clean(&ws, &names);
}

/// The shaped article of `shape.rs` in an edition with a publisher, an identifier and a
/// cover, a link to a web page and an image from one in its text.
fn shaped_edition() -> Ws {
    let ws = crate::shape::shaped();
    ws.run(&[
        "set",
        "shape",
        "2",
        "-l",
        "fr",
        "--text",
        "Voir [le site](https://example.org/?a=1&b=2), [une page](autre.md) et ![un graphique](https://example.org/c.png).",
    ])
    .success();
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\n\n[[edition]]\nid = \"shapes\"\ntitle = \"Shapes & <Figures>\"\nvolume = 4\nnumber = 1\ndate = \"2024-05\"\npublisher = \"The Weekly\"\nidentifier = \"urn:issn:1234-5679\"\ncover = \"art/cover.png\"\narticles = [\"shape\"]\n",
    );
    ws.write("art/cover.png", tiny_png());
    ws
}

/// A valid 1x1 PNG.
fn tiny_png() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [
        (&b"IHDR"[..], &b"\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0"[..]),
        (b"IDAT", b"\x78\x9c\x63\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00"),
        (b"IEND", b""),
    ] {
        png.extend_from_slice(&u32::try_from(data.len()).expect("len").to_be_bytes());
        let mut chunk = kind.to_vec();
        chunk.extend_from_slice(data);
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc32(&chunk).to_be_bytes());
    }
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn lists_tables_quotes_cover_and_links_pass_epubcheck_and_are_kept() {
    let ws = shaped_edition();
    let mut names = Vec::new();
    for bilingual in [false, true] {
        let name = format!("shapes.{bilingual}.epub");
        let mut args = vec!["--edition", "shapes", "-l", "fr"];
        if bilingual {
            args.push("--bilingual");
        }
        let epub = export_epub(&ws, &args, &name);
        names.push(name);
        let [article] = epub.articles().try_into().expect("one article");
        let doc = xml(&article).expect("well-formed XHTML");
        let count = |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
        let sides = if bilingual { 2 } else { 1 };
        assert_eq!(count("table"), 1, "{article}");
        assert_eq!(count("blockquote"), sides, "{article}");
        assert_eq!(count("ol"), sides, "{article}");
        // The bulleted list and its nested list.
        assert_eq!(count("ul"), 2 * sides, "{article}");
        let ol = doc
            .descendants()
            .find(|n| n.has_tag_name("ol"))
            .expect("ol");
        assert_eq!(ol.attribute("start"), Some("3"));
        assert_eq!(count("td"), 4 * sides, "{article}");
        // The web link stays a link; the relative one and the image become text.
        let links: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("a"))
            .filter_map(|n| n.attribute("href"))
            .collect();
        assert_eq!(links, ["https://example.org/?a=1&b=2"], "{article}");
        assert_eq!(count("img"), 0, "{article}");
        assert!(article.contains("une page"), "{article}");
        assert!(article.contains(">un graphique<"), "{article}");

        let opf = epub.text("EPUB/package.opf");
        for expected in [
            "<dc:identifier id=\"pub-id\">urn:issn:1234-5679</dc:identifier>",
            "<dc:title>Shapes &amp; &lt;Figures&gt;</dc:title>",
            "<dc:publisher>The Weekly</dc:publisher>",
            "<dc:date>2024-05</dc:date>",
            "<meta refines=\"#volume\" property=\"group-position\">1</meta>",
            "href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\"",
        ] {
            assert!(opf.contains(expected), "{expected} in\n{opf}");
        }
        assert_eq!(epub.files["EPUB/images/cover.png"], tiny_png());
        let title = epub.text("EPUB/text/title.xhtml");
        assert!(
            title.contains("<h1>Shapes &amp; &lt;Figures&gt;</h1>"),
            "{title}"
        );
        assert!(title.contains("The Weekly"), "{title}");
    }
    // One article, with no edition: no title page, the article alone.
    let article = export_epub(&ws, &["shape", "-l", "fr", "--bilingual"], "article.epub");
    assert!(!article.files.contains_key("EPUB/text/title.xhtml"));
    assert_eq!(article.articles().len(), 1);
    names.push("article.epub".to_owned());
    assert_clean(&ws, &names);
}

#[test]
fn the_mimetype_comes_first_stored_and_the_languages_are_named() {
    let ws = sample_copy();
    let epub = export_epub(&ws, &["--edition", "53-2", "-l", "es-419"], "e.epub");
    assert_eq!(epub.entries[0], ("mimetype".to_owned(), true));
    assert_eq!(epub.text("mimetype"), "application/epub+zip");
    // What reading systems check: the first local header names `mimetype`, with no extra
    // field, and its content follows at once.
    assert_eq!(&epub.raw[..4], b"PK\x03\x04");
    assert_eq!(&epub.raw[26..30], &[8, 0, 0, 0]);
    assert_eq!(&epub.raw[30..58], b"mimetypeapplication/epub+zip");
    let opf = epub.text("EPUB/package.opf");
    let doc = xml(&opf).expect("OPF");
    let languages: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("language"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(languages, ["es-419"]);
    for (name, bytes) in &epub.files {
        if Path::new(name).extension().is_none_or(|e| e != "xhtml") {
            continue;
        }
        let text = String::from_utf8(bytes.clone()).expect("UTF-8");
        let doc = xml(&text).expect("well-formed XHTML");
        let root = doc.root_element();
        assert_eq!(root.attribute("lang"), Some("es-419"), "{name}");
        assert_eq!(
            root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some("es-419"),
            "{name}"
        );
    }
    let bilingual = export_epub(
        &ws,
        &["--edition", "53-2", "-l", "es-419", "--bilingual"],
        "b.epub",
    );
    let opf = bilingual.text("EPUB/package.opf");
    assert!(
        opf.contains("<dc:language>es-419</dc:language>\n<dc:language>en</dc:language>"),
        "{opf}"
    );
}

/// The language in force at `node`: its own `xml:lang`, or its nearest ancestor's.
fn lang_of(node: roxmltree::Node<'_, '_>) -> Option<String> {
    node.ancestors().find_map(|n| {
        n.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
            .map(str::to_owned)
    })
}

#[test]
fn the_bilingual_form_marks_each_paragraph_with_its_language() {
    let ws = sample_copy();
    let epub = export_epub(
        &ws,
        &["--edition", "53-2", "-l", "fr", "--bilingual"],
        "b.epub",
    );
    let [article] = epub.articles().try_into().expect("one article");
    let doc = xml(&article).expect("XHTML");
    let rows: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("row"))
        .collect();
    assert!(rows.len() > 5, "{article}");
    for row in rows {
        let blocks: Vec<_> = row
            .descendants()
            .filter(|n| {
                n.is_element() && matches!(n.tag_name().name(), "p" | "h1" | "h2" | "h3" | "li")
            })
            .collect();
        let langs: Vec<Option<String>> = blocks.iter().map(|b| lang_of(*b)).collect();
        assert_eq!(
            langs,
            [Some("en".to_owned()), Some("fr".to_owned())],
            "each row is an English paragraph then its French one: {article}"
        );
        // `lang` and `xml:lang` agree.
        for block in blocks {
            let holder = block
                .ancestors()
                .find(|n| n.attribute("lang").is_some())
                .expect("lang");
            assert_eq!(
                holder.attribute("lang").map(str::to_owned),
                lang_of(block),
                "{article}"
            );
        }
    }
}

#[test]
fn the_table_of_contents_follows_the_edition_order() {
    let ws = Ws::new();
    let order = ["tides", "budget", "festival"];
    for (i, slug) in order.iter().enumerate() {
        ws.write(
            &format!("sources/{slug}.md"),
            format!("# Title {slug}\n\nParagraph {i}.\n"),
        );
        ws.set_all(
            slug,
            "fr",
            &[format!("Titre {slug}"), format!("Paragraphe {i}.")],
        );
    }
    ws.write(
        "bitext.toml",
        "source = \"en\"\ntargets = [\"fr\"]\n\n[[edition]]\nid = \"e\"\narticles = [\"tides\", \"budget\", \"festival\"]\n",
    );
    let epub = export_epub(&ws, &["--edition", "e", "-l", "fr"], "e.epub");
    let nav = epub.text("EPUB/nav.xhtml");
    let doc = xml(&nav).expect("nav");
    let entries: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .map(|a| {
            (
                a.attribute("href").expect("href").to_owned(),
                a.text().expect("title").to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = order
        .iter()
        .enumerate()
        .map(|(i, slug)| (format!("text/a{:04}.xhtml", i + 1), format!("Titre {slug}")))
        .collect();
    assert_eq!(entries, expected);
    // The spine reads the articles in the same order, each document holding its article.
    let articles = epub.articles();
    assert_eq!(articles.len(), 3);
    for (article, slug) in articles.iter().zip(order) {
        assert!(
            article.contains(&format!("<title>Titre {slug}</title>")),
            "{article}"
        );
    }
    // The identifier is derived from the edition: stable, and different per language.
    let again = export_epub(&ws, &["--edition", "e", "-l", "fr"], "again.epub");
    let id = |e: &Epub| {
        let opf = e.text("EPUB/package.opf");
        let start = opf.find("<dc:identifier id=\"pub-id\">").expect("id") + 27;
        opf[start..start + opf[start..].find('<').expect("end")].to_owned()
    };
    assert!(id(&epub).starts_with("urn:uuid:"), "{}", id(&epub));
    assert_eq!(id(&epub), id(&again));
    let bilingual = export_epub(
        &ws,
        &["--edition", "e", "-l", "fr", "--bilingual"],
        "b.epub",
    );
    assert_ne!(id(&epub), id(&bilingual));
}

#[test]
fn no_resource_is_remote() {
    let ws = shaped_edition();
    for (name, args) in [
        ("m.epub", &["--edition", "shapes", "-l", "fr"][..]),
        (
            "b.epub",
            &["--edition", "shapes", "-l", "fr", "--bilingual"][..],
        ),
        ("a.epub", &["shape", "-l", "fr"][..]),
    ] {
        let epub = export_epub(&ws, args, name);
        assert!(epub.files.contains_key("EPUB/images/cover.png") || name == "a.epub");
        for (file, bytes) in &epub.files {
            let Ok(text) = std::str::from_utf8(bytes) else {
                continue;
            };
            assert!(!text.contains("url("), "{file}: {text}");
            let extension = Path::new(file).extension().and_then(|e| e.to_str());
            if !matches!(extension, Some("xhtml" | "opf" | "xml")) {
                continue;
            }
            let doc = xml(text).expect("XML");
            for node in doc.descendants().filter(roxmltree::Node::is_element) {
                let resource = match node.tag_name().name() {
                    // A hyperlink is opened outside the book, not loaded.
                    "a" => None,
                    _ => node.attribute("src").or_else(|| node.attribute("href")),
                };
                if let Some(url) = resource.or_else(|| node.attribute("full-path")) {
                    assert!(
                        !url.contains("://") && !url.starts_with("//"),
                        "{file}: {url} is remote"
                    );
                    let base = Path::new(file).parent().expect("dir");
                    let target = if node.has_tag_name("rootfile") {
                        Path::new(url).to_path_buf()
                    } else {
                        normalize(&base.join(url))
                    };
                    assert!(
                        epub.files.contains_key(target.to_str().expect("utf-8")),
                        "{file}: {url} is not in the package"
                    );
                }
            }
        }
    }
}

/// `a/b/../c` as `a/c`.
fn normalize(path: &Path) -> std::path::PathBuf {
    let mut out = std::path::PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
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
fn an_incomplete_edition_is_refused_as_in_html_in_the_ui_language() {
    let ws = incomplete_edition();
    for ui in ["fr", "es", "en"] {
        let html = ws.run(&["--ui-lang", ui, "export", "--edition", "7-1", "-l", "fr"]);
        let out = ws.path("e.epub");
        let epub = ws.run(&[
            "--ui-lang",
            ui,
            "export",
            "--edition",
            "7-1",
            "-l",
            "fr",
            "--format",
            "epub",
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert_eq!((epub.code, html.code), (1, 1));
        assert_eq!(epub.stderr, html.stderr);
        assert!(!out.exists());
        let refusal = match ui {
            "fr" => "export refusé\u{a0}:",
            "es" => "exportación rechazada",
            _ => "export refused: 2 segments are not translated",
        };
        assert!(epub.stderr.contains(refusal), "{}", epub.stderr);
    }
    // --allow-incomplete exports the source text, marked, as HTML does.
    let epub = export_epub(
        &ws,
        &["--edition", "7-1", "-l", "fr", "--allow-incomplete"],
        "partial.epub",
    );
    let [article] = epub.articles().try_into().expect("one article");
    let doc = xml(&article).expect("XHTML");
    let untranslated: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("untranslated"))
        .collect();
    assert_eq!(untranslated.len(), 2, "{article}");
    assert_eq!(lang_of(untranslated[0]).as_deref(), Some("en"));
    assert!(article.contains("Tide tables are on page 4."), "{article}");
    assert!(article.contains("untranslated-note"), "{article}");
    assert_clean(&ws, &["partial.epub".to_owned()]);
}

#[test]
fn a_cover_must_be_an_image_inside_the_workspace() {
    let ws = Ws::translated();
    for (cover, file) in [("cover.txt", Some("not an image")), ("../cover.png", None)] {
        if let Some(content) = file {
            ws.write(cover, content);
        }
        ws.write(
            "bitext.toml",
            format!(
                "source = \"en\"\ntargets = [\"fr\"]\n\n[[edition]]\nid = \"e\"\ncover = \"{cover}\"\narticles = [\"harbour\"]\n"
            ),
        );
        let run = ws.run(&[
            "export",
            "--edition",
            "e",
            "-l",
            "fr",
            "--format",
            "epub",
            "-o",
            "e.epub",
        ]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "the cover {cover} of edition e is not a JPEG, PNG or GIF file inside the workspace"
            )),
            "{}",
            run.stderr
        );
        assert!(!ws.path("e.epub").exists());
    }
}

#[test]
fn the_serve_dashboard_offers_the_epub_beside_the_html() {
    let ws = sample_copy();
    let s = crate::serve::Served::start(&ws);
    let dashboard = s.get("/").status(200);
    for lang in ["es", "fr"] {
        for format in ["html", "epub"] {
            let link =
                format!("/export?edition=53-2&amp;lang={lang}&amp;bilingual=1&amp;format={format}");
            assert!(
                dashboard.body.contains(&link),
                "{link} in\n{}",
                dashboard.body
            );
        }
    }
    let (status, head, body) = s.get_bytes("/export?edition=53-2&lang=fr&bilingual=1&format=epub");
    assert_eq!(status, 200, "{head}");
    assert!(
        head.contains("Content-Type: application/epub+zip"),
        "{head}"
    );
    assert!(
        head.contains("attachment; filename=\"53-2.en-fr.epub\""),
        "{head}"
    );
    std::fs::write(ws.path("served.epub"), &body).expect("write");
    let served = Epub::read(&ws.path("served.epub"));
    let cli = export_epub(
        &ws,
        &["--edition", "53-2", "-l", "fr", "--bilingual"],
        "cli.epub",
    );
    assert_eq!(served.entries, cli.entries);
    assert_eq!(served.articles(), cli.articles());
    assert_eq!(served.text("EPUB/nav.xhtml"), cli.text("EPUB/nav.xhtml"));
    // The export form offers it too.
    let article = s
        .get("/article/no-to-canadas-interference-in-peru/fr")
        .status(200);
    assert!(
        article
            .body
            .contains("<option value=\"epub\">EPUB</option>"),
        "{}",
        article.body
    );
}
