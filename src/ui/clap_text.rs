//! clap's own texts in the UI language.
//!
//! clap writes its usage errors in English. bitext renders them itself from the error's kind
//! and context (the argument, the value, the valid values, the usage line) through the Fluent
//! messages of `src/locales/<lang>/cli.ftl`, so that `--ui-lang fr` shows no English. Help and
//! version requests are clap's own rendering of the localised command ([`super::cli`]).

use std::error::Error as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use bitext_core::l10n::{Arg, tr};
use bitext_core::t;

/// The text of `error`, whether it goes to stdout (help and version) rather than stderr
/// (errors), and the exit code: 0 for help and version, 2 for a usage error.
#[must_use]
pub fn report(error: &clap::Error) -> (String, bool, u8) {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            (usage_words(&error.to_string()), true, crate::EXIT_OK)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            (usage_words(&error.to_string()), false, crate::EXIT_ERROR)
        }
        _ => (render(error), false, crate::EXIT_ERROR),
    }
}

/// The text of a usage error in the UI language: the `error:` line, tips, the usage line and
/// where to find more help.
#[must_use]
pub fn render(error: &clap::Error) -> String {
    let mut out = t!("error-line", message = &message(error));
    let tips = tips(error);
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str("\n  ");
            out.push_str(&t!("clap-tip", tip = &tip));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        // clap titles the line in English; the title is ours.
        let line = usage.strip_prefix("Usage:").unwrap_or(&usage).trim_start();
        out.push_str("\n\n");
        out.push_str(&t!("help-heading-usage"));
        out.push(' ');
        out.push_str(&usage_words(line));
    }
    out.push_str("\n\n");
    out.push_str(&t!("clap-try-help", flag = "--help"));
    out.push('\n');
    out
}

/// `text` with the placeholder clap writes in usage lines for "any options" in the UI
/// language (`[OPTIONS]`, `[OPCIONES]`).
fn usage_words(text: &str) -> String {
    text.replace("[OPTIONS]", &t!("help-usage-options"))
}

fn string(error: &clap::Error, kind: ContextKind) -> Option<&str> {
    match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s),
        _ => None,
    }
}

