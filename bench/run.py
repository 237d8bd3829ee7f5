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

`--exports` measures the export of a 200-article edition (4,939 segments, translated
throughout) in every document format, monolingual and bilingual, side by side in one run: the
wall time and the peak resident memory (best of `--runs`), and the size of the document. For
the PDF, the time is bitext's and WeasyPrint's together, and the peak is that of the larger
of the two: wait4 reports for bitext the largest of itself and the processes it waited for.
The engine's own peak is measured too, through a wrapper run as `--pdf-engine`:

    python3 bench/run.py --exports [--runs 3] [--articles 200]

`--cliffs` measures how bitext behaves when one large article changes, to find the edits whose
cost jumps (the cliffs):

    python3 bench/run.py --cliffs [--cliff-sizes 1000,5000,20000] [--markdown]
                                  [--runs 3] [--timeout 300] [--bitext PATH]

For each size N it generates, in Python and with a fixed seed, one article of N segments:
prose paragraphs of 20–60 words, a heading every 10 to 20 segments, a few tight lists, with
links, years, dates, percentages and sums. Its workspace (`source = "en"`, `targets =
["fr"]`) gets a complete French file: the one `bitext sync` writes, every target filled with
a word-for-word French gloss that keeps numbers, link targets and markup (so that `bitext qa`
finds next to nothing: the header gives the count) and marked translated. Then, each in its
own copy of the workspace, the English article gets one edit: `none`; `one paragraph` (one
word replaced in one paragraph); `10 %` (one word replaced in every tenth segment); `all` (one
word replaced in every segment); `shuffled` (segments in a random order, texts unchanged);
`reversed`; `half deleted` (every other segment removed). On each, `bitext status`, `diff`,
`check`, `qa` and `sync` (on a fresh copy each run, as it writes) are timed, best of `--runs`
(of 2 at 20,000 segments and more), each run with `.bitext-cache` deleted first, so that no
cache hides the work; `status (cached)` is status again, measured after a first run left its
cache in place. The table gives the wall time, its ratio to the same command on the unedited
article (`×none`) and the peak resident memory. A run still going after `--timeout` seconds
is stopped and shows as `> 300`; it is not repeated. Exit status 1 (stale translations) is
expected; any other is shown next to the time. `--bitext PATH` measures that binary instead
of target/release/bitext, in every mode (and with `--cliffs`, nothing is built then).
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
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


