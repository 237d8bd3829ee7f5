"""Help while translating, in a real browser: glossary marks with their translation, memory
matches with their source's diff, checks while typing, the length indicator, the copy-source
and insert-suggestion keys, and the concordance search of the memory.

Run with serve.py: `python3 tests/e2e/serve.py target/debug/bitext test_assist_checks_while_typing`.
"""

import os
import time

from playwright.sync_api import expect

from serve import AXE, SLUG, check_page, english_only, open_page, page_words

GLOSSARY = "rule of law\tÉtat de droit\n!\tprimauté du droit\tÉtat de droit\n"
HARBOUR = ("# The harbour\n\n"
           "The council counted 70 boats under the rule of law.\n\n"
           "The council met on Tuesday to discuss the budget for the coming year.\n")


def prepare(ws):
    """The sample, a French glossary, a short article with a number and a glossary term, and
    a translated paragraph close to one of its own, for the memory."""
    ws.write("glossary/fr.tsv", GLOSSARY)
    ws.write("glossary/es.tsv", "rule of law\tEstado de derecho\n")
    ws.write("sources/harbour.md", HARBOUR)
    ws.write("sources/quay.md",
             "The council met on Monday to discuss the budget for the coming year.\n")
    done = ws.bitext("set", "quay", "1", "-l", "fr", "--text",
                     "Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.")
    assert done.returncode == 0, done.stderr
    ws.start()


def test_assist_glossary_marks(browser, ws, _shots):
    """Each glossary term of a source is marked with the translation it requires (and the one
    to avoid), as visible text; a typed text that lacks it, or uses the avoided one, is
    flagged before any save, and the flag goes when the text is right."""
    prepare(ws)
    page = open_page(browser, ws, f"/article/{SLUG}/fr?state=all")
    card = page.locator("#seg-16")
    mark = card.locator(".src mark.term")
    expect(mark).to_have_text("rule of law")
    expect(mark).to_be_visible()
    gloss = card.locator(".src .gloss")
    expect(gloss).to_be_visible()
    expect(gloss).to_contain_text("État de droit")
    expect(gloss.locator(".avoid")).to_contain_text("primauté du droit")
    # The sample's translation has the term: not flagged.
    expect(mark).not_to_have_class("term unmet")
    area = card.get_by_role("textbox")
    area.fill("Il voulait rétablir la primauté du droit et la démocratie.")
    findings = card.locator(".checks")
    expect(findings).to_contain_text("the translation lacks the glossary's “État de droit”", timeout=2000)
    expect(findings).to_contain_text("which the glossary says to avoid")
    expect(mark).to_have_class("term unmet")
    area.fill("Il voulait rétablir l’État de droit et la démocratie.")
    expect(findings).not_to_contain_text("glossary", timeout=2000)
    expect(mark).to_have_class("term")
    # Nothing was saved.
    assert "primauté" not in ws.units()[15]["target"]


def test_assist_checks_while_typing(browser, ws, _shots):
    """Typing 60 where the source says 70 shows the numbers finding within a second, in a
    polite live region, and it clears when the number is fixed; the length indicator follows
    the text."""
    prepare(ws)
    page = open_page(browser, ws, "/article/harbour/fr")
    card = page.locator("#seg-2")
    area = card.get_by_role("textbox")
    region = card.locator(".checks")
    expect(region).to_have_attribute("aria-live", "polite")
    typed = card.locator(".length .typed")
    expect(typed).to_have_text("0")
    page.wait_for_load_state("load")
    area.click()
    page.keyboard.type("Le conseil a compté 60 bateaux dans l’État de droit.")
    expect(typed).to_have_text(str(len("Le conseil a compté 60 bateaux dans l’État de droit.")))
    start = time.monotonic()
    expect(region).to_contain_text("the number 70 of the source is not in the translation",
                                   timeout=1000)
    assert time.monotonic() - start < 1.0
    expect(region.locator("li.error code")).to_have_text("numbers")
    # Fixed: the finding goes, and the region says the text is clean.
    page.keyboard.press("Control+a")
    page.keyboard.type("Le conseil a compté 70 bateaux dans l’État de droit.")
    expect(region).not_to_contain_text("the number 70", timeout=1000)
    expect(region.locator(".clean")).to_have_text("No problem found in this text.")
    # Shorter text, shorter length; nothing was saved.
    page.keyboard.press("Backspace")
    expect(typed).to_have_text(str(len("Le conseil a compté 70 bateaux dans l’État de droit")))
    assert not os.path.exists(os.path.join(ws.dir, "translations", "fr", "harbour.json"))


