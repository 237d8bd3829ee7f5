//! Placeholders: the parts of a text a program fills in (`{{path/to/file}}`, `{count}`, `%s`,
//! `$HOME`, `<port>` in code, Hugo's `{{< ref >}}`, `:smile:`). A translator may translate
//! what is inside one (`{{ruta/al/archivo}}`), but never drop one or add one.
//!
//! The syntaxes are the workspace's (`[qa] placeholders = [...]` in `bitext.toml`), written as
//! they look: `"{{…}}"` (or `"{{...}}"`) is anything between `{{` and `}}` on one line, and
//! `"%s"`, `"$VAR"`, `"<…>"` and `":…:"` name the built-in syntaxes of format specifiers, shell
//! variables, angle brackets (in code only) and emoji codes.

/// The syntaxes used when `bitext.toml` names none.
pub const DEFAULT: [&str; 8] = [
    "{{<…>}}",
    "{{%…%}}",
    "{{…}}",
    "{…}",
    "%s",
    "$VAR",
    "<…>",
    ":…:",
];

/// One placeholder syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Syntax {
    /// Anything between `open` and `close` on one line, not empty, without `open` again.
    Between { open: String, close: String },
    /// A `printf` format specifier: `%s`, `%d`, `%1$s`, `%-5.2f`, `%(name)s`; `%%` is none.
    Printf,
    /// A shell variable: `$NAME` or `${NAME}`.
    Variable,
    /// `<…>` in code: a word or words between angle brackets (`<port>`, `<file name>`).
    Angle,
    /// An emoji code: `:smile:`, `:+1:`.
    Emoji,
}

/// A set of placeholder syntaxes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholders {
    syntaxes: Vec<Syntax>,
}

impl Default for Placeholders {
    fn default() -> Self {
        Self::parse(&DEFAULT.map(str::to_owned)).unwrap_or(Self {
            syntaxes: Vec::new(),
        })
    }
}

/// A placeholder found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Its byte range.
    pub range: std::ops::Range<usize>,
    /// Its syntax, by position in the set: placeholders of one syntax stand for one another.
    pub syntax: usize,
}

impl Placeholders {
    /// The syntaxes `entries` name, as `bitext.toml` writes them.
    ///
    /// # Errors
    /// The first entry that names no syntax, with why.
    pub fn parse(entries: &[String]) -> std::result::Result<Self, String> {
        let mut syntaxes = Vec::new();
        for entry in entries {
            let syntax = match entry.as_str() {
                "%s" => Syntax::Printf,
                "$VAR" => Syntax::Variable,
                "<…>" | "<...>" => Syntax::Angle,
                ":…:" | ":...:" => Syntax::Emoji,
                other => {
                    let (open, close) = other
                        .split_once('…')
                        .or_else(|| other.split_once("..."))
                        .ok_or_else(|| entry.clone())?;
                    if open.is_empty() || close.is_empty() || open.contains(char::is_whitespace) {
                        return Err(entry.clone());
                    }
                    Syntax::Between {
                        open: open.to_owned(),
                        close: close.to_owned(),
                    }
                }
            };
            if !syntaxes.contains(&syntax) {
                syntaxes.push(syntax);
            }
        }
        // The longest opening first: `{{<` before `{{` before `{`.
        syntaxes.sort_by_key(|s| match s {
            Syntax::Between { open, .. } => std::cmp::Reverse(open.len()),
            _ => std::cmp::Reverse(0),
        });
        Ok(Self { syntaxes })
    }

