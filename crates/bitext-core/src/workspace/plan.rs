//! The load-modify-write step every command that writes a translation file goes through: an
//! article and its translation file in one language, read once, assessed, and brought in line
//! with the current segmentation (as `sync` does), ready to change and write back atomically.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::model::article::Article;
use crate::model::assess::{Assessment, SyncChanges, synced};
use crate::model::lang::Lang;
use crate::model::pagestore::{self, Fallback, PageState};
use crate::model::slug::Slug;
use crate::model::translation::{TranslationFile, commit, stage};
use crate::workspace::Workspace;
use crate::workspace::config::Untranslated;

/// One translation file as it is and as it would be after a sync.
#[derive(Debug)]
pub struct FilePlan {
    /// The article.
    pub article: Article,
    /// The language.
    pub lang: Lang,
    /// The file, relative to the workspace root.
    pub path: PathBuf,
    /// The SHA-256 of the file's bytes as read, if it exists: enough to tell whether writing
    /// would change them, without holding a large file's bytes next to its units. With
    /// translations kept as pages, of the record's and the page's bytes.
    pub before: Option<[u8; 32]>,
    /// The page as read, when translations are kept as pages.
    pub page: Option<PageState>,
    /// The assessment of the file as it is.
    pub assessment: Assessment,
    /// The synchronised file.
    pub file: TranslationFile,
    /// What the sync changes.
    pub changes: SyncChanges,
}

impl FilePlan {
    /// Reads an article and its translation in `lang` and computes the synchronised file.
    ///
    /// # Errors
    /// Any unreadable or malformed source or translation file.
    pub fn new(ws: &Workspace, slug: &Slug, lang: &Lang, purge: bool) -> Result<Self> {
        let article = ws.load_article(slug)?;
        Self::for_article(ws, article, lang, purge)
    }

    /// As [`FilePlan::new`] for an article already read.
    ///
    /// # Errors
    /// An unreadable or malformed translation file.
    pub fn for_article(ws: &Workspace, article: Article, lang: &Lang, purge: bool) -> Result<Self> {
        let path = ws.translation_path(lang, &article.slug);
        let (before, existing, page) = match ws.read_stored(lang, &article.slug)? {
            Some(stored) => (Some(digest(&stored.bytes)), Some(stored.file), stored.page),
            None => (None, None, None),
        };
        let assessment = ws.assess(&article, existing.as_ref());
        let (file, changes) = synced(&article, lang.as_str(), existing, &assessment, purge);
        Ok(Self {
            article,
            lang: lang.clone(),
            path,
            before,
            page,
            assessment,
            file,
            changes,
        })
    }

    /// Returns true if and only if writing the file would change its bytes on disk.
    ///
    /// # Errors
    /// With translations kept as pages, an unreadable source (the page is made from it).
    pub fn is_change(&self, ws: &Workspace) -> Result<bool> {
        let outputs = self.outputs(ws)?;
        Ok(self.before != Some(self.digest_of(ws, &outputs)))
    }

    /// The digest [`FilePlan::before`] would hold if `outputs` were on disk: the translation
    /// file's, or the record's, a NUL and the page's (none when there is no page).
    #[must_use]
    pub fn digest_of(&self, ws: &Workspace, outputs: &[(PathBuf, String)]) -> [u8; 32] {
        let mut all = Vec::new();
        for (k, (_, text)) in outputs.iter().enumerate() {
            if k > 0 {
                all.push(0);
            }
            all.extend_from_slice(text.as_bytes());
        }
        if ws.config.layout.pages.is_some() && outputs.len() == 1 {
            all.push(0);
        }
        digest(&all)
    }

    /// The files writing the plan writes, root-relative, with their content: the translation
    /// file, or the record and the page.
    ///
    /// # Errors
    /// With translations kept as pages, an unreadable source (the page is made from it).
    pub fn outputs(&self, ws: &Workspace) -> Result<Vec<(PathBuf, String)>> {
        let json = self.file.to_json();
        let Some(page_path) = ws.page_path(&self.lang, &self.article.slug)? else {
            return Ok(vec![(self.path.clone(), json)]);
        };
        let source = crate::workspace::files::read_existing(
            &ws.abs(&self.article.path),
            &self.article.path,
        )?;
        let source = crate::error::utf8(&self.article.path, &source)?;
        let fallback = match ws.config.layout.pages.as_ref().map(|p| p.untranslated) {
            Some(Untranslated::Omit) => Fallback::Omit,
            _ => Fallback::Source,
        };
        // No page and nothing translated: none is made, the site shows its own fallback.
        let no_page = self.page.as_ref().is_none_or(|p| p.text.is_empty());
        if no_page
            && !self
                .file
                .units
                .iter()
                .any(crate::model::translation::Unit::has_target)
        {
            return Ok(vec![(self.path.clone(), json)]);
        }
        let page = pagestore::write(
            &self.article,
            source,
            &self.file,
            self.page
                .as_ref()
                .map(|page| (page, self.assessment.links.as_slice())),
            fallback,
        );
        Ok(vec![(self.path.clone(), json), (page_path, page)])
    }

    /// Writes the file (the record and the page) atomically, each only if its bytes change.
    ///
    /// # Errors
    /// Any I/O failure, naming the file.
    pub fn write(&self, ws: &Workspace) -> Result<()> {
        let outputs = self.outputs(ws)?;
        let mut staged = Vec::with_capacity(outputs.len());
        for (path, text) in &outputs {
            let abs = ws.abs(path);
            if crate::workspace::files::holds(&abs, text.as_bytes()) {
                continue;
            }
            ws.check_inside(path)?;
            let temp = stage(&abs, |out| {
                out.write_all(text.as_bytes())
                    .map_err(|source| crate::error::Error::Write {
                        path: path.clone(),
                        source,
                    })
            })?;
            staged.push((temp, abs));
        }
        for (temp, abs) in staged {
            commit(temp, &abs)?;
        }
        Ok(())
    }
}

/// The SHA-256 of `bytes`, as [`FilePlan::before`] holds it.
#[must_use]
pub fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}
