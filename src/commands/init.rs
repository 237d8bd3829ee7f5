//! `bitext init`: create a workspace. Never overwrites an existing `bitext.toml`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use bitext_core::error::{Error, Result};
use bitext_core::model::lang::Lang;
use bitext_core::t;
use bitext_core::workspace::config::{CONFIG_FILE, Config};
use bitext_core::workspace::lock::LOCK_FILE;
use bitext_core::workspace::{SOURCES_DIR, TRANSLATIONS_DIR};
use clap::Args;

/// The `.gitattributes` line that hands translation files to bitext's merge driver.
pub const GITATTRIBUTES_LINE: &str = "translations/**/*.json merge=bitext";
/// The `.gitattributes` line that hands the records of translations kept as Markdown pages
/// to the merge driver.
pub const GITATTRIBUTES_RECORDS_LINE: &str = ".bitext/**/*.json merge=bitext";

/// The command a merge driver runs, as git's configuration spells it.
pub const DRIVER_COMMAND: &str = "bitext merge-driver %O %A %B %P";

/// The one `git config` command that registers the merge driver in a repository.
#[must_use]
pub fn git_config_command() -> String {
    format!("git config merge.bitext.driver \"{DRIVER_COMMAND}\"")
}

/// What `init` created, relative to the workspace root.
#[derive(Debug)]
pub struct InitReport {
    /// Created files and directories.
    pub created: Vec<String>,
    /// Whether an existing `.gitattributes` got the merge-driver line.
    pub gitattributes_updated: bool,
    /// Whether the merge driver was registered in git's configuration (`--git`).
    pub registered: bool,
    /// Whether the workspace existed already (`--git` in an existing workspace): then only
    /// the merge driver was set up, and `bitext.toml` left as it is.
    pub existing: bool,
}

/// Creates `bitext.toml`, `sources/` and `translations/<lang>/` in `root`. With `git` in an
/// existing workspace, only sets up the merge driver: registers it in git's configuration
/// and adds its lines to `.gitattributes` where missing, changing nothing else.
///
/// # Errors
/// An invalid tag, an existing `bitext.toml` without `git`, or an I/O failure.
pub fn run(root: &Path, source: &str, targets: &[String], git: bool) -> Result<InitReport> {
    let source = Lang::parse(source)?;
    let targets = targets
        .iter()
        .map(|t| Lang::parse(t))
        .collect::<Result<Vec<_>>>()?;
    let config_path = root.join(CONFIG_FILE);
    let text = Config::template(&source, &targets);
    // The template must be a valid project file (e.g. the source is not also a target).
    Config::parse(Path::new(CONFIG_FILE), &text)?;
    if std::fs::symlink_metadata(&config_path).is_ok() {
        if !git {
            return Err(Error::ConfigExists {
                path: PathBuf::from(CONFIG_FILE),
            });
        }
        register_driver(root)?;
        let mut created = Vec::new();
        let gitattributes_updated = write_gitattributes(root, &mut created)?;
        return Ok(InitReport {
            created,
            gitattributes_updated,
            registered: true,
            existing: true,
        });
    }
    if git {
        register_driver(root)?;
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
            created.push(format!("{}/", bitext_core::error::disp(dir)));
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
            bitext_core::memory::store::CACHE_DIR
        );
        std::fs::write(&gitignore, content).map_err(|source| Error::Write {
            path: PathBuf::from(".gitignore"),
            source,
        })?;
        created.push(".gitignore".to_owned());
    }
    let gitattributes_updated = write_gitattributes(root, &mut created)?;
    Ok(InitReport {
        created,
        gitattributes_updated,
        registered: git,
        existing: false,
    })
}

/// Adds [`GITATTRIBUTES_LINE`] and [`GITATTRIBUTES_RECORDS_LINE`] to `.gitattributes` where
/// missing, creating the file if needed; returns true if and only if an existing file was
/// changed.
fn write_gitattributes(root: &Path, created: &mut Vec<String>) -> Result<bool> {
    let name = ".gitattributes";
    let path = root.join(name);
    let write_error = |source| Error::Write {
        path: PathBuf::from(name),
        source,
    };
    let comment = "# bitext merges translation files unit by unit (see `bitext init --help`)\n";
    let block = format!("{comment}{GITATTRIBUTES_LINE}\n{GITATTRIBUTES_RECORDS_LINE}\n");
    match std::fs::read_to_string(&path) {
        Ok(existing) => {
            let has = |line: &str| existing.lines().any(|l| l.trim() == line);
            let missing: Vec<&str> = [GITATTRIBUTES_LINE, GITATTRIBUTES_RECORDS_LINE]
                .into_iter()
                .filter(|line| !has(line))
                .collect();
            if missing.is_empty() {
                return Ok(false);
            }
            let mut content = existing.clone();
            if !content.is_empty() && !content.ends_with('\n') {
                content.push('\n');
            }
            if missing.len() == 2 {
                content.push_str(comment);
            }
            for line in missing {
                content.push_str(line);
                content.push('\n');
            }
            std::fs::write(&path, content).map_err(write_error)?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::write(&path, block).map_err(write_error)?;
            created.push(name.to_owned());
            Ok(false)
        }
        Err(source) => Err(Error::Read {
            path: PathBuf::from(name),
            source,
        }),
    }
}

/// Registers the merge driver in the configuration of the git repository holding `root`.
fn register_driver(root: &Path) -> Result<()> {
    let failed = |detail: String| Error::GitConfig {
        path: root.to_owned(),
        detail,
    };
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["config", "merge.bitext.driver", DRIVER_COMMAND])
        .output()
        .map_err(|e| failed(e.to_string()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(failed(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ))
    }
}

/// Renders the report for people.
#[must_use]
pub fn render(report: &InitReport) -> String {
    let mut out = String::new();
    if report.existing {
        out.push_str(&t!("init-existing", path = CONFIG_FILE));
        out.push('\n');
    }
    for path in &report.created {
        out.push_str(&t!("init-created", path = path));
        out.push('\n');
    }
    if report.gitattributes_updated {
        out.push_str(&t!("init-gitattributes-updated", line = GITATTRIBUTES_LINE));
        out.push('\n');
    }
    if report.registered {
        out.push_str(&t!("init-git-registered"));
    } else {
        out.push_str(&t!(
            "init-git-hint",
            command = git_config_command().as_str()
        ));
    }
    out.push('\n');
    if !report.existing {
        out.push_str(&t!("init-next"));
        out.push('\n');
    }
    out
}

/// `init`: in `-C DIR`, else the current directory.
///
/// # Errors
/// As [`run`], and when the current directory cannot be read.
pub fn execute(dir: Option<&Path>, args: &InitArgs) -> Result<crate::Outcome> {
    let root = match dir {
        Some(dir) => dir.to_path_buf(),
        None => std::env::current_dir().map_err(|source| bitext_core::error::Error::Read {
            path: std::path::PathBuf::from("."),
            source,
        })?,
    };
    let report = run(&root, &args.source, &args.targets, args.git)?;
    Ok(crate::Outcome::ok(render(&report)))
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Source language of the articles.
    #[arg(long, default_value = "en", value_name = "TAG")]
    pub source: String,
    /// A target language (repeatable).
    #[arg(short = 't', long = "target", value_name = "TAG", default_values = ["fr", "es"])]
    pub targets: Vec<String>,
    /// Also register bitext's merge driver in the git repository's configuration.
    #[arg(long)]
    pub git: bool,
}
