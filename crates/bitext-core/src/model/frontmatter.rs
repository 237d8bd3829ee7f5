//! Front matter fields that are text to translate: `title` and `description` unless the
//! workspace names others (`[layout] front_matter`).
//!
//! Only a top-level key with a scalar value is read: in YAML, a plain, single- or
//! double-quoted scalar on the key's line, or a folded (`>`) or literal (`|`) block scalar on
//! the lines below; in TOML, a basic or literal string on the key's line. Anything else (a
//! list, a nested table, a value spread over lines another way) stays structure, as the rest
//! of the front matter does.

use std::ops::Range;
use std::sync::{Arc, RwLock};

/// The keys translated when the workspace names none.
pub const DEFAULT_KEYS: &[&str] = &["title", "description"];

static KEYS: RwLock<Option<Arc<[String]>>> = RwLock::new(None);

/// Sets the keys read as text for the rest of the process: a workspace's `[layout]
/// front_matter`. Every segmentation in one process must agree on them, since positions in
/// an article depend on them.
pub fn set_keys(keys: &[String]) {
    let keys: Arc<[String]> = keys.iter().cloned().collect();
    if let Ok(mut slot) = KEYS.write() {
        *slot = Some(keys);
    }
}

/// The key of a [`crate::model::segment::SegmentKind::FrontMatter`] segment.
#[must_use]
pub fn key(index: u8) -> Option<String> {
    keys().get(usize::from(index)).cloned()
}

/// The keys read as text.
#[must_use]
pub fn keys() -> Arc<[String]> {
    KEYS.read()
        .ok()
        .and_then(|slot| slot.clone())
        .unwrap_or_else(|| DEFAULT_KEYS.iter().map(|k| (*k).to_owned()).collect())
}

/// How a value is written, to write a translation back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A plain YAML scalar.
    Plain,
    /// `'…'`, `''` for a quote.
    Single,
    /// `"…"` with backslash escapes (YAML, or a TOML basic string).
    Double,
    /// A YAML block scalar (`>`, `>-`, `|`, `|-`), its lines indented by this many spaces.
    Block(usize),
}

/// A field of the front matter read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Its key.
    pub key: String,
    /// The position of its key in [`keys`].
    pub key_index: u8,
    /// The value's source inside the quotes, or the block scalar's lines.
    pub span: Range<usize>,
    /// The value as text.
    pub text: String,
    /// How it is written.
    pub style: Style,
}

/// The fields named by [`keys`] in the front matter whose content (between its fences) is
/// `content` in `src`; TOML when `toml`. In source order.
#[must_use]
pub fn fields(src: &str, content: Range<usize>, toml: bool) -> Vec<Field> {
    let keys = keys();
    let body = src.get(content.clone()).unwrap_or_default();
    let mut out = Vec::new();
    let mut offset = content.start;
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let start = offset;
        offset += line.len();
        i += 1;
        let separator = if toml { '=' } else { ':' };
        let Some((key, rest)) = line.split_once(separator) else {
            continue;
        };
        let key = key.trim_end();
        let key = if toml {
            key.trim_matches('"')
        } else {
            key.trim_matches(['"', '\''])
        };
        let Some(key_index) = keys
            .iter()
            .position(|k| k == key)
            .and_then(|i| u8::try_from(i).ok())
        else {
            continue;
        };
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let rest_start = start + line.len() - rest.len();
        let value = rest.trim_end_matches(['\n', '\r']);
        let lead = value.len() - value.trim_start().len();
        let value_start = rest_start + lead;
        let value = value.trim_start();
        let field = if value.starts_with(['>', '|']) && value.len() <= 3 && !toml {
            block_scalar(src, &lines, &mut i, &mut offset)
        } else {
            scalar(value, value_start, toml)
        };
        let Some((span, text, style)) = field else {
            continue;
        };
        let Some(text) = crate::model::segment::normalise_paragraph(&text) else {
            continue;
        };
        if !text.is_empty() {
            out.push(Field {
                key: key.to_owned(),
                key_index,
                span,
                text,
                style,
            });
        }
    }
    out
}

/// A value's span, text and style.
type Value = (Range<usize>, String, Style);

/// The quoted or plain scalar `value`, which starts at `value_start` of the source.
fn scalar(value: &str, value_start: usize, toml: bool) -> Option<Value> {
    if let Some(inner) = value.strip_prefix('"') {
        closing(inner, '"').map(|end| {
            let raw = &inner[..end];
            (
                value_start + 1..value_start + 1 + end,
                unescape(raw),
                Style::Double,
            )
        })
    } else if let Some(inner) = value.strip_prefix('\'') {
        closing(inner, '\'').map(|end| {
            let raw = &inner[..end];
            let text = if toml {
                raw.to_owned()
            } else {
                raw.replace("''", "'")
            };
            (value_start + 1..value_start + 1 + end, text, Style::Single)
        })
    } else if toml {
        None
    } else {
        let plain = value.split(" #").next().unwrap_or_default().trim_end();
        let forbidden = plain.starts_with(['[', '{', '&', '*', '!', '%', '@', '`']);
        (!plain.is_empty() && !forbidden).then(|| {
            (
                value_start..value_start + plain.len(),
                plain.to_owned(),
                Style::Plain,
            )
        })
    }
}

