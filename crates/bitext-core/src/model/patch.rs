//! A source file as it was when translated, rebuilt from the current file and the old texts
//! of its stale segments, and the unified patch from it to the current file: real line
//! numbers and the file's real lines, so `git apply` and `patch` accept it.
//!
//! Translation files keep each old text normalised (one line), not its wrapping. The old
//! lines are wrapped where the current ones are, wherever the old and new text agree around
//! the line break, so a small edit in a wrapped paragraph gives back the original lines.

use similar::{Algorithm, DiffOp, TextDiff, capture_diff_slices};

use crate::model::segment::{segment, segment_mdx, spans};

/// `current` (a source file's content, MDX when `mdx`) with the segment at each 0-based index
/// of `old` replaced by its old text. The result is normalised as segmenting normalises a
/// file.
#[must_use]
pub fn as_translated(current: &str, mdx: bool, old: &[(usize, &str)]) -> String {
    let (src, ranges) = spans(current, mdx);
    let segments = if mdx {
        segment_mdx(&src)
    } else {
        segment(&src)
    };
    let mut old: Vec<&(usize, &str)> = old.iter().filter(|(i, _)| *i < ranges.len()).collect();
    old.sort_by_key(|(i, _)| *i);
    let mut out = String::with_capacity(src.len());
    let mut pos = 0;
    for (i, text) in old {
        let Some(range) = ranges[*i].clone() else {
            continue;
        };
        if range.start < pos || range.end < range.start || *i >= segments.len() {
            continue;
        }
        out.push_str(&src[pos..range.start]);
        out.push_str(&rewrap(&src[range.clone()], &segments[*i].text, text));
        pos = range.end;
    }
    out.push_str(&src[pos..]);
    out
}

/// The unified patch (paths `a/<path>` and `b/<path>`, 3 lines of context) that turns the
/// file as translated into `current` (MDX when `path` ends in `.mdx`); empty when they are
/// the same.
#[must_use]
pub fn unified(path: &str, current: &str, old: &[(usize, &str)]) -> String {
    let mdx = std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e == "mdx");
    let mut before = as_translated(current, mdx, old);
    let mut now = crate::model::segment::normalise_file(current);
    if before == now {
        return String::new();
    }
    // Give the lines back the file's own line endings and byte order mark, so the patch
    // applies to the file as it is on disk.
    if current.contains("\r\n") {
        before = before.replace('\n', "\r\n");
        now = now.replace('\n', "\r\n");
    }
    if current.starts_with('\u{feff}') {
        before.insert(0, '\u{feff}');
        now.insert(0, '\u{feff}');
    }
    TextDiff::from_lines(&before, &now)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// `old` (normalised) laid out on lines the way `slice`, the current source of a segment whose
/// normalised text is `new`, is: same line breaks, same container prefixes (`> `, indents).
fn rewrap(slice: &str, new: &str, old: &str) -> String {
    let lines: Vec<&str> = slice.split('\n').collect();
    if lines.len() < 2 {
        return old.to_owned();
    }
    let mut contents = Vec::with_capacity(lines.len());
    let mut prefixes = Vec::with_capacity(lines.len());
    for (k, line) in lines.iter().enumerate() {
        let start = if k == 0 {
            0
        } else {
            line.len() - line.trim_start_matches([' ', '\t', '>']).len()
        };
        prefixes.push(&line[..start]);
        contents.push(line[start..].trim_end_matches([' ', '\t']));
    }
    if contents.join(" ") != new {
        // Hard breaks or inline constructs across lines: keep the old text on one line.
        return old.to_owned();
    }
    // The breaks, as char positions of the joining spaces in `new`, with their prefixes.
    let mut breaks = Vec::with_capacity(lines.len() - 1);
    let mut at = 0;
    for (k, content) in contents[..contents.len() - 1].iter().enumerate() {
        at += content.chars().count();
        breaks.push((at, prefixes[k + 1]));
        at += 1;
    }
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let mut old_breaks = std::collections::HashMap::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_chars, &new_chars) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for (b, prefix) in &breaks {
                if (new_index..new_index + len).contains(b) {
                    old_breaks.insert(old_index + (b - new_index), *prefix);
                }
            }
        }
    }
    let mut out = String::with_capacity(old.len() + 8 * old_breaks.len());
    for (i, c) in old_chars.iter().enumerate() {
        match old_breaks.get(&i) {
            Some(prefix) => {
                out.push('\n');
                out.push_str(prefix);
            }
            None => out.push(*c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_in_a_wrapped_paragraph_gives_back_the_original_lines() {
        let before = "# Title\n\nThe council met on Monday\nand argued over 60 items\nuntil late.\n\n> A quote\n> on two lines.\n";
        let now = before
            .replace("over 60 items", "over 70 items")
            .replace("on two lines", "on just two lines");
        let old = [
            (
                1,
                "The council met on Monday and argued over 60 items until late.",
            ),
            (2, "A quote on two lines."),
        ];
        assert_eq!(as_translated(&now, false, &old), before);
    }

    #[test]
    fn an_mdx_paragraph_inside_an_element_is_found_through_its_dedent() {
        let before =
            "import X from './x'\n\n<Note>\n  Keep this line\n  and change 60 here.\n</Note>\n";
        let now = before.replace("60", "70");
        let patch = unified(
            "sources/x.mdx",
            &now,
            &[(0, "Keep this line and change 60 here.")],
        );
        assert!(
            patch.contains("\n-  and change 60 here.\n+  and change 70 here.\n"),
            "{patch}"
        );
    }

    #[test]
    fn a_crlf_file_gets_crlf_lines() {
        let now = "# Title\r\n\r\nOne changed.\r\n";
        let patch = unified("x.md", now, &[(1, "One.")]);
        assert!(patch.contains("\n-One.\r\n+One changed.\r\n"), "{patch:?}");
        assert!(patch.contains("\n # Title\r\n"), "{patch:?}");
    }

    #[test]
    fn the_patch_has_real_line_numbers() {
        let before = "# Title\n\nOne.\n\nTwo\nwrapped.\n\nThree.\n";
        let now = before.replace("Two\nwrapped", "Two\nrewrapped");
        let patch = unified("sources/x.md", &now, &[(2, "Two wrapped.")]);
        assert_eq!(
            patch,
            "--- a/sources/x.md\n+++ b/sources/x.md\n@@ -3,6 +3,6 @@\n One.\n \n Two\n-wrapped.\n+rewrapped.\n \n Three.\n"
        );
    }
}
