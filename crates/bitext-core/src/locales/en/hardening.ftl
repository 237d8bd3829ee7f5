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
