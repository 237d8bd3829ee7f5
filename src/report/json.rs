//! JSON written a section at a time, byte for byte as `serde_json` pretty-prints the whole
//! report: `{"head": …, "array": [elements…]}` where each element is pretty-printed at its
//! depth as it is found.

use std::io::{self, Write};

use serde::Serialize;

use crate::report::spool::Spool;

/// An element of one of the report's top-level arrays, pretty-printed at its depth.
#[must_use]
pub fn element(value: &impl Serialize) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and serde_json writes UTF-8.
    let _ = write_element(&mut out, value);
    String::from_utf8(out).unwrap_or_default()
}

/// As [`element`], written to `out` as it is serialised: a large element (a long article's
/// stale segments) is never held whole, let alone twice.
///
/// # Errors
/// A failed write.
pub fn write_element(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let mut indented = io::BufWriter::with_capacity(1 << 16, Indented { out });
    indented.write_all(b"    ")?;
    serde_json::to_writer_pretty(&mut indented, value).map_err(io::Error::other)?;
    indented.flush()
}

/// A writer that indents every line after the first by four spaces (the first is indented
/// by [`write_element`]). A JSON string never holds a raw line break, so every line break
/// written is one of the document's.
struct Indented<'a> {
    out: &'a mut dyn Write,
}

impl Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut lines = buf.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.out.write_all(first)?;
        }
        for line in lines {
            self.out.write_all(b"\n    ")?;
            self.out.write_all(line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Writes `,\n  "name": [...]` with the elements of `spool` (pushed with the separator
/// `",\n"`), as `serde_json` prints an array after another field.
///
/// # Errors
/// A failed write.
pub fn array(out: &mut dyn Write, name: &str, spool: Spool) -> io::Result<()> {
    if spool.items() == 0 {
        return write!(out, ",\n  \"{name}\": []");
    }
    write!(out, ",\n  \"{name}\": [\n")?;
    spool.copy_to(out)?;
    write!(out, "\n  ]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_is_its_pretty_json_indented_two_levels() {
        let value = serde_json::json!({"a": [1, {"b": "x\ny"}], "c": ""});
        assert_eq!(
            element(&value),
            "    {\n      \"a\": [\n        1,\n        {\n          \"b\": \"x\\ny\"\n        }\n      ],\n      \"c\": \"\"\n    }"
        );
    }
}
