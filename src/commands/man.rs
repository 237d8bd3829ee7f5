//! `bitext man`: manual pages in roff, made from the command-line definition with its help
//! texts in the UI language. `bitext man` prints `bitext.1`, which lists the commands;
//! `bitext man -o DIR` writes it and one page per command (`bitext-status.1`,
//! `bitext-po-export.1`, ...) into DIR.

use std::fmt::Write as _;
use std::path::Path;

use crate::Outcome;
use bitext_core::error::Result;
use bitext_core::model::translation::write_atomic;
use bitext_core::t;
use clap::Args;
use std::path::PathBuf;

/// Every page: its file name and its roff text, `bitext.1` first.
#[must_use]
pub fn pages() -> Vec<(String, String)> {
    let mut root = crate::ui::cli::localized_command();
    root.build();
    let mut out = Vec::new();
    collect(&root, "bitext", &mut out);
    out
}

fn collect(command: &clap::Command, name: &str, out: &mut Vec<(String, String)>) {
    // A page is named after its command path (`bitext-po-export`), which also names the
    // pages its command list refers to.
    let page = command.clone().display_name(name.to_owned());
    let man = clap_mangen::Man::new(page)
        .source(format!("bitext {}", env!("CARGO_PKG_VERSION")))
        .manual("bitext");
    let mut roff = Vec::new();
    // Rendering into memory cannot fail.
    let _ = man.render(&mut roff);
    let text = ascii(&localize(&String::from_utf8_lossy(&roff)));
    out.push((format!("{name}.1"), text));
    for sub in command.get_subcommands() {
        collect(sub, &format!("{name}-{}", sub.get_name()), out);
    }
}

/// Puts what clap's manual writer spells in English into the UI language (the section
/// headings it names itself, "Possible values" and "default"), and the help's own headings
/// in capitals, as manual pages write them.
fn localize(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for line in roff.split_inclusive('\n') {
        if let Some(heading) = line.trim_end().strip_prefix(".SH ") {
            let heading = match heading {
                "\"NAME\"" | "NAME" => t!("man-name"),
                "\"SYNOPSIS\"" | "SYNOPSIS" => t!("man-synopsis"),
                "\"DESCRIPTION\"" | "DESCRIPTION" => t!("man-description"),
                "\"VERSION\"" | "VERSION" => t!("man-version"),
                // A help heading carries what goes before clap's colon (a no-break space in
                // French); a manual's heading has no colon.
                other => other.trim_matches('"').trim_end().to_owned(),
            };
            let _ = writeln!(out, ".SH \"{}\"", heading.to_uppercase());
            continue;
        }
        let line = line.replace(
            "\\fIPossible values:\\fR",
            &format!("\\fI{}\\fR", t!("man-possible-values")),
        );
        out.push_str(&localize_default(&line));
    }
    out
}

/// Writes every character beyond ASCII as a roff escape (`\[u00E9]`), so that the page
/// reads the same whatever encoding `man` assumes.
fn ascii(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for c in roff.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let _ = write!(out, "\\[u{:04X}]", u32::from(c));
        }
    }
    out
}

/// `[default: auto]` in the UI language.
fn localize_default(line: &str) -> String {
    let Some(start) = line.find("[default: ") else {
        return line.to_owned();
    };
    let rest = &line[start + "[default: ".len()..];
    let Some(end) = rest.find(']') else {
        return line.to_owned();
    };
    format!(
        "{}{}{}",
        &line[..start],
        t!("man-default", value = &rest[..end]),
        &rest[end + 1..]
    )
}

/// `man`: `bitext.1` on stdout, or every page into `-o DIR`.
///
/// # Errors
/// A page that cannot be written.
pub fn execute(args: &ManArgs) -> Result<Outcome> {
    let pages = pages();
    match &args.output {
        None => Ok(Outcome::ok(
            pages
                .into_iter()
                .next()
                .map(|(_, text)| text)
                .unwrap_or_default(),
        )),
        Some(dir) => {
            for (name, text) in &pages {
                write_atomic(&Path::new(dir).join(name), text)?;
            }
            Ok(Outcome::ok(String::new()))
        }
    }
}

// The command's arguments, as clap parses them; `ui::cli` keeps the global options and the
// dispatch.

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write bitext.1 and a page per command (bitext-status.1, ...) into DIR instead of
    /// printing bitext.1.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: Option<PathBuf>,
}
