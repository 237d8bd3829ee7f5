//! Inline code in a segment: the spans between backtick runs, as CommonMark reads them. What
//! is inside code is the code's to check, not the prose checks': a number, an address or a
//! version there is copied verbatim, and a segment that is only code is never "untranslated".
//!
//! The `code` check: each code span of the source is in the translation as it is, but for
//! what is inside its placeholders (`{{path/to/file}}` may become `{{ruta/al/archivo}}`).
//! Spans are compared token by token, so that a finding names what changed: a flag, a path, an
//! option. A placeholder dropped or added, in code or in the prose around it, is a finding
//! too.

use similar::{Algorithm, DiffOp, capture_diff_slices};

pub use crate::model::code::{code_key, inner, is_code_only, spans, without_code};
use crate::model::placeholder::Placeholders;
use crate::qa::{Check, Finding};

/// A token of code: its text, and its text with placeholders masked.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token<'a> {
    text: &'a str,
    key: String,
}

/// The tokens of `code`: runs of text between white space, a placeholder never split.
fn tokens<'a>(code: &'a str, placeholders: &Placeholders) -> Vec<Token<'a>> {
    let found = placeholders.find(code, true);
    let inside = |i: usize| found.iter().any(|f| f.range.start < i && i < f.range.end);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in code
        .char_indices()
        .chain(std::iter::once((code.len(), ' ')))
    {
        if c.is_whitespace() && !inside(i) {
            if let Some(from) = start.take() {
                let text = &code[from..i];
                out.push(Token {
                    text,
                    key: placeholders.mask(text, true),
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

/// What a token of code is, for a finding to name it.
fn kind(token: &str) -> &'static str {
    if token.starts_with('-') && token.len() > 1 {
        "qa-code-kind-flag"
    } else if token.contains('=') {
        "qa-code-kind-option"
    } else if token.contains('/') || token.starts_with('.') || token.starts_with('~') {
        "qa-code-kind-path"
    } else if token.chars().any(|c| c.is_ascii_digit())
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | ','))
    {
        "qa-code-kind-number"
    } else {
        "qa-code-kind-word"
    }
}

/// Returns true if and only if `key` (a masked token) is a placeholder alone.
fn is_placeholder(key: &str) -> bool {
    key.len() == 2 && key.starts_with('\u{1}')
}

/// The `code` findings of one segment.
#[must_use]
pub fn check(source: &str, target: &str, placeholders: &Placeholders) -> Vec<Finding> {
    let mut findings = Vec::new();
    let code_of = |text: &str| -> Vec<(String, String)> {
        spans(text)
            .into_iter()
            .map(|range| {
                let span = text[range].to_owned();
                let key = placeholders.mask(inner(&span), true);
                (span, key)
            })
            .collect()
    };
    let (s, t) = (code_of(source), code_of(target));
    // Spans the same but for their placeholders pair first, in order; the others pair in
    // order when as many are left on each side.
    let s_keys: Vec<&str> = s.iter().map(|(_, k)| k.as_str()).collect();
    let t_keys: Vec<&str> = t.iter().map(|(_, k)| k.as_str()).collect();
    let mut s_paired = vec![false; s.len()];
    let mut t_paired = vec![false; t.len()];
    for op in capture_diff_slices(Algorithm::Myers, &s_keys, &t_keys) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                s_paired[old_index + k] = true;
                t_paired[new_index + k] = true;
            }
        }
    }
    let s_left: Vec<usize> = (0..s.len()).filter(|&i| !s_paired[i]).collect();
    let t_left: Vec<usize> = (0..t.len()).filter(|&j| !t_paired[j]).collect();
    if s_left.len() == t_left.len() {
        for (&i, &j) in s_left.iter().zip(&t_left) {
            findings.extend(compare(&s[i].0, &t[j].0, placeholders));
        }
    } else {
        for &i in &s_left {
            findings.push(
                Finding::new(Check::Code, "qa-code-span-missing")
                    .arg("span", s[i].0.clone())
                    .source_part(s[i].0.clone()),
            );
        }
        for &j in &t_left {
            findings.push(
                Finding::new(Check::Code, "qa-code-span-added")
                    .arg("span", t[j].0.clone())
                    .target_part(t[j].0.clone()),
            );
        }
    }
    // Placeholders in the prose, by syntax.
    findings.extend(prose_placeholders(source, target, placeholders));
    findings
}

