//! Differential test of segmentation against the CommonMark spec's examples.
//!
//! For every example of the spec (npm package `commonmark-spec`, which `.ci/run` installs in
//! `.ci/node_modules`), the segments of [`segment`] must be, in order and character for
//! character, what bitext's documentation says a segment's text is (README, "The model";
//! `model/segment.rs`): the leaf block's own Markdown source, from just after its container
//! prefix to its end, changed only by
//!
//! - dropping a leading BOM, unifying line endings and Unicode NFC (the whole file);
//! - dropping each continuation line's container prefix (`>` markers, indentation);
//! - trimming the white space around each line (non-breaking spaces are not white space) and
//!   folding each line break to one space, except a backslash hard break, which stays `\`
//!   and a line break;
//! - for an ATX heading, leaving out its opening and closing `#`s; for a setext heading, its
//!   underline; for a list item, its marker; for a table cell, its pipes.
//!
//! Headings, paragraphs, list items' own text and table cells are segments; code blocks, HTML
//! blocks, thematic breaks, front matter and link reference definitions (a leaf block of
//! their own in CommonMark, never a paragraph) are not, and a block whose text is empty gives
//! no segment.
//!
//! The expected texts are derived here, independently of `segment.rs`: pulldown-cmark (the
//! peer parser) says where each block is, and the text is cut from the block's byte range
//! and normalised by the rules above, written afresh. Examples that knowingly differ are in
//! [`KNOWN`], each with its reason; the test fails when another example differs, and when a
//! known one no longer does.
//!
//! The spec is read from `BITEXT_COMMONMARK_SPEC` if set (a `spec.json` as the spec's own
//! `spec_tests.py --dump-tests` writes it, or the package's `spec.txt`), else from the
//! package under the repository root. Without it the test says `SKIPPED` and passes, unless
//! `BITEXT_REQUIRE_TOOLS` is set, as `.ci/run` does.

use std::collections::HashSet;
use std::io::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use bitext_core::model::segment::segment;
use pulldown_cmark::{Event, Options, Parser, Tag};
use unicode_normalization::UnicodeNormalization;

/// Examples whose segments knowingly differ from the documented normalisation, and why:
/// `(example number, reason)`, numbered as in commonmark-spec 0.31.2, the version `.ci/run`
/// pins. Empty: every example of that version agrees.
const KNOWN: &[(usize, &str)] = &[];

/// One example of the spec.
struct Example {
    number: usize,
    section: String,
    /// The line of the spec where the example starts, when the spec file says.
    line: Option<usize>,
    markdown: String,
}

#[test]
fn every_commonmark_example_segments_to_its_blocks_source() {
    let Some(path) = spec_path() else {
        skip(
            "the CommonMark spec (npm package commonmark-spec) is not installed; \
             .ci/run installs it in .ci/node_modules, or set BITEXT_COMMONMARK_SPEC",
        );
        return;
    };
    let examples = read_examples(&path);
    assert!(
        !examples.is_empty(),
        "{} holds no example: is it the CommonMark spec?",
        path.display()
    );
    check_known_list(&examples);

    let mut compared = 0;
    let mut known = 0;
    let mut unexpected = Vec::new();
    let mut no_longer = Vec::new();
    for example in &examples {
        let expected = expected_texts(&example.markdown);
        let actual: Vec<String> = segment(&example.markdown)
            .into_iter()
            .map(|s| s.text)
            .collect();
        compared += expected.len().max(actual.len());
        let reason = KNOWN.iter().find(|(n, _)| *n == example.number);
        match (expected == actual, reason) {
            (true, None) => {}
            (true, Some((n, why))) => no_longer.push(format!("example {n} ({why})")),
            (false, Some(_)) => known += 1,
            (false, None) => unexpected.push(describe(example, &expected, &actual)),
        }
    }
    let _ = writeln!(
        std::io::stderr(),
        "commonmark: {} examples from {}, {compared} segments compared, {known} known \
         differences",
        examples.len(),
        path.display()
    );
    assert!(
        unexpected.is_empty(),
        "{} examples differ from their blocks' normalised source and are not in KNOWN:\n\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert!(
        no_longer.is_empty(),
        "examples in KNOWN that no longer differ (take them out):\n{}",
        no_longer.join("\n")
    );
}

