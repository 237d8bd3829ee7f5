//! Terminal output: whether to colour, and the few colours bitext uses.

use std::io::IsTerminal as _;

use crate::model::assess::State;
use crate::model::worddiff::{Chunk, Op};

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

/// Display width of `text` in terminal columns (characters; the messages and excerpts bitext
/// aligns are in scripts of width one).
#[must_use]
pub fn width(text: &str) -> usize {
    text.chars().count()
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
