#!/usr/bin/env python3
"""End-to-end tests of `bitext serve` in a real browser: Playwright for Python driving the
system Chromium (never a browser Playwright downloads).

    python3 tests/e2e/serve.py BITEXT_BINARY [--screenshots DIR] [TEST...]

Each test copies the repository's sample workspace to a temporary directory, starts
`bitext serve` on it, and drives the pages as a translator would. Exits 1 when a test fails.
With --screenshots, the main flow saves the dashboard and the workbench as PNG files there
(the README's pictures).
"""

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

from playwright.sync_api import expect, sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SLUG = "no-to-canadas-interference-in-peru"
CHROMIUM = os.environ.get("BITEXT_CHROMIUM", "/usr/bin/chromium")


class Workspace:
    """A copy of the sample workspace with a running `bitext serve`."""

    def __init__(self, binary):
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="bitext-e2e-")
        shutil.copy(os.path.join(ROOT, "bitext.toml"), self.dir)
        for sub in ["sources", "translations"]:
            shutil.copytree(os.path.join(ROOT, sub), os.path.join(self.dir, sub))
        self.server = None
        self.url = None

    def edit_source(self, old, new):
        path = os.path.join(self.dir, "sources", SLUG + ".md")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        assert old in text, old
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))

    def write(self, rel, text):
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def bitext(self, *args):
        env = dict(os.environ, LANG="C")
        env.pop("LC_ALL", None)
        env.pop("LC_MESSAGES", None)
        return subprocess.run([self.binary, "-C", self.dir, *args], capture_output=True,
                              text=True, env=env, check=False)

    def units(self, lang="fr", slug=SLUG):
        with open(os.path.join(self.dir, "translations", lang, slug + ".json"),
                  encoding="utf-8") as f:
            return json.load(f)["units"]

    def start(self):
        env = dict(os.environ, LANG="C")
        self.server = subprocess.Popen([self.binary, "-C", self.dir, "serve"],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       text=True, env=env)
        line = self.server.stdout.readline()
        self.url = next(w for w in line.split() if w.startswith("http://"))
        self.base = self.url.split("/?")[0]
        return self

    def stop(self):
        if self.server:
            self.server.send_signal(2)
            self.server.wait(timeout=10)
            assert self.server.returncode == 0, self.server.stderr.read()
            self.server = None
        assert not os.path.exists(os.path.join(self.dir, ".bitext.lock"))
        shutil.rmtree(self.dir, ignore_errors=True)


def open_page(browser, ws, path="/", **context):
    """A page that opened the printed URL (which sets the token cookie), then went to path."""
    page = browser.new_context(**context).new_page()
    dialogs = []
    kinds = []
    page.on("dialog", lambda d: (dialogs.append(d.message), kinds.append(d.type), d.dismiss()))
    page.dialogs = dialogs
    page.dialog_kinds = kinds
    page.goto(ws.url)
    if path != "/":
        page.goto(ws.base + path)
    return page


def test_main_flow(browser, ws, shots):
    """Two stale paragraphs: accept the typo fix, retranslate the other with the keyboard."""
    ws.edit_source("Canada was quick to recognize", "Canada was quick to recognise")
    ws.edit_source("At least 14 countries", "At least 15 countries")
    ws.start()
    page = open_page(browser, ws, viewport={"width": 1000, "height": 620})
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    fr_row = page.get_by_role("row", name=SLUG)
    expect(fr_row).to_contain_text("2 stale")
    if shots:
        page.screenshot(path=os.path.join(shots, "serve-dashboard.png"))
    fr_row.get_by_role("link").first.click()
    page.get_by_role("navigation", name="Show").get_by_role("link", name="unfinished").click()
    stale = page.locator(".seg[data-state=stale]")
    expect(stale).to_have_count(2)
    # The word diff shows exactly what changed in each paragraph.
    expect(stale.nth(0).locator(".diff del")).to_contain_text("14")
    expect(stale.nth(0).locator(".diff ins")).to_contain_text("15")
    expect(stale.nth(1).locator(".diff del")).to_contain_text("z")
    expect(stale.nth(1).locator(".diff ins")).to_contain_text("s")
    if shots:
        # The first stale card at the top: its diff, text box and suggestions, not the
        # page's header and forms.
        stale.nth(0).evaluate("card => card.scrollIntoView()")
        page.screenshot(path=os.path.join(shots, "serve-workbench.png"))
        page.evaluate("window.scrollTo(0, 0)")
    typo_n = int(stale.nth(1).get_attribute("data-n"))
    number_n = int(stale.nth(0).get_attribute("data-n"))
    old_typo_target = ws.units()[typo_n - 1]["target"]
    stale.nth(1).get_by_role("button", name="Accept").click()
    expect(page.get_by_role("status")).to_contain_text(f"Segment {typo_n} accepted.")
    expect(page.locator(".seg[data-state=stale]")).to_have_count(1)

    # Keyboard only from here: Alt+Down reaches the remaining segment, Ctrl+Enter saves. The
    # page the accept loaded must have run its deferred script, which the shortcuts live in:
    # its text can show before the script has been fetched.
    page.wait_for_load_state("load")
    page.keyboard.press("Alt+ArrowDown")
    area = page.get_by_label("Translation (French)")
    expect(area).to_be_focused()
    assert "14" in area.input_value()
    page.keyboard.press("Control+a")
    new_text = area.input_value().replace("14", "15")
    page.keyboard.type(new_text)
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status")).to_contain_text(f"Segment {number_n} saved.")
    expect(page.get_by_role("status")).to_contain_text("No unfinished segment left here.")
    expect(page.locator(".seg")).to_have_count(0)

    units = ws.units()
    assert units[typo_n - 1]["target"] == old_typo_target
    assert "recognise" in units[typo_n - 1]["source"]
    assert units[number_n - 1]["target"] == new_text, units[number_n - 1]
    assert units[number_n - 1]["source"].startswith("At least 15 countries")
    assert units[number_n - 1]["state"] == "translated"
    status = json.loads(ws.bitext("status", "-l", "fr", "--format", "json").stdout)
    assert status["articles"][0]["languages"][0]["percent"] == 100.0, status
    assert ws.bitext("check", "-l", "fr").returncode == 0
    assert page.dialogs == []


