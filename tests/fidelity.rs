//! Property tests of segment text fidelity (proptest): for random Markdown with escapes,
//! entities, emphasis, code spans, links, lists, tables, block quotes and hard breaks,
//!
//! - every segment's text, de-normalised (a space back to white space or a line break and the
//!   next line's container prefix, a hard break back to its backslash), is found in the source
//!   at the segment's line, starting right after the block's container prefix and ending at
//!   the end of the block's line or cell: no character of the Markdown is dropped or added;
//! - changing any one character of a segment's text in the source changes that segment's id.
//!
//! MDX pages glued from random pieces keep every line where it was.
//!
//! Case counts are fixed so that CI time is bounded.

use bitext_core::model::segment::{HARD_BREAK, Segment, segment};
use proptest::prelude::*;

/// Inline tokens, chosen so that escapes often open a line.
const TOKENS: &[&str] = &[
    "harbour",
    "council",
    "année",
    "Lima,\u{a0}9",
    "niño",
    "60",
    "\\*Note*",
    "\\[x]",
    "\\#",
    "\\_under\\_",
    "\\\\",
    "\\`tick",
    "\\|",
    "&amp;",
    "&eacute;t&eacute;",
    "&#65;",
    "*emphasis*",
    "**strong**",
    "_under_",
    "`code span`",
    "``a ` b``",
    "[a link](http://example.org/p)",
    "[ref *x*](#top)",
    "wall\\*",
    "a\\b",
];

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(0..TOKENS.len(), 1..6).prop_map(|tokens| {
        tokens
            .iter()
            .map(|&t| TOKENS[t])
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A run of 1 to 3 lines joined by soft breaks, backslash hard breaks or two-space breaks.
fn lines() -> impl Strategy<Value = Vec<(String, u8)>> {
    prop::collection::vec((line(), 0..4u8), 1..4)
}

#[derive(Debug, Clone)]
enum Block {
    Heading(u8, String),
    Paragraph(Vec<(String, u8)>),
    Item(bool, Vec<(String, u8)>),
    Quote(Vec<(String, u8)>),
    QuotedItem(Vec<(String, u8)>),
    Table(Vec<Vec<String>>),
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        (1..4u8, line()).prop_map(|(level, text)| Block::Heading(level, text)),
        lines().prop_map(Block::Paragraph),
        (any::<bool>(), lines()).prop_map(|(ordered, text)| Block::Item(ordered, text)),
        lines().prop_map(Block::Quote),
        lines().prop_map(Block::QuotedItem),
        (1..4usize, 1..3usize).prop_flat_map(|(columns, rows)| {
            prop::collection::vec(prop::collection::vec(line(), columns), rows + 1)
                .prop_map(Block::Table)
        }),
    ]
}

/// Joins lines with their breaks, each continuation line starting with `prefix`.
fn join(lines: &[(String, u8)], prefix: &str) -> String {
    let mut out = String::new();
    for (i, (text, _)) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str(match lines[i - 1].1 {
                0 => "\\\n",
                1 => "  \n",
                _ => "\n",
            });
            out.push_str(prefix);
        }
        out.push_str(text);
    }
    out
}

fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                out.push_str(text);
            }
            Block::Paragraph(lines) => out.push_str(&join(lines, "")),
            Block::Item(false, lines) => {
                out.push_str("- ");
                out.push_str(&join(lines, "  "));
            }
            Block::Item(true, lines) => {
                out.push_str("1. ");
                out.push_str(&join(lines, "   "));
            }
            Block::Quote(lines) => {
                out.push_str("> ");
                out.push_str(&join(lines, "> "));
            }
            Block::QuotedItem(lines) => {
                out.push_str("> - ");
                out.push_str(&join(lines, ">   "));
            }
            Block::Table(rows) => {
                for (i, row) in rows.iter().enumerate() {
                    if i == 1 {
                        out.push('|');
                        out.push_str(&"---|".repeat(row.len()));
                        out.push('\n');
                    }
                    out.push('|');
                    for cell in row {
                        out.push(' ');
                        out.push_str(cell);
                        out.push_str(" |");
                    }
                    out.push('\n');
                }
            }
        }
        out.push_str("\n\n");
    }
    out
}

