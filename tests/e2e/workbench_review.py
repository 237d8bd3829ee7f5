"""The reviewer's flow in the workbench: the "to review" filter, marking a range of segments
reviewed in one go, a comment kept in the translation file, and an edition that requires
reviewed text refused on the dashboard and at export for what is left unreviewed, in English
and in French."""

import os

from playwright.sync_api import expect

from serve import AXE, SLUG, Workspace, check_page, english_only, open_page, page_words  # noqa: F401

CONFIG = """source = "en"
targets = ["fr", "es"]

[[edition]]
id = "53-2"
volume = 53
number = 2
date = "2023-02"
articles = ["no-to-canadas-interference-in-peru"]
require = "reviewed"
"""


def reviewed(ws, lang="fr"):
    """The positions of the units recorded as reviewed."""
    return [i + 1 for i, u in enumerate(ws.units(lang)) if u.get("state") == "reviewed"]


def test_reviewer_flow(browser, ws, _shots):
    """Filter "to review", tick one segment and give a range, comment on another, then the
    edition that requires reviewed text is not ready and its export is refused, naming the
    segments left unreviewed, each a link to it among the segments to review."""
    ws.write("bitext.toml", CONFIG)
    ws.start()
    page = open_page(browser, ws, f"/article/{SLUG}/fr")
    total = page.locator(".seg").count()
    assert total == 19, total
    nav = page.get_by_role("navigation", name="Show")
    nav.get_by_role("link", name=f"to review ({total})").click()
    page.wait_for_url("**state=review")
    expect(page.locator(".seg")).to_have_count(total)

    # Shift-click ticks a run of checkboxes; the range adds more; one write marks them all.
    page.get_by_label("Select segment 2 for review").click()
    page.get_by_label("Select segment 4 for review").click(modifiers=["Shift"])
    expect(page.get_by_label("Select segment 3 for review")).to_be_checked()
    page.get_by_label("From segment", exact=True).fill("7")
    page.get_by_label("to segment", exact=True).fill("9")
    page.locator("#review-range").get_by_role("button", name="Mark reviewed").click()
    page.wait_for_url("**marked=6**")
    expect(page.locator("#flash")).to_have_text("6 segments marked reviewed.")
    expect(page.locator(".seg")).to_have_count(total - 6)
    expect(nav.get_by_role("link", name=f"to review ({total - 6})")).to_be_visible()
    assert reviewed(ws) == [2, 3, 4, 7, 8, 9], reviewed(ws)

    # With the keyboard only: tick with Space, submit with Enter.
    page.get_by_label("Select segment 10 for review").focus()
    page.keyboard.press("Space")
    page.get_by_label("From segment", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**marked=1**")
    assert reviewed(ws) == [2, 3, 4, 7, 8, 9, 10], reviewed(ws)

    # A comment on segment 6, kept through a reload and in the file.
    card = page.locator("#seg-6")
    card.locator("summary").click()
    card.get_by_label("Comment on the translation of segment 6").fill("Vérifier la date : 2023 ?")
    card.get_by_role("button", name="Save the comment").click()
    page.wait_for_url("**commented=6**")
    expect(page.locator("#flash")).to_have_text("Comment saved on segment 6.")
    page.reload()
    expect(page.locator("#seg-6 .comment .note")).to_have_text("Vérifier la date : 2023 ?")
    assert ws.units()[5]["comment"] == "Vérifier la date : 2023 ?", ws.units()[5]
    # Marking reviewed leaves the comment where it is.
    page.get_by_label("Select segment 6 for review").check()
    page.locator("#review-range button").click()
    page.wait_for_url("**marked=1**")
    assert ws.units()[5]["comment"] == "Vérifier la date : 2023 ?"
    assert ws.units()[5]["state"] == "reviewed"
    left = total - 8

    # The dashboard: the edition is not ready in French, with what is left to review.
    page.goto(ws.base + "/")
    edition = page.get_by_role("row", name="53-2")
    expect(edition.locator(".notready").first).to_have_text(f"{left} segments left")
    # Its export is refused, naming each segment left unreviewed, linked to it.
    answer = page.goto(f"{ws.base}/export?edition=53-2&lang=fr&bilingual=1&format=html")
    assert answer.status == 409
    links = page.locator("ul.gaps a")
    expect(links).to_have_count(left)
    expect(links.first).to_have_attribute("href", f"/article/{SLUG}/fr?state=review&focus=1#seg-1")
    expect(page.locator("ul.gaps li").first.locator(".badge.unreviewed")).to_have_text("not reviewed")
    links.nth(2).click()
    page.wait_for_url(f"**/article/{SLUG}/fr?state=review&focus=11#seg-11")
    expect(page.locator("#seg-11")).to_be_in_viewport()
    # The command line agrees.
    run = ws.bitext("export", "--edition", "53-2", "-l", "fr")
    assert run.returncode == 1 and "segment 11 not reviewed" in run.stderr, run.stderr

    # Everything reviewed: the edition is ready and its export goes through.
    page.goto(f"{ws.base}/article/{SLUG}/fr?state=review")
    page.get_by_label("From segment", exact=True).fill("1")
    page.get_by_label("to segment", exact=True).fill(str(total))
    page.locator("#review-range button").click()
    page.wait_for_url("**marked=**")
    expect(page.locator(".seg")).to_have_count(0)
    expect(page.locator("#review-range")).to_have_count(0)
    page.goto(ws.base + "/")
    expect(page.get_by_role("row", name="53-2").locator(".ready").first).to_be_visible()
    download = page.request.get(f"{ws.base}/export?edition=53-2&lang=fr&bilingual=1&format=html")
    assert download.status == 200, download.status
    assert "attachment" in download.headers["content-disposition"]
    page.context.close()


def test_review_in_french(browser, ws, _shots):
    """The same flow under a French interface: every word of the filter, the review form,
    the comment, the refusal and the conflict over a comment is French."""
    ws.write("bitext.toml", CONFIG)
    assert ws.bitext("review", SLUG, "1-5", "-l", "fr").returncode == 0
    assert ws.bitext("comment", SLUG, "3", "-l", "fr", "Une remarque.").returncode == 0
    ws.start()
    page = open_page(browser, ws, f"/article/{SLUG}/fr", locale="fr-FR")

    def look(name, ui="fr"):
        # The translations are French (Spanish) text, whatever words they quote.
        translations = tuple(u["target"] for u in ws.units(ui) if u["target"])
        # The workbench's heading is the article's title, as the source has it.
        title = page.title().split(" · ")[0]
        assert page.locator("html").get_attribute("lang") == ui, name
        left = page_words(page, (SLUG, title, *translations)) & english_only(ui)
        assert not left, (name, sorted(left))

    nav = page.get_by_role("navigation", name="Afficher")
    nav.get_by_role("link", name="à relire (14)").click()
    page.wait_for_url("**state=review")
    page.locator("#seg-6 summary").click()
    look("workbench to review")
    page.get_by_label("Du segment", exact=True).fill("6")
    page.get_by_label("au segment", exact=True).fill("7")
    page.get_by_role("button", name="Marquer comme relus").click()
    expect(page.locator("#flash")).to_have_text("2 segments marqués comme relus.")
    look("after marking")
    # A range that is not the article's: the browser stops it (max), and without that
    # check the server refuses it, in French.
    page.goto(f"{ws.base}/article/{SLUG}/fr?state=review")
    page.get_by_label("Du segment", exact=True).fill("30")
    page.locator("#review-range button").click()
    expect(page.locator("#review-range")).to_be_visible()
    page.evaluate("document.getElementById('review-range').noValidate = true")
    page.locator("#review-range button").click()
    expect(page.locator("main")).to_contain_text("La plage 30 à 30")
    look("bad range")
    # The comment changed on disk since the page was loaded: both texts are shown.
    page.goto(f"{ws.base}/article/{SLUG}/fr?state=all")
    card = page.locator("#seg-3")
    expect(card.locator(".comment .note")).to_have_text("Une remarque.")
    card.locator("summary").click()
    card.get_by_role("textbox", name="Commentaire sur la traduction du segment 3").fill("Ma remarque.")
    assert ws.bitext("comment", SLUG, "3", "-l", "fr", "Celle du collègue.").returncode == 0
    card.get_by_role("button", name="Enregistrer le commentaire").click()
    expect(page.locator("main")).to_contain_text("Celle du collègue.")
    expect(page.locator("main")).to_contain_text("Ma remarque.")
    look("comment conflict")
    assert ws.units()[2]["comment"] == "Celle du collègue."
    # The edition's refusal.
    answer = page.goto(f"{ws.base}/export?edition=53-2&lang=fr&bilingual=1&format=html")
    assert answer.status == 409
    expect(page.locator("ul.gaps .badge.unreviewed").first).to_have_text("non relu")
    look("refusal")
    page.context.close()
    # And in Spanish.
    page = open_page(browser, ws, f"/article/{SLUG}/es?state=review", locale="es-ES")
    expect(page.get_by_role("navigation", name="Mostrar").get_by_role("link", name="por revisar (19)")).to_be_visible()
    page.locator("#seg-2 summary").click()
    look("workbench to review", "es")
    answer = page.goto(f"{ws.base}/export?edition=53-2&lang=es&bilingual=1&format=html")
    assert answer.status == 409
    expect(page.locator("ul.gaps .badge.unreviewed").first).to_have_text("sin revisar")
    look("refusal", "es")
    page.context.close()


def test_review_accessibility(browser, ws, _shots):
    """The review form, the checkboxes, an open comment form, the comment conflict and the
    refusal of unreviewed text: no axe-core violation, at 1280 and 400 px."""
    if not os.path.exists(AXE):
        assert not os.environ.get("BITEXT_REQUIRE_TOOLS"), f"{AXE} is missing (.ci/run installs it)"
        print("skipped test_review_accessibility: axe-core is not installed")
        return
    with open(AXE, encoding="utf-8") as f:
        axe_source = f.read()
    ws.write("bitext.toml", CONFIG)
    assert ws.bitext("comment", SLUG, "2", "-l", "fr", "A note.").returncode == 0
    ws.start()
    for width in [1280, 400]:
        context = {"viewport": {"width": width, "height": 900}, "bypass_csp": True}
        page = open_page(browser, ws, f"/article/{SLUG}/fr?state=review", **context)
        page.locator("#seg-2 summary").click()
        check_page(page, f"to review at {width}", axe_source)
        page.close()
        page = open_page(browser, ws, f"/export?edition=53-2&lang=fr&bilingual=1&format=html", **context)
        check_page(page, f"refusal at {width}", axe_source)
        page.close()
        page = open_page(browser, ws, f"/article/{SLUG}/fr", **context)
        page.locator("#seg-2 summary").click()
        page.get_by_label("Comment on the translation of segment 2").fill("Mine.")
        assert ws.bitext("comment", SLUG, "2", "-l", "fr", f"Theirs at {width}.").returncode == 0
        page.get_by_role("button", name="Save the comment").click()
        expect(page.locator("main")).to_contain_text(f"Theirs at {width}.")
        check_page(page, f"comment conflict at {width}", axe_source)
        page.close()


TESTS = [test_reviewer_flow, test_review_in_french, test_review_accessibility]
