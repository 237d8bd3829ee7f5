//! Integration tests: the real `bitext` binary on temporary workspaces.

mod accept_set;
mod check;
mod diff;
mod edits;
mod errors;
mod exchange;
mod export;
mod faults;
mod fidelity;
mod hostile;
mod import;
mod init;
mod mdx;
mod parallel;
mod qa;
mod sample;
mod segments;
mod shape;
mod status;
mod support;
mod sync;
mod tools;
mod untranslated;
mod tour;
mod ui_lang;
