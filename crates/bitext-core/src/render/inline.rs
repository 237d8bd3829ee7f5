//! Rendering a segment's inline Markdown for exports: to HTML (escaped, with raw HTML shown
//! as text and only safe link targets), and to plain text.
//!
//! A segment is one block's inline content, so block syntax at the start of a line (`1990.`,
//! `- `, `#`, `>`) is escaped first: a translation that happens to begin with a year and a full
//! stop must stay a paragraph, not become a list.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

use crate::model::segment::HARD_BREAK;

/// Escapes block-level markers at the start of each line of `text`.
fn escape_block_markers(text: &str) -> String {
    text.split(HARD_BREAK)
        .map(escape_line_start)
        .collect::<Vec<_>>()
        .join(HARD_BREAK)
}

fn escape_line_start(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after_digits = &line[digits..];
    if digits > 0
        && (after_digits.starts_with(". ")
            || after_digits.starts_with(") ")
            || after_digits == "."
            || after_digits == ")")
    {
        return format!("{}\\{}", &line[..digits], after_digits);
    }
    let first = line.chars().next();
    match first {
        Some('#' | '>' | '=' | '|') => format!("\\{line}"),
        Some('-' | '+' | '*') if line.len() == 1 || line[1..].starts_with(' ') => {
            format!("\\{line}")
        }
        Some('-' | '*' | '_') if line.chars().all(|c| c == first.unwrap_or(' ') || c == ' ') => {
            format!("\\{line}")
        }
        _ => line.to_owned(),
    }
}

/// Parses `text` as inline Markdown, dropping the paragraph around it.
fn inline_events(text: &str) -> Vec<Event<'static>> {
    let escaped = escape_block_markers(text);
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    Parser::new_ext(&escaped, options)
        .filter(|e| {
            !matches!(
                e,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        })
        .map(Event::into_static)
        .collect()
}

/// Returns true if and only if a link target is safe to put in an `href` or `src`: a relative
/// reference, or an `http`, `https` or `mailto` URL.
fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &lower[..colon];
            // A colon after a path separator is not a scheme (`a/b:c`).
            scheme.contains(['/', '?', '#']) || matches!(scheme, "http" | "https" | "mailto")
        }
    }
}

/// Renders inline Markdown as HTML. Raw HTML in the text is shown as text, and links or images
/// with unsafe targets (`javascript:`) lose their target.
#[must_use]
pub fn to_html(text: &str) -> String {
    let events = inline_events(text).into_iter().map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !is_safe_url(&dest_url) => Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::Borrowed(""),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if !is_safe_url(&dest_url) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::Borrowed(""),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out.trim_end_matches('\n').to_owned()
}

/// Renders inline Markdown as plain text: emphasis markers dropped, a link as its text
/// followed by its target in brackets, a hard break as a line break.
#[must_use]
pub fn to_plain(text: &str) -> String {
    let mut out = String::new();
    let mut links: Vec<String> = Vec::new();
    for event in inline_events(text) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t);
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => links.push(
                if link_type == LinkType::Autolink || link_type == LinkType::Email {
                    String::new()
                } else {
                    dest_url.to_string()
                },
            ),
            Event::End(TagEnd::Link) => {
                if let Some(url) = links.pop().filter(|u| !u.is_empty()) {
                    out.push_str(" <");
                    out.push_str(&url);
                    out.push('>');
                }
            }
            _ => {}
        }
    }
    out
}

/// The words of inline Markdown as a reader sees them: emphasis markers dropped, a link as its
/// text alone, whether it is written inline (`[text](url)`) or refers to a definition
/// elsewhere in its page (`[text][]`, `[text][label]`), a hard break as a space. Two texts with
/// the same words and different link syntax or targets have the same words.
#[must_use]
pub fn to_words(text: &str) -> String {
    let escaped = escape_block_markers(text);
    // A segment holds no definitions: every reference is "broken" to the parser, and taken
    // for a link of no matter what target.
    let any_target = |_: pulldown_cmark::BrokenLink<'_>| Some((CowStr::from(""), CowStr::from("")));
    let mut out = String::new();
    for event in Parser::new_with_broken_link_callback(
        &escaped,
        Options::ENABLE_STRIKETHROUGH,
        Some(any_target),
    ) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn html_case(markdown: &str, expected: &str) {
        assert_eq!(to_html(markdown), expected, "{markdown:?}");
    }

    #[test]
    fn inline_markdown_becomes_escaped_html() {
        html_case(
            "*Matters* of **Concern**",
            "<em>Matters</em> of <strong>Concern</strong>",
        );
        html_case(
            "a <script>alert(1)</script> b",
            "a &lt;script&gt;alert(1)&lt;/script&gt; b",
        );
        html_case("<div>block html</div>", "&lt;div&gt;block html&lt;/div&gt;");
        html_case("Tom & Jerry \"quoted\"", "Tom &amp; Jerry \"quoted\"");
        html_case(
            "[site](https://example.org)",
            "<a href=\"https://example.org\">site</a>",
        );
        html_case("[bad](javascript:alert(1))", "<a href=\"\">bad</a>");
        html_case("line one\\\nline two", "line one<br />\nline two");
    }

    #[test]
    fn block_markers_at_line_start_stay_text() {
        html_case("1990. The year", "1990. The year");
        html_case("# not a heading", "# not a heading");
        html_case("- not a list", "- not a list");
        html_case("> not a quote", "&gt; not a quote");
        html_case("---", "---");
        html_case("2) second", "2) second");
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(to_plain("*Matters* of **Concern**"), "Matters of Concern");
        assert_eq!(
            to_plain("see [the site](https://example.org)."),
            "see the site <https://example.org>."
        );
        assert_eq!(to_plain("a <b>c</b>"), "a <b>c</b>");
        assert_eq!(to_plain("one\\\ntwo"), "one\ntwo");
        assert_eq!(to_plain("1990. The year"), "1990. The year");
    }

    #[test]
    fn words_leave_link_syntax_and_targets_out() {
        let inline =
            "other ways of [handling these errors](https://nodejs.org/api/errors.html) such";
        let reference = "other ways of [handling these errors][] such";
        assert_eq!(to_words(inline), "other ways of handling these errors such");
        assert_eq!(to_words(reference), to_words(inline));
        assert_eq!(
            to_words("see [the guide][guide], *now*"),
            "see the guide, now"
        );
        assert_eq!(to_words("1990. The year"), "1990. The year");
    }
}
