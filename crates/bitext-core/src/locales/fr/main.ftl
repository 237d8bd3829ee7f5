# Messages propres à bitext, en français (traduction de en.ftl).

## États des segments

state-current = à jour
state-stale = périmé
state-missing = manquant
state-draft = brouillon

segments-count = { $count ->
    [one] { $count } segment
   *[other] { $count } segments
}

## status

status-article-heading = { $path } — { segments-count }
status-col-lang = langue
status-col-current = à jour
status-col-stale = périmés
status-col-missing = manquants
status-col-draft = brouillons
status-col-obsolete = obsolètes
status-col-percent = fait
status-col-n = n
status-col-id = id
status-col-state = état
status-col-line = ligne
status-col-text = texte
status-no-articles = Aucun article dans sources/ pour l’instant : ajoutez-y un fichier Markdown, par exemple sources/my-article.md.
status-empty-article = Cet article ne contient aucun texte à traduire.

## sync

sync-created = { $path }: créé
sync-would-create = { $path }: serait créé
sync-updated = { $path }: mis à jour
sync-would-update = { $path }: serait mis à jour
sync-added = { $count ->
    [one] { $count } nouveau segment
   *[other] { $count } nouveaux segments
}
sync-obsoleted = { $count ->
    [one] { $count } traduction classée obsolète
   *[other] { $count } traductions classées obsolètes
}
sync-restored = { $count ->
    [one] { $count } traduction obsolète restaurée
   *[other] { $count } traductions obsolètes restaurées
}
sync-purged = { $count ->
    [one] { $count } traduction obsolète supprimée
   *[other] { $count } traductions obsolètes supprimées
}
sync-summary = { $changed ->
    [one] { $changed } fichier mis à jour
   *[other] { $changed } fichiers mis à jour
}, { $unchanged } déjà à jour.
sync-summary-dry-run = { $changed ->
    [one] { $changed } fichier serait mis à jour
   *[other] { $changed } fichiers seraient mis à jour
}, { $unchanged } déjà à jour. Rien n’a été écrit (--dry-run).

## set et accept

unit-state-translated = traduit
unit-state-reviewed = relu
unit-state-draft = brouillon
set-recorded = { $lang } : segment { $n } de { $path } enregistré comme { $state }.
accept-accepted = { $lang } : segment { $n } de { $path } accepté : sa traduction compte désormais comme faite à partir du texte actuel.
accept-already-current = { $lang } : le segment { $n } de { $path } est déjà à jour ; rien à accepter.
origin-stdin = l’entrée standard
origin-text = --text

## init

init-created = Créé : { $path }
init-next = Étape suivante : placez des articles au format Markdown dans sources/, puis lancez `bitext status`.

## Erreurs