def measure(argv, cwd=None, stdin=None, timeout=None):
    """Runs argv; returns (seconds, peak RSS in MiB, exit code). With `timeout`, a command
    still running after that many seconds is killed and its exit code is None (its peak is
    the peak until then)."""
    report = None
    if os.path.exists(TIME):
        fd, report = tempfile.mkstemp(prefix="bitext-time-")
        os.close(fd)
        argv = [TIME, "-f", "%M", "-o", report] + argv
    try:
        start = time.perf_counter()
        # In its own process group, for `kill_group`.
        proc = subprocess.Popen(argv, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        killed = []
        timer = None
        if timeout is not None:
            def expire():
                killed.append(True)
                kill_group(proc.pid, spare=proc.pid if report is not None else None)
            timer = threading.Timer(timeout, expire)
            timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            # Interrupted (Ctrl-C, SIGTERM): the command must not outlive the script, which
            # is about to delete its workspace.
            kill_group(proc.pid)
            proc.wait()
            raise
        finally:
            if timer is not None:
                timer.cancel()
        elapsed = time.perf_counter() - start
        proc.returncode = None if killed else os.waitstatus_to_exitcode(status)
        mib = usage.ru_maxrss / 1024.0
        if report is not None:
            with open(report, encoding="utf-8") as f:
                lines = f.read().split()
            # The last word is %M in KiB (a command killed by a signal adds a line before it).
            if lines and lines[-1].isdigit():
                mib = int(lines[-1]) / 1024.0
    finally:
        if report is not None:
            os.unlink(report)
    return elapsed, mib, proc.returncode


def exports(articles, runs):
    """The export of an edition of `articles` articles in HTML, EPUB and PDF, monolingual
    and bilingual, side by side: best wall time, lowest peak memory, output size, and for the
    PDF the engine's own peak."""
    engine = shutil.which(os.environ.get("BITEXT_WEASYPRINT") or "weasyprint")
    if engine is None:
        sys.exit("bench: weasyprint is not installed (Debian: apt-get install weasyprint)")
    version = subprocess.run([engine, "--version"], capture_output=True, text=True).stdout
    with tempfile.TemporaryDirectory(prefix="bitext-bench-") as workdir:
        corpus = os.path.join(workdir, "corpus")
        subprocess.run([GENCORPUS, "--articles", str(articles), "--out", corpus,
                        "--no-gettext", "--edit-fraction", "0"], check=True,
                       stdout=subprocess.DEVNULL)
        segments = segments_of(corpus)
        # The engine's own peak: GNU time around it, writing where this script reads.
        peaks = os.path.join(workdir, "engine-peaks")
        wrapper = os.path.join(workdir, "engine")
        with open(wrapper, "w", encoding="utf-8") as f:
            f.write(f"#!/bin/sh\nexec {TIME} -f %M -a -o {peaks} {engine} \"$@\"\n")
        os.chmod(wrapper, 0o755)
        print(f"Machine: {CORES} cores; best of {runs} runs; bitext {BITEXT}; {version.strip()}")
        print(f"Edition of {articles} articles, {segments} segments, exported in fr")
        print()
        print("| Export | Time (s) | Peak memory (MiB) | Engine's peak (MiB) | Output |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for fmt in ["html", "epub", "pdf"]:
            for bilingual in [False, True]:
                out = os.path.join(workdir, f"all.{fmt}")
                argv = [BITEXT, "-C", corpus, "export", "--edition", "all", "-l", "fr",
                        "--format", fmt, "-o", out]
                if bilingual:
                    argv.append("--bilingual")
                if fmt == "pdf":
                    argv += ["--pdf-engine", wrapper]
                if os.path.exists(peaks):
                    os.unlink(peaks)
                results = [measure(argv) for _ in range(runs)]
                for _, _, code in results:
                    if code != 0:
                        sys.exit(f"bench: {' '.join(argv)} exited with {code}")
                best = min(r[0] for r in results)
                peak = min(r[1] for r in results)
                engine_peak = "–"
                if fmt == "pdf":
                    with open(peaks, encoding="utf-8") as f:
                        values = [int(w) for w in f.read().split() if w.isdigit()]
                    engine_peak = f"{min(values) / 1024:.1f}"
                size = os.path.getsize(out) / 1e6
                name = f"`--format {fmt}{' --bilingual' if bilingual else ''}`"
                print(f"| {name} | {best:.2f} | {peak:.1f} | {engine_peak} | {size:.2f} MB |",
                      flush=True)


def kill_group(pgid, spare=None):
    """Kills every process of the process group `pgid` (a command `measure` started, and all
    it started) but `spare`: GNU time, which then reports the peak memory of what it ran."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == spare:
            continue
        try:
            if os.getpgid(int(entry)) == pgid:
                os.kill(int(entry), signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


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


# Cliffs: the vocabulary of the generated article, each word with the French gloss the
# placeholder translation puts in its place.
CLIFF_NOUNS = {
    "council": "conseil", "harbour": "port", "minister": "ministre",
    "government": "gouvernement", "city": "ville", "report": "rapport", "week": "semaine",
    "year": "année", "workers": "travailleurs", "union": "syndicat", "election": "élection",
    "law": "loi", "court": "tribunal", "school": "école", "teacher": "enseignant",
    "hospital": "hôpital", "price": "prix", "fuel": "carburant", "bread": "pain",
    "market": "marché", "river": "rivière", "bridge": "pont", "road": "route",
    "farmer": "agriculteur", "land": "terre", "water": "eau", "company": "entreprise",
    "contract": "contrat", "coast": "côte", "meeting": "réunion",
    "statement": "déclaration", "decision": "décision", "country": "pays",
    "region": "région", "newspaper": "journal", "reader": "lecteur", "street": "rue",
    "square": "place", "crowd": "foule", "strike": "grève", "wage": "salaire",
    "rent": "loyer", "family": "famille", "doctor": "médecin", "nurse": "infirmière",
    "station": "gare", "ship": "navire", "storm": "tempête", "winter": "hiver",
    "summer": "été", "committee": "comité", "mayor": "maire", "tenant": "locataire",
    "factory": "usine", "railway": "chemin de fer", "museum": "musée",
    "library": "bibliothèque", "ferry": "traversier", "clinic": "clinique",
    "housing": "logement", "tax": "impôt", "fishery": "pêcherie", "forest": "forêt",
}
CLIFF_ADJECTIVES = {
    "new": "nouveau", "old": "ancien", "free": "gratuit", "high": "élevé", "low": "faible",
    "first": "premier", "last": "dernier", "short": "court", "large": "grand",
    "small": "petit", "regional": "régional", "annual": "annuel", "weekly": "hebdomadaire",
    "difficult": "difficile", "heavy": "lourd", "poor": "pauvre", "quiet": "calme",
    "empty": "vide", "open": "ouvert", "closed": "fermé", "rural": "rurale",
    "northern": "septentrional", "coastal": "côtier", "private": "privé",
}
CLIFF_VERBS = {
    "said": "a dit", "met": "a rencontré", "built": "a construit", "closed": "a fermé",
    "opened": "a ouvert", "raised": "a augmenté", "cut": "a réduit", "promised": "a promis",
    "rejected": "a rejeté", "approved": "a approuvé", "delayed": "a retardé",
    "announced": "a annoncé", "defended": "a défendu", "criticised": "a critiqué",
    "visited": "a visité", "reviewed": "a examiné", "blocked": "a bloqué",
    "supported": "a soutenu", "replaced": "a remplacé", "funded": "a financé",
}
CLIFF_DETERMINERS = {"the": "le", "a": "un", "this": "ce", "every": "chaque", "their": "leur",
                     "its": "son", "our": "notre", "another": "un autre"}
CLIFF_PREPOSITIONS = {"in": "dans", "on": "sur", "for": "pour", "with": "avec",
                      "against": "contre", "after": "après", "before": "avant",
                      "during": "pendant", "without": "sans", "between": "entre",
                      "near": "près de", "from": "de", "under": "sous", "across": "à travers"}
CLIFF_OTHER = {"and": "et", "but": "mais", "while": "tandis que", "because": "parce que",
               "again": "encore", "also": "aussi", "already": "déjà", "still": "toujours",
               "finally": "finalement", "yesterday": "hier", "meanwhile": "entre-temps",
               "however": "cependant", "per": "pour", "cent": "cent", "million": "millions",
               "by": "de", "according": "selon", "to": "à", "of": "de", "at": "à",
               "workers": "travailleurs", "spokesperson": "porte-parole",
               "March": "mars", "April": "avril", "June": "juin", "October": "octobre",
               "November": "novembre", "ago": "auparavant", "more": "plus",
               "than": "que", "people": "personnes"}
CLIFF_FRENCH = {**CLIFF_NOUNS, **CLIFF_ADJECTIVES, **CLIFF_VERBS, **CLIFF_DETERMINERS,
                **CLIFF_PREPOSITIONS, **CLIFF_OTHER}
CLIFF_MONTHS = ["March", "April", "June", "October", "November"]


class CliffArticle:
    """A generated article of `n` segments, the same for the same seed: a title, then prose
    paragraphs of 20–60 words (44 on average), a heading every 10 to 20 segments and now and
    then a tight list of 3–5 items. About one segment in six holds a link, one in ten an
    emphasis, seven in ten a year, a date, a percentage, a sum or a count. Each segment is a
    (kind, text) pair, kind being `#`, `##`, `-` or `p`."""

    def __init__(self, n, seed=20260):
        self.rng = random.Random(seed)
        self.units = [("#", self.heading())]
        next_heading = self.rng.randint(10, 20)
        while len(self.units) < n:
            left = n - len(self.units)
            if len(self.units) >= next_heading:
                self.units.append(("##", self.heading()))
                next_heading = len(self.units) + self.rng.randint(10, 20)
            elif left >= 3 and self.rng.random() < 0.015:
                for _ in range(min(left, self.rng.randint(3, 5))):
                    self.units.append(("-", self.sentence(self.rng.randint(6, 15))))
            else:
                self.units.append(("p", self.paragraph()))

    def pick(self, words):
        return self.rng.choice(list(words))

    def noun_phrase(self):
        words = [self.pick(CLIFF_DETERMINERS)]
        if self.rng.random() < 0.4:
            words.append(self.pick(CLIFF_ADJECTIVES))
        noun = self.pick(CLIFF_NOUNS)
        words.append(f"*{noun}*" if self.rng.random() < 0.01 else noun)
        return words

    def detail(self):
        """A number, a link or a prepositional phrase, to end a clause."""
        r = self.rng.random()
        rng = self.rng
        if r < 0.10:
            return ["in", str(rng.randint(1950, 2025))]
        if r < 0.16:
            return ["on", str(rng.randint(2, 28)), rng.choice(CLIFF_MONTHS)]
        if r < 0.21:
            return ["by", f"{rng.randint(2, 95)}", "per", "cent"]
        if r < 0.25:
            return ["for", f"${rng.randint(2, 900)}.{rng.randint(1, 9)}", "million"]
        if r < 0.29:
            return ["with", f"{rng.randint(2, 99)},{rng.randint(0, 999):03}", "people"]
        if r < 0.34:
            noun, adj = self.pick(CLIFF_NOUNS), self.pick(CLIFF_ADJECTIVES)
            url = f"https://example.org/{noun}/{rng.randint(1990, 2025)}-{rng.randint(2, 999)}"
            return ["according", "to", f"[the {adj}", f"{noun}]({url})"]
        return [self.pick(CLIFF_PREPOSITIONS)] + self.noun_phrase()

    def clause(self):
        words = self.noun_phrase() + [self.pick(CLIFF_VERBS)] + self.noun_phrase()
        while self.rng.random() < 0.5:
            words += self.detail()
        return words

    def sentence(self, length):
        words = []
        if self.rng.random() < 0.1:
            words.append(self.rng.choice(["meanwhile", "however", "finally", "yesterday"]))
        words += self.clause()
        while len(words) < length:
            words += [self.rng.choice(["and", "but", "while", "because"])] + self.clause()
        text = " ".join(words)
        if self.rng.random() < 0.1:
            text = "the spokesperson said: " + text
        return text[0].upper() + text[1:] + self.rng.choice(".....!?")

    def paragraph(self):
        length = self.rng.randint(20, 60)
        sentences, words = [], 0
        while words < length:
            sentence = self.sentence(self.rng.randint(8, 20))
            count = len(sentence.split(" "))
            if words + count <= 60 or not sentences and count <= 60:
                sentences.append(sentence)
                words += count
            elif words >= 20:
                break
        return " ".join(sentences)

    def heading(self):
        words = [self.pick(CLIFF_ADJECTIVES), self.pick(CLIFF_NOUNS)]
        words += [self.pick(CLIFF_PREPOSITIONS)] + self.noun_phrase()[1:]
        if self.rng.random() < 0.3:
            words += ["in", str(self.rng.randint(1950, 2025))]
        text = " ".join(words)
        return text[0].upper() + text[1:]


def cliff_markdown(units):
    """The Markdown of a list of segments: paragraphs wrapped at 90 columns, list items
    that follow each other in one tight list."""
    blocks = []
    for kind, text in units:
        if kind == "-":
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += f"\n- {text}"
            else:
                blocks.append(f"- {text}")
        elif kind == "p":
            blocks.append(cliff_wrap(text))
        else:
            blocks.append(f"{kind} {text}")
    return "\n\n".join(blocks) + "\n"


def cliff_translate(text):
    """A placeholder French translation of a segment: every word of the vocabulary glossed,
    numbers, link targets and markup kept, French spacing before `: ; ! ?`."""
    def gloss(match):
        word = match.group(0)
        if word.startswith("]("):
            return word
        if word in CLIFF_FRENCH:
            return CLIFF_FRENCH[word]
        french = CLIFF_FRENCH.get(word.lower(), word)
        return french[0].upper() + french[1:] if word[0].isupper() else french
    out = re.sub(r"\]\([^)]*\)|[A-Za-z]+", gloss, text)
    for mark in "!?;":
        out = out.replace(mark, "\u00a0" + mark)
    return out.replace(": ", "\u00a0: ")


def cliff_wrap(text, width=90):
    """Wraps `text` at `width` columns, as editors save Markdown."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def cliff_change_word(text):
    """`text` with one word of the vocabulary, the nearest the middle, replaced."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if w in CLIFF_FRENCH and w.islower()]
    if not candidates:
        return text + " meanwhile"
    i = min(candidates, key=lambda k: abs(k - len(words) // 2))
    words[i] = "however" if words[i] == "meanwhile" else "meanwhile"
    return " ".join(words)


# The edits of the English article, each measured in its own copy of the workspace.
CLIFF_EDITS = ["none", "one paragraph", "10 %", "all", "shuffled", "reversed", "half deleted"]


def cliff_edit(units, edit, seed):
    """The segments of the article after `edit` (one of CLIFF_EDITS)."""
    if edit == "none":
        return units
    if edit == "one paragraph":
        at = next(i for i in range(len(units) // 2, len(units)) if units[i][0] == "p")
        return [(k, cliff_change_word(t) if i == at else t) for i, (k, t) in enumerate(units)]
    if edit == "10 %":
        return [(k, cliff_change_word(t) if i % 10 == 5 else t) for i, (k, t) in enumerate(units)]
    if edit == "all":
        return [(k, cliff_change_word(t)) for k, t in units]
    if edit == "shuffled":
        shuffled = list(units)
        random.Random(seed).shuffle(shuffled)
        return shuffled
    if edit == "reversed":
        return units[::-1]
    if edit == "half deleted":
        return units[::2]
    raise ValueError(edit)


# (name, arguments): every command runs on the whole workspace (one article, fr).
CLIFF_COMMANDS = [
    ("status", ["status"]),
    ("diff", ["diff"]),
    ("check", ["check"]),
    ("qa", ["qa"]),
    ("sync", ["sync"]),
    ("status (cached)", ["status"]),
]


def age(path, seconds=3600):
    """Dates every file under path `seconds` back, so that no cache distrusts them as too
    recently written."""
    past = time.time() - seconds
    for parent, _, files in os.walk(path):
        for name in files:
            os.utime(os.path.join(parent, name), (past, past))


def cliff_base(path, units, slug):
    """A workspace at path with the article and a complete French translation of it: the file
    `bitext sync` writes, every target filled with `cliff_translate` and marked translated."""
    os.makedirs(os.path.join(path, "sources"))
    with open(os.path.join(path, "bitext.toml"), "w", encoding="utf-8") as f:
        f.write('source = "en"\ntargets = ["fr"]\n')
    with open(os.path.join(path, "sources", slug + ".md"), "w", encoding="utf-8") as f:
        f.write(cliff_markdown(units))
    subprocess.run([BITEXT, "-C", path, "sync"], check=True, stdout=subprocess.DEVNULL)
    translation = os.path.join(path, "translations", "fr", slug + ".json")
    with open(translation, encoding="utf-8") as f:
        data = json.load(f)
    for unit in data["units"]:
        unit["target"] = cliff_translate(unit["source"])
        unit["state"] = "translated"
    with open(translation, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    status = json.loads(subprocess.run([BITEXT, "-C", path, "status", "--format", "json"],
                                       capture_output=True, text=True, check=True).stdout)
    fr = status["articles"][0]["languages"][0]
    if fr["current"] != len(data["units"]) or fr["percent"] != 100.0:
        sys.exit(f"bench: the placeholder translation of {slug} is not complete: {fr}")
    qa = json.loads(subprocess.run([BITEXT, "-C", path, "qa", "--format", "json"],
                                   capture_output=True, text=True).stdout)
    shutil.rmtree(os.path.join(path, ".bitext-cache"), ignore_errors=True)
    return len(data["units"]), len(qa["findings"])


def cliff_runs(workspace, tail, runs, timeout, fresh_copy=False, keep_cache=False):
    """Best of `runs` runs of `bitext -C workspace ...tail`: (seconds, MiB, exit code, None
    when the run timed out). Each run starts without `.bitext-cache` unless `keep_cache`,
    and on a copy of the workspace made for it with `fresh_copy` (for the commands that
    write). A run that times out is not repeated."""
    results = []
    for _ in range(runs):
        path = workspace
        if fresh_copy:
            path = workspace + "-copy"
            shutil.rmtree(path, ignore_errors=True)
            shutil.copytree(workspace, path)
        if not keep_cache:
            shutil.rmtree(os.path.join(path, ".bitext-cache"), ignore_errors=True)
        try:
            result = measure([BITEXT, "-C", path] + tail, timeout=timeout)
        finally:
            if fresh_copy:
                shutil.rmtree(path, ignore_errors=True)
        results.append(result)
        if result[2] is None:
            break
    done = [r for r in results if r[2] is not None]
    return min(done or results, key=lambda r: r[0])


def cliff_stale(workspace, timeout):
    """`current/stale/missing/obsolete` of the French file, for the progress lines."""
    try:
        out = subprocess.run([BITEXT, "-C", workspace, "status", "--format", "json"],
                             capture_output=True, text=True, timeout=timeout).stdout
        fr = json.loads(out)["articles"][0]["languages"][0]
    except (subprocess.TimeoutExpired, ValueError, LookupError):
        return "?"
    return "/".join(str(fr[k]) for k in ("current", "stale", "missing", "obsolete"))


def cliffs(sizes, runs, timeout, markdown):
    """For one article of each size: every edit of CLIFF_EDITS, every command of
    CLIFF_COMMANDS; prints the table."""
    rows = []
    notes = []
    with tempfile.TemporaryDirectory(prefix="bitext-cliffs-") as workdir:
        for n in sizes:
            n_runs = min(runs, 2) if n >= 20000 else runs
            slug = f"article-{n}"
            start = time.perf_counter()
            units = CliffArticle(n).units
            base = os.path.join(workdir, f"base-{n}")
            segments, findings = cliff_base(base, units, slug)
            notes.append(f"{n:,} paragraphs: {len(cliff_markdown(units)) / 1e6:.1f} MB of "
                         f"Markdown, {segments:,} segments, {findings:,} qa findings unedited")
            print(f"{notes[-1]}; workspace made in {time.perf_counter() - start:.1f} s",
                  file=sys.stderr, flush=True)
            none = {}
            for edit in CLIFF_EDITS:
                workspace = os.path.join(workdir, f"{n}-" + re.sub(r"[^a-z0-9]+", "-", edit))
                shutil.copytree(base, workspace)
                with open(os.path.join(workspace, "sources", slug + ".md"), "w",
                          encoding="utf-8") as f:
                    f.write(cliff_markdown(cliff_edit(units, edit, seed=n)))
                age(workspace)
                for name, tail in CLIFF_COMMANDS:
                    if name == "status (cached)":
                        # A first run writes the cache; the measured runs keep it.
                        shutil.rmtree(os.path.join(workspace, ".bitext-cache"),
                                      ignore_errors=True)
                        first = measure([BITEXT, "-C", workspace] + tail, timeout=timeout)
                        result = first if first[2] is None else cliff_runs(
                            workspace, tail, n_runs, timeout, keep_cache=True)
                    else:
                        result = cliff_runs(workspace, tail, n_runs, timeout,
                                            fresh_copy=name == "sync")
                    if edit == "none":
                        none[name] = result
                    rows.append((n, n_runs, edit, name, result, none.get(name)))
                    secs, mib, code = result
                    print(f"{n:,} {edit}, {name}: "
                          f"{'timed out' if code is None else f'{secs:.3f} s'}, "
                          f"{mib:.1f} MiB, exit {code}", file=sys.stderr, flush=True)
                print(f"{n:,} {edit}: current/stale/missing/obsolete "
                      f"{cliff_stale(workspace, timeout)}", file=sys.stderr, flush=True)
                shutil.rmtree(workspace, ignore_errors=True)
            shutil.rmtree(base, ignore_errors=True)
    cliff_table(rows, runs, timeout, notes, markdown)


def cliff_table(rows, runs, timeout, notes, markdown):
    """Prints the rows of `cliffs`: (paragraphs, runs, edit, command, (s, MiB, exit code),
    the same command's result on the unedited article)."""
    fewer = sorted({(n, n_runs) for n, n_runs, *_ in rows if n_runs < runs})
    best = f"best of {runs} runs" + "".join(f", best of {k} at {n:,} paragraphs"
                                            for n, k in fewer)
    print(f"Machine: {CORES} cores; wall times {best}; timeout {timeout:g} s; "
          f"bitext {BITEXT}")
    print("Every run starts without `.bitext-cache`, except `status (cached)`, measured after "
          "a first run wrote it; sync runs on a fresh copy of the workspace.")
    for note in notes:
        print(f"- {note}" if markdown else f"  {note}")
    print()
    table = []
    for n, _, edit, name, (secs, mib, code), none in rows:
        if code is None:
            cell = f"> {timeout:g}"
            ratio = f"> {timeout / none[0]:.0f}" if none and none[2] is not None else "–"
        else:
            cell = f"{secs:.3f}" + ("" if code in (0, 1) else f" (exit {code})")
            ratio = f"{secs / none[0]:.2f}" if none and none[2] is not None else "–"
        table.append((f"{n:,}", edit, name, cell, ratio, f"{mib:.1f}"))
    header = ("paragraphs", "edit", "command", "s", "×none", "peak MiB")
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|---:|---|---|---:|---:|---:|")
        for row in table:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(r[i]) for r in table + [header]) for i in range(len(header))]
    for row in [header] + table:
        print("  ".join(c.ljust(w) if i in (1, 2) else c.rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths))))


