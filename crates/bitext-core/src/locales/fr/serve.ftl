# bitext serve : l’atelier du traducteur dans le navigateur (traduction de en/serve.ftl).

## Ligne de commande

help-serve = Ouvrir l’atelier du traducteur dans une page web locale
help-serve-port = Le port d’écoute (0 : un port libre)
help-serve-bind = Écouter sur cette adresse plutôt que 127.0.0.1 (d’autres machines pourront alors se connecter)
help-serve-open = Ouvrir la page dans le navigateur du bureau
serve-listening = bitext serve : ouvrez { $url }
serve-stop-hint = Ctrl-C pour arrêter.
serve-stopped = bitext serve : arrêté
serve-warning-exposed = attention : écoute sur { $addr } ; d’autres machines peuvent joindre ce serveur, que seul le jeton protège
serve-open-failed = impossible de lancer { $program } pour ouvrir la page ; ouvrez vous-même l’adresse ci-dessus
error-serve = impossible de démarrer le serveur : { $detail }

## Cadre des pages

serve-skip = Aller au contenu
serve-nav = Atelier
serve-dashboard = Tableau de bord
serve-ui-language = Langue de l’interface
serve-lang-name = { $tag ->
    [en] anglais
    [fr] français
    [es] espagnol
    [es-419] espagnol d’Amérique latine
   *[other] { $tag }
}

## Tableau de bord

serve-summary = { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
}, { $segments ->
    [one] { $segments } segment
   *[other] { $segments } segments
} dans chaque langue.
serve-by-language = Par langue
serve-editions = Éditions
serve-edition = Édition
serve-edition-ready = prête
serve-edition-left = { $count ->
    [one] { $count } segment restant
   *[other] { $count } segments restants
}
serve-edition-article-missing = un article manque
serve-articles = Articles
serve-dashboard-all = Tous les articles
serve-dashboard-unfinished = Articles inachevés
serve-dashboard-none-unfinished = Chaque article est traduit dans chaque langue.
serve-dashboard-range = Articles { $first } à { $last } sur { $count }, page { $page } sur { $pages }
serve-article = Article
serve-segments = Segments
serve-download = Télécharger

## Atelier

serve-progress = Traduit à partir du texte actuel
serve-filter = Afficher
serve-filter-all = tous
serve-filter-unfinished = à faire
serve-shortcuts = Raccourcis clavier
serve-key-save-next = enregistrer, puis passer au segment à faire suivant
serve-key-next = segment suivant, sans enregistrer
serve-key-previous = segment précédent, sans enregistrer
serve-none-in-view = Aucun segment à afficher ici.
serve-segment = Segment { $n }
serve-source = Source
serve-changed = Modifié depuis la traduction
serve-deleted = supprimé :
serve-inserted = ajouté :
serve-translation = Traduction ({ $lang })
serve-suggestions = Mémoire de traduction (cliquez pour insérer)
serve-findings = Contrôles de qualité
serve-level-error = erreur
serve-level-warning = avertissement
serve-actions = Actions
serve-save = Enregistrer
serve-save-draft = Enregistrer comme brouillon
serve-accept = Accepter
serve-review = Marquer comme relu
serve-done-save = Segment { $n } enregistré.
serve-done-draft = Segment { $n } enregistré comme brouillon.
serve-done-review = Segment { $n } marqué comme relu.
serve-done-accept = Segment { $n } accepté.
serve-finished = Il ne reste ici aucun segment à faire.
serve-export = Exporter
serve-bilingual = bilingue
serve-format = Format
serve-format-txt = texte brut

## Enregistrements refusés

serve-conflict = Ce segment a changé sur le disque
serve-conflict-source = Le paragraphe source a été modifié depuis le chargement de la page. Rien n’a été enregistré : relisez-le, puis choisissez.
serve-conflict-translation = Quelqu’un a modifié cette traduction depuis le chargement de la page. Rien n’a été enregistré : choisissez le texte à garder.
serve-source-now = Source actuelle
serve-disk-text = Traduction sur le disque
serve-no-translation = aucune traduction
serve-keep-disk = Garder le texte du disque
serve-your-text = Votre texte
serve-keep-mine = Enregistrer mon texte
serve-not-saved = Non enregistré
serve-try-again = Réessayer
serve-back = Retour à l’atelier
serve-confirm = Confirmer l’enregistrement
serve-confirm-findings = Les contrôles de qualité ont trouvé des erreurs dans cette traduction. L’enregistrer quand même ?
serve-save-anyway = Enregistrer quand même
serve-confirm-accept = Confirmer l’acceptation
serve-confirm-accept-findings = Les contrôles de qualité ont trouvé des erreurs dans cette traduction au regard de la source actuelle. L’accepter quand même ?
serve-accept-anyway = Accepter quand même
serve-translation-to-accept = La traduction à accepter
serve-empty = La traduction est vide.
serve-one-paragraph = Un segment est un seul paragraphe : supprimez les lignes vides.
serve-nothing-to-accept = Ce segment n’a pas de traduction à accepter.

## Export

serve-export-refused = Export refusé
serve-export-refused-why = Certains segments ne sont pas traduits à partir du texte actuel ; l’export serait incomplet :
serve-export-what = Indiquez un article ou une édition à exporter.
serve-bad-format = Format « { $format } » inconnu : utilisez html, md ou txt.

## Erreurs