fn strings(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn number(error: &clap::Error, kind: ContextKind) -> usize {
    match error.get(kind) {
        Some(ContextValue::Number(n)) => usize::try_from(*n).unwrap_or(0),
        _ => 0,
    }
}

/// `'a', 'b'` in each language's quotation marks.
fn quoted_list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| t!("clap-quoted", value = v.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The main sentence of a usage error, with the list of valid values when clap gives one.
fn message(error: &clap::Error) -> String {
    let arg = string(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(error, ContextKind::InvalidValue).unwrap_or_default();
    let subcommand = string(error, ContextKind::InvalidSubcommand).unwrap_or_default();
    let list = |id: &str, kind: ContextKind| {
        let values = strings(error, kind);
        if values.is_empty() {
            String::new()
        } else {
            format!("\n  {}", t!(id, values = &values.join(", ")))
        }
    };
    match error.kind() {
        ErrorKind::UnknownArgument => t!("clap-unknown-argument", arg = arg),
        ErrorKind::InvalidValue if value.is_empty() => t!("clap-value-required", arg = arg),
        ErrorKind::InvalidValue => {
            t!("clap-invalid-value", arg = arg, value = value)
                + &list("clap-possible-values", ContextKind::ValidValue)
        }
        ErrorKind::ValueValidation => {
            let detail = match error.source() {
                Some(source) if source.is::<std::num::ParseIntError>() => {
                    t!("clap-not-a-whole-number")
                }
                Some(source) if source.is::<std::num::ParseFloatError>() => {
                    t!("clap-not-a-number")
                }
                Some(source) => source.to_string(),
                None => String::new(),
            };
            t!(
                "clap-value-validation",
                arg = arg,
                value = value,
                detail = &detail
            )
        }
        ErrorKind::InvalidSubcommand => t!("clap-invalid-subcommand", subcommand = subcommand),
        ErrorKind::MissingSubcommand => {
            t!("clap-missing-subcommand", command = subcommand)
                + &list("clap-subcommands", ContextKind::ValidSubcommand)
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error, ContextKind::InvalidArg);
            let mut text = tr(
                "clap-missing-required",
                &[("count", Arg::from(missing.len()))],
            );
            for name in missing {
                text.push_str("\n  ");
                text.push_str(&name);
            }
            text
        }
        ErrorKind::ArgumentConflict => conflict(error),
        ErrorKind::NoEquals => t!("clap-no-equals", arg = arg),
        ErrorKind::TooManyValues => t!("clap-too-many-values", arg = arg, value = value),
        ErrorKind::TooFewValues => tr(
            "clap-too-few-values",
            &[
                ("arg", Arg::from(arg)),
                ("min", Arg::from(number(error, ContextKind::MinValues))),
                (
                    "actual",
                    Arg::from(number(error, ContextKind::ActualNumValues)),
                ),
            ],
        ),
        ErrorKind::WrongNumberOfValues => tr(
            "clap-wrong-number-of-values",
            &[
                ("arg", Arg::from(arg)),
                (
                    "expected",
                    Arg::from(number(error, ContextKind::ExpectedNumValues)),
                ),
                (
                    "actual",
                    Arg::from(number(error, ContextKind::ActualNumValues)),
                ),
            ],
        ),
        ErrorKind::InvalidUtf8 => t!("clap-invalid-utf8"),
        _ => t!("clap-invalid-command-line"),
    }
}

fn conflict(error: &clap::Error) -> String {
    let prior = strings(error, ContextKind::PriorArg);
    if let Some(arg) = string(error, ContextKind::InvalidArg) {
        if prior.iter().any(|p| p == arg) {
            return t!("clap-repeated-argument", arg = arg);
        }
        return t!("clap-conflict", arg = arg, others = &quoted_list(&prior));
    }
    if let Some(subcommand) = string(error, ContextKind::InvalidSubcommand) {
        return t!(
            "clap-conflict-subcommand",
            subcommand = subcommand,
            others = &quoted_list(&prior)
        );
    }
    t!("clap-invalid-command-line")
}

/// The suggestions clap attaches to an error, each as a localised sentence.
fn tips(error: &clap::Error) -> Vec<String> {
    let mut tips = Vec::new();
    for (kind, id) in [
        (ContextKind::SuggestedSubcommand, "clap-similar-subcommand"),
        (ContextKind::SuggestedArg, "clap-similar-argument"),
        (ContextKind::SuggestedValue, "clap-similar-value"),
    ] {
        let values = strings(error, kind);
        if !values.is_empty() {
            tips.push(tr(
                id,
                &[
                    ("count", Arg::from(values.len())),
                    ("values", Arg::from(&quoted_list(&values))),
                ],
            ));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested) {
        tips.extend(
            suggestions
                .iter()
                .filter_map(|s| suggestion(&s.to_string())),
        );
    }
    tips
}

/// Recognises clap's free-text suggestions (it has three) and says them in the UI language;
/// one it does not know is left out rather than shown in English.
fn suggestion(text: &str) -> Option<String> {
    if let Some(rest) = text.strip_prefix("to pass '") {
        let (arg, _) = rest.split_once("' as a value")?;
        return Some(t!("clap-tip-value-after-dashes", arg = arg));
    }
    if let Some(rest) = text.strip_prefix("subcommand '") {
        let (subcommand, _) = rest.split_once("' exists")?;
        return Some(t!("clap-tip-remove-dashes", subcommand = subcommand));
    }
    if let Some(rest) = text.strip_prefix('\'') {
        let usage = rest.strip_suffix("' exists")?;
        return Some(t!("clap-tip-exists", usage = usage));
    }
    None
}

/// A help heading as clap shows it, followed by a colon: `Options:` in English, `Options :`
/// in French.
#[must_use]
pub fn heading(text: &str) -> String {
    format!("{text}{}", t!("help-space-before-colon"))
}

/// `arg` with its default and possible values noted after its help in the UI language, in
/// place of clap's English `[default: …]` and `[possible values: …]`.
#[must_use]
pub fn with_value_notes(arg: clap::Arg) -> clap::Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let mut notes = String::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push(' ');
        notes.push_str(&t!("help-default", value = &defaults.join(", ")));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() {
        notes.push(' ');
        notes.push_str(&t!("help-possible-values", values = &values.join(", ")));
    }
    if notes.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    arg.hide_default_value(true)
        .hide_possible_values(true)
        .help(format!("{help}{notes}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_suggestion_is_recognised() {
        assert!(suggestion("to pass '--bogus' as a value, use '-- --bogus'").is_some());
        assert!(
            suggestion("subcommand 'status' exists; to use it, remove the '--' before it")
                .is_some()
        );
        assert!(suggestion("'bitext status --segments' exists").is_some());
        assert!(suggestion("something clap may say one day").is_none());
    }
}
