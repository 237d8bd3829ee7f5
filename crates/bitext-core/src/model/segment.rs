//! Splitting a Markdown article into translatable segments (invariants 1, 2 and 5).
//!
//! A segment is a heading, paragraph, list item, block-quote paragraph or table cell. Its text
//! is the block's inline Markdown source, normalised so that rewrapping, CRLF, trailing white
//! space and NFD never change it, while any real edit always does. Code blocks, HTML blocks,
//! thematic breaks and front matter are structure, not text.
//!
//! Longer than 600 lines with its tests: what a segment's text is (every block kind, its
//! container prefixes, its normalisation) is one rule, kept in one file so that invariants
//! 1, 2 and 5 are checked in one place; the tests are a quarter of it.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::shape::{Frame, Recorder};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// What kind of block a segment came from; exports use it to keep headings headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// An ATX or setext heading of the given level (1-6).
    Heading(u8),
    /// A paragraph, including one inside a block quote or a loose list item.
    Paragraph,
    /// The text of a tight list item.
    ListItem,
    /// One cell of a table.
    TableCell,
    /// A field of the front matter read as text (`title`, `description`), by the position of
    /// its key in [`crate::model::frontmatter::keys`].
    FrontMatter(u8),
}

/// One translatable unit of a source article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// 1-based position in the article.
    pub n: usize,
    /// Short stable hash of the text, with `-2`, `-3`, ... for repeated identical text.
    pub id: String,
    /// The block the text came from.
    pub kind: SegmentKind,
    /// 1-based line of the segment's first character in the source file.
    pub line: usize,
    /// Normalised Markdown source of the segment.
    pub text: String,
}

/// Normalises a whole source file before parsing: a leading BOM dropped, line endings unified
/// to `\n`, and Unicode NFC. Line numbers are unchanged by all three.
#[must_use]
pub fn normalise_file(raw: &str) -> String {
    let without_bom = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let unified = if without_bom.contains('\r') {
        without_bom.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        without_bom.to_owned()
    };
    // Most text is already NFC; the quick check avoids rebuilding it.
    if unicode_normalization::is_nfc_quick(unified.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        return unified;
    }
    unified.nfc().collect()
}

/// The marker stored in a segment's text for a Markdown hard line break.
pub const HARD_BREAK: &str = "\\\n";

/// Normalises one piece of text the way segment text is normalised: NFC, line endings
/// unified, each line trimmed, line breaks folded to one space except hard breaks (a line
/// ending in a backslash) kept as [`HARD_BREAK`], surrounding white space trimmed.
///
/// Returns `None` when the text contains a blank line, which would make it two paragraphs.
#[must_use]
pub fn normalise_paragraph(raw: &str) -> Option<String> {
    let unified = normalise_file(raw);
    let trimmed = unified.trim_matches(|c: char| c.is_whitespace() && c != '\u{a0}');
    let mut out = String::with_capacity(trimmed.len());
    if trimmed.is_empty() {
        return Some(out);
    }
    for (i, line) in trimmed.split('\n').enumerate() {
        let content = trim_ws(line);
        let hard = content.ends_with('\\');
        if content.is_empty() {
            return None;
        }
        if i > 0 && !out.ends_with('\n') {
            out.push(' ');
        }
        if hard {
            out.push_str(trim_ws(content.strip_suffix('\\').unwrap_or(content)));
            out.push_str(HARD_BREAK);
        } else {
            out.push_str(content);
        }
    }
    while out.ends_with(HARD_BREAK) {
        out.truncate(out.len() - HARD_BREAK.len());
    }
    Some(out)
}

/// Trims ASCII and Unicode white space but keeps non-breaking spaces, which are content.
fn trim_ws(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}')
}

/// The first 8 hex digits of the SHA-256 of the text's UTF-8 bytes.
///
/// Stable across runs, versions and platforms, so other tools can recompute it.
#[must_use]
pub fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    crate::model::hex(&digest[..4])
}

