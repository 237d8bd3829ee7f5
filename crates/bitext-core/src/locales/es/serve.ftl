# bitext serve: el taller del traductor en el navegador (traducción de en/serve.ftl).

## Línea de órdenes

help-serve = Abrir el taller del traductor en una página web local
help-serve-port = El puerto de escucha (0: uno libre)
help-serve-bind = Escuchar en esta dirección en lugar de 127.0.0.1 (otras máquinas podrán conectarse)
help-serve-open = Abrir la página en el navegador del escritorio
serve-listening = bitext serve: abra { $url }
serve-stop-hint = Pulse Ctrl-C para detenerlo.
serve-stopped = bitext serve: detenido
serve-warning-exposed = atención: escuchando en { $addr }; otras máquinas pueden llegar a este servidor, protegido solo por el token
serve-open-failed = no se pudo iniciar { $program } para abrir la página; abra usted mismo la dirección de arriba
error-serve = no se puede iniciar el servidor: { $detail }

## Marco de las páginas

serve-skip = Ir al contenido
serve-nav = Taller
serve-dashboard = Panel
serve-ui-language = Idioma de la interfaz
serve-lang-name = { $tag ->
    [en] inglés
    [fr] francés
    [es] español
    [es-419] español de América Latina
   *[other] { $tag }
}

## Panel

serve-summary = { $articles ->
    [one] Un artículo
   *[other] { $articles } artículos
}, { $segments ->
    [one] un segmento
   *[other] { $segments } segmentos
} en cada idioma.
serve-by-language = Por idioma
serve-editions = Ediciones
serve-edition = Edición
serve-edition-ready = lista
serve-edition-left = { $count ->
    [one] falta un segmento
   *[other] faltan { $count } segmentos
}
serve-edition-article-missing = falta un artículo
serve-articles = Artículos
serve-dashboard-all = Todos los artículos
serve-dashboard-unfinished = Artículos sin terminar
serve-dashboard-none-unfinished = Todos los artículos están traducidos a todos los idiomas.
serve-dashboard-range = Artículos { $first } a { $last } de { $count }, página { $page } de { $pages }
serve-article = Artículo
serve-segments = Segmentos
serve-download = Descargar

## Taller

serve-progress = Traducido a partir del texto actual
serve-filter = Mostrar
serve-filter-all = todos
serve-filter-unfinished = pendientes
serve-shortcuts = Atajos de teclado
serve-key-save-next = guardar e ir al siguiente segmento pendiente
serve-key-next = segmento siguiente, sin guardar
serve-key-previous = segmento anterior, sin guardar
serve-none-in-view = No hay ningún segmento que mostrar aquí.
serve-segment = Segmento { $n }
serve-source = Original
serve-changed = Cambios desde que se tradujo
serve-deleted = eliminado:
serve-inserted = añadido:
serve-translation = Traducción ({ $lang })
serve-suggestions = De la memoria de traducción (haga clic para insertar)
serve-findings = Controles de calidad
serve-level-error = error
serve-level-warning = aviso
serve-actions = Acciones
serve-save = Guardar
serve-save-draft = Guardar como borrador
serve-accept = Aceptar
serve-review = Marcar como revisado
serve-done-save = Segmento { $n } guardado.
serve-done-draft = Segmento { $n } guardado como borrador.
serve-done-review = Segmento { $n } marcado como revisado.
serve-done-accept = Segmento { $n } aceptado.
serve-finished = Aquí no queda ningún segmento pendiente.
serve-export = Exportar
serve-bilingual = bilingüe
serve-format = Formato
serve-format-txt = texto sin formato

## Guardados rechazados

serve-conflict = Este segmento cambió en el disco
serve-conflict-source = El párrafo original se modificó después de cargar la página. No se guardó nada: vuelva a leerlo y elija.
serve-conflict-translation = Alguien modificó esta traducción después de cargar la página. No se guardó nada: elija qué texto conservar.
serve-source-now = Original actual
serve-disk-text = Traducción en el disco
serve-no-translation = sin traducción
serve-keep-disk = Conservar el texto del disco
serve-your-text = Su texto
serve-keep-mine = Guardar mi texto
serve-not-saved = No se guardó
serve-try-again = Volver a intentarlo
serve-back = Volver al taller
serve-confirm = Confirmar el guardado
serve-confirm-findings = Los controles de calidad encontraron errores en esta traducción. ¿Guardarla de todos modos?
serve-save-anyway = Guardar de todos modos
serve-confirm-accept = Confirmar la aceptación
serve-confirm-accept-findings = Los controles de calidad encontraron errores en esta traducción frente a la fuente actual. ¿Aceptarla de todos modos?
serve-accept-anyway = Aceptar de todos modos
serve-translation-to-accept = La traducción que se va a aceptar
serve-empty = La traducción está vacía.
serve-one-paragraph = Un segmento es un solo párrafo: quite las líneas en blanco.
serve-nothing-to-accept = Este segmento no tiene traducción que aceptar.

## Exportación

serve-export-refused = Exportación rechazada
serve-export-refused-why = Algunos segmentos no están traducidos a partir del texto actual, así que la exportación quedaría incompleta:
serve-export-what = Indique un artículo o una edición que exportar.
serve-bad-format = Formato «{ $format }» desconocido: use html, md o txt.

