//! An export document: articles resolved to one language, ready to render as HTML, Markdown or
//! text, with its chrome (masthead, "Translated from ...", footer) in the export language.
//!
//! Translations are taken, segment by segment, from the most specific language that has a
//! current one: `-l es-419` uses `translations/es-419/` where it is current and
//! `translations/es/` otherwise. A segment current in none of them is a [`Gap`].

use crate::error::{Error, Result, disp};
use crate::l10n::{Arg, Localizer};
use crate::model::assess::{State, linked_unit};
use crate::model::lang::Lang;
use crate::model::segment::{SegmentKind, outline};
use crate::model::shape::Frame;
use crate::model::slug::Slug;
use crate::render::inline;
use crate::workspace::config::{Edition, Require};
use crate::workspace::parallel::map_ordered;
use crate::workspace::{TRANSLATIONS_DIR, Workspace};

/// A document to render.
#[derive(Debug)]
pub struct Document {
    /// The export language, as requested (`es-419`).
    pub lang: Lang,
    /// The source language.
    pub source_lang: Lang,
    /// Source and translation side by side, or the translation alone.
    pub bilingual: bool,
    /// The edition line for the masthead, when exporting an edition.
    pub masthead: Option<String>,
    /// The document's title.
    pub title: String,
    /// The articles, in order.
    pub articles: Vec<DocArticle>,
    /// Chrome strings in the export language.
    pub chrome: Chrome,
}

/// Fixed strings of an export, in its language.
#[derive(Debug, Clone)]
pub struct Chrome {
    /// "Translated from English".
    pub translated_from: String,
    /// Title of the table of contents.
    pub contents: String,
    /// Note shown beside a segment exported in the source language.
    pub untranslated_note: String,
    /// Marker before such a segment in Markdown and text.
    pub untranslated_marker: String,
    /// Note on an article from an MDX source, whose JSX components are left out.
    pub mdx_note: String,
}

/// One article of a document.
#[derive(Debug)]
pub struct DocArticle {
    /// The slug, also the HTML anchor.
    pub slug: Slug,
    /// Title in the export language (plain text): the translation of the front matter's
    /// `title`, else of the first heading.
    pub title: String,
    /// The source file, relative to the root.
    pub path: std::path::PathBuf,
    /// The segments of the page's body.
    pub blocks: Vec<Block>,
    /// The front matter's fields read as text (`title`, `description`).
    pub fields: Vec<Block>,
    /// "This article was published in volume 53, number 2 (February 2023).", when an edition
    /// lists the article.
    pub published_in: Option<String>,
    /// True if and only if the source is MDX: its prose is exported, its JSX left out.
    pub from_mdx: bool,
}

/// One segment, with its source text and its translation.
#[derive(Debug)]
pub struct Block {
    /// 1-based position in the article.
    pub n: usize,
    /// 1-based line of the segment in the source file.
    pub line: usize,
    /// Segment id.
    pub id: String,
    /// The block kind, so headings stay headings.
    pub kind: SegmentKind,
    /// The source text (inline Markdown).
    pub source: String,
    /// The translation and the language it comes from; `None` when not translated.
    pub target: Option<(String, Lang)>,
    /// The lists, items, tables, rows, cells and block quotes it sits in, outermost first.
    pub frames: Vec<Frame>,
}

/// A segment with no current translation in the export language or its fallbacks.
#[derive(Debug, Clone)]
pub struct Gap {
    /// The source file.
    pub path: String,
    /// 1-based source line.
    pub line: usize,
    /// 1-based position.
    pub n: usize,
    /// Segment id.
    pub id: String,
    /// Its state in the most specific language that has a translation of it.
    pub state: State,
    /// That language.
    pub lang: String,
    /// Whether the segment is current there but not reviewed, and the edition exports only
    /// reviewed translations (`require = "reviewed"`).
    pub unreviewed: bool,
}