def test_conflict(browser, ws, _shots):
    """A translation changed on disk after the page loaded: refused, both texts, choose."""
    ws.start()
    page = open_page(browser, ws, f"/article/{SLUG}/fr")
    card = page.locator("#seg-7")
    area = card.get_by_role("textbox")
    area.fill("Au moins 14 pays, selon moi.")
    assert ws.bitext("set", SLUG, "7", "-l", "fr", "--text", "Au moins 14 pays, selon le collègue.").returncode == 0
    card.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="This segment changed on disk")).to_be_visible()
    expect(page.locator("#disk-text")).to_have_text("Au moins 14 pays, selon le collègue.")
    expect(page.get_by_label("Your text")).to_have_value("Au moins 14 pays, selon moi.")
    assert ws.units()[6]["target"] == "Au moins 14 pays, selon le collègue."
    page.get_by_role("button", name="Save my text").click()
    expect(page.get_by_role("status")).to_contain_text("Segment 7 saved.")
    assert ws.units()[6]["target"] == "Au moins 14 pays, selon moi."


def test_french_interface(browser, ws, _shots):
    """Accept-Language picks French; the switch goes back to English and is remembered."""
    ws.edit_source("At least 14 countries", "At least 15 countries")
    ws.start()
    page = open_page(browser, ws, f"/article/{SLUG}/fr", locale="fr-FR")
    assert page.locator("html").get_attribute("lang") == "fr"
    expect(page.get_by_role("heading", name="Raccourcis clavier")).to_be_visible()
    expect(page.get_by_text("Modifié depuis la traduction")).to_be_visible()
    expect(page.get_by_label("Traduction (français)").first).to_be_visible()
    expect(page.locator(".seg[data-state=stale] .badge")).to_have_text("périmé")
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", name="Keyboard shortcuts")).to_be_visible()
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def test_narrow_layout(browser, ws, _shots):
    """At 400 px wide nothing scrolls sideways and the source sits above the translation."""
    ws.edit_source("At least 14 countries", "At least 15 countries")
    long_id = "guides/interference-and-recognition-of-governments-in-the-andes-region"
    ws.write(f"sources/{long_id}.md", "# Recognition\n\nGovernments were recognised.\n")
    ws.start()
    for path in ["/", "/article/" + long_id.replace("/", "%2F") + "/es", f"/article/{SLUG}/fr"]:
        page = open_page(browser, ws, path, viewport={"width": 400, "height": 800})
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, (path, width)
        # Nothing is cut inside a scroll box either: every cell shows whole.
        cut = page.evaluate("""() => [...document.querySelectorAll('.scroll, td, th')]
            .filter(e => !e.closest('.articles thead'))  // visually hidden: read, not shown
            .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > 400)
            .map(e => e.outerHTML.slice(0, 80))""")
        assert cut == [], (path, cut)
        # Ids wrap after a hyphen or a slash, never inside a word.
        breaks = page.evaluate(LINE_BREAKS, ".id")
        assert breaks["lines"] > 0, path
        assert all(b[0] in "-/ " or b[1] == " " for b in breaks["breaks"]), (path, breaks)
        if path == "/":
            assert breaks["breaks"], breaks
            # Each language of an article is named in its cell, the Spanish one too.
            row = page.locator(f"tr[data-article='{SLUG}']")
            for name in ["French", "Spanish"]:
                expect(row.locator(".cell-label", has_text=name)).to_be_visible()
            box = row.locator("td").last.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 400, box
    card = page.locator(".seg[data-state=stale]")
    source = card.locator(".src").bounding_box()
    area = card.get_by_role("textbox").bounding_box()
    assert area["y"] > source["y"] + source["height"] - 1, (source, area)
    assert area["x"] + area["width"] <= 400
    save = card.get_by_role("button", name="Save", exact=True).bounding_box()
    assert save["x"] + save["width"] <= 400
    # Landmarks and labels a screen reader announces.
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("navigation", name="Workbench")).to_have_count(1)
    expect(page.get_by_label("Translation (French)")).to_have_count(19)