/// How many levels of lists and block quotes bitext follows: one number, as a writer counts
/// them (a list inside a list item is one level more, a quote inside a quote too; a list's
/// items, paragraphs and tables add none).
pub const MAX_NESTING: usize = 64;

/// How deeply an article's lists and block quotes nest: the deepest level, and the 1-based
/// line where the nesting first goes past [`MAX_NESTING`] (where the deepest level starts,
/// when it never does).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Depth {
    /// Number of nested lists and block quotes at the deepest point.
    pub levels: usize,
    /// The line where the limit is crossed, else where the deepest point starts.
    pub line: usize,
}

/// Splits a source file's content into segments. Never fails: any UTF-8 text is Markdown.
#[must_use]
pub fn segment(raw: &str) -> Vec<Segment> {
    segment_with_depth(raw).0
}

/// As [`segment`], also measuring how deeply the blocks nest.
#[must_use]
pub fn segment_with_depth(raw: &str) -> (Vec<Segment>, Depth) {
    let (segments, depth, _, _) = split(&normalise_file(raw), &[], None);
    (segments, depth)
}

/// Splits an MDX source's content into segments: its Markdown prose, inside JSX elements
/// too, with ESM, expressions and JSX as structure (see [`crate::model::mdx`]).
#[must_use]
pub fn segment_mdx(raw: &str) -> Vec<Segment> {
    segment_mdx_with_depth(raw).0
}

/// As [`segment_mdx`], also measuring how deeply the blocks nest.
#[must_use]
pub fn segment_mdx_with_depth(raw: &str) -> (Vec<Segment>, Depth) {
    let prepared = crate::model::mdx::prepare(&normalise_file(raw));
    let (segments, depth, _, _) = split(&prepared.text, &prepared.breaks, None);
    (segments, depth)
}

/// The containers (lists, items, tables, rows, cells, block quotes) each segment of `raw`
/// sits in, outermost first: one entry per segment of [`segment`] (of [`segment_mdx`] when
/// `mdx`), in the same order.
#[must_use]
pub fn outline(raw: &str, mdx: bool) -> Vec<Vec<Frame>> {
    let src = normalise_file(raw);
    if mdx {
        let prepared = crate::model::mdx::prepare(&src);
        split(&prepared.text, &prepared.breaks, Some(Recorder::default())).2
    } else {
        split(&src, &[], Some(Recorder::default())).2
    }
}

/// The file's text normalised as for segmenting (see [`normalise_file`]), and the byte range
/// of each segment's inline source in it: one range per segment of [`segment`] (of
/// [`segment_mdx`] when `mdx`), in order. An MDX segment whose source cannot be told apart
/// from the structure removed around it has no range.
#[must_use]
pub fn spans(raw: &str, mdx: bool) -> (String, Vec<Option<Range<usize>>>) {
    let src = normalise_file(raw);
    if !mdx {
        let (_, _, _, spans) = split(&src, &[], None);
        return (src, spans.into_iter().map(Some).collect());
    }
    let prepared = crate::model::mdx::prepare(&src);
    let (_, _, _, spans) = split(&prepared.text, &prepared.breaks, None);
    // The prepared text has the source's lines, each possibly shortened at its start
    // (dedented, a tag removed): map an offset through the line it falls on.
    let starts = |text: &str| -> Vec<usize> {
        std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect()
    };
    let (src_starts, prep_starts) = (starts(&src), starts(&prepared.text));
    let line = |text: &str, starts: &[usize], l: usize| -> Option<(usize, usize)> {
        let start = *starts.get(l)?;
        let end = starts.get(l + 1).map_or(text.len(), |next| next - 1);
        Some((start, end))
    };
    let map = |offset: usize| -> Option<usize> {
        let l = prep_starts
            .partition_point(|&s| s <= offset)
            .checked_sub(1)?;
        let (ps, pe) = line(&prepared.text, &prep_starts, l)?;
        let (ss, se) = line(&src, &src_starts, l)?;
        let (prep_line, src_line) = (prepared.text.get(ps..pe)?, src.get(ss..se)?);
        let shift = src_line.len().checked_sub(prep_line.len())?;
        src_line
            .ends_with(prep_line)
            .then_some(ss + shift + (offset - ps))
    };
    let ranges = spans
        .into_iter()
        .map(|r| Some(map(r.start)?..map(r.end)?))
        .collect();
    (src, ranges)
}

