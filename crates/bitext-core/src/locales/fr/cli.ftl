# Les textes de clap (erreurs d’utilisation, notes de l’aide) et la ligne d’erreur, rendus par
# bitext (src/ui/clap_text.rs, src/ui/cli.rs).

error-line = erreur : { $message }
clap-tip = conseil : { $tip }
clap-try-help = Pour en savoir plus, essayez « { $flag } ».
clap-quoted = « { $value } »
clap-unknown-argument = argument inattendu « { $arg } »
clap-value-required = une valeur est requise pour « { $arg } », mais aucune n’a été donnée
clap-invalid-value = valeur « { $value } » invalide pour « { $arg } »
clap-possible-values = [valeurs possibles : { $values }]
clap-value-validation = valeur « { $value } » invalide pour « { $arg } » : { $detail }
clap-not-a-whole-number = un nombre entier (0, 1, 2…) est attendu
clap-not-a-number = un nombre est attendu
clap-invalid-subcommand = sous-commande « { $subcommand } » inconnue
clap-missing-subcommand = « { $command } » attend une sous-commande, mais aucune n’a été donnée
clap-subcommands = [sous-commandes : { $values }]
clap-missing-required = { $count ->
    [one] l’argument obligatoire suivant n’a pas été donné :
   *[other] les arguments obligatoires suivants n’ont pas été donnés :
}
clap-no-equals = un signe égal est nécessaire pour donner une valeur à « { $arg } »
clap-too-many-values = valeur inattendue « { $value } » pour « { $arg } » : aucune autre n’était attendue
clap-too-few-values = « { $arg } » attend au moins { $min } valeurs ; nombre donné : { $actual }
clap-wrong-number-of-values = « { $arg } » attend { $expected } valeurs ; nombre donné : { $actual }
clap-invalid-utf8 = un argument de la ligne de commande n’est pas de l’UTF-8 valide
clap-invalid-command-line = ligne de commande invalide
clap-repeated-argument = l’argument « { $arg } » ne peut être donné qu’une fois
clap-conflict = l’argument « { $arg } » ne peut pas être utilisé avec { $others }
clap-conflict-subcommand = la sous-commande « { $subcommand } » ne peut pas être utilisée avec { $others }
clap-similar-subcommand = { $count ->
    [one] une sous-commande proche existe : { $values }
   *[other] des sous-commandes proches existent : { $values }
}
clap-similar-argument = { $count ->
    [one] un argument proche existe : { $values }
   *[other] des arguments proches existent : { $values }
}
clap-similar-value = { $count ->
    [one] une valeur proche existe : { $values }
   *[other] des valeurs proches existent : { $values }
}
clap-tip-value-after-dashes = pour passer « { $arg } » comme valeur, écrivez « -- { $arg } »
clap-tip-remove-dashes = la sous-commande « { $subcommand } » existe ; pour l’utiliser, retirez le « -- » qui la précède
clap-tip-exists = « { $usage } » existe

## Notes après l’aide d’une option

# Les mots de la ligne d’utilisation.
help-usage-options = [OPTIONS]
help-usage-command = COMMANDE
help-default = [par défaut : { $value }]
help-possible-values = [valeurs possibles : { $values }]
# Ce qui sépare un titre de l’aide de son deux-points : une espace insécable.
help-space-before-colon = { "\u00A0" }

## Erreurs du système (src/ui/os_text.rs) : une phrase, puis le numéro d’erreur du système

os-known = { $sentence } (erreur système { $code })
os-other = erreur du système ({ $detail })
os-not-found = fichier ou répertoire introuvable
os-permission-denied = permission refusée
os-already-exists = il existe déjà
os-is-a-directory = c’est un répertoire
os-not-a-directory = une partie du chemin n’est pas un répertoire
os-directory-not-empty = le répertoire n’est pas vide
os-read-only-filesystem = le système de fichiers est en lecture seule
os-storage-full = plus d’espace libre sur le disque
os-file-too-large = le fichier est trop gros
os-invalid-data = le contenu n’est pas du texte UTF-8 valide
os-invalid-filename = le nom de fichier est invalide ou trop long
os-resource-busy = le fichier est occupé
os-interrupted = l’opération a été interrompue
os-out-of-memory = mémoire insuffisante
os-unexpected-eof = le fichier s’arrête de façon inattendue
