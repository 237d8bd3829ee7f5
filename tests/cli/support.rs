//! A temp workspace and a runner for the real `bitext` binary.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// A temporary bitext workspace.
pub(crate) struct Ws {
    dir: tempfile::TempDir,
}

/// The result of one run of the binary.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    #[track_caller]
    pub(crate) fn success(self) -> Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(self.stderr.is_empty(), "unexpected stderr: {}", self.stderr);
        self
    }

    /// Asserts exit code 2 with exactly one `error: ` line on stderr containing each of `parts`.
    #[track_caller]
    pub(crate) fn error(self, parts: &[&str]) -> Self {
        assert_eq!(
            self.code, 2,
            "expected exit 2\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.starts_with("error: "),
            "stderr: {}",
            self.stderr
        );
        assert_eq!(
            self.stderr.lines().count(),
            1,
            "one error line expected: {}",
            self.stderr
        );
        for part in parts {
            assert!(
                self.stderr.contains(part),
                "stderr lacks {part:?}: {}",
                self.stderr
            );
        }
        self
    }

    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).expect("stdout is JSON")
    }
}

pub(crate) const ARTICLE: &str = "\
# The harbour council

The council met on Monday to discuss the budget for the coming year. Members argued for
hours about the cost of repairing the old harbour wall before the winter storms.

Fishermen told the meeting that the catch has fallen by a third since the spring, and asked
for help with the price of fuel.

The mayor promised a decision before the end of the month and thanked everyone for coming.

A festival with music and food will take place on the quay next weekend.
";

impl Ws {
    /// A workspace with `bitext.toml` (source en, targets fr and es) and empty directories.
    pub(crate) fn new() -> Self {
        let ws = Self {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        ws.write(
            "bitext.toml",
            "source = \"en\"\ntargets = [\"fr\", \"es\"]\n",
        );
        std::fs::create_dir_all(ws.path("sources")).expect("sources/");
        ws
    }

    /// A generated corpus of `articles` articles (see `bitext_corpus`), a third of them
    /// edited after translation.
    pub(crate) fn generated(articles: usize, seed: u64) -> Self {
        Self::generated_with(articles, seed, 0.3)
    }

    /// As [`Ws::generated`], with `edit_fraction` of the articles edited.
    pub(crate) fn generated_with(articles: usize, seed: u64, edit_fraction: f64) -> Self {
        let ws = Self {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let spec = bitext_corpus::Spec {
            articles,
            seed,
            edit_fraction,
            gettext: false,
        };
        bitext_corpus::generate(ws.root(), spec).expect("corpus");
        ws
    }

    /// The translated sample with paragraph 5 edited by one character (stale in French) and a
    /// paragraph added at the end (missing); nothing in Spanish.
    pub(crate) fn stale_and_missing() -> Self {
        let ws = Self::translated();
        ws.write(
            "sources/harbour.md",
            ARTICLE.replace("next weekend.", "next weekend!")
                + "\nThe tide tables are printed on page 4.\n",
        );
        ws
    }

    /// A workspace with `ARTICLE` as `sources/harbour.md`, fully translated into French.
    pub(crate) fn translated() -> Self {
        let ws = Self::new();
        ws.write("sources/harbour.md", ARTICLE);
        ws.translate_all("harbour", "fr");
        ws
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub(crate) fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(path, content).expect("write");
    }

    /// Replaces `from` with `to` in the source of `slug`, as an editor's change would.
    #[track_caller]
    pub(crate) fn edit_source(&self, slug: &str, from: &str, to: &str) {
        let path = format!("sources/{slug}.md");
        let text = self.read(&path);
        assert!(text.contains(from), "{path} has no {from:?}");
        self.write(&path, text.replace(from, to));
    }

    pub(crate) fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read")
    }

    pub(crate) fn json(&self, rel: &str) -> Value {
        serde_json::from_str(&self.read(rel)).expect("file is JSON")
    }

    /// Runs `bitext` in the workspace with English messages and no colour.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    pub(crate) fn run_with_stdin(&self, args: &[&str], stdin: Option<&str>) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_bitext"));
        command
            .args(args)
            .current_dir(self.root())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("spawn bitext");
        if let Some(text) = stdin {
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(text.as_bytes())
                .expect("write stdin");
        }
        let output = child.wait_with_output().expect("wait");
        Run {
            code: output.status.code().expect("exit code, not a signal"),
            stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
            stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
        }
    }

    /// Records `"<lang> translation of segment n"` for every segment of `slug`.
    pub(crate) fn translate_all(&self, slug: &str, lang: &str) {
        let texts: Vec<String> = (1..=self.segment_count(slug))
            .map(|n| format!("{lang} translation of segment {n}"))
            .collect();
        self.set_all(slug, lang, &texts);
    }

    /// Records `texts` as the translations of segments 1, 2, … of `slug` in `lang`.
    pub(crate) fn set_all(&self, slug: &str, lang: &str, texts: &[impl AsRef<str>]) {
        for (n, text) in texts.iter().enumerate() {
            let n = (n + 1).to_string();
            self.run(&["set", slug, &n, "-l", lang, "--text", text.as_ref()])
                .success();
        }
    }

