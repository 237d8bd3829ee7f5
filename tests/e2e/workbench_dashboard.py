"""The dashboard of a workspace of many articles in the browser: a hundred at a time, all or
the unfinished ones, in the reader's language, with no axe-core violation. Run by serve.py."""

import os

from playwright.sync_api import expect

from serve import AXE, Workspace, check_page, open_page  # noqa: F401 - Workspace for readers

ARTICLES = 130


def many_articles(ws):
    """ARTICLES more articles beside the sample's (which is translated), the even ones
    translated in French and Spanish, the odd ones in neither."""
    for i in range(ARTICLES):
        ws.write(f"sources/note-{i:03}.md", f"# Note {i}\n\nThe harbour opened at {i} o'clock.\n")
    for i in range(0, ARTICLES, 2):
        for lang, text in [("fr", f"Le port a ouvert à {i} heures."),
                           ("es", f"El puerto abrió a las {i}.")]:
            for n, t in [(1, f"Note {i}"), (2, text)]:
                done = ws.bitext("set", f"note-{i:03}", str(n), "-l", lang, "--text", t)
                assert done.returncode == 0, done.stderr


def test_dashboard_pages_and_unfinished_view(browser, ws, _shots):
    """From the first page of 132 articles to the second, then the unfinished view, by links
    a keyboard reaches; each page passes axe-core at 1280 and 400 px."""
    many_articles(ws)
    ws.start()
    total = ARTICLES + 2
    axe_source = None
    if os.path.exists(AXE):
        with open(AXE, encoding="utf-8") as f:
            axe_source = f.read()
    else:
        assert not os.environ.get("BITEXT_REQUIRE_TOOLS"), f"{AXE} is missing"
    for width in [1280, 400]:
        page = open_page(browser, ws, "/", viewport={"width": width, "height": 900},
                         bypass_csp=True)
        rows = page.locator("table.articles tbody tr")
        expect(rows).to_have_count(100)
        expect(page.locator("section[aria-labelledby=h-articles] nav.pages").first).to_contain_text(
            f"Articles 1 to 100 of {total}, page 1 of 2")
        if axe_source:
            check_page(page, f"dashboard page 1 at {width}", axe_source)
        page.get_by_role("link", name="Next page").first.click()
        expect(rows).to_have_count(total - 100)
        expect(page.get_by_role("link", name="Page 2").first).to_have_attribute("aria-current", "page")
        # The second page starts where the first ended, in name order.
        first = rows.first.get_attribute("data-article")
        assert first > "note-", first
        page.get_by_role("link", name="Unfinished articles").click()
        # The odd notes only, on one page.
        expect(page.get_by_role("link", name="Unfinished articles")).to_have_attribute(
            "aria-current", "page")
        expect(rows).to_have_count(ARTICLES // 2)
        listed = rows.evaluate_all("rs => rs.map(r => r.dataset.article)")
        assert listed == [f"note-{i:03}" for i in range(1, ARTICLES, 2)], listed
        expect(page.locator("section[aria-labelledby=h-articles] nav.pages")).to_have_count(0)
        if axe_source:
            check_page(page, f"unfinished view at {width}", axe_source)
        page.context.close()


def test_dashboard_pages_in_french(browser, ws, _shots):
    """The page navigation and the views speak the reader's language."""
    many_articles(ws)
    ws.start()
    page = open_page(browser, ws, "/?ui=fr")
    nav = page.locator("section[aria-labelledby=h-articles] nav.pages").first
    expect(nav).to_contain_text(f"Articles 1 à 100 sur {ARTICLES + 2}, page 1 sur 2")
    page.get_by_role("link", name="Page suivante").first.click()
    expect(page.get_by_role("link", name="Articles inachevés")).to_be_visible()
    expect(page.locator("table.articles tbody tr")).to_have_count(ARTICLES + 2 - 100)




def test_counts_agree_with_their_word(browser, ws, _shots):
    """One stale paragraph, then three: the French and Spanish dashboards and workbenches say
    “1 périmé”, “3 périmés”, “1 desactualizado”, “3 desactualizados”, never a singular word
    after a plural count."""
    from serve import SLUG
    ws.edit_source("At least 14 countries", "At least 15 countries")
    ws.start()
    checks = {"fr": ("périmé", "périmés"), "es": ("desactualizado", "desactualizados")}
    for ui, (one, many) in checks.items():
        page = open_page(browser, ws, f"/?ui={ui}")
        row = page.locator(f"table.articles tr[data-article='{SLUG}']")
        expect(row.locator(".c-stale").first).to_have_text(f"1 {one}")
        page.context.close()
    ws.edit_source("Canada was quick to recognize", "Canada was quick to recognise")
    ws.edit_source("over 60 deaths", "over 70 deaths")
    for ui, (one, many) in checks.items():
        page = open_page(browser, ws, f"/?ui={ui}")
        row = page.locator(f"table.articles tr[data-article='{SLUG}']")
        expect(row.locator(".c-stale").first).to_have_text(f"3 {many}")
        page.goto(ws.base + f"/article/{SLUG}/{ui}")
        expect(page.locator("p.summary .c-stale")).to_have_text(f"3 {many}")
        page.context.close()


TESTS = [test_dashboard_pages_and_unfinished_view, test_dashboard_pages_in_french,
         test_counts_agree_with_their_word]
