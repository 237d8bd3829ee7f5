//! Each article aligned once per language and command, and not again while neither file
//! changes.
//!
//! Every command that needs an article's states asks [`Workspace::assess`]. The links are
//! remembered for the rest of the command under a digest of everything the alignment reads
//! ([`fingerprint`]), so a command that looks at an article twice (`check` counts states and
//! then checks the translations) aligns it once. An alignment that went beyond exact text
//! (word comparisons, or links to earlier texts) is also saved under
//! `.bitext-cache/alignments/`, so the next command skips it while neither the source nor the
//! translation file changed; an article whose translations are all current has nothing
//! worth saving.
//!
//! Saved links are a cache, never a second source of truth (invariant 4): they are used only
//! when the file is whole (its last line is the digest of the rest), was made for the same
//! digest and alignment version, and every link is one the alignment could have made (indices
//! in range; an exact link's unit made from exactly the segment's text, so that no cache,
//! however damaged, can make a segment current). Anything else is aligned again and saved
//! again. A cache that cannot be written only costs time next run.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use sha2::{Digest, Sha256};

use crate::model::align::{Link, VERSION, align_with_stats, fingerprint};
use crate::model::article::Article;
use crate::model::assess::{Assessment, assess, assess_with};
use crate::model::hex;
use crate::model::translation::{TranslationFile, Unit};
use crate::workspace::{CACHE_DIR, Workspace};

/// Where saved alignments live, under [`CACHE_DIR`].
const DIR: &str = "alignments";

/// What one workspace remembers of its alignments for the life of the [`Workspace`].
#[derive(Debug, Default)]
pub(crate) struct Memo {
    /// The last alignments that needed more than exact text, most recent last: (article,
    /// language), the digest of the inputs, the links. Alignments of exact text alone cost
    /// less to make again than to keep for a whole workspace.
    remembered: Mutex<Vec<Remembered>>,
    /// Whether `.bitext-cache/alignments/` exists: when it does not, nothing is read.
    saved_any: OnceLock<bool>,
    /// How many alignments were computed rather than remembered or read.
    computed: AtomicUsize,
}

/// How many alignments [`Memo`] keeps in memory; the others are read back from
/// `.bitext-cache/alignments/`.
const KEPT_ALIGNMENTS: usize = 64;

type Remembered = ((String, String), [u8; 32], Arc<Vec<Link>>);

impl Workspace {
    /// Assesses `article` against its translation file, as [`assess`] does, aligning it only
    /// when this command has not already, and no saved alignment of the same files exists.
    #[must_use]
    pub fn assess(&self, article: &Article, file: Option<&TranslationFile>) -> Assessment {
        let Some(f) = file else {
            return assess(article, None);
        };
        let digest = fingerprint(&f.units, &f.obsolete, &article.segments);
        let key = (article.slug.as_str().to_owned(), f.lang.clone());
        let known = self.memo.remembered.lock().ok().and_then(|kept| {
            kept.iter()
                .find(|(k, d, _)| *k == key && *d == digest)
                .map(|(_, _, links)| Arc::clone(links))
        });
        if let Some(links) = known {
            return assess_with(file, links.as_ref().clone());
        }
        let rel = saved_path(&key.0, &key.1);
        let links = match self.read_saved(&rel, &digest, article, f) {
            Some(links) => links,
            None => {
                self.memo.computed.fetch_add(1, Ordering::Relaxed);
                let (links, stats) = align_with_stats(&f.units, &f.obsolete, &article.segments);
                let searched = stats.comparisons > 0
                    || links.iter().any(|link| matches!(link, Link::Similar(_)));
                if !searched {
                    return assess_with(file, links);
                }
                self.save(&rel, &digest, &links);
                links
            }
        };
        if let Ok(mut kept) = self.memo.remembered.lock() {
            kept.retain(|(k, _, _)| *k != key);
            if kept.len() == KEPT_ALIGNMENTS {
                kept.remove(0);
            }
            kept.push((key, digest, Arc::new(links.clone())));
        }
        assess_with(file, links)
    }

