//! The XLIFF reader (and its XML parser) on arbitrary text: never panics, never expands an
//! entity, and reports errors as parse errors with a position.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = std::path::Path::new("fuzz.xlf");
    match bitext_core::exchange::xliff::read(path, text) {
        Ok(files) => {
            for file in &files {
                for unit in &file.units {
                    assert!(unit.target.len() <= text.len(), "output larger than input: an entity was expanded");
                    assert!(unit.source.len() <= text.len());
                }
            }
        }
        Err(bitext_core::error::Error::ParseExchange { line, .. }) => assert!(line >= 1),
        Err(other) => panic!("unexpected error kind: {other:?}"),
    }
});
