# Los mensajes sobre los archivos que lee bitext: PO, XLIFF, XML, bitext.toml y archivos de traducción.

po-continuation-without-keyword = una continuación de cadena sin palabra clave antes
po-plural-entry = no se admiten entradas con plural: los segmentos de bitext no tienen formas de plural
po-unknown-keyword = palabra clave «{ $keyword }» desconocida
po-entry-without-msgstr = una entrada sin msgstr
po-msgstr-without-msgid = msgstr sin msgid
po-last-entry-without-msgstr = la última entrada no tiene msgstr
po-no-article-header = falta la cabecera X-Bitext-Article: exporte el archivo con `bitext po export`
po-no-language-header = falta la cabecera Language
po-expected-string = se esperaba una cadena entre comillas dobles
po-unknown-escape = secuencia de escape desconocida
po-unescaped-quote = comilla doble sin escapar dentro de una cadena
xliff-root-not-xliff = el elemento raíz no es <xliff>
xliff-unsupported-version = versión de XLIFF no admitida (bitext lee las versiones 2.0 y 1.2)
xliff-missing-attribute = falta el atributo { $attribute } en <{ $element }>
xliff-missing-child = un elemento <{ $element }> sin <{ $child }>
xliff-unknown-state = estado de segmento desconocido
exchange-match-in-context = Coincidencia en contexto: el mismo texto, entre los mismos párrafos antes y después.
xml-dtd = no se admite una DTD (las entidades nunca se expanden)
xml-too-deep = elementos anidados a más de { $limit } niveles
xml-content-after-root = hay contenido después del elemento raíz
xml-unknown-entity = entidad &{ $entity }; desconocida
xml-not-closed = el elemento <{ $element }> no está cerrado
xml-no-root = no hay elemento raíz
config-duplicate-edition-id = id duplicado
config-invalid-edition-id = el id «{ $id }» no tiene la forma [a-z0-9-]+
config-invalid-edition-date = la fecha «{ $date }» no tiene la forma AAAA-MM
config-empty-edition-title = el título está vacío

## El texto en inglés de un lector de formato: una frase en español y, entre paréntesis, ese texto.

detail-in-parentheses = { $sentence } ({ $detail })
detail-json-syntax = JSON no válido
detail-json-data = contenido inesperado
detail-json-eof = el archivo termina antes de tiempo
detail-toml = TOML no válido o inesperado
detail-xml = XML mal formado

## Exportación EPUB (bitext export --format epub)

error-epub-cover = la portada { $path } de la edición { $edition } no es un archivo JPEG, PNG o GIF del espacio de trabajo (cover = "images/cover.jpg" en bitext.toml, relativo a la raíz del espacio de trabajo)

## Exportación PDF (bitext export --format pdf)

error-pdf-engine-missing = no hay motor PDF: no se encuentra { $program }. Instale WeasyPrint (el paquete weasyprint de Debian y Ubuntu, `brew install weasyprint` en macOS, `pipx install weasyprint` en otros sistemas), o indique el programa con --pdf-engine RUTA o la variable de entorno BITEXT_WEASYPRINT
error-pdf-engine-failed = el motor PDF { $program } no pudo componer { $path }: { $stderr }
error-pdf-engine-timeout = el motor PDF { $program } tardó más de { $seconds } { $seconds ->
    [one] segundo
   *[other] segundos
  } en componer { $path } y se detuvo; no se escribió nada
error-pdf-timeout-setting = BITEXT_PDF_TIMEOUT debe ser un número entero de segundos mayor que cero, no «{ $value }»
