# Review: reviewed translations, the comments kept on units, and editions that export only
# reviewed text (`require = "reviewed"`).

config-invalid-edition-require = `require` must be "translated" or "reviewed", not "{ $value }"
error-nothing-to-comment = { $path }: segment { $n } has no translation: a comment goes with a translation, so translate the segment first
comment-place = the comment on segment { $n } ({ $id })
finding-unreviewed = { $path }:{ $line }: { $lang }: segment { $n } not reviewed ({ $id })
check-title-unreviewed = Translation not reviewed ({ $lang })
check-message-unreviewed = Segment { $n } ({ $id }) is translated into { $lang } but not reviewed, and an edition holding { $article } exports only reviewed translations. See: bitext review { $article } { $n } -l { $lang }
check-unreviewed = { $count ->
    [one] One translation not reviewed, in an edition that requires reviewed ones.
   *[other] { $count } translations not reviewed, in an edition that requires reviewed ones.
}
review-marked = { $path } ({ $lang }): segment { $n } marked reviewed
review-already = { $path } ({ $lang }): segment { $n } was already reviewed
review-refused = { $path } ({ $lang }): segment { $n } is { $state }: only a current translation can be marked reviewed; left as it is
review-changed = { $path } ({ $lang }): segment { $n } changed since it was shown: left as it is
comment-saved = { $path } ({ $lang }): comment saved on segment { $n }
comment-removed = { $path } ({ $lang }): no comment left on segment { $n }
help-review = Mark current translations reviewed: positions, ranges such as 3-7, or ids
help-review-segments = Segments to mark reviewed: positions from 1, ranges such as 3-7, or ids (@ID for an id that looks like a number)
help-review-lang = The translations' language
help-comment = Add, change or remove the comment on a segment's translation
help-comment-segment = The segment: a position from 1, or an id
help-comment-text = The comment (an empty one removes it)
help-comment-lang = The translation's language
help-comment-remove = Remove the comment

## Workbench

serve-key-click = click
serve-key-pick-range = on a review checkbox: the same choice for every checkbox since the one clicked before
serve-filter-review = to review ({ $count })
serve-review-title = Mark reviewed
serve-review-help = Tick the segments to mark, or give a range of positions. Only current translations are marked; the others are listed, and left as they are.
serve-review-from = From segment
serve-review-to = to segment
serve-review-submit = Mark reviewed
serve-review-pick = Select segment { $n } for review
serve-review-done = { $count ->
    [0] No segment was marked reviewed.
    [one] One segment marked reviewed.
   *[other] { $count } segments marked reviewed.
}
serve-review-skipped = Not marked, because not current: { $list }.
serve-review-changed = Not marked, because changed since the page was loaded: { $list }.
serve-review-bad-range = The range { $from } to { $to } is not one of this article's segments (1 to { $count }).
serve-comment = Comment
serve-comment-edit = Comment on segment { $n }
serve-comment-label = Comment on the translation of segment { $n }
serve-comment-save = Save the comment
serve-comment-remove = Remove the comment
serve-comment-done = Comment saved on segment { $n }.
serve-comment-removed = Comment removed from segment { $n }.
serve-comment-refused-title = The comment was not saved
serve-comment-conflict-title = The comment changed
serve-comment-conflict = The comment on segment { $n } changed since this page was loaded. It now reads:
serve-comment-none = (no comment)
serve-comment-yours = Your text, not saved:
serve-comment-back = Back to the segment
serve-unreviewed = not reviewed
