# Branches parallèles : le pilote de fusion, les conflits et leur résolution.

merge-side-base = ancêtre commun
merge-side-ours = notre version
merge-side-theirs = leur version
merge-conflicts = { $path }: { $count ->
    [one] une unité a été traduite différemment sur les deux branches
   *[other] { $count } unités ont été traduites différemment sur les deux branches
} ; notre version est conservée et la leur enregistrée à côté, si bien que le fichier reste valide. Lancez `bitext status` pour voir les conflits et `bitext resolve` pour les régler.
status-conflict = { $lang } : le segment { $segment } a été traduit différemment sur deux branches fusionnées ; réglez le conflit avec `{ $command }`
check-title-conflict = Conflit de fusion ({ $lang })
check-conflicts = { $count ->
    [one] { $count } conflit de fusion à régler.
   *[other] { $count } conflits de fusion à régler.
}
resolve-done = { $path } ({ $lang }), segment { $segment } : conflit réglé, { $kept } conservée
resolve-kept-ours = notre version
resolve-kept-theirs = leur version
resolve-kept-text = la nouvelle traduction
error-no-conflict = { $path }: le segment « { $segment } » n’a aucun conflit de fusion en { $lang }
error-git-config = { $path }: impossible d’enregistrer le pilote de fusion auprès de git : { $detail }
init-gitattributes-updated = Ajouté à .gitattributes : { $line }
init-git-hint = Pour fusionner les fichiers de traduction unité par unité d’une branche git à l’autre, enregistrez le pilote de fusion de bitext une fois par clone (ou lancez `bitext init --git`) :
    { $command }
init-git-registered = Pilote de fusion de bitext enregistré dans la configuration git.
help-init-git = Enregistrer aussi le pilote de fusion de bitext dans la configuration du dépôt git
help-merge-driver = Fusionner deux versions d’un fichier de traduction unité par unité : le pilote de fusion pour git
help-merge-driver-ancestor = La version de l’ancêtre commun (%O ; vide quand le fichier est nouveau sur les deux branches)
help-merge-driver-current = Notre version (%A), qui reçoit le résultat
help-merge-driver-other = Leur version (%B)
help-merge-driver-path = Le chemin du fichier dans le dépôt (%P), pour les messages
help-resolve = Régler un conflit de fusion sur un segment : garder notre version, prendre la leur ou donner le texte
help-resolve-segment = Le segment : une position à partir de 1, ou un identifiant (un préfixe unique suffit)
help-resolve-lang = La langue de la traduction
help-resolve-ours = Garder la version du fichier (la nôtre)
help-resolve-theirs = Prendre la version de l’autre branche (la leur)
help-resolve-text = Enregistrer plutôt cette traduction, faite à partir du texte source actuel
