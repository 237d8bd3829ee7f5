//! A source article: its slug, where it lives, and its segments.

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::segment::{Segment, segment};
use crate::slug::Slug;

/// A source article, read and segmented.
#[derive(Debug, Clone)]
pub struct Article {
    /// The article's name.
    pub slug: Slug,
    /// The source file, relative to the workspace root (`sources/<slug>.md`).
    pub path: PathBuf,
    /// The article's segments, in order.
    pub segments: Vec<Segment>,
}

impl Article {
    /// Segments the content of a source file. `bytes` must be UTF-8.
    ///
    /// # Errors
    /// [`Error::InvalidUtf8`] with the line and column of the first bad byte.
    pub fn from_bytes(slug: Slug, path: PathBuf, bytes: &[u8]) -> Result<Self> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let valid = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8 by definition.
            let prefix = std::str::from_utf8(valid).unwrap_or("");
            let (line, column) = crate::error::line_column(prefix, prefix.len());
            Error::InvalidUtf8 {
                path: path.clone(),
                line,
                column,
            }
        })?;
        Ok(Self {
            slug,
            segments: segment(text),
            path,
        })
    }

    /// Finds a segment by 1-based position or by id (a unique prefix is enough).
    ///
    /// # Errors
    /// [`Error::UnknownSegment`] or [`Error::AmbiguousSegment`], naming the source file.
    pub fn find(&self, spec: &str) -> Result<&Segment> {
        let unknown = || Error::UnknownSegment {
            path: self.path.clone(),
            segment: spec.to_owned(),
            count: self.segments.len(),
        };
        if !spec.is_empty() && spec.bytes().all(|b| b.is_ascii_digit()) {
            let n: usize = spec.parse().map_err(|_| unknown())?;
            return n
                .checked_sub(1)
                .and_then(|i| self.segments.get(i))
                .ok_or_else(unknown);
        }
        if let Some(exact) = self.segments.iter().find(|s| s.id == spec) {
            return Ok(exact);
        }
        let matches: Vec<&Segment> = self
            .segments
            .iter()
            .filter(|s| !spec.is_empty() && s.id.starts_with(spec))
            .collect();
        match matches.as_slice() {
            [] => Err(unknown()),
            [one] => Ok(one),
            many => Err(Error::AmbiguousSegment {
                path: self.path.clone(),
                segment: spec.to_owned(),
                candidates: many
                    .iter()
                    .map(|s| format!("{} ({})", s.id, s.n))
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }
}