/// The findings of a source code span against the translation's span paired with it.
fn compare(source: &str, target: &str, placeholders: &Placeholders) -> Vec<Finding> {
    let old = tokens(inner(source), placeholders);
    let new = tokens(inner(target), placeholders);
    let old_keys: Vec<&str> = old.iter().map(|t| t.key.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|t| t.key.as_str()).collect();
    let mut findings = Vec::new();
    let dropped = |token: &Token<'_>| {
        let id = if is_placeholder(&token.key) {
            "qa-placeholder-dropped"
        } else {
            "qa-code-dropped"
        };
        Finding::new(Check::Code, id)
            .arg("old", token.text)
            .arg("span", source)
            .arg("what", crate::t!(kind(token.text)))
            .source_part(token.text)
    };
    let added = |token: &Token<'_>| {
        let id = if is_placeholder(&token.key) {
            "qa-placeholder-added"
        } else {
            "qa-code-added"
        };
        Finding::new(Check::Code, id)
            .arg("new", token.text)
            .arg("span", target)
            .arg("what", crate::t!(kind(token.text)))
            .target_part(token.text)
    };
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => findings.extend(old[old_index..old_index + old_len].iter().map(dropped)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => findings.extend(new[new_index..new_index + new_len].iter().map(added)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let (o, n) = (
                    &old[old_index..old_index + old_len],
                    &new[new_index..new_index + new_len],
                );
                // Token for token where as many changed; the rest dropped or added.
                let pairs = o.len().min(n.len());
                for (a, b) in o.iter().zip(n).take(pairs) {
                    if is_placeholder(&a.key) == is_placeholder(&b.key) {
                        findings.push(
                            Finding::new(Check::Code, "qa-code-changed")
                                .arg("old", a.text)
                                .arg("new", b.text)
                                .arg("what", crate::t!(kind(a.text)))
                                .source_part(a.text)
                                .target_part(b.text),
                        );
                    } else {
                        findings.push(dropped(a));
                        findings.push(added(b));
                    }
                }
                findings.extend(o[pairs..].iter().map(dropped));
                findings.extend(n[pairs..].iter().map(added));
            }
        }
    }
    findings
}

