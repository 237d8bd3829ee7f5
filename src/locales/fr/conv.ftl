## CLI conventions, completions and manual page, segment addressing, import and check details.

## check --min-complete : travail restant dans un article au-dessus du seuil

check-warning = avertissement : { $finding }
