"""Browser tests of the workbench's search across the workspace and of a segment's history
with its restore. Run by serve.py with the others:

    python3 tests/e2e/serve.py target/debug/bitext test_the_search test_history_and_restore
"""

import json
import os
import subprocess

from playwright.sync_api import expect

from serve import AXE, SLUG, check_page, english_only, open_page, page_words

SECOND = "quay-market"
MARKET = """# The quay market

The market opens on the quay every Saturday morning.

Stalls sell cheese, bread and vegetables from the valley.
"""
MARKET_FR = ["Le marché du quai",
             "Le marché ouvre sur le quai chaque samedi matin.",
             "Les étals vendent du fromage, du pain et des légumes de la vallée."]


def axe_source():
    """axe-core's script, or None when it is not installed (as serve.py's own check)."""
    if not os.path.exists(AXE):
        assert not os.environ.get("BITEXT_REQUIRE_TOOLS"), f"{AXE} is missing (.ci/run installs it)"
        print("axe-core is not installed (.ci/run installs it): accessibility not checked")
        return None
    with open(AXE, encoding="utf-8") as f:
        return f.read()


def no_english(page, name, ui, drop):
    assert page.locator("html").get_attribute("lang") == ui, name
    left = page_words(page, drop) & english_only(ui)
    assert not left, (ui, name, sorted(left))


def test_the_search(browser, ws, _shots):
    """From the dashboard, a phrase of the second article is found and its link focuses the
    right box; an id and a position find their segment; the state filter narrows; the page
    passes axe-core and speaks only French in French."""
    ws.write(f"sources/{SECOND}.md", MARKET)
    for n, text in enumerate(MARKET_FR, 1):
        assert ws.bitext("set", SECOND, str(n), "-l", "fr", "--text", text).returncode == 0
    ws.edit_source("At least 14 countries", "At least 15 countries")
    ws.start()
    page = open_page(browser, ws, "/")
    page.get_by_label("Text, segment id or position").fill("CHEESE, BREAD")
    page.get_by_label("Language", exact=True).select_option("fr")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("status")).to_have_text("One segment found.")
    found = page.locator("section.found")
    expect(found).to_have_count(1)
    expect(found.get_by_role("heading")).to_contain_text("The quay market")
    expect(found.locator("mark")).to_have_text("cheese, bread")
    found.get_by_role("link", name="Segment 3").click()
    page.wait_for_url(f"**/article/{SECOND}/fr?state=all&focus=3#t-3")
    expect(page.locator("#t-3")).to_be_focused()
    expect(page.locator("#t-3")).to_have_value(MARKET_FR[2])

    # Accents and case: `vallee` finds the translation's "vallée", marked as written.
    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Text, segment id or position").fill("VALLEE")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("li.hit mark")).to_have_text("vallée")

    # By id: the sample's seventh segment.
    status = json.loads(ws.bitext("status", SLUG, "-l", "fr", "--segments",
                                  "--format", "json").stdout)
    seg_id = status["articles"][0]["languages"][0]["segments"][6]["id"]
    page.get_by_label("Text, segment id or position").fill(seg_id)
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("li.hit")).to_have_count(1)
    expect(page.locator("li.hit a")).to_have_attribute(
        "href", f"/article/{SLUG}/fr?state=all&focus=7#t-7")

    # By position, in one article and in each.
    page.get_by_label("Text, segment id or position").fill(f"{SECOND}#2")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("li.hit")).to_have_count(1)
    expect(page.locator("li.hit a")).to_have_attribute(
        "href", f"/article/{SECOND}/fr?state=all&focus=2#t-2")
    page.get_by_label("Text, segment id or position").fill("#2")
    page.get_by_role("button", name="Search", exact=True).click()
    articles = len(os.listdir(os.path.join(ws.dir, "sources")))
    expect(page.locator("section.found")).to_have_count(articles)
    for slug in [SLUG, SECOND]:
        expect(page.locator(f"li.hit a[href='/article/{slug}/fr?state=all&focus=2#t-2']")).to_have_count(1)

    # The state filter: the one stale segment of the workspace.
    page.get_by_label("Text, segment id or position").fill("")
    page.get_by_label("State", exact=True).select_option("stale")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("li.hit")).to_have_count(1)
    expect(page.locator("li.hit .badge.stale")).to_be_visible()
    expect(page.locator("li.hit a")).to_have_attribute(
        "href", f"/article/{SLUG}/fr?state=all&focus=7#t-7")

    # The workbench's own search takes a position.
    page.goto(f"{ws.base}/article/{SLUG}/fr")
    page.get_by_label("Text in the source or the translation").fill("#7")
    page.get_by_label("Text in the source or the translation").press("Enter")
    expect(page.locator(".seg")).to_have_count(1)
    expect(page.locator("#seg-7")).to_be_visible()
    page.context.close()

    for ui, locale in [("fr", "fr-FR"), ("es", "es-ES")]:
        page = open_page(browser, ws, f"/search?q=march%C3%A9&lang=fr", locale=locale)
        expect(page.locator("li.hit")).to_have_count(2)
        no_english(page, "search", ui, (SLUG, SECOND))
        page.context.close()

    axe = axe_source()
    if axe:
        for width in [1280, 400]:
            context = {"viewport": {"width": width, "height": 900}, "bypass_csp": True}
            for query in ["", "?q=quay&lang=fr&state=all"]:
                page = open_page(browser, ws, f"/search{query}", **context)
                page.wait_for_load_state("load")
                check_page(page, f"search{query} at {width}", axe)
                width_now = page.evaluate("document.documentElement.scrollWidth")
                assert width_now <= width, (query, width, width_now)
                page.context.close()


