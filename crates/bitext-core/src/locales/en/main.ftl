# bitext's own messages, English (the reference for fr.ftl and es.ftl).

## Segment states

state-current = current
state-stale = stale
state-missing = missing
state-draft = draft

segments-count = { $count ->
    [one] { $count } segment
   *[other] { $count } segments
}

## status

status-article-heading = { $path } — { segments-count }
status-col-lang = language
status-col-current = current
status-col-stale = stale
status-col-missing = missing
status-col-draft = draft
status-col-obsolete = obsolete
status-col-percent = done
status-col-n = n
status-col-id = id
status-col-state = state
status-col-line = line
status-col-text = text
status-no-articles = No articles in sources/ yet: add a Markdown file there, e.g. sources/my-article.md.
status-empty-article = This article has no translatable text.

## sync

sync-created = { $path }: created
sync-would-create = { $path }: would be created
sync-updated = { $path }: updated
sync-would-update = { $path }: would be updated
sync-added = { $count ->
    [one] { $count } new segment
   *[other] { $count } new segments
}
sync-obsoleted = { $count ->
    [one] { $count } translation moved to obsolete
   *[other] { $count } translations moved to obsolete
}
sync-restored = { $count ->
    [one] { $count } obsolete translation restored
   *[other] { $count } obsolete translations restored
}
sync-purged = { $count ->
    [one] { $count } obsolete translation purged
   *[other] { $count } obsolete translations purged
}
sync-summary = { $changed ->
    [one] { $changed } file updated
   *[other] { $changed } files updated
}, { $unchanged } already in sync.
sync-summary-dry-run = { $changed ->
    [one] { $changed } file would be updated
   *[other] { $changed } files would be updated
}, { $unchanged } already in sync. Nothing was written (--dry-run).

## set and accept

unit-state-translated = translated
unit-state-reviewed = reviewed
unit-state-draft = draft
set-recorded = { $lang }: segment { $n } of { $path } recorded as { $state }.
accept-accepted = { $lang }: segment { $n } of { $path } accepted: its translation now counts as made from the current text.
accept-already-current = { $lang }: segment { $n } of { $path } is already current; nothing to accept.
origin-stdin = standard input
origin-text = --text

## init

init-created = Created { $path }
init-next = Next: put articles in sources/ as Markdown, then run `bitext status`.

## Errors

