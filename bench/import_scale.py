#!/usr/bin/env python3
"""bitext benchmark: what one `import`, `set` and `accept` of one article costs as the
workspace grows, side by side in one run.

Python 3 standard library only. For each size N (100, 10,000 and 50,000 articles by default)
it generates, with a fixed seed and in a temporary directory, a workspace of the default
layout (`bitext.toml` with `targets = ["fr"]`, `sources/<name>.md`, `translations/fr/<name>.json`):
N articles at depth 1 to 3 with 8 to 12 segments each, generated as `bench/layouts.py` does,
each with a complete French translation file ("[fr] " before each English text, every unit
translated). One article in the middle of the list (the subject) and the first article both
hold the same paragraph, so that the consistency check has another translation of it to
compare with.

It then times, alternately for each binary measured (`--bitext`, repeatable), best of
`--runs`:

- `bitext import SUBJECT -l fr DOC --force`, DOC alternately two complete French versions
  of the subject (so that every run records every segment and writes the file; both
  translate the shared paragraph unlike the first article: a consistency finding);
- `bitext set SUBJECT 2 -l fr --text T`, T alternately two texts;
- `bitext accept SUBJECT 2 -l fr`, after an untimed `bitext set --draft` of that segment;
- `bitext import` again after another article's translation file was rewritten in place
  (same bytes, new modification time), untimed just before each run;
- once, on the fresh workspace, the first `bitext import` (no cache yet: `first import`);
- then, with `[qa] inconsistent = "error"` in `bitext.toml` (accept runs the error-level
  checks only, so by default not the consistency check), `bitext accept SUBJECT 2 -l fr
  --force` after an untimed `bitext set --draft`, once untimed first (the new project file
  makes the saved index be built again);
- for reference, what any command that finds the articles' files costs at least: listing them
  (`find sources translations -type f`), and listing and `stat`ing each one (`find … -printf
  '%s %T@ %C@ %i'`), as a whole-workspace `sync` or `qa` does to bring the saved
  consistency index up to date.

The measurements start 2.5 seconds after the workspace is written: bitext trusts the stamp
of no file changed within the last two seconds, and reads such files every time.

Wall time is `time.perf_counter` around the process; CPU time (user and system) comes from
`wait4`; peak resident memory from GNU time (`/usr/bin/time -f %M`), all through
`layouts.measure`, as in `bench/run.py` and `bench/layouts.py`. The wall time and the CPU
time are each the best of the runs; the memory is that of the fastest run. The table gives
each command's ratio to the same command on the smallest workspace, per binary.

Before the runs, the script checks, on every size and for every binary, that the consistency
findings the import prints are exactly those `bitext qa` then gives the article (qa reads
every translation of the workspace), and that there is at least one: the shared paragraph's. Usage:

    python3 bench/import_scale.py                           # 100, 10,000, 50,000: ~5 min
    python3 bench/import_scale.py --quick                   # 100 and 2,000 articles, 1 run
    python3 bench/import_scale.py --bitext before=OLD --bitext after=target/release/bitext
    python3 bench/import_scale.py --sizes 100,10000 --runs 5 --keep /tmp/ws

Without `--bitext`, it builds and measures target/release/bitext. `--keep DIR` generates into
DIR and leaves the workspaces there (to profile a command by hand); a workspace already in
DIR is used as it is.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import layouts  # noqa: E402  (the generator and the measuring helpers)
from layouts import REPEATED, article, measure, names, render, segments, write  # noqa: E402

ROOT = layouts.ROOT
CONFIG = 'source = "en"\ntargets = ["fr"]\n'
SEED = 20261207
# How the two import documents translate: a prefix before each English text.
DOC_PREFIXES = ("Version A. ", "Version B. ")


def translation_json(name, texts):
    """The complete French file of an article: "[fr] " before each English text."""
    return layouts.translation_json(name, "fr", texts, "[fr] ")


def generate(n, path):
    """Writes a workspace of n articles at `path`; returns (subject, its blocks, the first
    article holding the shared paragraph, segments a language). Kept workspaces are read
    back from `bench.json` at their root."""
    info = os.path.join(path, "bench.json")
    if os.path.exists(info):
        with open(info, encoding="utf-8") as f:
            saved = json.load(f)
        return saved["subject"], saved["blocks"], saved["first"], saved["segments"]
    rng = random.Random(SEED)
    listed = names(n, rng)
    subject = listed[n // 2]
    first = listed[0]
    write(os.path.join(path, "bitext.toml"), CONFIG)
    segs = 0
    subject_blocks = None
    start = time.perf_counter()
    for name in listed:
        blocks = article(rng)
        if name in (subject, first):
            # The shared paragraph, as the first paragraph of both.
            k = next(i for i, b in enumerate(blocks) if b[0] == "p")
            blocks[k] = ["p", REPEATED]
        if name == subject:
            subject_blocks = blocks
        texts = segments(blocks)
        segs += len(texts)
        write(os.path.join(path, "sources", name + ".md"), render(blocks))
        write(os.path.join(path, "translations", "fr", name + ".json"),
              translation_json(name, texts))
    with open(info, "w", encoding="utf-8") as f:
        json.dump({"subject": subject, "blocks": subject_blocks, "first": first,
                   "segments": segs}, f)
    print(f"{n:,} articles, {segs:,} segments, written in {time.perf_counter() - start:.1f} s",
          file=sys.stderr, flush=True)
    return subject, subject_blocks, first, segs


def document(blocks, prefix):
    """A French version of an article as Markdown: `prefix` before each English text."""
    return render(blocks, prefix)


def run(argv, cwd=None):
    done = subprocess.run(argv, cwd=cwd, env=layouts.ENV, capture_output=True, text=True)
    return done


def check_findings(bitext, ws, subject, doc):
    """Imports `doc` and checks that the consistency findings the import prints are those
    `bitext qa` gives the article afterwards (qa reads every translation of the workspace).
    Returns the findings' messages."""
    done = run([bitext, "-C", ws, "import", subject, "-l", "fr", doc, "--force"])
    if done.returncode != 0:
        sys.exit(f"bench: import exited {done.returncode}:\n{done.stdout}{done.stderr}")
    imported = sorted(line.split(": inconsistent: ", 1)[1].rsplit(" [", 1)[0]
                      for line in done.stdout.splitlines() if ": inconsistent: " in line)
    qa = run([bitext, "-C", ws, "qa", subject, "-l", "fr", "--format", "json"])
    found = sorted(f["message"] for f in json.loads(qa.stdout)["findings"]
                   if f["check"] == "inconsistent")
    if not imported or imported != found:
        sys.exit(f"bench: the import's consistency findings {imported} are not qa's {found}")
    return imported


