# Mensajes propios de bitext, en español (traducción de en.ftl).

## Estados de los segmentos

state-current = al día
state-stale = desactualizado
state-missing = pendiente
state-draft = borrador

segments-count = { $count ->
    [one] { $count } segmento
   *[other] { $count } segmentos
}

## status

status-article-heading = { $path } — { segments-count }
status-col-lang = idioma
status-col-current = al día
status-col-stale = desact.
status-col-missing = pendientes
status-col-draft = borradores
status-col-obsolete = obsoletos
status-col-percent = hecho
status-col-n = n
status-col-id = id
status-col-state = estado
status-col-line = línea
status-col-text = texto
status-no-articles = Todavía no hay artículos en sources/: añada allí un archivo Markdown, por ejemplo sources/my-article.md.
status-empty-article = Este artículo no tiene texto traducible.

## sync

sync-created = { $path }: creado
sync-would-create = { $path }: se crearía
sync-updated = { $path }: actualizado
sync-would-update = { $path }: se actualizaría
sync-added = { $count ->
    [one] { $count } segmento nuevo
   *[other] { $count } segmentos nuevos
}
sync-obsoleted = { $count ->
    [one] { $count } traducción marcada como obsoleta
   *[other] { $count } traducciones marcadas como obsoletas
}
sync-restored = { $count ->
    [one] { $count } traducción obsoleta restaurada
   *[other] { $count } traducciones obsoletas restauradas
}
sync-purged = { $count ->
    [one] { $count } traducción obsoleta eliminada
   *[other] { $count } traducciones obsoletas eliminadas
}
sync-summary = { $changed ->
    [one] { $changed } archivo actualizado
   *[other] { $changed } archivos actualizados
}, { $unchanged } ya al día.
sync-summary-dry-run = { $changed ->
    [one] { $changed } archivo se actualizaría
   *[other] { $changed } archivos se actualizarían
}, { $unchanged } ya al día. No se ha escrito nada (--dry-run).

## set y accept

unit-state-translated = traducido
unit-state-reviewed = revisado
unit-state-draft = borrador
set-recorded = { $lang }: segmento { $n } de { $path } registrado como { $state }.
accept-accepted = { $lang }: segmento { $n } de { $path } aceptado: su traducción cuenta ahora como hecha a partir del texto actual.
accept-already-current = { $lang }: el segmento { $n } de { $path } ya está al día; no hay nada que aceptar.
origin-stdin = la entrada estándar
origin-text = --text

## init

init-created = Se ha creado { $path }
init-next = Siguiente paso: ponga artículos en Markdown en sources/ y después ejecute `bitext status`.

## Errores

