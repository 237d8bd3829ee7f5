//! The `bitext` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    bitext::main_with_args(&std::env::args_os().collect::<Vec<_>>())
}
