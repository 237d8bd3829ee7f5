//! Times translation-memory lookups with the index against the naive all-pairs scan, on the
//! same memory in the same run: `memorybench DIR LANG ARTICLE...` takes the first segments of
//! the named articles as queries (a few: the naive scan scores every entry for each).
//!
//! ```text
//! cargo run --release --example memorybench -- /tmp/corpus fr new-0 new-1
//! ```

use std::time::Instant;

use bitext::memory::index::Memory;
use bitext::memory::store;
use bitext::workspace::Workspace;
use bitext::workspace::lang::Lang;
use bitext::workspace::slug::Slug;

/// How many queries to time.
const QUERIES: usize = 8;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, lang, articles @ ..] = args.as_slice() else {
        return Err("usage: memorybench DIR LANG ARTICLE...".into());
    };
    let ws = Workspace::open(Some(std::path::Path::new(dir)))?;
    let lang = Lang::parse(lang)?;
    let mut queries = Vec::new();
    for slug in articles {
        let article = ws.load_article(&Slug::parse(slug)?)?;
        queries.extend(article.segments.into_iter().map(|s| s.text));
    }
    queries.truncate(QUERIES);
    let start = Instant::now();
    let entries = store::entries(&ws, &lang)?;
    let memory = Memory::build(&entries);
    let build = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let mut indexed = Vec::new();
    for q in &queries {
        indexed.push(memory.lookup(q, 50, 1)?);
    }
    let index_secs = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut scanned = Vec::new();
    for q in &queries {
        scanned.push(memory.scan(q, 50, 1)?);
    }
    let scan_secs = start.elapsed().as_secs_f64();
    let same = indexed
        .iter()
        .zip(&scanned)
        .filter(|(a, b)| a.first().map(|h| h.score) == b.first().map(|h| h.score))
        .count();
    let n = queries.len();
    let per_query = f64::from(u32::try_from(n).unwrap_or(u32::MAX).max(1));
    println!(
        "memory: {} entries, built in {build:.2} s; {n} queries",
        memory.len()
    );
    println!(
        "indexed lookup: {:.2} ms/query; naive all-pairs scan: {:.1} ms/query; ratio {:.0}x; same best score for {same} of {n}",
        index_secs * 1000.0 / per_query,
        scan_secs * 1000.0 / per_query,
        scan_secs / index_secs.max(1e-9)
    );
    Ok(())
}
