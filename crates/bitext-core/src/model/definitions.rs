//! Link reference definitions (`[label]: destination`): a Markdown page defines them once,
//! anywhere, and its paragraphs refer to them (`[text][label]`, `[text][]`, `[label]`). A
//! segment is one paragraph, without its page's definitions, so a check that compares link
//! destinations resolves the segment's references against the definitions of its page.

use std::collections::BTreeMap;

use pulldown_cmark::{Options, Parser};

/// The link reference definitions of one page: each label, normalised, with its destination.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Definitions {
    destinations: BTreeMap<String, String>,
}

/// No definitions: what a text without a page resolves against.
static NONE: Definitions = Definitions {
    destinations: BTreeMap::new(),
};

impl Definitions {
    /// The definitions of the Markdown page `text`.
    #[must_use]
    pub fn of(text: &str) -> Self {
        // Every definition has `]:`; most pages have none.
        if !text.contains("]:") {
            return Self::default();
        }
        // Definitions are read in the parser's first pass, over blocks; the inline pass,
        // which iterating would run, is not needed.
        let parser = Parser::new_ext(text, Options::ENABLE_TABLES);
        let destinations = parser
            .reference_definitions()
            .iter()
            .map(|(label, definition)| (normalise(label), definition.dest.to_string()))
            .collect();
        Self { destinations }
    }

    /// No definitions.
    #[must_use]
    pub fn none() -> &'static Self {
        &NONE
    }

    /// The destination `label` refers to, if the page defines it. Labels match as CommonMark
    /// matches them: case and runs of white space aside.
    #[must_use]
    pub fn get(&self, label: &str) -> Option<&str> {
        if self.destinations.is_empty() {
            return None;
        }
        self.destinations.get(&normalise(label)).map(String::as_str)
    }

    /// Returns true if and only if the page defines no label.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.destinations.is_empty()
    }
}

/// A label as CommonMark compares labels: white space collapsed, case folded.
fn normalise(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_anywhere_in_the_page_are_found_by_label() {
        let page = "See the [API reference][] and [the guide][guide].\n\n\
                    [API reference]: https://nodejs.org/api/http.html\n\
                    [Guide]:   /en/docs/guides/  \"The guide\"\n";
        let defs = Definitions::of(page);
        assert_eq!(
            defs.get("api  Reference"),
            Some("https://nodejs.org/api/http.html")
        );
        assert_eq!(defs.get("guide"), Some("/en/docs/guides/"));
        assert_eq!(defs.get("missing"), None);
        assert!(Definitions::of("No definitions: [a] and [b][].").is_empty());
        assert!(Definitions::none().is_empty());
    }
}
