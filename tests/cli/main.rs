//! Integration tests: the real `bitext` binary on temporary workspaces.

mod accept_set;
mod browser;
mod check;
mod diff;
mod edits;
mod errors;
mod exchange;
mod export;
mod faults;
mod hostile;
mod import;
mod init;
mod parallel;
mod sample;
mod segments;
mod serve;
mod status;
mod support;
mod sync;
mod tools;
