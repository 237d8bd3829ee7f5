//! The server's HTTP request-head parser on arbitrary bytes: never panics, never takes a head
//! longer than the limit, and gives the same answer whether the bytes arrive at once or in
//! pieces (the first byte of the input chooses the size of the pieces).
#![no_main]

use bitext::serve::wire::{HeadParser, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&cut, data)) = data.split_first() else {
        return;
    };
    let limits = Limits {
        head: 512,
        body: 4096,
        fields: 16,
    };
    let whole = HeadParser::new().parse(data, &limits);
    if let Ok(Some((head, used))) = &whole {
        assert!(*used <= limits.head && *used <= data.len());
        assert!(head.fields.len() <= limits.fields);
        assert!(!head.method.is_empty() && !head.target.is_empty());
        if let Ok(framing) = head.framing(&limits) {
            assert!(framing.length <= limits.body);
        }
    }
    let step = usize::from(cut) + 1;
    let mut parser = HeadParser::new();
    let mut end = 0;
    let pieces = loop {
        end = (end + step).min(data.len());
        match parser.parse(&data[..end], &limits) {
            Ok(None) if end < data.len() => {}
            other => break other,
        }
    };
    assert_eq!(pieces, whole);
});
