"""Browser tests of the PDF export in `bitext serve`: the dashboard's download beside the HTML
and the EPUB, and the page that says which program to install when there is no engine."""

import os
import shutil

from playwright.sync_api import expect

from serve import AXE, check_page, english_only, open_page, page_words


def test_pdf_download_beside_html_and_epub(browser, ws, _shots):
    """Each complete edition's row offers HTML, EPUB and PDF, each named in the interface
    language; the PDF link downloads a PDF named after the edition and its languages."""
    ws.start()
    for ui, locale, label in [("en", "en-GB", "Download the print-ready PDF edition"),
                              ("fr", "fr-FR", "Télécharger l’édition PDF prête à imprimer"),
                              ("es", "es-ES", "Descargar la edición PDF lista para imprimir")]:
        page = open_page(browser, ws, "/", locale=locale)
        assert page.locator("html").get_attribute("lang") == ui
        cell = page.locator("#h-editions ~ div table tbody tr").first.locator("td").nth(1)
        links = cell.locator("a")
        expect(links).to_have_count(3)
        assert [links.nth(i).inner_text() for i in range(1, 3)] == ["EPUB", "PDF"]
        pdf = page.get_by_role("link", name=label)
        expect(pdf).to_have_count(2)
        href = pdf.first.get_attribute("href")
        assert href.endswith("&format=pdf") and "edition=53-2" in href, href
        page.context.close()
    if not shutil.which("weasyprint"):
        assert not os.environ.get("BITEXT_REQUIRE_TOOLS"), "weasyprint is missing (.ci/run installs it)"
        print("skipped the download: weasyprint is not installed (.ci/run installs it)")
        return
    page = open_page(browser, ws, "/", locale="en-GB", accept_downloads=True)
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("link", name="Download the print-ready PDF edition").last.click()
    assert download.value.suggested_filename == "53-2.en-es.pdf", download.value.suggested_filename
    with open(download.value.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"
    page.context.close()


def test_pdf_without_an_engine_says_what_to_install(browser, ws, _shots):
    """With no engine, asking for the PDF gives a page in the interface language that names
    the program to install, with no English word left, and no axe-core violation."""
    saved = os.environ.get("BITEXT_WEASYPRINT")
    os.environ["BITEXT_WEASYPRINT"] = "/nowhere/weasyprint"
    try:
        ws.start()
    finally:
        if saved is None:
            del os.environ["BITEXT_WEASYPRINT"]
        else:
            os.environ["BITEXT_WEASYPRINT"] = saved
    axe_source = None
    if os.path.exists(AXE):
        with open(AXE, encoding="utf-8") as f:
            axe_source = f.read()
    else:
        assert not os.environ.get("BITEXT_REQUIRE_TOOLS"), f"{AXE} is missing (.ci/run installs it)"
    for ui, locale, words in [("fr", "fr-FR", "aucun moteur PDF\u00a0: /nowhere/weasyprint est introuvable"),
                              ("es", "es-ES", "no hay motor PDF: no se encuentra /nowhere/weasyprint"),
                              ("en", "en-GB", "no PDF engine: /nowhere/weasyprint was not found")]:
        page = open_page(browser, ws, "/", locale=locale, bypass_csp=True)
        answer = page.goto(f"{ws.base}/export?edition=53-2&lang=es&bilingual=1&format=pdf")
        assert answer.status == 503
        assert page.locator("html").get_attribute("lang") == ui
        text = page.locator("main").inner_text()
        assert words in text, text
        assert "WeasyPrint" in text and "weasyprint" in text, text
        if ui != "en":
            # Commands and options are the same in every language.
            code = ("`brew install weasyprint`", "`pipx install weasyprint`", "--pdf-engine")
            left = page_words(page, code) & english_only(ui)
            assert not left, (ui, sorted(left))
        if axe_source:
            check_page(page, f"no PDF engine ({ui})", axe_source)
        page.context.close()


TESTS = [test_pdf_download_beside_html_and_epub, test_pdf_without_an_engine_says_what_to_install]
