#!/usr/bin/env python3
"""bitext benchmark: bitext against gettext on generated corpora, side by side in one run.

Builds corpora of 100, 1,000 and 10,000 articles (fr and es translations, 10% of articles
edited) in a temporary directory with `cargo run --example gencorpus`, then measures:

- `bitext status`, `check`, `sync` and `export --edition` (wall time, segments per second,
  peak resident memory from wait4);
- `msgfmt --statistics` over every PO file of the same corpus against `bitext status`;
- `msgmerge --previous` (old PO + new POT, per article and language, as po4a drives it)
  against `bitext sync`;
- the alignment of one 5,000-paragraph article with 10% of its paragraphs edited.

gettext takes one PO file per process (each file has a header entry, so msgfmt refuses to
read two at once), so it runs through `xargs -P N` with N the core count, as bitext uses every
core. Usage:

    python3 bench/run.py [--sizes 100,1000,10000] [--markdown]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BITEXT = os.path.join(ROOT, "target", "release", "bitext")
GENCORPUS = os.path.join(ROOT, "target", "release", "examples", "gencorpus")
ALIGNBENCH = os.path.join(ROOT, "target", "release", "examples", "alignbench")
CORES = os.cpu_count() or 1


def measure(argv, cwd=None, stdin=None):
    """Runs argv; returns (seconds, peak RSS in MiB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024.0, proc.returncode


def best_of(runs, argv, cwd=None):
    """Best wall time of `runs` runs (the machines are shared), with its peak memory."""
    results = [measure(argv, cwd) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def xargs(argv_tail, items, per_call, cwd):
    """Runs a command over items with xargs -P CORES; returns seconds."""
    data = ("\0".join(items) + "\0").encode()
    argv = ["xargs", "-0", "-P", str(CORES), "-n", str(per_call)] + argv_tail
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, input=data, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def segments_of(corpus):
    out = subprocess.run([BITEXT, "-C", corpus, "status", "--format", "json", "-l", "fr"],
                         capture_output=True, text=True, check=True).stdout
    import json
    return sum(a["segments"] for a in json.loads(out)["articles"])


def bench_size(n, workdir, runs):
    corpus = os.path.join(workdir, f"corpus-{n}")
    subprocess.run([GENCORPUS, "--articles", str(n), "--out", corpus], check=True,
                   stdout=subprocess.DEVNULL)
    segs = segments_of(corpus)
    rows = {}
    rows["status"] = best_of(runs, [BITEXT, "-C", corpus, "status"])
    rows["check"] = best_of(runs, [BITEXT, "-C", corpus, "check"])
    # Quality checks, side by side with check (which includes the error-level ones) and with
    # check --no-qa (completeness alone).
    rows["check --no-qa"] = best_of(runs, [BITEXT, "-C", corpus, "check", "--no-qa"])
    rows["qa"] = best_of(runs, [BITEXT, "-C", corpus, "qa"])
    out_html = os.path.join(workdir, "edition.html")
    rows["export --edition"] = best_of(
        runs, [BITEXT, "-C", corpus, "export", "--edition", "all", "-l", "fr",
               "--allow-incomplete", "-o", out_html])
    sync_times = []
    for _ in range(runs):
        copy = corpus + "-sync"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(corpus, copy)
        sync_times.append(measure([BITEXT, "-C", copy, "sync"]))
    rows["sync"] = min(sync_times, key=lambda r: r[0])

    po_files = sorted(os.listdir(os.path.join(corpus, "po")))
    msgfmt = min(xargs(["msgfmt", "--statistics", "-o", "/dev/null"],
                       [os.path.join("po", f) for f in po_files], 1, corpus)
                 for _ in range(runs))
    merges = []
    for f in po_files:
        slug, lang, _ = f.rsplit(".", 2)
        merges += [os.path.join("merged", f), os.path.join("po-old", f),
                   os.path.join("pot-new", slug + ".pot")]
    os.makedirs(os.path.join(corpus, "merged"), exist_ok=True)
    msgmerge = min(xargs(["sh", "-c", 'msgmerge --previous -q -o "$0" "$1" "$2"'],
                         merges, 3, corpus) for _ in range(runs))
    shutil.rmtree(corpus + "-sync", ignore_errors=True)
    shutil.rmtree(corpus, ignore_errors=True)
    return segs, rows, msgfmt, msgmerge


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for tool in ("msgfmt", "msgmerge", "xargs"):
        if shutil.which(tool) is None:
            sys.exit(f"bench: {tool} is not installed (Debian: apt-get install gettext findutils)")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext",
                    "--example", "gencorpus", "--example", "alignbench"], cwd=ROOT, check=True)
    print(f"Machine: {CORES} cores; best of {args.runs} runs; bitext {BITEXT}")
    print()
    print("| articles | segments | command | wall s | segments/s | peak MiB |")
    print("|---:|---:|---|---:|---:|---:|")
    ratios = []
    qa_ratios = []
    with tempfile.TemporaryDirectory(prefix="bitext-bench-") as workdir:
        for n in [int(s) for s in args.sizes.split(",")]:
            segs, rows, msgfmt, msgmerge = bench_size(n, workdir, args.runs)
            # Both target languages are processed: twice the segments.
            work = 2 * segs
            for name, (secs, mib, _) in rows.items():
                print(f"| {n:,} | {segs:,} | bitext {name} | {secs:.3f} | {work / secs:,.0f} | {mib:.1f} |")
            print(f"| {n:,} | {segs:,} | msgfmt --statistics (xargs -P{CORES}) | {msgfmt:.3f} | {work / msgfmt:,.0f} | |")
            print(f"| {n:,} | {segs:,} | msgmerge --previous (xargs -P{CORES}) | {msgmerge:.3f} | {work / msgmerge:,.0f} | |")
            ratios.append((n, rows["status"][0] / msgfmt, rows["check"][0] / msgfmt,
                           msgmerge / rows["sync"][0], rows["status"][1]))
            qa_ratios.append((n, rows["qa"][0] / rows["check"][0],
                              rows["qa"][0] / rows["check --no-qa"][0], rows["qa"][1]))
    print()
    print("| articles | status / msgfmt | check / msgfmt | msgmerge / sync | status peak MiB |")
    print("|---:|---:|---:|---:|---:|")
    for n, status, check, merge, mib in ratios:
        print(f"| {n:,} | {status:.2f} | {check:.2f} | {merge:.1f}x | {mib:.1f} |")
    print()
    print("| articles | qa / check | qa / check --no-qa | qa peak MiB |")
    print("|---:|---:|---:|---:|")
    for n, per_check, per_no_qa, mib in qa_ratios:
        print(f"| {n:,} | {per_check:.2f} | {per_no_qa:.2f} | {mib:.1f} |")
    print()
    print(subprocess.run([ALIGNBENCH], capture_output=True, text=True, check=True).stdout.strip())


if __name__ == "__main__":
    main()