error-no-workspace = aucun bitext.toml dans { $dir } ni dans ses répertoires parents ; lancez `bitext init` pour créer un espace de travail, ou passez -C DIR
error-config-exists = { $path } existe déjà ; bitext init ne l’écrase jamais
error-read = impossible de lire { $path } : { $detail }
error-write = impossible d’écrire dans { $path } : { $detail }
error-parse-config = { $path }:{ $line }:{ $column }: fichier de projet invalide : { $detail }
error-parse-translation = { $path }:{ $line }:{ $column }: fichier de traduction invalide : { $detail }
error-unknown-format = { $path }: format de fichier de traduction inconnu { $found } ; cette version de bitext lit le format 1 (une version plus récente de bitext l’a peut-être écrit)
error-translation-mismatch = { $path }: le champ "{ $field }" vaut "{ $found }" mais l’emplacement du fichier indique "{ $expected }"
error-duplicate-unit-id = { $path }: deux unités ont le même identifiant { $id }
error-orphan-translation = { $path }: traduction d’un article qui n’existe pas ({ $source } introuvable) ; supprimez-la ou restaurez la source
error-invalid-utf8 = { $path }:{ $line }:{ $column }: le fichier n’est pas en UTF-8 valide
error-invalid-slug = nom d’article invalide « { $slug } » : un article est nommé par son chemin sous le dossier des sources, sans son extension (harbour, guides/Premiers pas) ; aucune partie ne peut être vide, « . » ou « .. », commencer ou finir par une espace, ni contenir de caractère de contrôle
error-invalid-file-name = { $path } : bitext ne peut pas nommer ce fichier comme un article : son chemin doit être en UTF-8, et aucune de ses parties ne peut commencer ou finir par une espace ni contenir de caractère de contrôle ; renommez-le
error-not-a-file = { $path } : { $kind }, et non un fichier ordinaire ; bitext ne lit ici que des fichiers ordinaires (ou des liens vers eux) : supprimez-le ou déplacez-le
error-history = impossible de lire l’historique git : { $detail }
error-adopt-needs-pages = adopt enregistre l’historique des pages traduites : indiquez [layout] translations dans bitext.toml (comme translations = "locale/{"{"}lang{"}"}")
error-adopt-needs-history = pas d’historique git dont adopter les pages : lancez adopt dans un dépôt git, ou passez --assume current ou --assume stale
error-invalid-layout = { $path }:{ $line }:{ $column }: [layout] { $key } = "{ $value }" doit nommer un dossier de l’espace de travail, relatif à lui (comme locale/en), sans partie « . » ou « .. », hors de .git et de .bitext-cache
error-layout-value = { $path }:{ $line }:{ $column }: [layout] { $key } = "{ $value }" n’est pas valide : { $expected }
layout-expected-translations = le dossier des pages de chaque langue, avec {"{"}lang{"}"} une fois à la place de la langue (comme locale/{"{"}lang{"}"}), aucun dans un autre ni dans le dossier des sources
layout-expected-untranslated = "source" (une page montre le texte source là où manque une traduction) ou "omit"
layout-expected-folders = les clés de [layout.folders] sont des langues cibles, chacune avec le nom de son dossier à la place de {"{"}lang{"}"}, et demandent translations = "…/{"{"}lang{"}"}"
layout-expected-front-matter = 255 clés au plus, chacune faite de lettres, de chiffres, de « _ », « - » et « . »
error-unknown-article = aucun article "{ $slug }" : { $path } n’existe pas
error-invalid-lang = étiquette de langue invalide "{ $tag }" (une étiquette BCP 47 est attendue, par exemple fr, es ou es-419)
error-lang-not-target = la langue { $tag } n’est pas une langue cible de cet espace de travail (bitext.toml indique : { $targets })
error-did-you-mean = { $error } ; vouliez-vous dire { $suggestion } ?
error-source-is-target = { $path }:{ $line }:{ $column }: la langue source { $tag } figure aussi parmi les langues cibles
error-unknown-segment = { $path }: aucun segment "{ $segment }" (l’article compte { segments-count } ; indiquez une position à partir de 1 ou un identifiant, écrit @ID s’il ne comporte que des chiffres)
error-ambiguous-segment = { $path }: le préfixe d’identifiant de segment "{ $segment }" correspond à plusieurs segments : { $candidates }
error-empty-translation = traduction vide reçue de { $origin } ; rien n’a été enregistré
error-multi-paragraph-translation = la traduction reçue de { $origin } contient une ligne vide, mais un segment ne fait qu’un paragraphe
error-nothing-to-accept = { $path }: le segment { $n } est à l’état « { $state } » : il n’y a aucune traduction à accepter
error-invalid-edition = { $path }:{ $line }:{ $column }: édition "{ $id }" : { $detail }

## Aide de la ligne de commande

