//! JSON written a section at a time, byte for byte as `serde_json` pretty-prints the whole
//! report: `{"head": …, "array": [elements…]}` where each element is pretty-printed at its
//! depth as it is found.

use std::io::{self, Write};

use serde::Serialize;

use crate::report::spool::Spool;

/// An element of one of the report's top-level arrays, pretty-printed at its depth.
#[must_use]
pub fn element(value: &impl Serialize) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
    out
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
