## CLI conventions, completions and manual page, segment addressing, import and check details.

## check --min-complete: work left in an article above the threshold

check-warning = warning: { $finding }

## Help

help-heading-global-options = Global options
help-command-help = Print the help of bitext or of a command
help-help-command = The command, and its subcommand if it has any

## export: what to export, and where

error-export-needs-articles = export needs the articles to export (bitext export ARTICLE... -l { $lang }); bitext.toml defines no editions to export instead
error-export-needs-selection = export needs the articles to export (bitext export ARTICLE... -l { $lang }) or an edition (bitext export --edition ID -l { $lang }; editions: { $editions })
error-no-editions = no edition "{ $id }": bitext.toml defines no editions (add an [[edition]] table with id, volume, number, date and articles)
export-written-into-directory = wrote { $path } (-o { $dir } names a directory, so the document takes its usual file name there)

## completions and man

help-completions = Print a completion script for a shell, made from this command-line definition
help-completions-shell = The shell to complete in
help-man = Print the manual page, or write one page per command into a directory
help-man-output = Write bitext.1 and a page per command (bitext-status.1, ...) into DIR instead of printing bitext.1
man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-version = VERSION
man-possible-values = Possible values:
man-default = [default: { $value }]
