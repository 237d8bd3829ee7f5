//! Rendering editions: an export document resolved to one language, and its HTML, EPUB,
//! Markdown and plain-text forms, and the HTML made ready for a PDF engine. It reads the model
//! and the workspace, and words the editions' own text through Fluent.

pub mod document;
pub mod epub;
pub mod html;
pub mod inline;
pub mod pdf;
pub mod plain;
pub mod tree;
