//! GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), which GitHub
//! shows as annotations on the lines of a pull request.

use std::fmt;

/// How an annotation shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `::error`.
    Error,
    /// `::warning`.
    Warning,
}

/// One workflow command, written by its `Display` without a line ending.
#[derive(Debug, Clone, Copy)]
pub struct Annotation<'a> {
    /// Error or warning.
    pub level: Level,
    /// The file and 1-based line it is placed on; none for one about the whole run.
    pub place: Option<(&'a str, usize)>,
    /// The annotation's title (only with a place).
    pub title: &'a str,
    /// The message, on as many lines as it needs.
    pub message: &'a str,
}

impl fmt::Display for Annotation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        match self.place {
            Some((file, line)) => write!(
                f,
                "::{level} file={},line={line},title={}::{}",
                escape_property(file),
                escape_property(self.title),
                escape_data(self.message)
            ),
            None => write!(f, "::{level}::{}", escape_data(self.message)),
        }
    }
}

/// Escapes a workflow command's message, as the GitHub Actions toolkit does.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value, as the GitHub Actions toolkit does.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped_as_the_toolkit_does() {
        let placed = Annotation {
            level: Level::Warning,
            place: Some(("sources/a,b:c.md", 3)),
            title: "fr: stale",
            message: "100% done\r\nnext",
        };
        assert_eq!(
            placed.to_string(),
            "::warning file=sources/a%2Cb%3Ac.md,line=3,title=fr%3A stale::100%25 done%0D%0Anext"
        );
        let whole = Annotation {
            level: Level::Error,
            place: None,
            title: "",
            message: "a: b, c",
        };
        assert_eq!(whole.to_string(), "::error::a: b, c");
    }
}
