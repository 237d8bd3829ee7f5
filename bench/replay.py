#!/usr/bin/env python3
"""Replays the history of real pages through one or two bitext binaries.

For every English Markdown page of a git repository and every pair of consecutive revisions
of it: a workspace whose French file translates every segment of the earlier revision, the
source replaced by the later one, then `bitext sync`. With two binaries, the synced files
(which record every link the alignment made) are compared byte for byte, so any decision
that differs is listed. With one, it checks what must hold whatever the alignment decides:
every translation a synced file keeps stands next to the text it was made from (so no segment
whose text changed is current), and a second `sync` changes nothing.

    git clone ../shared/fixtures/nodejs-site-locale.bundle /tmp/site
    python3 bench/replay.py /tmp/site locale/en OLD/target/release/bitext target/release/bitext
"""

import hashlib
import json
import os
import subprocess
import sys
import tempfile


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True,
                          text=True).stdout


def revisions(repo, path):
    """The page's texts, oldest first, one per commit that changed it."""
    commits = git(repo, "log", "--format=%H", "--", path).split()
    texts = []
    for commit in reversed(commits):
        try:
            texts.append(git(repo, "show", f"{commit}:{path}"))
        except subprocess.CalledProcessError:
            continue
    return [t for i, t in enumerate(texts) if i == 0 or t != texts[i - 1]]


def bitext(binary, workspace, *args):
    return subprocess.run([binary, "-C", workspace, *args], capture_output=True, text=True)


def translated_workspace(binary, root, before):
    """A workspace whose French translates every segment of `before`."""
    os.makedirs(os.path.join(root, "sources"))
    with open(os.path.join(root, "bitext.toml"), "w", encoding="utf-8") as f:
        f.write('source = "en"\ntargets = ["fr"]\n')
    page = os.path.join(root, "sources", "page.md")
    with open(page, "w", encoding="utf-8") as f:
        f.write(before)
    done = bitext(binary, root, "sync")
    if done.returncode != 0:
        return None
    path = os.path.join(root, "translations", "fr", "page.json")
    with open(path, encoding="utf-8") as f:
        file = json.load(f)
    for unit in file["units"]:
        unit["target"] = made_from(unit["source"])
        unit["state"] = "translated"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(file, f, ensure_ascii=False, indent=2)
    return page, path


def made_from(source):
    """A placeholder translation that names the text it was made from."""
    return "FR " + hashlib.sha256(source.encode()).hexdigest()[:16]


def replay(repo, under, binaries):
    pages = [p for p in git(repo, "ls-files", under).split() if p.endswith(".md")]
    totals = {"pages": 0, "revisions": 0, "segments": 0, "differences": 0, "failures": 0}
    for path in pages:
        texts = revisions(repo, path)
        totals["pages"] += 1
        for before, after in zip(texts, texts[1:]):
            totals["revisions"] += 1
            synced = []
            for binary in binaries:
                with tempfile.TemporaryDirectory() as tmp:
                    made = translated_workspace(binary, tmp, before)
                    if made is None:
                        break
                    page, file = made
                    with open(page, "w", encoding="utf-8") as f:
                        f.write(after)
                    first = bitext(binary, tmp, "sync")
                    with open(file, encoding="utf-8") as f:
                        once = f.read()
                    bitext(binary, tmp, "sync")
                    with open(file, encoding="utf-8") as f:
                        twice = f.read()
                    if first.returncode != 0 or once != twice:
                        totals["failures"] += 1
                        print(f"{path}: sync not idempotent", file=sys.stderr)
                    units = json.loads(once)["units"]
                    for unit in units:
                        if unit["target"] and "\n\n" not in unit["target"] \
                                and unit["target"] != made_from(unit["source"]):
                            totals["failures"] += 1
                            print(f"{path}: a translation moved away from its text",
                                  file=sys.stderr)
                    synced.append(units)
            if not synced:
                continue
            totals["segments"] += len(synced[0])
            if len(synced) == 2:
                for k, (a, b) in enumerate(zip(synced[0], synced[1])):
                    if a != b:
                        totals["differences"] += 1
                        print(f"{path} revision {totals['revisions']} segment {k + 1}:\n"
                              f"  old: {a['target']!r} from {a['source'][:70]!r}\n"
                              f"  new: {b['target']!r} from {b['source'][:70]!r}")
    print(json.dumps(totals))


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    replay(sys.argv[1], sys.argv[2], sys.argv[3:5])
