## CLI conventions, completions and manual page, segment addressing, import and check details.

## check --min-complete: trabajo pendiente en un artículo por encima del umbral

check-warning = aviso: { $finding }

## Ayuda

help-heading-global-options = Opciones globales
help-command-help = Muestra la ayuda de bitext o de un comando
help-help-command = El comando, y su subcomando si lo tiene

## export: qué exportar, y dónde

error-export-needs-articles = export necesita los artículos que exportar (bitext export ARTICLE... -l { $lang }); bitext.toml no define ninguna edición que exportar en su lugar
error-export-needs-selection = export necesita los artículos que exportar (bitext export ARTICLE... -l { $lang }) o una edición (bitext export --edition ID -l { $lang }; ediciones: { $editions })
error-no-editions = no hay ninguna edición «{ $id }»: bitext.toml no define ninguna edición (añada una tabla [[edition]] con id, volume, number, date y articles)
export-written-into-directory = se escribió { $path } (-o { $dir } designa un directorio, así que el documento lleva allí su nombre de archivo habitual)

## completions y man

help-completions = Muestra un script de autocompletado para un shell, generado a partir de esta definición de la línea de órdenes
help-completions-shell = El shell en el que completar
help-man = Muestra la página de manual, o escribe una página por comando en un directorio
help-man-output = Escribe bitext.1 y una página por comando (bitext-status.1, ...) en DIR en lugar de mostrar bitext.1
man-name = NOMBRE
man-synopsis = SINOPSIS
man-description = DESCRIPCIÓN
man-version = VERSIÓN
man-possible-values = Valores posibles:
man-default = [por defecto: { $value }]
