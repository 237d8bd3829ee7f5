# bitext serve: the translator's workbench in the browser.

## Command line

help-serve = Serve the translator's workbench on a local web page
help-serve-port = The port to listen on (0: a free one)
help-serve-bind = Listen on this address instead of 127.0.0.1 (other machines can then connect)
help-serve-open = Open the page in the desktop's browser
serve-listening = bitext serve: open { $url }
serve-stop-hint = Press Ctrl-C to stop.
serve-stopped = bitext serve: stopped
serve-warning-exposed = warning: listening on { $addr }: other machines can reach this server; only the token protects it
serve-open-failed = could not start { $program } to open the page; open the address above yourself
error-serve = cannot start the server: { $detail }

## Page frame

serve-skip = Skip to content
serve-nav = Workbench
serve-dashboard = Dashboard
serve-ui-language = Interface language
serve-lang-name = { $tag ->
    [en] English
    [fr] French
    [es] Spanish
    [es-419] Latin American Spanish
   *[other] { $tag }
}

## Dashboard

serve-summary = { $articles ->
    [one] One article
   *[other] { $articles } articles
}, { $segments ->
    [one] one segment
   *[other] { $segments } segments
} in each language.
serve-by-language = By language
serve-editions = Editions
serve-edition = Edition
serve-edition-ready = ready
serve-edition-left = { $count ->
    [one] one segment left
   *[other] { $count } segments left
}
serve-edition-article-missing = an article is missing
serve-articles = Articles
serve-dashboard-all = All articles
serve-dashboard-unfinished = Unfinished articles
serve-dashboard-none-unfinished = Every article is translated in every language.
serve-dashboard-range = Articles { $first } to { $last } of { $count }, page { $page } of { $pages }
serve-article = Article
serve-segments = Segments
serve-download = Download

## Workbench

serve-progress = Translated from the current text
serve-filter = Show
serve-filter-all = all
serve-filter-unfinished = unfinished
serve-shortcuts = Keyboard shortcuts
serve-key-save-next = save, then go to the next unfinished segment
serve-key-next = next segment, without saving
serve-key-previous = previous segment, without saving
serve-none-in-view = No segment to show here.
serve-segment = Segment { $n }
serve-source = Source
serve-changed = Changed since it was translated
serve-deleted = deleted:
serve-inserted = inserted:
serve-translation = Translation ({ $lang })
serve-suggestions = From the translation memory (click to insert)
serve-findings = Quality checks
serve-level-error = error
serve-level-warning = warning
serve-actions = Actions
serve-save = Save
serve-save-draft = Save as draft
serve-accept = Accept
serve-review = Mark reviewed
serve-done-save = Segment { $n } saved.
serve-done-draft = Segment { $n } saved as a draft.
serve-done-review = Segment { $n } marked reviewed.
serve-done-accept = Segment { $n } accepted.
serve-finished = No unfinished segment left here.
serve-export = Export
serve-bilingual = bilingual
serve-format = Format
serve-format-txt = plain text

## Refused saves

serve-conflict = This segment changed on disk
serve-conflict-source = The source paragraph was edited since you loaded the page. Nothing was saved: read it again, then choose.
serve-conflict-translation = Someone changed this translation since you loaded the page. Nothing was saved: choose which text to keep.
serve-source-now = Source now
serve-disk-text = Translation on disk
serve-no-translation = no translation
serve-keep-disk = Keep the text on disk
serve-your-text = Your text
serve-keep-mine = Save my text
serve-not-saved = Not saved
serve-try-again = Try again
serve-back = Back to the workbench
serve-confirm = Confirm the save
serve-confirm-findings = The quality checks found errors in this translation. Save it anyway?
serve-save-anyway = Save anyway
serve-confirm-accept = Confirm the accept
serve-confirm-accept-findings = The quality checks found errors in this translation against the current source. Accept it anyway?
serve-accept-anyway = Accept anyway
serve-translation-to-accept = The translation to accept
serve-empty = The translation is empty.
serve-one-paragraph = A segment is one paragraph: remove the blank lines.
serve-nothing-to-accept = This segment has no translation to accept.

## Export

