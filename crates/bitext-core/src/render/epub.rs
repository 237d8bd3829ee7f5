//! EPUB 3 rendering of export documents: one package per edition or article, written article
//! by article into a ZIP container.
//!
//! The package holds, under `EPUB/`: an optional cover page, the masthead as title page (for an
//! edition), the navigation document (the table of contents, in the edition's order), one XHTML
//! document per article and one stylesheet; nothing is fetched from elsewhere. Article bodies
//! are the HTML export's ([`html::article`]), made XHTML by [`xhtml`]: `xml:lang` beside every
//! `lang`, images (which the package does not carry) as their text, links to pages outside the
//! package unless they are absolute web or mail addresses as plain text.
//!
//! The package documents (OPF, navigation document, `container.xml`) are written here: they
//! are a few dozen lines of XML of a fixed shape, and the EPUB crates of the ecosystem either
//! build the whole book in memory or bring a templating engine along.

use std::fmt::Write as _;
use std::io::{Seek, Write};

use sha2::{Digest as _, Sha256};
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use crate::error::{Error, Result};
use crate::exchange::xml::escape;
use crate::l10n::{Arg, Localizer};
use crate::render::document::{DocArticle, Document};
use crate::render::html;
use crate::workspace::Workspace;
use crate::workspace::config::Edition;

/// The package's stylesheet: a reading layout that leaves fonts and sizes to the reader; in a
/// bilingual document each source paragraph is followed by its translation.
const STYLE: &str = "\
body{line-height:1.45}\n\
.masthead{text-align:center;margin-top:20%}\n\
.masthead h1{font-size:1.6em;font-variant:small-caps;letter-spacing:.05em}\n\
.publisher{font-style:italic}\n\
.translated-from,.mdx-note{font-style:italic;color:#555;font-size:.9em}\n\
blockquote{margin:1em 0 1em 1em;padding-left:.8em;border-left:3px solid #ccc}\n\
table{border-collapse:collapse;margin:1em 0}\n\
th,td{border:1px solid #bbb;padding:.2em .4em;vertical-align:top}\n\
.al-l{text-align:left}\n.al-c{text-align:center}\n.al-r{text-align:right}\n\
th.side-start,td.side-start{border-left:3px double #1a1a1a}\n\
.row{margin:.8em 0;page-break-inside:avoid}\n\
.row .cell p,.row .cell h1,.row .cell h2,.row .cell h3,.row .cell h4,.row .cell h5,.row .cell h6{margin:.2em 0}\n\
.row .source{color:#555;font-size:.9em}\n\
.row .target{border-left:3px solid #ccc;padding-left:.6em}\n\
ul.item{margin:.2em 0;padding-left:1.2em}\n\
.pair .side{margin:.6em 0}\n\
.pair .source{color:#555;font-size:.9em}\n\
.untranslated{background-color:#fff4d6}\n\
.untranslated-note{font-style:italic;font-size:.8em;color:#7a5b00}\n\
.published-in{border-top:1px solid #ccc;margin-top:2em;font-size:.9em;color:#555}\n\
.cover{text-align:center;margin:0;padding:0}\n\
.cover img{max-width:100%;max-height:100%}\n";

const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n\
<rootfiles>\n\
<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n\
</rootfiles>\n\
</container>\n";

/// A cover image read from the workspace.
#[derive(Debug, Clone)]
pub struct Cover {
    /// The image's bytes.
    pub bytes: Vec<u8>,
    /// Its media type.
    pub media_type: &'static str,
    /// The file extension that goes with it.
    pub extension: &'static str,
}

/// What the package says about itself, beyond the document's title and languages.
#[derive(Debug, Clone)]
pub struct Metadata {
    /// The unique identifier: the edition's, or one derived from what is exported.
    pub identifier: String,
    /// The publisher, when the edition names one.
    pub publisher: Option<String>,
    /// The edition's date, `YYYY-MM`.
    pub date: Option<String>,
    /// The volume the edition belongs to, worded in the export language, with its number in it.
    pub collection: Option<(String, Option<u32>)>,
    /// When the package was made, `YYYY-MM-DDThh:mm:ssZ`.
    pub modified: String,
    /// The cover image.
    pub cover: Option<Cover>,
}

