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

# Unfinished git merges
error-unmerged = git indique { $path } comme non fusionné : une fusion de ce fichier n’est pas terminée, et il peut lui manquer les traductions de l’autre branche. Rendez le pilote de fusion de bitext accessible (voir `bitext doctor`), fusionnez de nouveau le fichier avec `git checkout -m -- { $path }`, réglez chaque conflit qu’il enregistre avec `bitext resolve`, puis `git add { $path }` (ce qui suffit à clore une fusion déjà réglée)
error-conflict-markers = { $path }:{ $line }: marqueurs de conflit de git (<<<<<<<, =======, >>>>>>>) : une fusion faite sans le pilote de fusion de bitext a laissé ce fichier inachevé. Mettez le pilote en place (voir `bitext doctor`), fusionnez de nouveau le fichier avec `git checkout -m -- { $path }` et réglez chaque conflit avec `bitext resolve` ; ou retirez les marqueurs à la main en gardant les traductions voulues

# bitext doctor
help-doctor = Vérifier que le pilote de fusion de bitext est en place là où git peut le lancer, et qu’aucune fusion n’a laissé de fichier de traduction inachevé
doctor-ok = ok : { $text }
doctor-problem = problème : { $text }
doctor-no-repository = Cet espace de travail n’est pas dans un dépôt git : il n’y a pas de pilote de fusion à vérifier.
doctor-registered = le pilote de fusion est enregistré dans la configuration git : { $command }
doctor-not-registered = le pilote de fusion n’est pas enregistré dans la configuration git, qui fusionne donc les fichiers de traduction ligne à ligne : lancez `bitext init --git`, ou { $command }
doctor-attributes = .gitattributes confie les fichiers de { $folder }/ au pilote de fusion
doctor-no-attributes = .gitattributes ne confie pas les fichiers de { $folder }/ au pilote de fusion (merge=bitext) : lancez `bitext init --git`
doctor-reachable = git lance { $program }, qui est bien bitext : { $found }
doctor-unreachable = git ne peut pas lancer { $program } comme bitext (introuvable dans le PATH de git, ou ce n’est pas bitext) : une fusion garderait un seul côté de chaque fichier de traduction et perdrait les traductions de l’autre. Mettez bitext dans le PATH de qui lance git merge, ou enregistrez le pilote avec le chemin complet de bitext
doctor-unmerged = git indique { $path } comme non fusionné : voir `bitext status`
