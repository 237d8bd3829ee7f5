//! Help while translating in `bitext serve`: the checks endpoint run on a typed text, the
//! glossary's marks in the workbench's sources, memory matches with their source's diff, and
//! the concordance page.

use crate::serve::{Served, files, form_body};
use crate::support::Ws;

/// A workspace with one article of three paragraphs, a French glossary, and a second article
/// translated, for the memory.
fn workspace() -> Ws {
    let ws = Ws::new();
    ws.write(
        "sources/harbour.md",
        "# The harbour\n\n\
         The council counted 70 boats under the rule of law.\n\n\
         The council met on Tuesday to discuss the budget for the coming year.\n",
    );
    ws.write(
        "sources/quay.md",
        "The council met on Monday to discuss the budget for the coming year.\n",
    );
    ws.run(&[
        "set",
        "quay",
        "1",
        "-l",
        "fr",
        "--text",
        "Le conseil s'est réuni lundi pour discuter du budget de l'année à venir.",
    ])
    .success();
    ws.write(
        "glossary/fr.tsv",
        "rule of law\tÉtat de droit\n!\tprimauté du droit\tÉtat de droit\n",
    );
    ws
}

const CHECK: &str = "/article/harbour/fr/2/check";

fn check(s: &Served, text: &str) -> serde_json::Value {
    let reply = s
        .post(CHECK, &[("text".to_owned(), text.to_owned())])
        .status(200);
    assert_eq!(
        reply.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("{e}: {}", reply.body))
}