/// The metadata of the package of `doc`, named `name` (the edition's id or the article's
/// slug), for `edition` when it is one: its identifier, publisher, date, volume and cover.
///
/// # Errors
/// A cover that is not a JPEG, PNG or GIF file inside the workspace, or cannot be read.
pub fn metadata(
    ws: &Workspace,
    doc: &Document,
    edition: Option<&Edition>,
    l10n: &Localizer,
    name: &str,
) -> Result<Metadata> {
    let identifier = edition
        .and_then(|e| e.identifier.clone())
        .unwrap_or_else(|| derived_identifier(doc, name, edition.is_some()));
    let cover = match edition.and_then(|e| e.cover.as_ref().map(|c| (e, c))) {
        Some((edition, path)) => Some(read_cover(ws, edition, path)?),
        None => None,
    };
    let collection = edition.and_then(|e| {
        e.volume.map(|volume| {
            (
                l10n.message("edition-volume", &[("volume", Arg::from(volume as usize))]),
                e.number,
            )
        })
    });
    Ok(Metadata {
        identifier,
        publisher: edition.and_then(|e| e.publisher.clone()),
        date: edition.and_then(|e| e.date.map(|(y, m)| format!("{y:04}-{m:02}"))),
        collection,
        modified: modified(),
        cover,
    })
}

/// A stable `urn:uuid:` for what is exported: the same edition or article, language and form
/// always get the same one, different ones different ones.
fn derived_identifier(doc: &Document, name: &str, is_edition: bool) -> String {
    let form = if doc.bilingual {
        format!("{}-{}", doc.source_lang, doc.lang)
    } else {
        doc.lang.to_string()
    };
    let kind = if is_edition { "edition" } else { "article" };
    let digest = Sha256::digest(format!("bitext epub\n{kind}\n{name}\n{form}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    // A name-based UUID (version 5 layout, RFC 9562 variant).
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = bytes.iter().fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    });
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// The current time, from `SOURCE_DATE_EPOCH` when set (for reproducible exports) or the clock.
fn modified() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    let (year, month, day) = crate::exchange::po::civil_from_days(seconds.div_euclid(86_400));
    let secs = seconds.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Reads the cover `path` of `edition`: a JPEG, PNG or GIF file under the workspace's root.
fn read_cover(ws: &Workspace, edition: &Edition, path: &str) -> Result<Cover> {
    let rel = std::path::Path::new(path);
    let bad = || Error::EpubCover {
        edition: edition.id.clone(),
        path: rel.to_owned(),
    };
    if !rel
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
    {
        return Err(bad());
    }
    let bytes = crate::workspace::files::read_existing(&ws.abs(rel), rel)?;
    let (media_type, extension) = if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        ("image/jpeg", "jpg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        ("image/png", "png")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        ("image/gif", "gif")
    } else {
        return Err(bad());
    };
    Ok(Cover {
        bytes,
        media_type,
        extension,
    })
}

/// An XHTML document of the package, around `body`.
fn page(lang: &str, title: &str, body_class: &str, body: &str) -> String {
    let lang = escape(lang);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" \
         lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"{}style.css\"/>\n\
         </head>\n<body class=\"{body_class}\">\n{body}</body>\n</html>\n",
        escape(title),
        if body_class == "nav" {
            "css/"
        } else {
            "../css/"
        }
    )
}

/// Makes the HTML export's rendering of an article body XHTML for the package: `xml:lang`
/// beside every `lang`, no inline styles, images as their text, and links that would point
/// outside the package (relative ones, fragments of the HTML file) as plain text; characters
/// XML does not allow dropped. Text between tags is left as it is: the HTML export escapes it.
#[must_use]
pub fn xhtml(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_text(&mut out, &rest[..open]);
        let after = &rest[open..];
        // Attribute values are escaped (`>` as `&gt;`), so a tag ends at the first `>`.
        let Some(close) = after.find('>') else {
            push_text(&mut out, after);
            return out;
        };
        push_tag(&mut out, &after[..=close]);
        rest = &after[close + 1..];
    }
    push_text(&mut out, rest);
    out
}

fn push_text(out: &mut String, text: &str) {
    out.extend(
        text.chars()
            .filter(|&c| c >= ' ' || matches!(c, '\n' | '\t' | '\r')),
    );
}

