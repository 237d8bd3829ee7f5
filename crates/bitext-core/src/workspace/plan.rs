//! The load-modify-write step every command that writes a translation file goes through: an
//! article and its translation file in one language, read once, assessed, and brought in line
//! with the current segmentation (as `sync` does), ready to change and write back atomically.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::model::article::Article;
use crate::model::assess::{Assessment, SyncChanges, synced};
use crate::model::lang::Lang;
use crate::model::slug::Slug;
use crate::model::translation::{TranslationFile, write_atomic};
use crate::workspace::Workspace;

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
    /// would change them, without holding a large file's bytes next to its units.
    pub before: Option<[u8; 32]>,
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
        let (before, existing) = ws
            .read_translation(lang, &article.slug)?
            .map(|(bytes, file)| (digest(&bytes), file))
            .unzip();
        let assessment = ws.assess(&article, existing.as_ref());
        let (file, changes) = synced(&article, lang.as_str(), existing, &assessment, purge);
        Ok(Self {
            article,
            lang: lang.clone(),
            path,
            before,
            assessment,
            file,
            changes,
        })
    }

    /// Returns true if and only if writing the file would change its bytes on disk.
    #[must_use]
    pub fn is_change(&self) -> bool {
        self.before != Some(digest(self.file.to_json().as_bytes()))
    }

    /// Writes the file atomically.
    ///
    /// # Errors
    /// Any I/O failure, naming the file.
    pub fn write(&self, ws: &Workspace) -> Result<()> {
        write_atomic(&ws.abs(&self.path), &self.file.to_json())
    }
}

/// The SHA-256 of `bytes`, as [`FilePlan::before`] holds it.
#[must_use]
pub fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}