    /// The saved links of `rel`, if they are whole, made for `digest`, and possible links for
    /// these inputs.
    fn read_saved(
        &self,
        rel: &Path,
        digest: &[u8; 32],
        article: &Article,
        file: &TranslationFile,
    ) -> Option<Vec<Link>> {
        let any = *self
            .memo
            .saved_any
            .get_or_init(|| self.abs(&Path::new(CACHE_DIR).join(DIR)).is_dir());
        if !any || self.check_inside(rel).is_err() {
            return None;
        }
        let text = std::fs::read_to_string(self.abs(rel)).ok()?;
        let links = decode(&text, digest, article.segments.len())?;
        let possible = links.iter().zip(&article.segments).all(|(link, segment)| {
            let made_from =
                |list: &[Unit], i: usize| list.get(i).is_some_and(|u| u.source == segment.text);
            match link {
                Link::None => true,
                Link::Exact(i) => made_from(&file.units, *i),
                Link::ExactObsolete(k) => made_from(&file.obsolete, *k),
                Link::Similar(group) => {
                    (1..=2).contains(&group.len()) && group.iter().all(|&i| i < file.units.len())
                }
            }
        });
        possible.then_some(links)
    }

    /// Saves `links` under `rel`, atomically; a failure is ignored.
    fn save(&self, rel: &Path, digest: &[u8; 32], links: &[Link]) {
        if self.check_inside(rel).is_err() {
            return;
        }
        let path = self.abs(rel);
        let Some(dir) = path.parent() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let Ok(mut temp) = tempfile::NamedTempFile::new_in(dir) else {
            return;
        };
        if std::io::Write::write_all(&mut temp, encode(digest, links).as_bytes()).is_ok() {
            let _ = temp.persist(&path);
        }
    }
}

/// `.bitext-cache/alignments/<lang>/<slug>.links`, relative to the root.
fn saved_path(slug: &str, lang: &str) -> PathBuf {
    Path::new(CACHE_DIR)
        .join(DIR)
        .join(lang)
        .join(format!("{slug}.links"))
}

/// The saved form: a header line (format, alignment version, digest, number of segments),
/// one line per segment (`-` no link, `=i` exact, `oK` exact obsolete, `~i` or `~i,j`
/// similar), then the SHA-256 of everything before it, so a truncated file is never read.
fn encode(digest: &[u8; 32], links: &[Link]) -> String {
    let mut out = format!(
        "bitext-alignment 1 {VERSION} {} {}\n",
        hex(digest),
        links.len()
    );
    for link in links {
        let _ = match link {
            Link::None => writeln!(out, "-"),
            Link::Exact(i) => writeln!(out, "={i}"),
            Link::ExactObsolete(k) => writeln!(out, "o{k}"),
            Link::Similar(group) => {
                let indices: Vec<String> = group.iter().map(usize::to_string).collect();
                writeln!(out, "~{}", indices.join(","))
            }
        };
    }
    let check = hex(&Sha256::digest(out.as_bytes()));
    out.push_str(&check);
    out.push('\n');
    out
}

