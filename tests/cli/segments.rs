//! Addressing a segment: by position, by id, by an all-digit id, and with `@ID`.

use crate::support::Ws;

/// Five paragraphs; the fifth's id, `38269651`, is all digits and starts with `3`, a position.
fn digits() -> Ws {
    let ws = Ws::new();
    let text: Vec<String> = [1, 2, 3, 4, 16]
        .iter()
        .map(|k| format!("Paragraph number {k} of the digits.\n"))
        .collect();
    ws.write("sources/d.md", text.join("\n"));
    let status = ws
        .run(&["status", "d", "-l", "fr", "--segments", "--format", "json"])
        .success()
        .json();
    let segments = &status["articles"][0]["languages"][0]["segments"];
    assert_eq!(segments[4]["id"], "38269651");
    assert_eq!(segments[2]["id"], "fd2e6d56");
    ws
}

fn target(ws: &Ws, n: usize) -> String {
    ws.json("translations/fr/d.json")["units"][n - 1]["target"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn an_all_digit_id_is_an_id_when_no_such_position_exists() {
    let ws = digits();
    ws.run(&["set", "d", "38269651", "-l", "fr", "--text", "Seize."])
        .success();
    assert_eq!(target(&ws, 5), "Seize.");
    // A prefix of four digits or more is an id too.
    ws.run(&["set", "d", "3826", "-l", "fr", "--text", "Seize !"])
        .success();
    assert_eq!(target(&ws, 5), "Seize !");
    // A short number out of range is a mistyped position, never an id prefix.
    ws.run(&["set", "d", "38", "-l", "fr", "--text", "Non."])
        .error(&[
            "sources/d.md",
            "no segment \"38\"",
            "written @ID when it is all digits",
        ]);
    assert_eq!(target(&ws, 5), "Seize !");
}

#[test]
fn at_makes_an_all_digit_spec_an_id_even_when_it_is_a_valid_position() {
    let ws = digits();
    // `3` is position 3; `@3` is the id that starts with 3, at position 5.
    ws.run(&["set", "d", "3", "-l", "fr", "--text", "Trois."])
        .success();
    ws.run(&["set", "d", "@3", "-l", "fr", "--text", "Seize."])
        .success();
    assert_eq!(target(&ws, 3), "Trois.");
    assert_eq!(target(&ws, 5), "Seize.");
    ws.run(&[
        "set",
        "d",
        "@38269651",
        "-l",
        "fr",
        "--text",
        "Seize, encore.",
    ])
    .success();
    assert_eq!(target(&ws, 5), "Seize, encore.");
    // `@` works for any id, and with accept.
    ws.run(&["set", "d", "@fd2e", "-l", "fr", "--text", "Trois !"])
        .success();
    assert_eq!(target(&ws, 3), "Trois !");
    ws.edit_source("d", "number 3 of", "number 3, of");
    let status = ws
        .run(&["status", "d", "-l", "fr", "--segments", "--format", "json"])
        .success()
        .json();
    let edited = status["articles"][0]["languages"][0]["segments"][2]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert_eq!(ws.states("d", "fr")[2], "stale");
    ws.run(&[
        "accept",
        "d",
        &format!("@{edited}"),
        "@38269651",
        "-l",
        "fr",
        // "Trois" spells out the source's 3: a quality error that accept would refuse.
        "--force",
    ])
    .success();
    assert_eq!(ws.states("d", "fr")[2], "current");
    // `@` never falls back to a position.
    ws.run(&["set", "d", "@2", "-l", "fr", "--text", "Deux."])
        .error(&["sources/d.md", "no segment \"@2\""]);
    ws.run(&["set", "d", "@", "-l", "fr", "--text", "Deux."])
        .error(&["sources/d.md", "no segment \"@\""]);
}
