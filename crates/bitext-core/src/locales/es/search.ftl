## Search across the workspace, and a segment's history (issue 25)

search-title = Búsqueda
search-label = Texto, identificador o posición de un segmento
search-hint = Un texto se busca en la fuente y en la traducción, sin distinguir mayúsculas ni acentos; un identificador encuentra el segmento cuyo identificador empieza así; #12 es el duodécimo segmento de cada artículo, y artículo#12 el duodécimo de un solo artículo.
search-lang = Idioma
search-state = Estado
search-found = { $count ->
    [0] Ningún segmento encontrado.
    [one] Un segmento encontrado.
   *[other] { $count } segmentos encontrados en { $articles ->
        [one] un artículo
       *[other] { $articles } artículos
    }.
}
search-more = Más de { $count } segmentos coinciden: solo se muestran los { $count } primeros. Precise la búsqueda para ver los demás.
search-no-translation = Todavía sin traducción.
history-link = Historial
history-link-label = Historial del segmento { $n }
history-title = Historial del segmento { $n }
history-back = Volver a este segmento en el taller
history-now = El párrafo ahora
history-versions = Sus traducciones, de la más reciente a la más antigua
history-none = Este segmento nunca se ha traducido.
history-no-git = Este espacio de trabajo no está en un repositorio git: solo se conoce la traducción que hay ahora en el disco.
history-uncommitted = En el disco, todavía sin confirmar en git
history-on-disk = en el disco
history-made-from-current = Hecha a partir del párrafo tal como es ahora.
history-made-from-earlier = Hecha a partir de un texto anterior del párrafo:
history-restore = Restaurar esta traducción
history-done-restore = Segmento { $n }: traducción anterior restaurada.
history-conflict = Este segmento cambió en el disco después de cargar la página, y no se restauró nada. Este es su historial tal como es ahora.
history-unrelated = Esta traducción no contaría como la de este párrafo: no se restauró nada. Cópiela en el cuadro de texto.
history-no-version = El historial de este segmento no tiene ninguna versión del commit { $commit }.
restore-origin = la traducción anterior del segmento { $n }
help-history = Mostrar todas las traducciones que tuvo un segmento, según git, con quién las registró y cuándo
help-history-segment = El segmento: una posición desde 1, o un identificador (basta un prefijo único)
help-history-lang = El idioma de la traducción
help-history-format = Formato de salida
history-heading = { $path }, segmento { $n } ({ $id }) en { $lang }: { $count ->
    [0] nunca traducido.
    [one] una traducción.
   *[other] { $count } traducciones, de la más reciente a la más antigua.
}
history-cli-no-git = No está en un repositorio git: solo se conoce la traducción que hay en el disco.
history-cli-uncommitted = en el disco, todavía sin confirmar en git
history-cli-made-from = hecha a partir de un texto anterior del párrafo:
search-filter-review = por revisar
