"""Editions for the region in the workbench: an `es-419` edition whose `es` text lacks a term
of `glossary/es-419.tsv` is refused, with the finding linked to the segment it comes from."""

import os

from playwright.sync_api import expect

from serve import AXE, SLUG, check_page, english_only, open_page, page_words


def test_region_glossary_refusal(browser, ws, _shots):
    """The es-419 edition is refused for the es-419 term its es text lacks, the finding
    linked to that segment of the es translation; the es edition downloads; the refusal
    is in the reader's language and passes axe-core."""
    ws.write("glossary/es-419.tsv", "legislators\tcongresistas\n")
    ws.start()
    for ui, locale in [("en", "en-US"), ("fr", "fr-FR"), ("es", "es-ES")]:
        page = open_page(browser, ws, "/", locale=locale, bypass_csp=True)
        assert page.request.get(f"{ws.base}/export?edition=53-2&lang=es&format=html").status == 200
        answer = page.goto(f"{ws.base}/export?edition=53-2&lang=es-419&format=html")
        assert answer.status == 409
        assert page.locator("html").get_attribute("lang") == ui
        expect(page.locator("ul.gaps")).to_have_count(0)
        items = page.locator("ul.terms li")
        expect(items).to_have_count(1)
        expect(items.first).to_contain_text("congresistas")
        expect(page.get_by_role("alert")).to_contain_text("es-419")
        link = items.first.get_by_role("link")
        expect(link).to_contain_text(SLUG)
        expect(link).to_have_attribute("href", f"/article/{SLUG}/es?state=all&focus=17#seg-17")
        if ui != "en":
            left = page_words(page, (SLUG,)) & english_only(ui)
            assert not left, (ui, sorted(left))
        if os.path.exists(AXE):
            with open(AXE, encoding="utf-8") as f:
                check_page(page, f"glossary refusal in {ui}", f.read())
        else:
            assert not os.environ.get("BITEXT_REQUIRE_TOOLS"), f"{AXE} is missing"
        link.click()
        page.wait_for_url(f"**/article/{SLUG}/es?state=all&focus=17#seg-17")
        expect(page.locator("#seg-17")).to_be_in_viewport()
        page.context.close()


TESTS = [test_region_glossary_refusal]