/// The languages an export to `tag` draws from, most specific first: `es-419` gives
/// `[es-419, es]` when both have translations.
///
/// # Errors
/// An invalid tag, or one for which neither it nor a more general tag has translations (the
/// error names the languages that do).
pub fn fallback_chain(ws: &Workspace, tag: &str) -> Result<(Lang, Vec<Lang>)> {
    let requested = Lang::parse(tag)?;
    let exists = |lang: &Lang| {
        ws.config.targets.contains(lang)
            || ws
                .abs(&std::path::Path::new(TRANSLATIONS_DIR).join(lang.as_str()))
                .is_dir()
    };
    let chain: Vec<Lang> = std::iter::successors(Some(requested.clone()), Lang::parent)
        .filter(exists)
        .collect();
    if chain.is_empty() {
        let mut available: Vec<String> = ws.config.targets.iter().map(Lang::to_string).collect();
        if let Ok(entries) = std::fs::read_dir(ws.abs(std::path::Path::new(TRANSLATIONS_DIR))) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if entry.path().is_dir()
                    && Lang::parse(&name).is_ok_and(|l| l.as_str() == name)
                    && !available.contains(&name)
                {
                    available.push(name);
                }
            }
        }
        return Err(Error::NoTranslations {
            tag: requested.to_string(),
            available: available.join(", "),
        });
    }
    Ok((requested, chain))
}

/// The edition line in the language of `l10n`: its title when `bitext.toml` gives one, else
/// what it has of "Volume 53, Number 2 – February 2023", else its id.
#[must_use]
pub fn edition_line(l10n: &Localizer, edition: &Edition) -> String {
    if let Some(title) = &edition.title {
        return title.clone();
    }
    let volume = edition
        .volume
        .map(|v| l10n.message("edition-volume", &[("volume", Arg::from(v as usize))]));
    let number = edition
        .number
        .map(|n| l10n.message("edition-number", &[("number", Arg::from(n as usize))]));
    let issue = match (volume, number) {
        (Some(volume), Some(number)) => l10n.message(
            "edition-volume-number",
            &[("volume", Arg::Str(&volume)), ("number", Arg::Str(&number))],
        ),
        (volume, number) => volume.or(number).unwrap_or_default(),
    };
    let date = edition.date.map(|(year, month)| {
        let month = l10n.message(&format!("month-{month}"), &[]);
        l10n.message(
            "edition-date",
            &[
                ("month", Arg::Str(&month)),
                ("year", Arg::Str(&year.to_string())),
            ],
        )
    });
    match (issue.is_empty(), date) {
        (false, Some(date)) => l10n.message(
            "edition-issue-date",
            &[("issue", Arg::Str(&issue)), ("date", Arg::Str(&date))],
        ),
        (false, None) => issue,
        (true, Some(date)) => date,
        (true, None) => edition.id.clone(),
    }
}

/// The footer sentence in the language of `l10n`: "This article was published in volume 53,
/// number 2 (February 2023)." for an edition with all three, else "This article was
/// published in" its title, quoted, or its edition line.
#[must_use]
pub fn published_in(l10n: &Localizer, edition: &Edition) -> String {
    match (
        edition.title.is_none(),
        edition.volume,
        edition.number,
        edition.date,
    ) {
        (true, Some(volume), Some(number), Some((year, month))) => {
            let month = l10n.message(&format!("month-{month}"), &[]);
            l10n.message(
                "export-published-in",
                &[
                    ("volume", Arg::from(volume as usize)),
                    ("number", Arg::from(number as usize)),
                    ("month", Arg::Str(&month)),
                    ("year", Arg::Str(&year.to_string())),
                ],
            )
        }
        _ => {
            // A title is quoted in the sentence, in the language's marks; an edition line
            // ("Volume 7") is not.
            let edition = edition
                .title
                .as_ref()
                .map_or_else(|| edition_line(l10n, edition), |title| l10n.quote(title));
            l10n.message(
                "export-published-in-edition",
                &[("edition", Arg::Str(&edition))],
            )
        }
    }
}