/// The expectations themselves, on cases whose segments the documentation spells out: the
/// oracle is checked on its own, not only by agreeing with `segment`.
#[test]
fn the_expected_texts_follow_the_documentation() {
    let cases: &[(&str, &[&str])] = &[
        ("# Title #\n", &["Title"]),
        ("## foo #\\##\n", &["foo #\\##"]),
        ("#5 bolt\n", &["#5 bolt"]),
        ("Foo *bar*\n  baz  \n====\n", &["Foo *bar* baz"]),
        ("> a\n> > b\n", &["a", "b"]),
        ("> > a\n> b\nc\n", &["a b c"]),
        ("- one\n  two\n-\n- > three\n", &["one two", "three"]),
        ("1) a\n   ***\n   b\n", &["a", "b"]),
        ("- a\n- b\n\n  [ref]: /url\n- d\n", &["a", "b", "d"]),
        ("line\\\n  next  \n", &["line\\\nnext"]),
        ("`code\\\nspan`\n", &["`code\\ span`"]),
        ("| a | \\| b |\n|---|---|\n| c |\n", &["a", "\\| b", "c"]),
        (
            "\u{feff}Cafe\u{301}\r\nau lait\u{a0}\r\n",
            &["Caf\u{e9} au lait\u{a0}"],
        ),
        ("```\ncode\n```\n\n<div>\nhtml\n</div>\n\n***\n", &[]),
        (
            "---\ntitle: x\n---\n\nBody [x][]\n\n[x]: /u\n",
            &["Body [x][]"],
        ),
    ];
    for (markdown, expected) in cases {
        assert_eq!(expected_texts(markdown), *expected, "{markdown:?}");
    }
}

/// The known list names each example once, and only examples the spec has.
fn check_known_list(examples: &[Example]) {
    let numbers: HashSet<usize> = examples.iter().map(|e| e.number).collect();
    let mut seen = HashSet::new();
    for (n, why) in KNOWN {
        assert!(seen.insert(*n), "example {n} is in KNOWN twice");
        assert!(
            numbers.contains(n),
            "KNOWN names example {n}, which the spec lacks"
        );
        assert!(!why.trim().is_empty(), "KNOWN gives example {n} no reason");
    }
}

fn describe(example: &Example, expected: &[String], actual: &[String]) -> String {
    let at = example
        .line
        .map_or_else(String::new, |line| format!(", spec line {line}"));
    format!(
        "example {} ({}{at}): {:?}\n  expected {expected:?}\n  actual   {actual:?}\n",
        example.number, example.section, example.markdown
    )
}

// ---------------------------------------------------------------------------------------------
// The expected segments, from pulldown-cmark's block ranges and the documented normalisation.

/// The Markdown extensions bitext documents reading an article with: tables (a cell is a
/// segment), YAML and TOML front matter (structure) and strikethrough (inline only).
fn options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    options.insert(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);
    options
}

/// What kind of block an open tag is, as far as segments go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Heading,
    Item,
    Cell,
    Quote,
    /// Any other block: a list, a code or HTML block, a table's rows, front matter.
    Block,
    /// Emphasis, a link and the like: part of a block's text, not a block.
    Inline,
}

fn kind(tag: &Tag<'_>) -> Kind {
    match tag {
        Tag::Paragraph => Kind::Paragraph,
        Tag::Heading { .. } => Kind::Heading,
        Tag::Item => Kind::Item,
        Tag::TableCell => Kind::Cell,
        Tag::BlockQuote(_) => Kind::Quote,
        Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough
        | Tag::Superscript
        | Tag::Subscript
        | Tag::Link { .. }
        | Tag::Image { .. } => Kind::Inline,
        _ => Kind::Block,
    }
}