/// One tag of the HTML export, as XHTML for the package.
fn push_tag(out: &mut String, tag: &str) {
    if tag.starts_with("<img ") {
        // The image's text stands in for it: the package carries no images of the articles.
        if let Some(alt) = attribute(tag, "alt").filter(|a| !a.is_empty()) {
            let _ = write!(out, "<span class=\"image\">{alt}</span>");
        }
        return;
    }
    if tag.starts_with("<a ") {
        match attribute(tag, "href") {
            Some(href) if is_outside_link(href) => {
                let _ = write!(out, "<a href=\"{href}\">");
            }
            _ => out.push_str("<a>"),
        }
        return;
    }
    if tag.starts_with("<article ") {
        // The article is a document of its own; its id (a slug, which may hold `/`) is not
        // needed there.
        out.push_str("<article");
        if let Some(class) = attribute(tag, "class") {
            let _ = write!(out, " class=\"{class}\"");
        }
        out.push('>');
        return;
    }
    let mut unstyled = String::with_capacity(tag.len());
    let mut rest = tag;
    while let Some(at) = rest.find(" style=\"") {
        unstyled.push_str(&rest[..at]);
        let value = &rest[at + 8..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
    unstyled.push_str(rest);
    match attribute(&unstyled, "lang") {
        Some(lang) => {
            let end = unstyled
                .find(" lang=\"")
                .map_or(0, |at| at + 7 + lang.len() + 1);
            out.push_str(&unstyled[..end]);
            let _ = write!(out, " xml:lang=\"{lang}\"");
            out.push_str(&unstyled[end..]);
        }
        None => out.push_str(&unstyled),
    }
}

/// The value of `name` in `tag`, as written (escaped).
pub(crate) fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Whether a link goes to a web page or a mail address: a reading system opens those outside
/// the book. Anything else would name a file the package does not have.
fn is_outside_link(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"))
        && !lower.contains(' ')
}

/// An EPUB package being written: [`Package::start`], then [`Package::article`] for each
/// article in order, then [`Package::finish`].
pub struct Package<W: Write + Seek> {
    zip: ZipWriter<W>,
    meta: Metadata,
    /// The articles written so far: file name and title.
    chapters: Vec<(String, String)>,
    title_page: bool,
}

fn deflated() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)
}