help-heading-usage = Utilisation :
help-heading-options = Options
help-heading-arguments = Arguments
help-heading-commands = Commandes
help-help = Afficher l’aide
help-version = Afficher la version
help-bitext = Suivi des traductions d’articles, paragraphe par paragraphe : quelles traductions sont devenues périmées quand la source a changé.
help-dir = Travailler dans DIR au lieu du plus proche répertoire ancêtre contenant bitext.toml
help-color = Quand coloriser la sortie
help-ui-lang = Langue des messages de bitext (par défaut : d’après LC_ALL, LC_MESSAGES ou LANG)
help-articles = Articles à inclure (noms comme guides/intro, ou leurs fichiers sources) ; tous si aucun n’est indiqué
help-langs = Langues cibles à inclure (option répétable) ; toutes si aucune n’est indiquée
help-article = L’article (son nom, comme guides/intro, ou son fichier source)
help-init = Créer bitext.toml, sources/ et translations/ (sans jamais rien écraser)
help-init-source = Langue source des articles
help-init-targets = Une langue cible (option répétable)
help-status = Afficher la part traduite de chaque article, par langue
help-status-segments = Lister chaque segment avec sa position, son identifiant, son état, sa ligne et un extrait
help-status-format = Format de sortie
help-adopt = Enregistrer, d’après l’historique git, de quel anglais chaque paragraphe des pages traduites a été traduit
help-adopt-assume = Pour les pages sans historique git : tenir leurs paragraphes pour des traductions de l’anglais d’aujourd’hui (current) ou d’un plus ancien (stale)
adopt-without-history = { $path } : pas d’historique git ; enregistrée comme le dit --assume
adopt-unpaired = { $path } : { $count ->
    [one] 1 paragraphe
   *[other] { $count } paragraphes
} dont on ne peut dire l’anglais (la page et la page anglaise n’avaient pas alors la même structure) : enregistrés comme brouillons
adopt-summary = adopt : { $pages } pages, { $commits } commits lus ; { $translated } paragraphes enregistrés comme traduits, { $untranslated } encore en anglais, { $drafts } brouillons ; { $written } enregistrements écrits.
adopt-progress-history = lecture de l’historique : { $commits } commits
adopt-progress-pages = enregistrement des pages : { $done } sur { $total }
help-sync = Réécrire les fichiers de traduction pour refléter la segmentation actuelle des sources
help-sync-dry-run = Afficher ce qui changerait, sans rien écrire
help-sync-purge-obsolete = Supprimer les traductions obsolètes au lieu de les conserver
help-set = Enregistrer la traduction d’un segment, faite à partir de son texte source actuel
help-set-segment = Le segment : une position à partir de 1, ou un identifiant (un préfixe unique suffit ; @ID pour un identifiant fait de chiffres)
help-set-lang = La langue de la traduction
help-set-text = La traduction (par défaut : lue sur l’entrée standard)
help-set-file = Lire la traduction depuis un fichier
help-set-draft = Enregistrer comme brouillon, qui compte encore comme travail restant
help-set-reviewed = Marquer la traduction comme relue
help-accept = Marquer des segments périmés comme à jour sans modifier leurs traductions
help-accept-segments = Segments à accepter : positions à partir de 1 ou identifiants (@ID pour un identifiant fait de chiffres)
help-accept-lang = La langue des traductions

## diff et check

