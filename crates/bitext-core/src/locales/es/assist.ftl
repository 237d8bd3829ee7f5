# Ayuda para traducir en el taller: términos del glosario, coincidencias de la memoria, concordancia, controles al escribir.
assist-no-findings = No se encontró ningún problema en este texto.
assist-length = Caracteres (traducción / original):
assist-length-bounds = se esperan de { $min } a { $max }
assist-length-short = demasiado corto
assist-length-long = demasiado largo
assist-glossary = Glosario:
assist-glossary-not = no
assist-in-context = en contexto
assist-match-source = Original en la memoria:
assist-match-same = (el mismo que el de este segmento)
assist-key-copy-source = copiar el original en el cuadro de texto
assist-key-suggestion = insertar la primera, segunda o tercera sugerencia de la memoria
assist-concordance-link = Buscar en la memoria de traducción
assist-concordance-title = Memoria de traducción ({ $lang })
assist-concordance-label = Palabras del original o de la traducción
assist-concordance-results = { $count ->
        [one] Una entrada contiene «{ $text }».
       *[other] { $count } entradas contienen «{ $text }».
    }
assist-concordance-shown = Se muestran las { $count } primeras.
assist-origin-segment = { $article }, segmento { $n }
assist-origin-obsolete = { $article }, traducción obsoleta
assist-origin-tmx = archivo de memoria { $file }
