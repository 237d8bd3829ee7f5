#!/usr/bin/env python3
"""bitext benchmark: bitext against gettext on generated corpora, side by side in one run.

Builds corpora of 100, 1,000 and 10,000 articles (fr and es translations, 10% of articles
edited) in a temporary directory with `cargo run --example gencorpus`, then measures:

- `bitext status`, `check`, `sync` and `export --edition` (wall time, segments per second,
  peak resident memory from wait4);
- `msgfmt --statistics` over every PO file of the same corpus against `bitext status`;
- `msgmerge --previous` (old PO + new POT, per article and language, as po4a drives it)
  against `bitext sync`;
- the alignment of one 5,000-paragraph article with 10% of its paragraphs edited;
- `bitext serve`: the time to serve the dashboard and the workbench of a finished and of an
  unfinished article, right after the server starts, warm, after another process changed a
  translation file, and after a restart, against `bitext status` on the same corpus
  (`--serve-only` measures just these).

gettext takes one PO file per process (each file has a header entry, so msgfmt refuses to
read two at once), so it runs through `xargs -P N` with N the core count, as bitext uses every
core. Usage:

    python3 bench/run.py [--sizes 100,1000,10000] [--markdown]
    python3 bench/run.py --peak-memory [--sizes 1000,10000,50000]

`--peak-memory` measures only the peak resident memory of every whole-workspace command (status,
check, qa, diff, export --edition, tmx, po and xliff export, suggest, pretranslate, sync) on
corpora of 1,000, 10,000 and 50,000 articles, each generated on the fly and deleted after.
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
MEMORYBENCH = os.path.join(ROOT, "target", "release", "examples", "memorybench")
CORES = os.cpu_count() or 1


# Linux counts in a process's peak resident memory the memory of the process it was forked
# from, as it was when the new program replaced it: run from this script, every command would
# seem to use at least what Python uses (14 MiB and up, 30 MiB once it has read a large
# status). GNU time forks it from a process of 2 MiB and reports its peak alone.
TIME = "/usr/bin/time"


def measure(argv, cwd=None, stdin=None):
    """Runs argv; returns (seconds, peak RSS in MiB, exit code)."""
    report = None
    if os.path.exists(TIME):
        fd, report = tempfile.mkstemp(prefix="bitext-time-")
        os.close(fd)
        argv = [TIME, "-f", "%M", "-o", report] + argv
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    mib = usage.ru_maxrss / 1024.0
    if report is not None:
        with open(report, encoding="utf-8") as f:
            lines = f.read().split()
        os.unlink(report)
        # The last word is %M in KiB (a command killed by a signal adds a line before it).
        if lines and lines[-1].isdigit():
            mib = int(lines[-1]) / 1024.0
    return elapsed, mib, proc.returncode


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


def fetch(url):
    """GETs url; returns (seconds, bytes)."""
    import urllib.request
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        body = response.read()
    return time.perf_counter() - start, len(body)


def start_server(corpus):
    """Starts `bitext serve` on corpus; returns (process, base URL, query with the token)."""
    server = subprocess.Popen([BITEXT, "-C", corpus, "serve"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    url = next(w for w in server.stdout.readline().split() if w.startswith("http://"))
    base, token = url.split("/?token=")
    return server, base, f"?token={token}"


def stop_server(server):
    server.send_signal(2)
    server.wait()


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def bench_serve(corpus, runs):
    """Serves corpus with `bitext serve` and times what a translator meets, in seconds:

    - `start`: right after the server prints its URL, the dashboard, then the workbench of an
      unfinished article in fr and in es (these wait for the warm-up, which computes the
      dashboard and opens each language's memory);
    - warm: then the dashboard (best and median of `runs`), a finished article's workbench
      and the unfinished one's (best and median of 5 x `runs`);
    - `change`: after another process (`bitext set`) changed one translation file, the next
      dashboard and the next unfinished workbench (best of `runs` changes);
    - `restart`: the server stopped after those changes and started again, the first
      dashboard and workbench (the memory's cache on disk no longer matches the files: the
      warm-up opens the memory from every file, and writes its cache);
    - `restart 2`: stopped and started once more, with caches on disk that match the files.
    """
    import json
    status = json.loads(subprocess.run([BITEXT, "-C", corpus, "status", "--format", "json"],
                                       capture_output=True, text=True, check=True).stdout)
    articles = status["articles"]
    done = next(a["article"] for a in articles if a["languages"][0]["percent"] == 100.0)
    # An unfinished article's page also looks up the translation memory for each
    # unfinished segment.
    todo = next(a["article"] for a in articles
                if all(lang["percent"] < 100.0 for lang in a["languages"]))
    others = [a["article"] for a in articles if a["article"] not in (done, todo)]
    out = {}
    server, base, q = start_server(corpus)
    try:
        out["start dashboard"] = fetch(f"{base}/{q}")[0]
        out["start fr"] = fetch(f"{base}/article/{todo}/fr{q}")[0]
        out["start es"] = fetch(f"{base}/article/{todo}/es{q}")[0]
        dashboard = [fetch(f"{base}/{q}") for _ in range(runs)]
        out["size"] = dashboard[0][1]
        out["dashboard"] = min(d[0] for d in dashboard)
        out["dashboard median"] = median([d[0] for d in dashboard])
        finished = [fetch(f"{base}/article/{done}/fr{q}")[0] for _ in range(runs * 5)]
        unfinished = [fetch(f"{base}/article/{todo}/fr{q}")[0] for _ in range(runs * 5)]
        out["finished"] = min(finished)
        out["unfinished"] = min(unfinished)
        out["unfinished median"] = median(unfinished)
        after_dashboard, after_page = [], []
        for i in range(runs):
            subprocess.run([BITEXT, "-C", corpus, "set", others[i], "1", "-l", "fr", "--text",
                            f"Traduction changée {i}."], check=True, capture_output=True)
            after_dashboard.append(fetch(f"{base}/{q}")[0])
            after_page.append(fetch(f"{base}/article/{todo}/fr{q}")[0])
        out["change dashboard"] = min(after_dashboard)
        out["change fr"] = min(after_page)
    finally:
        stop_server(server)
    # Changes younger than two seconds keep the memory from writing its cache; let them age.
    time.sleep(2.5)
    server, base, q = start_server(corpus)
    try:
        out["restart dashboard"] = fetch(f"{base}/{q}")[0]
        out["restart fr"] = fetch(f"{base}/article/{todo}/fr{q}")[0]
        # Waits for the warm-up to open the es memory too (and write its cache).
        fetch(f"{base}/article/{todo}/es{q}")
    finally:
        stop_server(server)
    # Once more, now that the caches on disk match the files.
    server, base, q = start_server(corpus)
    try:
        out["restart 2 dashboard"] = fetch(f"{base}/{q}")[0]
        out["restart 2 fr"] = fetch(f"{base}/article/{todo}/fr{q}")[0]
    finally:
        stop_server(server)
    return out


def serve_table(rows):
    """Prints the tables of `bench_serve` results: (articles, segments, status s, results,
    load average after)."""
    print("Dashboard, seconds (every article in fr and es):")
    print()
    print("| articles | segments | bitext status | first, right after start | warm, best | warm, median | warm / status | after a change | first after a restart | after a 2nd restart | MiB | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, segs, status, r, load in rows:
        print(f"| {n:,} | {segs:,} | {status:.3f} | {r['start dashboard']:.3f} | {r['dashboard']:.3f} | {r['dashboard median']:.3f} | {r['dashboard'] / status:.2f} | {r['change dashboard']:.3f} | {r['restart dashboard']:.3f} | {r['restart 2 dashboard']:.3f} | {r['size'] / 1048576:.1f} | {load:.1f} |")
    print()
    print("Article workbench, milliseconds:")
    print()
    print("| articles | finished, best | unfinished, best | unfinished, median | first fr, right after start | first es, right after start | unfinished after a change | first after a restart | after a 2nd restart |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, _, _, r, _ in rows:
        ms = {k: v * 1000 for k, v in r.items() if k != "size"}
        print(f"| {n:,} | {ms['finished']:.1f} | {ms['unfinished']:.1f} | {ms['unfinished median']:.1f} | {ms['start fr']:.1f} | {ms['start es']:.1f} | {ms['change fr']:.1f} | {ms['restart fr']:.1f} | {ms['restart 2 fr']:.1f} |")


def serve_only(sizes, runs, corpus=None):
    """`bench_serve` on generated corpora of each size, or on `corpus` (copied first, as the
    benchmark writes to it)."""
    print(f"Load average before: {os.getloadavg()[0]:.2f}")
    print()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bitext-bench-") as workdir:
        for n in ([None] if corpus else sizes):
            path = os.path.join(workdir, f"corpus-{n}")
            if corpus:
                shutil.copytree(corpus, path)
                # A fresh copy has no caches, as a generated corpus.
                shutil.rmtree(os.path.join(path, ".bitext-cache"), ignore_errors=True)
                n = len([f for f in os.listdir(os.path.join(path, "sources"))
                         if f.endswith(".md")])
            else:
                subprocess.run([GENCORPUS, "--articles", str(n), "--out", path], check=True,
                               stdout=subprocess.DEVNULL)
            segs = segments_of(path)
            status = best_of(runs, [BITEXT, "-C", path, "status"])[0]
            rows.append((n, segs, status, bench_serve(path, runs), os.getloadavg()[0]))
            shutil.rmtree(path, ignore_errors=True)
    serve_table(rows)


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


def new_articles(corpus, count):
    """Writes `count` new articles (no translations) made of existing ones: every third
    paragraph edited by one word, the rest quoted as is, as a newsroom reuses its text."""
    sources = os.path.join(corpus, "sources")
    slugs = sorted(f[:-3] for f in os.listdir(sources) if f.endswith(".md"))[:count]
    new = []
    for i, slug in enumerate(slugs):
        with open(os.path.join(sources, slug + ".md"), encoding="utf-8") as f:
            paragraphs = f.read().split("\n\n")
        for k in range(0, len(paragraphs), 3):
            words = paragraphs[k].split(" ")
            if len(words) > 4:
                words[len(words) // 2] = "meanwhile"
                paragraphs[k] = " ".join(words)
        name = f"new-{i:03}"
        with open(os.path.join(sources, name + ".md"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(paragraphs))
        new.append(name)
    return new


def bench_memory(workdir, runs, n=10000, count=100):
    """suggest and pretranslate on the n-article corpus, with `count` new articles."""
    corpus = os.path.join(workdir, f"memory-{n}")
    subprocess.run([GENCORPUS, "--articles", str(n), "--out", corpus], check=True,
                   stdout=subprocess.DEVNULL)
    # The gettext files are for the other benchmarks: not copied for pretranslate below.
    for gettext_dir in ("po", "po-old", "pot-new"):
        shutil.rmtree(os.path.join(corpus, gettext_dir), ignore_errors=True)
    new = new_articles(corpus, count)
    # The memory's cache trusts only files older than two seconds.
    time.sleep(3)
    suggest = [BITEXT, "-C", corpus, "suggest", new[0], "2", "-l", "fr"]
    cold = measure(suggest)
    warm = best_of(runs, suggest)
    # Also a segment the memory holds only edited, whose best match is fuzzy.
    import json
    fuzzy = None
    for n_seg in range(2, 40):
        out = subprocess.run([BITEXT, "-C", corpus, "suggest", new[0], str(n_seg), "-l", "fr",
                              "--format", "json"], capture_output=True, text=True)
        matches = json.loads(out.stdout) if out.returncode == 0 else []
        if matches and matches[0]["score"] < 100:
            fuzzy = n_seg
            break
    warm_fuzzy = best_of(runs, suggest[:-3] + [str(fuzzy)] + suggest[-2:]) if fuzzy else None
    pre = []
    for _ in range(min(runs, 2)):
        copy = corpus + "-pre"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(corpus, copy)
        pre.append(measure([BITEXT, "-C", copy, "pretranslate", *new, "-l", "fr",
                            "--min-score", "75"]))
    pre = min(pre, key=lambda r: r[0])
    naive = subprocess.run([MEMORYBENCH, corpus, "fr", *new[:2]], capture_output=True,
                           text=True, check=True).stdout.strip()
    shutil.rmtree(corpus + "-pre", ignore_errors=True)
    shutil.rmtree(corpus, ignore_errors=True)
    print()
    print(f"Translation memory, {n:,} articles (fr memory), {count} new articles:")
    print()
    print("| command | wall s | peak MiB |")
    print("|---|---:|---:|")
    print(f"| suggest, first run (reads every translation file, writes the cache) | {cold[0]:.3f} | {cold[1]:.1f} |")
    print(f"| suggest, cache valid (end to end) | {warm[0]:.3f} | {warm[1]:.1f} |")
    if warm_fuzzy:
        print(f"| suggest, cache valid, segment {fuzzy} (best match fuzzy) | {warm_fuzzy[0]:.3f} | {warm_fuzzy[1]:.1f} |")
    print(f"| pretranslate {count} new articles --min-score 75 | {pre[0]:.3f} | {pre[1]:.1f} |")
    print()
    print(naive)


# (name, arguments): `{out}` is a scratch directory emptied after each command, `{complete}`
# the articles with no missing segment in fr (their exports never open the translation
# memory), `{some}` the first 100 articles. The commands that look up best matches in the
# translation memory read it first: a cold build from every translation file, or its cache
# once `suggest` has written it.
MEMORY_COMMANDS = [
    ("status", ["status"]),
    ("check", ["check"]),
    ("qa", ["qa"]),
    ("export --edition", ["export", "--edition", "all", "-l", "fr", "--allow-incomplete",
                          "--bilingual", "-o", "{out}/edition.html"]),
    ("tmx export", ["tmx", "export", "-o", "{out}/memory.tmx"]),
    ("po export, articles with no missing segment", ["po", "export", "{complete}", "-l", "fr",
                                                     "-o", "{out}"]),
    ("xliff export, articles with no missing segment", ["xliff", "export", "{complete}", "-l",
                                                        "fr", "-o", "{out}"]),
    ("diff --format unified (no memory)", ["diff", "--format", "unified"]),
    ("diff (memory built)", ["diff"]),
    ("diff --format json (memory built)", ["diff", "--format", "json"]),
    ("status --segments (memory built)", ["status", "--segments"]),
    ("po export, every article (memory built)", ["po", "export", "{all}", "-l", "fr", "-o",
                                                 "{out}"]),
    ("suggest (memory built, cache written)", ["suggest", "{first}", "1", "-l", "fr"]),
    ("diff (memory from its cache)", ["diff"]),
    ("pretranslate 100 articles --dry-run (memory from its cache)",
     ["pretranslate", "{some}", "-l", "fr", "--min-score", "75", "--dry-run"]),
    ("set (one segment, consistency checked)",
     ["set", "{first}", "1", "-l", "fr", "--text", "Une phrase de plus."]),
    ("sync", ["sync"]),
]


# Above this many articles the commands that read the translation memory are left out (its
# cache takes some 2 GB of disk per language at 50,000 articles).
MEMORY_UP_TO = 50000


def expand(tail, out, slugs, complete):
    argv = []
    for a in tail:
        if a == "{all}":
            argv += slugs
        elif a == "{complete}":
            argv += complete
        elif a == "{some}":
            argv += slugs[:100]
        elif a == "{first}":
            argv.append(slugs[0])
        else:
            argv.append(a.format(out=out))
    return argv


def peak_memory(sizes):
    """Peak resident memory (wait4) of every whole-workspace command, one run each, on
    corpora of each size generated on the fly (without the gettext files) and deleted after.
    `sync` runs last, as it rewrites the corpus."""
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext",
                    "--example", "gencorpus"], cwd=ROOT, check=True)
    table = {}
    with tempfile.TemporaryDirectory(prefix="bitext-peak-") as workdir:
        for n in sizes:
            corpus = os.path.join(workdir, f"corpus-{n}")
            start = time.perf_counter()
            subprocess.run([GENCORPUS, "--articles", str(n), "--out", corpus, "--no-gettext"],
                           check=True, stdout=subprocess.DEVNULL)
            print(f"{n:,} articles generated in {time.perf_counter() - start:.0f} s",
                  file=sys.stderr, flush=True)
            import json
            status = json.loads(subprocess.run(
                [BITEXT, "-C", corpus, "status", "--format", "json", "-l", "fr"],
                capture_output=True, text=True, check=True).stdout)
            slugs = [a["article"] for a in status["articles"]]
            complete = [a["article"] for a in status["articles"]
                        if a["languages"][0]["missing"] == 0]
            # The memory's cache trusts only files older than two seconds.
            time.sleep(3)
            # Exported files go to memory when it can hold them (they are deleted after each
            # command), so that the disk holds only the corpus.
            scratch = "/dev/shm" if os.path.isdir("/dev/shm") else workdir
            out = tempfile.mkdtemp(prefix="bitext-peak-out-", dir=scratch)
            for name, tail in MEMORY_COMMANDS:
                if n > MEMORY_UP_TO and "memory" in name and "no memory" not in name:
                    print(f"{name} on {n:,} articles: left out (translation memory)",
                          file=sys.stderr, flush=True)
                    continue
                os.makedirs(out, exist_ok=True)
                argv = [BITEXT, "-C", corpus] + expand(tail, out, slugs, complete)
                secs, mib, code = measure(argv)
                table[(name, n)] = mib
                print(f"{name} on {n:,} articles: {mib:.1f} MiB, {secs:.1f} s, exit {code}",
                      file=sys.stderr, flush=True)
                shutil.rmtree(out, ignore_errors=True)
                if name.startswith("suggest"):
                    # The Spanish memory's cache too, for the diff that follows.
                    subprocess.run([BITEXT, "-C", corpus, "suggest", slugs[0], "1", "-l", "es"],
                                   stdout=subprocess.DEVNULL, check=False)
            shutil.rmtree(corpus, ignore_errors=True)
    print("Peak resident memory, MiB (one run each):")
    print()
    print("| command | " + " | ".join(f"{n:,} articles" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for name, _ in MEMORY_COMMANDS:
        cells = [f"{table[(name, n)]:.1f}" if (name, n) in table else "–" for n in sizes]
        print(f"| bitext {name} | " + " | ".join(cells) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-only", action="store_true",
                        help="only the translation-memory benchmark")
    parser.add_argument("--serve-only", action="store_true",
                        help="measure only bitext serve against bitext status")
    parser.add_argument("--corpus", help="with --serve-only: measure on a copy of this "
                        "workspace instead of generating corpora")
    parser.add_argument("--peak-memory", action="store_true",
                        help="only the peak memory of every command (sizes 1k, 10k, 50k)")
    args = parser.parse_args()
    if args.peak_memory:
        sizes = "1000,10000,50000" if args.sizes == "100,1000,10000" else args.sizes
        peak_memory([int(s) for s in sizes.split(",")])
        return
    if args.serve_only:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext",
                        "--example", "gencorpus"], cwd=ROOT, check=True)
        print(f"Machine: {CORES} cores; best of {args.runs} runs; bitext {BITEXT}")
        print()
        serve_only([int(s) for s in args.sizes.split(",")], args.runs, args.corpus)
        return
    for tool in ("msgfmt", "msgmerge", "xargs"):
        if shutil.which(tool) is None:
            sys.exit(f"bench: {tool} is not installed (Debian: apt-get install gettext findutils)")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext",
                    "--example", "gencorpus", "--example", "alignbench",
                    "--example", "memorybench"], cwd=ROOT, check=True)
    if args.memory_only:
        with tempfile.TemporaryDirectory(prefix="bitext-bench-") as workdir:
            bench_memory(workdir, args.runs)
        return
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
    with tempfile.TemporaryDirectory(prefix="bitext-bench-") as workdir:
        bench_memory(workdir, args.runs)
    print()
    serve_only([int(s) for s in args.sizes.split(",")], args.runs)


if __name__ == "__main__":
    main()