type Split = (Vec<Segment>, Depth, Vec<Vec<Frame>>, Vec<Range<usize>>);

/// Segments normalised Markdown, parsing each run between `breaks` (ascending line-start
/// offsets) as a document of its own, and recording each segment's containers when asked.
fn split(src: &str, breaks: &[usize], recorder: Option<Recorder>) -> Split {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(src.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset);

    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    options.insert(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);

    let mut builder = Builder {
        recorder,
        ..Builder::default()
    };
    let bounds: Vec<usize> = std::iter::once(0)
        .chain(breaks.iter().copied())
        .chain(std::iter::once(src.len()))
        .collect();
    for run in bounds.windows(2) {
        let (from, to) = (run[0], run[1].max(run[0]));
        for (event, range) in Parser::new_ext(&src[from..to], options).into_offset_iter() {
            builder.event(src, &event, range.start + from..range.end + from);
        }
        builder.flush(src);
    }

    let depth = Depth {
        levels: builder.deepest.0,
        line: line_of(builder.crossed.unwrap_or(builder.deepest.1)),
    };
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut frames = Vec::new();
    let mut spans = Vec::new();
    let segments = builder
        .raw
        .into_iter()
        .filter(|raw| !raw.text.is_empty())
        .inspect(|raw| {
            if let Some(f) = &raw.frames {
                frames.push(f.clone());
            }
            spans.push(raw.start..raw.end);
        })
        .enumerate()
        .map(|(i, raw)| {
            let hash = text_hash(&raw.text);
            let count = seen.entry(hash.clone()).or_insert(0);
            *count += 1;
            let id = if *count == 1 {
                hash
            } else {
                format!("{hash}-{count}")
            };
            Segment {
                n: i + 1,
                id,
                kind: raw.kind,
                line: line_of(raw.start),
                text: raw.text,
            }
        })
        .collect();
    (segments, depth, frames, spans)
}

struct RawSegment {
    kind: SegmentKind,
    start: usize,
    /// Where its inline source ends.
    end: usize,
    text: String,
    /// The containers around it, when an outline is asked for.
    frames: Option<Vec<Frame>>,
}

/// An inline run being collected for the current leaf block.
struct Pending {
    kind: SegmentKind,
    start: usize,
    text: String,
    /// Where the next copy from the source begins; `None` right after a line break, so that
    /// container prefixes (`> `, list indentation) on the next line are skipped.
    cursor: Option<usize>,
    end: usize,
}

#[derive(Default)]
struct Builder {
    /// Open block containers, innermost last, as the kind their inline content would get.
    blocks: Vec<Option<SegmentKind>>,
    /// Depth of code blocks, HTML blocks and metadata blocks we are inside.
    skip: usize,
    pending: Option<Pending>,
    raw: Vec<RawSegment>,
    /// Open lists and block quotes: the nesting [`MAX_NESTING`] limits.
    nesting: usize,
    /// The deepest nesting seen and the source offset where it was reached.
    deepest: (usize, usize),
    /// The source offset where the nesting first went past [`MAX_NESTING`].
    crossed: Option<usize>,
    /// Follows containers when an outline is asked for.
    recorder: Option<Recorder>,
    /// Inside front matter: whether it is TOML, and the range of its content so far.
    meta: Option<(bool, Option<Range<usize>>)>,
}

impl Builder {
    /// A list or block quote opens at `start`: one level deeper.
    fn nest(&mut self, start: usize) {
        self.nesting += 1;
        if self.nesting > self.deepest.0 {
            self.deepest = (self.nesting, start);
        }
        if self.nesting > MAX_NESTING && self.crossed.is_none() {
            self.crossed = Some(start);
        }
    }

