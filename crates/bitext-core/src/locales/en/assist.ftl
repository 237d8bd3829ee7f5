# Help while translating on the workbench: glossary marks, memory matches, concordance, checks while typing.
assist-no-findings = No problem found in this text.
assist-length = Characters (translation / source):
assist-length-bounds = expected { $min } to { $max }
assist-length-short = too short
assist-length-long = too long
assist-glossary = Glossary:
assist-glossary-not = not
assist-in-context = in context
assist-match-source = Memory source:
assist-match-same = (the same as this segment's)
assist-key-copy-source = copy the source into the text box
assist-key-suggestion = insert the first, second or third memory suggestion
assist-concordance-link = Search the translation memory
assist-concordance-title = Translation memory ({ $lang })
assist-concordance-label = Words in the source or the translation
assist-concordance-results = { $count ->
        [one] One entry holds “{ $text }”.
       *[other] { $count } entries hold “{ $text }”.
    }
assist-concordance-shown = The first { $count } are shown.
assist-origin-segment = { $article }, segment { $n }
assist-origin-obsolete = { $article }, obsolete translation
assist-origin-tmx = memory file { $file }
