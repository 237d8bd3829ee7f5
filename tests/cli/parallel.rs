//! Work spread over threads gives exactly the output of one thread.

use crate::support::Ws;

#[test]
fn parallel_and_sequential_runs_give_byte_identical_output() {
    let ws = Ws::generated(60, 11);
    let commands: [&[&str]; 6] = [
        &["status"],
        &["status", "--segments", "--format", "json"],
        &["check", "--format", "json"],
        &["diff", "--format", "json"],
        &[
            "export",
            "--edition",
            "all",
            "-l",
            "es",
            "--bilingual",
            "--allow-incomplete",
        ],
        &["sync", "--dry-run"],
    ];
    for args in commands {
        let run = |jobs: &str| {
            let mut all = args.to_vec();
            all.extend_from_slice(&["-j", jobs]);
            ws.run(&all)
        };
        let one = run("1");
        assert!(!one.stdout.is_empty(), "{args:?}");
        for jobs in ["2", "4"] {
            let many = run(jobs);
            assert_eq!(one.code, many.code, "{args:?} -j {jobs}");
            assert_eq!(one.stdout, many.stdout, "{args:?} -j {jobs}");
            assert_eq!(one.stderr, many.stderr, "{args:?} -j {jobs}");
        }
    }
    // The corpus has work to show: stale segments from its edits.
    let check = ws.run(&["check"]);
    assert_eq!(check.code, 1);
    assert!(check.stdout.contains("stale segment"), "{}", check.stdout);
}

#[test]
fn parallel_sync_writes_the_same_files() {
    let sequential = Ws::generated(40, 5);
    let parallel = Ws::generated(40, 5);
    assert_eq!(
        sequential.snapshot(),
        parallel.snapshot(),
        "the generator is deterministic"
    );
    sequential.run(&["sync", "-j", "1"]).success();
    parallel.run(&["sync", "-j", "4"]).success();
    assert_eq!(sequential.snapshot(), parallel.snapshot());
}

#[test]
fn errors_name_the_first_bad_file_whatever_the_threads() {
    let ws = Ws::generated(30, 3);
    ws.write("translations/fr/article-00007.json", "{");
    ws.write("translations/fr/article-00021.json", "[");
    for jobs in ["1", "2", "8"] {
        ws.run(&["status", "-j", jobs])
            .error(&["translations/fr/article-00007.json"]);
    }
}