serve-export-refused = Export refused
serve-export-refused-why = Some segments are not translated from the current text, so the export would be incomplete:
serve-export-what = Name either an article or an edition to export.
serve-bad-format = Unknown format “{ $format }”: use html, md or txt.

## Errors

serve-error-title = Error { $status }
serve-forbidden-token = This page needs the token printed by bitext serve: open the full address it printed.
serve-forbidden-host = This server answers only to its own address.
serve-forbidden-origin = Changes are accepted only from the workbench's own pages.
serve-no-page = There is no page at { $path }.
serve-no-segment = There is no segment { $segment } in this article.
serve-missing-field = The form lacks the field “{ $field }”.
serve-bad-action = Unknown action “{ $action }”.
serve-bad-method = This address does not accept { $method } requests.
serve-internal = Something went wrong inside bitext; nothing was written. Please report it.

## Limits of the HTTP server and pages of a long article (issue 27)

serve-bad-setting = { $name } must be a whole number above zero, not “{ $value }”
serve-http-too-large = The request's header fields are larger than this server accepts ({ $limit } bytes).
serve-http-malformed = This request is not well-formed HTTP.
serve-http-version = This server speaks HTTP/1.1 and HTTP/1.0 only.
serve-http-host = The request must name its host once, in the Host field.
serve-http-length = The request's Content-Length is not a valid length.
serve-http-chunked = Chunked request bodies are not accepted: send the body with a Content-Length.
serve-http-coding = Transfer codings are not accepted: send the body with a Content-Length.
serve-http-body-too-large = The request's body is larger than this server accepts ({ $limit } bytes).
serve-http-expectation = Only the expectation 100-continue is understood.
serve-http-timeout = The request did not arrive in time.
serve-http-busy = The server is busy: try again in a moment.
serve-pages = Pages
serve-page-previous = Previous page
serve-page-next = Next page
serve-page-number = Page { $page }
serve-page-range = Segments { $first } to { $last } of the { $count } shown, page { $page } of { $pages }
serve-search = Search
serve-search-label = Text in the source or the translation
serve-search-clear = Show all
serve-search-results = { $count ->
    [one] One segment contains “{ $text }”.
   *[other] { $count } segments contain “{ $text }”.
}

## Workbench in the reader's language: counts, the export refusal, the way back (issue 25)

serve-count-current = { $count } current
serve-count-stale = { $count } stale
serve-count-missing = { $count } missing
serve-count-draft = { $count } draft
serve-export-unfinished = { $count ->
    [one] One segment is not translated from the current text, so the export would be incomplete. Finish or accept it in the workbench, then download again:
   *[other] { $count } segments are not translated from the current text, so the export would be incomplete. Finish or accept them in the workbench, then download again:
}
serve-export-glossary = { $count ->
    [one] One glossary error in the { $lang } text to export. Correct it in the workbench, then download again:
   *[other] { $count } glossary errors in the { $lang } text to export. Correct them in the workbench, then download again:
}
serve-back-dashboard = Back to the dashboard

## EPUB export: the dashboard's download of an edition as EPUB

serve-download-epub = Download the EPUB edition
serve-download-pdf = Download the print-ready PDF edition

## Unsaved text in the workbench: Accept with typed text asks (issue 25)

serve-unsaved-title = Your text is not saved
serve-unsaved-accept = You typed a new text in this segment. Accept keeps the translation on record, unchanged, and drops what you typed.
serve-unsaved-save = Save my text
serve-unsaved-keep = Accept the translation on record
serve-unsaved-cancel = Go back to my text

## A new paragraph like one still in the article: new, with a suggestion (issue 25)

serve-new-here = new here
serve-new-like = A new paragraph. The closest earlier paragraph is segment { $n }: its translation is offered below as a suggestion to adapt, not as a translation of this text.
serve-new-like-link = Go to segment { $n }
serve-new-like-diff = Differences from segment { $n }
serve-new-like-origin = translation of segment { $n }
serve-accept-new = Segment { $n } is a new paragraph: the translation on record was made for segment { $like }. Write its own translation and save it.

## Checks while typing: next and previous unfinished segment (issue 25)

serve-key-next-unfinished = next unfinished segment on this page, without saving
serve-key-previous-unfinished = previous unfinished segment on this page, without saving
