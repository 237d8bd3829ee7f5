//! The command line's own parts: the global options and the dispatch to each command's
//! arguments ([`cli`]), clap's texts in the UI language ([`clap_text`]), and terminal styling
//! ([`term`]). The messages themselves are the core's ([`bitext_core::l10n`]).

pub mod clap_text;
pub mod cli;
pub mod term;
