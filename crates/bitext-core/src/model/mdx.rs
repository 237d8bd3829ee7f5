//! Reading an MDX source (`sources/<slug>.mdx`) as the Markdown the segmenter reads.
//!
//! MDX is Markdown with JavaScript: ESM `import`/`export` statements, `{…}` expressions
//! (`{/* comments */}` among them) and JSX elements. For translation, all of that is
//! structure, while the Markdown prose inside JSX elements is text like any other. This module
//! removes the structure and keeps the prose, line for line, so that segment lines stay true:
//!
//! - an ESM statement (a top-level line starting `import ` or `export `, up to the next blank
//!   line) becomes blank lines;
//! - an expression alone in its block (`{…}`, possibly over several lines) becomes blank lines;
//!   one inside a paragraph is part of the paragraph's text;
//! - the tags of a JSX element opening a block (`<Note>`, `<Figure src="…" />`, `</Note>`,
//!   `<section>`), with their attributes, are removed, and the prose they hold is dedented
//!   (MDX has no indented code) and read as Markdown; an element inside a paragraph is kept
//!   as inline markup, like inline HTML;
//! - fenced code blocks and front matter are left alone.
//!
//! Where a removed tag shared a line with prose, or ended a line, the segmenter is told to
//! start afresh there ([`Prepared::breaks`]), because MDX ends a block at a tag where
//! Markdown, lacking the blank line, would run the lines together.

/// An MDX source turned into Markdown with the same lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// The Markdown: one line for each line of the source, structure removed.
    pub text: String,
    /// Byte offsets into `text`, ascending, of line starts where a new run of blocks begins.
    pub breaks: Vec<usize>,
}

/// An element left open by a block-level tag.
struct Open {
    name: String,
    /// Indentation of the first prose line inside, removed from every prose line inside.
    indent: Option<usize>,
}

/// The tags at the start of a line, as parsed.
enum TagKind {
    Open(String),
    Close(String),
    SelfClosing,
}

/// Turns an MDX source (already normalised: `\n` line endings) into Markdown.
#[must_use]
pub fn prepare(src: &str) -> Prepared {
    let mut out = String::with_capacity(src.len());
    let mut breaks = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut at_block_start = true;
    let mut pos = 0;
    let mut scan = Scanner::new(src);

    pos = copy_front_matter(src, &mut out, pos);
    while pos < src.len() {
        let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
        let line = &src[pos..line_end];
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let content = &line[indent..];
        if let Some((marker, len)) = fence {
            let dedent = stack
                .last()
                .map_or(0, |o| indent.min(o.indent.unwrap_or(0)));
            if is_fence(content).is_some_and(|(m, l)| m == marker && l >= len) {
                fence = None;
                at_block_start = true;
            }
            pos = emit(&mut out, src, pos + dedent, line_end);
            continue;
        }
        if content.is_empty() {
            at_block_start = true;
            pos = emit(&mut out, src, line_end, line_end);
            continue;
        }
        if stack.is_empty()
            && indent == 0
            && at_block_start
            && (content.starts_with("import ") || content.starts_with("export "))
        {
            let end = src[pos..].find("\n\n").map_or(src.len(), |i| pos + i + 1);
            breaks.push(out.len());
            pos = blank(&mut out, src, pos, end);
            breaks.push(out.len());
            continue;
        }
        if at_block_start
            && content.starts_with('{')
            && let Some(end) = scan.skip_braces(pos + indent)
        {
            let rest_end = src[end..].find('\n').map_or(src.len(), |i| end + i);
            if src[end..rest_end].trim().is_empty() {
                breaks.push(out.len());
                pos = blank(&mut out, src, pos, rest_end);
                breaks.push(out.len());
                continue;
            }
        }
        if content.starts_with('<')
            && let Some(next) = jsx_line(
                &mut scan,
                pos + indent,
                at_block_start,
                &mut stack,
                &mut out,
                &mut breaks,
            )
        {
            pos = next;
            at_block_start = true;
            continue;
        }
        // Prose: inside an element, the first prose line's indentation is the element's.
        let dedent = stack
            .last_mut()
            .map_or(0, |open| indent.min(*open.indent.get_or_insert(indent)));
        if let Some(opened) = is_fence(content) {
            fence = Some(opened);
        }
        at_block_start = content.starts_with('#');
        pos = emit(&mut out, src, pos + dedent, line_end);
    }
    breaks.retain(|&b| b > 0 && b < out.len());
    breaks.dedup();
    Prepared { text: out, breaks }
}