/// Placeholders of the prose (outside code) dropped or added, by syntax.
fn prose_placeholders(source: &str, target: &str, placeholders: &Placeholders) -> Vec<Finding> {
    let (source, target) = (without_code(source), without_code(target));
    let (s, t) = (
        placeholders.find(&source, false),
        placeholders.find(&target, false),
    );
    let mut findings = Vec::new();
    let syntaxes = s
        .iter()
        .chain(&t)
        .map(|f| f.syntax)
        .max()
        .map_or(0, |m| m + 1);
    for syntax in 0..syntaxes {
        let of = |found: &[crate::model::placeholder::Found], text: &str| -> Vec<String> {
            found
                .iter()
                .filter(|f| f.syntax == syntax)
                .map(|f| text[f.range.clone()].to_owned())
                .collect()
        };
        let (mut s, mut t) = (of(&s, &source), of(&t, &target));
        if s.len() == t.len() {
            continue;
        }
        // The ones written alike on both sides are kept; of the others, the side with more
        // has dropped or added some.
        let common: Vec<String> = s.iter().filter(|p| t.contains(p)).cloned().collect();
        for p in &common {
            if let (Some(a), Some(b)) =
                (s.iter().position(|x| x == p), t.iter().position(|x| x == p))
            {
                s.remove(a);
                t.remove(b);
            }
        }
        let extra = s.len().abs_diff(t.len());
        if s.len() > t.len() {
            findings.extend(s.iter().rev().take(extra).rev().map(|p| {
                Finding::new(Check::Code, "qa-placeholder-dropped")
                    .arg("old", p.clone())
                    .arg("span", p.clone())
                    .arg("what", crate::t!("qa-code-kind-word"))
                    .source_part(p.clone())
            }));
        } else {
            findings.extend(t.iter().rev().take(extra).rev().map(|p| {
                Finding::new(Check::Code, "qa-placeholder-added")
                    .arg("new", p.clone())
                    .arg("span", p.clone())
                    .arg("what", crate::t!("qa-code-kind-word"))
                    .target_part(p.clone())
            }));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_are_found_as_commonmark_reads_them() {
        let text = "Run `wc -l {{file}}`, then ``a ` b`` and `unclosed";
        let found: Vec<&str> = spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["`wc -l {{file}}`", "``a ` b``"]);
        assert_eq!(without_code("Ping `192.168.0.1` now"), "Ping   now");
        assert_eq!(spans(r"Not \`code\` here"), []);
    }

    #[test]
    fn code_that_differs_inside_placeholders_is_the_same_code() {
        let p = crate::qa::placeholder::Placeholders::default();
        assert_eq!(
            code_key("`wc -l {{path/to/file}}`", &p),
            code_key("`wc -l {{ruta/al/archivo}}`", &p)
        );
        assert_ne!(
            code_key("`wc -l {{path/to/file}}`", &p),
            code_key("`vmtouch -l {{ruta/al/archivo}}`", &p)
        );
        assert_eq!(code_key("Run `` a ` b `` now", &p), "a ` b");
        assert_eq!(code_key("no code", &p), "");
    }

    fn found(source: &str, target: &str) -> Vec<(&'static str, Option<String>, Option<String>)> {
        check(source, target, &Placeholders::default())
            .into_iter()
            .map(|f| (f.message_id, f.source_part, f.target_part))
            .collect()
    }

    #[test]
    fn code_copied_with_its_placeholders_translated_is_fine() {
        for (source, target) in [
            ("`wc -l {{path/to/file}}`", "`wc -l {{ruta/al/archivo}}`"),
            (
                "Ping `192.168.0.1` or `10.0.0.0/16`",
                "Faire un ping sur `192.168.0.1` ou `10.0.0.0/16`",
            ),
            (
                "Install `node@13.5.2` now",
                "Installez `node@13.5.2` maintenant",
            ),
            (
                "Hello {name}, you have %d messages",
                "Bonjour {nom}, vous avez %d messages",
            ),
        ] {
            assert_eq!(found(source, target), [], "{source} / {target}");
        }
    }

    #[test]
    fn a_changed_flag_is_named() {
        assert_eq!(
            found(
                "`git gc --aggressive {{path}}`",
                "`git gc --aggressivx {{ruta}}`"
            ),
            [(
                "qa-code-changed",
                Some("--aggressive".to_owned()),
                Some("--aggressivx".to_owned())
            )]
        );
        let finding = &check(
            "`cp {{a}} /tmp/x`",
            "`cp {{a}} /tmp/y`",
            &Placeholders::default(),
        )[0];
        assert_eq!(
            finding
                .args
                .iter()
                .find(|(k, _)| *k == "what")
                .map(|(_, v)| v.as_str()),
            Some(crate::t!("qa-code-kind-path").as_str())
        );
    }

    #[test]
    fn a_dropped_or_added_placeholder_is_a_finding() {
        assert_eq!(
            found("`cp {{source}} {{target}}`", "`cp {{origen}}`"),
            [(
                "qa-placeholder-dropped",
                Some("{{target}}".to_owned()),
                None
            )]
        );
        assert_eq!(
            found("`ls {{path}}`", "`ls {{ruta}} {{otra}}`"),
            [("qa-placeholder-added", None, Some("{{otra}}".to_owned()))]
        );
        assert_eq!(
            found("Delete %s from {list}", "Supprimer de {liste}"),
            [("qa-placeholder-dropped", Some("%s".to_owned()), None)]
        );
        assert_eq!(
            found("a :warning: note", "une note"),
            [("qa-placeholder-dropped", Some(":warning:".to_owned()), None)]
        );
    }

    #[test]
    fn spans_missing_or_added_are_named_and_reordered_ones_are_fine() {
        assert_eq!(
            found("Use `a` then `b` and `c`", "Utiliser `c`, puis `a` et `b`"),
            []
        );
        assert_eq!(
            found("Use `npm ci` then `npm test`", "Utiliser `npm test`"),
            [("qa-code-span-missing", Some("`npm ci`".to_owned()), None)]
        );
        assert_eq!(
            found("Use `npm ci`", "Utiliser `npm ci` puis `npm test`"),
            [("qa-code-span-added", None, Some("`npm test`".to_owned()))]
        );
    }

    #[test]
    fn only_code_and_punctuation_is_code_only() {
        assert!(is_code_only("`wc -l {{path/to/file}}`"));
        assert!(is_code_only("- `npm install` :"));
        assert!(!is_code_only("Count lines: `wc -l`"));
        assert!(!is_code_only("No code at all"));
    }
}
