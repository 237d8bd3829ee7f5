//! The quality checks a filled segment must pass to be recorded as translated rather than
//! as a draft. One function, so that the workspace's quality checks plug in at one place.

/// A problem found in a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable code of the check.
    pub code: &'static str,
    /// What is wrong, for people.
    pub message: String,
}

/// The findings on `target` as a translation of `source`.
#[must_use]
pub fn check(source: &str, target: &str) -> Vec<Finding> {
    numbers(source, target)
}

/// Every number of the source must appear in the translation, whatever its digit grouping
/// (`14,000`, `14 000` and `14000` are the same number).
fn numbers(source: &str, target: &str) -> Vec<Finding> {
    let found = numbers_in(target);
    let mut missing: Vec<String> = numbers_in(source)
        .into_iter()
        .filter(|n| !found.contains(n))
        .collect();
    missing.dedup();
    missing
        .into_iter()
        .map(|number| Finding {
            code: "numbers",
            message: crate::t!("check-number-missing", number = number.as_str()),
        })
        .collect()
}

/// The numbers of `text`, digit groups joined: `1,200` and `1 200` both give `1200`.
fn numbers_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut number = String::new();
        while i < chars.len() {
            if chars[i].is_ascii_digit() {
                number.push(chars[i]);
                i += 1;
            } else if matches!(chars[i], ',' | '.' | ' ' | '\u{a0}' | '\u{202f}')
                && i + 3 < chars.len()
                && chars[i + 1..].iter().take(3).all(char::is_ascii_digit)
                && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
            {
                i += 1;
            } else {
                break;
            }
        }
        out.push(number);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_must_survive_translation() {
        assert!(check("At least 14 countries", "Au moins 14 pays").is_empty());
        assert!(check("14,000 people", "14 000 personnes").is_empty());
        assert!(check("14,000 people", "14\u{a0}000 personnes").is_empty());
        let found = check("At least 14 countries", "Au moins 12 pays");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "numbers");
        assert!(check("In 2023, 5 ministers", "En 2023, cinq ministres").len() == 1);
    }
}
