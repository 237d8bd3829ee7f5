# Ramas paralelas: el controlador de fusión, los conflictos y su resolución.

merge-side-base = antecesor común
merge-side-ours = nuestra versión
merge-side-theirs = su versión
merge-conflicts = { $path }: { $count ->
    [one] una unidad se tradujo de forma distinta en las dos ramas
   *[other] { $count } unidades se tradujeron de forma distinta en las dos ramas
}; se conserva nuestra versión y la otra queda registrada junto a ella, de modo que el archivo sigue siendo válido. Ejecute `bitext status` para ver los conflictos y `bitext resolve` para resolverlos.
status-conflict = { $lang }: el segmento { $segment } se tradujo de forma distinta en dos ramas fusionadas; resuélvalo con `{ $command }`
check-title-conflict = Conflicto de fusión ({ $lang })
check-conflicts = { $count ->
    [one] { $count } conflicto de fusión por resolver.
   *[other] { $count } conflictos de fusión por resolver.
}
resolve-done = { $path } ({ $lang }), segmento { $segment }: conflicto resuelto, se conserva { $kept }
resolve-kept-ours = nuestra versión
resolve-kept-theirs = la versión de la otra rama
resolve-kept-text = la nueva traducción
error-no-conflict = { $path }: el segmento «{ $segment }» no tiene ningún conflicto de fusión en { $lang }
error-git-config = { $path }: no se pudo registrar el controlador de fusión en git: { $detail }
init-gitattributes-updated = Añadido a .gitattributes: { $line }
init-git-hint = Para fusionar los archivos de traducción unidad por unidad entre ramas de git, registre el controlador de fusión de bitext una vez en cada clon (o ejecute `bitext init --git`):
    { $command }
init-git-registered = Se ha registrado el controlador de fusión de bitext en la configuración de git.
help-init-git = Registra además el controlador de fusión de bitext en la configuración del repositorio git
help-merge-driver = Fusiona dos versiones de un archivo de traducción unidad por unidad: el controlador de fusión para git
help-merge-driver-ancestor = La versión del antecesor común (%O; vacía cuando el archivo es nuevo en las dos ramas)
help-merge-driver-current = Nuestra versión (%A), que recibe el resultado
help-merge-driver-other = La versión de la otra rama (%B)
help-merge-driver-path = La ruta del archivo en el repositorio (%P), para los mensajes
help-resolve = Resuelve un conflicto de fusión en un segmento: conservar nuestra versión, tomar la otra o dar el texto
help-resolve-segment = El segmento: una posición a partir de 1, o un id (basta con un prefijo único)
help-resolve-lang = El idioma de la traducción
help-resolve-ours = Conserva la versión del archivo (la nuestra)
help-resolve-theirs = Toma la versión de la otra rama
help-resolve-text = Registra en su lugar esta traducción, hecha a partir del texto original actual
