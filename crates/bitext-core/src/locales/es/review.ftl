# Revisión: traducciones revisadas, comentarios guardados en las unidades, y ediciones que solo
# exportan texto revisado (`require = "reviewed"`).

config-invalid-edition-require = `require` vale «translated» o «reviewed», no «{ $value }»
error-nothing-to-comment = { $path }: el segmento { $n } no tiene traducción: un comentario acompaña a una traducción, traduzca primero el segmento
comment-place = el comentario del segmento { $n } ({ $id })
finding-unreviewed = { $path }:{ $line }: { $lang }: segmento { $n } sin revisar ({ $id })
check-title-unreviewed = Traducción sin revisar ({ $lang })
check-message-unreviewed = El segmento { $n } ({ $id }) está traducido al { $lang } pero sin revisar, y una edición que contiene { $article } solo exporta traducciones revisadas. Véase: bitext review { $article } { $n } -l { $lang }
check-unreviewed = { $count ->
    [one] Una traducción sin revisar, en una edición que exige traducciones revisadas.
   *[other] { $count } traducciones sin revisar, en una edición que exige traducciones revisadas.
}
review-marked = { $path } ({ $lang }): segmento { $n } marcado como revisado
review-already = { $path } ({ $lang }): el segmento { $n } ya estaba revisado
review-refused = { $path } ({ $lang }): el segmento { $n } está { $state }: solo una traducción al día puede marcarse como revisada; se deja como está
review-changed = { $path } ({ $lang }): el segmento { $n } cambió desde que se mostró: se deja como está
comment-saved = { $path } ({ $lang }): comentario guardado en el segmento { $n }
comment-removed = { $path } ({ $lang }): ya no hay comentario en el segmento { $n }
help-review = Marcar como revisadas traducciones al día: posiciones, intervalos como 3-7, o identificadores
help-review-segments = Segmentos que marcar como revisados: posiciones desde 1, intervalos como 3-7, o identificadores (@ID para un identificador que parece un número)
help-review-lang = El idioma de las traducciones
help-comment = Añadir, cambiar o quitar el comentario de la traducción de un segmento
help-comment-segment = El segmento: una posición desde 1, o un identificador
help-comment-text = El comentario (vacío, lo quita)
help-comment-lang = El idioma de la traducción
help-comment-remove = Quitar el comentario

## Mesa de trabajo

serve-key-click = clic
serve-key-pick-range = en una casilla de revisión: la misma elección para todas las casillas desde la anterior pulsada
serve-filter-review = por revisar ({ $count })
serve-review-title = Marcar como revisado
serve-review-help = Marque las casillas de los segmentos, o indique un intervalo de posiciones. Solo se marcan las traducciones al día; las demás se listan, y se dejan como están.
serve-review-from = Del segmento
serve-review-to = al segmento
serve-review-submit = Marcar como revisados
serve-review-pick = Elegir el segmento { $n } para la revisión
serve-review-done = { $count ->
    [0] Ningún segmento marcado como revisado.
    [one] Un segmento marcado como revisado.
   *[other] { $count } segmentos marcados como revisados.
}
serve-review-skipped = Sin marcar, porque no están al día: { $list }.
serve-review-changed = Sin marcar, porque cambiaron desde que se cargó la página: { $list }.
serve-review-bad-range = El intervalo { $from } a { $to } no es de segmentos de este artículo (1 a { $count }).
serve-comment = Comentario
serve-comment-edit = Comentario del segmento { $n }
serve-comment-label = Comentario sobre la traducción del segmento { $n }
serve-comment-save = Guardar el comentario
serve-comment-remove = Quitar el comentario
serve-comment-done = Comentario guardado en el segmento { $n }.
serve-comment-removed = Comentario quitado del segmento { $n }.
serve-comment-refused-title = El comentario no se guardó
serve-comment-conflict-title = El comentario cambió
serve-comment-conflict = El comentario del segmento { $n } cambió desde que se cargó esta página. Ahora dice:
serve-comment-none = (ningún comentario)
serve-comment-yours = Su texto, sin guardar:
serve-comment-back = Volver al segmento
serve-unreviewed = sin revisar
