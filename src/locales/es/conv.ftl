## CLI conventions, completions and manual page, segment addressing, import and check details.

## check --min-complete: trabajo pendiente en un artículo por encima del umbral

check-warning = aviso: { $finding }