finding-stale = { $path }:{ $line }: { $lang } : segment { $n } périmé ({ $id })
finding-missing = { $path }:{ $line }: { $lang } : segment { $n } manquant ({ $id })
finding-draft = { $path }:{ $line }: { $lang } : segment { $n } en brouillon ({ $id })
diff-missing-line = { $finding } : { $excerpt }
diff-nothing = Aucun segment périmé ni manquant.
diff-translation = traduction ({ $lang }) :
check-passed = vérification réussie : { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
} en { $languages ->
    [one] { $languages } langue
   *[other] { $languages } langues
} ; { $stale ->
    [one] { $stale } périmé
   *[other] { $stale } périmés
}, { $missing ->
    [one] { $missing } manquant
   *[other] { $missing } manquants
}, { $draft ->
    [one] { $draft } brouillon
   *[other] { $draft } brouillons
}.
check-failed = échec de la vérification : { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
} en { $languages ->
    [one] { $languages } langue
   *[other] { $languages } langues
} ; { $stale ->
    [one] { $stale } périmé
   *[other] { $stale } périmés
}, { $missing ->
    [one] { $missing } manquant
   *[other] { $missing } manquants
}, { $draft ->
    [one] { $draft } brouillon
   *[other] { $draft } brouillons
}.
check-threshold = (exigé : { $percent } à jour)
check-below = { $path }: { $lang } : { $percent } à jour, sous le seuil exigé de { $threshold }
check-title-stale = Traduction périmée ({ $lang })
check-title-missing = Traduction manquante ({ $lang })
check-title-draft = Traduction en brouillon ({ $lang })
check-message-stale = Le segment { $n } ({ $id }) a changé depuis sa traduction en { $lang }. Voir : bitext diff { $article } -l { $lang }
check-message-missing = Le segment { $n } ({ $id }) n’a pas de traduction en { $lang }.
check-message-draft = Le segment { $n } ({ $id }) n’a qu’une traduction en brouillon en { $lang }.
check-junit-message = { $percent } à jour ({ $current } sur { $segments ->
    [one] { $segments } segment
   *[other] { $segments } segments
})
error-invalid-percent = « { $value } » n’est pas un pourcentage entre 0 et 100
help-diff = Montrer ce qui a changé dans la source de chaque segment périmé depuis sa traduction
help-diff-format = Format de sortie
help-diff-exit-code = Sortir avec le code 1 si le diff montre quelque chose, comme `git diff --exit-code`
help-check = Échouer (code 1) si un article choisi n’est pas entièrement traduit : le contrôle pour l’intégration continue
help-check-format = Format de sortie
help-check-min-complete = Réussir si chaque article est à jour à au moins PCT %, au lieu de 100

## export

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
edition-volume = Volume { GROUPED($volume) }
edition-number = numéro { GROUPED($number) }
edition-date = { $month } { $year }
edition-volume-number = { $volume }, { $number }
edition-issue-date = { $issue } – { $date }
export-translated-from = { $source ->
    [en] Traduit de l’anglais
    [fr] Traduit du français
    [es] Traduit de l’espagnol
   *[other] Traduit de la langue { $source }
}
export-contents = Sommaire
export-untranslated-note = Pas encore traduit : texte affiché dans la langue d’origine.
export-untranslated-marker = [pas encore traduit]
export-published-in = Cet article a été publié dans le volume { GROUPED($volume) }, numéro { GROUPED($number) } ({ $month } { $year }).
export-published-in-edition = Cet article a été publié dans { $edition }.
# Les guillemets du texte propre d’une édition (le titre d’une édition dans le pied d’article),
# avec leurs espaces insécables, et ceux d’une citation dans une citation.
quote-open = { "«\u00A0" }
quote-close = { "\u00A0»" }
quote-inner-open = “
quote-inner-close = ”
export-refused = export refusé : { $count ->
    [one] { $count } segment n’est pas traduit (voir ci-dessus) ; traduisez-le, ou passez --allow-incomplete pour exporter le texte source à sa place.
   *[other] { $count } segments ne sont pas traduits (voir ci-dessus) ; traduisez-les, ou passez --allow-incomplete pour exporter le texte source à leur place.
}
export-incomplete = { $count ->
    [one] { $count } segment a été exporté sans traduction, signalé comme tel.
   *[other] { $count } segments ont été exportés sans traduction, signalés comme tels.
}
export-refused-glossary = export refusé : { $count ->
    [one] { $count } erreur de glossaire dans le texte à exporter (voir ci-dessus) ; corrigez la traduction, ou passez --allow-incomplete pour l’exporter telle quelle.
   *[other] { $count } erreurs de glossaire dans le texte à exporter (voir ci-dessus) ; corrigez les traductions, ou passez --allow-incomplete pour les exporter telles quelles.
}
export-glossary-kept = { $count ->
    [one] { $count } erreur de glossaire a été exportée telle quelle.
   *[other] { $count } erreurs de glossaire ont été exportées telles quelles.
}
error-no-translations = aucune traduction en { $tag } ni dans une langue plus générale ; langues traduites : { $available }
error-unknown-edition = aucune édition « { $id } » dans bitext.toml (éditions : { $available })
error-edition-article-missing = l’édition { $edition } contient l’article « { $slug } », mais { $path } n’existe pas
error-export-needs-directory = { $count } articles donnent { $count } documents : passez -o DIR pour les écrire dans un répertoire, ou utilisez --edition pour un seul document
error-not-a-directory = { $path } n’est pas un répertoire, alors que plusieurs documents doivent y être écrits
help-export = Exporter des articles ou une édition dans une langue, bilingue ou non
help-export-articles = Articles à exporter (noms comme guides/intro, ou leurs fichiers sources)
help-export-edition = Exporter une édition de bitext.toml, dans son ordre, en un seul document
help-export-lang = La langue d’export (avec repli sur les étiquettes plus générales : es-419 -> es)
help-export-bilingual = Source et traduction côte à côte, segment par segment
help-export-format = Format de sortie
help-export-output = Écrire dans PATH (un fichier ; un répertoire pour plusieurs articles) au lieu de la sortie standard
help-export-allow-incomplete = Exporter même si des segments sont périmés ou manquants, en mettant à leur place le texte source signalé, ou si le glossaire trouve des erreurs
help-export-paper = Le format de page d’un PDF
help-export-pdf-engine = Le programme qui compose un PDF (WeasyPrint) ; par défaut celui que nomme la variable d’environnement BITEXT_WEASYPRINT, sinon weasyprint dans le PATH