error-no-workspace = no hay ningún bitext.toml en { $dir } ni en sus directorios superiores; ejecute `bitext init` para crear un espacio de trabajo, o use -C DIR
error-config-exists = { $path } ya existe; bitext init nunca lo sobrescribe
error-read = no se puede leer { $path }: { $detail }
error-write = no se puede escribir en { $path }: { $detail }
error-parse-config = { $path }:{ $line }:{ $column }: archivo de proyecto no válido: { $detail }
error-parse-translation = { $path }:{ $line }:{ $column }: archivo de traducción no válido: { $detail }
error-unknown-format = { $path }: formato de archivo de traducción desconocido { $found }; esta versión de bitext lee el formato 1 (puede que lo haya escrito una versión más reciente de bitext)
error-translation-mismatch = { $path }: el campo "{ $field }" vale "{ $found }", pero la ubicación del archivo indica "{ $expected }"
error-duplicate-unit-id = { $path }: dos unidades tienen el mismo id { $id }
error-orphan-translation = { $path }: traducción de un artículo que no existe (no se encuentra { $source }); elimínela o restaure el original
error-invalid-utf8 = { $path }:{ $line }:{ $column }: el archivo no es UTF-8 válido
error-invalid-slug = nombre de artículo no válido «{ $slug }»: un artículo se nombra por su ruta bajo la carpeta de fuentes, sin la extensión (harbour, guias/Primeros pasos); ninguna de sus partes puede estar vacía, ser «.» o «..», empezar o terminar con un espacio ni contener caracteres de control
error-invalid-file-name = { $path }: bitext no puede nombrar este archivo como artículo: su ruta debe estar en UTF-8 y ninguna de sus partes puede empezar o terminar con un espacio ni contener caracteres de control; cámbiele el nombre
error-not-a-file = { $path }: { $kind }, no un archivo normal; bitext solo lee aquí archivos normales (o enlaces a ellos): elimínelo o muévalo a otro lugar
error-history = no se puede leer el historial de git: { $detail }
error-adopt-needs-pages = adopt registra el historial de las páginas traducidas: indique [layout] translations en bitext.toml (como translations = "locale/{"{"}lang{"}"}")
error-adopt-needs-history = no hay historial de git del que adoptar las páginas: ejecute adopt en un repositorio git, o pase --assume current o --assume stale
error-invalid-layout = { $path }:{ $line }:{ $column }: [layout] { $key } = "{ $value }" debe nombrar una carpeta dentro del espacio de trabajo, relativa a él (como locale/en), sin partes «.» ni «..», fuera de .git y de .bitext-cache
error-layout-value = { $path }:{ $line }:{ $column }: [layout] { $key } = "{ $value }" no es válido: { $expected }
layout-expected-translations = la carpeta de las páginas de cada idioma, con {"{"}lang{"}"} una vez en lugar del idioma (como locale/{"{"}lang{"}"}), ninguna dentro de otra ni dentro de la carpeta de fuentes
layout-expected-untranslated = "source" (una página muestra el texto fuente donde falta una traducción) u "omit"
layout-expected-folders = las claves de [layout.folders] son idiomas de destino, cada uno con el nombre de su carpeta en lugar de {"{"}lang{"}"}, y requieren translations = "…/{"{"}lang{"}"}"
layout-expected-front-matter = 255 claves como máximo, cada una hecha de letras, dígitos, «_», «-» y «.»
error-unknown-article = no hay ningún artículo "{ $slug }": { $path } no existe
error-invalid-lang = etiqueta de idioma no válida "{ $tag }" (se esperaba una etiqueta BCP 47 como fr, es o es-419)
error-lang-not-target = el idioma { $tag } no es un idioma de destino de este espacio de trabajo (bitext.toml indica: { $targets })
error-did-you-mean = { $error }; ¿quería decir { $suggestion }?
error-source-is-target = { $path }:{ $line }:{ $column }: el idioma de origen { $tag } también figura como idioma de destino
error-unknown-segment = { $path }: no hay ningún segmento "{ $segment }" (el artículo tiene { segments-count }; indique una posición a partir de 1 o un id, escrito @ID si solo tiene cifras)
error-ambiguous-segment = { $path }: el prefijo de id de segmento "{ $segment }" coincide con varios segmentos: { $candidates }
error-empty-translation = traducción vacía desde { $origin }; no se ha registrado nada
error-multi-paragraph-translation = la traducción desde { $origin } contiene una línea en blanco, pero un segmento es un solo párrafo
error-nothing-to-accept = { $path }: el segmento { $n } está en estado { $state }: no hay ninguna traducción que aceptar
error-invalid-edition = { $path }:{ $line }:{ $column }: edición "{ $id }": { $detail }

## Ayuda de la línea de comandos

help-heading-usage = Uso:
help-heading-options = Opciones
help-heading-arguments = Argumentos
help-heading-commands = Comandos
help-help = Muestra la ayuda
help-version = Muestra la versión
help-bitext = Seguimiento de traducciones de artículos párrafo a párrafo: qué traducciones quedaron desactualizadas al cambiar el original.
help-dir = Trabaja en DIR en lugar del directorio ascendiente más cercano que contenga bitext.toml
help-color = Cuándo colorear la salida
help-ui-lang = Idioma de los mensajes de bitext (predeterminado: según LC_ALL, LC_MESSAGES o LANG)
help-articles = Artículos que incluir (nombres como guias/intro, o sus archivos fuente); todos si no se indica ninguno
help-langs = Idiomas de destino que incluir (repetible); todos si no se indica ninguno
help-article = El artículo (su nombre, como guias/intro, o su archivo fuente)
help-init = Crea bitext.toml, sources/ y translations/ (nunca sobrescribe nada)
help-init-source = Idioma de origen de los artículos
help-init-targets = Un idioma de destino (repetible)
help-status = Muestra qué parte de cada artículo está traducida, por idioma
help-status-segments = Lista cada segmento con su posición, id, estado, línea y un extracto
help-status-format = Formato de salida
help-adopt = Registrar, a partir del historial de git, de qué inglés se tradujo cada párrafo de las páginas traducidas
help-adopt-assume = Para las páginas sin historial de git: tomar sus párrafos como traducciones del inglés de hoy (current) o de uno anterior (stale)
adopt-without-history = { $path }: sin historial de git; registrada como indica --assume
adopt-unpaired = { $path }: { $count ->
    [one] 1 párrafo
   *[other] { $count } párrafos
} cuyo inglés no se puede saber (la página y la página en inglés no tenían entonces la misma estructura): registrados como borradores
adopt-summary = adopt: { $pages } páginas, { $commits } commits leídos; { $translated } párrafos registrados como traducidos, { $untranslated } aún en inglés, { $drafts } borradores; { $written } registros escritos.
adopt-progress-history = leyendo el historial: { $commits } commits
adopt-progress-pages = registrando páginas: { $done } de { $total }
help-sync = Reescribe los archivos de traducción para reflejar la segmentación actual de los originales
help-sync-dry-run = Muestra lo que cambiaría, sin escribir nada
help-sync-purge-obsolete = Elimina las traducciones obsoletas en lugar de conservarlas
help-set = Registra la traducción de un segmento, hecha a partir de su texto original actual
help-set-segment = El segmento: una posición a partir de 1, o un id (basta con un prefijo único; @ID para un id que parece un número)
help-set-lang = El idioma de la traducción
help-set-text = La traducción (predeterminado: se lee de la entrada estándar)
help-set-file = Lee la traducción de un archivo
help-set-draft = Guarda como borrador, que sigue contando como trabajo pendiente
help-set-reviewed = Marca la traducción como revisada
help-accept = Marca segmentos desactualizados como al día sin cambiar sus traducciones
help-accept-segments = Segmentos que aceptar: posiciones a partir de 1 o ids (@ID para un id que parece un número)
help-accept-lang = El idioma de las traducciones

