## Contrôles de qualité (bitext qa, et constats d'accept, set, import et check)

qa-finding = { $path }:{ $line }: { $lang } : segment { $n } ({ $id }) : { $check } : { $message }
qa-source-part = source : { $text }
qa-target-part = traduction : { $text }
qa-level-error = erreur
qa-level-warning = avertissement
qa-summary = qa : { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
} sur { $segments ->
    [one] { $segments } segment traduit
   *[other] { $segments } segments traduits
}.
qa-hint-line = { $check } : { $explanation } { $hint }
qa-place = { $path }, segment { $n }

## Messages, un ou plusieurs par contrôle

qa-numbers = le nombre { $number } de la source ne figure pas dans la traduction
qa-links-missing = la source renvoie à { $url }, la traduction non (ou moins souvent)
qa-links-extra = la traduction renvoie à { $url }, la source non (ou moins souvent)
qa-markup = la source compte { $source } { $kind }, la traduction { $target }
qa-code-changed = { $what } `{ $old }` du code est devenu `{ $new }` : le code se recopie tel quel, sauf ses espaces réservés
qa-code-dropped = { $what } `{ $old }` du code { $span } manque dans la traduction
qa-code-added = { $what } `{ $new }` du code { $span } n’est pas dans la source
qa-code-span-missing = le code { $span } manque dans la traduction
qa-code-span-added = le code { $span } n’est pas dans la source
qa-placeholder-dropped = l’espace réservé { $old } manque dans la traduction
qa-placeholder-added = l’espace réservé { $new } n’est pas dans la source
qa-code-kind-flag = l’option
qa-code-kind-option = le paramètre
qa-code-kind-path = le chemin
qa-code-kind-number = le nombre
qa-code-kind-word = le mot
qa-kind-emphasis = italique(s) (*…*)
qa-kind-strong = gras (**…**)
qa-kind-link = lien(s)
qa-kind-image = image(s)
qa-untranslated-marked = la traduction contient le marqueur de texte non traduit de bitext
qa-untranslated-copy = la traduction est le texte source, non traduit
qa-fr-spacing-plain = une espace ordinaire avant « { $mark } » : employer une espace insécable (U+00A0 ou U+202F)
qa-fr-spacing-missing = aucune espace avant « { $mark } » : le français demande une espace insécable (U+00A0 ou U+202F)
qa-fr-spacing-plain-after = une espace ordinaire après « { $mark } » : employer une espace insécable (U+00A0 ou U+202F)
qa-fr-spacing-missing-after = aucune espace après « { $mark } » : le français demande une espace insécable (U+00A0 ou U+202F)
qa-fr-spacing-before = une espace avant « { $mark } », là où le français n'en met pas
qa-es-inverted-opening = « { $mark } » ferme une interrogation ou une exclamation qu'aucun « { $opening } » n'ouvre
qa-es-inverted-closing = « { $mark } » ouvre une interrogation ou une exclamation qu'aucun « { $closing } » ne ferme
qa-whitespace-leading = la traduction commence par une espace
qa-whitespace-trailing = la traduction se termine par une espace
qa-whitespace-double = deux espaces de suite
qa-end-punctuation = la source se termine par « { $source } », la traduction par « { $target } »
qa-inconsistent-source = le même texte source est traduit autrement dans { $other }
qa-inconsistent-target = la même traduction sert à un autre texte source dans { $other }
qa-glossary-required = la source contient « { $term } », la traduction n'a pas le terme du glossaire « { $required } »
qa-glossary-avoid = la traduction emploie « { $term } », que le glossaire dit d'éviter
qa-glossary-avoid-instead = la traduction emploie « { $term } », que le glossaire dit d'éviter : écrire « { $instead } »
qa-length-short = la traduction fait { $percent } % de la longueur habituelle pour sa source ({ $target } caractères pour { $source }) : il manque peut-être une phrase
qa-length-long = la traduction fait { $percent } % de la longueur habituelle pour sa source ({ $target } caractères pour { $source }) : un passage est peut-être répété
qa-quotes = emploie { $used } là où le reste de l'article emploie { $usual }

## Explications et conseils