error-no-workspace = no bitext.toml in { $dir } or any parent directory; run `bitext init` to create a workspace, or pass -C DIR
error-config-exists = { $path } already exists; bitext init never overwrites it
error-read = cannot read { $path }: { $detail }
error-write = cannot write { $path }: { $detail }
error-parse-config = { $path }:{ $line }:{ $column }: invalid project file: { $detail }
error-parse-translation = { $path }:{ $line }:{ $column }: invalid translation file: { $detail }
error-unknown-format = { $path }: unknown translation file format { $found }; this bitext reads format 1 (a newer bitext may have written it)
error-translation-mismatch = { $path }: field "{ $field }" is "{ $found }" but the file's location says "{ $expected }"
error-duplicate-unit-id = { $path }: two units have the id { $id }
error-orphan-translation = { $path }: translation of an article that does not exist ({ $source } not found); remove it or restore the source
error-invalid-utf8 = { $path }:{ $line }:{ $column }: the file is not valid UTF-8
error-invalid-slug = invalid article name "{ $slug }": an article is named by its path below the sources folder, without its extension (harbour, guides/Getting Started); no part of it may be empty, "." or "..", begin or end with a space, or hold a control character
error-invalid-file-name = { $path }: bitext cannot name this file as an article: its path must be UTF-8, and no part of it may begin or end with a space or hold a control character; rename it
error-not-a-file = { $path }: { $kind }, not a regular file; bitext reads only regular files (or links to them) here: remove it or move it elsewhere
error-history = cannot read the git history: { $detail }
error-adopt-needs-pages = adopt records the history of translated pages: set [layout] translations in bitext.toml (such as translations = "locale/{"{"}lang{"}"}")
error-adopt-needs-history = no git history here to adopt the pages from: run adopt in a git repository, or pass --assume current or --assume stale
error-invalid-layout = { $path }:{ $line }:{ $column }: [layout] { $key } = "{ $value }" must name a folder inside the workspace, relative to it (such as locale/en), with no "." or ".." part and outside .git and .bitext-cache
error-layout-value = { $path }:{ $line }:{ $column }: [layout] { $key } = "{ $value }" is not valid: { $expected }
layout-expected-translations = the folder of each language's pages, with {"{"}lang{"}"} once where the language goes (such as locale/{"{"}lang{"}"}), none of them inside another or inside the sources' folder
layout-expected-untranslated = "source" (a page shows the source's text where a translation is missing) or "omit"
layout-expected-folders = the keys of [layout.folders] are target languages, each with the name of its folder in place of {"{"}lang{"}"}, and need translations = "…/{"{"}lang{"}"}"
layout-expected-front-matter = at most 255 keys, each of letters, digits, "_", "-" and "."
error-unknown-article = no article "{ $slug }": { $path } does not exist
error-invalid-lang = invalid language tag "{ $tag }" (expected a BCP 47 tag such as fr, es or es-419)
error-lang-not-target = language { $tag } is not a target of this workspace (bitext.toml lists: { $targets })
error-did-you-mean = { $error }; did you mean { $suggestion }?
error-source-is-target = { $path }:{ $line }:{ $column }: the source language { $tag } is also listed as a target
error-unknown-segment = { $path }: no segment "{ $segment }" (the article has { segments-count }; give a position from 1 or an id, written @ID when it is all digits)
error-ambiguous-segment = { $path }: segment id prefix "{ $segment }" matches several segments: { $candidates }
error-empty-translation = empty translation from { $origin }; nothing recorded
error-multi-paragraph-translation = the translation from { $origin } contains a blank line, but a segment is one paragraph
error-nothing-to-accept = { $path }: segment { $n } is { $state }: there is no translation to accept
error-invalid-edition = { $path }:{ $line }:{ $column }: edition "{ $id }": { $detail }

## Command-line help

help-heading-usage = Usage:
help-heading-options = Options
help-heading-arguments = Arguments
help-heading-commands = Commands
help-help = Print help
help-version = Print version
help-bitext = Paragraph-level translation tracking for articles: which translations went stale when the source changed.
help-dir = Run in DIR instead of the nearest ancestor directory holding bitext.toml
help-color = When to colour output
help-ui-lang = Language of bitext's own messages (default: from LC_ALL, LC_MESSAGES or LANG)
help-articles = Articles to include (names such as guides/intro, or their source files); all when none is given
help-langs = Target languages to include (repeatable); all targets when none is given
help-article = The article (its name, such as guides/intro, or its source file)
help-init = Create bitext.toml, sources/ and translations/ (never overwrites)
help-init-source = Source language of the articles
help-init-targets = A target language (repeatable)
help-status = Show how much of each article is translated, per language
help-status-segments = List every segment with its position, id, state, line and an excerpt
help-status-format = Output format
help-adopt = Record, from the git history, which English each paragraph of the translated pages was translated from
help-adopt-assume = For pages without git history: take their paragraphs as translations of today's English (current) or of an older one (stale)
adopt-without-history = { $path }: no git history; recorded as --assume says
adopt-unpaired = { $path }: { $count ->
    [one] 1 paragraph
   *[other] { $count } paragraphs
} whose English could not be told (the page and the English page did not have the same structure then): recorded as drafts
adopt-summary = adopt: { $pages } pages, { $commits } commits read; { $translated } paragraphs recorded as translated, { $untranslated } still in English, { $drafts } drafts; { $written } records written.
adopt-progress-history = reading the history: { $commits } commits
adopt-progress-pages = recording pages: { $done } of { $total }
help-sync = Rewrite translation files to mirror the current segmentation of the sources
help-sync-dry-run = Print what would change and write nothing
help-sync-purge-obsolete = Delete obsolete translations instead of keeping them
help-set = Record a translation of one segment, made from its current source text
help-set-segment = The segment: a position from 1, or an id (a unique prefix is enough; @ID for an id that looks like a number)
help-set-lang = The translation's language
help-set-text = The translation (default: read from standard input)
help-set-file = Read the translation from a file
help-set-draft = Save as a draft, which still counts as work left
help-set-reviewed = Mark the translation as reviewed
help-accept = Mark stale segments current without changing their translations
help-accept-segments = Segments to accept: positions from 1 or ids (@ID for an id that looks like a number)
help-accept-lang = The translations' language

## diff and check

finding-stale = { $path }:{ $line }: { $lang }: stale segment { $n } ({ $id })
finding-missing = { $path }:{ $line }: { $lang }: missing segment { $n } ({ $id })
finding-draft = { $path }:{ $line }: { $lang }: draft segment { $n } ({ $id })
diff-missing-line = { $finding }: { $excerpt }
diff-nothing = No stale or missing segments.
diff-translation = translation ({ $lang }):
check-passed = check passed: { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
} in { $languages ->
    [one] { $languages } language
   *[other] { $languages } languages
}; { $stale } stale, { $missing } missing, { $draft } draft.
check-failed = check failed: { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
} in { $languages ->
    [one] { $languages } language
   *[other] { $languages } languages
}; { $stale } stale, { $missing } missing, { $draft } draft.
check-threshold = (required: { $percent } current)
check-below = { $path }: { $lang }: { $percent } current, below the required { $threshold }
check-title-stale = Stale translation ({ $lang })
check-title-missing = Missing translation ({ $lang })
check-title-draft = Draft translation ({ $lang })
check-message-stale = Segment { $n } ({ $id }) changed since it was translated into { $lang }. See: bitext diff { $article } -l { $lang }
check-message-missing = Segment { $n } ({ $id }) has no { $lang } translation.
check-message-draft = Segment { $n } ({ $id }) has only a draft { $lang } translation.
check-junit-message = { $percent } current ({ $current } of { $segments ->
    [one] { $segments } segment
   *[other] { $segments } segments
})
error-invalid-percent = "{ $value }" is not a percentage from 0 to 100
help-diff = Show what changed in the source of every stale segment since it was translated
help-diff-format = Output format
help-diff-exit-code = Exit 1 when the diff shows anything, as `git diff --exit-code`
help-check = Fail (exit 1) when a selected article is not completely translated: the CI gate
help-check-format = Output format
help-check-min-complete = Pass when every article is at least PCT percent current, instead of 100

## export

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
edition-volume = Volume { GROUPED($volume) }
edition-number = Number { GROUPED($number) }
edition-date = { $month } { $year }
edition-volume-number = { $volume }, { $number }
edition-issue-date = { $issue } – { $date }
export-translated-from = { $source ->
    [en] Translated from English
    [fr] Translated from French
    [es] Translated from Spanish
   *[other] Translated from { $source }
}
export-contents = Contents
export-untranslated-note = Not yet translated: shown in the original language.
export-untranslated-marker = [not yet translated]
export-published-in = This article was published in volume { GROUPED($volume) }, number { GROUPED($number) } ({ $month } { $year }).
export-published-in-edition = This article was published in { $edition }.
# Quotation marks of an edition's own text (a titled edition's title in the footer), and those
# of a quotation inside a quotation.
quote-open = “
quote-close = ”
quote-inner-open = ‘
quote-inner-close = ’
export-refused = export refused: { $count ->
    [one] { $count } segment is not translated (see above); translate it, or pass --allow-incomplete to export the source text in its place.
   *[other] { $count } segments are not translated (see above); translate them, or pass --allow-incomplete to export the source text in their place.
}
export-incomplete = { $count ->
    [one] { $count } segment was
   *[other] { $count } segments were
} exported untranslated, marked as such.
export-refused-glossary = export refused: { $count ->
    [one] { $count } glossary error in the text to export (see above); correct the translation, or pass --allow-incomplete to export it as it is.
   *[other] { $count } glossary errors in the text to export (see above); correct the translations, or pass --allow-incomplete to export them as they are.
}
export-glossary-kept = { $count ->
    [one] { $count } glossary error was exported as it is.
   *[other] { $count } glossary errors were exported as they are.
}
error-no-translations = no translations in { $tag } or a more general language; languages with translations: { $available }
error-unknown-edition = no edition "{ $id }" in bitext.toml (editions: { $available })
error-edition-article-missing = edition { $edition } lists article "{ $slug }", but { $path } does not exist
error-export-needs-directory = { $count } articles make { $count } documents: pass -o DIR to write them to a directory, or use --edition for one document
error-not-a-directory = { $path } is not a directory, but several documents are to be written into it
help-export = Export articles or an edition in a language, bilingual or not
help-export-articles = Articles to export (names such as guides/intro, or their source files)
help-export-edition = Export an edition of bitext.toml, in its order, as one document
help-export-lang = The language to export (falls back to more general tags: es-419 -> es)
help-export-bilingual = Source and translation side by side, segment by segment
help-export-format = Output format
help-export-output = Write to PATH (a file; a directory for several articles) instead of stdout
help-export-allow-incomplete = Export even when segments are stale or missing, with the source text marked in their place, or when the glossary finds errors
help-export-paper = The page size of a PDF
help-export-pdf-engine = The program that typesets a PDF (WeasyPrint); by default the one the environment variable BITEXT_WEASYPRINT names, else weasyprint on the PATH

## exchange formats (PO, XLIFF, TMX) and import

error-parse-exchange = { $path }:{ $line }:{ $column }: { $detail }
import-conflict = { $path }:{ $line }: segment { $n } ({ $id }) was changed in the workspace since this file was exported; kept the workspace's translation (use --force to take the file's)
import-unknown-segment = { $path }:{ $line }: unit { $id } matches no segment of { $source }; skipped
import-multi-paragraph = { $path }:{ $line }: the translation of unit { $id } contains a blank line, but a segment is one paragraph; skipped
import-summary = { $path }: { $recorded } recorded, { $stale } stale, { $drafts ->
    [one] { $drafts } as a draft
   *[other] { $drafts } as drafts
}, { $unchanged } unchanged, { $skipped } skipped, { $conflicts ->
    [one] { $conflicts } conflict
   *[other] { $conflicts } conflicts
}
help-po = Exchange translations with PO editors (Poedit, Lokalize, Weblate)
help-po-export = Write a PO file per article
help-po-import = Record the translations of PO files
help-xliff = Exchange translations with XLIFF tools (OmegaT, Trados, memoQ)
help-xliff-export = Write an XLIFF file per article
help-xliff-export-xliff-version = XLIFF version
help-xliff-import = Record the translations of XLIFF files (2.0 or 1.2)
help-tmx = Export a translation memory, or import TMX files into the workspace's memory
help-tmx-export = Write a TMX 1.4b memory of every current segment pair
help-lang = The target language
help-output = Write to PATH (a file; a directory for several articles) instead of stdout
help-files = Files to import
help-force = Take the file's translation even where the workspace's changed since the export
help-tmx-export-output = Write to PATH instead of stdout
import-none = (none)
import-col-n = n
import-col-confidence = conf.
import-col-source = source
import-col-translation = translation
import-col-outcome = result
import-outcome-translated = translated
import-outcome-draft = draft (review)
import-outcome-unchanged = unchanged
import-outcome-conflict = conflict (kept)
import-outcome-missing = no translation
import-outcome-extra = extra, skipped
import-outcome-doubt = { $outcome }: { $why }
import-doubt-merged = blocks merged or split
import-doubt-length = lengths differ
import-doubt-ambiguous = a block nearby was dropped, added or changed
import-doubt-anchors = the code differs
import-structure-differs = { $path }: the translation's structure differs from the source's ({ $source ->
    [one] { $source } block
   *[other] { $source } blocks
  } in the source, { $target } in the translation): pairs that are not certain are drafts
