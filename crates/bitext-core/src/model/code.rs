//! Inline code in a segment: the spans between backtick runs, as CommonMark reads them. What
//! is inside code is the code's to check, not the prose checks': a number, an address or a
//! version there is copied verbatim, and a segment that is only code is never "untranslated".
//! The alignment and the memory read it too: a line of code is never linked to prose, nor
//! offered a translation of prose.

use std::borrow::Cow;

/// The byte ranges of the inline code spans of `text`, backticks included: a run of n
/// backticks up to the next run of exactly n; an unmatched run is text.
#[must_use]
pub fn spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let run_at = |i: usize| bytes[i..].iter().take_while(|&&b| b == b'`').count();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let open = run_at(i);
        let mut j = i + open;
        let mut closed = None;
        while j < bytes.len() {
            if bytes[j] == b'`' {
                let run = run_at(j);
                if run == open {
                    closed = Some(j + run);
                    break;
                }
                j += run;
            } else {
                j += 1;
            }
        }
        match closed {
            Some(end) => {
                out.push(i..end);
                i = end;
            }
            None => i += open,
        }
    }
    out
}

/// `text` with each inline code span replaced by one space.
#[must_use]
pub fn without_code(text: &str) -> Cow<'_, str> {
    if !text.contains('`') {
        return Cow::Borrowed(text);
    }
    let spans = spans(text);
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for span in spans {
        out.push_str(&text[pos..span.start]);
        out.push(' ');
        pos = span.end;
    }
    out.push_str(&text[pos..]);
    Cow::Owned(out)
}

/// Returns true if and only if `text` holds inline code and nothing else but punctuation and
/// white space around it.
#[must_use]
pub fn is_code_only(text: &str) -> bool {
    text.contains('`')
        && !spans(text).is_empty()
        && without_code(text).chars().all(|c| !c.is_alphanumeric())
}

/// The code of `text`: its inline code spans' contents (without the backticks), each with its
/// placeholders masked, joined by a line break. Two texts whose code differs only inside
/// placeholders have the same code.
#[must_use]
pub fn code_key(text: &str, placeholders: &crate::model::placeholder::Placeholders) -> String {
    spans(text)
        .into_iter()
        .map(|range| placeholders.mask(inner(&text[range]), true))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The content of a code span (`` `a` `` or ``` `` a ` b `` ```): the backticks, and the one
/// space CommonMark strips from each end when both ends have one, taken off.
#[must_use]
pub fn inner(span: &str) -> &str {
    let content = span.trim_matches('`');
    match content.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
        Some(stripped) if !stripped.trim().is_empty() => stripped,
        _ => content,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_are_found_as_commonmark_reads_them() {
        let text = "Run `wc -l {{file}}`, then ``a ` b`` and `unclosed";
        let found: Vec<&str> = spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["`wc -l {{file}}`", "``a ` b``"]);
        assert_eq!(without_code("Ping `192.168.0.1` now"), "Ping   now");
        assert_eq!(spans(r"Not \`code\` here"), []);
    }

    #[test]
    fn code_that_differs_inside_placeholders_is_the_same_code() {
        let p = crate::model::placeholder::Placeholders::default();
        assert_eq!(
            code_key("`wc -l {{path/to/file}}`", &p),
            code_key("`wc -l {{ruta/al/archivo}}`", &p)
        );
        assert_ne!(
            code_key("`wc -l {{path/to/file}}`", &p),
            code_key("`vmtouch -l {{ruta/al/archivo}}`", &p)
        );
        assert_eq!(code_key("Run `` a ` b `` now", &p), "a ` b");
        assert_eq!(code_key("no code", &p), "");
    }

    #[test]
    fn only_code_and_punctuation_is_code_only() {
        assert!(is_code_only("`wc -l {{path/to/file}}`"));
        assert!(is_code_only("- `npm install` :"));
        assert!(!is_code_only("Count lines: `wc -l`"));
        assert!(!is_code_only("No code at all"));
    }
}