    fn event(&mut self, src: &str, event: &Event<'_>, range: Range<usize>) {
        match event {
            // Only front matter opening the file has fields; the parser also takes a fenced
            // block further down as metadata, which stays structure.
            Event::Start(Tag::MetadataBlock(kind)) if self.skip == 0 && range.start == 0 => {
                self.flush(src);
                self.skip += 1;
                let toml = matches!(kind, pulldown_cmark::MetadataBlockKind::PlusesStyle);
                self.meta = Some((toml, None));
            }
            Event::Text(_) if self.skip == 1 && self.meta.is_some() => {
                if let Some((_, content)) = self.meta.as_mut() {
                    let start = content.as_ref().map_or(range.start, |c| c.start);
                    *content = Some(start..range.end);
                }
            }
            Event::End(TagEnd::MetadataBlock(_)) if self.meta.is_some() => {
                self.skip = self.skip.saturating_sub(1);
                if let Some((toml, Some(content))) = self.meta.take() {
                    for field in crate::model::frontmatter::fields(src, content, toml) {
                        self.raw.push(RawSegment {
                            kind: SegmentKind::FrontMatter(field.key_index),
                            start: field.span.start,
                            end: field.span.end,
                            text: field.text,
                            frames: self.recorder.as_ref().map(Recorder::frames),
                        });
                    }
                }
            }
            Event::Start(tag) if is_skipped(tag) => {
                self.flush(src);
                self.skip += 1;
            }
            Event::End(end) if is_skipped_end(*end) => {
                self.skip = self.skip.saturating_sub(1);
            }
            _ if self.skip > 0 => {}
            Event::Start(tag) if !is_inline(tag) => {
                self.flush(src);
                self.blocks.push(block_kind(tag));
                if let Some(recorder) = self.recorder.as_mut() {
                    recorder.open(tag);
                }
                if matches!(tag, Tag::BlockQuote(_) | Tag::List(_)) {
                    self.nest(range.start);
                }
            }
            Event::End(end) if !is_inline_end(*end) => {
                // The parser ends a collapsed reference (`[x][]`, `![x][]`) before its `[]`;
                // mid-block the text after it is copied from the source anyway, but at the end
                // of a block the `[]` would be lost, and turning it into a shortcut reference
                // (`[x]`) would change nothing (invariant 6).
                if let Some(p) = self.pending.as_mut()
                    && src
                        .get(p.end..range.end)
                        .is_some_and(|rest| rest.starts_with("[]"))
                {
                    p.end += 2;
                }
                self.flush(src);
                self.blocks.pop();
                if matches!(end, TagEnd::BlockQuote(_) | TagEnd::List(_)) {
                    self.nesting = self.nesting.saturating_sub(1);
                }
                if let Some(recorder) = self.recorder.as_mut() {
                    recorder.close();
                }
            }
            Event::Rule | Event::Html(_) | Event::DisplayMath(_) => self.flush(src),
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = self.pending.as_mut() {
                    if let Some(cursor) = p.cursor.take() {
                        push_folded(&mut p.text, src.get(cursor..range.start).unwrap_or(""));
                    }
                    let kept = p.text.trim_end_matches([' ', '\t']).len();
                    p.text.truncate(kept);
                    // Only a backslash break is kept: a break made of trailing spaces is trailing
                    // white space, which never changes a segment (invariant 5).
                    let backslash = src.get(range.clone()).is_some_and(|b| b.starts_with('\\'));
                    if matches!(event, Event::HardBreak) && backslash {
                        p.text.push_str(HARD_BREAK);
                    } else {
                        p.text.push(' ');
                    }
                }
            }
            _ => {
                let Some(kind) = self.blocks.last().copied().flatten() else {
                    return;
                };
                let start = source_start(src, range.start);
                let p = self.pending.get_or_insert_with(|| Pending {
                    kind,
                    start,
                    text: String::new(),
                    cursor: None,
                    end: range.end,
                });
                if p.cursor.is_none() {
                    p.cursor = Some(start);
                }
                p.end = p.end.max(range.end);
            }
        }
    }

    fn flush(&mut self, src: &str) {
        let Some(mut p) = self.pending.take() else {
            return;
        };
        if let Some(cursor) = p.cursor {
            push_folded(
                &mut p.text,
                src.get(cursor..p.end.max(cursor)).unwrap_or(""),
            );
        }
        let text = trim_ws(&p.text).to_owned();
        self.raw.push(RawSegment {
            kind: p.kind,
            start: p.start,
            end: p.end,
            text,
            frames: self.recorder.as_ref().map(Recorder::frames),
        });
    }
}

