//! The interface: command-line arguments, the tool's own messages in English, French and
//! Spanish (Fluent), and terminal styling. Everything else may use `l10n`; nothing below it.

pub mod clap_text;
pub mod cli;
pub mod term;
