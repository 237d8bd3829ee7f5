//! `bitext init`: create a workspace. Never overwrites an existing `bitext.toml`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::t;
use crate::workspace::config::{CONFIG_FILE, Config};
use crate::workspace::lang::Lang;
use crate::workspace::lock::LOCK_FILE;
use crate::workspace::{SOURCES_DIR, TRANSLATIONS_DIR};

/// What `init` created, relative to the workspace root.
#[derive(Debug)]
pub struct InitReport {
    /// Created files and directories.
    pub created: Vec<String>,
}

/// Creates `bitext.toml`, `sources/` and `translations/<lang>/` in `root`.
///
/// # Errors
/// An invalid tag, an existing `bitext.toml`, or an I/O failure.
pub fn run(root: &Path, source: &str, targets: &[String]) -> Result<InitReport> {
    let source = Lang::parse(source)?;
    let targets = targets
        .iter()
        .map(|t| Lang::parse(t))
        .collect::<Result<Vec<_>>>()?;
    let config_path = root.join(CONFIG_FILE);
    let text = Config::template(&source, &targets);
    // The template must be a valid project file (e.g. the source is not also a target).
    Config::parse(Path::new(CONFIG_FILE), &text)?;
    if config_path.exists() {
        return Err(Error::ConfigExists {
            path: PathBuf::from(CONFIG_FILE),
        });
    }
    let mut created = Vec::new();
    let mut dirs = vec![PathBuf::from(SOURCES_DIR)];
    dirs.extend(
        targets
            .iter()
            .map(|t| Path::new(TRANSLATIONS_DIR).join(t.as_str())),
    );
    for dir in &dirs {
        let abs = root.join(dir);
        if !abs.is_dir() {
            std::fs::create_dir_all(&abs).map_err(|source| Error::Write {
                path: dir.clone(),
                source,
            })?;
            created.push(format!("{}/", crate::error::disp(dir)));
        }
    }
    let write_error = |source| Error::Write {
        path: PathBuf::from(CONFIG_FILE),
        source,
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&config_path)
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                Error::ConfigExists {
                    path: PathBuf::from(CONFIG_FILE),
                }
            } else {
                write_error(source)
            }
        })?;
    file.write_all(text.as_bytes()).map_err(write_error)?;
    created.insert(0, CONFIG_FILE.to_owned());
    // The workspace lock exists only while a command runs; keep it out of commits. An
    // existing .gitignore is the user's and is left alone.
    let gitignore = root.join(".gitignore");
    if !gitignore.exists() {
        let content = format!(
            "# bitext's workspace lock, present only while a command runs\n{LOCK_FILE}\n\
             # bitext's caches, rebuilt from the workspace whenever they are missing or out of date\n{}/\n",
            crate::memory::store::CACHE_DIR
        );
        std::fs::write(&gitignore, content).map_err(|source| Error::Write {
            path: PathBuf::from(".gitignore"),
            source,
        })?;
        created.push(".gitignore".to_owned());
    }
    Ok(InitReport { created })
}

/// Renders the report for people.
#[must_use]
pub fn render(report: &InitReport) -> String {
    let mut out = String::new();
    for path in &report.created {
        out.push_str(&t!("init-created", path = path));
        out.push('\n');
    }
    out.push_str(&t!("init-next"));
    out.push('\n');
    out
}

/// `init`: in `-C DIR`, else the current directory.
///
/// # Errors
/// As [`run`], and when the current directory cannot be read.
pub fn execute(dir: Option<&Path>, args: &crate::ui::cli::InitArgs) -> Result<crate::Outcome> {
    let root = match dir {
        Some(dir) => dir.to_path_buf(),
        None => std::env::current_dir().map_err(|source| crate::error::Error::Read {
            path: std::path::PathBuf::from("."),
            source,
        })?,
    };
    let report = run(&root, &args.source, &args.targets)?;
    Ok(crate::Outcome::ok(render(&report)))
}