/// Copies YAML (`---`) or TOML (`+++`) front matter as it is, for the segmenter to skip.
fn copy_front_matter(src: &str, out: &mut String, pos: usize) -> usize {
    for marker in ["---\n", "+++\n"] {
        if src.starts_with(marker)
            && let Some(close) = src[marker.len()..].find(&format!("\n{marker}"))
        {
            let end = marker.len() + close + 1 + marker.len();
            out.push_str(&src[..end]);
            return end;
        }
    }
    pos
}

/// Appends `src[from..line_end]` and the line's newline; returns the next line's start.
fn emit(out: &mut String, src: &str, from: usize, line_end: usize) -> usize {
    out.push_str(&src[from.min(line_end)..line_end]);
    if line_end < src.len() {
        out.push('\n');
        line_end + 1
    } else {
        line_end
    }
}

/// Appends only the newlines of `src[from..to]`, and the newline ending `to`'s line when `to`
/// is at one; returns where reading goes on.
fn blank(out: &mut String, src: &str, from: usize, to: usize) -> usize {
    out.extend(src[from..to].chars().filter(|&c| c == '\n'));
    if src[to..].starts_with('\n') && !src[from..to].ends_with('\n') {
        out.push('\n');
        to + 1
    } else {
        to
    }
}

/// The marker and length of a code fence opening or closing `content`, if it is one.
fn is_fence(content: &str) -> Option<(char, usize)> {
    let marker = content.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = content.chars().take_while(|&c| c == marker).count();
    (len >= 3).then_some((marker, len))
}

/// Handles a line whose content starts at `at` with `<`. Returns where reading goes on if
/// the line opens with JSX block tags, `None` if it is prose (left for Markdown).
///
/// Block tags are removed; prose after them on the same line is kept (dedented, and without
/// closing tags of the element it is in at the end of the line).
fn jsx_line(
    scan: &mut Scanner<'_>,
    at: usize,
    at_block_start: bool,
    stack: &mut Vec<Open>,
    out: &mut String,
    breaks: &mut Vec<usize>,
) -> Option<usize> {
    let src = scan.src;
    // Read the leading tags without committing, to decide whether this line is JSX at all.
    let mut tags = Vec::new();
    let mut cursor = at;
    while src[cursor..].starts_with('<') {
        let (end, kind) = scan.parse_tag(cursor)?;
        tags.push(kind);
        cursor = end + (src[end..].len() - src[end..].trim_start_matches([' ', '\t']).len());
    }
    let line_end = src[cursor..].find('\n').map_or(src.len(), |i| cursor + i);
    let mut names: Vec<String> = stack.iter().map(|o| o.name.clone()).collect();
    for kind in &tags {
        apply(&mut names, kind);
    }
    let (prose_end, trailing) = trailing_closes(scan, cursor, line_end, &names);
    let prose = src[cursor..prose_end].trim();
    if !prose.is_empty() && !at_block_start {
        // A tag opening a line inside a paragraph is inline markup, as inline HTML is.
        return None;
    }
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    breaks.push(out.len());
    for kind in &tags {
        apply_open(stack, kind);
    }
    out.extend(src[line_start..cursor].chars().filter(|&c| c == '\n'));
    if prose.is_empty() {
        let next = blank(out, src, cursor, line_end);
        breaks.push(out.len());
        return Some(next);
    }
    out.push_str(prose);
    for name in &trailing {
        apply_open(stack, &TagKind::Close(name.clone()));
    }
    let next = if line_end < src.len() {
        out.push('\n');
        line_end + 1
    } else {
        line_end
    };
    if !trailing.is_empty() {
        breaks.push(out.len());
    }
    Some(next)
}

