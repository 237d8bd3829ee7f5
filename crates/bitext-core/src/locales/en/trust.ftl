# Parallel branches: the merge driver, conflicts and their resolution.

merge-side-base = common ancestor
merge-side-ours = ours
merge-side-theirs = theirs
merge-conflicts = { $path }: { $count ->
    [one] one unit was translated differently on both branches
   *[other] { $count } units were translated differently on both branches
}; ours is kept and theirs recorded beside it, so the file stays valid. Run `bitext status` to see the conflicts and `bitext resolve` to settle them.
status-conflict = { $lang }: segment { $segment } was translated differently on two merged branches; settle it with `{ $command }`
check-title-conflict = Merge conflict ({ $lang })
check-conflicts = { $count ->
    [one] One merge conflict to resolve.
   *[other] { $count } merge conflicts to resolve.
}
resolve-done = { $path } ({ $lang }), segment { $segment }: conflict resolved, { $kept } kept
resolve-kept-ours = our version
resolve-kept-theirs = their version
resolve-kept-text = the new translation
error-no-conflict = { $path }: segment "{ $segment }" has no merge conflict in { $lang }
error-git-config = { $path }: could not register the merge driver with git: { $detail }
init-gitattributes-updated = Added to .gitattributes: { $line }
init-git-hint = To merge translation files unit by unit across git branches, register bitext's merge driver once per clone (or run `bitext init --git`):
    { $command }
init-git-registered = Registered bitext's merge driver in the git configuration.
help-init-git = Also register bitext's merge driver in the git repository's configuration
help-merge-driver = Merge two versions of a translation file unit by unit: git's merge driver
help-merge-driver-ancestor = The common ancestor's version (%O; empty when the file is new on both branches)
help-merge-driver-current = Our version (%A), which receives the result
help-merge-driver-other = Their version (%B)
help-merge-driver-path = The file's path in the repository (%P), for messages
help-resolve = Settle a merge conflict on one segment: keep ours, take theirs, or give the text
help-resolve-segment = The segment: a position from 1, or an id (a unique prefix is enough)
help-resolve-lang = The translation's language
help-resolve-ours = Keep the version in the file (ours)
help-resolve-theirs = Take the other branch's version (theirs)
help-resolve-text = Record this translation instead, made from the current source text