# The line breaks inside the elements `selector` picks: the characters on either side of each.
LINE_BREAKS = """(selector) => {
    const out = {lines: 0, breaks: []};
    for (const el of document.querySelectorAll(selector)) {
        out.lines += 1;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let top = null, last = null;
        while (walker.nextNode()) {
            const node = walker.currentNode;
            for (let i = 0; i < node.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const rect = range.getClientRects()[0];
                if (!rect) continue;
                if (top !== null && rect.top > top + 2) out.breaks.push(last + node.data[i]);
                top = rect.top;
                last = node.data[i];
            }
        }
    }
    return out;
}"""


def test_xss(browser, ws, _shots):
    """A script in a source paragraph and in a translation shows as text and never runs."""
    ws.write(f"sources/xss.md", "# Hello <img src=x onerror=alert(0)>\n\n"
             "Hello <script>alert(1)</script> world.\n")
    for n, text in [("1", "Bonjour <b onmouseover=alert(2)>x</b>"), ("2", "Bonjour monde.")]:
        assert ws.bitext("set", "xss", n, "-l", "fr", "--text", text).returncode == 0
    ws.edit_source("Support", "Support")  # the sample stays as it is
    path = os.path.join(ws.dir, "sources", "xss.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("world.", "world <script>alert(3)</script>."))
    ws.start()
    for target in ["/", "/article/xss/fr", "/article/xss/fr?state=stale", "/article/xss/es"]:
        page = open_page(browser, ws, target)
        page.wait_for_load_state("load")
        assert page.dialogs == [], (target, page.dialogs)
        assert page.evaluate("document.querySelectorAll('img, b').length") == 0
        if target.startswith("/article/xss/fr"):
            expect(page.get_by_text("Hello <script>alert(1)</script> world <script>alert(3)</script>.")).to_be_visible()
            expect(page.locator(".diff ins")).to_contain_text("<script>alert(3)</script>")


def test_suggestion(browser, ws, _shots):
    """A new article's paragraph close to a translated one: its suggestion fills the text
    area with one click, and saves."""
    ws.write("sources/harbour.md", "# The harbour council\n\n"
             "The council met on Monday to discuss the budget for the coming year.\n")
    for n, text in [("1", "Le conseil du port"),
                    ("2", "Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.")]:
        assert ws.bitext("set", "harbour", n, "-l", "fr", "--text", text).returncode == 0
    ws.write("sources/quay.md",
             "The council met on Tuesday to discuss the budget for the coming year.\n")
    ws.start()
    page = open_page(browser, ws, "/article/quay/fr")
    button = page.locator("#seg-1 button.suggest").first
    expect(button).to_contain_text("Le conseil s'est réuni lundi")
    button.click()
    area = page.get_by_label("Translation (French)")
    expect(area).to_have_value("Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.")
    expect(area).to_be_focused()
    area.fill(area.input_value().replace("lundi", "mardi"))
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status")).to_contain_text("Segment 1 saved.")
    assert ws.units(slug="quay")[0]["target"].startswith("Le conseil s'est réuni mardi")


def test_site_pages(browser, ws, shots):
    """A repository's own tree: the Node.js pages, translations as Markdown pages, adopted
    from git. The dashboard names articles by title; a nested article's save writes its page."""
    del shots
    shutil.rmtree(ws.dir)
    bundle = os.path.join(ROOT, "tests", "fixtures", "nodejs-site-locale.bundle")
    subprocess.run(["git", "-c", "init.defaultBranch=main", "clone", "-q", bundle, ws.dir], check=True,
                   env=dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null"))
    ws.write("bitext.toml", 'source = "en"\ntargets = ["fr", "es"]\n\n[layout]\n'
                            'sources = "locale/en"\ntranslations = "locale/{lang}"\n')
    assert ws.bitext("adopt").returncode == 0
    ws.start()
    page = open_page(browser, ws)
    row = page.locator("tr[data-article='docs/guides/getting-started-guide']")
    expect(row.get_by_role("link", name="Getting Started Guide", exact=True)).to_be_visible()
    expect(row).to_contain_text("docs/guides/getting-started-guide")
    page.goto(ws.base + "/article/docs%2Fguides%2Fgetting-started-guide/es")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Getting Started Guide")
    area = page.locator("#seg-3 textarea")
    area.fill("Una vez instalado Node.js, construyamos nuestro primer servidor web. "
              "Cree un archivo llamado `app.js` con el contenido siguiente:")
    area.focus()
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status")).to_contain_text("Segment 3 saved.")
    rel = "locale/es/docs/guides/getting-started-guide.md"
    with open(os.path.join(ws.dir, rel), encoding="utf-8") as f:
        text = f.read()
    assert text.startswith("---\ntitle: Getting Started Guide\nlayout: docs.hbs\n---\n"), text
    assert "\nUna vez instalado Node.js, construyamos" in text, text
    changed = subprocess.run(["git", "-C", ws.dir, "diff", "--numstat", "--", "locale"],
                             capture_output=True, text=True, check=True).stdout
    assert changed == f"1\t1\t{rel}\n", changed


LOCALES = os.path.join(ROOT, "crates", "bitext-core", "src", "locales")


def ftl_words(lang):
    """The words of every message text bitext has in `lang` (its Fluent files), lower case:
    placeables, selectors and variant keys left out."""
    import re
    words = set()
    for name in os.listdir(os.path.join(LOCALES, lang)):
        with open(os.path.join(LOCALES, lang, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                text = line.split(" = ", 1)[1] if re.match(r"^[\w-]+ = ", line) else line
                # Options and code are the same in every language.
                text = re.sub(r"`[^`]*`|--?[\w-]+|<[^>]*>", " ", text)
                text = re.sub(r"\*?\[[^\]]*\]", " ", text)
                text = re.sub(r"\{[^{}]*\}", " ", text)
                text = re.sub(r"\{\s*\$\w+\s*->|\$\w+|[{}]", " ", text)
                words.update(w.lower() for w in re.findall(r"[^\W\d_]+", text))
    return words


def english_only(ui):
    """Words of bitext's English messages that its `ui` messages never use, of three letters
    or more: one of them on a page in that language is an English message left there."""
    return {w for w in ftl_words("en") - ftl_words(ui) if len(w) >= 3}


def page_words(page, drop=()):
    """The words a reader of `page` meets in its interface language: its text and title and
    its labels, without the parts in another language (the source text, the autonyms) and
    without the strings in `drop` (article names)."""
    import re
    text = page.evaluate("""() => {
        const copy = document.documentElement.cloneNode(true);
        const ui = document.documentElement.lang;
        copy.querySelectorAll('[lang]').forEach(e => {
            if (e !== copy && e.getAttribute('lang') !== ui) e.remove();
        });
        copy.querySelectorAll('script, style').forEach(e => e.remove());
        const parts = [];
        const walk = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) parts.push(walk.currentNode.nodeValue);
        copy.querySelectorAll('[aria-label]').forEach(e => parts.push(e.getAttribute('aria-label')));
        return parts.join(' ');
    }""")
    for d in drop:
        text = text.replace(d, " ")
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def test_messages_in_ui_language(browser, ws, _shots):
    """Under a French or Spanish interface, the export refusal, the 404 pages and the
    conflict page hold no word of bitext's English messages; the refusal lists the
    unfinished segments, each a link to its segment in the workbench, and its way back
    leads where it says."""
    ws.edit_source("At least 14 countries", "At least 15 countries")
    assert ws.bitext("set", SLUG, "5", "-l", "fr", "--draft", "--text", "Brouillon.").returncode == 0
    assert ws.bitext("set", SLUG, "5", "-l", "es", "--draft", "--text", "Borrador.").returncode == 0
    ws.start()
    for ui, locale, back, dashboard in [("fr", "fr-FR", "Retour à l’atelier", "Retour au tableau de bord"),
                                        ("es", "es-ES", "Volver al taller", "Volver al panel")]:
        english = english_only(ui)
        # The check would see an English message: it knows words of them.
        assert {"pass", "incomplete", "the", "workbench", "there", "back"} <= english, ui
        page = open_page(browser, ws, "/", locale=locale)
        seen = {}

        def look(name, drop=(SLUG,)):
            assert page.locator("html").get_attribute("lang") == ui, name
            left = page_words(page, drop) & english
            assert not left, (ui, name, sorted(left))
            seen[name] = True

        # The refusal of an article's export: each unfinished segment, linked to it.
        answer = page.goto(f"{ws.base}/export?article={SLUG}&lang={ui}&bilingual=1&format=html")
        assert answer.status == 409
        look("article refusal")
        links = page.locator("ul.gaps a")
        expect(links).to_have_count(2)
        hrefs = [links.nth(i).get_attribute("href") for i in range(2)]
        assert hrefs == [f"/article/{SLUG}/{ui}?state=all&focus=5#seg-5",
                         f"/article/{SLUG}/{ui}?state=all&focus=7#seg-7"], hrefs
        expect(page.locator("ul.gaps li").nth(0).locator(".badge.draft")).to_be_visible()
        expect(page.locator("ul.gaps li").nth(1).locator(".badge.stale")).to_be_visible()
        assert "--" not in page.locator("main").inner_text()
        expect(page.get_by_role("link", name=back)).to_have_attribute("href", f"/article/{SLUG}/{ui}")
        links.nth(1).click()
        page.wait_for_url(f"**/article/{SLUG}/{ui}?state=all&focus=7#seg-7")
        expect(page.locator("#seg-7")).to_have_attribute("data-state", "stale")
        expect(page.locator("#seg-7")).to_be_in_viewport()
        page.go_back()
        page.get_by_role("link", name=back).click()
        page.wait_for_url(f"**/article/{SLUG}/{ui}")
        expect(page.locator(".seg")).to_have_count(19)

        # An edition's refusal names the article of each segment and leads back to the
        # dashboard.
        answer = page.goto(f"{ws.base}/export?edition=53-2&lang={ui}&bilingual=1&format=html")
        assert answer.status == 409
        look("edition refusal")
        expect(page.locator("ul.gaps a").first).to_contain_text(SLUG)
        expect(page.get_by_role("link", name=dashboard)).to_have_attribute("href", "/")

        # Pages that are not there: a path, an article, a language, a segment.
        for path in ["/nowhere", "/article/nowhere/" + ui, f"/article/{SLUG}/de"]:
            answer = page.goto(ws.base + path)
            assert answer.status == 404, path
            look(path, (SLUG, "nowhere"))

        # A conflict with a change made on disk.
        page.goto(f"{ws.base}/article/{SLUG}/{ui}")
        card = page.locator("#seg-9")
        card.get_by_role("textbox").fill(f"Texte {ui} à moi.")
        assert ws.bitext("set", SLUG, "9", "-l", ui, "--text", f"Texte {ui} du collègue.").returncode == 0
        card.locator("button[value=save]").click()
        expect(page.locator("#disk-text")).to_have_text(f"Texte {ui} du collègue.")
        look("conflict")
        assert len(seen) == 6, seen
        page.context.close()


AXE = os.path.join(ROOT, ".ci", "node_modules", "axe-core", "axe.min.js")

# The contrast ratio of two sRGB colours, as WCAG defines it; and of the focus indicators of
# a page: each focusable element's outline when focused, and the active segment's ring,
# against the background behind them (the first ancestor that paints one).
CONTRASTS = """(selectors) => {
    const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = (c) => {
        const [r, g, b] = rgb(c).slice(0, 3).map((v) => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
        const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
    };
    const behind = (el) => {
        for (let e = el.parentElement; e; e = e.parentElement) {
            const bg = getComputedStyle(e).backgroundColor;
            const parts = rgb(bg);
            if (parts.length === 3 || (parts.length === 4 && parts[3] > 0)) return bg;
        }
        return "rgb(255, 255, 255)";
    };
    const found = [];
    for (const el of document.querySelectorAll(selectors.focusable)) {
        if (!el.getClientRects().length) continue;
        el.focus();
        if (document.activeElement !== el) continue;
        const style = getComputedStyle(el);
        const width = parseFloat(style.outlineWidth);
        found.push({what: el.outerHTML.slice(0, 80), kind: "focus",
                    visible: style.outlineStyle !== "none" && width >= 2,
                    ratio: ratio(style.outlineColor, behind(el))});
        el.blur();
    }
    for (const el of document.querySelectorAll(selectors.ring)) {
        const shadow = getComputedStyle(el).boxShadow;
        const colour = (shadow.match(/rgba?\\([^)]*\\)/) || ["none"])[0];
        found.push({what: el.id, kind: "ring", visible: colour !== "none",
                    ratio: colour === "none" ? 0 : ratio(colour, behind(el))});
    }
    return found;
}"""


def check_page(page, name, axe_source):
    """axe-core finds no violation on `page`, and its focus indicators stand out at least
    3:1 from what is behind them."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => (await axe.run(document)).violations.map("
                           "v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))")
    assert result == [], (name, result)
    found = page.evaluate(CONTRASTS, {"focusable": "a[href], button, textarea, select, input:not([type=hidden])",
                                      "ring": ".seg.active"})
    assert [f for f in found if f["kind"] == "focus"], name
    for f in found:
        assert f["visible"] and f["ratio"] >= 3, (name, f)
    return found


def test_accessibility(browser, ws, _shots):
    """Every kind of page, in a wide and a narrow window: no axe-core violation, and focus
    indicators (the outline, the active segment's ring) of at least 3:1."""
    if not os.path.exists(AXE):
        assert not os.environ.get("BITEXT_REQUIRE_TOOLS"), f"{AXE} is missing (.ci/run installs it)"
        print("skipped test_accessibility: axe-core is not installed (.ci/run installs it)")
        return
    with open(AXE, encoding="utf-8") as f:
        axe_source = f.read()
    ws.edit_source("At least 14 countries", "At least 15 countries")
    ws.start()
    rings = 0
    for width in [1280, 400]:
        context = {"viewport": {"width": width, "height": 900}, "bypass_csp": True}
        pages = [("dashboard", "/"), ("workbench", f"/article/{SLUG}/fr?state=all&focus=7#seg-7"),
                 ("unfinished", f"/article/{SLUG}/es?state=unfinished"),
                 ("refusal", f"/export?article={SLUG}&lang=fr&bilingual=1&format=html"),
                 ("error", "/nowhere")]
        for name, path in pages:
            page = open_page(browser, ws, path, **context)
            page.wait_for_load_state("load")
            found = check_page(page, f"{name} at {width}", axe_source)
            rings += sum(1 for f in found if f["kind"] == "ring")
            page.context.close()
        # A conflict with a change made on disk.
        page = open_page(browser, ws, f"/article/{SLUG}/fr", **context)
        card = page.locator("#seg-9")
        card.get_by_role("textbox").fill("Mon texte.")
        assert ws.bitext("set", SLUG, "9", "-l", "fr", "--text", f"Texte à {width} px.").returncode == 0
        card.locator("button[value=save]").click()
        expect(page.locator("#disk-text")).to_be_visible()
        check_page(page, f"conflict at {width}", axe_source)
        page.context.close()
    # The workbench opened on a segment shows its ring, once per width.
    assert rings == 2, rings


def test_dashboard_titles(browser, ws, _shots):
    """The dashboard names each article by its title (its first heading), with its id under
    it; the title leads to its workbench in the reader's language (else the first target),
    and each language's cell to that language's workbench."""
    ws.write("sources/untitled.md", "Only a paragraph, no heading.\n")
    ws.start()
    titles = {}
    for name in sorted(os.listdir(os.path.join(ws.dir, "sources"))):
        with open(os.path.join(ws.dir, "sources", name), encoding="utf-8") as f:
            heading = next((l[2:].strip() for l in f if l.startswith("# ")), None)
        titles[name[:-3]] = heading
    assert titles[SLUG] and titles["untitled"] is None, titles
    for ui, locale, default, names in [("en", "en-GB", "fr", ["French", "Spanish"]),
                                       ("fr", "fr-FR", "fr", ["français", "espagnol"]),
                                       ("es", "es-ES", "es", ["francés", "español"])]:
        page = open_page(browser, ws, "/", locale=locale)
        for slug, heading in titles.items():
            row = page.locator(f"tr[data-article='{slug}']")
            head = row.locator("th")
            link = head.get_by_role("link")
            expect(link).to_have_text(heading or slug)
            expect(link).to_have_attribute("href", f"/article/{slug}/{default}")
            if heading:
                expect(head.locator(".id")).to_have_text(slug)
            else:
                expect(head.locator(".id")).to_have_count(0)
            for lang, name in zip(["fr", "es"], names):
                cell = row.get_by_role("link", name=f"{heading or slug} · {name}")
                expect(cell).to_have_attribute("href", f"/article/{slug}/{lang}")
        page.locator(f"tr[data-article='{SLUG}'] th a").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(titles[SLUG])
        assert page.url.endswith(f"/article/{SLUG}/{default}"), page.url
        page.context.close()


def test_focus_after_save(browser, ws, _shots):
    """Ctrl+Enter saves and puts the caret in the next unfinished segment's text box: typing
    lands there, and Alt+Down goes on from there to the following segment."""
    ws.edit_source("At least 14 countries", "At least 15 countries")
    ws.edit_source("Canada was quick to recognize", "Canada was quick to recognise")
    ws.edit_source("The government of Canada clearly", "The government of Canada plainly")
    ws.start()
    page = open_page(browser, ws, f"/article/{SLUG}/fr")
    page.wait_for_load_state("load")
    area = page.locator("#t-7")
    area.fill(area.input_value().replace("14", "15"))
    area.focus()
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status")).to_contain_text("Segment 7 saved.")
    page.wait_for_load_state("load")
    expect(page.locator("#t-8")).to_be_focused()
    page.keyboard.type("XYZ")
    assert "XYZ" in page.locator("#t-8").input_value()
    assert "XYZ" not in page.locator("#t-7").input_value()
    page.keyboard.press("Alt+ArrowDown")
    expect(page.locator("#t-9")).to_be_focused()
    page.keyboard.press("Alt+ArrowUp")
    expect(page.locator("#t-8")).to_be_focused()
    assert ws.units()[6]["source"].startswith("At least 15 countries")


def test_unsaved_text(browser, ws, _shots):
    """Accept with a typed text asks what to do with it; leaving the page with unsaved text
    warns, and a save does not."""
    ws.edit_source("At least 14 countries", "At least 15 countries")
    ws.edit_source("Canada was quick to recognize", "Canada was quick to recognise")
    ws.start()
    page = open_page(browser, ws, f"/article/{SLUG}/fr")
    page.wait_for_load_state("load")
    old7, old8 = ws.units()[6], ws.units()[7]
    choice = page.get_by_role("dialog", name="Your text is not saved")
    expect(choice).to_be_hidden()

    # Accept with a typed text: the page asks; going back keeps the text and writes nothing.
    area = page.locator("#t-7")
    area.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Au moins 15 pays, retraduit.")
    page.locator("#seg-7").get_by_role("button", name="Accept").click()
    expect(choice).to_be_visible()
    choice.get_by_role("button", name="Go back to my text").click()
    expect(choice).to_be_hidden()
    expect(area).to_have_value("Au moins 15 pays, retraduit.")
    expect(area).to_be_focused()
    assert ws.units()[6] == old7

    # Leaving with that text unsaved warns (the warning is dismissed: the page stays).
    with page.expect_event("dialog") as warned:
        page.get_by_role("navigation", name="Show").get_by_role("link", name="unfinished").click()
    assert warned.value.type == "beforeunload"
    expect(area).to_have_value("Au moins 15 pays, retraduit.")
    assert "state=unfinished" not in page.url

    # Accept again, and save the typed text instead.
    page.locator("#seg-7").get_by_role("button", name="Accept").click()
    choice.get_by_role("button", name="Save my text").click()
    expect(page.get_by_role("status")).to_contain_text("Segment 7 saved.")
    assert ws.units()[6]["target"] == "Au moins 15 pays, retraduit."
    assert ws.units()[6]["source"].startswith("At least 15 countries")

    # Typed text, then Accept the translation on record: the typed text is not written.
    page.wait_for_load_state("load")
    area = page.locator("#t-8")
    area.click()
    page.keyboard.type("Texte tapé. ")
    page.locator("#seg-8").get_by_role("button", name="Accept").click()
    choice.get_by_role("button", name="Accept the translation on record").click()
    expect(page.get_by_role("status")).to_contain_text("Segment 8 accepted.")
    assert ws.units()[7]["target"] == old8["target"]
    assert "recognise" in ws.units()[7]["source"]

    # A save sends the typed text: no warning, and none when leaving after it.
    page.wait_for_load_state("load")
    area = page.locator("#t-13")
    area.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Pour information")
    page.locator("#seg-13").get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Segment 13 saved.")
    page.get_by_role("navigation", name="Show").get_by_role("link", name="unfinished").click()
    expect(page.locator(".seg")).to_have_count(0)
    assert page.dialog_kinds == ["beforeunload"], page.dialog_kinds
    assert ws.units()[12]["target"] == "Pour information"


def test_new_paragraph_like_an_old_one(browser, ws, _shots):
    """A new paragraph like one still in the article shows as new, names that paragraph,
    offers its translation as a suggestion only, and has no Accept."""
    # Segment 8 is copied above itself and edited there: the copy is the new segment 8, the
    # paragraph itself is now segment 9, unchanged.
    old = ("In all of this, Canada was quick to recognize Dina Boluarte as the new president "
           "of Peru, and\nsent its ambassador in Lima")
    new = ("In all of this, the United States was quick to recognize Dina Boluarte as the new "
           "president of Peru, and\nsent its envoy in Lima")
    path = os.path.join(ws.dir, "sources", SLUG + ".md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.index(old)
    end = text.index("\n\n", start)
    copy = text[start:end].replace(old, new)
    ws.write(os.path.join("sources", SLUG + ".md"), text[:start] + copy + "\n\n" + text[start:])
    before = ws.units()[7]
    ws.start()
    french = open_page(browser, ws, f"/article/{SLUG}/fr", locale="fr-FR")
    expect(french.locator("#seg-8 .badge")).to_have_text("nouveau ici")
    expect(french.locator("#seg-8")).to_contain_text("Le paragraphe existant le plus proche est le segment 9")
    page = open_page(browser, ws, f"/article/{SLUG}/fr")
    page.wait_for_load_state("load")
    card = page.locator("#seg-8")
    expect(card.locator(".badge")).to_have_text("new here")
    expect(card).not_to_contain_text("Changed since it was translated")
    expect(card).to_contain_text("The closest earlier paragraph is segment 9")
    expect(card.get_by_role("link", name="Go to segment 9")).to_be_visible()
    expect(card.locator(".diff ins")).to_contain_text(["United States", "envoy"])
    area = card.get_by_role("textbox")
    expect(area).to_have_value("")
    expect(card.get_by_role("button", name="Accept", exact=True)).to_have_count(0)
    expect(card.get_by_role("button", name="Mark reviewed", exact=True)).to_have_count(0)
    # Segment 9, the paragraph itself, is untouched and current.
    expect(page.locator("#seg-9 .badge").first).to_have_text("current")
    suggestion = card.locator("button.suggest").first
    expect(suggestion).to_contain_text(before["target"])
    expect(suggestion).to_contain_text("translation of segment 9")
    suggestion.click()
    expect(area).to_have_value(before["target"])
    area.fill(before["target"].replace("le Canada", "les États-Unis"))
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status")).to_contain_text("Segment 8 saved.")
    units = ws.units()
    assert units[7]["target"].startswith("Dans tout cela, les États-Unis"), units[7]
    assert units[7]["source"].startswith("In all of this, the United States"), units[7]
    assert units[8] == before, units[8]


def test_unfinished_keys_and_growing_boxes(browser, ws, _shots):
    """Alt+Shift+Down/Up go to the next and previous unfinished segment, wrapping around; a
    text box is as high as its text and grows as one types."""
    ws.edit_source("At least 14 countries", "At least 15 countries")
    ws.edit_source("The government of Canada clearly", "The government of Canada plainly")
    ws.start()
    page = open_page(browser, ws, f"/article/{SLUG}/fr", viewport={"width": 1000, "height": 700})
    page.wait_for_load_state("load")
    expect(page.get_by_role("complementary", name="Keyboard shortcuts")).to_contain_text(
        "next unfinished segment on this page")
    page.locator("#t-1").focus()
    page.keyboard.press("Alt+Shift+ArrowDown")
    expect(page.locator("#t-7")).to_be_focused()
    page.keyboard.press("Alt+Shift+ArrowDown")
    expect(page.locator("#t-9")).to_be_focused()
    page.keyboard.press("Alt+Shift+ArrowDown")
    expect(page.locator("#t-7")).to_be_focused()
    page.keyboard.press("Alt+Shift+ArrowUp")
    expect(page.locator("#t-9")).to_be_focused()
    page.keyboard.press("Alt+Shift+ArrowUp")
    expect(page.locator("#t-7")).to_be_focused()
    # Alt+Down still goes to the very next segment, finished or not.
    page.keyboard.press("Alt+ArrowDown")
    expect(page.locator("#t-8")).to_be_focused()

    # Every box shows its whole text: the longest paragraph's too (more than four rows).
    hidden = page.evaluate("""() => Array.from(document.querySelectorAll('.seg textarea'))
        .filter(a => a.scrollHeight > a.clientHeight + 1).map(a => a.id)""")
    assert hidden == [], hidden
    long = page.locator("#t-16")
    line = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('#t-16')).lineHeight)"))
    assert long.bounding_box()["height"] > 6 * line, (long.bounding_box(), line)
    # Typing a long text into a short box makes it grow with it.
    short = page.locator("#t-13")
    before = short.bounding_box()["height"]
    short.click()
    page.keyboard.type("Pour votre information, un texte bien plus long. " * 8)
    after = short.bounding_box()["height"]
    assert after > before + 2 * line, (before, after)
    assert page.evaluate("(a => a.scrollHeight <= a.clientHeight + 1)(document.querySelector('#t-13'))")


TESTS = [test_main_flow, test_conflict, test_french_interface, test_narrow_layout, test_xss,
         test_suggestion, test_site_pages, test_messages_in_ui_language,
         test_accessibility, test_dashboard_titles, test_focus_after_save,
         test_unsaved_text, test_new_paragraph_like_an_old_one,
         test_unfinished_keys_and_growing_boxes]


def all_tests():
    """The tests of this file, then those of every `workbench_*.py` beside it (each names its
    own in a TESTS list, and imports Workspace and open_page from here)."""
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    tests = list(TESTS)
    for name in sorted(os.listdir(here)):
        if name.startswith("workbench_") and name.endswith(".py"):
            tests.extend(importlib.import_module(name[:-3]).TESTS)
    return tests


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(args.pop(0))
    shots = None
    if args[:1] == ["--screenshots"]:
        shots = os.path.abspath(args[1])
        os.makedirs(shots, exist_ok=True)
        args = args[2:]
    selected = [t for t in all_tests() if not args or t.__name__ in args]
    failed = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu"])
        for test in selected:
            ws = Workspace(binary)
            try:
                test(browser, ws, shots)
                print(f"ok {test.__name__}")
            except Exception:  # noqa: BLE001 - every failure is reported, then counted
                failed += 1
                print(f"FAILED {test.__name__}", file=sys.stderr)
                traceback.print_exc()
            finally:
                try:
                    ws.stop()
                except Exception:  # noqa: BLE001
                    failed += 1
                    traceback.print_exc()
        browser.close()
    print(f"{len(selected) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
