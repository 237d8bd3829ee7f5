## Search across the workspace, and a segment's history (issue 25)

search-title = Recherche
search-label = Texte, identifiant ou position d’un segment
search-hint = Un texte est cherché dans la source et dans la traduction, sans tenir compte des majuscules ni des accents ; un identifiant trouve le segment dont l’identifiant commence ainsi ; #12 est le douzième segment de chaque article, et article#12 le douzième d’un seul article.
search-lang = Langue
search-state = État
search-found = { $count ->
    [0] Aucun segment trouvé.
    [one] Un segment trouvé.
   *[other] { $count } segments trouvés dans { $articles ->
        [one] un article
       *[other] { $articles } articles
    }.
}
search-more = Plus de { $count } segments correspondent : seuls les { $count } premiers sont affichés. Précisez la recherche pour voir les autres.
search-no-translation = Pas encore de traduction.
history-link = Historique
history-link-label = Historique du segment { $n }
history-title = Historique du segment { $n }
history-back = Revenir à ce segment dans l’atelier
history-now = Le paragraphe aujourd’hui
history-versions = Ses traductions, de la plus récente à la plus ancienne
history-none = Ce segment n’a jamais été traduit.
history-no-git = Cet espace de travail n’est pas dans un dépôt git : seule la traduction présente sur le disque est connue.
history-uncommitted = Sur le disque, pas encore validée dans git
history-on-disk = sur le disque
history-made-from-current = Faite à partir du paragraphe tel qu’il est aujourd’hui.
history-made-from-earlier = Faite à partir d’un texte antérieur du paragraphe :
history-restore = Rétablir cette traduction
history-done-restore = Segment { $n } : une traduction antérieure rétablie.
history-conflict = Ce segment a changé sur le disque depuis le chargement de la page, et rien n’a été rétabli. Voici son historique tel qu’il est maintenant.
history-unrelated = Cette traduction ne compterait pas comme celle de ce paragraphe : rien n’a été rétabli. Copiez-la plutôt dans la zone de texte.
history-no-version = L’historique de ce segment ne contient aucune version du commit { $commit }.
restore-origin = la traduction antérieure du segment { $n }
help-history = Afficher toutes les traductions qu’un segment a eues, d’après git, avec qui les a enregistrées et quand
help-history-segment = Le segment : une position à partir de 1, ou un identifiant (un préfixe unique suffit)
help-history-lang = La langue de la traduction
help-history-format = Format de sortie
history-heading = { $path }, segment { $n } ({ $id }) en { $lang } : { $count ->
    [0] jamais traduit.
    [one] une traduction.
   *[other] { $count } traductions, de la plus récente à la plus ancienne.
}
history-cli-no-git = Pas dans un dépôt git : seule la traduction présente sur le disque est connue.
history-cli-uncommitted = sur le disque, pas encore validée dans git
history-cli-made-from = faite à partir d’un texte antérieur du paragraphe :
search-filter-review = à relire
