## Search across the workspace, and a segment's history (issue 25)

search-title = Search
search-label = Text, segment id or position
search-hint = A text is found in the source or the translation, whatever its case and accents; an id finds the segment whose id starts with it; #12 is the twelfth segment of each article, and article#12 the twelfth of one article.
search-lang = Language
search-state = State
search-found = { $count ->
    [0] No segment found.
    [one] One segment found.
   *[other] { $count } segments found in { $articles ->
        [one] one article
       *[other] { $articles } articles
    }.
}
search-more = More than { $count } segments match: the first { $count } are shown. Narrow the search to see the others.
search-no-translation = No translation yet.
history-link = History
history-link-label = History of segment { $n }
history-title = History of segment { $n }
history-back = Back to this segment in the workbench
history-now = The paragraph now
history-versions = Its translations, newest first
history-none = This segment has never been translated.
history-no-git = This workspace is not in a git checkout: only the translation on disk now is known.
history-uncommitted = On disk, not committed yet
history-on-disk = on disk now
history-made-from-current = Made from the paragraph as it is now.
history-made-from-earlier = Made from an earlier text of the paragraph:
history-restore = Restore this translation
history-done-restore = Segment { $n }: an earlier translation restored.
history-conflict = This segment changed on disk since the page was loaded, and nothing was restored. Here is its history as it is now.
history-unrelated = This translation would not count as this paragraph's: nothing was restored. Copy it into the text box instead.
history-no-version = The history of this segment holds no version from commit { $commit }.
restore-origin = the earlier translation of segment { $n }
help-history = Show every translation one segment had, from git, with who recorded it and when
help-history-segment = The segment: a position from 1, or an id (a unique prefix is enough)
help-history-lang = The translation's language
help-history-format = Output format
history-heading = { $path }, segment { $n } ({ $id }) in { $lang }: { $count ->
    [0] never translated.
    [one] one translation.
   *[other] { $count } translations, newest first.
}
history-cli-no-git = Not in a git checkout: only the translation on disk is known.
history-cli-uncommitted = on disk, not committed yet
history-cli-made-from = made from an earlier text of the paragraph:
search-filter-review = to review
