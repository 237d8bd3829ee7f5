//! The block structure around segments: which list item, table cell or block quote each one
//! sits in. Exports use it to keep the article's shape (a list stays one list, a table stays a
//! table); states and ids never depend on it.

use pulldown_cmark::{Alignment, Tag};

/// One container a segment sits in. Two segments in the same container share its `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Distinct for every container of an article, in document order.
    pub id: usize,
    /// What the container is.
    pub kind: FrameKind,
}

/// The kinds of container that give an article its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameKind {
    /// A block quote.
    Quote,
    /// A list: numbered from `start` when ordered, bulleted when `start` is `None`.
    List {
        /// The first number of an ordered list.
        start: Option<u64>,
    },
    /// One item of a list.
    Item,
    /// A table with one alignment per column.
    Table {
        /// Column alignments, which also give the number of columns.
        align: Vec<Align>,
    },
    /// A table row; `head` for the header row.
    Row {
        /// Whether this is the header row.
        head: bool,
    },
    /// A table cell, by 0-based column.
    Cell {
        /// The cell's column.
        column: usize,
    },
}

/// A table column's alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Not specified.
    None,
    /// `:---`
    Left,
    /// `:---:`
    Center,
    /// `---:`
    Right,
}

/// Follows block starts and ends to know the containers open at each point.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    /// One entry per open block, `None` for blocks that are not shape containers.
    stack: Vec<Option<Frame>>,
    next_id: usize,
    column: usize,
}

impl Recorder {
    /// A block starts.
    pub(crate) fn open(&mut self, tag: &Tag<'_>) {
        let kind = match tag {
            Tag::BlockQuote(_) => Some(FrameKind::Quote),
            Tag::List(start) => Some(FrameKind::List { start: *start }),
            Tag::Item => Some(FrameKind::Item),
            Tag::Table(align) => Some(FrameKind::Table {
                align: align
                    .iter()
                    .map(|a| match a {
                        Alignment::None => Align::None,
                        Alignment::Left => Align::Left,
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                    })
                    .collect(),
            }),
            Tag::TableHead | Tag::TableRow => {
                self.column = 0;
                Some(FrameKind::Row {
                    head: matches!(tag, Tag::TableHead),
                })
            }
            Tag::TableCell => {
                self.column += 1;
                Some(FrameKind::Cell {
                    column: self.column - 1,
                })
            }
            _ => None,
        };
        let frame = kind.map(|kind| {
            self.next_id += 1;
            Frame {
                id: self.next_id,
                kind,
            }
        });
        self.stack.push(frame);
    }

    /// The innermost block ends.
    pub(crate) fn close(&mut self) {
        self.stack.pop();
    }

    /// The containers open now, outermost first.
    pub(crate) fn frames(&self) -> Vec<Frame> {
        self.stack.iter().flatten().cloned().collect()
    }
}
