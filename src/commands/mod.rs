//! One module per subcommand, each exposing `run`, which computes a report, and a renderer.

pub mod accept;
pub mod check;
pub mod diff;
pub mod export;
pub mod import;
pub mod init;
pub mod set;
pub mod status;
pub mod sync;
