//! A source article: its slug, where it lives, and its segments.

use std::path::PathBuf;

use crate::error::{Error, Result, line_column};
use crate::model::definitions::Definitions;
use crate::model::segment::{Segment, segment_mdx_with_depth, segment_with_depth};

/// Largest source file bitext reads: far beyond any article, small enough to stay fast.
pub const MAX_SOURCE_BYTES: usize = 32 << 20;
/// Largest paragraph bitext tracks.
pub const MAX_SEGMENT_BYTES: usize = 1 << 20;
/// Deepest block nesting bitext follows (block quotes in lists in block quotes...).
pub const MAX_DEPTH: usize = crate::model::segment::MAX_NESTING;
use crate::model::slug::Slug;

/// A source article, read and segmented.
#[derive(Debug, Clone)]
pub struct Article {
    /// The article's name.
    pub slug: Slug,
    /// The source file, relative to the workspace root (`sources/<slug>.md` or `.mdx`).
    pub path: PathBuf,
    /// The article's segments, in order.
    pub segments: Vec<Segment>,
    /// The source file's link reference definitions, which its segments' reference links
    /// resolve against.
    pub definitions: Definitions,
}

impl Article {
    /// Segments the content of a source file, as MDX when `path` ends in `.mdx` and as
    /// Markdown otherwise. `bytes` must be UTF-8 text of a sensible size.
    ///
    /// # Errors
    /// [`Error::InvalidUtf8`] with the line and column of the first bad byte, a NUL byte, a
    /// file or paragraph over the size limits, or blocks nested too deep.
    pub fn from_bytes(slug: Slug, path: PathBuf, bytes: &[u8]) -> Result<Self> {
        if bytes.len() > MAX_SOURCE_BYTES {
            return Err(Error::TooLarge {
                path,
                line: 1,
                limit: "32 MiB".to_owned(),
            });
        }
        let text = crate::error::utf8(&path, bytes)?;
        if let Some(offset) = text.find('\0') {
            let (line, column) = line_column(text, offset);
            return Err(Error::NulByte { path, line, column });
        }
        let (segments, depth) = if is_mdx(&path) {
            segment_mdx_with_depth(text)
        } else {
            segment_with_depth(text)
        };
        if depth.levels > MAX_DEPTH {
            return Err(Error::TooDeep {
                path,
                line: depth.line,
                limit: MAX_DEPTH,
            });
        }
        if let Some(big) = segments.iter().find(|s| s.text.len() > MAX_SEGMENT_BYTES) {
            return Err(Error::TooLarge {
                path,
                line: big.line,
                limit: "1 MiB".to_owned(),
            });
        }
        Ok(Self {
            definitions: Definitions::of(text),
            slug,
            path,
            segments,
        })
    }

    /// The fewest digits an all-digit spec needs to be read as an id rather than a position.
    pub const MIN_DIGIT_ID: usize = 4;

    /// True if and only if the source is MDX, whose JSX an export leaves out.
    #[must_use]
    pub fn is_mdx(&self) -> bool {
        is_mdx(&self.path)
    }

    /// The article's title, as Markdown source: its front matter's `title`, else its first
    /// heading; none when it has neither.
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        use crate::model::segment::SegmentKind;
        let is_title = |kind: SegmentKind| {
            matches!(kind, SegmentKind::FrontMatter(k)
                if crate::model::frontmatter::key(k).as_deref() == Some("title"))
        };
        self.segments
            .iter()
            .find(|s| is_title(s.kind))
            .or_else(|| {
                self.segments
                    .iter()
                    .find(|s| matches!(s.kind, SegmentKind::Heading(_)))
            })
            .map(|s| s.text.as_str())
    }

    /// Finds a segment by 1-based position or by id (a unique prefix is enough).
    ///
    /// A spec made only of digits is a position when the article has a segment there, and an
    /// id otherwise (about one id in fifty is all digits), provided it has at least
    /// [`Self::MIN_DIGIT_ID`] digits: a mistyped position never lands on a segment whose id happens
    /// to start with that digit. `@` before an id (`@48649198`, `@4`) makes it an id whatever
    /// it looks like.
    ///
    /// # Errors
    /// [`Error::UnknownSegment`] or [`Error::AmbiguousSegment`], naming the source file.
    pub fn find(&self, spec: &str) -> Result<&Segment> {
        let unknown = || Error::UnknownSegment {
            path: self.path.clone(),
            segment: spec.to_owned(),
            count: self.segments.len(),
        };
        let spec = match spec.strip_prefix('@') {
            Some(id) if !id.is_empty() => id,
            Some(_) => return Err(unknown()),
            None => {
                let position = (!spec.is_empty() && spec.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| spec.parse::<usize>().ok())
                    .flatten()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| self.segments.get(i));
                if let Some(segment) = position {
                    return Ok(segment);
                }
                if spec.bytes().all(|b| b.is_ascii_digit()) && spec.len() < Self::MIN_DIGIT_ID {
                    return Err(unknown());
                }
                spec
            }
        };
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

/// True if and only if `path` names an MDX source (`.mdx`); anything else is Markdown.
#[must_use]
pub fn is_mdx(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| e == "mdx")
}