/// Where the source of an inline event that opens a line's content really begins.
///
/// The parser reports a backslash escape (`\*`) as text starting at the escaped character,
/// without the backslash. Inside a line that does not matter, because the text between
/// events is copied from the source; but the first event of a line is where copying starts,
/// so its escape would be lost (`\*Note*` read as `*Note*`, hiding the change to `*Note*`).
/// A backslash right before the line's first event is always that event's escape: the
/// container prefix before it (`> `, `- `, `# `, `| `, indentation) never ends in one.
fn source_start(src: &str, offset: usize) -> usize {
    let escaped = src
        .as_bytes()
        .get(offset)
        .is_some_and(u8::is_ascii_punctuation);
    if escaped && offset > 0 && src.as_bytes()[offset - 1] == b'\\' {
        offset - 1
    } else {
        offset
    }
}

/// Appends a slice of source, folding line breaks left inside inline constructs (a code
/// span or a link spanning lines) to one space and dropping the next line's container prefix.
fn push_folded(out: &mut String, slice: &str) {
    let mut lines = slice.split('\n');
    if let Some(first) = lines.next() {
        out.push_str(first);
    }
    for line in lines {
        let kept = out.trim_end_matches([' ', '\t']).len();
        out.truncate(kept);
        out.push(' ');
        out.push_str(line.trim_start_matches([' ', '\t', '>']));
    }
}

fn is_skipped(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)
    )
}