impl<W: Write + Seek> Package<W> {
    /// Starts the package of `doc` in `out`: the `mimetype` entry first and stored, as EPUB
    /// requires, the container, stylesheet, cover and title page.
    ///
    /// # Errors
    /// A failed write.
    pub fn start(out: W, doc: &Document, meta: Metadata) -> std::io::Result<Self> {
        let mut zip = ZipWriter::new(out);
        let stored =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored)?;
        zip.write_all(b"application/epub+zip")?;
        zip.start_file("META-INF/container.xml", deflated())?;
        zip.write_all(CONTAINER.as_bytes())?;
        zip.start_file("EPUB/css/style.css", deflated())?;
        zip.write_all(STYLE.as_bytes())?;
        let lang = doc.lang.as_str();
        if let Some(cover) = &meta.cover {
            zip.start_file(
                format!("EPUB/images/cover.{}", cover.extension),
                SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
            )?;
            zip.write_all(&cover.bytes)?;
            let body = format!(
                "<section class=\"cover\" epub:type=\"cover\">\n<img src=\"../images/cover.{}\" alt=\"{}\"/>\n</section>\n",
                cover.extension,
                escape(&doc.title)
            );
            zip.start_file("EPUB/text/cover.xhtml", deflated())?;
            zip.write_all(page(lang, &doc.title, "cover", &body).as_bytes())?;
        }
        let title_page = doc.masthead.is_some();
        if let Some(masthead) = &doc.masthead {
            let mut body = format!(
                "<section class=\"masthead\" epub:type=\"titlepage\">\n<h1>{}</h1>\n",
                escape(masthead)
            );
            if let Some(publisher) = &meta.publisher {
                let _ = writeln!(body, "<p class=\"publisher\">{}</p>", escape(publisher));
            }
            let _ = writeln!(
                body,
                "<p class=\"translated-from\">{}</p>\n</section>",
                escape(&doc.chrome.translated_from)
            );
            zip.start_file("EPUB/text/title.xhtml", deflated())?;
            zip.write_all(page(lang, &doc.title, "title", &body).as_bytes())?;
        }
        Ok(Self {
            zip,
            meta,
            chapters: Vec::new(),
            title_page,
        })
    }

    /// Adds `article`, rendered as the HTML export renders it, as the next document.
    ///
    /// # Errors
    /// A failed write.
    pub fn article(&mut self, doc: &Document, article: &DocArticle) -> std::io::Result<()> {
        let name = format!("a{:04}.xhtml", self.chapters.len() + 1);
        let class = if doc.bilingual {
            "bilingual"
        } else {
            "monolingual"
        };
        let body = xhtml(&html::article(doc, article));
        self.zip
            .start_file(format!("EPUB/text/{name}"), deflated())?;
        self.zip
            .write_all(page(doc.lang.as_str(), &article.title, class, &body).as_bytes())?;
        self.chapters.push((name, article.title.clone()));
        Ok(())
    }

    /// Writes the navigation document and the package document, and closes the container.
    ///
    /// # Errors
    /// A failed write.
    pub fn finish(mut self, doc: &Document) -> std::io::Result<W> {
        let lang = doc.lang.as_str();
        let mut nav = format!(
            "<nav epub:type=\"toc\" id=\"toc\">\n<h1>{}</h1>\n<ol>\n",
            escape(&doc.chrome.contents)
        );
        for (file, title) in &self.chapters {
            let _ = writeln!(
                nav,
                "<li><a href=\"text/{file}\">{}</a></li>",
                escape(title)
            );
        }
        nav.push_str("</ol>\n</nav>\n");
        self.zip.start_file("EPUB/nav.xhtml", deflated())?;
        self.zip
            .write_all(page(lang, &doc.chrome.contents, "nav", &nav).as_bytes())?;
        self.zip.start_file("EPUB/package.opf", deflated())?;
        let opf = self.package_document(doc);
        self.zip.write_all(opf.as_bytes())?;
        Ok(self.zip.finish()?)
    }

    /// The OPF: metadata, manifest and spine.
    fn package_document(&self, doc: &Document) -> String {
        let meta = &self.meta;
        let lang = escape(doc.lang.as_str());
        let mut opf = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" \
             unique-identifier=\"pub-id\" xml:lang=\"{lang}\">\n\
             <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
             <dc:identifier id=\"pub-id\">{}</dc:identifier>\n\
             <dc:title>{}</dc:title>\n<dc:language>{lang}</dc:language>\n",
            escape(&meta.identifier),
            escape(&doc.title),
        );
        if doc.bilingual {
            let _ = writeln!(
                opf,
                "<dc:language>{}</dc:language>",
                escape(doc.source_lang.as_str())
            );
        }
        if let Some(publisher) = &meta.publisher {
            let _ = writeln!(opf, "<dc:publisher>{}</dc:publisher>", escape(publisher));
        }
        if let Some(date) = &meta.date {
            let _ = writeln!(opf, "<dc:date>{date}</dc:date>");
        }
        if let Some((volume, number)) = &meta.collection {
            let _ = writeln!(
                opf,
                "<meta property=\"belongs-to-collection\" id=\"volume\">{}</meta>\n\
                 <meta refines=\"#volume\" property=\"collection-type\">series</meta>",
                escape(volume)
            );
            if let Some(number) = number {
                let _ = writeln!(
                    opf,
                    "<meta refines=\"#volume\" property=\"group-position\">{number}</meta>"
                );
            }
        }
        let _ = writeln!(
            opf,
            "<meta property=\"dcterms:modified\">{}</meta>",
            meta.modified
        );
        if meta.cover.is_some() {
            opf.push_str("<meta name=\"cover\" content=\"cover-image\"/>\n");
        }
        opf.push_str(
            "</metadata>\n<manifest>\n\
             <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n\
             <item id=\"style\" href=\"css/style.css\" media-type=\"text/css\"/>\n",
        );
        let mut spine = String::new();
        if let Some(cover) = &meta.cover {
            let _ = writeln!(
                opf,
                "<item id=\"cover-image\" href=\"images/cover.{}\" media-type=\"{}\" properties=\"cover-image\"/>\n\
                 <item id=\"cover\" href=\"text/cover.xhtml\" media-type=\"application/xhtml+xml\"/>",
                cover.extension, cover.media_type
            );
            spine.push_str("<itemref idref=\"cover\"/>\n");
        }
        if self.title_page {
            opf.push_str(
                "<item id=\"title\" href=\"text/title.xhtml\" media-type=\"application/xhtml+xml\"/>\n",
            );
            spine.push_str("<itemref idref=\"title\"/>\n<itemref idref=\"nav\"/>\n");
        }
        for (i, (file, _)) in self.chapters.iter().enumerate() {
            let _ = writeln!(
                opf,
                "<item id=\"a{}\" href=\"text/{file}\" media-type=\"application/xhtml+xml\"/>",
                i + 1
            );
            let _ = writeln!(spine, "<itemref idref=\"a{}\"/>", i + 1);
        }
        let _ = write!(opf, "</manifest>\n<spine>\n{spine}</spine>\n</package>\n");
        opf
    }
}
