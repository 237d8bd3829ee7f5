## CLI conventions, completions and manual page, segment addressing, import and check details.

## check --min-complete : travail restant dans un article au-dessus du seuil

check-warning = avertissement : { $finding }

## Aide

help-heading-global-options = Options globales
help-command-help = Afficher l’aide de bitext ou d’une commande
help-help-command = La commande, et sa sous-commande s’il y a lieu

## export : quoi exporter, et où

error-export-needs-articles = export a besoin des articles à exporter (bitext export ARTICLE... -l { $lang }) ; bitext.toml ne définit aucune édition à exporter à la place
error-export-needs-selection = export a besoin des articles à exporter (bitext export ARTICLE... -l { $lang }) ou d’une édition (bitext export --edition ID -l { $lang } ; éditions : { $editions })
error-no-editions = aucune édition « { $id } » : bitext.toml ne définit aucune édition (ajoutez une table [[edition]] avec id, volume, number, date et articles)
export-written-into-directory = { $path } écrit (-o { $dir } désigne un répertoire : le document y prend son nom de fichier habituel)

## completions et man

help-completions = Afficher un script de complètement pour un shell, tiré de cette définition de la ligne de commande
help-completions-shell = Le shell où compléter
help-man = Afficher la page de manuel, ou écrire une page par commande dans un répertoire
help-man-output = Écrire bitext.1 et une page par commande (bitext-status.1, ...) dans DIR au lieu d’afficher bitext.1
man-name = NOM
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-version = VERSION
man-possible-values = Valeurs possibles :
man-default = [par défaut : { $value }]
