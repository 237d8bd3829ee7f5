## CLI conventions, completions and manual page, segment addressing, import and check details.

## check --min-complete: work left in an article above the threshold

check-warning = warning: { $finding }
