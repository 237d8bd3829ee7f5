//! Tests that need an outside tool never pass in silence when it is missing.

use std::process::Command;

/// Runs one test of this binary alone with an empty `PATH`, so that no outside tool is found.
fn run_without_tools(test: &str, require: bool) -> std::process::Output {
    let empty = tempfile::tempdir().expect("temp");
    let mut command = Command::new(std::env::current_exe().expect("test binary"));
    command
        .args([test, "--exact", "--test-threads=1"])
        .env("PATH", empty.path())
        .env_remove("BITEXT_REQUIRE_TOOLS");
    if require {
        command.env("BITEXT_REQUIRE_TOOLS", "1");
    }
    command.output().expect("run the test binary")
}

#[test]
fn a_test_missing_its_tool_says_so_on_stderr_and_fails_when_tools_are_required() {
    for (test, what) in [
        ("export::exported_html_passes_tidy", "[\"tidy\"]"),
        (
            "exchange::msgfmt_accepts_the_po_and_counts_what_bitext_counts",
            "[\"msgfmt\"]",
        ),
        (
            "exchange::translate_toolkit_reads_po_xliff_and_tmx_with_the_same_counts",
            "Translate Toolkit",
        ),
    ] {
        let skipped = run_without_tools(test, false);
        let stdout = String::from_utf8_lossy(&skipped.stdout);
        let stderr = String::from_utf8_lossy(&skipped.stderr);
        assert!(skipped.status.success(), "{test}: {stdout}{stderr}");
        assert!(stdout.contains("1 passed"), "{test} did not run: {stdout}");
        assert!(
            stderr.contains(&format!("SKIPPED {test}: ")) && stderr.contains(what),
            "{test} skipped in silence: {stderr}"
        );
        let required = run_without_tools(test, true);
        assert!(
            !required.status.success(),
            "{test} passed without its tool while BITEXT_REQUIRE_TOOLS was set"
        );
    }
}
