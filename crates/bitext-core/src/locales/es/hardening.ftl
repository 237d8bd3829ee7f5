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

# Unfinished git merges
error-unmerged = git marca { $path } como no fusionado: una fusión de este archivo no terminó, y puede faltarle las traducciones de la otra rama. Haga accesible el controlador de fusión de bitext (vea `bitext doctor`), vuelva a fusionar el archivo con `git checkout -m -- { $path }`, resuelva cada conflicto que registre con `bitext resolve` y luego `git add { $path }` (que basta para cerrar una fusión ya resuelta)
error-conflict-markers = { $path }:{ $line }: marcadores de conflicto de git (<<<<<<<, =======, >>>>>>>): una fusión hecha sin el controlador de fusión de bitext dejó este archivo sin terminar. Configure el controlador (vea `bitext doctor`), vuelva a fusionar el archivo con `git checkout -m -- { $path }` y resuelva cada conflicto con `bitext resolve`; o quite los marcadores a mano, conservando las traducciones que quiera

# bitext doctor
help-doctor = Comprobar que el controlador de fusión de bitext está configurado donde git puede ejecutarlo, y que ninguna fusión dejó un archivo de traducción sin terminar
doctor-ok = bien: { $text }
doctor-problem = problema: { $text }
doctor-no-repository = Este espacio de trabajo no está en un árbol de trabajo de git: no hay controlador de fusión que comprobar.
doctor-registered = el controlador de fusión está registrado en la configuración de git: { $command }
doctor-not-registered = el controlador de fusión no está registrado en la configuración de git, que fusiona entonces los archivos de traducción línea a línea: ejecute `bitext init --git`, o { $command }
doctor-attributes = .gitattributes entrega los archivos de { $folder }/ al controlador de fusión
doctor-no-attributes = .gitattributes no entrega los archivos de { $folder }/ al controlador de fusión (merge=bitext): ejecute `bitext init --git`
doctor-reachable = git ejecuta { $program }, que es bitext: { $found }
doctor-unreachable = git no puede ejecutar { $program } como bitext (no está en el PATH de git, o no es bitext): una fusión conservaría un solo lado de cada archivo de traducción y perdería las traducciones del otro. Ponga bitext en el PATH de quien ejecute git merge, o registre el controlador con la ruta completa de bitext
doctor-unmerged = git marca { $path } como no fusionado: vea `bitext status`
