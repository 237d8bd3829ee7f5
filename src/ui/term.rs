//! Terminal output: whether to colour, and the few colours bitext uses.

use std::io::IsTerminal as _;

use bitext_core::model::assess::State;
use bitext_core::model::worddiff::{Chunk, Op};

/// When to colour output, as given by `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    // Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    // Always colour.
    Always,
    // Never colour.
    Never,
}

/// Resolved styling for one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    color: bool,
}

impl Style {
    /// Resolves `--color` against the environment and stdout.
    #[must_use]
    pub fn resolve(choice: ColorChoice) -> Self {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Self { color }
    }

    /// Plain output, for tests and machine formats.
    #[must_use]
    pub fn plain() -> Self {
        Self { color: false }
    }

    /// `text` in the colour that stands for `state`.
    #[must_use]
    pub fn state(self, state: State, text: &str) -> String {
        let code = match state {
            State::Current => "32",
            State::Stale => "33",
            State::Missing => "31",
            State::Draft => "36",
        };
        self.paint(code, text)
    }

    /// `text` in bold.
    #[must_use]
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// One diff chunk: colour on a terminal, `[-...-]` / `{+...+}` markers otherwise.
    #[must_use]
    pub fn chunk(self, chunk: &Chunk) -> String {
        match chunk.op {
            Op::Equal => chunk.text.clone(),
            Op::Delete => self.deleted(&chunk.text),
            Op::Insert => self.inserted(&chunk.text),
        }
    }

    /// Deleted text: red and struck through, or `[-text-]` without colour.
    #[must_use]
    pub fn deleted(self, text: &str) -> String {
        if self.color {
            self.paint("9;31", text)
        } else {
            format!("[-{text}-]")
        }
    }

    /// Inserted text: green and underlined, or `{+text+}` without colour.
    #[must_use]
    pub fn inserted(self, text: &str) -> String {
        if self.color {
            self.paint("4;32", text)
        } else {
            format!("{{+{text}+}}")
        }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

/// Display width of `text` in terminal columns: accents and other combining marks take none,
/// CJK ideographs and other wide characters two (Unicode's East Asian Width).
#[must_use]
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` on one line, cut to at most `columns` display columns: white space runs become one
/// space, and a text too long ends with an ellipsis (`…`) inside the limit, after the last
/// whole word when that keeps more than half of it.
#[must_use]
pub fn fit(text: &str, columns: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if width(&flat) <= columns {
        return flat;
    }
    let room = columns.saturating_sub(1);
    let mut cut = String::new();
    let mut used = 0;
    for c in flat.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        cut.push(c);
        used += w;
    }
    let cut = match cut.rfind(' ') {
        Some(i) if width(&cut[..i]) > room / 2 => cut[..i].to_owned(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}

/// Pads `text` on the right to `columns`.
#[must_use]
pub fn pad_right(text: &str, columns: usize) -> String {
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    out
}

/// Pads `text` on the left to `columns`.
#[must_use]
pub fn pad_left(text: &str, columns: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', columns.saturating_sub(width(text))).collect();
    out.push_str(text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, columns: usize, expected: &str) {
        let got = fit(text, columns);
        assert_eq!(got, expected, "{text:?} in {columns}");
        assert!(width(&got) <= columns, "{got:?} is wider than {columns}");
    }

    #[test]
    fn width_counts_terminal_columns() {
        assert_eq!(width("résumé"), 6);
        // "e" and a combining acute accent: one column.
        assert_eq!(width("re\u{301}sume\u{301}"), 6);
        assert_eq!(width("日本語"), 6);
        assert_eq!(pad_right("日本", 6), "日本  ");
        assert_eq!(pad_left("été", 5), "  été");
    }

    #[test]
    fn fit_cuts_at_display_width_with_an_ellipsis() {
        case("short", 10, "short");
        case("two\n  lines", 10, "two lines");
        case("The council met on Monday", 12, "The council…");
        case("Élection présidentielle anticipée", 15, "Élection…");
        case("日本語のテキストです", 9, "日本語の…");
        case("Unbreakableword", 6, "Unbre…");
    }
}