/// Matches `text` against `src` from `at`, de-normalising as it goes; returns the source
/// offset of every literal character of the text and where the match ends.
fn match_at(src: &str, at: usize, text: &str) -> Option<(Vec<usize>, usize)> {
    let s = src.as_bytes();
    let skip = |mut i: usize, set: &[u8]| {
        while i < s.len() && set.contains(&s[i]) {
            i += 1;
        }
        i
    };
    let mut pos = at;
    let mut literal = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix(HARD_BREAK) {
            let i = skip(pos, b" \t");
            if !src[i..].starts_with("\\\n") {
                return None;
            }
            pos = skip(i + 2, b" \t>");
            rest = after;
        } else if c == ' ' {
            let mut i = skip(pos, b" \t");
            if s.get(i) == Some(&b'\n') {
                i = skip(i + 1, b" \t>");
            }
            if i == pos {
                return None;
            }
            pos = i;
            rest = &rest[1..];
        } else {
            if !src[pos..].starts_with(c) {
                return None;
            }
            literal.push(pos);
            pos += c.len_utf8();
            rest = &rest[c.len_utf8()..];
        }
    }
    Some((literal, pos))
}

/// True if and only if `before`, the part of a line before a block's text, is only its
/// container prefix: quote markers, indentation, a list marker, heading hashes, or the
/// table's row up to a cell's opening pipe. An escape backslash left there fails.
fn is_prefix(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '\t']);
    if trimmed.ends_with('\\') {
        return false;
    }
    if trimmed.is_empty() || trimmed.ends_with('>') {
        return true;
    }
    if trimmed.ends_with('|') {
        return !trimmed.ends_with("\\|");
    }
    if trimmed.len() == before.len() {
        return false;
    }
    let (head, marker) = trimmed
        .rsplit_once([' ', '>'])
        .map_or(("", trimmed), |(h, m)| (h, m));
    let marker_ok = matches!(marker, "-" | "*" | "+")
        || marker.chars().all(|c| c == '#')
        || marker
            .strip_suffix(['.', ')'])
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
    marker_ok && head.trim_matches([' ', '>']).is_empty()
}

/// True if and only if `after`, the rest of the line after a block's text, holds no content:
/// nothing, a cell's closing pipe, or a heading's closing hashes.
fn is_suffix(after: &str) -> bool {
    let after = after.trim_start_matches([' ', '\t']);
    after.is_empty() || after.starts_with('|')
}

/// Where each literal character of `seg`'s text is in `src`, if the text is there at its line.
fn locate(src: &str, seg: &Segment) -> Option<Vec<usize>> {
    let line_start = src
        .split_inclusive('\n')
        .take(seg.line - 1)
        .map(str::len)
        .sum::<usize>();
    let line_end = src[line_start..]
        .find('\n')
        .map_or(src.len(), |i| line_start + i);
    (line_start..=line_end)
        .filter(|&at| src.is_char_boundary(at))
        .find_map(|at| {
            if !is_prefix(&src[line_start..at]) {
                return None;
            }
            let (literal, end) = match_at(src, at, &seg.text)?;
            let end_of_line = src[end..].find('\n').map_or(src.len(), |i| end + i);
            is_suffix(&src[end..end_of_line]).then_some(literal)
        })
}

