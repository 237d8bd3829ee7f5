#!/usr/bin/env python3
"""bitext qa against Translate Toolkit's pofilter, on the same human translations.

Builds three bitext workspaces of French and Spanish translations made by people, in a
temporary directory:

- sample: the repository's sample workspace (`bitext.toml`, `sources/`, `translations/`,
  `glossary/`), two articles of a weekly;
- command-reference: the tldr-style pages of `tests/fixtures/command-reference/` (`nc`,
  `git gc`, `nmap`), English with French and Spanish, recorded with `bitext import`: inline
  code, `{{placeholders}}`, addresses, networks and versions inside code;
- nodejs: the Node.js website's pages (`tests/fixtures/nodejs-site-locale.bundle`, English in
  `locale/en`, French and Spanish in `locale/fr` and `locale/es`), recorded with `bitext adopt`,
  which reads from the git history which English each paragraph translates.

It runs `bitext qa --format json` on each workspace and `pofilter --language=LANG` on PO files
exported from it (`bitext po export`, per article and language), and keeps the findings on
segments recorded as current: the translation of today's English. Findings on stale segments
(translated from an older English) and drafts (pairings adopt or import doubted) are counted
apart, not judged: they compare a translation with a text it was not made from.

Every finding kept is looked up in the judgement file (`bench/qa_judgements.tsv` by default):
a person read it and wrote whether it is a true problem of the translation or a false alarm,
and why. Findings the file does not judge are reported as unjudged, never guessed;
`--unjudged FILE` writes them as rows to fill in.

Then it damages a copy of the sample and of the command-reference pages (a changed number,
dropped emphasis, ..., a flag changed inside code, a placeholder dropped, an address changed
in code; see DAMAGES), runs both tools again, and reports for each damage the findings that
appeared on the damaged segment. CONTROLS lists segments of the undamaged corpus that are
right as they are and that a code-blind tool may flag (code copied verbatim with its address,
network or version, placeholders translated): their findings are shown apart.

    python3 bench/qa_vs_pofilter.py [--bitext target/release/bitext] [--list] > report.md

Needs Translate Toolkit (`pip install translate-toolkit`) and git.
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    from translate.storage import po
except ImportError:
    sys.exit("Translate Toolkit is not installed (pip install translate-toolkit)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLUG = "no-to-canadas-interference-in-peru"
NBSP = "\u00a0"
LANGS = ("fr", "es")
COMMAND_REFERENCE = os.path.join(ROOT, "tests", "fixtures", "command-reference")
PAGES = ("nc", "git-gc", "nmap")
BUNDLE = os.path.join(ROOT, "tests", "fixtures", "nodejs-site-locale.bundle")
NODEJS_TOML = """source = "en"
targets = ["fr", "es"]

