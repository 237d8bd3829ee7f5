//! The PO reader on arbitrary text: never panics; errors carry a line inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = std::path::Path::new("fuzz.po");
    match bitext_core::exchange::po::read(path, text) {
        Ok(file) => {
            for unit in &file.units {
                assert!(unit.position.0 >= 1);
            }
        }
        Err(bitext_core::error::Error::ParseExchange { line, .. }) => {
            assert!(line >= 1 && line <= text.lines().count().max(1));
        }
        Err(other) => panic!("unexpected error kind: {other:?}"),
    }
});
