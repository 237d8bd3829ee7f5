//! Times the alignment of one 5,000-paragraph article with 10% of its paragraphs edited
//! (best of several runs), the case a large article's `status` pays for.
//!
//! ```text
//! cargo run --release --example alignbench
//! ```

use std::time::{Duration, Instant};

use bitext_core::model::align::align;
use bitext_core::model::segment::segment;
use bitext_core::model::translation::{Unit, UnitState};

fn paragraph(i: usize) -> String {
    format!(
        "Paragraph {i} reports on council meeting number {i}, where members discussed the \
         harbour budget, the price of fuel for the fishing fleet, the repairs to the old sea \
         wall and the festival planned on the quay for the {i}th weekend of the season."
    )
}

fn main() {
    let old: Vec<String> = (0..5000).map(paragraph).collect();
    let units: Vec<Unit> = segment(&old.join("\n\n"))
        .into_iter()
        .map(|s| Unit {
            target: format!("traduction {}", s.n),
            id: s.id,
            source: s.text,
            state: Some(UnitState::Translated),
            comment: None,
        })
        .collect();
    let mut new = old.clone();
    for (i, text) in new.iter_mut().enumerate() {
        if i % 10 == 3 {
            *text = text.replace("old sea wall", "old harbour wall");
        }
    }
    let segments = segment(&new.join("\n\n"));
    let mut best = Duration::MAX;
    for _ in 0..10 {
        let start = Instant::now();
        let links = align(&units, &[], &segments);
        best = best.min(start.elapsed());
        assert_eq!(links.len(), 5000);
    }
    println!(
        "align 5000 paragraphs, 500 edited: {:.2} ms (best of 10)",
        best.as_secs_f64() * 1000.0
    );
}
