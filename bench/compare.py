#!/usr/bin/env python3
"""Two bitext binaries side by side on one workspace: each command run alternately by both,
best of N, then a confirmed save in the workbench of each. For a change that must not slow
anything down, build the binary before it (for instance in a `git worktree`) and after it:

    cargo run --release --example gencorpus -- --articles 10000 --out /tmp/corpus --no-gettext
    python3 bench/compare.py OLD/target/release/bitext target/release/bitext /tmp/corpus [N]

Commands that write run on a fresh copy of the workspace each time.
"""

import html
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse


def run(binary, args, cwd):
    start = time.perf_counter()
    done = subprocess.run([binary] + args, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, done.returncode


COMMANDS = [
    ["status"],
    ["check"],
    ["check", "--no-qa"],
    ["qa"],
    ["diff"],
    ["export", "--edition", "all", "-l", "fr", "--allow-incomplete", "--bilingual", "-o",
     os.path.join(tempfile.gettempdir(), "bitext-compare-edition.html")],
]


def commands(old, new, corpus, runs):
    print("| command | old s | new s | new / old |")
    print("|---|---:|---:|---:|")
    for args in COMMANDS:
        best = {old: float("inf"), new: float("inf")}
        for _ in range(runs):
            for binary in (old, new):
                seconds, _ = run(binary, args, corpus)
                best[binary] = min(best[binary], seconds)
        print(f"| {' '.join(args)} | {best[old]:.3f} | {best[new]:.3f} | "
              f"{best[new] / best[old]:.2f} |")
    best = {old: float("inf"), new: float("inf")}
    for _ in range(runs):
        for binary in (old, new):
            with tempfile.TemporaryDirectory() as tmp:
                copy = os.path.join(tmp, "w")
                shutil.copytree(corpus, copy)
                seconds, _ = run(binary, ["sync"], copy)
                best[binary] = min(best[binary], seconds)
    print(f"| sync | {best[old]:.3f} | {best[new]:.3f} | {best[new] / best[old]:.2f} |")


def serve_save(binary, corpus, slug, runs):
    """The best time of a confirmed save of the first segment of `slug` in French."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "w")
        shutil.copytree(corpus, copy)
        server = subprocess.Popen([binary, "-C", copy, "serve"], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)
        try:
            url = re.search(r"http://\S+", server.stdout.readline()).group(0)
            host = url.split("/")[2]
            token = url.split("token=")[1]

            def request(method, path, body=None):
                conn = http.client.HTTPConnection(host, timeout=600)
                headers = {"Cookie": f"bitext_token_{host.split(':')[1]}={token}",
                           "Origin": f"http://{host}"}
                if body is not None:
                    headers["Content-Type"] = "application/x-www-form-urlencoded"
                conn.request(method, path, body=body, headers=headers)
                reply = conn.getresponse()
                data = reply.read().decode()
                conn.close()
                return reply.status, data

            request("GET", f"/?token={token}")
            best = float("inf")
            for i in range(runs):
                _, page = request("GET", f"/article/{slug}/fr")
                form = re.search(r'<form[^>]*action="(/article/[^"]+/fr/\d+)"(.*?)</form>',
                                 page, re.S)
                fields = {name: html.unescape(value) for name, value in
                          re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"',
                                     form.group(2))}
                fields.update(action="save", confirm="1",
                              text=f"Traduction numéro {i} du segment.")
                start = time.perf_counter()
                status, _ = request("POST", form.group(1), urllib.parse.urlencode(fields))
                best = min(best, time.perf_counter() - start)
                assert status == 303, status
            return best
        finally:
            server.terminate()
            server.wait()


def main():
    old, new, corpus = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    commands(old, new, corpus, runs)
    slug = sorted(os.listdir(os.path.join(corpus, "sources")))[0].rsplit(".", 1)[0]
    before = serve_save(old, corpus, slug, runs)
    after = serve_save(new, corpus, slug, runs)
    print(f"\nworkbench save: old {before * 1000:.1f} ms, new {after * 1000:.1f} ms, "
          f"old / new {before / after:.0f}x")


if __name__ == "__main__":
    main()