import-article-summary = Recorded { $translated ->
    [one] { $translated } translation
   *[other] { $translated } translations
} and { $drafts ->
    [one] { $drafts } draft
   *[other] { $drafts } drafts
} to review; { $unchanged } unchanged, { $conflicts ->
    [one] { $conflicts } conflict
   *[other] { $conflicts } conflicts
} kept, { $missing } without translation, { $extra ->
    [one] { $extra } extra paragraph
   *[other] { $extra } extra paragraphs
} skipped.
import-article-summary-dry-run = Would record { $translated ->
    [one] { $translated } translation
   *[other] { $translated } translations
} and { $drafts ->
    [one] { $drafts } draft
   *[other] { $drafts } drafts
} to review; { $unchanged } unchanged, { $conflicts ->
    [one] { $conflicts } conflict
   *[other] { $conflicts } conflicts
} kept, { $missing } without translation, { $extra ->
    [one] { $extra } extra paragraph
   *[other] { $extra } extra paragraphs
} skipped. Nothing was written (--dry-run).
help-import = Record the translations of an already-translated document, aligned paragraph by paragraph
help-import-lang = The translation's language
help-import-file = The translated document (.md, or paragraphs separated by blank lines)
help-import-dry-run = Show the alignment and write nothing
help-import-force = Replace current translations that differ
help-jobs = Number of threads to work on articles with (default: one per core)

## reliability

error-lock-timeout = { $path } is held by another bitext command (process { $pid }) for more than { $seconds } s; try again when it has finished
error-stale-lock = { $path } was left by bitext process { $pid }, which is no longer running (it was interrupted); check that no bitext command is running, then delete { $path } and run the command again
error-outside-workspace = { $path } leads outside the workspace (a symbolic link?); bitext only reads and writes files inside it
error-too-large = { $path }:{ $line }: larger than { $limit }; this is not an article bitext can track
error-nul-byte = { $path }:{ $line }:{ $column }: the file contains a NUL byte, so it is not text
error-too-deep = { $path }:{ $line }: lists and block quotes nested more than { $limit } levels deep from this line on; bitext follows { $limit } levels at most
help-po-export-articles = Articles to export (names such as guides/intro, or their source files)
help-xliff-export-articles = Articles to export (names such as guides/intro, or their source files)