def keep_best(results, key, measured):
    """Keeps in `results[key]` the best wall time and the best CPU time of the runs so far,
    and the peak memory of the fastest."""
    wall, mib, _, cpu = measured
    best = results.get(key)
    results[key] = (min(wall, best[0]) if best else wall,
                    min(cpu, best[1]) if best else cpu,
                    mib if not best or wall < best[0] else best[2])


def timed(label, argv, setup=None):
    """Runs `setup` (untimed), then measures argv; stops the benchmark on a failure."""
    if setup is not None:
        subprocess.run(setup, env=layouts.ENV, check=True, stdout=subprocess.DEVNULL)
    measured = measure(argv)
    if measured[2] != 0:
        sys.exit(f"bench: {label}: {' '.join(argv)} exited {measured[2]}")
    return measured


def main():
    parser = argparse.ArgumentParser(
        description=" ".join(__doc__.split("\n\n")[0].split()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="The module's docstring (at the top of bench/import_scale.py) says what it "
        "measures.")
    parser.add_argument("--sizes", default=None,
                        help="comma-separated numbers of articles (default 100,10000,50000; "
                        "100,2000 with --quick)")
    parser.add_argument("--runs", type=int, default=None,
                        help="runs of each command, the best kept (default 5; 1 with --quick)")
    parser.add_argument("--quick", action="store_true", help="smoke test: small, one run")
    parser.add_argument("--bitext", action="append", metavar="[LABEL=]PATH",
                        help="a binary to measure (repeatable; default: build and measure "
                        "target/release/bitext)")
    parser.add_argument("--keep", metavar="DIR",
                        help="generate into DIR and leave the workspaces there")
    args = parser.parse_args()
    sizes = [int(s) for s in (args.sizes or ("100,2000" if args.quick
                                             else "100,10000,50000")).split(",")]
    runs = args.runs or (1 if args.quick else 5)
    binaries = []
    for spec in args.bitext or []:
        label, _, path = spec.rpartition("=")
        binaries.append((label or os.path.basename(path), os.path.abspath(path)))
    if not binaries:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext"],
                       cwd=ROOT, check=True)
        binaries = [("bitext", layouts.BITEXT)]
    print(f"Machine: {layouts.CORES} cores; best of {runs} run{'s' if runs > 1 else ''}; "
          f"load average {os.getloadavg()[0]:.2f} at the start; "
          + "; ".join(f"{label} = {path}" for label, path in binaries))
    print()
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        workdir, cleanup = os.path.abspath(args.keep), None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="bitext-import-scale-")
        workdir = cleanup.name
    commands = ("first import", "import", "set", "accept", "import, another file changed",
                "accept, inconsistent = error")
    references = (
        ("list every file", ["find", "sources", "translations", "-type", "f"]),
        ("list and stat every file",
         ["find", "sources", "translations", "-type", "f", "-printf", "%s %T@ %C@ %i\n"]),
    )
    results = {}  # (size, label, command) -> (wall, cpu, MiB)
    findings = {}
    try:
        for n in sizes:
            ws = os.path.join(workdir, f"ws-{n}")
            subject, blocks, first, segs = generate(n, ws)
            docs = []
            for k, prefix in enumerate(DOC_PREFIXES):
                doc = os.path.join(workdir, f"doc-{n}-{k}.md")
                write(doc, document(blocks, prefix))
                docs.append(doc)
            other = os.path.join(ws, "translations", "fr", first + ".json")
            # As a translator finds the workspace: files last changed more than the two
            # seconds within which bitext trusts no file's stamp (see RACY in
            # crates/bitext-core/src/workspace/stamp.rs).
            time.sleep(2.5)
            for label, bitext in binaries:
                # The first call on this workspace for this binary: caches made by another
                # binary are moved aside.
                layouts.aside(os.path.join(ws, ".bitext-cache"))
                base = [bitext, "-C", ws]
                wall, mib, code, cpu = measure(base + ["import", subject, "-l", "fr", docs[0],
                                                       "--force"])
                if code != 0:
                    sys.exit(f"bench: {label}: import exited {code}")
                results[(n, label, "first import")] = (wall, cpu, mib)
                findings[(n, label)] = check_findings(bitext, ws, subject, docs[1])
            for r in range(runs):
                for label, bitext in binaries:
                    base = [bitext, "-C", ws]
                    draft = base + ["set", subject, "2", "-l", "fr", "--draft", "--text",
                                    f"Brouillon {r} du deuxième segment."]
                    keep_best(results, (n, label, "import"), timed(
                        label, base + ["import", subject, "-l", "fr", docs[r % 2], "--force"]))
                    keep_best(results, (n, label, "set"), timed(
                        label, base + ["set", subject, "2", "-l", "fr", "--text",
                                       f"Texte {r} du deuxième segment."]))
                    keep_best(results, (n, label, "accept"), timed(
                        label, base + ["accept", subject, "2", "-l", "fr"], setup=draft))
                    with open(other, "r+b") as f:
                        data = f.read()
                        f.seek(0)
                        f.write(data)
                    keep_best(results, (n, label, "import, another file changed"), timed(
                        label,
                        base + ["import", subject, "-l", "fr", docs[(r + 1) % 2], "--force"]))
                for name, argv in references:
                    keep_best(results, (n, "find", name), measure(argv, cwd=ws))
                print(f"{n:,} articles, run {r + 1} of {runs} done", file=sys.stderr,
                      flush=True)
            # With the consistency check an error, accept needs the index too.
            config = os.path.join(ws, "bitext.toml")
            write(config, CONFIG + '\n[qa]\ninconsistent = "error"\n')
            strict = "accept, inconsistent = error"
            for r in range(runs + 1):
                for label, bitext in binaries:
                    base = [bitext, "-C", ws]
                    draft = base + ["set", subject, "2", "-l", "fr", "--draft", "--text",
                                    f"Brouillon {r} du deuxième segment."]
                    measured = timed(label, base + ["accept", subject, "2", "-l", "fr",
                                                    "--force"], setup=draft)
                    # The first run builds the saved index again for the new project file.
                    if r > 0:
                        keep_best(results, (n, label, strict), measured)
            write(config, CONFIG)
    finally:
        if cleanup is not None:
            cleanup.cleanup()

    print("Consistency findings of the import, the same as `bitext qa` gives the article:")
    print()
    for (n, label), found in findings.items():
        print(f"- {n:,} articles, {label}: " + "; ".join(found))
    print()
    small = sizes[0]
    print("| articles | binary | command | wall s | CPU s | peak MiB | wall / "
          f"{small:,} | CPU / {small:,} |")
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    rows = [(label, name) for label, _ in binaries for name in commands]
    rows += [("find", name) for name, _ in references]
    for n in sizes:
        for label, name in rows:
            wall, cpu, mib = results[(n, label, name)]
            w0, c0, _ = results[(small, label, name)]
            print(f"| {n:,} | {label} | {name} | {wall:.3f} | {cpu:.3f} | {mib:.1f} | "
                  f"{wall / w0:.2f} | {cpu / max(c0, 0.001):.2f} |")
    print()
    print(f"Load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
