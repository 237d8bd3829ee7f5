# Hardening (issue 27): files that are not regular files, unfinished git merges, control
# characters in translations, positions in bitext.toml, the lock, leftovers of killed writes,
# `init --git` in an existing workspace and `bitext doctor`.

# What a file that is not a regular file is
file-kind-fifo = una tubería con nombre (FIFO)
file-kind-socket = un socket
file-kind-device = un dispositivo
file-kind-directory = una carpeta
file-kind-other = un archivo especial

# A value of bitext.toml, at its place
error-config-value = { $path }:{ $line }:{ $column }: { $error }