/// The links of a saved alignment, if it is whole and was made for `digest` and `segments`
/// segments by this version of the alignment.
fn decode(text: &str, digest: &[u8; 32], segments: usize) -> Option<Vec<Link>> {
    let body_end = text.strip_suffix('\n')?.rfind('\n')? + 1;
    let (body, check) = text.split_at(body_end);
    if check.trim_end() != hex(&Sha256::digest(body.as_bytes())) {
        return None;
    }
    let mut rows = body.lines();
    let expected = format!("bitext-alignment 1 {VERSION} {} {segments}", hex(digest));
    if rows.next()? != expected {
        return None;
    }
    let links = rows
        .map(|line| {
            let (kind, rest) = line.split_at_checked(1)?;
            match kind {
                "-" if rest.is_empty() => Some(Link::None),
                "=" => rest.parse().ok().map(Link::Exact),
                "o" => rest.parse().ok().map(Link::ExactObsolete),
                "~" => rest
                    .split(',')
                    .map(|i| i.parse().ok())
                    .collect::<Option<Vec<usize>>>()
                    .map(Link::Similar),
                _ => None,
            }
        })
        .collect::<Option<Vec<Link>>>()?;
    (links.len() == segments).then_some(links)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segment::segment;
    use crate::model::slug::Slug;

    const BEFORE: &str = "# The harbour\n\nThe council met on Monday to discuss the budget \
        for the coming year.\n\nFishermen said the catch has fallen by a third since the \
        spring.\n\nThe mayor thanked everyone for coming.\n";

    /// A workspace whose French file translates `BEFORE`, its source edited in two
    /// paragraphs so that aligning it compares words.
    fn edited() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        write("bitext.toml", "source = \"en\"\ntargets = [\"fr\"]\n");
        let after = BEFORE
            .replace("Monday", "Tuesday")
            .replace("by a third", "by half");
        write("sources/harbour.md", &after);
        let mut file = TranslationFile::new("harbour", "fr");
        file.units = segment(BEFORE)
            .into_iter()
            .map(|s| Unit {
                id: s.id,
                target: format!("fr {}", s.n),
                source: s.text,
                state: None,
                comment: None,
            })
            .collect();
        write("translations/fr/harbour.json", &file.to_json());
        let ws = Workspace::open(Some(dir.path())).expect("workspace");
        (dir, ws)
    }

    fn load(ws: &Workspace) -> (Article, TranslationFile) {
        let slug = Slug::parse("harbour").expect("slug");
        let article = ws.load_article(&slug).expect("article");
        let lang = ws.select_langs(&["fr".to_owned()]).expect("lang").remove(0);
        let file = ws
            .load_translation(&lang, &slug)
            .expect("read")
            .expect("file");
        (article, file)
    }

    #[test]
    fn an_article_is_aligned_once_per_command_and_not_again_while_its_files_stay() {
        let (dir, ws) = edited();
        let (article, file) = load(&ws);
        let first = ws.assess(&article, Some(&file));
        let second = ws.assess(&article, Some(&file));
        assert_eq!(first.states, second.states);
        assert_eq!(ws.memo.computed.load(Ordering::Relaxed), 1);
        assert_eq!(first.states, assess(&article, Some(&file)).states);
        assert_eq!(first.counts().stale, 2, "{:?}", first.states);

        // The next command reads what this one saved.
        let saved = dir.path().join(saved_path("harbour", "fr"));
        assert!(saved.is_file());
        let next = Workspace::open(Some(dir.path())).expect("workspace");
        assert_eq!(next.assess(&article, Some(&file)).states, first.states);
        assert_eq!(next.memo.computed.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn saved_links_that_would_make_a_segment_current_are_never_used() {
        let (dir, ws) = edited();
        let (article, file) = load(&ws);
        let honest = ws.assess(&article, Some(&file));
        let saved = dir.path().join(saved_path("harbour", "fr"));
        let text = std::fs::read_to_string(&saved).expect("saved");
        let digest = fingerprint(&file.units, &file.obsolete, &article.segments);
        assert!(text.contains(&hex(&digest)));
        // Whole, for the right files, but linking the edited paragraph 2 exactly to its unit.
        let mut forged = honest.links.clone();
        forged[1] = Link::Exact(1);
        std::fs::write(&saved, encode(&digest, &forged)).expect("write");
        let next = Workspace::open(Some(dir.path())).expect("workspace");
        let read = next.assess(&article, Some(&file));
        assert_eq!(read.states, honest.states);
        assert_eq!(next.memo.computed.load(Ordering::Relaxed), 1);
        assert_eq!(
            std::fs::read_to_string(&saved).expect("saved"),
            text,
            "saved again"
        );
    }

    fn links() -> Vec<Link> {
        vec![
            Link::None,
            Link::Exact(0),
            Link::ExactObsolete(3),
            Link::Similar(vec![1]),
            Link::Similar(vec![1, 2]),
        ]
    }

    #[test]
    fn saved_links_read_back() {
        let digest = [7; 32];
        assert_eq!(
            decode(&encode(&digest, &links()), &digest, 5),
            Some(links())
        );
    }

    #[test]
    fn a_damaged_or_foreign_file_is_never_read() {
        let digest = [7; 32];
        let text = encode(&digest, &links());
        assert_eq!(decode(&text, &[8; 32], 5), None, "another digest");
        assert_eq!(decode(&text, &digest, 6), None, "another segment count");
        for cut in 1..text.len() {
            assert_eq!(decode(&text[..cut], &digest, 5), None, "cut at {cut}");
        }
        let changed = text.replacen("=0", "=1", 1);
        assert_eq!(decode(&changed, &digest, 5), None, "a link changed");
        let older = text.replacen(&format!(" 1 {VERSION} "), " 1 0 ", 1);
        assert_eq!(decode(&older, &digest, 5), None, "another version");
    }
}