/// A document without its articles, and the localizer of its language: what a writer needs
/// to put the articles in one by one.
pub struct DocFrame {
    /// The document, with no articles and, unless it is an edition, no title yet.
    pub doc: Document,
    /// Messages in the export language.
    pub l10n: Localizer,
}

/// The frame of a document in `lang`: chrome, masthead for an edition.
#[must_use]
pub fn frame(ws: &Workspace, lang: &Lang, edition: Option<&Edition>, bilingual: bool) -> DocFrame {
    let l10n = Localizer::new(&lang.id());
    let source_lang = ws.config.source.clone();
    let chrome = Chrome {
        translated_from: l10n.message(
            "export-translated-from",
            &[("source", Arg::Str(source_lang.as_str()))],
        ),
        contents: l10n.message("export-contents", &[]),
        untranslated_note: l10n.message("export-untranslated-note", &[]),
        untranslated_marker: l10n.message("export-untranslated-marker", &[]),
        mdx_note: l10n.message("export-mdx-note", &[]),
    };
    let masthead = edition.map(|e| edition_line(&l10n, e));
    DocFrame {
        doc: Document {
            lang: lang.clone(),
            source_lang,
            bilingual,
            title: masthead.clone().unwrap_or_default(),
            masthead,
            articles: Vec::new(),
            chrome,
        },
        l10n,
    }
}

/// Builds the document for `slugs` in `lang` (drawing on `chain`), with the gaps found.
///
/// # Errors
/// Any unreadable or malformed source or translation file.
pub fn build(
    ws: &Workspace,
    slugs: &[Slug],
    lang: &Lang,
    chain: &[Lang],
    edition: Option<&Edition>,
    bilingual: bool,
) -> Result<(Document, Vec<Gap>)> {
    let DocFrame { mut doc, l10n } = frame(ws, lang, edition, bilingual);
    let built = map_ordered(slugs, |slug| build_article(ws, slug, chain, edition, &l10n))?;
    let mut gaps = Vec::new();
    for (article, article_gaps) in built {
        gaps.extend(article_gaps);
        doc.articles.push(article);
    }
    if doc.masthead.is_none()
        && let [one] = doc.articles.as_slice()
    {
        doc.title.clone_from(&one.title);
    }
    Ok((doc, gaps))
}