def git(ws, *args, author="Desk"):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null",
               GIT_AUTHOR_NAME=author, GIT_AUTHOR_EMAIL="desk@example.org",
               GIT_COMMITTER_NAME=author, GIT_COMMITTER_EMAIL="desk@example.org")
    subprocess.run(["git", *args], cwd=ws.dir, env=env, check=True, capture_output=True)


def test_history_and_restore(browser, ws, _shots):
    """In a git checkout, a segment's history lists both authors' translations with the
    source each was made from; restoring the older one puts it back in the box and in the
    file. The page passes axe-core and speaks only French in French."""
    git(ws, "init", "-q", "-b", "main")
    first = ws.units()[6]["target"]
    git(ws, "add", "-A")
    git(ws, "commit", "-q", "-m", "The sample", author="Alice Martin")
    ws.edit_source("At least 14 countries", "At least 15 countries")
    second = first.replace("14", "15")
    assert second != first
    assert ws.bitext("set", SLUG, "7", "-l", "fr", "--text", second).returncode == 0
    git(ws, "add", "-A")
    git(ws, "commit", "-q", "-m", "Fifteen", author="Bob Durand")
    ws.start()
    page = open_page(browser, ws, f"/article/{SLUG}/fr")
    page.get_by_role("link", name="History of segment 7").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of segment 7")
    versions = page.locator("li.version")
    expect(versions).to_have_count(2)
    expect(versions.nth(0).get_by_role("heading")).to_contain_text("Bob Durand")
    expect(versions.nth(0).get_by_role("heading")).to_contain_text("on disk now")
    expect(versions.nth(0).locator("p.target")).to_have_text(second)
    expect(versions.nth(0).get_by_role("button")).to_have_count(0)
    expect(versions.nth(1).get_by_role("heading")).to_contain_text("Alice Martin")
    expect(versions.nth(1).locator("p.target")).to_have_text(first)
    expect(versions.nth(1).locator("p.source")).to_contain_text("At least 14 countries")

    versions.nth(1).get_by_role("button", name="Restore this translation").click()
    expect(page.get_by_role("status")).to_have_text("Segment 7: an earlier translation restored.")
    expect(page.locator("#t-7")).to_have_value(first)
    expect(page.locator("#seg-7")).to_have_attribute("data-state", "stale")
    unit = ws.units()[6]
    assert unit["target"] == first, unit
    assert "At least 14 countries" in unit["source"], unit
    page.context.close()

    path = f"/article/{SLUG}/fr/7/history"
    for ui, locale in [("fr", "fr-FR"), ("es", "es-ES")]:
        page = open_page(browser, ws, path, locale=locale)
        expect(page.locator("li.version")).to_have_count(3)
        commits = [page.locator("li.version").nth(i).get_attribute("data-commit")[:8]
                   for i in (1, 2)]
        no_english(page, "history", ui, (SLUG, "Alice Martin", "Bob Durand", *commits))
        page.context.close()

    axe = axe_source()
    if axe:
        for width in [1280, 400]:
            context = {"viewport": {"width": width, "height": 900}, "bypass_csp": True}
            page = open_page(browser, ws, path, **context)
            page.wait_for_load_state("load")
            check_page(page, f"history at {width}", axe)
            width_now = page.evaluate("document.documentElement.scrollWidth")
            assert width_now <= width, (width, width_now)
            page.context.close()


TESTS = [test_the_search, test_history_and_restore]
