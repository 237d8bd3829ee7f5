## Quality checks (bitext qa, and the findings of accept, set, import and check)

qa-finding = { $path }:{ $line }: { $lang }: segment { $n } ({ $id }): { $check }: { $message }
qa-source-part = source: { $text }
qa-target-part = translation: { $text }
qa-level-error = error
qa-level-warning = warning
qa-summary = qa: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
} in { $segments ->
    [one] { $segments } translated segment
   *[other] { $segments } translated segments
}.
qa-hint-line = { $check }: { $explanation } { $hint }
qa-place = { $path } segment { $n }

## Messages, one or more per check

qa-numbers = the number { $number } of the source is not in the translation
qa-links-missing = the source links to { $url }, the translation does not (as often)
qa-links-extra = the translation links to { $url }, the source does not (as often)
qa-markup = the source has { $source } { $kind }, the translation { $target }
qa-code-changed = { $what } `{ $old }` in code became `{ $new }`: code is kept as it is, but for its placeholders
qa-code-dropped = { $what } `{ $old }` of the code { $span } is not in the translation
qa-code-added = { $what } `{ $new }` in the code { $span } is not in the source
qa-code-span-missing = the code { $span } is not in the translation
qa-code-span-added = the code { $span } is not in the source
qa-placeholder-dropped = the placeholder { $old } is not in the translation
qa-placeholder-added = the placeholder { $new } is not in the source
qa-code-kind-flag = the flag
qa-code-kind-option = the option
qa-code-kind-path = the path
qa-code-kind-number = the number
qa-code-kind-word = the word
qa-kind-emphasis = emphasis (*…*)
qa-kind-strong = strong emphasis (**…**)
qa-kind-link = links
qa-kind-image = images
qa-untranslated-marked = the translation holds bitext's marker for untranslated text
qa-untranslated-copy = the translation is the source text, untranslated
qa-fr-spacing-plain = an ordinary space before “{ $mark }”: use a no-break space (U+00A0 or U+202F)
qa-fr-spacing-missing = no space before “{ $mark }”: French needs a no-break space (U+00A0 or U+202F)
qa-fr-spacing-plain-after = an ordinary space after “{ $mark }”: use a no-break space (U+00A0 or U+202F)
qa-fr-spacing-missing-after = no space after “{ $mark }”: French needs a no-break space (U+00A0 or U+202F)
qa-fr-spacing-before = a space before “{ $mark }”, where French puts none
qa-es-inverted-opening = “{ $mark }” closes a question or exclamation that no “{ $opening }” opens
qa-es-inverted-closing = “{ $mark }” opens a question or exclamation that no “{ $closing }” closes
qa-whitespace-leading = the translation starts with white space
qa-whitespace-trailing = the translation ends with white space
qa-whitespace-double = two spaces in a row
qa-end-punctuation = the source ends with “{ $source }”, the translation with “{ $target }”
qa-inconsistent-source = the same source text is translated differently in { $other }
qa-inconsistent-target = the same translation is used for a different source text in { $other }
qa-glossary-required = the source has “{ $term }”, the translation lacks the glossary's “{ $required }”
qa-glossary-avoid = the translation uses “{ $term }”, which the glossary says to avoid
qa-glossary-avoid-instead = the translation uses “{ $term }”, which the glossary says to avoid: write “{ $instead }”
qa-length-short = the translation is { $percent }% of the usual length for its source ({ $target } characters for { $source }): a sentence may be missing
qa-length-long = the translation is { $percent }% of the usual length for its source ({ $target } characters for { $source }): something may be repeated
qa-quotes = uses { $used } where the rest of the article uses { $usual }

## Explanations and hints