def test_assist_length_bounds(browser, ws, _shots):
    """A paragraph long enough for the length check shows its bounds; a text under them is
    marked too short as it is typed."""
    prepare(ws)
    page = open_page(browser, ws, f"/article/{SLUG}/fr?state=all")
    card = page.locator("#seg-6")
    length = card.locator(".length")
    expect(length.locator(".bounds")).to_contain_text("expected")
    expect(length.locator(".verdict")).to_have_text("")
    card.get_by_role("textbox").fill("Trop court.")
    expect(length.locator(".verdict")).to_have_text("too short")
    expect(length.locator(".typed")).to_have_text("11")


def test_assist_shortcuts_and_inline_diff(browser, ws, _shots):
    """The memory's match shows its source with what differs from this segment's inline
    (deleted and inserted words); Ctrl+Shift+S copies the source into the box and
    Ctrl+Shift+1 inserts the first suggestion; both keys are on the page's list."""
    prepare(ws)
    page = open_page(browser, ws, "/article/harbour/fr")
    keys = page.get_by_role("complementary", name="Keyboard shortcuts")
    expect(keys).to_contain_text("copy the source into the text box")
    expect(keys).to_contain_text("insert the first, second or third memory suggestion")
    card = page.locator("#seg-3")
    match = card.locator(".tm-match").first
    expect(match.locator(".match-source")).to_be_visible()
    expect(match.locator("del")).to_contain_text("Monday")
    expect(match.locator("ins")).to_contain_text("Tuesday")
    expect(match.locator("del")).to_be_visible()
    expect(match.locator(".score")).to_contain_text("%")
    page.wait_for_load_state("load")
    area = card.get_by_role("textbox")
    area.click()
    page.keyboard.press("Control+Shift+S")
    expect(area).to_have_value("The council met on Tuesday to discuss the budget for the coming year.")
    expect(area).to_be_focused()
    page.keyboard.press("Control+Shift+1")
    expect(area).to_have_value("Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.")
    # What was inserted is checked like a typed text.
    expect(card.locator(".checks .clean")).to_be_visible(timeout=2000)
    # Keys elsewhere do nothing to the box.
    page.locator("#seg-2").get_by_role("textbox").click()
    page.keyboard.press("Control+Shift+1")
    expect(page.locator("#seg-2").get_by_role("textbox")).to_have_value("")
    assert page.dialogs == []


def test_assist_concordance(browser, ws, _shots):
    """From the workbench, the memory's concordance finds a phrase in the sources or the
    translations, with both texts and a link to where each comes from."""
    prepare(ws)
    page = open_page(browser, ws, f"/article/{SLUG}/fr")
    page.get_by_role("link", name="Search the translation memory").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Translation memory (French)")
    page.get_by_label("Words in the source or the translation").fill("Lima Group")
    page.get_by_role("button", name="Search").click()
    results = page.locator("ol.concordance > li")
    expect(results).to_have_count(1)
    expect(page.get_by_role("status")).to_have_text("One entry holds “Lima Group”.")
    first = results.first
    expect(first.locator("[lang=en] mark").first).to_have_text("Lima Group")
    expect(first.locator("[lang=fr]")).to_contain_text("Groupe de Lima")
    # Words of the translation find it too.
    page.get_by_label("Words in the source or the translation").fill("groupe de lima")
    page.get_by_role("button", name="Search").click()
    expect(results).to_have_count(1)
    expect(results.first.locator("[lang=fr] mark", has_text="Groupe de Lima").first).to_be_visible()
    link = results.first.get_by_role("link")
    href = link.get_attribute("href")
    assert href.startswith(f"/article/{SLUG}/fr?state=all&focus="), href
    link.click()
    n = href.rsplit("#seg-", 1)[1]
    expect(page.locator(f"#seg-{n}")).to_be_in_viewport()


