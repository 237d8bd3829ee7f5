//! An article's blocks regrouped into the lists, tables and block quotes they came from, so
//! that every rendering keeps the article's shape.

use crate::model::shape::Frame;
use crate::render::document::Block;

/// A segment, or a container holding segments and other containers.
#[derive(Debug)]
pub enum Node<'a> {
    /// One segment.
    Leaf(&'a Block),
    /// A list, item, table, row, cell or block quote with what it holds, in order.
    Container {
        /// The container.
        frame: &'a Frame,
        /// What it holds.
        children: Vec<Node<'a>>,
    },
}

impl Node<'_> {
    /// The first segment at or under this node.
    #[must_use]
    pub fn first_block(&self) -> Option<&Block> {
        match self {
            Node::Leaf(block) => Some(block),
            Node::Container { children, .. } => children.iter().find_map(Node::first_block),
        }
    }
}

/// Groups `blocks` by the containers they sit in: consecutive blocks in the same container
/// become its children.
#[must_use]
pub fn build(blocks: &[Block]) -> Vec<Node<'_>> {
    group(blocks, 0)
}

fn group(blocks: &[Block], depth: usize) -> Vec<Node<'_>> {
    let mut nodes = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let Some(frame) = blocks[i].frames.get(depth) else {
            nodes.push(Node::Leaf(&blocks[i]));
            i += 1;
            continue;
        };
        let len = blocks[i..]
            .iter()
            .take_while(|b| b.frames.get(depth).is_some_and(|f| f.id == frame.id))
            .count();
        nodes.push(Node::Container {
            frame,
            children: group(&blocks[i..i + len], depth + 1),
        });
        i += len;
    }
    nodes
}