## formats d’échange (PO, XLIFF, TMX) et import

error-parse-exchange = { $path }:{ $line }:{ $column }: { $detail }
import-conflict = { $path }:{ $line }: le segment { $n } ({ $id }) a été modifié dans l’espace de travail depuis l’export de ce fichier ; traduction de l’espace de travail conservée (--force pour prendre celle du fichier)
import-unknown-segment = { $path }:{ $line }: l’unité { $id } ne correspond à aucun segment de { $source } ; ignorée
import-multi-paragraph = { $path }:{ $line }: la traduction de l’unité { $id } contient une ligne vide, or un segment est un seul paragraphe ; ignorée
import-summary = { $path }: { $recorded ->
    [one] { $recorded } enregistrée
   *[other] { $recorded } enregistrées
}, { $stale ->
    [one] { $stale } périmée
   *[other] { $stale } périmées
}, { $drafts } en brouillon, { $unchanged ->
    [one] { $unchanged } inchangée
   *[other] { $unchanged } inchangées
}, { $skipped ->
    [one] { $skipped } ignorée
   *[other] { $skipped } ignorées
}, { $conflicts ->
    [one] { $conflicts } conflit
   *[other] { $conflicts } conflits
}
help-po = Échanger des traductions avec les éditeurs PO (Poedit, Lokalize, Weblate)
help-po-export = Écrire un fichier PO par article
help-po-import = Enregistrer les traductions de fichiers PO
help-xliff = Échanger des traductions avec les outils XLIFF (OmegaT, Trados, memoQ)
help-xliff-export = Écrire un fichier XLIFF par article
help-xliff-export-xliff-version = Version d’XLIFF
help-xliff-import = Enregistrer les traductions de fichiers XLIFF (2.0 ou 1.2)
help-tmx = Exporter une mémoire de traduction, ou importer des fichiers TMX dans la mémoire de l’espace de travail
help-tmx-export = Écrire une mémoire TMX 1.4b de toutes les paires de segments à jour
help-lang = La langue cible
help-output = Écrire dans PATH (un fichier ; un répertoire pour plusieurs articles) au lieu de la sortie standard
help-files = Fichiers à importer
help-force = Prendre la traduction du fichier même là où celle de l’espace de travail a changé depuis l’export
help-tmx-export-output = Écrire dans PATH au lieu de la sortie standard
import-none = (aucun)
import-col-n = n
import-col-confidence = conf.
import-col-source = source
import-col-translation = traduction
import-col-outcome = résultat
import-outcome-translated = traduit
import-outcome-draft = brouillon (à relire)
import-outcome-unchanged = inchangé
import-outcome-conflict = conflit (conservé)
import-outcome-missing = sans traduction
import-outcome-extra = en trop, ignoré
import-outcome-doubt = { $outcome } : { $why }
import-doubt-merged = blocs fusionnés ou scindés
import-doubt-length = longueurs différentes
import-doubt-ambiguous = un bloc voisin a été supprimé, ajouté ou modifié
import-doubt-anchors = le code diffère
import-structure-differs = { $path } : la structure de la traduction diffère de celle de la source ({ $source ->
    [one] { $source } bloc
   *[other] { $source } blocs
  } dans la source, { $target } dans la traduction) : les paires incertaines sont des brouillons
