# Messages about the files bitext reads: PO, XLIFF, XML, bitext.toml and translation files.

po-continuation-without-keyword = a string continuation without a keyword before it
po-plural-entry = plural entries are not supported: bitext segments have no plural forms
po-unknown-keyword = unknown keyword "{ $keyword }"
po-entry-without-msgstr = an entry without msgstr
po-msgstr-without-msgid = msgstr without msgid
po-last-entry-without-msgstr = the last entry has no msgstr
po-no-article-header = no X-Bitext-Article header: export the file with `bitext po export`
po-no-language-header = no Language header
po-expected-string = expected a string in double quotes
po-unknown-escape = unknown escape sequence
po-unescaped-quote = unescaped double quote inside a string
xliff-root-not-xliff = the root element is not <xliff>
xliff-unsupported-version = unsupported XLIFF version (bitext reads 2.0 and 1.2)
xliff-missing-attribute = no { $attribute } on <{ $element }>
xliff-missing-child = a <{ $element }> without <{ $child }>
xliff-unknown-state = unknown segment state
exchange-match-in-context = In-context match: the same text, between the same paragraphs before and after it.
xml-dtd = a DTD is not allowed (entities are never expanded)
xml-too-deep = elements nested deeper than { $limit } levels
xml-content-after-root = content after the root element
xml-unknown-entity = unknown entity &{ $entity };
xml-not-closed = element <{ $element }> is not closed
xml-no-root = no root element
config-duplicate-edition-id = duplicate id
config-invalid-edition-id = id "{ $id }" is not [a-z0-9-]+
config-invalid-edition-date = date "{ $date }" is not YYYY-MM
config-empty-edition-title = the title is empty

## A reader's own English text: English shows it as it is; other languages put a sentence
## of their own first and keep the reader's text in parentheses.

detail-in-parentheses = { $detail }
detail-json-syntax = invalid JSON
detail-json-data = unexpected content
detail-json-eof = the file ends too early
detail-toml = invalid or unexpected TOML
detail-xml = malformed XML

## EPUB export (bitext export --format epub)

error-epub-cover = the cover { $path } of edition { $edition } is not a JPEG, PNG or GIF file inside the workspace (cover = "images/cover.jpg" in bitext.toml, relative to the workspace's root)

## PDF export (bitext export --format pdf)

error-pdf-engine-missing = no PDF engine: { $program } was not found. Install WeasyPrint (the weasyprint package on Debian and Ubuntu, `brew install weasyprint` on macOS, `pipx install weasyprint` elsewhere), or name the program with --pdf-engine PATH or the environment variable BITEXT_WEASYPRINT
error-pdf-engine-failed = the PDF engine { $program } could not typeset { $path }: { $stderr }
error-pdf-engine-timeout = the PDF engine { $program } took more than { $seconds } { $seconds ->
    [one] second
   *[other] seconds
  } to typeset { $path } and was stopped; nothing was written
error-pdf-timeout-setting = BITEXT_PDF_TIMEOUT must be a whole number of seconds above zero, not “{ $value }”