/// Where the prose of a line ends once closing tags of open elements at its end are removed,
/// and the names of those tags, innermost first.
fn trailing_closes(
    scan: &mut Scanner<'_>,
    from: usize,
    line_end: usize,
    names: &[String],
) -> (usize, Vec<String>) {
    let src = scan.src;
    let mut end = from + src[from..line_end].trim_end().len();
    let mut open = names.to_vec();
    let mut closed = Vec::new();
    while let Some(last) = open.last()
        && let Some(start) = src[from..end].rfind("</").map(|i| from + i)
        && let Some((tag_end, TagKind::Close(name))) = scan.parse_tag(start)
        && tag_end == end
        && &name == last
    {
        closed.push(name);
        open.pop();
        end = from + src[from..start].trim_end().len();
    }
    (end, closed)
}

fn apply(names: &mut Vec<String>, kind: &TagKind) {
    match kind {
        TagKind::Open(name) => names.push(name.clone()),
        TagKind::Close(name) => {
            if let Some(i) = names.iter().rposition(|n| n == name) {
                names.truncate(i);
            }
        }
        TagKind::SelfClosing => {}
    }
}

fn apply_open(stack: &mut Vec<Open>, kind: &TagKind) {
    match kind {
        TagKind::Open(name) => stack.push(Open {
            name: name.clone(),
            indent: None,
        }),
        TagKind::Close(name) => {
            if let Some(i) = stack.iter().rposition(|o| &o.name == name) {
                stack.truncate(i);
            }
        }
        TagKind::SelfClosing => {}
    }
}

