# Translation memory: suggest, pretranslate, tmx import.
help-suggest = List the closest translations the memory holds for one segment
help-suggest-segment = The segment: a position from 1, or an id (a unique prefix is enough)
help-suggest-lang = The language to suggest translations in
help-suggest-limit = Show at most N matches
help-suggest-min-score = Show only matches scoring at least PCT
help-suggest-format = Output format
help-pretranslate = Fill missing segments from the translation memory, as drafts
help-pretranslate-articles = Articles to fill (names such as guides/intro, or their source files); all when none is given
help-pretranslate-lang = The language to fill
help-pretranslate-min-score = Also fill from fuzzy matches scoring at least PCT (as drafts); exact matches only when not given
help-pretranslate-dry-run = Print what would be filled and write nothing
help-pretranslate-exact-as-translated = Record exact matches that pass the checks as translated rather than as drafts
help-tmx-import = Check TMX files and keep them in memory/, where suggest and pretranslate use them
help-tmx-import-files = TMX 1.4 files to add to the memory

memory-origin-segment = { $article }, segment { $n } ({ $id }, { $lang })
memory-origin-obsolete = { $article }, obsolete translation ({ $lang })
memory-origin-tmx = { $file } ({ $lang })
memory-best-match = best match { $score }%

suggest-heading = { $path }:{ $line }: { $lang }: segment { $n } ({ $id })
suggest-none = No match scoring { $min }% or more.
suggest-match = { $score }%  { $origin }
suggest-match-in-context = { $score }% in context  { $origin }

pretranslate-nothing = No missing segment in { $lang }.
pretranslate-summary = { $path }: { $lang }: filled { $exact } exact { $exact ->
        [one] match
       *[other] matches
    } and { $fuzzy } fuzzy { $fuzzy ->
        [one] match
       *[other] matches
    } ({ $translated } recorded as translated, the rest as drafts); { $left } still missing
pretranslate-summary-dry = { $path }: { $lang }: would fill { $exact } exact { $exact ->
        [one] match
       *[other] matches
    } and { $fuzzy } fuzzy { $fuzzy ->
        [one] match
       *[other] matches
    } ({ $translated } as translated, the rest as drafts); { $left } would stay missing
pretranslate-kept-draft = segment { $n } ({ $score }%) kept as a draft: { $code }: { $message }


tmx-imported = { $path }: { $count ->
        [one] { $count } translation unit
       *[other] { $count } translation units
    }
tmx-not-tmx = the root element is <{ $found }>, not <tmx>
tmx-version = not a TMX 1.4 memory (the <tmx> element needs version="1.4")
tmx-missing = a <{ $element }> element is missing
tmx-bad-lang = invalid language tag "{ $tag }"
tmx-tuv-lang = a <tuv> has no xml:lang
