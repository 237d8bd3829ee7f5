# Relecture : traductions relues, commentaires gardés sur les unités, et éditions qui n’exportent
# que du texte relu (`require = "reviewed"`).

config-invalid-edition-require = `require` vaut « translated » ou « reviewed », pas « { $value } »
error-nothing-to-comment = { $path } : le segment { $n } n’a pas de traduction : un commentaire accompagne une traduction, traduisez d’abord le segment
comment-place = le commentaire du segment { $n } ({ $id })
finding-unreviewed = { $path }:{ $line }: { $lang } : segment { $n } non relu ({ $id })
check-title-unreviewed = Traduction non relue ({ $lang })
check-message-unreviewed = Le segment { $n } ({ $id }) est traduit en { $lang } mais non relu, et une édition qui contient { $article } n’exporte que des traductions relues. Voir : bitext review { $article } { $n } -l { $lang }
check-unreviewed = { $count ->
    [one] Une traduction non relue, dans une édition qui exige des traductions relues.
   *[other] { $count } traductions non relues, dans une édition qui exige des traductions relues.
}
review-marked = { $path } ({ $lang }) : segment { $n } marqué comme relu
review-already = { $path } ({ $lang }) : le segment { $n } était déjà relu
review-refused = { $path } ({ $lang }) : le segment { $n } est { $state } : seule une traduction à jour peut être marquée comme relue ; laissé tel quel
review-changed = { $path } ({ $lang }) : le segment { $n } a changé depuis son affichage : laissé tel quel
comment-saved = { $path } ({ $lang }) : commentaire enregistré sur le segment { $n }
comment-removed = { $path } ({ $lang }) : plus de commentaire sur le segment { $n }
help-review = Marquer comme relues des traductions à jour : positions, plages comme 3-7, ou identifiants
help-review-segments = Segments à marquer comme relus : positions à partir de 1, plages comme 3-7, ou identifiants (@ID pour un identifiant qui ressemble à un nombre)
help-review-lang = La langue des traductions
help-comment = Ajouter, modifier ou supprimer le commentaire sur la traduction d’un segment
help-comment-segment = Le segment : une position à partir de 1, ou un identifiant
help-comment-text = Le commentaire (vide, il le supprime)
help-comment-lang = La langue de la traduction
help-comment-remove = Supprimer le commentaire

## Atelier

serve-key-click = clic
serve-key-pick-range = sur une case de relecture : le même choix pour toutes les cases depuis la précédente cliquée
serve-filter-review = à relire ({ $count })
serve-review-title = Marquer comme relu
serve-review-help = Cochez les segments à marquer, ou donnez une plage de positions. Seules les traductions à jour sont marquées ; les autres sont listées, et laissées telles quelles.
serve-review-from = Du segment
serve-review-to = au segment
serve-review-submit = Marquer comme relus
serve-review-pick = Choisir le segment { $n } pour la relecture
serve-review-done = { $count ->
    [0] Aucun segment marqué comme relu.
    [one] Un segment marqué comme relu.
   *[other] { $count } segments marqués comme relus.
}
serve-review-skipped = Non marqués, car pas à jour : { $list }.
serve-review-changed = Non marqués, car modifiés depuis le chargement de la page : { $list }.
serve-review-bad-range = La plage { $from } à { $to } n’est pas faite de segments de cet article (1 à { $count }).
serve-comment = Commentaire
serve-comment-edit = Commentaire du segment { $n }
serve-comment-label = Commentaire sur la traduction du segment { $n }
serve-comment-save = Enregistrer le commentaire
serve-comment-remove = Supprimer le commentaire
serve-comment-done = Commentaire enregistré sur le segment { $n }.
serve-comment-removed = Commentaire supprimé du segment { $n }.
serve-comment-refused-title = Le commentaire n’a pas été enregistré
serve-comment-conflict-title = Le commentaire a changé
serve-comment-conflict = Le commentaire du segment { $n } a changé depuis le chargement de cette page. Il dit maintenant :
serve-comment-none = (aucun commentaire)
serve-comment-yours = Votre texte, non enregistré :
serve-comment-back = Revenir au segment
serve-unreviewed = non relu