FIXTURE = os.path.join(ROOT, "tests", "fixtures", "large-sweeping-edit.tar.gz")
GOAL_SLUG = "blog-uncategorized-10-lts-to-12-lts"
GOAL_TEXT = ("Prise en charge du remplacement de http(s).globalAgent (Roy Sommer) "
             "[#25170](https://github.com/nodejs/node/pull/25170)")


def goal_variants(workdir):
    """The fixture's workspaces: `unchanged` (the edited post, every segment translated from
    its current text), `edited` (as shipped: the French file as `sync` left it, each unit
    with its segment's id and the text it was made from), `before sync` (each unit with the
    id of the text it was made from, as before any `sync`: every link must be searched for)
    and `after sync` (`before sync` once `bitext sync` ran)."""
    shipped = os.path.join(workdir, "edited")
    os.makedirs(shipped)
    subprocess.run(["tar", "xzf", FIXTURE, "-C", shipped], check=True)
    translation = os.path.join("translations", "fr", GOAL_SLUG + ".json")

    def variant(name, change):
        path = os.path.join(workdir, name)
        shutil.copytree(shipped, path)
        with open(os.path.join(path, translation), encoding="utf-8") as f:
            data = json.load(f)
        change(path, data)
        with open(os.path.join(path, translation), "w", encoding="utf-8") as f:
            f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return path

    def unchanged(path, data):
        for unit in data["units"]:
            unit["source"] = None
        os.remove(os.path.join(path, translation))
        subprocess.run([BITEXT, "-C", path, "sync"], check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(path, translation), encoding="utf-8") as f:
            data.clear()
            data.update(json.load(f))
        for unit in data["units"]:
            unit["target"] = cliff_translate(unit["source"])
            unit["state"] = "translated"

    def before_sync(_, data):
        for unit in data["units"]:
            unit["id"] = unit["target"][len("FR["):unit["target"].index("]")]

    paths = {"unchanged": variant("unchanged", unchanged), "edited": shipped,
             "before sync": variant("before sync", before_sync)}
    after = os.path.join(workdir, "after sync")
    shutil.copytree(paths["before sync"], after)
    subprocess.run([BITEXT, "-C", after, "sync"], check=True, stdout=subprocess.DEVNULL)
    paths["after sync"] = after
    for path in paths.values():
        shutil.rmtree(os.path.join(path, ".bitext-cache"), ignore_errors=True)
    return paths