    pub(crate) fn segment_count(&self, slug: &str) -> usize {
        let status = self
            .run(&["status", slug, "--format", "json"])
            .success()
            .json();
        usize::try_from(
            status["articles"][0]["segments"]
                .as_u64()
                .expect("segments"),
        )
        .expect("usize")
    }

    /// The state of every segment of `slug` in `lang`, in order.
    pub(crate) fn states(&self, slug: &str, lang: &str) -> Vec<String> {
        self.segments(slug, lang)
            .iter()
            .map(|s| s["state"].as_str().expect("state").to_owned())
            .collect()
    }

    /// Every segment of `slug` in `lang`, as `status --segments --format json` lists them.
    pub(crate) fn segments(&self, slug: &str, lang: &str) -> Vec<Value> {
        let status = self
            .run(&["status", slug, "-l", lang, "--segments", "--format", "json"])
            .success()
            .json();
        status["articles"][0]["languages"][0]["segments"]
            .as_array()
            .expect("segments")
            .clone()
    }

    /// The language entry of `slug` in `lang` from `status --format json`.
    pub(crate) fn lang_status(&self, slug: &str, lang: &str) -> Value {
        let status = self
            .run(&["status", slug, "-l", lang, "--format", "json"])
            .success()
            .json();
        status["articles"][0]["languages"][0].clone()
    }

    /// The root-relative path of the last file of `dir` by name.
    pub(crate) fn last_file(&self, dir: &str) -> String {
        let mut names: Vec<String> = std::fs::read_dir(self.path(dir))
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        format!("{dir}/{}", names.last().expect("files"))
    }

    /// The bytes of one file, to prove a command left it alone.
    pub(crate) fn snapshot_of(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).expect("read")
    }

    /// Every file under the workspace with its bytes, to prove a command changed nothing;
    /// `.bitext-cache/` left out, since a cache only saves time (the tests of saved
    /// alignments and of the memory's index look at it themselves).
    pub(crate) fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
            for entry in std::fs::read_dir(dir).expect("read_dir") {
                let path = entry.expect("entry").path();
                if path.file_name().is_some_and(|name| name == ".bitext-cache") {
                    continue;
                }
                if path.is_dir() {
                    walk(&path, root, out);
                } else {
                    let rel = path.strip_prefix(root).expect("inside").to_owned();
                    out.insert(rel, std::fs::read(&path).expect("read"));
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(self.root(), self.root(), &mut out);
        out
    }
}

/// Every non-empty translation in a translation file, live or obsolete.
pub(crate) fn all_targets(file: &Value) -> Vec<String> {
    ["units", "obsolete"]
        .iter()
        .filter_map(|key| file[key].as_array())
        .flatten()
        .filter_map(|u| u["target"].as_str())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(crate) fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

/// Finds an external tool among `candidates`. Without one the test is skipped, and says so
/// with [`skip`]; unless `BITEXT_REQUIRE_TOOLS` is set (as `.ci/run` does after installing
/// them): then it fails.
pub(crate) fn tool(candidates: &[&str]) -> Option<String> {
    let found = candidates
        .iter()
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(|c| (*c).to_owned());
    if found.is_none() {
        skip(&format!(
            "none of {candidates:?} is installed (.ci/run installs it)"
        ));
    }
    found
}

/// Reports that the running test cannot check what it is about because `reason` (an outside
/// tool is missing). With `BITEXT_REQUIRE_TOOLS` set it fails the test; otherwise it writes a
/// `SKIPPED` line straight to the process's stderr, past the test harness's capture, so that
/// `cargo test` shows it even though the test then passes.
#[track_caller]
pub(crate) fn skip(reason: &str) {
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    assert!(
        std::env::var_os("BITEXT_REQUIRE_TOOLS").is_none(),
        "{test}: {reason}, and BITEXT_REQUIRE_TOOLS is set"
    );
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reason}");
}

/// The pinned copy of the repository's sample workspace that tests run on, so that a user in
/// the middle of the README's tour (sources edited) still gets a green `cargo test`.
/// `tests/fixtures/update-sample` refreshes it; `sample::the_fixture_is_the_committed_sample`
/// checks that it agrees with the repository's sample.
pub(crate) fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample")
}

/// Every file under `dir`, as paths relative to it with `/` separators, sorted.
pub(crate) fn files_under(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                let rel = path.strip_prefix(root).expect("inside");
                let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
                out.push(parts.join("/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// A temp workspace holding a copy of the sample fixture.
pub(crate) fn sample_copy() -> Ws {
    let ws = Ws {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    let fixture = fixture_dir();
    for rel in files_under(&fixture) {
        ws.write(
            &rel,
            std::fs::read(fixture.join(&rel)).expect("read fixture"),
        );
    }
    ws
}

pub(crate) const SAMPLE: &str = "no-to-canadas-interference-in-peru";
