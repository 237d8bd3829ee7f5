//! The translation-file loader on arbitrary bytes: never panics, and whatever it accepts
//! serialises to a file it accepts again, unchanged.
#![no_main]

use bitext_core::model::translation::TranslationFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("translations/fr/fuzz.json");
    let Ok(file) = TranslationFile::parse(path, data, "fuzz", "fr") else {
        return;
    };
    let json = file.to_json();
    let again = TranslationFile::parse(path, json.as_bytes(), "fuzz", "fr").expect("round trip");
    assert_eq!(again, file);
});
