# Les messages sur les fichiers que lit bitext : PO, XLIFF, XML, bitext.toml et fichiers de traduction.

po-continuation-without-keyword = une suite de chaîne sans mot-clé avant elle
po-plural-entry = les entrées au pluriel ne sont pas prises en charge : les segments de bitext n’ont pas de formes plurielles
po-unknown-keyword = mot-clé « { $keyword } » inconnu
po-entry-without-msgstr = une entrée sans msgstr
po-msgstr-without-msgid = msgstr sans msgid
po-last-entry-without-msgstr = la dernière entrée n’a pas de msgstr
po-no-article-header = pas d’en-tête X-Bitext-Article : exportez le fichier avec `bitext po export`
po-no-language-header = pas d’en-tête Language
po-expected-string = une chaîne entre guillemets droits est attendue
po-unknown-escape = séquence d’échappement inconnue
po-unescaped-quote = guillemet droit non échappé dans une chaîne
xliff-root-not-xliff = l’élément racine n’est pas <xliff>
xliff-unsupported-version = version d’XLIFF non prise en charge (bitext lit les versions 2.0 et 1.2)
xliff-missing-attribute = pas d’attribut { $attribute } sur <{ $element }>
xliff-missing-child = un élément <{ $element }> sans <{ $child }>
xliff-unknown-state = état de segment inconnu
exchange-match-in-context = Correspondance en contexte : le même texte, entre les mêmes paragraphes avant et après.
xml-dtd = une DTD n’est pas admise (les entités ne sont jamais développées)
xml-too-deep = éléments imbriqués sur plus de { $limit } niveaux
xml-content-after-root = du contenu suit l’élément racine
xml-unknown-entity = entité &{ $entity }; inconnue
xml-not-closed = l’élément <{ $element }> n’est pas fermé
xml-no-root = pas d’élément racine
config-duplicate-edition-id = identifiant en double
config-invalid-edition-id = l’identifiant « { $id } » n’est pas de la forme [a-z0-9-]+
config-invalid-edition-date = la date « { $date } » n’est pas de la forme AAAA-MM
config-empty-edition-title = le titre est vide

## Le texte anglais d’un lecteur de format : une phrase en français, puis ce texte entre parenthèses.

detail-in-parentheses = { $sentence } ({ $detail })
detail-json-syntax = JSON invalide
detail-json-data = contenu inattendu
detail-json-eof = le fichier s’arrête trop tôt
detail-toml = TOML invalide ou inattendu
detail-xml = XML mal formé

## Export EPUB (bitext export --format epub)

error-epub-cover = la couverture { $path } de l’édition { $edition } n’est pas un fichier JPEG, PNG ou GIF de l’espace de travail (cover = "images/cover.jpg" dans bitext.toml, relatif à la racine de l’espace de travail)

## Export PDF (bitext export --format pdf)

error-pdf-engine-missing = aucun moteur PDF : { $program } est introuvable. Installez WeasyPrint (le paquet weasyprint de Debian et d’Ubuntu, `brew install weasyprint` sous macOS, `pipx install weasyprint` ailleurs), ou nommez le programme avec --pdf-engine CHEMIN ou la variable d’environnement BITEXT_WEASYPRINT
error-pdf-engine-failed = le moteur PDF { $program } n’a pas pu composer { $path } : { $stderr }
error-pdf-engine-timeout = le moteur PDF { $program } a mis plus de { $seconds } { $seconds ->
    [one] seconde
   *[other] secondes
  } à composer { $path } et a été arrêté ; rien n’a été écrit
error-pdf-timeout-setting = BITEXT_PDF_TIMEOUT doit être un nombre entier de secondes supérieur à zéro, pas « { $value } »
