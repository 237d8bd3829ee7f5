//! `numbers`: every number of the source appears in the target, in one of the forms a French
//! or Spanish (or English) text may write it: `1,000` / `1 000` (space, no-break space or
//! narrow no-break space) / `1.000` / `1000`, and `3.5` / `3,5`. Years, days of the month and
//! percentages are numbers like any other, so `9 February 2023` needs `9` and `2023`.

use crate::qa::{Check, Finding};

/// Separators a target may put between groups of three digits.
const GROUP_SEPARATORS: [&str; 7] = ["", ",", ".", " ", "\u{a0}", "\u{202f}", "\u{2009}"];
/// Separators a target may put before the decimals.
const DECIMAL_SEPARATORS: [&str; 2] = [".", ","];

/// A number as written in the source: its integer digits and its decimals, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Number {
    int: String,
    frac: Option<String>,
    written: String,
}

/// The numbers of an English text: digit runs, with `,` before groups of three as thousands
/// separators and `.` before decimals.
fn source_numbers(text: &str) -> Vec<Number> {
    // Digits and separators are ASCII, so byte offsets are character boundaries.
    let bytes = text.as_bytes();
    let digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            i += 1;
            continue;
        }
        let start = i;
        // Three or more groups of digits joined by dots (a version, an address) are written
        // as they are in any language.
        let mut end = i;
        let mut groups = 0;
        while digit(end) {
            while digit(end) {
                end += 1;
            }
            groups += 1;
            if bytes.get(end) == Some(&b'.') && digit(end + 1) {
                end += 1;
            } else {
                break;
            }
        }
        if groups >= 3 {
            let written = text[start..end].to_owned();
            out.push(Number {
                int: written.clone(),
                frac: None,
                written,
            });
            i = end;
            continue;
        }
        let mut int = String::new();
        let mut frac = None;
        let mut j = i;
        while j < bytes.len() {
            let b = bytes[j];
            if b.is_ascii_digit() {
                int.push(char::from(b));
                j += 1;
            } else if b == b',' && (1..=3).all(|k| digit(j + k)) && !digit(j + 4) {
                j += 1;
            } else if b == b'.' && digit(j + 1) && frac.is_none() {
                let mut digits = String::new();
                j += 1;
                while digit(j) {
                    digits.push(char::from(bytes[j]));
                    j += 1;
                }
                frac = Some(digits);
                break;
            } else {
                break;
            }
        }
        out.push(Number {
            int,
            frac,
            written: text[start..j].to_owned(),
        });
        i = j.max(i + 1);
    }
    out
}

