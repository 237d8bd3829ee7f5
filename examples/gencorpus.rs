//! Generates a deterministic benchmark corpus (see `bitext_corpus`).
//!
//! ```text
//! cargo run --release --example gencorpus -- --articles 1000 --out /tmp/corpus [--seed 7] [--edit-fraction 0.1] [--no-gettext]
//! ```

use std::path::PathBuf;

use bitext_corpus::{Spec, generate};

struct Args {
    articles: usize,
    out: PathBuf,
    seed: u64,
    edit_fraction: f64,
    gettext: bool,
}

fn parse_args() -> Args {
    let mut args = Args {
        articles: 100,
        out: PathBuf::from("corpus"),
        seed: 7,
        edit_fraction: 0.1,
        gettext: true,
    };
    let mut iter = std::env::args().skip(1);
    while let Some(flag) = iter.next() {
        // Only the workspace, without the PO files for gettext: faster, and a third of the
        // disk.
        if flag == "--no-gettext" {
            args.gettext = false;
            continue;
        }
        let value = iter.next().unwrap_or_default();
        match flag.as_str() {
            "--articles" => args.articles = value.parse().expect("--articles N"),
            "--out" => args.out = PathBuf::from(value),
            "--seed" => args.seed = value.parse().expect("--seed N"),
            "--edit-fraction" => args.edit_fraction = value.parse().expect("--edit-fraction F"),
            other => panic!("unknown argument {other}"),
        }
    }
    args
}

fn main() {
    let args = parse_args();
    let spec = Spec {
        articles: args.articles,
        seed: args.seed,
        edit_fraction: args.edit_fraction,
        gettext: args.gettext,
    };
    match generate(&args.out, spec) {
        Ok(summary) => println!(
            "{} articles, {} segments, {} edited",
            args.articles, summary.segments, summary.edited
        ),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
}
