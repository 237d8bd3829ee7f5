#!/usr/bin/env python3
"""bitext benchmark: translations as Markdown pages against the JSON store, and `adopt` on a
long git history, side by side in one run.

Python 3 standard library and `git` on the PATH; no other tool. Every workspace is generated
in a temporary directory, with a fixed seed, and deleted after.

`--pages [N]` (N = 10000 when not given) generates N nested articles (paths at depth 1 to 3,
`section-07/topic-3/page-01234.md`; 8 to 12 segments each: a heading, paragraphs, a list, a
fenced code block that is no segment, YAML front matter `title:` in 40 % of them, a repeated
paragraph in 5 %) with French and Spanish translations, twice, under `[layout] sources =
"locale/en"`:

- `json`: the default store, `translations/<lang>/<name>.json`, written by this script from
  its own list of each article's segments (id: the first 8 hex digits of SHA-256 of the
  English text, `-2`, `-3` for a repeated one);
- `pages`: `[layout] translations = "locale/{lang}"`, each page the English one with every
  segment prefixed `[fr] ` or `[es] ` (structure, front matter and code kept), and the
  records written by `bitext adopt --assume current` (outside git, timed once).

Both are checked to be 100 % current before the edits (the script stops otherwise). Then a
seeded 10 % of the English segments get one word replaced, in both workspaces alike, and
`bitext status` and `bitext check` (exit 1, stale) are timed on each, alternately, best of
`--runs`, with the ratio pages / json: cold (`.bitext-cache` moved away before each run, so
that every stale article is aligned again and its alignment written), then warm (with the
cache the previous run left).

`--history` builds with `git fast-import` a repository of `--history-pages` (3,000) English
pages and their French pages (`targets = ["fr"]`, the layout above), over `--commits`
(20,000) commits: the English pages added in 30 commits, the French ones in 30 more, then a
seeded mix of commits that edit a few paragraphs of one to three English pages, update one to
three French pages to today's English, fix a word in a French paragraph, do both at once, or
add or remove an English paragraph. It then times, alternately, best of `--runs`:

  (i)   git log -p --unified=0 --reverse --topo-order --no-renames --full-index
            --format=%x01%H -- locale/fr > /dev/null          (the listing adopt reads)
  (ii)  git log --oneline -- locale/fr > /dev/null
  (iii) bitext adopt                            (`.bitext/` moved away first: every record
                                                 is written, as on a first adoption)

and reports adopt / (i), adopt / (ii) and the peak memory, and, from one more run that
watches every process of the command, the peak of bitext itself and of each git it runs.

Wall time is `time.perf_counter` around the process; peak resident memory comes from GNU time
(`/usr/bin/time -f %M`), as in `bench/run.py`: it includes the children a command waits for
(the git processes of `adopt`). Usage:

    python3 bench/layouts.py                      # both, full size: about 4 minutes
    python3 bench/layouts.py --pages              # 10,000 articles
    python3 bench/layouts.py --history            # 3,000 pages, 20,000 commits
    python3 bench/layouts.py --pages 200 --history --quick   # smoke test: seconds

`--quick` runs each command once and, with `--history`, makes 300 pages and 2,000 commits
unless `--history-pages` or `--commits` say otherwise. `--keep DIR` generates into DIR and
leaves it there (to profile a command by hand). Nothing is deleted before the end of the run
(see `aside`): on ext4, files created soon after many were deleted cost more.
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BITEXT = os.path.join(ROOT, "target", "release", "bitext")
CORES = os.cpu_count() or 1
TIME = "/usr/bin/time"
LANGS = ("fr", "es")

# Environment of every command: git messages in English, no repository above the workspaces
# found by accident (`adopt --assume current` must see none).
ENV = dict(os.environ, LC_ALL="C")


def measure(argv, cwd=None, env=None, stdout=None):
    """Runs argv; returns (seconds, peak RSS in MiB, exit code, CPU seconds). As in
    `bench/run.py`, the peak comes from GNU time, which forks the command from a process of
    2 MiB (Linux counts in a process's peak the memory of the one it was forked from); like
    the CPU time (user and system, from wait4), it covers the processes the command waited
    for (the git processes of `adopt`)."""
    report = None
    if os.path.exists(TIME):
        fd, report = tempfile.mkstemp(prefix="bitext-time-")
        os.close(fd)
        argv = [TIME, "-f", "%M", "-o", report] + argv
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env or ENV,
                                stdout=stdout or subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code
        mib = usage.ru_maxrss / 1024.0
        cpu = usage.ru_utime + usage.ru_stime
        if report is not None:
            with open(report, encoding="utf-8") as f:
                words = f.read().split()
            if words and words[-1].isdigit():
                mib = int(words[-1]) / 1024.0
    finally:
        if report is not None:
            os.unlink(report)
    return elapsed, mib, code, cpu


def run(argv, cwd=None, check=True):
    """Runs argv, output captured; fails loudly with bitext's own words."""
    done = subprocess.run(argv, cwd=cwd, env=ENV, capture_output=True, text=True)
    if check and done.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} (in {cwd}) exited {done.returncode}:\n"
                 f"{done.stdout}{done.stderr}")
    return done