serve-error-title = Erreur { $status }
serve-forbidden-token = Cette page demande le jeton affiché par bitext serve : ouvrez l’adresse complète qu’il a affichée.
serve-forbidden-host = Ce serveur ne répond qu’à sa propre adresse.
serve-forbidden-origin = Les modifications ne sont acceptées que depuis les pages de l’atelier.
serve-no-page = Il n’y a pas de page à l’adresse { $path }.
serve-no-segment = Il n’y a pas de segment { $segment } dans cet article.
serve-missing-field = Il manque au formulaire le champ « { $field } ».
serve-bad-action = Action « { $action } » inconnue.
serve-bad-method = Cette adresse n’accepte pas les requêtes { $method }.
serve-internal = Une erreur interne s’est produite dans bitext ; rien n’a été écrit. Merci de la signaler.

## Limites du serveur HTTP et pages d’un long article (ticket 27)

serve-bad-setting = { $name } doit être un nombre entier supérieur à zéro, pas « { $value } »
serve-http-too-large = Les champs d’en-tête de la requête dépassent ce que ce serveur accepte ({ $limit } octets).
serve-http-malformed = Cette requête n’est pas du HTTP bien formé.
serve-http-version = Ce serveur ne parle que HTTP/1.1 et HTTP/1.0.
serve-http-host = La requête doit nommer son hôte une fois, dans le champ Host.
serve-http-length = Le Content-Length de la requête n’est pas une longueur valide.
serve-http-chunked = Les corps de requête par morceaux (chunked) ne sont pas acceptés : envoyez le corps avec un Content-Length.
serve-http-coding = Les codages de transfert ne sont pas acceptés : envoyez le corps avec un Content-Length.
serve-http-body-too-large = Le corps de la requête dépasse ce que ce serveur accepte ({ $limit } octets).
serve-http-expectation = Seule l’attente 100-continue est comprise.
serve-http-timeout = La requête n’est pas arrivée à temps.
serve-http-busy = Le serveur est occupé : réessayez dans un instant.
serve-pages = Pages
serve-page-previous = Page précédente
serve-page-next = Page suivante
serve-page-number = Page { $page }
serve-page-range = Segments { $first } à { $last } sur les { $count } affichés, page { $page } sur { $pages }
serve-search = Rechercher
serve-search-label = Texte de la source ou de la traduction
serve-search-clear = Tout afficher
serve-search-results = { $count ->
    [one] Un segment contient « { $text } ».
   *[other] { $count } segments contiennent « { $text } ».
}

## Workbench in the reader's language: counts, the export refusal, the way back (issue 25)

serve-count-current = { $count } à jour
serve-count-stale = { $count ->
    [one] { $count } périmé
   *[other] { $count } périmés
}
serve-count-missing = { $count ->
    [one] { $count } manquant
   *[other] { $count } manquants
}
serve-count-draft = { $count ->
    [one] { $count } brouillon
   *[other] { $count } brouillons
}
serve-export-unfinished = { $count ->
    [one] Un segment n’est pas traduit à partir du texte actuel ; l’export serait incomplet. Terminez-le ou acceptez-le dans l’atelier, puis téléchargez de nouveau :
   *[other] { $count } segments ne sont pas traduits à partir du texte actuel ; l’export serait incomplet. Terminez-les ou acceptez-les dans l’atelier, puis téléchargez de nouveau :
}
serve-export-glossary = { $count ->
    [one] Une erreur de glossaire dans le texte { $lang } à exporter. Corrigez-la dans l’atelier, puis téléchargez de nouveau :
   *[other] { $count } erreurs de glossaire dans le texte { $lang } à exporter. Corrigez-les dans l’atelier, puis téléchargez de nouveau :
}
serve-back-dashboard = Retour au tableau de bord

## Export EPUB : le téléchargement d’une édition en EPUB sur le tableau de bord

serve-download-epub = Télécharger l’édition EPUB
serve-download-pdf = Télécharger l’édition PDF prête à imprimer

## Unsaved text in the workbench: Accept with typed text asks (issue 25)

serve-unsaved-title = Votre texte n’est pas enregistré
serve-unsaved-accept = Vous avez tapé un nouveau texte dans ce segment. Accepter garde la traduction enregistrée, inchangée, et abandonne ce que vous avez tapé.
serve-unsaved-save = Enregistrer mon texte
serve-unsaved-keep = Accepter la traduction enregistrée
serve-unsaved-cancel = Revenir à mon texte

## A new paragraph like one still in the article: new, with a suggestion (issue 25)

serve-new-here = nouveau ici
serve-new-like = Un nouveau paragraphe. Le paragraphe existant le plus proche est le segment { $n } : sa traduction est proposée ci-dessous comme suggestion à adapter, pas comme traduction de ce texte.
serve-new-like-link = Aller au segment { $n }
serve-new-like-diff = Différences avec le segment { $n }
serve-new-like-origin = traduction du segment { $n }
serve-accept-new = Le segment { $n } est un nouveau paragraphe : la traduction enregistrée a été faite pour le segment { $like }. Écrivez sa propre traduction et enregistrez-la.

## Checks while typing: next and previous unfinished segment (issue 25)

serve-key-next-unfinished = segment à faire suivant sur cette page, sans enregistrer
serve-key-previous-unfinished = segment à faire précédent sur cette page, sans enregistrer