/// A YAML block scalar: the lines from `lines[*i]` (at `*offset` of the source) indented
/// more than its key; `*i` and `*offset` are moved past them.
fn block_scalar(src: &str, lines: &[&str], i: &mut usize, offset: &mut usize) -> Option<Value> {
    let block_start = *offset;
    let mut end = *offset;
    let mut indent = None;
    while *i < lines.len() {
        let next = lines[*i];
        let blank = next.trim().is_empty();
        let spaces = next.len() - next.trim_start_matches(' ').len();
        if !blank && spaces == 0 {
            break;
        }
        if !blank && indent.is_none() {
            indent = Some(spaces);
        }
        *offset += next.len();
        end = *offset;
        *i += 1;
    }
    let raw = src.get(block_start..end).unwrap_or_default();
    let text = raw.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
    indent.map(|indent| (block_start..end, text, Style::Block(indent)))
}

/// Where the quote closing a scalar that `inner` follows is, on its line.
fn closing(inner: &str, quote: char) -> Option<usize> {
    let mut chars = inner.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => return None,
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                // `''` inside a single-quoted YAML scalar is a quote.
                if quote == '\'' && inner[i + 1..].starts_with('\'') {
                    chars.next();
                    continue;
                }
                return Some(i);
            }
            _ => {}
        }
    }
    None
}

/// A double-quoted scalar's text: `\"`, `\\`, `\n`, `\t`, `\/` and `\u…` read.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(c);
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// `text` written as a value of `style`, to replace a field's span: escaped for quotes, and
/// for a block scalar as lines indented like the original's.
#[must_use]
pub fn write(style: Style, text: &str) -> String {
    match style {
        Style::Double => text.replace('\\', "\\\\").replace('"', "\\\""),
        Style::Single => text.replace('\'', "''"),
        Style::Plain => {
            // A plain scalar cannot hold `: ` or ` #`, nor start with an indicator: the
            // caller quotes it then (see [`needs_quotes`]).
            text.to_owned()
        }
        Style::Block(indent) => format!("{}{text}\n", " ".repeat(indent)),
    }
}

/// True when `text` cannot be written as a plain YAML scalar.
#[must_use]
pub fn needs_quotes(text: &str) -> bool {
    text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.starts_with([
            '[', '{', '&', '*', '!', '%', '@', '`', '\'', '"', '#', '|', '>', '-', '?', ',',
        ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(front: &str) -> Vec<(String, String, Style)> {
        fields(front, 0..front.len(), false)
            .into_iter()
            .map(|f| {
                assert!(front.get(f.span.clone()).is_some());
                (f.key, f.text, f.style)
            })
            .collect()
    }

    #[test]
    fn titles_and_descriptions_are_read_in_every_scalar_style() {
        let front = "title: Getting started\nlayout: docs\ndescription: \"Say \\\"hi\\\"\"\n";
        assert_eq!(
            read(front),
            [
                ("title".into(), "Getting started".into(), Style::Plain),
                ("description".into(), "Say \"hi\"".into(), Style::Double),
            ]
        );
        assert_eq!(
            read("title: 'It''s here' # a comment\n"),
            [("title".into(), "It's here".into(), Style::Single)]
        );
        let block = "description: >-\n  One line\n  and another.\nlayout: x\n";
        let fields = fields(block, 0..block.len(), false);
        assert_eq!(fields[0].text, "One line and another.");
        assert_eq!(fields[0].style, Style::Block(2));
        assert_eq!(
            &block[fields[0].span.clone()],
            "  One line\n  and another.\n"
        );
        assert_eq!(read("title: Plain # comment\n")[0].1, "Plain");
    }

    #[test]
    fn other_keys_lists_and_nested_values_stay_structure() {
        assert!(read("layout: docs\nsample: true\n").is_empty());
        assert!(read("title: [a, b]\n").is_empty());
        assert!(read("meta:\n  title: Nested\n").is_empty());
        assert!(read("title:\n").is_empty());
        assert!(read("title: \"unclosed\n").is_empty());
    }

    #[test]
    fn toml_strings_are_read() {
        let front = "title = \"Hello\"\ndraft = true\ndescription = 'Literal \\n'\n";
        let read: Vec<String> = fields(front, 0..front.len(), true)
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(read, ["Hello", "Literal \\n"]);
    }

    #[test]
    fn a_value_written_back_reads_the_same() {
        for (style, text) in [
            (Style::Double, "Say \"hi\" \\ there"),
            (Style::Single, "It's"),
            (Style::Plain, "Plain words"),
        ] {
            let (open, close) = match style {
                Style::Double => ("\"", "\""),
                Style::Single => ("'", "'"),
                _ => ("", ""),
            };
            let front = format!("title: {open}{}{close}\n", write(style, text));
            assert_eq!(read(&front)[0].1, text, "{front}");
        }
        assert!(needs_quotes("Note: this"));
        assert!(!needs_quotes("Plain words"));
    }
}
