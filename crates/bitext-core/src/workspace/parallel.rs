//! Work over articles on every core, with results and errors in a deterministic order.

use rayon::prelude::*;

use crate::error::Result;

/// Maps `items` in parallel, keeping their order. On failure it returns the error of the
/// first failing item in order, so that messages never depend on scheduling.
///
/// # Errors
/// The first error `f` returns, in item order.
pub fn map_ordered<T, U, F>(items: &[T], f: F) -> Result<Vec<U>>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> Result<U> + Sync + Send,
{
    items
        .par_iter()
        .map(f)
        .collect::<Vec<Result<U>>>()
        .into_iter()
        .collect()
}

/// Runs `f` on a pool of `jobs` threads (all cores when `None`).
///
/// # Panics
/// Never in practice: building a pool fails only when threads cannot be spawned, and then
/// `f` runs on the calling thread instead.
pub fn with_jobs<R: Send>(jobs: Option<usize>, f: impl FnOnce() -> R + Send) -> R {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = jobs {
        builder = builder.num_threads(jobs.max(1));
    }
    match builder.build() {
        Ok(pool) => pool.install(f),
        Err(_) => f(),
    }
}
