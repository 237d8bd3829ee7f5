//! The operations that change translation files, one each, used by every front end (the
//! command line and the workbench alike): each loads the article once, checks once and writes
//! once, and the caller holds the workspace lock.

pub mod exchange;
pub mod sync;