import-article-summary = { $translated ->
    [one] { $translated } traduction enregistrée
   *[other] { $translated } traductions enregistrées
} et { $drafts ->
    [one] { $drafts } brouillon
   *[other] { $drafts } brouillons
} à relire ; { $unchanged ->
    [one] { $unchanged } inchangée
   *[other] { $unchanged } inchangées
}, { $conflicts ->
    [one] { $conflicts } conflit conservé
   *[other] { $conflicts } conflits conservés
}, { $missing } sans traduction, { $extra ->
    [one] { $extra } paragraphe en trop ignoré
   *[other] { $extra } paragraphes en trop ignorés
}.
import-article-summary-dry-run = À enregistrer : { $translated ->
    [one] { $translated } traduction
   *[other] { $translated } traductions
} et { $drafts ->
    [one] { $drafts } brouillon
   *[other] { $drafts } brouillons
} à relire ; { $unchanged ->
    [one] { $unchanged } inchangée
   *[other] { $unchanged } inchangées
}, { $conflicts ->
    [one] { $conflicts } conflit à conserver
   *[other] { $conflicts } conflits à conserver
}, { $missing } sans traduction, { $extra ->
    [one] { $extra } paragraphe en trop à ignorer
   *[other] { $extra } paragraphes en trop à ignorer
}. Rien n’a été écrit (--dry-run).
help-import = Enregistrer les traductions d’un document déjà traduit, aligné paragraphe par paragraphe
help-import-lang = La langue de la traduction
help-import-file = Le document traduit (.md, ou paragraphes séparés par des lignes vides)
help-import-dry-run = Montrer l’alignement sans rien écrire
help-import-force = Remplacer les traductions à jour qui diffèrent
help-jobs = Nombre de fils d’exécution pour traiter les articles (par défaut : un par cœur)

## fiabilité

error-lock-timeout = { $path } est tenu par une autre commande bitext (processus { $pid }) depuis plus de { $seconds } s ; réessayez quand elle aura terminé
error-stale-lock = { $path } a été laissé par le processus bitext { $pid }, qui ne tourne plus (il a été interrompu) ; vérifiez qu’aucune commande bitext n’est en cours, puis supprimez { $path } et relancez la commande
error-outside-workspace = { $path } mène hors de l’espace de travail (un lien symbolique ?) ; bitext ne lit et n’écrit que des fichiers qui s’y trouvent
error-too-large = { $path }:{ $line }: plus grand que { $limit } ; ce n’est pas un article que bitext peut suivre
error-nul-byte = { $path }:{ $line }:{ $column }: le fichier contient un octet NUL : ce n’est pas du texte
error-too-deep = { $path }:{ $line }: listes et citations imbriquées sur plus de { $limit } niveaux à partir de cette ligne ; bitext en suit { $limit } au plus
help-po-export-articles = Articles à exporter (noms comme guides/intro, ou leurs fichiers sources)
help-xliff-export-articles = Articles à exporter (noms comme guides/intro, ou leurs fichiers sources)