/// An open block: its kind, its byte range and the ranges of the blocks directly inside it.
struct Open {
    kind: Kind,
    range: Range<usize>,
    children: Vec<Range<usize>>,
}

/// The segment texts the documentation promises for `markdown`, in order.
fn expected_texts(markdown: &str) -> Vec<String> {
    let src = normalise_file(markdown);
    let parser = Parser::new_ext(&src, options()).into_offset_iter();
    // Link reference definitions are a leaf block of their own, with no event: where they
    // are, so that an item's text leaves them out as it leaves out its other inner blocks.
    let definitions: Vec<Range<usize>> = parser
        .reference_definitions()
        .iter()
        .map(|(_, definition)| definition.span.clone())
        .collect();
    let events: Vec<(Event<'_>, Range<usize>)> = parser.collect();
    // Where each backslash hard break's backslash is: such a line ending is kept.
    let hard: HashSet<usize> = events
        .iter()
        .filter(|(e, r)| matches!(e, Event::HardBreak) && src[r.clone()].starts_with('\\'))
        .map(|(_, r)| r.start)
        .collect();
    let text = Text {
        src: &src,
        hard,
        definitions,
    };

    let mut stack: Vec<Open> = Vec::new();
    let mut found: Vec<(usize, String)> = Vec::new();
    for (event, range) in &events {
        match event {
            Event::Start(tag) => stack.push(Open {
                kind: kind(tag),
                range: range.clone(),
                children: Vec::new(),
            }),
            Event::End(_) => {
                let open = stack.pop().expect("every end has its start");
                let quotes = stack.iter().filter(|o| o.kind == Kind::Quote).count();
                let r = open.range.clone();
                match open.kind {
                    Kind::Paragraph => found.push((r.start, text.normalise(r, quotes))),
                    Kind::Cell => found.push((r.start, text.normalise(r, 0))),
                    Kind::Heading => found.push((r.start, text.heading(r, quotes))),
                    Kind::Item => found.extend(text.item(&open, quotes)),
                    Kind::Quote | Kind::Block | Kind::Inline => {}
                }
                if open.kind != Kind::Inline
                    && let Some(parent) = stack.last_mut()
                {
                    parent.children.push(open.range);
                }
            }
            Event::Rule => {
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(range.clone());
                }
            }
            _ => {}
        }
    }
    // Blocks end inner first; the article's order is the order of their sources.
    found.sort_by_key(|(start, _)| *start);
    found
        .into_iter()
        .map(|(_, text)| text)
        .filter(|text| !text.is_empty())
        .collect()
}

/// The documented normalisation of a whole file: a leading BOM dropped, line endings
/// unified to `\n`, Unicode NFC.
fn normalise_file(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    raw.replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .collect()
}

/// White space as the documentation means it: non-breaking spaces are content.
fn is_white(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// The normalised file and where its backslash hard breaks are.
struct Text<'a> {
    src: &'a str,
    hard: HashSet<usize>,
    /// Where each link reference definition is.
    definitions: Vec<Range<usize>>,
}