fn occurrences(segments: &[Segment], text: &str) -> usize {
    segments.iter().filter(|s| s.text == text).count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn every_segment_is_its_source_text(blocks in prop::collection::vec(block(), 1..8)) {
        let src = render(&blocks);
        for seg in segment(&src) {
            prop_assert!(
                locate(&src, &seg).is_some(),
                "segment {} {:?} is not the source at line {}:\n{}",
                seg.n, seg.text, seg.line, src
            );
        }
    }

    #[test]
    fn any_one_character_change_changes_the_id(
        blocks in prop::collection::vec(block(), 1..6),
        which in any::<prop::sample::Index>(),
        position in any::<prop::sample::Index>(),
        replacement in prop::sample::select(vec!['Q', '\\', '*', '`', '[', '&', ' ', '#']),
    ) {
        let src = render(&blocks);
        let segments = segment(&src);
        prop_assume!(!segments.is_empty());
        let seg = &segments[which.index(segments.len())];
        let literal = locate(&src, seg).expect("located (see the other property)");
        let at = literal[position.index(literal.len())];
        let old = src[at..].chars().next().expect("a character");
        prop_assume!(old != replacement);
        let mut changed = src.clone();
        changed.replace_range(at..at + old.len_utf8(), &replacement.to_string());
        let after = segment(&changed);
        prop_assert!(
            occurrences(&after, &seg.text) < occurrences(&segments, &seg.text),
            "changing {old:?} to {replacement:?} at byte {at} left segment {:?} ({}) unchanged:\n{changed}",
            seg.text, seg.id
        );
    }
}

#[test]
fn the_checks_catch_a_dropped_escape() {
    let src = "\\*Note* here\n";
    let lossy = Segment {
        text: "*Note* here".to_owned(),
        ..segment(src)[0].clone()
    };
    assert!(locate(src, &lossy).is_none());
    assert!(locate(src, &segment(src)[0]).is_some());
    let cell = "| a | \\[b] |\n|---|---|\n";
    let lossy = Segment {
        text: "[b]".to_owned(),
        ..segment(cell)[1].clone()
    };
    assert!(locate(cell, &lossy).is_none());
    assert!(locate(cell, &segment(cell)[1]).is_some());
}

/// Pieces of MDX, glued at random into pages that may well be malformed.
const MDX_PIECES: &[&str] = &[
    "import A from 'a'\n",
    "export const x = {a: [1, '}']}\n",
    "{/* a comment */}\n",
    "{props.name}",
    "{\n",
    "}\n",
    "<Note type=\"tip\">\n",
    "</Note>\n",
    "<Figure src=\"a.png\" alt=\"A cat\" />\n",
    "<section>\n",
    "</section>\n",
    "  <h2>Title</h2>\n",
    "<Tabs\n  items={['a', \"b\"]}\n>\n",
    "<>\n",
    "</>\n",
    "Some *prose* with {x} and <Kbd>Ctrl</Kbd>.\n",
    "    indented prose\n",
    "- an item\n",
    "```js\n",
    "\\*escaped\n",
    "é `code` [link](http://x)\n",
    "\n",
    "<",
    "'",
    "\"",
    "/*",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    /// Whatever the page, MDX preparation keeps every line where it was, and every segment's
    /// text is a single line's worth of prose found on the source line it names.
    #[test]
    fn mdx_pages_keep_their_lines(pieces in prop::collection::vec(0..MDX_PIECES.len(), 0..24)) {
        let page: String = pieces.iter().map(|&i| MDX_PIECES[i]).collect();
        let prepared = bitext_core::model::mdx::prepare(&page);
        prop_assert_eq!(prepared.text.matches('\n').count(), page.matches('\n').count());
        prop_assert!(prepared.breaks.windows(2).all(|w| w[0] < w[1]));
        for seg in bitext_core::model::segment::segment_mdx(&page) {
            let line = page.lines().nth(seg.line - 1).unwrap_or("");
            let first_word = seg.text.split(' ').next().unwrap_or("");
            prop_assert!(
                line.contains(first_word),
                "segment {:?} is not on line {}: {:?}\n{}", seg.text, seg.line, line, page
            );
        }
    }
}