## Errores

serve-error-title = Error { $status }
serve-forbidden-token = Esta página necesita el token que mostró bitext serve: abra la dirección completa que mostró.
serve-forbidden-host = Este servidor solo responde a su propia dirección.
serve-forbidden-origin = Solo se aceptan cambios desde las páginas del propio taller.
serve-no-page = No hay ninguna página en { $path }.
serve-no-segment = No hay ningún segmento { $segment } en este artículo.
serve-missing-field = Al formulario le falta el campo «{ $field }».
serve-bad-action = Acción «{ $action }» desconocida.
serve-bad-method = Esta dirección no acepta peticiones { $method }.
serve-internal = Algo falló dentro de bitext; no se escribió nada. Por favor, infórmenos.

## Límites del servidor HTTP y páginas de un artículo largo (incidencia 27)

serve-bad-setting = { $name } debe ser un número entero mayor que cero, no «{ $value }»
serve-http-too-large = Los campos de cabecera de la petición superan lo que acepta este servidor ({ $limit } bytes).
serve-http-malformed = Esta petición no es HTTP bien formado.
serve-http-version = Este servidor solo habla HTTP/1.1 y HTTP/1.0.
serve-http-host = La petición debe nombrar su host una sola vez, en el campo Host.
serve-http-length = El Content-Length de la petición no es una longitud válida.
serve-http-chunked = No se aceptan cuerpos de petición por fragmentos (chunked): envíe el cuerpo con un Content-Length.
serve-http-coding = No se aceptan codificaciones de transferencia: envíe el cuerpo con un Content-Length.
serve-http-body-too-large = El cuerpo de la petición supera lo que acepta este servidor ({ $limit } bytes).
serve-http-expectation = Solo se entiende la expectativa 100-continue.
serve-http-timeout = La petición no llegó a tiempo.
serve-http-busy = El servidor está ocupado: inténtelo de nuevo en un momento.
serve-pages = Páginas
serve-page-previous = Página anterior
serve-page-next = Página siguiente
serve-page-number = Página { $page }
serve-page-range = Segmentos { $first } a { $last } de los { $count } mostrados, página { $page } de { $pages }
serve-search = Buscar
serve-search-label = Texto de la fuente o de la traducción
serve-search-clear = Mostrar todo
serve-search-results = { $count ->
    [one] Un segmento contiene «{ $text }».
   *[other] { $count } segmentos contienen «{ $text }».
}

## Workbench in the reader's language: counts, the export refusal, the way back (issue 25)

serve-count-current = { $count } al día
serve-count-stale = { $count ->
    [one] { $count } desactualizado
   *[other] { $count } desactualizados
}
serve-count-missing = { $count ->
    [one] { $count } pendiente
   *[other] { $count } pendientes
}
serve-count-draft = { $count ->
    [one] { $count } borrador
   *[other] { $count } borradores
}
serve-export-unfinished = { $count ->
    [one] Un segmento no está traducido a partir del texto actual, así que la exportación quedaría incompleta. Termínelo o acéptelo en el taller y vuelva a descargar:
   *[other] { $count } segmentos no están traducidos a partir del texto actual, así que la exportación quedaría incompleta. Termínelos o acéptelos en el taller y vuelva a descargar:
}
serve-export-glossary = { $count ->
    [one] Un error de glosario en el texto { $lang } por exportar. Corríjalo en el taller y vuelva a descargar:
   *[other] { $count } errores de glosario en el texto { $lang } por exportar. Corríjalos en el taller y vuelva a descargar:
}
serve-back-dashboard = Volver al panel

## Exportación EPUB: la descarga de una edición en EPUB desde el panel

serve-download-epub = Descargar la edición EPUB
serve-download-pdf = Descargar la edición PDF lista para imprimir

## Unsaved text in the workbench: Accept with typed text asks (issue 25)

serve-unsaved-title = Su texto no está guardado
serve-unsaved-accept = Ha escrito un texto nuevo en este segmento. Aceptar conserva la traducción registrada, sin cambios, y descarta lo que escribió.
serve-unsaved-save = Guardar mi texto
serve-unsaved-keep = Aceptar la traducción registrada
serve-unsaved-cancel = Volver a mi texto

## A new paragraph like one still in the article: new, with a suggestion (issue 25)

serve-new-here = nuevo aquí
serve-new-like = Un párrafo nuevo. El párrafo anterior más parecido es el segmento { $n }: su traducción se ofrece abajo como sugerencia para adaptar, no como traducción de este texto.
serve-new-like-link = Ir al segmento { $n }
serve-new-like-diff = Diferencias con el segmento { $n }
serve-new-like-origin = traducción del segmento { $n }
serve-accept-new = El segmento { $n } es un párrafo nuevo: la traducción registrada se hizo para el segmento { $like }. Escriba su propia traducción y guárdela.

## Checks while typing: next and previous unfinished segment (issue 25)

serve-key-next-unfinished = siguiente segmento pendiente de esta página, sin guardar
serve-key-previous-unfinished = segmento pendiente anterior de esta página, sin guardar
