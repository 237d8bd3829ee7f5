//! Writes the memory's index file, entry by entry, in bounded memory.
//!
//! The texts go straight to the file as they come; the (key, entry) pairs of the inverted
//! index are sorted in runs of fixed size, each spilled to a temporary file, and the runs
//! merged at the end into the key table and the posting lists. What stays in memory is one
//! run and the buffers, whatever the size of the workspace.
//!
//! The file, read by [`crate::memory::index::Memory`]:
//!
//! ```text
//! u64 header length, header       what the caller needs to trust the file (its freshness)
//! u64 x DIRECTORY                 entries, texts length, postings, keys
//! texts                           each entry's source, translation and origin, one after the other
//! records                         per entry: u64 offset in texts, u32 x 3 lengths, u64 x 2
//!                                 its context (the hashes of its neighbours, 0 for none)
//! shapes                          per entry: u32 words, u32 weight
//! postings                        per key in entry order: u32 entry number, u32 its packed
//!                                 shape (so that a lookup needs no table of every entry)
//! keys                            per key, sorted: u32 key, u32 first posting; then a last
//!                                 record whose second half is the number of postings
//! sparse                          every SPARSE-th key, to find a key with one read
//! ```
//!
//! All integers are little-endian.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek as _, SeekFrom, Write};

use crate::memory::grams::{Profile, Shape};
use crate::memory::index::Entry;

/// Number of u64 fields of the directory.
pub(crate) const DIRECTORY: usize = 4;
/// Bytes per entry record.
pub(crate) const RECORD: u64 = 36;
/// One key in this many is kept in the sparse table.
pub(crate) const SPARSE: u64 = 256;
/// Postings sorted in memory before a run is spilled: 8 MiB (a few hundred in unit tests, so
/// that they merge many runs).
const RUN: usize = if cfg!(test) { 1 << 8 } else { 1 << 19 };
/// Bytes of a posting in a spilled run: key, entry, packed shape.
const SPILLED: usize = 12;
/// Buffer of each file read or written.
const BUFFER: usize = 1 << 16;
/// What the buffers of the runs being merged take together, when there are enough runs that
/// each gets less than [`BUFFER`] (4 KiB at least): 4 MiB.
const MERGE_BUFFERS: usize = 1 << 22;

/// An entry ready to be added: the work that can run in parallel done.
#[derive(Debug)]
pub(crate) struct Prepared {
    entry: Entry,
    origin: String,
    shape: Shape,
    keys: Vec<u32>,
}

impl Prepared {
    /// Profiles `entry` and lists the keys it is indexed under.
    pub(crate) fn new(entry: Entry) -> Self {
        let profile = Profile::of(&entry.source);
        Self {
            keys: profile.entry_keys(&entry.source),
            shape: profile.shape(),
            origin: entry.origin.encode(),
            entry,
        }
    }
}

/// An index file being written.
pub(crate) struct Builder {
    out: BufWriter<File>,
    texts: u64,
    records: BufWriter<File>,
    shapes: BufWriter<File>,
    entries: u64,
    /// Postings of the current run: key, entry and packed shape, from the high bits down, so
    /// that they sort by key, then entry.
    pairs: Vec<u128>,
    runs: Vec<File>,
    header_len: u64,
}

fn u32_of(n: u64) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| io::Error::other("memory index: more than 2^32 items"))
}

impl Builder {
    /// Starts writing to `file` (empty), after `header`.
    ///
    /// # Errors
    /// A failed write, or no temporary file.
    pub(crate) fn new(file: File, header: &[u8]) -> io::Result<Self> {
        let mut out = BufWriter::with_capacity(BUFFER, file);
        out.write_all(&(header.len() as u64).to_le_bytes())?;
        out.write_all(header)?;
        out.write_all(&[0; DIRECTORY * 8])?;
        Ok(Self {
            out,
            texts: 0,
            records: BufWriter::with_capacity(BUFFER, tempfile::tempfile()?),
            shapes: BufWriter::with_capacity(BUFFER, tempfile::tempfile()?),
            entries: 0,
            pairs: Vec::with_capacity(RUN),
            runs: Vec::new(),
            header_len: 8 + header.len() as u64,
        })
    }