/// Every way a target may write `number`.
fn forms(number: &Number) -> Vec<String> {
    let mut ints = vec![number.int.clone()];
    if number.int.contains('.') {
        return ints;
    }
    if number.int.len() > 3 {
        let digits: Vec<char> = number.int.chars().collect();
        let head = digits.len() % 3;
        let mut groups: Vec<String> = Vec::new();
        if head > 0 {
            groups.push(digits[..head].iter().collect());
        }
        for chunk in digits[head..].chunks(3) {
            groups.push(chunk.iter().collect());
        }
        for sep in &GROUP_SEPARATORS[1..] {
            ints.push(groups.join(sep));
        }
    }
    match &number.frac {
        None => ints,
        Some(frac) => ints
            .iter()
            .flat_map(|int| DECIMAL_SEPARATORS.map(|d| format!("{int}{d}{frac}")))
            .collect(),
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Byte offsets where `form` occurs in `text` as a whole number: no digit touching it, and no
/// separator joining it to more digits (so `60` is not found in `1 960` nor in `60 000`).
fn occurrences(text: &str, form: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let joined = |first: Option<char>, second: Option<char>| {
        first.is_some_and(|c| c.is_ascii_digit())
            || (first.is_some_and(is_separator) && second.is_some_and(|c| c.is_ascii_digit()))
    };
    for (at, _) in text.match_indices(form) {
        let mut before = text[..at].chars().rev();
        let mut after = text[at + form.len()..].chars();
        let digit_before = joined(before.next(), before.next());
        let digit_after = joined(after.next(), after.next());
        if !digit_before && !digit_after {
            out.push(at);
        }
    }
    out
}

/// The numbers of `source` that `target` lacks (or has fewer times), one finding each.
#[must_use]
pub fn check(source: &str, target: &str) -> Vec<Finding> {
    if !source.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    // Numbers inside inline code (an address, a version, a port) are the code's, copied
    // verbatim: only the prose's are counted.
    let (source, target) = (
        crate::qa::code::without_code(source),
        crate::qa::code::without_code(target),
    );
    let (source, target) = (source.as_ref(), target.as_ref());
    if !source.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let numbers = source_numbers(source);
    let mut findings = Vec::new();
    let mut reported: Vec<&str> = Vec::new();
    for number in &numbers {
        if reported.contains(&number.written.as_str()) {
            continue;
        }
        let wanted = numbers
            .iter()
            .filter(|n| n.int == number.int && n.frac == number.frac)
            .count();
        let mut found: Vec<usize> = forms(number)
            .iter()
            .flat_map(|form| occurrences(target, form))
            .collect();
        found.sort_unstable();
        found.dedup();
        if found.len() < wanted {
            reported.push(&number.written);
            let mut finding = Finding::new(Check::Numbers, "qa-numbers")
                .arg("number", number.written.clone())
                .source_part(number.written.clone());
            let extra = extra_numbers(source, target);
            if !extra.is_empty() {
                finding = finding.target_part(extra.join(", "));
            }
            findings.push(finding);
        }
    }
    findings
}

/// The numbers of `target` that match no number of `source`: shown beside a finding, as the
/// likely wrong value.
fn extra_numbers(source: &str, target: &str) -> Vec<String> {
    let wanted: Vec<Vec<String>> = source_numbers(source).iter().map(forms).collect();
    target_tokens(target)
        .into_iter()
        .filter(|token| !wanted.iter().any(|forms| forms.contains(token)))
        .collect()
}

/// Digit runs of a target, with the separators inside them.
fn target_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let inside = is_separator(c)
            && !current.is_empty()
            && chars.peek().is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || inside {
            current.push(c);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn passes(source: &str, target: &str) {
        assert_eq!(check(source, target), Vec::new(), "{source} | {target}");
    }

    #[track_caller]
    fn fails(source: &str, target: &str, number: &str) {
        let findings = check(source, target);
        assert_eq!(findings.len(), 1, "{source} | {target}: {findings:?}");
        assert_eq!(findings[0].source_part.as_deref(), Some(number));
    }

    #[test]
    fn thousands_in_every_locale_form() {
        let source = "It cost 1,000 dollars.";
        passes(source, "Cela a coûté 1 000 dollars.");
        passes(source, "Cela a coûté 1\u{a0}000 dollars.");
        passes(source, "Cela a coûté 1\u{202f}000 dollars.");
        passes(source, "Costó 1.000 dólares.");
        passes(source, "Costó 1000 dólares.");
        passes(source, "Costó 1,000 dólares.");
        fails(source, "Cela a coûté 100 dollars.", "1,000");
        fails(source, "Cela a coûté 1 000 000 dollars.", "1,000");
    }

    #[test]
    fn decimals_with_point_or_comma() {
        passes("A rise of 3.5%.", "Une hausse de 3,5\u{a0}%.");
        passes("A rise of 3.5%.", "Un alza del 3,5 %.");
        passes("A rise of 3.5%.", "Un alza del 3.5%.");
        fails("A rise of 3.5%.", "Une hausse de 35\u{a0}%.", "3.5");
        fails("A rise of 3.5%.", "Une hausse de 3\u{a0}%.", "3.5");
    }

    #[test]
    fn dates_and_years() {
        let source = "Protest in Lima, Peru, February 9, 2023.";
        passes(
            source,
            "Manifestation à Lima, au Pérou, le 9\u{a0}février 2023.",
        );
        passes(source, "Protesta en Lima, Perú, 9 de febrero de 2023.");
        fails(
            source,
            "Manifestation à Lima, le 19\u{a0}février 2023.",
            "9",
        );
        fails(source, "Protesta en Lima, 9 de febrero de 2022.", "2023");
    }

    #[test]
    fn versions_and_addresses_in_prose_are_copied_as_they_are() {
        let source = "Use version 13.5.2 of the toolbox on 192.168.0.1.";
        assert_eq!(
            check(
                source,
                "Utiliser la version 13.5.2 de la boîte sur 192.168.0.1."
            ),
            []
        );
        let findings = check(
            source,
            "Utiliser la version 13.5 de la boîte sur 192.168.0.1.",
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].source_part.as_deref(), Some("13.5.2"));
    }

    #[test]
    fn numbers_inside_code_are_the_codes() {
        // An address, a network and a version copied verbatim in code: nothing to report.
        passes(
            "Ping `192.168.0.1` or scan `10.0.0.0/16` with version `13.5.2`.",
            "Pingez `192.168.0.1` ou analysez `10.0.0.0/16` avec la version `13.5.2`.",
        );
        // Nor when code alone holds them, translated around it or not.
        passes("`nmap -p 80 192.168.0.1`", "`nmap -p 80 192.168.0.1`");
        // The prose's numbers are still counted.
        fails(
            "Version `13.5.2` adds 3 features.",
            "La version `13.5.2` ajoute trois fonctionnalités.",
            "3",
        );
    }

    #[test]
    fn sixty_is_not_seventy_nor_part_of_a_larger_number() {
        let source = "has caused over 70 deaths";
        fails(source, "a fait plus de 60 morts", "70");
        fails(source, "a fait plus de 1970 morts", "70");
        fails(source, "a fait plus de 70 000 morts", "70");
        passes(source, "ha causado más de 70 muertos");
        let finding = &check(source, "plus de 60 morts")[0];
        assert_eq!(finding.target_part.as_deref(), Some("60"));
    }

    #[test]
    fn a_repeated_number_must_be_repeated() {
        fails("In 2018 and again in 2018.", "En 2018.", "2018");
        passes("In 2018 and again in 2018.", "En 2018 et encore en 2018.");
    }

    #[test]
    fn text_without_digits_is_skipped_and_a_comma_list_is_not_a_thousand() {
        passes("No numbers here.", "Pas de nombres.");
        passes("Votes: 1, 2, 3.", "Votes\u{a0}: 1, 2, 3.");
        passes("In 2004, 10 countries.", "En 2004, 10 pays.");
    }
}
