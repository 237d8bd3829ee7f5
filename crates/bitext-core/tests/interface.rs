//! The core has no interface of its own: no command-line parser, HTTP server, templating,
//! progress bar or signal handling among its dependencies, and nothing in its code that
//! prints or writes to the process's standard output or error.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The crates only a front end may depend on.
const FRONT_END: [&str; 6] = [
    "clap",
    "clap_complete",
    "clap_mangen",
    "maud",
    "indicatif",
    "ctrlc",
];

/// What code may not contain: printing, or the process's own streams.
const PRINTING: [&str; 6] = [
    "print!",
    "println!",
    "eprint!",
    "eprintln!",
    "std::io::stdout",
    "std::io::stderr",
];

/// Every package `Cargo.lock` says `root` depends on, directly or not. The lock file merges
/// a package's normal and development dependencies, so this is a superset of what
/// `cargo tree -e normal` lists: a front-end crate absent here is absent there.
fn reachable(lock: &str, root: &str) -> BTreeSet<String> {
    let mut deps: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for package in lock.split("[[package]]").skip(1) {
        let Some(name) = package
            .lines()
            .find_map(|l| l.strip_prefix("name = "))
            .map(|n| n.trim_matches('"').to_owned())
        else {
            continue;
        };
        let mut list = Vec::new();
        if let Some(start) = package.find("dependencies = [") {
            let rest = &package[start + "dependencies = [".len()..];
            let end = rest.find(']').unwrap_or(rest.len());
            for item in rest[..end].split(',') {
                let item = item.trim().trim_matches('"');
                // `"name version"` when several versions are locked.
                if let Some(dep) = item.split_whitespace().next() {
                    list.push(dep.to_owned());
                }
            }
        }
        deps.entry(name).or_default().extend(list);
    }
    let mut seen = BTreeSet::new();
    let mut todo = vec![root.to_owned()];
    while let Some(name) = todo.pop() {
        for dep in deps.get(&name).into_iter().flatten() {
            if seen.insert(dep.clone()) {
                todo.push(dep.clone());
            }
        }
    }
    seen
}

#[test]
fn the_core_depends_on_no_front_end_crate() {
    let lock_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.lock");
    let lock = std::fs::read_to_string(lock_path).expect("Cargo.lock");
    let core = reachable(&lock, "bitext-core");
    assert!(
        core.contains("fluent-bundle"),
        "the lock file was not read: {core:?}"
    );
    let found: Vec<&str> = FRONT_END
        .into_iter()
        .filter(|c| core.contains(*c))
        .collect();
    assert!(found.is_empty(), "bitext-core depends on {found:?}");
    // The binary does depend on them, so the reading above can see them.
    let binary = reachable(&lock, "bitext");
    assert!(FRONT_END.iter().all(|c| binary.contains(*c)), "{binary:?}");
}

/// The lines of `text` outside its test module that print, with their numbers.
fn printing(text: &str) -> Vec<(usize, String)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.split("//").next().unwrap_or("");
            PRINTING.iter().any(|p| line.contains(p))
        })
        .map(|(i, line)| (i + 1, line.trim().to_owned()))
        .collect()
}

#[test]
fn nothing_in_the_core_prints() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let all = common::rust_files(&src);
    assert!(all.len() > 20, "{all:?}");
    let mut found = Vec::new();
    for file in all {
        let text = std::fs::read_to_string(&file).expect("read");
        for (line, code) in printing(&text) {
            found.push(format!("{}:{line}: {code}", file.display()));
        }
    }
    assert!(found.is_empty(), "the core prints:\n{}", found.join("\n"));
}

#[test]
fn the_reader_sees_printing_and_leaves_comments_and_tests_out() {
    let text = "\
fn a() { println!(\"x\"); }
// eprintln! in a comment
fn b() { let _ = std::io::stderr(); }
#[cfg(test)]
mod tests { fn c() { print!(\"y\"); } }
";
    assert_eq!(
        printing(text),
        [
            (1, "fn a() { println!(\"x\"); }".to_owned()),
            (3, "fn b() { let _ = std::io::stderr(); }".to_owned())
        ]
    );
}