/// Reads tags and expressions within a budget of bytes for the whole page, so that a
/// hostile page (thousands of `{` that never close) costs linear time: once the budget is
/// spent, what is left is read as Markdown.
struct Scanner<'a> {
    src: &'a str,
    budget: usize,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Self {
        Self {
            src,
            budget: src.len().saturating_mul(8).saturating_add(1 << 20),
        }
    }

    /// Spends `n` bytes of the budget; false when it is spent.
    fn spend(&mut self, n: usize) -> bool {
        match self.budget.checked_sub(n) {
            Some(left) => {
                self.budget = left;
                true
            }
            None => {
                self.budget = 0;
                false
            }
        }
    }

    /// The offset of `needle` at or after `from`, charged to the budget.
    fn find(&mut self, from: usize, needle: &str) -> Option<usize> {
        let found = self.src[from..].find(needle);
        let cost = found.map_or(self.src.len() - from, |i| i + needle.len());
        if !self.spend(cost) {
            return None;
        }
        found.map(|i| from + i)
    }

    fn skip_space(&mut self, mut i: usize) -> usize {
        let bytes = self.src.as_bytes();
        let from = i;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        self.spend(i - from);
        i
    }

    fn skip_name(&mut self, mut i: usize) -> usize {
        let bytes = self.src.as_bytes();
        let from = i;
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'-'))
        {
            i += 1;
        }
        self.spend(i - from);
        i
    }

    /// Parses a JSX tag starting at `at` (`<`): `<Name attr="…" {...spread}>`, `<Name />`,
    /// `</Name>`, or a fragment `<>` / `</>`, possibly over several lines. Returns the offset
    /// just after it, or `None` if this is not a tag (an autolink, a comparison, an HTML
    /// comment).
    fn parse_tag(&mut self, at: usize) -> Option<(usize, TagKind)> {
        let bytes = self.src.as_bytes();
        let mut i = at + 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let name_start = i;
        if bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i = self.skip_name(i);
        }
        let name = self.src[name_start..i].to_owned();
        if closing {
            i = self.skip_space(i);
            return (bytes.get(i) == Some(&b'>')).then(|| (i + 1, TagKind::Close(name)));
        }
        loop {
            if self.budget == 0 {
                return None;
            }
            i = self.skip_space(i);
            match bytes.get(i)? {
                b'>' => return Some((i + 1, TagKind::Open(name))),
                b'/' if !name.is_empty() => {
                    let j = self.skip_space(i + 1);
                    return (bytes.get(j) == Some(&b'>')).then_some((j + 1, TagKind::SelfClosing));
                }
                b'{' if !name.is_empty() => i = self.skip_braces(i)?,
                b if !name.is_empty() && (b.is_ascii_alphabetic() || matches!(b, b'_' | b':')) => {
                    i = self.skip_name(i);
                    let j = self.skip_space(i);
                    if bytes.get(j) == Some(&b'=') {
                        i = self.skip_space(j + 1);
                        i = match bytes.get(i)? {
                            b'"' => self.find(i + 1, "\"")? + 1,
                            b'\'' => self.find(i + 1, "'")? + 1,
                            b'{' => self.skip_braces(i)?,
                            _ => return None,
                        };
                    }
                }
                _ => return None,
            }
        }
    }

    /// The offset just after the `}` matching the `{` at `at`, skipping strings, template
    /// literals and comments; `None` if it never closes.
    fn skip_braces(&mut self, at: usize) -> Option<usize> {
        let bytes = self.src.as_bytes();
        let mut depth = 0usize;
        let mut i = at;
        while let Some(&b) = bytes.get(i) {
            if !self.spend(1) {
                return None;
            }
            match b {
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                b'"' | b'\'' | b'`' => {
                    i += 1;
                    while let Some(&c) = bytes.get(i) {
                        if !self.spend(1) {
                            return None;
                        }
                        if c == b'\\' {
                            i += 1;
                        } else if c == b {
                            break;
                        }
                        i += 1;
                    }
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => i = self.find(i + 2, "*/")? + 1,
                b'/' if bytes.get(i + 1) == Some(&b'/') => i = self.find(i, "\n")?,
                _ => {}
            }
            i += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(mdx: &str, expected: &str) {
        let prepared = prepare(mdx);
        assert_eq!(prepared.text, expected, "{mdx:?}");
        assert_eq!(
            prepared.text.matches('\n').count(),
            mdx.matches('\n').count(),
            "lines kept: {mdx:?}"
        );
    }

    #[test]
    fn esm_and_expressions_are_blanked() {
        case(
            "import Note from './note'\nimport {\n  A,\n} from 'b'\n\n# Title\n",
            "\n\n\n\n\n# Title\n",
        );
        case("export const meta = {a: 1}\n\nText\n", "\n\nText\n");
        case("{/* a comment */}\n\nText\n", "\n\nText\n");
        case("{/* a\n comment } */}\nText\n", "\n\nText\n");
        case("Hello {name}, welcome.\n", "Hello {name}, welcome.\n");
    }

    #[test]
    fn jsx_tags_are_removed_and_their_prose_kept() {
        case(
            "<Note type=\"tip\">\nSome *text*.\n</Note>\n",
            "\nSome *text*.\n\n",
        );
        case("<Figure src=\"a.png\" alt=\"A cat\" />\n", "\n");
        case(
            "<section>\n  <h2>Title</h2>\n      Indented prose\n      wraps.\n</section>\n",
            "\nTitle\nIndented prose\nwraps.\n\n",
        );
        case(
            "<Tabs\n  items={['a', 'b']}\n>\nText\n</Tabs>\n",
            "\n\n\nText\n\n",
        );
        case(
            "Inline <Kbd>Ctrl</Kbd> key\n",
            "Inline <Kbd>Ctrl</Kbd> key\n",
        );
        case(
            "A <https://example.org> link\n",
            "A <https://example.org> link\n",
        );
    }

    #[test]
    fn unclosed_expressions_and_tags_cost_linear_time() {
        // Each `{` would otherwise be scanned to the end of the page: quadratic.
        for unit in ["{\n\n", "<a b=\"\n\n", "<a b={\n\n", "<a\n"] {
            let page = unit.repeat(50_000);
            let prepared = prepare(&page);
            assert_eq!(
                prepared.text.matches('\n').count(),
                page.matches('\n').count()
            );
        }
    }

    #[test]
    fn code_and_front_matter_are_left_alone() {
        case(
            "---\ntitle: x\n---\n\n```jsx\nimport A from 'a'\n<A />\n```\n",
            "---\ntitle: x\n---\n\n```jsx\nimport A from 'a'\n<A />\n```\n",
        );
    }

    fn segments(mdx: &str) -> Vec<(usize, String)> {
        crate::model::segment::segment_mdx(mdx)
            .into_iter()
            .map(|s| (s.line, s.text))
            .collect()
    }

    #[track_caller]
    fn segments_case(mdx: &str, expected: &[(usize, &str)]) {
        let expected: Vec<(usize, String)> = expected
            .iter()
            .map(|(l, t)| (*l, (*t).to_owned()))
            .collect();
        assert_eq!(segments(mdx), expected, "{mdx:?}");
    }

    #[test]
    fn imports_and_exports_are_not_segments() {
        segments_case(
            "import Note from '@site/note'\nimport {\n  Tabs,\n} from './tabs'\n\nexport const meta = {\n  a: 1,\n}\n\n# Title\n",
            &[(10, "Title")],
        );
        // In Markdown they are paragraphs, as before.
        assert_eq!(
            crate::model::segment::segment("import Note from './note'\n\n# Title\n").len(),
            2
        );
    }

    #[test]
    fn comments_and_block_expressions_are_not_segments() {
        segments_case(
            "{/* TODO: a screenshot */}\nFirst.\n\n{items.map((i) => <Item key={i} />)}\n\nLast.\n",
            &[(2, "First."), (6, "Last.")],
        );
    }

    #[test]
    fn an_expression_inside_a_paragraph_is_part_of_its_text() {
        segments_case(
            "Welcome, {props.name}! Read\nthe {/* short */} guide.\n",
            &[(1, "Welcome, {props.name}! Read the {/* short */} guide.")],
        );
    }

    #[test]
    fn a_self_closing_component_and_its_attributes_are_structure() {
        segments_case(
            "Before.\n\n<Figure src=\"/cat.png\" alt=\"A sleeping cat\" />\n\nAfter.\n",
            &[(1, "Before."), (5, "After.")],
        );
        segments_case(
            "Before.\n<Figure\n  alt=\"A cat\"\n  size={{w: 2}}\n/>\nAfter.\n",
            &[(1, "Before."), (6, "After.")],
        );
    }

    #[test]
    fn prose_inside_a_component_is_segmented() {
        segments_case(
            "<Note type=\"tip\" title=\"Before you start\">\nInstall it *first*.\n\n- one\n- two\n</Note>\n",
            &[(2, "Install it *first*."), (4, "one"), (5, "two")],
        );
        segments_case(
            "<Note>One line of prose.</Note>\nNext.\n",
            &[(1, "One line of prose."), (2, "Next.")],
        );
    }

    #[test]
    fn prose_indented_inside_an_element_is_segmented() {
        segments_case(
            "<section className=\"intro\">\n  <h2>Why</h2>\n      Prose indented\n      inside a section.\n\n      - a list\n        - nested\n</section>\n",
            &[
                (2, "Why"),
                (3, "Prose indented inside a section."),
                (6, "a list"),
                (7, "nested"),
            ],
        );
    }
}
