//! The server's HTTP request-head parser on arbitrary bytes: never panics, never takes a head
//! longer than the limit, and gives the same answer whether the bytes arrive at once or in
//! pieces (the first byte of the input chooses the size of the pieces).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    bitext::serve::wire::holds_its_promises(data);
});
