//! The report writers `status`, `check` and `qa` share, one per format: GitHub Actions
//! annotations ([`github`]), JUnit XML ([`junit`]), JSON written a section at a time
//! ([`json`]), and the temporary files sections wait in ([`spool`]). Each command decides what
//! its report says; how a format writes it lives here once.

pub mod github;
pub mod json;
pub mod junit;
pub mod spool;