def test_assist_accessibility(browser, ws, _shots):
    """The concordance page and a workbench showing live findings and marks: no axe-core
    violation at 1280 and 400 px, and nothing scrolls sideways."""
    if not os.path.exists(AXE):
        assert not os.environ.get("BITEXT_REQUIRE_TOOLS"), f"{AXE} is missing (.ci/run installs it)"
        print("skipped test_assist_accessibility: axe-core is not installed")
        return
    with open(AXE, encoding="utf-8") as f:
        axe_source = f.read()
    prepare(ws)
    for width in [1280, 400]:
        context = {"viewport": {"width": width, "height": 900}, "bypass_csp": True}
        page = open_page(browser, ws, "/memory/fr?q=Lima+Group", **context)
        page.wait_for_load_state("load")
        expect(page.locator("ol.concordance > li")).to_have_count(1)
        check_page(page, f"concordance at {width}", axe_source)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.context.close()
        page = open_page(browser, ws, f"/article/{SLUG}/fr?state=all", **context)
        page.wait_for_load_state("load")
        card = page.locator("#seg-16")
        card.get_by_role("textbox").fill("Rétablir la primauté du droit, 70 fois.")
        expect(card.locator(".checks li").first).to_be_visible(timeout=2000)
        check_page(page, f"workbench with findings at {width}", axe_source)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.context.close()
        page = open_page(browser, ws, "/article/harbour/fr", **context)
        page.wait_for_load_state("load")
        check_page(page, f"workbench with matches at {width}", axe_source)
        page.context.close()


def test_assist_in_ui_language(browser, ws, _shots):
    """Under a French or Spanish interface, the marks, the live findings, the length, the
    matches and the concordance hold no word of bitext's English messages."""
    prepare(ws)
    for ui, locale in [("fr", "fr-FR"), ("es", "es-ES")]:
        english = english_only(ui)
        page = open_page(browser, ws, f"/article/harbour/{ui}", locale=locale)
        page.wait_for_load_state("load")
        card = page.locator("#seg-2")
        card.get_by_role("textbox").fill("60 bateaux.")
        expect(card.locator(".checks li").first).to_be_visible(timeout=2000)
        expect(card.locator(".src mark.term")).to_have_text("rule of law")
        if ui == "fr":
            expect(page.locator("#seg-3 .tm-match")).to_have_count(1)
        # The article's title and the glossary term are source text; a check's code is the
        # same in every language, as in `bitext qa --format json`.
        codes = page.locator(".checks code").all_inner_texts()
        assert "numbers" in codes, codes
        drop = ("The harbour", "harbour", "quay", SLUG, "rule of law", *codes)
        left = page_words(page, drop) & english
        assert not left, (ui, "workbench", sorted(left))
        card.get_by_role("textbox").fill("")  # nothing left unsaved to ask about
        page.goto(f"{ws.base}/memory/{ui}?q=Lima+Group")
        expect(page.locator("h1")).not_to_have_text("Translation memory")
        left = page_words(page, ("harbour", "quay", SLUG, "Lima Group")) & english
        assert not left, (ui, "concordance", sorted(left))
        expect(page.locator("ol.concordance > li")).to_have_count(1)
        page.context.close()


TESTS = [test_assist_glossary_marks, test_assist_checks_while_typing, test_assist_length_bounds,
         test_assist_shortcuts_and_inline_diff, test_assist_concordance,
         test_assist_accessibility, test_assist_in_ui_language]