## diff y check

finding-stale = { $path }:{ $line }: { $lang }: segmento { $n } desactualizado ({ $id })
finding-missing = { $path }:{ $line }: { $lang }: segmento { $n } pendiente ({ $id })
finding-draft = { $path }:{ $line }: { $lang }: segmento { $n } en borrador ({ $id })
diff-missing-line = { $finding }: { $excerpt }
diff-nothing = No hay segmentos desactualizados ni pendientes.
diff-translation = traducción ({ $lang }):
check-passed = comprobación superada: { $articles ->
    [one] { $articles } artículo
   *[other] { $articles } artículos
} en { $languages ->
    [one] { $languages } idioma
   *[other] { $languages } idiomas
}; { $stale ->
    [one] { $stale } desactualizado
   *[other] { $stale } desactualizados
}, { $missing ->
    [one] { $missing } pendiente
   *[other] { $missing } pendientes
}, { $draft ->
    [one] { $draft } borrador
   *[other] { $draft } borradores
}.
check-failed = comprobación fallida: { $articles ->
    [one] { $articles } artículo
   *[other] { $articles } artículos
} en { $languages ->
    [one] { $languages } idioma
   *[other] { $languages } idiomas
}; { $stale ->
    [one] { $stale } desactualizado
   *[other] { $stale } desactualizados
}, { $missing ->
    [one] { $missing } pendiente
   *[other] { $missing } pendientes
}, { $draft ->
    [one] { $draft } borrador
   *[other] { $draft } borradores
}.
check-threshold = (mínimo exigido: { $percent } al día)
check-below = { $path }: { $lang }: { $percent } al día, por debajo del mínimo exigido de { $threshold }
check-title-stale = Traducción desactualizada ({ $lang })
check-title-missing = Traducción pendiente ({ $lang })
check-title-draft = Traducción en borrador ({ $lang })
check-message-stale = El segmento { $n } ({ $id }) cambió desde que se tradujo al { $lang }. Véase: bitext diff { $article } -l { $lang }
check-message-missing = El segmento { $n } ({ $id }) no tiene traducción al { $lang }.
check-message-draft = El segmento { $n } ({ $id }) solo tiene una traducción en borrador al { $lang }.
check-junit-message = { $percent } al día ({ $current } de { $segments ->
    [one] { $segments } segmento
   *[other] { $segments } segmentos
})
error-invalid-percent = «{ $value }» no es un porcentaje entre 0 y 100
help-diff = Muestra qué cambió en la fuente de cada segmento desactualizado desde que se tradujo
help-diff-format = Formato de salida
help-diff-exit-code = Sale con código 1 si el diff muestra algo, como `git diff --exit-code`
help-check = Falla (código 1) si un artículo seleccionado no está traducido por completo: el control para la integración continua
help-check-format = Formato de salida
help-check-min-complete = Aprueba si cada artículo está al día al menos en un PCT %, en lugar del 100

