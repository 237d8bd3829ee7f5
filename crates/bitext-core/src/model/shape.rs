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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segment::{outline, segment};

    /// The kinds of the frames around each segment, for comparison.
    fn kinds(markdown: &str) -> Vec<Vec<FrameKind>> {
        let frames = outline(markdown, false);
        assert_eq!(
            frames.len(),
            segment(markdown).len(),
            "one entry per segment"
        );
        frames
            .into_iter()
            .map(|f| f.into_iter().map(|f| f.kind).collect())
            .collect()
    }

    #[test]
    fn each_segment_knows_its_list_table_and_quote() {
        let list = FrameKind::List { start: None };
        assert_eq!(
            kinds("# T\n\n- a\n  - b\n\n5. c\n"),
            [
                vec![],
                vec![list.clone(), FrameKind::Item],
                vec![list.clone(), FrameKind::Item, list, FrameKind::Item],
                vec![FrameKind::List { start: Some(5) }, FrameKind::Item],
            ]
        );
        let table = FrameKind::Table {
            align: vec![Align::None, Align::Right],
        };
        assert_eq!(
            kinds("| a | b |\n|---|--:|\n|  | d |\n"),
            [
                vec![
                    table.clone(),
                    FrameKind::Row { head: true },
                    FrameKind::Cell { column: 0 }
                ],
                vec![
                    table.clone(),
                    FrameKind::Row { head: true },
                    FrameKind::Cell { column: 1 }
                ],
                // The empty cell has no segment; the next one keeps its column.
                vec![
                    table,
                    FrameKind::Row { head: false },
                    FrameKind::Cell { column: 1 }
                ],
            ]
        );
        assert_eq!(
            kinds("> one\n>\n> two\n\nafter\n"),
            [vec![FrameKind::Quote], vec![FrameKind::Quote], vec![]]
        );
    }

    #[test]
    fn two_lists_in_a_row_are_two_containers() {
        let frames = outline("- a\n- b\n\n1. c\n", false);
        assert_eq!(frames[0][0].id, frames[1][0].id, "one list for a and b");
        assert_ne!(frames[0][1].id, frames[1][1].id, "two items");
        assert_ne!(frames[1][0].id, frames[2][0].id, "another list for c");
    }
}