def watch_peaks(argv, cwd):
    """Runs argv once and watches it and every process it starts (every 5 ms); returns
    ({process name: its own peak resident memory in MiB (VmHWM)}, stdout, stderr, exit code).
    VmHWM is per process and reset by exec, so this is bitext's peak alone, and each git's."""
    peaks = {}
    names = {}
    proc = subprocess.Popen(argv, cwd=cwd, env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    out = {}

    def drain(name, stream):
        out[name] = stream.read()

    threads = [threading.Thread(target=drain, args=(n, s))
               for n, s in (("out", proc.stdout), ("err", proc.stderr))]
    for t in threads:
        t.start()

    def tree(pid):
        """pid and its descendants (children are listed per thread: bitext starts git from
        whichever of its threads needs it)."""
        pids = [pid]
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            return pids
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                    for child in f.read().split():
                        pids += tree(int(child))
            except OSError:
                pass
        return pids

    while proc.poll() is None:
        for pid in tree(proc.pid):
            try:
                with open(f"/proc/{pid}/status", encoding="utf-8") as f:
                    status = f.read()
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read().split(b"\0")
            except OSError:
                continue
            hwm = next((int(line.split()[1]) for line in status.splitlines()
                        if line.startswith("VmHWM:")), 0)
            if cmd and cmd[0]:
                exe = os.path.basename(cmd[0].decode(errors="replace"))
                sub = next((c.decode() for c in cmd[1:]
                            if c and not c.startswith(b"-") and c not in
                            (b"core.quotePath=false",)), "")
                names[pid] = exe if exe != "git" else f"git {sub}"
            if pid in names:
                peaks[(pid, names[pid])] = max(peaks.get((pid, names[pid]), 0), hwm)
        time.sleep(0.005)
    for t in threads:
        t.join()
    by_name = {}
    for (_, name), kib in peaks.items():
        by_name[name] = max(by_name.get(name, 0), kib / 1024.0)
    return by_name, out["out"].decode(errors="replace"), out["err"].decode(errors="replace"), \
        proc.returncode


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


# --- Generated articles -------------------------------------------------------------------

WORDS = """
account action answer area article author balance basis board book border branch budget
building campaign capital centre change chapter choice city claim class coast committee
community company condition council country court crowd culture custom decision demand
detail difference direction distance district document effect effort election energy
evening event example experience factory family farmer feature field figure finance force
forest future garden government group harbour health history hospital house housing idea
island issue journey judge kitchen labour land language law leader letter level library
light line list machine market matter meeting member memory method minister moment money
month morning mountain movement museum nature network news night notice number object
office order owner page paper party period person place plan point policy port position
power practice press price problem process project property public question railway reader
reason record region report result river road room rule school season second section
service share ship side sign society source space square station statement step story
street strike student study subject summer supply system table teacher term test text
theory thing time title town trade train transport tree union unit valley value village
voice volume wage water way week weight winter word work worker world year
""".split()
ADJECTIVES = """
annual big busy careful central clear close coastal common current dark deep different
difficult early easy empty fair final first free full general good great heavy high
important large last late local long low main major modern narrow national new northern
old open other plain poor public quick quiet rare recent regional rural short simple small
southern special strong sudden usual warm weekly whole wide young
""".split()
VERBS = """
adds asks brings builds carries changes checks closes covers describes explains follows
gives holds keeps leaves makes meets moves names needs opens plans raises reads records
shows starts takes tells turns uses waits writes
""".split()
LINKS = "and but while because so after before since although until".split()


def clause(rng):
    return " ".join([rng.choice(["the", "a", "every", "each", "this", "that"]),
                     rng.choice(ADJECTIVES), rng.choice(WORDS), rng.choice(VERBS),
                     rng.choice(["the", "its", "our", "their"]), rng.choice(WORDS)])


def sentence(rng, clauses=(1, 3)):
    """Six to twenty words, capitalised, without the full stop."""
    text = f" {rng.choice(LINKS)} ".join(clause(rng) for _ in range(rng.randint(*clauses)))
    return text[0].upper() + text[1:]


def paragraph(rng):
    """Two to five sentences: 12 to 100 words."""
    return " ".join(sentence(rng) + "." for _ in range(rng.randint(2, 5)))


def heading(rng):
    words = [rng.choice(ADJECTIVES), rng.choice(WORDS)]
    if rng.random() < 0.5:
        words += [rng.choice(["and", "of", "for", "in"]), rng.choice(ADJECTIVES),
                  rng.choice(WORDS)]
    text = " ".join(words)
    return text[0].upper() + text[1:]


def item(rng):
    return sentence(rng, (1, 1))


CODE_LANGS = ("sh", "python", "toml", "")


def code(rng):
    lang = rng.choice(CODE_LANGS)
    lines = [f"run --{rng.choice(WORDS)} {rng.choice(WORDS)}-{rng.randint(1, 99)}"
             for _ in range(rng.randint(2, 4))]
    return lang, lines


REPEATED = "See the notes at the end of this page for the details of each step."


def article(rng):
    """One article as blocks, in document order: ("title", text), ("h1"/"h2", text),
    ("p", text), ("list", [texts]), ("code", (lang, lines)). 8 to 12 segments."""
    target = rng.randint(8, 12)
    blocks = []
    if rng.random() < 0.4:
        blocks.append(["title", heading(rng)])
    blocks.append(["h1", heading(rng)])
    count = len(blocks)
    list_len = rng.randint(2, 4)
    h2 = rng.random() < 0.5
    body = target - count - list_len - (1 if h2 else 0)
    repeat = rng.random() < 0.05 and body >= 4
    paras = [paragraph(rng) for _ in range(max(body, 2))]
    if repeat:
        paras[0] = REPEATED
        paras[-1] = REPEATED
    half = max(1, len(paras) // 2)
    blocks += [["p", p] for p in paras[:half]]
    blocks.append(["code", code(rng)])
    if h2:
        blocks.append(["h2", heading(rng)])
    blocks.append(["list", [item(rng) for _ in range(list_len)]])
    blocks += [["p", p] for p in paras[half:]]
    return blocks


def segments(blocks):
    """The segments' texts, in bitext's order: the front matter title first."""
    out = []
    for kind, value in blocks:
        if kind == "list":
            out += value
        elif kind != "code":
            out.append(value)
    return out


def render(blocks, prefix=""):
    """The Markdown page; every segment's text prefixed with `prefix` (a translation)."""
    parts = []
    for kind, value in blocks:
        if kind == "title":
            title = prefix + value
            parts.append(f'---\ntitle: "{title}"\n---' if prefix else f"---\ntitle: {title}\n---")
        elif kind == "h1":
            parts.append(f"# {prefix}{value}")
        elif kind == "h2":
            parts.append(f"## {prefix}{value}")
        elif kind == "p":
            parts.append(prefix + value)
        elif kind == "list":
            parts.append("\n".join(f"- {prefix}{v}" for v in value))
        elif kind == "code":
            lang, lines = value
            parts.append("\n".join([f"```{lang}"] + lines + ["```"]))
    return "\n\n".join(parts) + "\n"


def translation_json(name, lang, texts, prefix):
    """A translation file of the default store: every segment translated."""
    units = []
    seen = {}
    for text in texts:
        base = text_hash(text)
        seen[base] = seen.get(base, 0) + 1
        uid = base if seen[base] == 1 else f"{base}-{seen[base]}"
        units.append({"id": uid, "source": text, "target": prefix + text,
                      "state": "translated"})
    data = {"format": 1, "article": name, "lang": lang, "units": units}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def names(n, rng):
    """n article names at depth 1 to 3 (folders), unique."""
    out = []
    for k in range(n):
        depth = rng.randint(1, 3)
        parts = [f"section-{rng.randint(1, 12):02}"]
        if depth >= 2:
            parts.append(f"topic-{rng.randint(1, 9)}")
        if depth >= 3:
            parts.append(f"part-{rng.randint(1, 5)}")
        out.append("/".join(parts + [f"page-{k:05}"]))
    return out


def edit_word(rng, text):
    """`text` with one word replaced by another."""
    words = text.split(" ")
    k = rng.randrange(len(words))
    old = words[k]
    new = rng.choice(WORDS)
    while new == old.rstrip(".").lower():
        new = rng.choice(WORDS)
    if old[:1].isupper():
        new = new[0].upper() + new[1:]
    if old.endswith("."):
        new += "."
    words[k] = new
    return " ".join(words)


def edit_blocks(rng, blocks, share):
    """Replaces one word in `share` of the segments (a seeded draw); returns how many."""
    edited = 0
    for block in blocks:
        kind, value = block
        if kind == "list":
            for i, v in enumerate(value):
                if rng.random() < share:
                    value[i] = edit_word(rng, v)
                    edited += 1
        elif kind != "code" and rng.random() < share:
            block[1] = edit_word(rng, value)
            edited += 1
    return edited


ASIDE = []


def aside(path):
    """Moves `path` out of the way (into a sibling folder `aside-N` of its workspace), if it
    exists. Nothing is deleted before the end: on ext4, creating files soon after many were
    deleted costs more (the allocator skips recently freed inodes), which made the runs after
    a deletion slower than the first (adopt 6.1 to 6.5 s after deleting its 3,000 records,
    4.1 to 4.3 s with them moved aside)."""
    if os.path.exists(path):
        parent = os.path.dirname(os.path.dirname(os.path.abspath(path)))
        ASIDE.append(os.path.join(parent, f"aside-{len(ASIDE)}"))
        os.rename(path, ASIDE[-1])


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


CONFIG = 'source = "en"\ntargets = [{targets}]\n\n[layout]\nsources = "locale/en"\n'


def states(workspace):
    """Totals of `bitext status --format json`: segments (one language), and each state
    over every language."""
    out = json.loads(run([BITEXT, "-C", workspace, "status", "--format", "json"]).stdout)
    totals = {"segments": 0, "articles": len(out["articles"])}
    for a in out["articles"]:
        totals["segments"] += a["segments"]
        for lang in a["languages"]:
            for key in ("current", "stale", "missing", "draft", "obsolete"):
                totals[key] = totals.get(key, 0) + lang[key]
    return totals


def pages_bench(n, runs, workdir):
    rng = random.Random(20261206)
    start = time.perf_counter()
    articles = {name: article(rng) for name in names(n, rng)}
    json_ws = os.path.join(workdir, "json")
    pages_ws = os.path.join(workdir, "pages")
    targets = ", ".join(f'"{lang}"' for lang in LANGS)
    write(os.path.join(json_ws, "bitext.toml"), CONFIG.format(targets=targets))
    write(os.path.join(pages_ws, "bitext.toml"), CONFIG.format(targets=targets)
          + 'translations = "locale/{lang}"\n')
    segs = 0
    for name, blocks in articles.items():
        page = render(blocks)
        texts = segments(blocks)
        segs += len(texts)
        for ws in (json_ws, pages_ws):
            write(os.path.join(ws, "locale", "en", name + ".md"), page)
        for lang in LANGS:
            write(os.path.join(json_ws, "translations", lang, name + ".json"),
                  translation_json(name, lang, texts, f"[{lang}] "))
            write(os.path.join(pages_ws, "locale", lang, name + ".md"),
                  render(blocks, f"[{lang}] "))
    made = time.perf_counter() - start
    print(f"{n:,} articles, {segs:,} segments a language, written in {made:.1f} s",
          file=sys.stderr, flush=True)
    # The records of the pages, as adopt writes them for pages with no history. GIT_CEILING
    # keeps git from finding a repository above the temporary directory.
    env = dict(ENV, GIT_CEILING_DIRECTORIES=os.path.dirname(workdir))
    adopt = measure([BITEXT, "-C", pages_ws, "adopt", "--assume", "current"], env=env)[:3]
    if adopt[2] != 0:
        run([BITEXT, "-C", pages_ws, "adopt", "--assume", "current"])
    print(f"adopt --assume current: {adopt[0]:.3f} s, {adopt[1]:.1f} MiB",
          file=sys.stderr, flush=True)
    before = {}
    for name, ws in (("json", json_ws), ("pages", pages_ws)):
        before[name] = states(ws)
        total = before[name]["segments"] * len(LANGS)
        if before[name].get("current") != total or before[name]["segments"] != segs:
            sys.exit(f"bench: the {name} store is not 100 % current before the edits "
                     f"({segs:,} segments generated a language): {before[name]}")
    # The seeded edits, the same in both workspaces.
    edited = 0
    erng = random.Random(7)
    for name, blocks in articles.items():
        k = edit_blocks(erng, blocks, 0.10)
        if k:
            edited += k
            edited_page = render(blocks)
            for ws in (json_ws, pages_ws):
                write(os.path.join(ws, "locale", "en", name + ".md"), edited_page)
    after = {name: states(ws) for name, ws in (("json", json_ws), ("pages", pages_ws))}
    results = {}
    commands = [("status", ["status"], (0,)), ("check", ["check"], (1,))]
    # Cold: without `.bitext-cache` (so each run aligns every stale article again and writes
    # its alignment); warm: with the cache the previous run left.
    for cache in ("cold", "warm"):
        for _ in range(runs):
            for cmd, tail, codes in commands:
                for store, ws in (("json", json_ws), ("pages", pages_ws)):
                    if cache == "cold":
                        aside(os.path.join(ws, ".bitext-cache"))
                    secs, mib, code, _ = measure([BITEXT, "-C", ws] + tail)
                    if code not in codes:
                        done = run([BITEXT, "-C", ws] + tail, check=False)
                        sys.exit(f"bench: bitext {' '.join(tail)} on the {store} store exited "
                                 f"{code}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
                    key = (cmd, cache, store)
                    if key not in results or secs < results[key][0]:
                        results[key] = (secs, mib, code)
                    print(f"{cmd} {cache} {store}: {secs:.3f} s, {mib:.1f} MiB, exit {code}",
                          file=sys.stderr, flush=True)
    cached = sum(len(files) for _, _, files in os.walk(os.path.join(pages_ws, ".bitext-cache")))

    print(f"Articles: {n:,} (depth 1 to 3), {segs:,} segments a language, "
          f"languages {', '.join(LANGS)}; {edited:,} English segments edited "
          f"({edited / segs:.1%}); after the edits: "
          + "; ".join(f"{store} {after[store].get('current', 0):,} current, "
                      f"{after[store].get('stale', 0):,} stale, "
                      f"{after[store].get('missing', 0):,} missing, "
                      f"{after[store].get('draft', 0):,} draft"
                      for store in ("json", "pages")))
    print(f"Records written by `adopt --assume current` (no git): {adopt[0]:.3f} s, "
          f"{adopt[1]:.1f} MiB")
    print(f"`.bitext-cache` of the pages workspace after the runs: {cached:,} files "
          f"(cold runs start without it)")
    print()
    print("| command | cache | JSON store s | pages s | pages / JSON | JSON peak MiB | "
          "pages peak MiB |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for cache in ("cold", "warm"):
        for cmd, _, _ in commands:
            j, p = results[(cmd, cache, "json")], results[(cmd, cache, "pages")]
            print(f"| bitext {cmd} | {cache} | {j[0]:.3f} | {p[0]:.3f} | {p[0] / j[0]:.2f} | "
                  f"{j[1]:.1f} | {p[1]:.1f} |")
    return results


# --- History ------------------------------------------------------------------------------


class Repo:
    """The pages of the history: each English page's blocks, and each French page as the
    English texts it was made from with their French (a typo fix changes the French only)."""

    def __init__(self, n, rng):
        self.rng = rng
        self.names = names(n, rng)
        self.en = {name: article(rng) for name in self.names}
        # name -> (blocks with French texts, {English text: French text}); None until added
        self.fr = {name: None for name in self.names}

    def translate(self, name):
        """The French page brought up to today's English: segments whose English is unchanged
        since keep their French (typo fixes included), the others are translated anew."""
        known = self.fr[name][1] if self.fr[name] else {}
        mapping = {}
        blocks = []
        for kind, value in self.en[name]:
            if kind == "code":
                blocks.append([kind, value])
            elif kind == "list":
                items = []
                for v in value:
                    items.append(known.get(v, "[fr] " + v))
                    mapping[v] = items[-1]
                blocks.append([kind, items])
            else:
                blocks.append([kind, known.get(value, "[fr] " + value)])
                mapping[value] = blocks[-1][1]
        self.fr[name] = (blocks, mapping)

    def fr_text(self, name):
        blocks = self.fr[name][0]
        return render_fr(blocks)

    def typo(self, name):
        """A French paragraph gets one more word (the English it translates is unchanged)."""
        blocks, mapping = self.fr[name]
        choices = [(i, None) for i, b in enumerate(blocks) if b[0] in ("p", "h1", "h2")]
        choices += [(i, j) for i, b in enumerate(blocks) if b[0] == "list"
                    for j in range(len(b[1]))]
        i, j = self.rng.choice(choices)
        old = blocks[i][1] if j is None else blocks[i][1][j]
        new = old.rstrip(".") + " " + self.rng.choice(["aussi", "encore", "bien", "donc"]) \
            + ("." if old.endswith(".") else "")
        if j is None:
            blocks[i][1] = new
        else:
            blocks[i][1][j] = new
        for en, fr in list(mapping.items()):
            if fr == old:
                mapping[en] = new

    def structure(self, name):
        """An English paragraph added or removed."""
        blocks = self.en[name]
        paras = [i for i, b in enumerate(blocks) if b[0] == "p"]
        if len(paras) > 2 and self.rng.random() < 0.4:
            del blocks[self.rng.choice(paras)]
        else:
            blocks.insert(self.rng.choice(paras) + 1, ["p", paragraph(self.rng)])


def render_fr(blocks):
    """A French page from blocks whose texts are already French (prefix included)."""
    parts = []
    for kind, value in blocks:
        if kind == "title":
            parts.append(f'---\ntitle: "{value}"\n---')
        elif kind == "h1":
            parts.append(f"# {value}")
        elif kind == "h2":
            parts.append(f"## {value}")
        elif kind == "p":
            parts.append(value)
        elif kind == "list":
            parts.append("\n".join(f"- {v}" for v in value))
        elif kind == "code":
            lang, lines = value
            parts.append("\n".join([f"```{lang}"] + lines + ["```"]))
    return "\n\n".join(parts) + "\n"


def fast_import_stream(out, repo, commits, rng):
    """Writes the fast-import stream of the history to the binary file `out`; returns the
    count of each kind of commit."""
    stamp = [1_600_000_000]
    count = [0]
    kinds = {}

    def commit(message, files):
        count[0] += 1
        stamp[0] += 60
        msg = message.encode()
        out.write(b"commit refs/heads/main\n")
        out.write(f"committer Bench <bench@example.invalid> {stamp[0]} +0000\n".encode())
        out.write(b"data %d\n%s\n" % (len(msg), msg))
        for path, text in files:
            data = text.encode("utf-8")
            out.write(f"M 100644 inline {path}\n".encode())
            out.write(b"data %d\n%s\n" % (len(data), data))

    config = CONFIG.format(targets='"fr"') + 'translations = "locale/{lang}"\n'
    commit("bitext.toml", [("bitext.toml", config)])
    batches = 30
    size = -(-len(repo.names) // batches)
    for b in range(batches):
        chunk = repo.names[b * size:(b + 1) * size]
        commit(f"English pages {b}", [(f"locale/en/{n}.md", render(repo.en[n])) for n in chunk])
    for b in range(batches):
        chunk = repo.names[b * size:(b + 1) * size]
        for n in chunk:
            repo.translate(n)
        commit(f"French pages {b}", [(f"locale/fr/{n}.md", repo.fr_text(n)) for n in chunk])
    kinds["adding bitext.toml and the pages"] = 1 + 2 * batches
    while count[0] < commits:
        r = rng.random()
        picked = rng.sample(repo.names, rng.choice([1, 1, 1, 2, 3]))
        files = []
        if r < 0.40:
            kind = "English edit"
            for n in picked:
                segs = [b for b in repo.en[n] if b[0] in ("p", "h1", "h2")]
                for b in rng.sample(segs, min(len(segs), rng.choice([1, 1, 2, 4]))):
                    b[1] = edit_word(rng, b[1])
                files.append((f"locale/en/{n}.md", render(repo.en[n])))
        elif r < 0.65:
            kind = "French update"
            for n in picked:
                repo.translate(n)
                files.append((f"locale/fr/{n}.md", repo.fr_text(n)))
        elif r < 0.85:
            kind = "French fix"
            for n in picked:
                repo.typo(n)
                files.append((f"locale/fr/{n}.md", repo.fr_text(n)))
        elif r < 0.95:
            kind = "English and French"
            n = picked[0]
            segs = [b for b in repo.en[n] if b[0] in ("p", "h1", "h2")]
            for b in rng.sample(segs, min(len(segs), rng.choice([1, 2, 3]))):
                b[1] = edit_word(rng, b[1])
            repo.translate(n)
            files = [(f"locale/en/{n}.md", render(repo.en[n])),
                     (f"locale/fr/{n}.md", repo.fr_text(n))]
        else:
            kind = "English paragraph added or removed"
            n = picked[0]
            repo.structure(n)
            files = [(f"locale/en/{n}.md", render(repo.en[n]))]
        kinds[kind] = kinds.get(kind, 0) + 1
        commit(f"{kind}: {', '.join(p for p, _ in files)}", files)
    return kinds


def history_bench(n_pages, commits, runs, workdir):
    rng = random.Random(42)
    repo_dir = os.path.join(workdir, "history")
    os.makedirs(repo_dir)
    run(["git", "init", "-q", "-b", "main", repo_dir])
    start = time.perf_counter()
    repo = Repo(n_pages, rng)
    stream = os.path.join(workdir, "history.fi")
    with open(stream, "wb") as out:
        kinds = fast_import_stream(out, repo, commits, rng)
    with open(stream, "rb") as f:
        subprocess.run(["git", "fast-import", "--quiet"], cwd=repo_dir, stdin=f, env=ENV,
                       check=True)
    os.unlink(stream)
    run(["git", "reset", "-q", "--hard", "main"], cwd=repo_dir)
    made = time.perf_counter() - start
    counted = int(run(["git", "rev-list", "--count", "HEAD"], cwd=repo_dir).stdout)
    fr_commits = int(run(["git", "rev-list", "--count", "HEAD", "--", "locale/fr"],
                         cwd=repo_dir).stdout)
    pack = sum(os.path.getsize(os.path.join(dp, f))
               for dp, _, fs in os.walk(os.path.join(repo_dir, ".git", "objects")) for f in fs)
    listing = subprocess.run(
        ["git", "log", "-p", "--unified=0", "--reverse", "--topo-order", "--no-renames",
         "--full-index", "--format=%x01%H", "--", "locale/fr"],
        cwd=repo_dir, env=ENV, stdout=subprocess.PIPE, check=True).stdout
    listing_bytes = len(listing)
    del listing
    print(f"{counted:,} commits ({fr_commits:,} touch locale/fr), {n_pages:,} pages a "
          f"language, made in {made:.1f} s; .git {pack / 1e6:.1f} MB; "
          f"listing {listing_bytes / 1e6:.1f} MB", file=sys.stderr, flush=True)

    git_log_p = ["git", "log", "-p", "--unified=0", "--reverse", "--topo-order", "--no-renames",
                 "--full-index", "--format=%x01%H", "--", "locale/fr"]
    git_oneline = ["git", "log", "--oneline", "--", "locale/fr"]
    adopt = [BITEXT, "-C", repo_dir, "adopt"]
    records = os.path.join(repo_dir, ".bitext")
    best = {}
    cpu = {}
    for _ in range(runs):
        # "adopt again": the records of the run before are in place and unchanged, so
        # nothing is written.
        for name, argv in (("log -p", git_log_p), ("log --oneline", git_oneline),
                           ("adopt", adopt), ("adopt again", adopt)):
            if name == "adopt":
                aside(records)
            secs, mib, code, used = measure(argv, cwd=repo_dir)
            if code != 0:
                done = run(argv, cwd=repo_dir, check=False)
                sys.exit(f"bench: {' '.join(argv)} exited {code}:\n"
                         f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
            if name not in best or secs < best[name][0]:
                best[name] = (secs, mib)
            cpu[name] = min(cpu.get(name, used), used)
            print(f"{name}: {secs:.3f} s, {used:.3f} s CPU, {mib:.1f} MiB", file=sys.stderr,
                  flush=True)
    # One more run of adopt, watched: bitext's own peak and each git's.
    aside(records)
    peaks, out, err, code = watch_peaks(adopt, repo_dir)
    if code != 0:
        sys.exit(f"bench: bitext adopt exited {code}:\n{out}{err}")
    summary = out.strip().splitlines()[-1] if out.strip() else ""
    notes = [line for line in out.strip().splitlines()[:-1]]
    # The records, checked: status over them.
    totals = states(repo_dir)

    log_p, oneline, adopted = best["log -p"], best["log --oneline"], best["adopt"]
    print(f"History: {n_pages:,} English and {n_pages:,} French pages, {counted:,} commits "
          f"({fr_commits:,} touch locale/fr; "
          + ", ".join(f"{v:,} {k}" for k, v in kinds.items())
          + f"); .git {pack / 1e6:.1f} MB (fast-import's pack); the listing (i) is "
          f"{listing_bytes / 1e6:.1f} MB")
    print(f"adopt said: {summary}")
    if notes:
        print(f"adopt also said ({len(notes)} lines), first: {notes[0]}")
    print(f"status after adopt: {totals.get('current', 0):,} current, "
          f"{totals.get('stale', 0):,} stale, {totals.get('missing', 0):,} missing, "
          f"{totals.get('draft', 0):,} draft of {totals['segments']:,} segments")
    print()
    print("| command | wall s | adopt / this, wall | CPU s | adopt / this, CPU | peak MiB |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, key in (("(i) `git log -p --unified=0 … -- locale/fr > /dev/null`", "log -p"),
                       ("(ii) `git log --oneline -- locale/fr > /dev/null`", "log --oneline"),
                       ("(iii) `bitext adopt`, every record written", "adopt"),
                       ("`bitext adopt` again, records in place (none written)",
                        "adopt again")):
        wall, mib = best[key]
        print(f"| {label} | {wall:.3f} | {adopted[0] / wall:.2f} | {cpu[key]:.3f} | "
              f"{cpu['adopt'] / cpu[key]:.2f} | {mib:.1f} |")
    print()
    print("Peak resident memory of each process of one more `bitext adopt` (VmHWM, "
          "sampled every 5 ms): " + ", ".join(f"{k} {v:.1f} MiB"
                                              for k, v in sorted(peaks.items())))
    return best, peaks


def main():
    parser = argparse.ArgumentParser(
        description=" ".join(__doc__.split("\n\n")[0].split()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="With neither --pages nor --history, both run at full size. Examples:\n\n"
        "  python3 bench/layouts.py                      # both, full size: about 4 minutes\n"
        "  python3 bench/layouts.py --pages              # 10,000 articles\n"
        "  python3 bench/layouts.py --history            # 3,000 pages, 20,000 commits\n"
        "  python3 bench/layouts.py --pages 200 --history --quick   # smoke test\n\n"
        "The module's docstring (at the top of bench/layouts.py) says what each measures.")
    parser.add_argument("--pages", type=int, nargs="?", const=10000, metavar="N",
                        help="the pages layout against the JSON store on N articles "
                        "(default 10000)")
    parser.add_argument("--history", action="store_true",
                        help="bitext adopt against git log on a generated history")
    parser.add_argument("--history-pages", type=int, metavar="N",
                        help="with --history: English pages, each with a French page "
                        "(default 3000; 300 with --quick)")
    parser.add_argument("--commits", type=int, metavar="N",
                        help="with --history: commits of the history (default 20000; "
                        "2000 with --quick)")
    parser.add_argument("--runs", type=int, metavar="N",
                        help="runs of each command, the best kept (default 3; 1 with "
                        "--quick)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: one run each, a small history")
    parser.add_argument("--bitext", metavar="PATH",
                        help="measure this binary (nothing is built) instead of building "
                        "target/release/bitext")
    parser.add_argument("--keep", metavar="DIR",
                        help="generate into DIR (created) and leave the workspaces there "
                        "instead of deleting them")
    args = parser.parse_args()
    if args.pages is None and not args.history:
        args.pages, args.history = 10000, True
    runs = args.runs or (1 if args.quick else 3)
    history_pages = args.history_pages or (300 if args.quick else 3000)
    commits = args.commits or (2000 if args.quick else 20000)
    global BITEXT
    if args.bitext:
        BITEXT = os.path.abspath(args.bitext)
    else:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext"],
                       cwd=ROOT, check=True)
    if shutil.which("git") is None:
        sys.exit("bench: git is not installed")
    load = os.getloadavg()[0]
    print(f"Machine: {CORES} cores; best of {runs} run{'s' if runs > 1 else ''}; "
          f"load average {load:.2f} at the start; bitext {BITEXT}; "
          f"{run(['git', '--version']).stdout.strip()}")
    print()
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        workdir = os.path.abspath(args.keep)
        cleanup = None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="bitext-layouts-")
        workdir = cleanup.name
    try:
        if args.pages is not None:
            pages_bench(args.pages, runs, os.path.join(workdir, "pages-bench"))
            print()
        if args.history:
            history_bench(history_pages, commits, runs, workdir)
            print()
    finally:
        if cleanup is not None:
            cleanup.cleanup()
    print(f"Load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