## export

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
edition-volume = Volumen { GROUPED($volume) }
edition-number = número { GROUPED($number) }
edition-date = { $month } de { $year }
edition-volume-number = { $volume }, { $number }
edition-issue-date = { $issue } – { $date }
export-translated-from = { $source ->
    [en] Traducido del inglés
    [fr] Traducido del francés
    [es] Traducido del español
   *[other] Traducido del idioma { $source }
}
export-contents = Índice
export-untranslated-note = Aún sin traducir: se muestra en el idioma original.
export-untranslated-marker = [aún sin traducir]
export-published-in = Este artículo se publicó en el volumen { GROUPED($volume) }, número { GROUPED($number) } ({ $month } de { $year }).
export-published-in-edition = Este artículo se publicó en { $edition }.
# Las comillas del texto propio de una edición (el título de una edición al pie del artículo):
# angulares, y las inglesas para una cita dentro de una cita.
quote-open = «
quote-close = »
quote-inner-open = “
quote-inner-close = ”
export-refused = exportación rechazada: { $count ->
    [one] { $count } segmento no está traducido (véase arriba); tradúzcalo, o pase --allow-incomplete para exportar el texto fuente en su lugar.
   *[other] { $count } segmentos no están traducidos (véase arriba); tradúzcalos, o pase --allow-incomplete para exportar el texto fuente en su lugar.
}
export-incomplete = { $count ->
    [one] { $count } segmento se exportó sin traducir, marcado como tal.
   *[other] { $count } segmentos se exportaron sin traducir, marcados como tales.
}
export-refused-glossary = exportación rechazada: { $count ->
    [one] { $count } error de glosario en el texto por exportar (véase arriba); corrija la traducción, o pase --allow-incomplete para exportarla tal cual.
   *[other] { $count } errores de glosario en el texto por exportar (véase arriba); corrija las traducciones, o pase --allow-incomplete para exportarlas tal cual.
}
export-glossary-kept = { $count ->
    [one] { $count } error de glosario se exportó tal cual.
   *[other] { $count } errores de glosario se exportaron tal cual.
}
error-no-translations = no hay traducciones en { $tag } ni en un idioma más general; idiomas con traducciones: { $available }
error-unknown-edition = no hay ninguna edición «{ $id }» en bitext.toml (ediciones: { $available })
error-edition-article-missing = la edición { $edition } incluye el artículo «{ $slug }», pero { $path } no existe
error-export-needs-directory = { $count } artículos dan { $count } documentos: pase -o DIR para escribirlos en un directorio, o use --edition para un solo documento
error-not-a-directory = { $path } no es un directorio, pero hay que escribir en él varios documentos
help-export = Exporta artículos o una edición en un idioma, bilingüe o no
help-export-articles = Artículos que exportar (nombres como guias/intro, o sus archivos fuente)
help-export-edition = Exporta una edición de bitext.toml, en su orden, como un solo documento
help-export-lang = El idioma de exportación (con respaldo en etiquetas más generales: es-419 -> es)
help-export-bilingual = Fuente y traducción lado a lado, segmento por segmento
help-export-format = Formato de salida
help-export-output = Escribe en PATH (un archivo; un directorio para varios artículos) en lugar de la salida estándar
help-export-allow-incomplete = Exporta aunque haya segmentos desactualizados o pendientes, poniendo en su lugar el texto fuente marcado, o errores de glosario
help-export-paper = El tamaño de página de un PDF
help-export-pdf-engine = El programa que compone un PDF (WeasyPrint); por omisión el que indica la variable de entorno BITEXT_WEASYPRINT, si no weasyprint en el PATH

## formatos de intercambio (PO, XLIFF, TMX) e importación

