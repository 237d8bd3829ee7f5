# Los textos de clap (errores de uso, notas de la ayuda) y la línea de error, que bitext
# escribe por su cuenta (src/ui/clap_text.rs, src/ui/cli.rs).

error-line = Error: { $message }
clap-tip = consejo: { $tip }
clap-try-help = Para más información, pruebe «{ $flag }».
clap-quoted = «{ $value }»
clap-unknown-argument = argumento inesperado «{ $arg }»
clap-value-required = «{ $arg }» necesita un valor, pero no se dio ninguno
clap-invalid-value = valor «{ $value }» no válido para «{ $arg }»
clap-possible-values = [valores posibles: { $values }]
clap-value-validation = valor «{ $value }» no válido para «{ $arg }»: { $detail }
clap-not-a-whole-number = se esperaba un número entero (0, 1, 2…)
clap-not-a-number = se esperaba un número
clap-invalid-subcommand = subcomando «{ $subcommand }» desconocido
clap-missing-subcommand = «{ $command }» necesita un subcomando, pero no se dio ninguno
clap-subcommands = [subcomandos: { $values }]
clap-missing-required = { $count ->
    [one] falta el siguiente argumento obligatorio:
   *[other] faltan los siguientes argumentos obligatorios:
}
clap-no-equals = hace falta un signo igual para dar un valor a «{ $arg }»
clap-too-many-values = valor inesperado «{ $value }» para «{ $arg }»: no se esperaban más
clap-too-few-values = «{ $arg }» necesita al menos { $min } valores; recibidos: { $actual }
clap-wrong-number-of-values = «{ $arg }» necesita { $expected } valores; recibidos: { $actual }
clap-invalid-utf8 = un argumento de la línea de comandos no es UTF-8 válido
clap-invalid-command-line = línea de comandos no válida
clap-repeated-argument = el argumento «{ $arg }» solo puede darse una vez
clap-conflict = el argumento «{ $arg }» no puede usarse con { $others }
clap-conflict-subcommand = el subcomando «{ $subcommand }» no puede usarse con { $others }
clap-similar-subcommand = { $count ->
    [one] existe un subcomando parecido: { $values }
   *[other] existen subcomandos parecidos: { $values }
}
clap-similar-argument = { $count ->
    [one] existe un argumento parecido: { $values }
   *[other] existen argumentos parecidos: { $values }
}
clap-similar-value = { $count ->
    [one] existe un valor parecido: { $values }
   *[other] existen valores parecidos: { $values }
}
clap-tip-value-after-dashes = para pasar «{ $arg }» como valor, escriba «-- { $arg }»
clap-tip-remove-dashes = el subcomando «{ $subcommand }» existe; para usarlo, quite el «--» que lo precede
clap-tip-exists = existe «{ $usage }»

## Notas tras la ayuda de una opción

# Las palabras de la línea de uso.
help-usage-options = [OPCIONES]
help-usage-command = COMANDO
help-default = [predeterminado: { $value }]
help-possible-values = [valores posibles: { $values }]
# Lo que separa un título de la ayuda de sus dos puntos: nada en español.
help-space-before-colon = { "" }

## Errores del sistema (src/ui/os_text.rs): una frase y, después, el número de error del sistema

os-known = { $sentence } (error del sistema { $code })
os-other = error del sistema ({ $detail })
os-not-found = no existe el archivo o directorio
os-permission-denied = permiso denegado
os-already-exists = ya existe
os-is-a-directory = es un directorio
os-not-a-directory = una parte de la ruta no es un directorio
os-directory-not-empty = el directorio no está vacío
os-read-only-filesystem = el sistema de archivos es de solo lectura
os-storage-full = no queda espacio en el disco
os-file-too-large = el archivo es demasiado grande
os-invalid-data = el contenido no es texto UTF-8 válido
os-invalid-filename = el nombre de archivo no es válido o es demasiado largo
os-resource-busy = el archivo está ocupado
os-interrupted = se interrumpió la operación
os-out-of-memory = memoria insuficiente
os-unexpected-eof = el archivo termina de forma inesperada