impl Text<'_> {
    /// The block source in `range`, normalised: each line that `range` does not start in the
    /// middle of loses its container prefix (indentation and up to `quotes` `>` markers),
    /// each line is trimmed, and line breaks fold to one space, except a backslash hard
    /// break, kept as `\` and `\n`.
    fn normalise(&self, range: Range<usize>, quotes: usize) -> String {
        // Each line's content, and whether it ends in a backslash hard break.
        let mut lines: Vec<(&str, bool)> = Vec::new();
        let mut at = range.start;
        // A block's first line starts after its container prefix, unless the range starts
        // a line (an item's text after an inner block).
        let at_line_start = range.start == 0 || self.src[..range.start].ends_with('\n');
        for (i, line) in self.src[range].split('\n').enumerate() {
            let mut body = at;
            if i > 0 || at_line_start {
                body += prefix_len(line, quotes);
            }
            let rest = &self.src[body..at + line.len()];
            let content = rest.trim_matches(is_white);
            let content_start = body + (rest.len() - rest.trim_start_matches(is_white).len());
            let end = content_start + content.len();
            let hard = content.ends_with('\\') && self.hard.contains(&(end - 1));
            lines.push((content, hard));
            at += line.len() + 1;
        }
        while lines.last().is_some_and(|(c, _)| c.is_empty()) {
            lines.pop();
        }
        let first = lines.iter().take_while(|(c, _)| c.is_empty()).count();
        let mut out = String::new();
        for (content, hard) in &lines[first..] {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            if *hard {
                out.push_str(content);
                out.push('\n');
            } else {
                out.push_str(content);
            }
        }
        out
    }

    /// A heading's text: an ATX heading (one line) without its opening `#`s and its closing
    /// sequence; a setext heading (two lines or more) without its underline.
    fn heading(&self, range: Range<usize>, quotes: usize) -> String {
        let source = &self.src[range.clone()];
        let body = source.trim_end_matches(is_white);
        if let Some(underline) = body.rfind('\n') {
            return self.normalise(range.start..range.start + underline, quotes);
        }
        let line = body.trim_start_matches([' ', '\t']);
        let after_hashes = line.trim_start_matches('#');
        let text = after_hashes.trim_start_matches([' ', '\t']);
        let start = range.start + (body.len() - text.len());
        let mut text = text.trim_end_matches([' ', '\t']);
        // The closing sequence: `#`s that are the whole text or follow a space or tab.
        let unclosed = text.trim_end_matches('#');
        if unclosed.is_empty() || unclosed.ends_with([' ', '\t']) {
            text = unclosed;
        }
        self.normalise(start..start + text.len(), quotes)
    }

    /// A list item's own text: the source between the blocks inside it (all of it in a
    /// tight item's first line, none in a loose item, whose text is in paragraphs), its
    /// marker left out. A run of text between two inner blocks is a segment of its own.
    fn item(&self, item: &Open, quotes: usize) -> Vec<(usize, String)> {
        let inside = |r: &&Range<usize>| item.range.start <= r.start && r.end <= item.range.end;
        let mut blocks: Vec<&Range<usize>> = item
            .children
            .iter()
            .chain(self.definitions.iter().filter(inside))
            .collect();
        blocks.sort_by_key(|r| r.start);
        let end = item.range.end..item.range.end;
        let mut runs = Vec::new();
        let mut from = item.range.start;
        for child in blocks.into_iter().chain(std::iter::once(&end)) {
            if child.start > from {
                runs.push(from..child.start);
            }
            from = from.max(child.end);
        }
        runs.into_iter()
            .map(|run| {
                let run = if run.start == item.range.start {
                    run.start + marker_len(&self.src[run.clone()])..run.end
                } else {
                    run
                };
                (run.start, self.normalise(run, quotes))
            })
            .collect()
    }
}

/// The length of a continuation line's container prefix: indentation and up to `quotes`
/// block-quote markers.
fn prefix_len(line: &str, quotes: usize) -> usize {
    let mut rest = line;
    let mut left = quotes;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        match rest.strip_prefix('>') {
            Some(after) if left > 0 => {
                rest = after;
                left -= 1;
            }
            _ => return line.len() - rest.len(),
        }
    }
}

/// The length of a list item's marker with the indentation before it: `-`, `+`, `*`, or
/// digits and `.` or `)`.
fn marker_len(item: &str) -> usize {
    let rest = item.trim_start_matches([' ', '\t']);
    let after = match rest.strip_prefix(['-', '+', '*']) {
        Some(after) => after,
        None => rest
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .strip_prefix(['.', ')'])
            .unwrap_or_else(|| panic!("an item starts with a list marker: {item:?}")),
    };
    item.len() - after.len()
}