    /// The placeholders of `text`, in order; `in_code` when `text` is code (angle brackets
    /// count only there).
    #[must_use]
    pub fn find(&self, text: &str, in_code: bool) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        let starts = self.starts();
        let bytes = text.as_bytes();
        while i < text.len() {
            // Most positions start no placeholder: skip to the next byte that may.
            match bytes[i..].iter().position(|&b| starts[usize::from(b)]) {
                Some(k) => i += k,
                None => break,
            }
            let rest = &text[i..];
            let hit = self
                .syntaxes
                .iter()
                .enumerate()
                .find_map(|(k, s)| matches(s, rest, in_code).map(|len| (k, len)));
            match hit {
                Some((syntax, len)) => {
                    out.push(Found {
                        range: i..i + len,
                        syntax,
                    });
                    i += len;
                }
                None => i += rest.chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    /// The bytes a placeholder of the set may start with.
    fn starts(&self) -> [bool; 256] {
        let mut starts = [false; 256];
        for syntax in &self.syntaxes {
            let first = match syntax {
                Syntax::Between { open, .. } => open.as_bytes()[0],
                Syntax::Printf => b'%',
                Syntax::Variable => b'$',
                Syntax::Angle => b'<',
                Syntax::Emoji => b':',
            };
            starts[usize::from(first)] = true;
        }
        starts
    }

    /// `text` with each placeholder replaced by a mark of its syntax (`\u{1}` and the syntax's
    /// number): two texts that differ only inside placeholders mask alike.
    #[must_use]
    pub fn mask(&self, text: &str, in_code: bool) -> String {
        let mut out = String::with_capacity(text.len());
        let mut pos = 0;
        for found in self.find(text, in_code) {
            out.push_str(&text[pos..found.range.start]);
            out.push('\u{1}');
            out.push(char::from(
                b'0' + u8::try_from(found.syntax % 10).unwrap_or(0),
            ));
            pos = found.range.end;
        }
        out.push_str(&text[pos..]);
        out
    }
}

/// The length of the placeholder of `syntax` at the start of `text`, if one is there.
fn matches(syntax: &Syntax, text: &str, in_code: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    match syntax {
        Syntax::Between { open, close } => {
            let inner = text.strip_prefix(open.as_str())?;
            let end = inner.find(close.as_str())?;
            let content = &inner[..end];
            (!content.trim().is_empty()
                && !content.contains('\n')
                && !content.contains(open.as_str()))
            .then_some(open.len() + end + close.len())
        }
        Syntax::Printf => {
            if bytes.first() != Some(&b'%') || bytes.get(1) == Some(&b'%') {
                return None;
            }
            let mut i = 1;
            if bytes.get(i) == Some(&b'(') {
                let close = text[i..].find(')')?;
                i += close + 1;
            } else {
                // `%1$s`: an argument's position.
                let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                if digits > 0 && bytes.get(i + digits) == Some(&b'$') {
                    i += digits + 1;
                }
            }
            i += bytes[i..]
                .iter()
                .take_while(|b| matches!(b, b'-' | b'+' | b' ' | b'#' | b'0'))
                .count();
            i += bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if bytes.get(i) == Some(&b'.') {
                i += 1;
                i += bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            }
            i += bytes[i..]
                .iter()
                .take_while(|b| matches!(b, b'h' | b'l' | b'L' | b'q' | b'j' | b'z' | b't'))
                .count();
            let conversion = *bytes.get(i)?;
            let known = b"diouxXeEfFgGaAcspn@".contains(&conversion);
            // `%s` must not run into a word: "100%sure" is no specifier, "%d." is.
            let next = text[i + 1..].chars().next();
            (known && !next.is_some_and(char::is_alphanumeric)).then_some(i + 1)
        }
        Syntax::Variable => {
            if bytes.first() != Some(&b'$') {
                return None;
            }
            if bytes.get(1) == Some(&b'{') {
                let close = text.find('}')?;
                let name = &text[2..close];
                return is_name(name).then_some(close + 1);
            }
            let len = bytes[1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count();
            is_name(&text[1..=len]).then_some(len + 1)
        }
        Syntax::Angle => {
            if !in_code || bytes.first() != Some(&b'<') {
                return None;
            }
            let end = text.find('>')?;
            let content = &text[1..end];
            let word = content
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.' | '/'));
            let first = content.chars().next()?;
            (word && first.is_alphabetic() && !content.ends_with(' ')).then_some(end + 1)
        }
        Syntax::Emoji => {
            if bytes.first() != Some(&b':') {
                return None;
            }
            let len = bytes[1..]
                .iter()
                .take_while(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'+' | b'-')
                })
                .count();
            let name = &text[1..=len];
            (len > 0
                && bytes.get(len + 1) == Some(&b':')
                && (name.bytes().any(|b| b.is_ascii_lowercase()) || matches!(name, "+1" | "-1")))
            .then_some(len + 2)
        }
    }
}

/// A shell variable's name: a letter or `_`, then letters, digits and `_`.
fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, in_code: bool) -> Vec<&str> {
        Placeholders::default()
            .find(text, in_code)
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
    }

    #[test]
    fn the_default_syntaxes_are_found() {
        assert_eq!(
            found(
                "wc -l {{path/to/file}} {{< ref \"x\" >}} {{% note %}}",
                true
            ),
            ["{{path/to/file}}", "{{< ref \"x\" >}}", "{{% note %}}"]
        );
        assert_eq!(
            found(
                "Hello {name}, %s has %1$d items (%.2f%%) in $HOME and ${PATH}",
                false
            ),
            ["{name}", "%s", "%1$d", "%.2f", "$HOME", "${PATH}"]
        );
        assert_eq!(
            found("ssh -p <port> <user>@<host>", true),
            ["<port>", "<user>", "<host>"]
        );
        assert_eq!(found("a <b>bold</b> word", false), Vec::<&str>::new());
        assert_eq!(
            found("Nice :smile: and :+1: at 10:30:45", false),
            [":smile:", ":+1:"]
        );
        assert_eq!(
            found("costs $5, 100%sure, {} and {{ }}", false),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn texts_that_differ_inside_placeholders_mask_alike() {
        let p = Placeholders::default();
        assert_eq!(
            p.mask("wc -l {{path/to/file}}", true),
            p.mask("wc -l {{ruta/al/archivo}}", true)
        );
        assert_ne!(
            p.mask("wc -l {{path/to/file}}", true),
            p.mask("wc -w {{ruta/al/archivo}}", true)
        );
        assert_ne!(p.mask("{{a}}", true), p.mask("{a}", true), "two syntaxes");
    }

    #[test]
    fn syntaxes_are_read_as_written() {
        let p = Placeholders::parse(&["[[...]]".to_owned(), "%s".to_owned()]).expect("valid");
        assert_eq!(p.find("a [[b]] %d {c}", false).len(), 2);
        assert_eq!(
            Placeholders::parse(&["{{".to_owned()]),
            Err("{{".to_owned())
        );
        assert_eq!(
            Placeholders::parse(&["…}}".to_owned()]),
            Err("…}}".to_owned())
        );
    }
}
