# Aide à la traduction dans l’atelier : termes du glossaire, correspondances de la mémoire, concordance, contrôles pendant la saisie.
assist-no-findings = Aucun problème trouvé dans ce texte.
assist-length = Caractères (traduction / source) :
assist-length-bounds = attendu de { $min } à { $max }
assist-length-short = trop court
assist-length-long = trop long
assist-glossary = Glossaire :
assist-glossary-not = pas
assist-in-context = en contexte
assist-match-source = Source en mémoire :
assist-match-same = (identique à celle de ce segment)
assist-key-copy-source = copier la source dans la zone de texte
assist-key-suggestion = insérer la première, deuxième ou troisième suggestion de la mémoire
assist-concordance-link = Chercher dans la mémoire de traduction
assist-concordance-title = Mémoire de traduction ({ $lang })
assist-concordance-label = Mots de la source ou de la traduction
assist-concordance-results = { $count ->
        [one] Une entrée contient « { $text } ».
       *[other] { $count } entrées contiennent « { $text } ».
    }
assist-concordance-shown = Les { $count } premières sont affichées.
assist-origin-segment = { $article }, segment { $n }
assist-origin-obsolete = { $article }, traduction obsolète
assist-origin-tmx = fichier de mémoire { $file }