fn codes(answer: &serde_json::Value) -> Vec<(String, String)> {
    answer["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().expect("code").to_owned(),
                f["message"].as_str().expect("message").to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_checks_endpoint_finds_a_changed_number_and_a_missing_glossary_term() {
    let ws = workspace();
    let s = Served::start(&ws);
    let before = files(&ws);
    let answer = check(
        &s,
        "Le conseil a compté 60 bateaux sous la primauté du droit.",
    );
    let found = codes(&answer);
    assert!(
        found.contains(&(
            "numbers".to_owned(),
            "the number 70 of the source is not in the translation".to_owned()
        )),
        "{found:?}"
    );
    let glossary: Vec<&String> = found
        .iter()
        .filter(|(c, _)| c == "glossary")
        .map(|(_, m)| m)
        .collect();
    assert_eq!(glossary.len(), 2, "{found:?}");
    assert!(glossary[0].contains("État de droit"), "{glossary:?}");
    assert!(glossary[1].contains("primauté du droit"), "{glossary:?}");
    assert_eq!(answer["unmet"], serde_json::json!(["rule of law"]));
    assert!(
        answer["html"]
            .as_str()
            .expect("html")
            .contains("<code>numbers</code>"),
        "{answer}"
    );
    let typed = "Le conseil a compté 60 bateaux sous la primauté du droit.";
    assert_eq!(answer["length"]["typed"], typed.chars().count());
    assert_eq!(
        answer["length"]["source"],
        "The council counted 70 boats under the rule of law.".len()
    );
    // Fixed: nothing left, and the region says so.
    let answer = check(&s, "Le conseil a compté 70 bateaux dans l’État de droit.");
    assert_eq!(codes(&answer), [], "{answer}");
    assert_eq!(answer["unmet"], serde_json::json!([]));
    assert!(
        answer["html"]
            .as_str()
            .expect("html")
            .contains("No problem found"),
        "{answer}"
    );
    // In the interface language.
    let reply = s.raw(
        "POST",
        CHECK,
        &[
            ("Cookie", &s.cookie()),
            ("Origin", &format!("http://{}", s.host)),
            ("Accept-Language", "fr"),
        ],
        &form_body(&[("text".to_owned(), "60 bateaux".to_owned())]),
    );
    assert!(
        reply
            .body
            .contains("le nombre 70 de la source ne figure pas dans la traduction"),
        "{}",
        reply.body
    );
    assert_eq!(files(&ws), before, "checking writes nothing");
}

#[test]
fn the_checks_endpoint_refuses_a_request_without_the_token_or_from_another_origin() {
    let ws = workspace();
    let s = Served::start(&ws);
    let body = form_body(&[("text".to_owned(), "60".to_owned())]);
    let origin = format!("http://{}", s.host);
    let none = s.raw("POST", CHECK, &[("Origin", &origin)], &body);
    assert_eq!(none.status, 403, "{}", none.body);
    assert!(!none.body.contains("findings"), "{}", none.body);
    let foreign = s.raw(
        "POST",
        CHECK,
        &[("Cookie", &s.cookie()), ("Origin", "http://evil.example")],
        &body,
    );
    assert_eq!(foreign.status, 403, "{}", foreign.body);
    // A GET is not how the checks are asked for; an unknown segment is a 404.
    assert_eq!(s.get(CHECK).status, 400);
    let missing = s.post(
        "/article/harbour/fr/9/check",
        &[("text".to_owned(), "x".to_owned())],
    );
    assert_eq!(missing.status, 404, "{}", missing.body);
}

#[test]
fn the_workbench_marks_glossary_terms_with_their_translation_and_shows_matches_with_a_diff() {
    let ws = workspace();
    let s = Served::start(&ws);
    let page = s.get("/article/harbour/fr").status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    let mark = doc
        .select(&select("#seg-2 .src mark.term"))
        .next()
        .unwrap_or_else(|| panic!("no mark:\n{}", page.body));
    assert_eq!(mark.text().collect::<String>(), "rule of law");
    let gloss: String = doc
        .select(&select("#seg-2 .src .gloss"))
        .next()
        .expect("gloss")
        .text()
        .collect();
    assert_eq!(gloss, "Glossary: État de droit not primauté du droit");
    assert_eq!(doc.select(&select("#seg-3 mark.term")).count(), 0);
    // The memory's match for segment 3 shows its source, and what differs from this one.
    let matched = doc
        .select(&select("#seg-3 .tm-match"))
        .next()
        .unwrap_or_else(|| panic!("no match:\n{}", page.body));
    let text = |css: &str| -> Vec<String> {
        matched
            .select(&select(css))
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(text("del"), ["deleted:Monday"]);
    assert_eq!(text("ins"), ["inserted:Tuesday"]);
    assert!(text(".score")[0].starts_with('9'), "{:?}", text(".score"));
    // The page lists the new shortcuts and links to the concordance.
    assert!(page.body.contains("copy the source into the text box"));
    assert!(page.body.contains("href=\"/memory/fr\""), "{}", page.body);
    // Without the glossary, no mark.
    std::fs::remove_file(ws.path("glossary/fr.tsv")).expect("remove");
    let page = s.get("/article/harbour/fr").status(200);
    assert!(!page.body.contains("<mark"), "{}", page.body);
}

#[test]
fn the_concordance_lists_memory_entries_holding_the_words_with_where_they_come_from() {
    let ws = workspace();
    let s = Served::start(&ws);
    let page = s.get("/memory/fr?q=BUDGET+coming").status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    let entries: Vec<_> = doc.select(&select("ol.concordance > li")).collect();
    assert_eq!(entries.len(), 1, "{}", page.body);
    let entry: String = entries[0].text().collect();
    assert!(
        entry.contains("The council met on Monday to discuss the budget for the coming year."),
        "{entry}"
    );
    assert!(
        entry.contains("Le conseil s'est réuni lundi pour discuter du budget"),
        "{entry}"
    );
    let marks: Vec<String> = entries[0]
        .select(&select("mark"))
        .map(|m| m.text().collect())
        .collect();
    assert_eq!(marks, ["budget", "coming", "budget"]);
    let link = entries[0].select(&select("a")).next().expect("origin link");
    assert_eq!(link.text().collect::<String>(), "quay, segment 1");
    assert_eq!(
        link.value().attr("href"),
        Some("/article/quay/fr?state=all&focus=1#seg-1")
    );
    // The translation's words find it too; words found nowhere find nothing.
    let page = s.get("/memory/fr?q=r%C3%A9uni+lundi").status(200);
    assert!(page.body.contains("One entry holds"), "{}", page.body);
    let page = s.get("/memory/fr?q=budget+harbour").status(200);
    assert!(page.body.contains("0 entries hold"), "{}", page.body);
    assert!(!page.body.contains("<ol"), "{}", page.body);
    // A language the project does not translate into is a 404.
    assert_eq!(s.get("/memory/de?q=budget").status, 404);
}

#[test]
fn an_in_context_match_is_listed_first_and_labelled() {
    let ws = Ws::new();
    let body = "Examples:\n\nRun the command twice.\n\nThe end.\n";
    // The same paragraph elsewhere, between other neighbours, translated otherwise; its file
    // comes first in the memory's order.
    ws.write(
        "sources/a-elsewhere.md",
        "Other text.\n\nRun the command twice.\n\nMore.\n",
    );
    ws.write("sources/m-original.md", body);
    ws.write("sources/z-copy.md", body);
    for (slug, text) in [
        ("a-elsewhere", "Lancez la commande deux fois (ailleurs)."),
        ("m-original", "Lancez la commande deux fois."),
    ] {
        ws.run(&["set", slug, "2", "-l", "fr", "--text", text])
            .success();
    }
    let s = Served::start(&ws);
    let page = s.get("/article/z-copy/fr").status(200);
    let doc = scraper::Html::parse_document(&page.body);
    let select = |css: &str| scraper::Selector::parse(css).expect("selector");
    let matches: Vec<_> = doc.select(&select("#seg-2 .tm-match")).collect();
    assert_eq!(matches.len(), 2, "{}", page.body);
    let first = matches[0]
        .select(&select("button.suggest"))
        .next()
        .expect("button");
    assert_eq!(
        first.value().attr("data-text"),
        Some("Lancez la commande deux fois.")
    );
    assert_eq!(matches[0].value().attr("data-in-context"), Some("1"));
    assert!(
        first.text().collect::<String>().contains("in context"),
        "{}",
        page.body
    );
    assert_eq!(matches[1].value().attr("data-in-context"), None);
    // The same source: no diff, said so.
    assert_eq!(matches[0].select(&select("del, ins")).count(), 0);
    assert!(
        matches[0]
            .text()
            .collect::<String>()
            .contains("the same as this segment's")
    );
}