error-parse-exchange = { $path }:{ $line }:{ $column }: { $detail }
import-conflict = { $path }:{ $line }: el segmento { $n } ({ $id }) cambió en el espacio de trabajo después de exportar este archivo; se conserva la traducción del espacio de trabajo (use --force para tomar la del archivo)
import-unknown-segment = { $path }:{ $line }: la unidad { $id } no corresponde a ningún segmento de { $source }; se omite
import-multi-paragraph = { $path }:{ $line }: la traducción de la unidad { $id } contiene una línea en blanco, pero un segmento es un solo párrafo; se omite
import-summary = { $path }: { $recorded ->
    [one] { $recorded } registrada
   *[other] { $recorded } registradas
}, { $stale ->
    [one] { $stale } desactualizada
   *[other] { $stale } desactualizadas
}, { $drafts } como borrador, { $unchanged } sin cambios, { $skipped ->
    [one] { $skipped } omitida
   *[other] { $skipped } omitidas
}, { $conflicts ->
    [one] { $conflicts } conflicto
   *[other] { $conflicts } conflictos
}
help-po = Intercambia traducciones con editores PO (Poedit, Lokalize, Weblate)
help-po-export = Escribe un archivo PO por artículo
help-po-import = Registra las traducciones de archivos PO
help-xliff = Intercambia traducciones con herramientas XLIFF (OmegaT, Trados, memoQ)
help-xliff-export = Escribe un archivo XLIFF por artículo
help-xliff-export-xliff-version = Versión de XLIFF
help-xliff-import = Registra las traducciones de archivos XLIFF (2.0 o 1.2)
help-tmx = Exporta una memoria de traducción, o importa archivos TMX a la memoria del espacio de trabajo
help-tmx-export = Escribe una memoria TMX 1.4b de todos los pares de segmentos al día
help-lang = El idioma de destino
help-output = Escribe en PATH (un archivo; un directorio para varios artículos) en lugar de la salida estándar
help-files = Archivos que importar
help-force = Toma la traducción del archivo incluso donde la del espacio de trabajo cambió desde la exportación
help-tmx-export-output = Escribe en PATH en lugar de la salida estándar
import-none = (ninguno)
import-col-n = n
import-col-confidence = conf.
import-col-source = fuente
import-col-translation = traducción
import-col-outcome = resultado
import-outcome-translated = traducido
import-outcome-draft = borrador (revisar)
import-outcome-unchanged = sin cambios
import-outcome-conflict = conflicto (se conserva)
import-outcome-missing = sin traducción
import-outcome-extra = sobrante, omitido
import-outcome-doubt = { $outcome }: { $why }
import-doubt-merged = bloques fusionados o divididos
import-doubt-length = longitudes distintas
import-doubt-ambiguous = un bloque vecino se suprimió, añadió o modificó
import-doubt-anchors = el código difiere
import-structure-differs = { $path }: la estructura de la traducción difiere de la del original ({ $source ->
    [one] { $source } bloque
   *[other] { $source } bloques
  } en el original, { $target } en la traducción): los pares inciertos son borradores
import-article-summary = { $translated ->
    [one] { $translated } traducción registrada
   *[other] { $translated } traducciones registradas
} y { $drafts ->
    [one] { $drafts } borrador
   *[other] { $drafts } borradores
} por revisar; { $unchanged } sin cambios, { $conflicts ->
    [one] { $conflicts } conflicto conservado
   *[other] { $conflicts } conflictos conservados
}, { $missing } sin traducción, { $extra ->
    [one] { $extra } párrafo sobrante omitido
   *[other] { $extra } párrafos sobrantes omitidos
}.
import-article-summary-dry-run = Se registrarían { $translated ->
    [one] { $translated } traducción
   *[other] { $translated } traducciones
} y { $drafts ->
    [one] { $drafts } borrador
   *[other] { $drafts } borradores
} por revisar; { $unchanged } sin cambios, { $conflicts ->
    [one] { $conflicts } conflicto se conservaría
   *[other] { $conflicts } conflictos se conservarían
}, { $missing } sin traducción, { $extra ->
    [one] { $extra } párrafo sobrante se omitiría
   *[other] { $extra } párrafos sobrantes se omitirían
}. No se escribió nada (--dry-run).
help-import = Registra las traducciones de un documento ya traducido, alineado párrafo por párrafo
help-import-lang = El idioma de la traducción
help-import-file = El documento traducido (.md, o párrafos separados por líneas en blanco)
help-import-dry-run = Muestra la alineación sin escribir nada
help-import-force = Reemplaza las traducciones al día que difieran
help-jobs = Número de hilos con los que procesar los artículos (por defecto: uno por núcleo)

## fiabilidad

error-lock-timeout = { $path } lo retiene otro comando de bitext (proceso { $pid }) desde hace más de { $seconds } s; vuelva a intentarlo cuando termine
error-stale-lock = { $path } lo dejó el proceso de bitext { $pid }, que ya no se está ejecutando (se interrumpió); compruebe que no hay ningún comando de bitext en curso, borre { $path } y vuelva a ejecutar el comando
error-outside-workspace = { $path } lleva fuera del espacio de trabajo (¿un enlace simbólico?); bitext solo lee y escribe archivos dentro de él
error-too-large = { $path }:{ $line }: mayor que { $limit }; no es un artículo que bitext pueda seguir
error-nul-byte = { $path }:{ $line }:{ $column }: el archivo contiene un byte NUL, así que no es texto
error-too-deep = { $path }:{ $line }: listas y citas anidadas a más de { $limit } niveles a partir de esta línea; bitext sigue { $limit } niveles como máximo
help-po-export-articles = Artículos que exportar (nombres como guias/intro, o sus archivos fuente)
help-xliff-export-articles = Artículos que exportar (nombres como guias/intro, o sus archivos fuente)