[layout]
sources = "locale/en"
translations = "locale/{lang}"
"""
JUDGEMENTS = os.path.join(ROOT, "bench", "qa_judgements.tsv")
COLUMNS = ["tool", "check", "corpus", "article", "lang", "segment", "excerpt", "verdict", "reason"]
VERDICTS = ("true", "false alarm")

# (corpus, article, language, segment, text to replace, replacement, what the damage is).
# A replacement of None cuts the target at the text; a text of None pastes the source.
DAMAGES = [
    ("sample", SLUG, "fr", 6, "plus de 60 morts", "plus de 70 morts", "a number changed (60 → 70)"),
    ("sample", SLUG, "fr", 12, f"**Bas les pattes du Pérou{NBSP}!**", f"Bas les pattes du Pérou{NBSP}!", "strong emphasis dropped"),
    ("sample", SLUG, "fr", 2, f"au Pérou{NBSP}!", "au Pérou !", "plain space before « ! »"),
    ("sample", SLUG, "fr", 16, "l'État de droit", "l'état de droit", "glossary term (État de droit) miswritten"),
    ("sample", SLUG, "fr", 7, None, None, "paragraph left in English (the source pasted)"),
    ("sample", SLUG, "fr", 9, " Le soi-disant Groupe de Lima", None, "last sentence dropped"),
    ("sample", SLUG, "fr", 14, f"«{NBSP}fraude{NBSP}»", '"fraude"', "straight quotes in a « » article"),
    ("sample", SLUG, "es", 2, "¡No a la injerencia", "No a la injerencia", "opening « ¡ » dropped"),
    ("sample", SLUG, "es", 6, "más de 60 muertos", "más de  60 muertos", "double space"),
    ("sample", SLUG, "es", 17, "18 meses", "dieciocho meses", "number spelled out (18 → dieciocho)"),
    ("sample", SLUG, "es", 13, "Para su información", "Para su información:", "colon added at the end"),
    ("sample", SLUG, "es", 8, "política exterior.", "política exterior. Véase [el comunicado](https://example.org/comunicado).", "a link added"),
    ("sample", SLUG, "es", 11, "la OTAN.", "la OTAN", "final full stop dropped"),
    ("sample", SLUG, "es", 15, "*lawfare*", "lawfare", "italics dropped from a loanword the glossary requires"),
    ("command-reference", "git-gc", "fr", 7, "--aggressive", "--aggressivx", "a flag changed in code (--aggressive → --aggressivx)"),
    ("command-reference", "nc", "fr", 7, "{{hôte}} {{port}} >", "{{hôte}} >", "a placeholder dropped from code ({{port}})"),
    ("command-reference", "nmap", "es", 11, " {{ruta/al/archivo}}", "", "the {{path/to/file}} placeholder dropped"),
    ("command-reference", "nc", "es", 13, "{{puerto}}", "{{puerto}} {{host}}", "a placeholder added to code ({{host}})"),
    ("command-reference", "nc", "fr", 11, "192.168.0.1", "192.168.1.1", "an address changed in code (192.168.0.1 → 192.168.1.1)"),
    ("command-reference", "nc", "es", 17, "13.5.2", "13.5.1", "a version changed in code (13.5.2 → 13.5.1)"),
    ("command-reference", "git-gc", "es", 13, "--quiet", "--silencioso", "an option translated in code (--quiet → --silencioso)"),
    ("command-reference", "nmap", "fr", 9, "22,443", "22,433", "a port changed in code (443 → 433)"),
    ("command-reference", "nc", "es", 7, "{{host}} {{puerto}}", "{{puerto}} {{host}}", "two placeholders swapped in code"),
]

# Segments of the undamaged corpus that are right as they are and that a tool blind to code
# may flag: (corpus, article, language, segment, what they hold).
CONTROLS = [
    ("command-reference", "git-gc", "fr", 5, "code line left identical (`git gc`)"),
    ("command-reference", "nc", "fr", 11, "address and port in code copied verbatim (`nc -z 192.168.0.1 80`)"),
    ("command-reference", "nmap", "es", 5, "network in code copied verbatim (`nmap -sn 10.0.0.0/16`)"),
    ("command-reference", "nc", "es", 17, "version in code copied verbatim, placeholders translated"),
    ("command-reference", "nc", "es", 5, "placeholders translated (`{{ruta/al/archivo}}`)"),
    ("command-reference", "nc", "fr", 9, "five placeholders translated, flags kept"),
    ("command-reference", "nmap", "fr", 7, "placeholder translated (`{{hôte}}`)"),
    ("command-reference", "nmap", "fr", 6, "1000 written 1 000 (no-break space), as French does"),
]


def run(argv, cwd, check=True):
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=check)


def setup_sample(bitext, ws):
    os.makedirs(ws)
    for name in ("bitext.toml", "sources", "translations", "glossary"):
        src = os.path.join(ROOT, name)
        (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(ws, name))


def setup_command_reference(bitext, ws):
    os.makedirs(ws)
    run([bitext, "-C", ws, "init"], ws)
    for page in PAGES:
        shutil.copy(os.path.join(COMMAND_REFERENCE, f"{page}.md"), os.path.join(ws, "sources", f"{page}.md"))
        for lang in LANGS:
            run([bitext, "-C", ws, "import", page, "-l", lang, os.path.join(COMMAND_REFERENCE, f"{page}.{lang}.md")], ws)


def setup_nodejs(bitext, ws):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")
    subprocess.run(["git", "clone", "-q", BUNDLE, ws], check=True, env=env, capture_output=True)
    with open(os.path.join(ws, "bitext.toml"), "w", encoding="utf-8") as f:
        f.write(NODEJS_TOML)
    run([bitext, "-C", ws, "adopt"], ws)


CORPORA = [
    ("sample", setup_sample),
    ("command-reference", setup_command_reference),
    ("nodejs", setup_nodejs),
]


def one_line(text):
    return " ".join(str(text).split())


def segments(bitext, corpus, ws):
    """{(corpus, article, lang, segment id): {"n", "state"}}, and the articles."""
    status = json.loads(run([bitext, "-C", ws, "--ui-lang", "en", "status", "--segments", "--format", "json"], ws).stdout)
    out = {}
    articles = []
    for article in status["articles"]:
        articles.append(article["article"])
        for language in article["languages"]:
            for s in language["segments"]:
                out[(corpus, article["article"], language["lang"], s["id"])] = {"n": s["n"], "state": s["state"]}
    return out, articles


def bitext_findings(bitext, corpus, ws):
    result = run([bitext, "-C", ws, "--ui-lang", "en", "qa", "--format", "json"], ws, check=False)
    if result.returncode not in (0, 1):
        sys.exit(f"bitext qa failed on {corpus}: {result.stderr}")
    return [
        {
            "tool": "bitext",
            "check": f["check"],
            "level": f["level"],
            "corpus": corpus,
            "article": f["article"],
            "lang": f["lang"],
            "segment": f["id"],
            "excerpt": one_line(f["message"]),
        }
        for f in json.loads(result.stdout)["findings"]
    ]


def pofilter_findings(bitext, corpus, ws, articles):
    """pofilter's findings, and the text of every exported unit by key."""
    findings = []
    texts = {}
    for lang in LANGS:
        exported = os.path.join(f"{ws}-po", lang)
        filtered = os.path.join(f"{ws}-pofilter", lang)
        for d in (exported, filtered):
            shutil.rmtree(d, ignore_errors=True)
        os.makedirs(exported)
        os.makedirs(filtered)
        for article in articles:
            path = os.path.join(exported, f"{article}.{lang}.po")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            run([bitext, "-C", ws, "po", "export", article, "-l", lang, "-o", path], ws)
            for unit in po.pofile.parsefile(path).units:
                if unit.getcontext():
                    texts[(corpus, article, lang, unit.getcontext())] = (unit.source, unit.target)
        result = run(["pofilter", f"--language={lang}", "--progress=none", "-i", exported, "-o", filtered], ws, check=False)
        if result.returncode != 0:
            sys.exit(f"pofilter failed on {exported}: {result.stderr}")
        for article in articles:
            path = os.path.join(filtered, f"{article}.{lang}.po")
            if not os.path.exists(path):
                continue
            for unit in po.pofile.parsefile(path).units:
                for note in unit.getnotes("translator").splitlines():
                    if not note.startswith("(pofilter) "):
                        continue
                    test, _, message = note[len("(pofilter) "):].partition(":")
                    findings.append({
                        "tool": "pofilter",
                        "check": test,
                        "level": "",
                        "corpus": corpus,
                        "article": article,
                        "lang": lang,
                        "segment": unit.getcontext(),
                        "excerpt": one_line(f"{test}: {message.strip()}"),
                    })
    return findings, texts


