//! The workbench in a real browser: `tests/e2e/serve.py` (Playwright for Python driving the
//! system Chromium) against the real binary. Skipped when Chromium or Playwright is missing,
//! unless `BITEXT_REQUIRE_TOOLS` is set.

use std::path::Path;
use std::process::Command;

use crate::support::{skip, tool};

#[test]
fn the_workbench_works_in_chromium() {
    let Some(browser) = tool(&["chromium", "chromium-browser"]) else {
        return;
    };
    let playwright = Command::new("python3")
        .args(["-c", "import playwright.sync_api"])
        .status()
        .is_ok_and(|s| s.success());
    if !playwright {
        skip("Playwright for Python is not installed (.ci/run installs it)");
        return;
    }
    let path = String::from_utf8(
        Command::new("sh")
            .args(["-c", &format!("command -v {browser}")])
            .output()
            .expect("sh")
            .stdout,
    )
    .expect("UTF-8");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/serve.py");
    let mut command = Command::new("python3");
    command
        .arg(&script)
        .arg(env!("CARGO_BIN_EXE_bitext"))
        .env("BITEXT_CHROMIUM", path.trim());
    // `BITEXT_SCREENSHOTS=docs` regenerates the README's pictures.
    if let Some(dir) = std::env::var_os("BITEXT_SCREENSHOTS") {
        command.arg("--screenshots").arg(dir);
    }
    let output = command.output().expect("run python3");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "browser tests failed\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    // Every test of every script ran: as many passed as there are `def test_` in them.
    let dir = script.parent().expect("tests/e2e");
    let mut defined = 0;
    for entry in std::fs::read_dir(dir).expect("tests/e2e") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let python = path.extension().is_some_and(|e| e == "py");
        if name == "serve.py" || (name.starts_with("workbench_") && python) {
            let text = std::fs::read_to_string(&path).expect("read script");
            defined += text.lines().filter(|l| l.starts_with("def test_")).count();
        }
    }
    assert!(defined >= 14, "{defined} tests found");
    assert!(
        stdout.contains(&format!("{defined} passed, 0 failed")),
        "{defined} tests defined\n{stdout}"
    );
}
