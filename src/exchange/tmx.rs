//! TMX 1.4b translation memories: every current segment pair, one `<tu>` per pair, with
//! `segtype="paragraph"`, readable by `OmegaT` and Translate Toolkit.

use std::fmt::Write as _;

use crate::exchange::ExportArticle;
use crate::exchange::xml::escape;
use crate::model::assess::State;

/// Writes a memory of the current segments of `articles` (each in its own target language).
#[must_use]
pub fn write(source_lang: &str, articles: &[ExportArticle]) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    let _ = writeln!(
        out,
        "  <header creationtool=\"bitext\" creationtoolversion=\"{}\" segtype=\"paragraph\" o-tmf=\"bitext\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>",
        env!("CARGO_PKG_VERSION"),
        escape(source_lang)
    );
    out.push_str("  <body>\n");
    for article in articles {
        for unit in article.units.iter().filter(|u| u.state == State::Current) {
            let _ = writeln!(
                out,
                "    <tu tuid=\"{}/{}/{}\">",
                escape(article.slug.as_str()),
                escape(article.lang.as_str()),
                escape(&unit.id)
            );
            let _ = writeln!(
                out,
                "      <prop type=\"x-bitext-source\">{}:{}</prop>",
                escape(&article.path),
                unit.line
            );
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                escape(source_lang),
                escape(&unit.source)
            );
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                escape(article.lang.as_str()),
                escape(&unit.target)
            );
            out.push_str("    </tu>\n");
        }
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}