def measure(bitext, workspaces):
    """Findings of both tools on every workspace, with each finding's segment state."""
    states = {}
    texts = {}
    findings = []
    for corpus, ws in workspaces:
        segs, articles = segments(bitext, corpus, ws)
        states.update(segs)
        findings += bitext_findings(bitext, corpus, ws)
        pf, t = pofilter_findings(bitext, corpus, ws, articles)
        findings += pf
        texts.update(t)
    for f in findings:
        seg = states.get(key(f), {"n": 0, "state": "unknown"})
        f["n"], f["state"] = seg["n"], seg["state"]
    return findings, states, texts


def key(f):
    return (f["corpus"], f["article"], f["lang"], f["segment"])


def judgement_key(f):
    return (f["tool"], f["check"], f["corpus"], f["article"], f["lang"], f["segment"], f["excerpt"])


def load_judgements(path):
    out = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = lines[0].split("\t")
    for number, line in enumerate(lines[1:], start=2):
        row = dict(zip(header, line.split("\t")))
        if row.get("verdict") not in VERDICTS:
            sys.exit(f"{path}:{number}: verdict must be one of {VERDICTS}: {line}")
        out[judgement_key(row)] = (row["verdict"], row["reason"])
    return out


def damage(workspaces):
    by_corpus = dict(workspaces)
    files = {}
    for corpus, article, lang, n, old, new, _ in DAMAGES:
        path = os.path.join(by_corpus[corpus], "translations", lang, f"{article}.json")
        if path not in files:
            with open(path, encoding="utf-8") as f:
                files[path] = json.load(f)
        unit = files[path]["units"][n - 1]
        if old is None:
            unit["target"] = unit["source"]
        elif new is None:
            assert old in unit["target"], (article, lang, n, old)
            unit["target"] = unit["target"][: unit["target"].index(old)]
        else:
            assert unit["target"].count(old) == 1, (article, lang, n, old, unit["target"])
            unit["target"] = unit["target"].replace(old, new)
    for path, data in files.items():
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write("\n")


