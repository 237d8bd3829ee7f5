#!/usr/bin/env python3
"""bitext qa against Translate Toolkit's pofilter, on the same translations.

Copies the repository's sample workspace (with its glossaries) to a temporary directory,
exports it to PO with `bitext po export`, and runs `pofilter` on the PO files and `bitext qa`
on the workspace: first as it is, then on a deliberately damaged copy (a changed number,
dropped emphasis, a plain space before `!`, a glossary term, an untranslated paragraph, a
dropped sentence, straight quotes, a missing `¡`, a double space, a number spelled out, a
colon added, an added link, a dropped full stop, a dropped italic loanword). For each damage it
reports which checks of each tool find it that did not fire on the undamaged copy.

    python3 bench/qa_vs_pofilter.py [--bitext target/release/bitext] > report.md

Needs Translate Toolkit (`pip install translate-toolkit`).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLUG = "no-to-canadas-interference-in-peru"
NBSP = "\u00a0"

# (language, segment, text to replace, replacement, what the damage is)
DAMAGES = [
    ("fr", 6, "plus de 60 morts", "plus de 70 morts", "a number changed (60 → 70)"),
    ("fr", 12, f"**Bas les pattes du Pérou{NBSP}!**", f"Bas les pattes du Pérou{NBSP}!", "strong emphasis dropped"),
    ("fr", 2, f"au Pérou{NBSP}!", "au Pérou !", "plain space before « ! »"),
    ("fr", 16, "l'État de droit", "l'état de droit", "glossary term (État de droit) miswritten"),
    ("fr", 7, None, None, "paragraph left in English (the source pasted)"),
    ("fr", 9, " Le soi-disant Groupe de Lima", None, "last sentence dropped"),
    ("fr", 14, f"«{NBSP}fraude{NBSP}»", '"fraude"', "straight quotes in a « » article"),
    ("es", 2, "¡No a la injerencia", "No a la injerencia", "opening « ¡ » dropped"),
    ("es", 6, "más de 60 muertos", "más de  60 muertos", "double space"),
    ("es", 17, "18 meses", "dieciocho meses", "number spelled out (18 → dieciocho)"),
    ("es", 13, "Para su información", "Para su información:", "colon added at the end"),
    ("es", 8, "política exterior.", "política exterior. Véase [el comunicado](https://example.org/comunicado).", "a link added"),
    ("es", 11, "la OTAN.", "la OTAN", "final full stop dropped"),
    ("es", 15, "*lawfare*", "lawfare", "italics dropped from a loanword the glossary requires"),
]


def run(argv, cwd, check=True):
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=check)


def damage(ws):
    sources = {}
    for lang in ("fr", "es"):
        path = os.path.join(ws, "translations", lang, f"{SLUG}.json")
        with open(path, encoding="utf-8") as f:
            sources[lang] = (path, json.load(f))
    for lang, n, old, new, _ in DAMAGES:
        unit = sources[lang][1]["units"][n - 1]
        if old is None:
            unit["target"] = unit["source"]
        elif new is None:
            assert old in unit["target"], (lang, n, old)
            unit["target"] = unit["target"][: unit["target"].index(old)]
        else:
            assert unit["target"].count(old) == 1, (lang, n, old)
            unit["target"] = unit["target"].replace(old, new)
    for path, data in sources.values():
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")


def pofilter_findings(bitext, ws):
    """{(lang, segment id): set of pofilter tests}."""
    out = {}
    for lang in ("fr", "es"):
        po = os.path.join(ws, f"{lang}.po")
        run([bitext, "-C", ws, "po", "export", SLUG, "-l", lang, "-o", po], ws)
        result = os.path.join(ws, f"{lang}.pofilter.po")
        run(["pofilter", f"--language={lang}", "-i", po, "-o", result], ws)
        with open(result, encoding="utf-8") as f:
            text = f.read()
        for entry in text.split("\n\n"):
            tests = set(re.findall(r"^# \(pofilter\) ([a-z]+):", entry, re.M))
            ctxt = re.search(r'^msgctxt "([^"]+)"', entry, re.M)
            if tests and ctxt:
                out[(lang, ctxt.group(1))] = tests
    return out


def bitext_findings(bitext, ws):
    """{(lang, segment id): set of bitext checks}, and the segment ids by position."""
    result = run([bitext, "-C", ws, "--ui-lang", "en", "qa", "--format", "json"], ws, check=False)
    out = {}
    for finding in json.loads(result.stdout)["findings"]:
        out.setdefault((finding["lang"], finding["id"]), set()).add(
            f'{finding["check"]} ({finding["level"]})')
    status = json.loads(run([bitext, "-C", ws, "status", "--segments", "--format", "json"], ws).stdout)
    ids = [s["id"] for s in status["articles"][0]["languages"][0]["segments"]]
    return out, ids


def totals(findings):
    counts = {}
    for tests in findings.values():
        for test in tests:
            counts[test] = counts.get(test, 0) + 1
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bitext", default=os.path.join(ROOT, "target", "release", "bitext"))
    args = parser.parse_args()
    args.bitext = os.path.abspath(args.bitext)
    if shutil.which("pofilter") is None:
        sys.exit("pofilter is not installed (pip install translate-toolkit)")
    if not os.path.exists(args.bitext):
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext"], cwd=ROOT, check=True)
    version = run(["pofilter", "--version"], ROOT).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="bitext-pofilter-") as tmp:
        ws = os.path.join(tmp, "ws")
        os.makedirs(ws)
        for name in ("bitext.toml", "sources", "translations", "glossary"):
            src = os.path.join(ROOT, name)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(ws, name))
        clean_pf = pofilter_findings(args.bitext, ws)
        clean_bt, ids = bitext_findings(args.bitext, ws)
        damage(ws)
        bad_pf = pofilter_findings(args.bitext, ws)
        bad_bt, _ = bitext_findings(args.bitext, ws)

    print(f"pofilter: {version}")
    print()
    print("Undamaged sample (38 segments, fr and es):")
    print()
    print(f"- pofilter: {sum(len(t) for t in clean_pf.values())} findings on {len(clean_pf)} segments: {totals(clean_pf)}")
    print(f"- bitext qa: {sum(len(t) for t in clean_bt.values())} findings on {len(clean_bt)} segments: {totals(clean_bt)}")
    print()
    print("Damaged copy, findings that the damage added:")
    print()
    print("| lang | segment | damage | pofilter | bitext qa |")
    print("|---|---:|---|---|---|")
    found_pf = found_bt = 0
    for lang, n, _, _, what in DAMAGES:
        key = (lang, ids[n - 1])
        pf = sorted(bad_pf.get(key, set()) - clean_pf.get(key, set()))
        bt = sorted(bad_bt.get(key, set()) - clean_bt.get(key, set()))
        found_pf += bool(pf)
        found_bt += bool(bt)
        print(f"| {lang} | {n} | {what} | {', '.join(pf) or '—'} | {', '.join(bt) or '—'} |")
    print()
    print(f"Damages found: pofilter {found_pf} of {len(DAMAGES)}, bitext qa {found_bt} of {len(DAMAGES)}.")


if __name__ == "__main__":
    main()