fn is_skipped_end(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)
    )
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_inline_end(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// The kind of segment that inline content directly inside this block becomes, if any.
fn block_kind(tag: &Tag<'_>) -> Option<SegmentKind> {
    match tag {
        Tag::Heading { level, .. } => Some(SegmentKind::Heading(*level as u8)),
        Tag::Paragraph | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
            Some(SegmentKind::Paragraph)
        }
        Tag::Item => Some(SegmentKind::ListItem),
        Tag::TableCell => Some(SegmentKind::TableCell),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_titles_and_descriptions_are_segments_first() {
        let md = "---\ntitle: \"About: us\"\nlayout: page\ndescription: >-\n  Who we are\n  and why.\n---\n\n# About us\n\nText.\n";
        let segments = segment(md);
        let read: Vec<(SegmentKind, &str, usize)> = segments
            .iter()
            .map(|s| (s.kind, s.text.as_str(), s.line))
            .collect();
        assert_eq!(
            read,
            [
                (SegmentKind::FrontMatter(0), "About: us", 2),
                (SegmentKind::FrontMatter(1), "Who we are and why.", 5),
                (SegmentKind::Heading(1), "About us", 9),
                (SegmentKind::Paragraph, "Text.", 11),
            ]
        );
        let (src, ranges) = spans(md, false);
        assert_eq!(&src[ranges[0].clone().expect("range")], "About: us");
        let toml = "+++\ntitle = \"Hugo page\"\ndraft = false\n+++\n\nBody.\n";
        assert_eq!(texts(toml), ["Hugo page", "Body."]);
        // Only front matter opening the file has fields.
        assert_eq!(texts("Intro.\n\n---\ntitle: x\n---\n"), ["Intro."]);
    }

    fn texts(markdown: &str) -> Vec<String> {
        segment(markdown).into_iter().map(|s| s.text).collect()
    }

    #[track_caller]
    fn case(markdown: &str, expected: &[&str]) {
        assert_eq!(texts(markdown), expected, "{markdown:?}");
    }

    /// Regression: a block ending in a collapsed reference lost its `[]`, so turning it into
    /// a shortcut reference (or back) left the segment current.
    #[test]
    fn a_collapsed_reference_ending_a_block_keeps_its_brackets() {
        let refs = "\n\n[x]: https://x.example\n[y]: https://y.example/y.png\n";
        let with = |body: &str| format!("{body}{refs}");
        case(&with("Instances of [x][]"), &["Instances of [x][]"]);
        case(&with("Instances of [x]"), &["Instances of [x]"]);
        case(&with("An image ![y][]"), &["An image ![y][]"]);
        case(&with("## Heading [x][]"), &["Heading [x][]"]);
        case(
            &with("* item [x][]\n* item [x]"),
            &["item [x][]", "item [x]"],
        );
        case(&with("> quoted [x][]"), &["quoted [x][]"]);
        case(
            &with("| [x][] | b |\n|---|---|\n| c | [x][] |"),
            &["[x][]", "b", "c", "[x][]"],
        );
        case(&with("Mid [x][] paragraph."), &["Mid [x][] paragraph."]);
        case(&with("Full [x][y]"), &["Full [x][y]"]);
        case("Literal []\n", &["Literal []"]);
        assert_ne!(
            segment(&with("Instances of [x][]"))[0].id,
            segment(&with("Instances of [x]"))[0].id
        );
    }

    #[test]
    fn blocks_become_segments_and_structure_does_not() {
        case("# Title\n\nBody text.\n", &["Title", "Body text."]);
        case("Title\n=====\n\nBody\n", &["Title", "Body"]);
        case("## Closed heading ##\n", &["Closed heading"]);
        case("- one\n- two\n  continued\n", &["one", "two continued"]);
        case("1. first\n\n2. second\n", &["first", "second"]);
        case("- outer\n  - inner\n", &["outer", "inner"]);
        case(
            "> quoted\n> and folded\n\n> second\n",
            &["quoted and folded", "second"],
        );
        case("| a | b |\n|---|---|\n| c | d |\n", &["a", "b", "c", "d"]);
        case("```\ncode is not text\n```\n\nafter\n", &["after"]);
        case("    indented code\n\nafter\n", &["after"]);
        case("<div>\nhtml block\n</div>\n\nafter\n", &["after"]);
        case("before\n\n---\n\nafter\n", &["before", "after"]);
        case(
            "---\ntitle: Front matter\n---\n\nBody\n",
            &["Front matter", "Body"],
        );
        case("---\nlayout: page\n---\n\nBody\n", &["Body"]);
        case("", &[]);
        case("\n\n   \n", &[]);
    }

    #[test]
    fn inline_markdown_is_kept_as_source() {
        case(
            "Some *emphasis* and `code` and [a link](http://x).\n",
            &["Some *emphasis* and `code` and [a link](http://x)."],
        );
        case("**Hands Off!**\n", &["**Hands Off!**"]);
        case("*spans\nlines*\n", &["*spans lines*"]);
        case("> *quoted\n> emphasis*\n", &["*quoted emphasis*"]);
    }

    #[test]
    fn normalisation_hides_layout_but_not_content() {
        let reference = texts("A paragraph that is\nwrapped here.\n");
        assert_eq!(reference, ["A paragraph that is wrapped here."]);
        for variant in [
            "A paragraph that is wrapped here.\n",
            "A paragraph\nthat is wrapped\nhere.\n",
            "A paragraph that is \r\nwrapped here.   \r\n",
            "\u{feff}A paragraph that is\nwrapped here.",
            "A paragraph that is  \nwrapped here.\n",
            "   A paragraph that is\n   wrapped here.\n",
        ] {
            assert_eq!(texts(variant), reference, "{variant:?}");
        }
        assert_eq!(texts("Cafe\u{301}\n"), texts("Caf\u{e9}\n"));
        assert_ne!(texts("A paragraph that is wrapped here!"), reference);
        assert_ne!(texts("A paragraph that is wrapped  here."), reference);
    }

    #[test]
    fn non_breaking_spaces_are_content() {
        case("Lima,\u{a0}February 9\n", &["Lima,\u{a0}February 9"]);
        assert_ne!(texts("Lima,\u{a0}February"), texts("Lima, February"));
    }

    #[test]
    fn escapes_opening_a_line_are_kept() {
        // Regression: the escape backslash of a line's first character was dropped, so
        // `\*Note*` and `*Note*` had the same text and id.
        case(
            "\\*Note* the API changed.\n",
            &["\\*Note* the API changed."],
        );
        case("- \\[x] item\n", &["\\[x] item"]);
        case("1. \\*one*\n", &["\\*one*"]);
        case(
            "| \\*a | \\#b |\n|---|---|\n| \\[c] | d \\|\n",
            &["\\*a", "\\#b", "\\[c]", "d \\|"],
        );
        case("\\# not a heading\n", &["\\# not a heading"]);
        case("# \\#1 heading\n", &["\\#1 heading"]);
        case("Para one\n\\*two* three\n", &["Para one \\*two* three"]);
        case("> \\*quoted\n> \\*again\n", &["\\*quoted \\*again"]);
        case("- item\n  \\*wrapped\n", &["item \\*wrapped"]);
        case("\\\\ escaped backslash\n", &["\\\\ escaped backslash"]);
        case(
            "line\\\n\\*after a hard break\n",
            &["line\\\n\\*after a hard break"],
        );
        for (escaped, plain) in [
            ("\\*Note* the API changed.\n", "*Note* the API changed.\n"),
            ("- \\[x] item\n", "- [x] item\n"),
            ("| \\*a |\n|---|\n", "| *a |\n|---|\n"),
            ("Para one\n\\*two* three\n", "Para one\n*two* three\n"),
        ] {
            assert_ne!(segment(escaped)[0].id, segment(plain)[0].id, "{escaped:?}");
        }
    }

    #[test]
    fn entities_are_kept_as_written() {
        case("&amp; and &#65;\n", &["&amp; and &#65;"]);
        assert_ne!(texts("&amp; x"), texts("& x"));
    }

    #[test]
    fn backslash_hard_breaks_are_kept() {
        case("line one\\\nline two\n", &["line one\\\nline two"]);
    }

    #[test]
    fn ids_are_stable_hashes_with_occurrence_suffixes() {
        let segments = segment("Same.\n\nOther.\n\nSame.\n");
        let ids: Vec<&str> = segments.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids[0], text_hash("Same."));
        assert_eq!(ids[2], format!("{}-2", text_hash("Same.")));
        assert_ne!(ids[0], ids[1]);
        // The first four bytes of SHA-256("abc"), the FIPS 180-2 test vector.
        assert_eq!(text_hash("abc"), "ba7816bf");
    }

    #[test]
    fn lines_and_positions_point_into_the_file() {
        let segments = segment("# Title\n\nFirst\nwrapped\n\n- item\n");
        let found: Vec<(usize, usize, SegmentKind)> =
            segments.iter().map(|s| (s.n, s.line, s.kind)).collect();
        assert_eq!(
            found,
            [
                (1, 1, SegmentKind::Heading(1)),
                (2, 3, SegmentKind::Paragraph),
                (3, 6, SegmentKind::ListItem),
            ]
        );
    }

    #[test]
    fn translations_are_normalised_like_paragraphs() {
        assert_eq!(normalise_paragraph(" a\r\n  b \n").as_deref(), Some("a b"));
        assert_eq!(normalise_paragraph("a\\\nb").as_deref(), Some("a\\\nb"));
        assert_eq!(normalise_paragraph("a\n\nb"), None);
        assert_eq!(normalise_paragraph("  ").as_deref(), Some(""));
        assert_eq!(
            normalise_paragraph("9\u{a0}février").as_deref(),
            Some("9\u{a0}février")
        );
    }
}
