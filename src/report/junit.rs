//! JUnit XML, as CI systems read it: one `<testsuite>` per language, one `<testcase>` per
//! article, with a `<failure>` when the article fails. Test cases are written to a temporary
//! file per suite as they come, so the report of a whole workspace is never held.

use std::fmt::Write as _;
use std::io::{self, Write};

use bitext_core::exchange::xml::escape;

use crate::report::spool::Spool;

/// A failing test case's failure.
#[derive(Debug, Clone, Copy)]
pub struct Failure<'a> {
    /// The failure's one-line message.
    pub message: &'a str,
    /// Its type (`incomplete`, `qa`).
    pub kind: &'a str,
    /// Its text: what failed, a line each.
    pub text: &'a str,
}

/// The suites of one report.
pub struct Junit {
    /// The report's name (`bitext check`).
    name: &'static str,
    /// The prefix of every test case's class name (`bitext`, `bitext.qa`).
    class: &'static str,
    /// Per language: its tag, its test cases, how many fail.
    suites: Vec<(String, Spool, usize)>,
}

impl Junit {
    /// A report named `name` with a suite per language of `langs`, in that order.
    ///
    /// # Errors
    /// A temporary file cannot be made.
    pub fn new(name: &'static str, class: &'static str, langs: &[&str]) -> io::Result<Self> {
        Ok(Self {
            name,
            class,
            suites: langs
                .iter()
                .map(|l| Ok(((*l).to_owned(), Spool::new()?, 0)))
                .collect::<io::Result<_>>()?,
        })
    }

    /// Adds the test case of `article` (its source file `file`) in `lang`, failing with
    /// `failure` if any. A language without a suite is ignored.
    ///
    /// # Errors
    /// A failed write to the temporary file.
    pub fn case(
        &mut self,
        lang: &str,
        article: &str,
        file: &str,
        failure: Option<Failure<'_>>,
    ) -> io::Result<()> {
        let Some((_, spool, failures)) = self.suites.iter_mut().find(|s| s.0 == lang) else {
            return Ok(());
        };
        let mut case = format!(
            "    <testcase name=\"{}\" classname=\"{}.{}\" file=\"{}\"",
            escape(article),
            self.class,
            escape(lang),
            escape(file)
        );
        match failure {
            None => case.push_str("/>\n"),
            Some(failure) => {
                *failures += 1;
                let _ = writeln!(
                    case,
                    ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                    escape(failure.message),
                    failure.kind,
                    escape(failure.text)
                );
            }
        }
        spool.push("", &case)
    }

    /// Writes the whole report to `out`.
    ///
    /// # Errors
    /// A failed write.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        let tests: usize = self.suites.iter().map(|s| s.1.items()).sum();
        let failures: usize = self.suites.iter().map(|s| s.2).sum();
        out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
        writeln!(
            out,
            "<testsuites name=\"{}\" tests=\"{tests}\" failures=\"{failures}\">",
            self.name
        )?;
        for (lang, spool, failures) in self.suites {
            writeln!(
                out,
                "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
                escape(&lang),
                spool.items()
            )?;
            spool.copy_to(out)?;
            out.write_all(b"  </testsuite>\n")?;
        }
        out.write_all(b"</testsuites>\n")
    }
}
