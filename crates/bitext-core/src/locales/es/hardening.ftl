# Hardening (issue 27): files that are not regular files, unfinished git merges, control
# characters in translations, positions in bitext.toml, the lock, leftovers of killed writes,
# `init --git` in an existing workspace and `bitext doctor`.

# What a file that is not a regular file is
file-kind-fifo = una tubería con nombre (FIFO)
file-kind-socket = un socket
file-kind-device = un dispositivo
file-kind-directory = una carpeta
file-kind-other = un archivo especial

# A value of bitext.toml, at its place
error-config-value = { $path }:{ $line }:{ $column }: { $error }

# A workspace lock that holds no process id
error-broken-lock = { $path } { $what }, así que no se puede saber qué comando de bitext lo retiene: probablemente uno se detuvo entre crearlo y escribir en él su número de proceso. Compruebe que no hay ningún comando de bitext en curso en este espacio de trabajo, borre { $path } y vuelva a ejecutar el comando
lock-holds-nothing = está vacío
lock-holds-garbage = contiene «{ $text }» en lugar de un número de proceso
lock-unreadable = no se puede leer ({ $detail })

# `init --git` in an existing workspace
init-existing = { $path } ya existe y se deja como está: solo se ha configurado el controlador de fusión de bitext.

# Control characters in translations
error-control-character = { $place }: { $unit }: la traducción contiene el carácter de control { $code }; bitext rechaza en las traducciones los caracteres de control que no sean el tabulador y los saltos de línea: elimínelo
error-control-character-text = { $place }: carácter de control { $code }; bitext rechaza en las traducciones los caracteres de control que no sean el tabulador y los saltos de línea: elimínelo
control-unit = unidad { $id }
control-tuv = el texto en { $lang }
control-segment = segmento { $n } ({ $id })