qa-explain-numbers = Every number of the source must appear in the translation, in any of the language's forms (1,000 / 1 000 / 1.000; 3.5 / 3,5).
qa-hint-numbers = Check the figure against the source; spelled-out numbers must be written in digits as the source does.
qa-explain-links = Links and e-mail addresses must lead to the same places, as many times as in the source.
qa-hint-links = Copy the link target from the source; translate only the link text.
qa-explain-markup = Emphasis, strong emphasis, links and images must match the source's.
qa-hint-markup = Put back the Markdown markers (*, **, `, [..](..)) around the translated words.
qa-explain-code = Inline code is copied as it is, but for what is inside its placeholders ({"{{"}path/to/file{"}}"} may be translated); no placeholder is dropped or added, in code or in the text.
qa-hint-code = Copy the code from the source, then translate only the placeholders' contents.
qa-explain-untranslated = The translation is the source text, or holds bitext's “not yet translated” marker.
qa-hint-untranslated = Translate the paragraph; names and bylines that stay as they are do not trigger this check.
qa-explain-fr-spacing = French puts a no-break space before ; : ! ? and inside « », and no space before , and . (the Imprimerie nationale's rules).
qa-hint-fr-spacing = Type U+00A0 (or the narrow U+202F) so that the mark never starts a line.
qa-explain-es-inverted = Spanish opens every question with ¿ and every exclamation with ¡ (RAE, Ortografía 2010).
qa-hint-es-inverted = Add the opening or closing mark where the question or exclamation begins or ends.
qa-explain-quotes = One style of apostrophe (' or ’) and of quotation marks per article.
qa-hint-quotes = Use the style the rest of the article uses.
qa-explain-whitespace = No double spaces, and no space at either end of a segment.
qa-hint-whitespace = Remove the extra space.
qa-explain-end-punctuation = A question stays a question, an exclamation an exclamation: the final mark follows the source's.
qa-hint-end-punctuation = Check the end of the sentence against the source.
qa-explain-inconsistent = The same source text should have the same translation throughout the workspace, and one translation should not serve two different texts.
qa-hint-inconsistent = Compare with the other segment and align the two translations, or tell the difference apart.
qa-explain-glossary = Terms of glossary/<lang>.tsv: a source term requires its target term; some target terms are to be avoided.
qa-hint-glossary = Use the glossary's term, or change the glossary if it is wrong.
qa-explain-length = A translation much shorter or longer than usual for its source often lacks or repeats a sentence.
qa-hint-length = Compare the sentences one by one with the source.

## bitext.toml and glossaries

error-qa-config = { $path }:{ $line }:{ $column }: { $detail }
qa-config-unknown-check = unknown check "{ $name }" in [qa] (checks: { $checks })
qa-config-unknown-level = check "{ $name }": unknown level { $value } (use "error", "warning" or "off")
qa-config-placeholder = placeholders: { $value } is no placeholder syntax (write it as it looks, with … where the name goes: "{"{{"}…{"}}"}", "[[…]]"; or one of "%s", "$VAR", "<…>", ":…:")
error-glossary = { $path }:{ $line }: invalid glossary entry: { $detail }
glossary-no-tab = expected a source term, a tab, and a target term (or "!", a tab, and a term to avoid)
glossary-empty-term = a term is empty
glossary-too-many-fields = more than three tab-separated fields

## Commands

accept-refused = { $lang }: segment { $n } of { $path } not accepted: its translation has { $count ->
    [one] { $count } error
   *[other] { $count } errors
} (see above); correct it with `bitext set`, or pass --force to accept it anyway.
accept-forced = { $lang }: segment { $n } of { $path } accepted despite { $count ->
    [one] { $count } quality error
   *[other] { $count } quality errors
} (--force).
check-qa-summary = { $count ->
    [one] { $count } quality error
   *[other] { $count } quality errors
} (bitext qa for details; --no-qa to leave them out).
check-title-qa = Quality error ({ $lang }): { $check }
import-untranslated-marked = { $path }:{ $line }: unit { $id } still holds bitext's “not yet translated” marker; skipped
import-untranslated-copy = { $path }:{ $line }: unit { $id } is the source text, untranslated; recorded as a draft
import-untranslated-summary = { $path }: { $count ->
    [one] { $count } segment came back untranslated and was not recorded as translated
   *[other] { $count } segments came back untranslated and were not recorded as translated
}
import-outcome-untranslated = untranslated, skipped
import-outcome-copy = source text, draft
help-qa = Check translations for errors a reviewer would catch: numbers, links, markup, typography, glossary
help-qa-format = Output format
help-accept-force = Accept even when a quality check at level error fails
help-check-no-qa = Leave quality findings out of the check
