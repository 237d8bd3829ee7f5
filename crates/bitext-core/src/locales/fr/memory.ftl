# Mémoire de traduction : suggest, pretranslate, tmx import.
help-suggest = Lister les traductions les plus proches que la mémoire connaît pour un segment
help-suggest-segment = Le segment : une position à partir de 1, ou un identifiant (un préfixe unique suffit)
help-suggest-lang = La langue des traductions proposées
help-suggest-limit = Afficher au plus N correspondances
help-suggest-min-score = N’afficher que les correspondances d’au moins PCT
help-suggest-format = Format de sortie
help-pretranslate = Remplir les segments manquants à partir de la mémoire de traduction, en brouillon
help-pretranslate-articles = Articles à remplir (noms comme guides/intro, ou leurs fichiers sources) ; tous si aucun n’est donné
help-pretranslate-lang = La langue à remplir
help-pretranslate-min-score = Remplir aussi à partir des correspondances approchantes d’au moins PCT (en brouillon) ; seulement les correspondances exactes sinon
help-pretranslate-dry-run = Afficher ce qui serait rempli sans rien écrire
help-pretranslate-exact-as-translated = Enregistrer comme traduites, et non en brouillon, les correspondances exactes qui passent les contrôles
help-tmx-import = Vérifier des fichiers TMX et les conserver dans memory/, où suggest et pretranslate les utilisent
help-tmx-import-files = Fichiers TMX 1.4 à ajouter à la mémoire

memory-origin-segment = { $article }, segment { $n } ({ $id }, { $lang })
memory-origin-obsolete = { $article }, traduction obsolète ({ $lang })
memory-origin-tmx = { $file } ({ $lang })
memory-best-match = meilleure correspondance { $score } %

suggest-heading = { $path }:{ $line } : { $lang } : segment { $n } ({ $id })
suggest-none = Aucune correspondance à { $min } % ou plus.
suggest-match = { $score } %  { $origin }
suggest-match-in-context = { $score } % en contexte  { $origin }

pretranslate-nothing = Aucun segment manquant en { $lang }.
pretranslate-summary = { $path } : { $lang } : { $exact } { $exact ->
        [one] correspondance exacte
       *[other] correspondances exactes
    } et { $fuzzy } { $fuzzy ->
        [one] approchante
       *[other] approchantes
    } { $exact ->
        [one] utilisée
       *[other] utilisées
    } ({ $translated } { $translated ->
        [one] enregistrée comme traduite
       *[other] enregistrées comme traduites
    }, les autres en brouillon) ; { $left } encore { $left ->
        [one] manquant
       *[other] manquants
    }
pretranslate-summary-dry = { $path } : { $lang } : { $exact } { $exact ->
        [one] correspondance exacte
       *[other] correspondances exactes
    } et { $fuzzy } { $fuzzy ->
        [one] approchante
       *[other] approchantes
    } seraient { $exact ->
        [one] utilisée
       *[other] utilisées
    } ({ $translated } comme { $translated ->
        [one] traduite
       *[other] traduites
    }, les autres en brouillon) ; { $left } { $left ->
        [one] resterait manquant
       *[other] resteraient manquants
    }
pretranslate-kept-draft = segment { $n } ({ $score } %) gardé en brouillon : { $code } : { $message }


tmx-imported = { $path } : { $count } { $count ->
        [one] unité de traduction
       *[other] unités de traduction
    }
tmx-not-tmx = l’élément racine est <{ $found }>, et non <tmx>
tmx-version = ce n’est pas une mémoire TMX 1.4 (l’élément <tmx> doit porter version="1.4")
tmx-missing = il manque un élément <{ $element }>
tmx-bad-lang = étiquette de langue non valide « { $tag } »
tmx-tuv-lang = un élément <tuv> n’a pas d’attribut xml:lang
