//! A small, safe XML reader for the exchange formats, and escaping for the writers.
//!
//! Files from translators' tools are untrusted: a document type declaration is refused
//! outright (no external entities, no entity expansion, no billion laughs), only the five
//! predefined entities and character references are resolved, and nesting is bounded.

use std::path::Path;

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use crate::error::{Error, Result, line_column};
use crate::l10n;
use crate::t;

/// Deepest element nesting accepted; exchange files need fewer than ten levels.
const MAX_DEPTH: usize = 64;

/// An element with its attributes and children, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Local name (namespace prefix dropped).
    pub name: String,
    /// Attributes as (qualified name, value).
    pub attributes: Vec<(String, String)>,
    /// Child nodes.
    pub children: Vec<Node>,
    /// 1-based line and column of the start tag.
    pub position: (usize, usize),
}

/// A child of an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data (text and CDATA, entities resolved).
    Text(String),
}

impl Element {
    /// The value of the attribute with this qualified name.
    #[must_use]
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements with this local name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter_map(move |node| match node {
            Node::Element(e) if e.name == name => Some(e),
            _ => None,
        })
    }

    /// The first child element with this local name.
    #[must_use]
    pub fn child<'a>(&'a self, name: &'a str) -> Option<&'a Element> {
        self.children_named(name).next()
    }

    /// All text inside the element, inline markup elements included, in order.
    #[must_use]
    pub fn text(&self) -> String {
        let mut out = String::new();
        for node in &self.children {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => out.push_str(&e.text()),
            }
        }
        out
    }
}

/// Parses `text` (the content of `path`, named in errors) into its root element.
///
/// # Errors
/// Malformed XML, a DTD, an unknown entity, or nesting deeper than allowed, with the line and
/// column where it was found.
pub fn parse(path: &Path, text: &str) -> Result<Element> {
    let fail = |offset: u64, detail: String| {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX);
        let (line, column) = line_column(text, offset);
        Error::ParseExchange {
            path: path.to_owned(),
            line,
            column,
            detail,
        }
    };
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let before = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            fail(
                reader.error_position(),
                l10n::with_detail("detail-xml", &e.to_string()),
            )
        })?;
        match event {
            Event::DocType(_) => {
                return Err(fail(before, t!("xml-dtd")));
            }
            Event::Start(ref start) | Event::Empty(ref start) => {
                let is_empty = matches!(event, Event::Empty(_));
                if stack.len() >= MAX_DEPTH {
                    return Err(fail(before, t!("xml-too-deep", limit = MAX_DEPTH)));
                }
                if root.is_some() {
                    return Err(fail(before, t!("xml-content-after-root")));
                }
                let name = start.local_name().as_ref().to_owned();
                let mut attributes = Vec::new();
                for attr in start.attributes() {
                    let attr = attr.map_err(|e| {
                        fail(before, l10n::with_detail("detail-xml", &e.to_string()))
                    })?;
                    let key = attr.key.as_ref().to_owned();
                    let value = attr
                        .normalized_value(XmlVersion::Implicit1_0)
                        .map_err(|e| fail(before, l10n::with_detail("detail-xml", &e.to_string())))?
                        .into_owned();
                    attributes.push((key, value));
                }
                let element = Element {
                    name,
                    attributes,
                    children: Vec::new(),
                    position: line_column(text, usize::try_from(before).unwrap_or(0)),
                };
                if is_empty {
                    attach(&mut stack, &mut root, element);
                } else {
                    stack.push(element);
                }
            }
            Event::End(_) => {
                if let Some(element) = stack.pop() {
                    attach(&mut stack, &mut root, element);
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(c) => push_text(&mut stack, c.as_ref()),
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .map_err(|e| fail(before, l10n::with_detail("detail-xml", &e.to_string())))?
                        .map(String::from)
                } else {
                    match r.as_ref() {
                        "amp" => Some("&".to_owned()),
                        "lt" => Some("<".to_owned()),
                        "gt" => Some(">".to_owned()),
                        "quot" => Some("\"".to_owned()),
                        "apos" => Some("'".to_owned()),
                        _ => None,
                    }
                };
                let Some(resolved) = resolved else {
                    return Err(fail(before, t!("xml-unknown-entity", entity = r.as_ref())));
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(fail(
            text.len() as u64,
            t!("xml-not-closed", element = open.name.as_str()),
        ));
    }
    root.ok_or_else(|| fail(0, t!("xml-no-root")))
}

fn attach(stack: &mut [Element], root: &mut Option<Element>, element: Element) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(element)),
        None => *root = Some(element),
    }
}

fn push_text(stack: &mut [Element], text: &str) {
    let Some(parent) = stack.last_mut() else {
        return;
    };
    if let Some(Node::Text(last)) = parent.children.last_mut() {
        last.push_str(text);
    } else {
        parent.children.push(Node::Text(text.to_owned()));
    }
}

/// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Element> {
        parse(Path::new("t.xml"), text)
    }

    #[test]
    fn reads_elements_attributes_text_and_entities() {
        let root = parsed("<?xml version=\"1.0\"?><a x=\"1 &amp; 2\"><b>T &lt;&#233;&gt;</b><c/><b><![CDATA[<raw>]]></b></a>")
            .expect("parses");
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("x"), Some("1 & 2"));
        let bs: Vec<String> = root.children_named("b").map(Element::text).collect();
        assert_eq!(bs, ["T <é>", "<raw>"]);
        assert!(root.child("c").is_some());
    }

    #[test]
    fn refuses_dtds_unknown_entities_and_bad_structure() {
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<a>&x;</a>";
        let err = parsed(xxe).expect_err("refused").to_string();
        assert!(err.contains("t.xml:2:1") && err.contains("DTD"), "{err}");
        let err = parsed("<a>&nbsp;</a>").expect_err("refused").to_string();
        assert!(err.contains("unknown entity"), "{err}");
        assert!(parsed("<a><b></a>").is_err());
        assert!(parsed("<a>").is_err());
        assert!(parsed("").is_err());
        let deep = format!("{}{}", "<a>".repeat(100), "</a>".repeat(100));
        assert!(
            parsed(&deep)
                .expect_err("too deep")
                .to_string()
                .contains("nested")
        );
    }

    #[test]
    fn escaping_round_trips() {
        let text = "a < b & \"c\" 'd' > e\u{1}";
        let root =
            parsed(&format!("<t v=\"{}\">{}</t>", escape(text), escape(text))).expect("parses");
        assert_eq!(root.text(), "a < b & \"c\" 'd' > e");
        assert_eq!(root.attr("v"), Some("a < b & \"c\" 'd' > e"));
    }
}