/// One article of a document in the languages of `chain`, with its gaps.
///
/// # Errors
/// Any unreadable or malformed source or translation file.
pub fn build_article(
    ws: &Workspace,
    slug: &Slug,
    chain: &[Lang],
    edition: Option<&Edition>,
    l10n: &Localizer,
) -> Result<(DocArticle, Vec<Gap>)> {
    let article = ws.load_article(slug)?;
    // The shape comes from a second reading of the same file; should it have changed in
    // between, the export keeps the segments and loses only the shape.
    let mut frames = crate::workspace::files::read_regular(&ws.abs(&article.path), &article.path)
        .ok()
        .flatten()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .map(|text| outline(&text, article.is_mdx()))
        .filter(|frames| frames.len() == article.segments.len())
        .unwrap_or_default()
        .into_iter();
    let mut per_lang = Vec::with_capacity(chain.len());
    for lang in chain {
        let file = ws.load_translation(lang, slug)?;
        let assessment = ws.assess(&article, file.as_ref());
        per_lang.push((lang, file, assessment));
    }
    // An edition that exports only reviewed text takes a translation only where it is.
    let reviewed: Vec<Option<Vec<bool>>> = per_lang
        .iter()
        .map(|(_, file, assessment)| {
            (edition.map(|e| e.require) == Some(Require::Reviewed))
                .then(|| crate::model::review::reviewed(file.as_ref(), assessment))
        })
        .collect();
    let mut gaps = Vec::new();
    let mut blocks = Vec::with_capacity(article.segments.len());
    for (i, segment) in article.segments.iter().enumerate() {
        let mut target = None;
        for ((lang, file, assessment), reviewed) in per_lang.iter().zip(&reviewed) {
            if assessment.states[i] != State::Current || reviewed.as_ref().is_some_and(|r| !r[i]) {
                continue;
            }
            let (units, obsolete) = file.as_ref().map_or((&[][..], &[][..]), |f| {
                (f.units.as_slice(), f.obsolete.as_slice())
            });
            if let Some(unit) = linked_unit(&assessment.links[i], units, obsolete) {
                target = Some((unit.target.clone(), (*lang).clone()));
                break;
            }
        }
        if target.is_none() {
            let (lang, state) = per_lang
                .iter()
                .map(|(lang, _, a)| (*lang, a.states[i]))
                .find(|(_, state)| *state != State::Missing)
                .unwrap_or((&chain[0], State::Missing));
            gaps.push(Gap {
                path: disp(&article.path),
                line: segment.line,
                n: segment.n,
                id: segment.id.clone(),
                state,
                lang: lang.to_string(),
                unreviewed: state == State::Current,
            });
        }
        blocks.push(Block {
            n: segment.n,
            line: segment.line,
            id: segment.id.clone(),
            kind: segment.kind,
            source: segment.text.clone(),
            target,
            frames: frames.next().unwrap_or_default(),
        });
    }
    // The front matter's title, else the first heading; the front matter's fields are not
    // blocks of the page.
    let is_title = |kind: SegmentKind| {
        matches!(kind, SegmentKind::FrontMatter(k)
            if crate::model::frontmatter::key(k).as_deref() == Some("title"))
    };
    let title = blocks
        .iter()
        .find(|b| is_title(b.kind))
        .or_else(|| {
            blocks
                .iter()
                .find(|b| matches!(b.kind, SegmentKind::Heading(_)))
        })
        .map_or_else(
            || slug.to_string(),
            |b| inline::to_plain(b.target.as_ref().map_or(&b.source, |(t, _)| t)),
        );
    let (fields, blocks): (Vec<Block>, Vec<Block>) = blocks
        .into_iter()
        .partition(|b| matches!(b.kind, SegmentKind::FrontMatter(_)));
    let published = edition.or_else(|| ws.config.editions.iter().find(|e| e.lists(slug)));
    let published_in = published.map(|e| published_in(l10n, e));
    Ok((
        DocArticle {
            slug: slug.clone(),
            title,
            path: article.path.clone(),
            blocks,
            fields,
            published_in,
            from_mdx: article.is_mdx(),
        },
        gaps,
    ))
}

/// The translated page of `article`: its source file with every segment's text replaced by
/// its translation (the source's, after `marker` when one is given, where it has none), front
/// matter, code and HTML blocks and everything else as in the source. The page a site builds.
///
/// # Errors
/// An unreadable or non-UTF-8 source file.
pub fn page(ws: &Workspace, article: &DocArticle, marker: Option<&str>) -> Result<String> {
    let bytes = crate::workspace::files::read_existing(&ws.abs(&article.path), &article.path)?;
    let source = crate::error::utf8(&article.path, &bytes)?;
    let mut all: Vec<&Block> = article.fields.iter().chain(&article.blocks).collect();
    all.sort_by_key(|b| b.n);
    let labelled: Vec<Option<String>> = all
        .iter()
        .map(|b| match (&b.target, marker) {
            (None, Some(marker)) => Some(format!("{marker} {}", b.source)),
            _ => None,
        })
        .collect();
    let texts: Vec<crate::model::page::Text<'_>> = all
        .iter()
        .zip(&labelled)
        .map(|(b, label)| match (&b.target, label) {
            (Some((text, _)), _) => crate::model::page::Text::Replace(text),
            (None, Some(label)) => crate::model::page::Text::Replace(label),
            (None, None) => crate::model::page::Text::Source,
        })
        .collect();
    Ok(crate::model::page::render(source, article.from_mdx, &texts))
}
