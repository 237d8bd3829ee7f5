//! The layers of `bitext-core` hold: every `crate::…` path in a file names its own folder or
//! one below it in the order `docs/architecture.md` writes down, so that no change can
//! quietly make a lower layer depend on a higher one (or two layers on each other).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

/// The line of `docs/architecture.md` that gives the order, bottom first.
const ORDER_LINE: &str = "Layers, bottom to top:";

/// The layers, bottom first, as `docs/architecture.md` gives them.
fn order() -> Vec<String> {
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/architecture.md");
    let text = std::fs::read_to_string(&doc).expect("docs/architecture.md");
    let line = text
        .lines()
        .find(|l| l.starts_with(ORDER_LINE))
        .unwrap_or_else(|| panic!("docs/architecture.md has no line starting {ORDER_LINE:?}"));
    line[ORDER_LINE.len()..]
        .split('→')
        .map(|name| {
            name.trim()
                .trim_matches(|c| c == '`' || c == '.')
                .to_owned()
        })
        .collect()
}

/// The top-level modules a source file names through `crate::`, with the line of each, in
/// code only: comments and doc comments (which may link anywhere) are left out.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut group: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        // `use crate::{a::x, b};` over one line or several.
        if let Some(start) = group {
            for name in group_names(code) {
                found.push((start, name));
            }
            if code.contains("};") {
                group = None;
            }
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let before = &rest[..at];
            let after = &rest[at + "crate::".len()..];
            // `$crate::` in a macro names the crate wherever the macro is used.
            if !before.ends_with('$') {
                if let Some(inner) = after.strip_prefix('{') {
                    found.extend(group_names(inner).into_iter().map(|n| (i + 1, n)));
                    if !inner.contains('}') {
                        group = Some(i + 1);
                    }
                } else {
                    let name: String = after
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    found.push((i + 1, name));
                }
            }
            rest = after;
        }
    }
    found
}

/// The first segment of every path in the inside of a `use crate::{…}` group.
fn group_names(inner: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut at_start = true;
    let mut word = String::new();
    for c in inner.chars() {
        if depth == 0 && at_start && (c.is_alphanumeric() || c == '_') {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            names.push(std::mem::take(&mut word));
            at_start = false;
        }
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => at_start = true,
            _ => {}
        }
    }
    if !word.is_empty() {
        names.push(word);
    }
    names
}

/// The layer a file belongs to: its folder, or its own name for a file at the top.
fn layer_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("inside src");
    let first = rel.components().next().expect("component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_owned()
}

/// Every import of a file that climbs: `(file, line, from, to)`.
fn violations(src: &Path, order: &[String]) -> Vec<(String, usize, String, String)> {
    let rank: BTreeMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let all = common::rust_files(src);
    let mut out = Vec::new();
    for file in all {
        let from = layer_of(src, &file);
        if from == "lib" {
            continue;
        }
        let here = *rank
            .get(from.as_str())
            .unwrap_or_else(|| panic!("{} is in no layer of docs/architecture.md", file.display()));
        let text = std::fs::read_to_string(&file).expect("read");
        for (line, to) in crate_paths(&text) {
            // `crate::t` is the messages' macro, exported at the root by `l10n`.
            let to = if to == "t" { "l10n".to_owned() } else { to };
            let there = *rank
                .get(to.as_str())
                .unwrap_or_else(|| panic!("{}:{line}: crate::{to} is in no layer", file.display()));
            if there > here {
                let rel = file
                    .strip_prefix(src)
                    .expect("inside")
                    .display()
                    .to_string();
                out.push((rel, line, from.clone(), to));
            }
        }
    }
    out
}

#[test]
fn no_folder_of_the_core_imports_one_above_it() {
    let order = order();
    assert!(order.len() >= 5, "too few layers read: {order:?}");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src, &order);
    assert!(
        found.is_empty(),
        "imports that climb the layers of docs/architecture.md ({}):\n{}",
        order.join(" → "),
        found
            .iter()
            .map(|(file, line, from, to)| format!("  src/{file}:{line}: {from} uses {to}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_module_at_the_top_of_the_core_has_its_layer() {
    let order = order();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    assert!(!modules.is_empty());
    for module in &modules {
        assert!(
            order.iter().any(|o| o == module),
            "module {module} is in no layer of docs/architecture.md: {order:?}"
        );
    }
    assert_eq!(modules.len(), order.len(), "{modules:?} against {order:?}");
}

#[test]
fn the_reader_sees_every_form_of_import_and_no_comment() {
    let text = "\
//! Links to [`crate::ops`] in docs are not imports.
use crate::model::segment::Segment; // a trailing comment with crate::qa
use crate::{
    error::{Error, Result},
    workspace::Workspace,
};
use crate::{memory, render::html};
fn f() { crate::exchange::po::read(); $crate::l10n::tr(); }
";
    let names: Vec<String> = crate_paths(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(
        names,
        [
            "model",
            "error",
            "workspace",
            "memory",
            "render",
            "exchange"
        ]
    );
}

#[test]
fn an_import_that_climbs_is_caught() {
    let dir = tempfile::tempdir().expect("temp");
    let src = dir.path();
    std::fs::create_dir_all(src.join("model")).expect("dir");
    std::fs::write(src.join("lib.rs"), "pub mod model;\npub mod qa;\n").expect("write");
    std::fs::write(src.join("model/a.rs"), "use crate::qa::Finding;\n").expect("write");
    std::fs::write(src.join("qa.rs"), "use crate::model::a;\n").expect("write");
    let order = ["model".to_owned(), "qa".to_owned()];
    assert_eq!(
        violations(src, &order),
        [(
            "model/a.rs".to_owned(),
            1,
            "model".to_owned(),
            "qa".to_owned()
        )]
    );
}
