//! A translated page: a source file with the text of its segments replaced, everything else
//! (front matter, code blocks, HTML blocks, link definitions, blank lines, list markers)
//! copied byte for byte. This is the page a site builds from a translation, and what the
//! Markdown translation store writes.

use crate::model::frontmatter::{self, Style};
use crate::model::segment::{SegmentKind, segment, segment_mdx, spans};

/// What a segment becomes in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text<'a> {
    /// Its source text, as in the source file.
    Source,
    /// This text instead.
    Replace(&'a str),
    /// Nothing: a paragraph is left out with the blank line after it; another block keeps
    /// its source text, since leaving it out would change the page's structure.
    Omit,
}

/// `source` (a source file's content, MDX when `mdx`) with each segment's text replaced as
/// `texts` says, one entry per segment in order (missing entries keep the source). The
/// result is normalised as segmenting normalises a file (line endings, NFC, no BOM).
#[must_use]
pub fn render(source: &str, mdx: bool, texts: &[Text<'_>]) -> String {
    let (src, ranges) = spans(source, mdx);
    let segments = if mdx {
        segment_mdx(source)
    } else {
        segment(source)
    };
    let mut out = String::with_capacity(src.len());
    let mut pos = 0;
    for (i, (range, segment)) in ranges.iter().zip(&segments).enumerate() {
        let Some(range) = range.clone() else {
            continue;
        };
        if range.start < pos {
            continue;
        }
        match texts.get(i).unwrap_or(&Text::Source) {
            Text::Replace(text) => {
                out.push_str(&src[pos..range.start]);
                if matches!(segment.kind, SegmentKind::FrontMatter(_)) {
                    let (open, value, close) = front_matter_value(&src, &range, text);
                    out.push_str(open);
                    out.push_str(&value);
                    out.push_str(close);
                } else {
                    out.push_str(text);
                }
                pos = range.end;
            }
            Text::Omit if segment.kind == SegmentKind::Paragraph => {
                let line_start = src[..range.start].rfind('\n').map_or(0, |i| i + 1);
                let prefix = &src[line_start..range.start];
                if prefix.trim().is_empty() && line_start >= pos {
                    out.push_str(&src[pos..line_start]);
                    let line_end = src[range.end..]
                        .find('\n')
                        .map_or(src.len(), |i| range.end + i + 1);
                    let rest = &src[line_end..];
                    // The blank line after the paragraph goes with it.
                    pos = if rest.starts_with('\n') {
                        line_end + 1
                    } else {
                        line_end
                    };
                }
            }
            Text::Source | Text::Omit => {}
        }
    }
    out.push_str(&src[pos..]);
    out
}

/// The text replacing a front matter value at `range` of `src`, written the way the value
/// is: quotes escaped inside quotes, a block scalar's indentation, and double quotes around
/// a plain scalar that the translation could not be plain in. Returns what to put before the
/// value (an opening quote), the value and what to put after it.
fn front_matter_value(
    src: &str,
    range: &std::ops::Range<usize>,
    text: &str,
) -> (&'static str, String, &'static str) {
    let before = src[..range.start].chars().next_back();
    let line_start = src[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let at_line_start = line_start == range.start;
    match before {
        Some('"') => ("", frontmatter::write(Style::Double, text), ""),
        Some('\'') => ("", frontmatter::write(Style::Single, text), ""),
        _ if at_line_start => {
            let indent =
                src[range.start..].len() - src[range.start..].trim_start_matches(' ').len();
            (
                "",
                frontmatter::write(Style::Block(indent.max(1)), text),
                "",
            )
        }
        _ if frontmatter::needs_quotes(text) => {
            ("\"", frontmatter::write(Style::Double, text), "\"")
        }
        _ => ("", frontmatter::write(Style::Plain, text), ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---\ntitle: About us\nlayout: page\ndescription: \"Who we are\"\n---\n\n# About us\n\nWe are a small\nteam of two.\n\n```sh\nnpm install\n```\n\n- one\n- two\n\n[home]: https://example.org\n";

    #[test]
    fn a_page_keeps_everything_but_the_text_it_replaces() {
        let texts = [
            Text::Replace("À propos"),
            Text::Replace("Qui nous sommes"),
            Text::Replace("À propos de nous"),
            Text::Replace("Nous sommes une petite équipe de deux."),
            Text::Replace("un"),
            Text::Source,
        ];
        let page = render(PAGE, false, &texts);
        assert_eq!(
            page,
            "---\ntitle: À propos\nlayout: page\ndescription: \"Qui nous sommes\"\n---\n\n# À propos de nous\n\nNous sommes une petite équipe de deux.\n\n```sh\nnpm install\n```\n\n- un\n- two\n\n[home]: https://example.org\n"
        );
        // It reads back to the same segments.
        let read: Vec<String> = segment(&page).into_iter().map(|s| s.text).collect();
        assert_eq!(
            read,
            [
                "À propos",
                "Qui nous sommes",
                "À propos de nous",
                "Nous sommes une petite équipe de deux.",
                "un",
                "two"
            ]
        );
        assert_eq!(render(PAGE, false, &[]), PAGE, "nothing replaced");
    }

    #[test]
    fn front_matter_values_are_quoted_and_escaped_as_needed() {
        let page = render(
            PAGE,
            false,
            &[
                Text::Replace("Nota: \"nous\""),
                Text::Replace("Il a dit \"oui\""),
            ],
        );
        assert!(page.contains("title: \"Nota: \\\"nous\\\"\"\n"), "{page}");
        assert!(
            page.contains("description: \"Il a dit \\\"oui\\\"\"\n"),
            "{page}"
        );
        let read: Vec<String> = segment(&page).into_iter().map(|s| s.text).collect();
        assert_eq!(read[..2], ["Nota: \"nous\"", "Il a dit \"oui\""]);
        let block = "---\ndescription: >-\n  Long\n  text.\n---\n\nBody.\n";
        let page = render(block, false, &[Text::Replace("Texte long.")]);
        assert_eq!(page, "---\ndescription: >-\n  Texte long.\n---\n\nBody.\n");
    }

    #[test]
    fn an_omitted_paragraph_leaves_with_its_blank_line() {
        let page = render(
            "# T\n\nOne.\n\nTwo.\n\nThree.\n",
            false,
            &[
                Text::Source,
                Text::Replace("Un."),
                Text::Omit,
                Text::Replace("Trois."),
            ],
        );
        assert_eq!(page, "# T\n\nUn.\n\nTrois.\n");
    }
}