def by_position(states):
    """{(corpus, article, lang, n): segment id}."""
    return {(c, a, l, s["n"]): i for (c, a, l, i), s in states.items()}


def rate(false, total):
    return f"{100 * false / total:.0f}%" if total else "—"


def per_check_table(tool, kept, verdicts, found_by):
    checks = sorted({f["check"] for f in kept if f["tool"] == tool} | set(found_by))
    print(f"| {tool} check | findings | true | false alarms | unjudged | false-alarm rate | damages found |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0]
    for check in checks:
        mine = [f for f in kept if f["tool"] == tool and f["check"] == check]
        true = sum(verdicts.get(judgement_key(f), ("",))[0] == "true" for f in mine)
        false = sum(verdicts.get(judgement_key(f), ("",))[0] == "false alarm" for f in mine)
        unjudged = len(mine) - true - false
        damages = found_by.get(check, 0)
        for k, v in enumerate((len(mine), true, false, unjudged)):
            totals[k] += v
        print(f"| `{check}` | {len(mine)} | {true} | {false} | {unjudged} | {rate(false, true + false)} | {damages} |")
    total, true, false, unjudged = totals
    return total, true, false, unjudged


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bitext", default=os.path.join(ROOT, "target", "release", "bitext"))
    parser.add_argument("--judgements", default=JUDGEMENTS, help="the judgement file (TSV)")
    parser.add_argument("--unjudged", metavar="FILE", help="write the findings without a judgement to FILE, as rows to fill in")
    parser.add_argument("--list", action="store_true", help="list every finding with its judgement")
    args = parser.parse_args()
    args.bitext = os.path.abspath(args.bitext)
    if shutil.which("pofilter") is None:
        sys.exit("pofilter is not installed (pip install translate-toolkit)")
    if not os.path.exists(args.bitext):
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "bitext"], cwd=ROOT, check=True)
    version = run(["pofilter", "--version"], ROOT).stdout.strip()
    bitext_version = run([args.bitext, "--version"], ROOT).stdout.strip()
    verdicts = load_judgements(args.judgements)

    with tempfile.TemporaryDirectory(prefix="bitext-pofilter-") as tmp:
        workspaces = []
        for corpus, setup in CORPORA:
            ws = os.path.join(tmp, corpus)
            setup(args.bitext, ws)
            workspaces.append((corpus, ws))
        clean, states, texts = measure(args.bitext, workspaces)
        damaged_ws = [(c, w) for c, w in workspaces if c in {d[0] for d in DAMAGES}]
        damage(damaged_ws)
        bad, _, bad_texts = measure(args.bitext, damaged_ws)

    kept = [f for f in clean if f["state"] == "current"]
    # Missing segments have no translation to judge (pofilter still reads their empty msgstr).
    aside = [f for f in clean if f["state"] in ("stale", "draft")]
    ids = by_position(states)

    # Which checks each damage adds a finding of, on the damaged segment.
    def on(findings, k):
        return {(f["tool"], f["check"], f["excerpt"]) for f in findings if key(f) == k}

    damage_rows = []
    found_by = {}
    for corpus, article, lang, n, _, _, what in DAMAGES:
        k = (corpus, article, lang, ids[(corpus, article, lang, n)])
        added = on(bad, k) - on(clean, k)
        row = {}
        for tool in ("pofilter", "bitext"):
            checks = sorted({c for t, c, _ in added if t == tool})
            row[tool] = checks
            for c in checks:
                found_by[(tool, c)] = found_by.get((tool, c), 0) + 1
        damage_rows.append((corpus, article, lang, n, what, row))

    print(f"{version}, {bitext_version}, run on {datetime.date.today().isoformat()}.")
    print()
    print("### The corpus")
    print()
    print("| corpus | lang | articles | segments translated (current) | their English words | findings on stale or draft segments, set aside |")
    print("|---|---|---:|---:|---:|---|")
    for corpus, _ in CORPORA:
        for lang in LANGS:
            current = [k for k, s in states.items() if k[0] == corpus and k[2] == lang and s["state"] == "current"]
            articles = len({k[1] for k in current})
            words = sum(len(texts.get(k, ("", ""))[0].split()) for k in current)
            side = [f for f in aside if f["corpus"] == corpus and f["lang"] == lang]
            by_tool = ", ".join(f"{t} {sum(f['tool'] == t for f in side)}" for t in ("pofilter", "bitext"))
            print(f"| {corpus} | {lang} | {articles} | {len(current)} | {words} | {by_tool} |")
    print()

    summary = {}
    for tool in ("pofilter", "bitext"):
        print(f"### {tool}: findings on the human translations, and damages found")
        print()
        found = {c: v for (t, c), v in found_by.items() if t == tool}
        summary[tool] = per_check_table(tool, kept, verdicts, found)
        total, true, false, unjudged = summary[tool]
        damages_found = sum(bool(row[tool]) for *_, row in damage_rows)
        print(f"| **all** | **{total}** | **{true}** | **{false}** | **{unjudged}** | **{rate(false, true + false)}** | **{damages_found} of {len(DAMAGES)}** |")
        print()
    for tool in ("pofilter", "bitext"):
        total, true, false, unjudged = summary[tool]
        print(f"- {tool}: {total} findings, {true} true, {false} false alarms ({rate(false, true + false)} of those judged), {unjudged} unjudged.")
    print()
    unjudged = [f for f in kept if judgement_key(f) not in verdicts]
    unused = len(set(verdicts) - {judgement_key(f) for f in kept})
    if unused:
        print(f"{unused} judgements of {os.path.relpath(args.judgements, ROOT)} match no finding of this run "
              "(findings of another version of either tool).")
        print()
    if unjudged:
        print(f"**{len(unjudged)} findings have no judgement in {os.path.relpath(args.judgements, ROOT)}: "
              "their verdict is unknown, and the rates above leave them out.**")
        print()

    print("### Controls: right as they are, findings on the undamaged corpus")
    print()
    print("| corpus | article | lang | segment | what | pofilter | bitext qa |")
    print("|---|---|---|---:|---|---|---|")
    for corpus, article, lang, n, what in CONTROLS:
        k = (corpus, article, lang, ids[(corpus, article, lang, n)])
        cells = [", ".join(sorted({c for t, c, _ in on(clean, k) if t == tool})) or "—" for tool in ("pofilter", "bitext")]
        print(f"| {corpus} | {article} | {lang} | {n} | {what} | {cells[0]} | {cells[1]} |")
    print()

    print("### Damaged copy: findings the damage added on the damaged segment")
    print()
    print("| corpus | article | lang | segment | damage | pofilter | bitext qa |")
    print("|---|---|---|---:|---|---|---|")
    for corpus, article, lang, n, what, row in damage_rows:
        print(f"| {corpus} | {article} | {lang} | {n} | {what} | {', '.join(row['pofilter']) or '—'} | {', '.join(row['bitext']) or '—'} |")
    print()
    counts = {tool: sum(bool(row[tool]) for *_, row in damage_rows) for tool in ("pofilter", "bitext")}
    print(f"Damages found: pofilter {counts['pofilter']} of {len(DAMAGES)}, bitext qa {counts['bitext']} of {len(DAMAGES)}.")

    if args.list:
        print()
        print("### Every finding on the human translations")
        for tool in ("pofilter", "bitext"):
            for check in sorted({f["check"] for f in kept if f["tool"] == tool}):
                print()
                print(f"#### {tool} `{check}`")
                print()
                for f in sorted((f for f in kept if f["tool"] == tool and f["check"] == check), key=key):
                    verdict, reason = verdicts.get(judgement_key(f), ("unjudged", ""))
                    print(f"- {f['corpus']} {f['article']} {f['lang']} #{f['n']}: {f['excerpt']} — **{verdict}**{': ' + reason if reason else ''}")

    if args.unjudged:
        with open(args.unjudged, "w", encoding="utf-8") as out:
            out.write("\t".join(COLUMNS + ["source", "target"]) + "\n")
            for f in sorted(unjudged, key=lambda f: (f["tool"], f["check"], key(f))):
                source, target = texts.get(key(f), ("", ""))
                fields = [str(f[c]) for c in COLUMNS[:7]] + ["", "", one_line(source), one_line(target)]
                out.write("\t".join(fields) + "\n")


if __name__ == "__main__":
    main()