    /// Adds the next entry; entries are numbered in the order they are added, which is the
    /// order that breaks ties between equal scores.
    ///
    /// # Errors
    /// A failed write.
    pub(crate) fn push(&mut self, prepared: Prepared) -> io::Result<()> {
        let id = u32_of(self.entries)?;
        let Prepared {
            entry,
            origin,
            shape,
            keys,
        } = prepared;
        self.records.write_all(&self.texts.to_le_bytes())?;
        for text in [&entry.source, &entry.target, &origin] {
            self.out.write_all(text.as_bytes())?;
            self.records
                .write_all(&u32_of(text.len() as u64)?.to_le_bytes())?;
            self.texts += text.len() as u64;
        }
        let (previous, next) = entry.context.map_or((0, 0), |c| (c.previous, c.next));
        self.records.write_all(&previous.to_le_bytes())?;
        self.records.write_all(&next.to_le_bytes())?;
        self.shapes.write_all(&shape.words.to_le_bytes())?;
        self.shapes.write_all(&shape.weight.to_le_bytes())?;
        self.entries += 1;
        let low = u128::from(id) << 32 | u128::from(shape.pack());
        for key in keys {
            self.pairs.push(u128::from(key) << 64 | low);
            if self.pairs.len() == RUN {
                self.spill()?;
            }
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        self.pairs.sort_unstable();
        let mut run = BufWriter::with_capacity(BUFFER, tempfile::tempfile()?);
        for pair in &self.pairs {
            run.write_all(&pair.to_le_bytes()[..SPILLED])?;
        }
        let mut run = run.into_inner().map_err(io::IntoInnerError::into_error)?;
        run.rewind()?;
        self.runs.push(run);
        self.pairs.clear();
        Ok(())
    }

    /// Writes the rest of the file and returns it.
    ///
    /// # Errors
    /// A failed read or write.
    pub(crate) fn finish(mut self) -> io::Result<File> {
        if !self.pairs.is_empty() {
            self.spill()?;
        }
        for section in [self.records, self.shapes] {
            let mut section = section
                .into_inner()
                .map_err(io::IntoInnerError::into_error)?;
            section.rewind()?;
            io::copy(&mut section, &mut self.out)?;
        }
        // Merge the runs: postings to the file, keys to a temporary file appended after.
        let mut keys = BufWriter::with_capacity(BUFFER, tempfile::tempfile()?);
        // The runs' buffers share MERGE_BUFFERS, so that a larger memory (more runs) does
        // not take more memory to merge.
        let buffer = (MERGE_BUFFERS / self.runs.len().max(1)).clamp(1 << 12, BUFFER);
        let mut readers: Vec<BufReader<File>> = self
            .runs
            .drain(..)
            .map(|r| BufReader::with_capacity(buffer, r))
            .collect();
        let mut heap = BinaryHeap::new();
        for (i, reader) in readers.iter_mut().enumerate() {
            if let Some(pair) = next_pair(reader)? {
                heap.push(Reverse((pair, i)));
            }
        }
        let mut postings: u64 = 0;
        let mut key_count: u64 = 0;
        let mut sparse = Vec::new();
        let mut last: Option<u32> = None;
        while let Some(Reverse((pair, i))) = heap.pop() {
            #[allow(
                clippy::cast_possible_truncation,
                reason = "the three parts of a posting"
            )]
            let (key, id, shape) = ((pair >> 64) as u32, (pair >> 32) as u32, pair as u32);
            if last != Some(key) {
                if key_count.is_multiple_of(SPARSE) {
                    sparse.push(key);
                }
                keys.write_all(&key.to_le_bytes())?;
                keys.write_all(&u32_of(postings)?.to_le_bytes())?;
                key_count += 1;
                last = Some(key);
            }
            self.out.write_all(&id.to_le_bytes())?;
            self.out.write_all(&shape.to_le_bytes())?;
            postings += 1;
            if let Some(next) = next_pair(&mut readers[i])? {
                heap.push(Reverse((next, i)));
            }
        }
        drop(readers);
        keys.write_all(&u32::MAX.to_le_bytes())?;
        keys.write_all(&u32_of(postings)?.to_le_bytes())?;
        let mut keys = keys.into_inner().map_err(io::IntoInnerError::into_error)?;
        keys.rewind()?;
        io::copy(&mut keys, &mut self.out)?;
        for key in sparse {
            self.out.write_all(&key.to_le_bytes())?;
        }
        let mut file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.seek(SeekFrom::Start(self.header_len))?;
        for field in [self.entries, self.texts, postings, key_count] {
            file.write_all(&field.to_le_bytes())?;
        }
        file.flush()?;
        file.rewind()?;
        Ok(file)
    }
}

fn next_pair(reader: &mut BufReader<File>) -> io::Result<Option<u128>> {
    let mut buf = [0; 16];
    match reader.read_exact(&mut buf[..SPILLED]) {
        Ok(()) => Ok(Some(u128::from_le_bytes(buf))),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
    }
}
