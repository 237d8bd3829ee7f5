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

# A workspace lock that holds no process id
error-broken-lock = { $path } { $what }, si bien qu’aucune commande bitext ne peut en être tenue pour propriétaire : l’une d’elles a sans doute été arrêtée entre sa création et l’écriture de son numéro de processus. Vérifiez qu’aucune commande bitext ne tourne dans cet espace de travail, puis supprimez { $path } et relancez la commande
lock-holds-nothing = est vide
lock-holds-garbage = contient « { $text } » au lieu d’un numéro de processus
lock-unreadable = ne peut pas être lu ({ $detail })

# `init --git` in an existing workspace
init-existing = { $path } existe déjà et reste tel quel : seul le pilote de fusion de bitext a été mis en place.

# Control characters in translations
error-control-character = { $place } : { $unit } : la traduction contient le caractère de contrôle { $code } ; bitext refuse dans les traductions les caractères de contrôle autres que la tabulation et les sauts de ligne : supprimez-le
error-control-character-text = { $place } : caractère de contrôle { $code } ; bitext refuse dans les traductions les caractères de contrôle autres que la tabulation et les sauts de ligne : supprimez-le
control-unit = unité { $id }
control-tuv = le texte en { $lang }
control-segment = segment { $n } ({ $id })