GOAL_COMMANDS = [
    ("status", ["status"], False),
    ("diff", ["diff"], False),
    ("check", ["check"], False),
    ("qa", ["qa"], False),
    ("sync", ["sync"], True),
    ("set", ["set", GOAL_SLUG, "183", "-l", "fr", "--text", GOAL_TEXT], True),
    ("accept", ["accept", GOAL_SLUG, "616", "-l", "fr", "--force"], True),
]


def goals(runs, timeout):
    """The issue's goals on the real fixture: every command on each variant of
    `goal_variants`, without saved alignments, with its ratio to `status` of the same
    variant and to `status` of the unchanged article."""
    print(f"Machine: {CORES} cores; best of {runs} runs; every run without `.bitext-cache`; "
          f"bitext {BITEXT}")
    print()
    print("| workspace | command | s | × its status | × unchanged status | peak MiB |")
    print("|---|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="bitext-goals-") as workdir:
        paths = goal_variants(workdir)
        base = None
        for name, path in paths.items():
            status = None
            for command, tail, writes in GOAL_COMMANDS:
                secs, mib, code = cliff_runs(path, tail, runs, timeout, fresh_copy=writes)
                if command == "status":
                    status = secs
                    if name == "unchanged":
                        base = secs
                shown = "timed out" if code is None else f"{secs:.3f}"
                print(f"| {name} | {command} | {shown} | {secs / status:.2f} | "
                      f"{secs / base:.2f} | {mib:.1f} |")


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
    parser.add_argument("--cliffs", action="store_true",
                        help="only the commands on one large article after each kind of edit")
    parser.add_argument("--cliff-sizes", default="1000,5000,20000",
                        help="with --cliffs: paragraphs of the article, one article "
                        "per size")
    parser.add_argument("--timeout", type=float, default=300,
                        help="with --cliffs: seconds after which a command is stopped")
    parser.add_argument("--markdown", action="store_true",
                        help="with --cliffs: print the table in Markdown (the other modes "
                        "always do)")
    parser.add_argument("--goals", action="store_true",
                        help="only every command on the real large-sweeping-edit fixture, "
                        "with ratios to status")
    parser.add_argument("--exports", action="store_true",
                        help="only the export of one edition in every format (HTML, EPUB, PDF)")
    parser.add_argument("--articles", type=int, default=200,
                        help="with --exports: articles of the edition")
    parser.add_argument("--bitext", help="measure this bitext binary instead of "
                        "target/release/bitext (with --cliffs, nothing is built then)")
    args = parser.parse_args()
    global BITEXT
    if args.bitext:
        BITEXT = os.path.abspath(args.bitext)
    if args.goals:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        if not args.bitext:
            subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext"],
                           cwd=ROOT, check=True)
        goals(args.runs, args.timeout)
        return
    if args.exports:
        if not args.bitext:
            subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext",
                            "--example", "gencorpus"], cwd=ROOT, check=True)
        exports(args.articles, args.runs)
        return
    if args.cliffs:
        # A SIGTERM unwinds like Ctrl-C: the command running is stopped and the workspaces
        # deleted.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        if not args.bitext:
            subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext"],
                           cwd=ROOT, check=True)
        cliffs([int(s) for s in args.cliff_sizes.split(",")], args.runs, args.timeout,
               args.markdown)
        return
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
