//! A section of a report, written to a temporary file as the report is made, so that a
//! report over a whole workspace is never held in memory, and copied out when its turn comes.

use std::io::{self, Seek as _, Write};

/// A section of the output, in a temporary file, with the number of items it holds.
pub struct Spool {
    file: io::BufWriter<std::fs::File>,
    items: usize,
}

impl Spool {
    /// An empty section.
    ///
    /// # Errors
    /// The temporary file cannot be made.
    pub fn new() -> io::Result<Self> {
        Ok(Self {
            file: io::BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            items: 0,
        })
    }

    /// The number of items pushed.
    #[must_use]
    pub fn items(&self) -> usize {
        self.items
    }

    /// Adds `text` as one item, after `separator` unless it is the first.
    ///
    /// # Errors
    /// A failed write to the temporary file.
    pub fn push(&mut self, separator: &str, text: &str) -> io::Result<()> {
        if self.items > 0 {
            self.file.write_all(separator.as_bytes())?;
        }
        self.file.write_all(text.as_bytes())?;
        self.items += 1;
        Ok(())
    }

    /// Writes what it holds to `out`.
    ///
    /// # Errors
    /// A failed read of the temporary file or write to `out`.
    pub fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        let mut file = self
            .file
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.rewind()?;
        io::copy(&mut file, out)?;
        Ok(())
    }
}
