# Hardening (issue 27): files that are not regular files, unfinished git merges, control
# characters in translations, positions in bitext.toml, the lock, leftovers of killed writes,
# `init --git` in an existing workspace and `bitext doctor`.

# What a file that is not a regular file is
file-kind-fifo = un tube nommé (FIFO)
file-kind-socket = une socket
file-kind-device = un périphérique
file-kind-directory = un dossier
file-kind-other = un fichier spécial

# A value of bitext.toml, at its place
error-config-value = { $path }:{ $line }:{ $column }: { $error }
