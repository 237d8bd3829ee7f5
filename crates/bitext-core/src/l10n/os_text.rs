//! The operating system's error texts in the UI language.
//!
//! `std::io::Error` speaks the C library's English ("No such file or directory"). bitext says
//! what happened in the UI language from the error's kind, and keeps the system's error number
//! in parentheses so that the exact cause can still be looked up; an error of a kind it does
//! not name keeps the system's own text in parentheses.

use std::io::{self, ErrorKind};

use crate::t;

/// What went wrong in `error`, as a sentence fragment in the UI language.
#[must_use]
pub fn describe(error: &io::Error) -> String {
    let Some(id) = message_id(error.kind()) else {
        return t!("os-other", detail = &error.to_string());
    };
    match error.raw_os_error() {
        Some(code) => t!("os-known", sentence = &t!(id), code = &code.to_string()),
        None => t!(id),
    }
}

fn message_id(kind: ErrorKind) -> Option<&'static str> {
    Some(match kind {
        ErrorKind::NotFound => "os-not-found",
        ErrorKind::PermissionDenied => "os-permission-denied",
        ErrorKind::AlreadyExists => "os-already-exists",
        ErrorKind::IsADirectory => "os-is-a-directory",
        ErrorKind::NotADirectory => "os-not-a-directory",
        ErrorKind::DirectoryNotEmpty => "os-directory-not-empty",
        ErrorKind::ReadOnlyFilesystem => "os-read-only-filesystem",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "os-storage-full",
        ErrorKind::FileTooLarge => "os-file-too-large",
        ErrorKind::InvalidData => "os-invalid-data",
        ErrorKind::InvalidFilename => "os-invalid-filename",
        ErrorKind::ResourceBusy => "os-resource-busy",
        ErrorKind::Interrupted => "os-interrupted",
        ErrorKind::OutOfMemory => "os-out-of-memory",
        ErrorKind::UnexpectedEof => "os-unexpected-eof",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_named_in_the_ui_language_with_the_system_code() {
        let error = io::Error::from_raw_os_error(2);
        assert_eq!(error.kind(), ErrorKind::NotFound);
        let text = describe(&error);
        assert!(text.starts_with("no such file or directory ("), "{text}");
        assert!(text.ends_with(" 2)"), "{text}");
    }

    #[test]
    fn an_error_of_an_unnamed_kind_keeps_the_system_text() {
        let error = io::Error::other("something odd");
        assert!(describe(&error).contains("(something odd)"));
    }
}
