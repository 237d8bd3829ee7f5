//! Times translation-memory lookups through the index against a naive all-pairs scan, on the
//! same memory in the same run: `memorybench DIR LANG ARTICLE...` takes the segments of the
//! named articles as queries (a few: the naive scan scores every entry for each).
//!
//! The queries are paragraphs the memory holds only edited (an exact match is answered from
//! the key of the whole text alone). The index is the one the commands use (the cache under
//! `.bitext-cache/`, written when it is missing). The naive scan holds every entry in memory,
//! read and tokenised beforehand, tokenises each query once, and scores it against every
//! entry with the same score function the index uses for its candidates; it keeps the best.
//! Both are timed on the same queries, with the thresholds of `suggest` (50, 5 matches) and of
//! `pretranslate --min-score 75` (75, 1).
//!
//! ```text
//! cargo run --release --example memorybench -- /tmp/corpus fr new-000 new-001
//! ```

use std::time::Instant;

use bitext_core::memory::score::{score_token_lists, scored_tokens};
use bitext_core::memory::store;
use bitext_core::model::lang::Lang;
use bitext_core::model::slug::Slug;
use bitext_core::workspace::Workspace;

/// How many queries to time.
const QUERIES: usize = 3;

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
        // Paragraphs, not headings: the longer texts are the naive scan's real work.
        queries.extend(
            article
                .segments
                .into_iter()
                .map(|s| s.text)
                .filter(|t| t.split(' ').count() > 8),
        );
    }
    let start = Instant::now();
    let memory = store::open(&ws, &lang, true)?;
    let open = start.elapsed().as_secs_f64();
    let mut fuzzy = Vec::new();
    for q in queries {
        if fuzzy.len() < QUERIES && memory.lookup(&q, 100, 1)?.is_empty() {
            fuzzy.push(q);
        }
    }
    let queries = fuzzy;
    let n = queries.len();
    let per_query = |secs: f64| secs * 1000.0 / f64::from(u32::try_from(n.max(1)).unwrap_or(1));
    let mut timed = Vec::new();
    for (min, limit) in [(50, 5), (75, 1)] {
        let start = Instant::now();
        let mut best = Vec::new();
        for q in &queries {
            best.push(memory.lookup(q, min, limit)?.first().map(|h| h.score));
        }
        timed.push((min, limit, start.elapsed().as_secs_f64(), best));
    }

    let start = Instant::now();
    let entries = store::entries(&ws, &lang)?;
    let tokenised: Vec<_> = entries.iter().map(|e| scored_tokens(&e.source)).collect();
    let load = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut naive = Vec::new();
    for q in &queries {
        let tokens = scored_tokens(q);
        let best = entries
            .iter()
            .zip(&tokenised)
            .map(|(e, t)| {
                if e.source == *q {
                    100
                } else {
                    score_token_lists(&tokens, t)
                }
            })
            .max();
        naive.push(best);
    }
    let naive_secs = start.elapsed().as_secs_f64();

    println!(
        "memory: {} entries; index opened in {:.3} s; naive scan's entries read and tokenised in {load:.1} s; {n} queries, paragraphs the memory holds edited",
        memory.len(),
        open
    );
    println!(
        "naive all-pairs scan: {:.1} ms/query",
        per_query(naive_secs)
    );
    for (min, limit, secs, best) in timed {
        let same = best
            .iter()
            .zip(&naive)
            .filter(|(a, b)| a.is_some_and(|s| s >= min) && *a == *b)
            .count();
        println!(
            "indexed lookup, --min-score {min}, {limit} match(es): {:.2} ms/query; naive / indexed {:.0}x; same best score as the scan for {same} of {n}",
            per_query(secs),
            naive_secs / secs.max(1e-9),
        );
    }
    Ok(())
}