// ---------------------------------------------------------------------------------------------
// Finding and reading the spec.

/// `BITEXT_COMMONMARK_SPEC`, else the `commonmark-spec` package under the repository root.
fn spec_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("BITEXT_COMMONMARK_SPEC") {
        let path = PathBuf::from(path);
        assert!(
            path.is_file(),
            "BITEXT_COMMONMARK_SPEC names {}, which is not a file",
            path.display()
        );
        return Some(path);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the core crate is two folders below the repository root");
    [".ci/node_modules", "node_modules"]
        .iter()
        .flat_map(|dir| {
            ["spec.json", "spec.txt"].map(|file| root.join(dir).join("commonmark-spec").join(file))
        })
        .find(|path| path.is_file())
}

fn read_examples(path: &Path) -> Vec<Example> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "json") {
        examples_from_json(&text, path)
    } else {
        examples_from_spec_text(&text)
    }
}

/// The examples of a `spec.json`: an array of `{markdown, html, example, start_line,
/// end_line, section}`.
fn examples_from_json(text: &str, path: &Path) -> Vec<Example> {
    let value: serde_json::Value = serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    let array = value
        .as_array()
        .unwrap_or_else(|| panic!("{} is not an array of examples", path.display()));
    array
        .iter()
        .map(|e| Example {
            number: e["example"]
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or_else(|| panic!("an example without a number: {e}")),
            section: e["section"].as_str().unwrap_or_default().to_owned(),
            line: e["start_line"]
                .as_u64()
                .and_then(|n| usize::try_from(n).ok()),
            markdown: e["markdown"]
                .as_str()
                .unwrap_or_else(|| panic!("an example without markdown: {e}"))
                .to_owned(),
        })
        .collect()
}

/// The examples of the spec's own text, found as its tools find them: a line of 32 backticks
/// and ` example` opens one, a `.` line ends its Markdown, 32 backticks close it; `→` stands
/// for a tab; the last ATX heading before it is its section; `<!-- END TESTS -->` ends them.
fn examples_from_spec_text(text: &str) -> Vec<Example> {
    let fence = "`".repeat(32);
    let open = format!("{fence} example");
    let mut examples = Vec::new();
    let mut section = String::new();
    // The example being read: its first line, its Markdown, and whether its HTML has begun.
    let mut current: Option<(usize, String, bool)> = None;
    for (i, line) in text.lines().enumerate() {
        match current.as_mut() {
            None if line.starts_with("<!-- END TESTS -->") => break,
            None if line == open => current = Some((i + 1, String::new(), false)),
            None => {
                let hashes = line.len() - line.trim_start_matches('#').len();
                if hashes > 0 && line[hashes..].starts_with(' ') {
                    line[hashes..].trim().clone_into(&mut section);
                }
            }
            Some((_, markdown, in_html)) => {
                if !*in_html && line == "." {
                    *in_html = true;
                } else if !*in_html {
                    markdown.push_str(line);
                    markdown.push('\n');
                } else if line == fence {
                    let (start, markdown, _) = current.take().expect("an example is open");
                    examples.push(Example {
                        number: examples.len() + 1,
                        section: section.clone(),
                        line: Some(start),
                        markdown: markdown.replace('→', "\t"),
                    });
                }
            }
        }
    }
    examples
}

/// Reports that the test cannot run because the spec is missing. With `BITEXT_REQUIRE_TOOLS`
/// set it fails; otherwise it writes a `SKIPPED` line straight to the process's stderr, past
/// the test harness's capture, and the test passes.
#[track_caller]
fn skip(reason: &str) {
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    assert!(
        std::env::var_os("BITEXT_REQUIRE_TOOLS").is_none(),
        "{test}: {reason}, and BITEXT_REQUIRE_TOOLS is set"
    );
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reason}");
}