qa-explain-numbers = Chaque nombre de la source doit figurer dans la traduction, sous l'une des formes de la langue (1,000 / 1 000 / 1.000 ; 3.5 / 3,5).
qa-hint-numbers = Vérifiez le chiffre dans la source ; un nombre écrit en chiffres dans la source s'écrit en chiffres.
qa-explain-links = Les liens et les adresses électroniques doivent mener aux mêmes endroits, autant de fois que dans la source.
qa-hint-links = Recopiez la cible du lien depuis la source ; ne traduisez que le texte du lien.
qa-explain-markup = L'italique, le gras, les liens et les images doivent correspondre à ceux de la source.
qa-hint-markup = Remettez les marques Markdown (*, **, `, [..](..)) autour des mots traduits.
qa-explain-code = Le code en ligne se recopie tel quel, sauf le contenu de ses espaces réservés ({"{{"}path/to/file{"}}"} peut se traduire) ; aucun espace réservé ne disparaît ni ne s'ajoute, dans le code comme dans le texte.
qa-hint-code = Recopiez le code depuis la source, puis ne traduisez que le contenu des espaces réservés.
qa-explain-untranslated = La traduction est le texte source, ou contient le marqueur « pas encore traduit » de bitext.
qa-hint-untranslated = Traduisez le paragraphe ; les noms et signatures laissés tels quels ne déclenchent pas ce contrôle.
qa-explain-fr-spacing = Le français met une espace insécable avant ; : ! ? et à l'intérieur des guillemets « », et aucune espace avant , et . (règles de l'Imprimerie nationale).
qa-hint-fr-spacing = Tapez U+00A0 (ou l'espace fine U+202F) pour que le signe ne commence jamais une ligne.
qa-explain-es-inverted = L'espagnol ouvre toute interrogation par ¿ et toute exclamation par ¡ (RAE, Ortografía 2010).
qa-hint-es-inverted = Ajoutez le signe d'ouverture ou de fermeture là où l'interrogation ou l'exclamation commence ou finit.
qa-explain-quotes = Un seul style d'apostrophe (' ou ’) et de guillemets par article.
qa-hint-quotes = Reprenez le style employé dans le reste de l'article.
qa-explain-whitespace = Pas de double espace, ni d'espace au début ou à la fin d'un segment.
qa-hint-whitespace = Supprimez l'espace en trop.
qa-explain-end-punctuation = Une question reste une question, une exclamation une exclamation : le signe final suit celui de la source.
qa-hint-end-punctuation = Comparez la fin de la phrase avec la source.
qa-explain-inconsistent = Un même texte source devrait avoir la même traduction dans tout l'espace de travail, et une même traduction ne devrait pas servir à deux textes différents.
qa-hint-inconsistent = Comparez avec l'autre segment et harmonisez les deux traductions, ou distinguez-les.
qa-explain-glossary = Termes de glossary/<langue>.tsv : un terme source exige son terme cible ; certains termes cibles sont à éviter.
qa-hint-glossary = Employez le terme du glossaire, ou corrigez le glossaire s'il se trompe.
qa-explain-length = Une traduction beaucoup plus courte ou plus longue que d'habitude pour sa source omet ou répète souvent une phrase.
qa-hint-length = Comparez les phrases une à une avec la source.

## bitext.toml et glossaires

error-qa-config = { $path }:{ $line }:{ $column }: { $detail }
qa-config-unknown-check = contrôle inconnu « { $name } » dans [qa] (contrôles : { $checks })
qa-config-unknown-level = contrôle « { $name } » : niveau inconnu { $value } (employer "error", "warning" ou "off")
qa-config-placeholder = placeholders : { $value } n’est pas une syntaxe d’espace réservé (l’écrire telle qu’elle se présente, avec … à la place du nom : "{"{{"}…{"}}"}", "[[…]]" ; ou l’une de "%s", "$VAR", "<…>", ":…:")
error-glossary = { $path }:{ $line }: entrée de glossaire invalide : { $detail }
glossary-no-tab = un terme source, une tabulation et un terme cible sont attendus (ou « ! », une tabulation et un terme à éviter)
glossary-empty-term = un terme est vide
glossary-too-many-fields = plus de trois champs séparés par des tabulations

## Commandes

accept-refused = { $lang } : segment { $n } de { $path } non accepté : sa traduction comporte { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
} (voir ci-dessus) ; corrigez-la avec `bitext set`, ou passez --force pour l'accepter quand même.
accept-forced = { $lang } : segment { $n } de { $path } accepté malgré { $count ->
    [one] { $count } erreur de qualité
   *[other] { $count } erreurs de qualité
} (--force).
check-qa-summary = { $count ->
    [one] { $count } erreur de qualité
   *[other] { $count } erreurs de qualité
} (détails avec bitext qa ; --no-qa pour les laisser de côté).
check-title-qa = Erreur de qualité ({ $lang }) : { $check }
import-untranslated-marked = { $path }:{ $line }: l'unité { $id } contient encore le marqueur « pas encore traduit » de bitext ; ignorée
import-untranslated-copy = { $path }:{ $line }: l'unité { $id } est le texte source, non traduit ; enregistrée comme brouillon
import-untranslated-summary = { $path } : { $count ->
    [one] { $count } segment est revenu non traduit et n'a pas été enregistré comme traduit
   *[other] { $count } segments sont revenus non traduits et n'ont pas été enregistrés comme traduits
}
import-outcome-untranslated = non traduit, ignoré
import-outcome-copy = texte source, brouillon
help-qa = Chercher dans les traductions les erreurs qu'un relecteur relèverait : nombres, liens, balisage, typographie, glossaire
help-qa-format = Format de sortie
help-accept-force = Accepter même si un contrôle de qualité de niveau erreur échoue
help-check-no-qa = Laisser les constats de qualité hors de la vérification
