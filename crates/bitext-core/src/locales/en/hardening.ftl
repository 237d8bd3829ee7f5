# Hardening (issue 27): files that are not regular files, unfinished git merges, control
# characters in translations, positions in bitext.toml, the lock, leftovers of killed writes,
# `init --git` in an existing workspace and `bitext doctor`.

# What a file that is not a regular file is
file-kind-fifo = a FIFO (named pipe)
file-kind-socket = a socket
file-kind-device = a device
file-kind-directory = a folder
file-kind-other = a special file

# A value of bitext.toml, at its place
error-config-value = { $path }:{ $line }:{ $column }: { $error }

# A workspace lock that holds no process id
error-broken-lock = { $path } { $what }, so no bitext command can be shown to own it: one was probably stopped between creating it and writing its process id. Check that no bitext command is running in this workspace, then delete { $path } and run the command again
lock-holds-nothing = is empty
lock-holds-garbage = holds “{ $text }” instead of a process id
lock-unreadable = cannot be read ({ $detail })

# `init --git` in an existing workspace
init-existing = { $path } exists already and is left as it is: only bitext's merge driver was set up.

# Control characters in translations
error-control-character = { $place }: { $unit }: the translation holds the control character { $code }; bitext refuses control characters other than tab and line breaks in translations: remove it
error-control-character-text = { $place }: the control character { $code }; bitext refuses control characters other than tab and line breaks in translations: remove it
control-unit = unit { $id }
control-tuv = the { $lang } text
control-segment = segment { $n } ({ $id })
