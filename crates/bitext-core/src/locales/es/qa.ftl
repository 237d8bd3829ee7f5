## Controles de calidad (bitext qa, y los hallazgos de accept, set, import y check)

qa-finding = { $path }:{ $line }: { $lang }: segmento { $n } ({ $id }): { $check }: { $message }
qa-source-part = original: { $text }
qa-target-part = traducción: { $text }
qa-level-error = error
qa-level-warning = aviso
qa-summary = qa: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errores
}, { $warnings ->
    [one] { $warnings } aviso
   *[other] { $warnings } avisos
} en { $segments ->
    [one] { $segments } segmento traducido
   *[other] { $segments } segmentos traducidos
}.
qa-hint-line = { $check }: { $explanation } { $hint }
qa-place = { $path }, segmento { $n }

## Mensajes, uno o más por control

qa-numbers = el número { $number } del original no figura en la traducción
qa-links-missing = el original enlaza con { $url } y la traducción no (o menos veces)
qa-links-extra = la traducción enlaza con { $url } y el original no (o menos veces)
qa-markup = el original tiene { $source } { $kind } y la traducción { $target }
qa-code-changed = { $what } `{ $old }` del código se ha convertido en `{ $new }`: el código se copia tal cual, salvo sus marcadores de posición
qa-code-dropped = { $what } `{ $old }` del código { $span } falta en la traducción
qa-code-added = { $what } `{ $new }` del código { $span } no está en el original
qa-code-span-missing = el código { $span } falta en la traducción
qa-code-span-added = el código { $span } no está en el original
qa-placeholder-dropped = el marcador de posición { $old } falta en la traducción
qa-placeholder-added = el marcador de posición { $new } no está en el original
qa-code-kind-flag = la opción
qa-code-kind-option = el parámetro
qa-code-kind-path = la ruta
qa-code-kind-number = el número
qa-code-kind-word = la palabra
qa-kind-emphasis = cursiva(s) (*…*)
qa-kind-strong = negrita(s) (**…**)
qa-kind-link = enlace(s)
qa-kind-image = imagen(es)
qa-untranslated-marked = la traducción contiene la marca de texto sin traducir de bitext
qa-untranslated-copy = la traducción es el texto original, sin traducir
qa-fr-spacing-plain = un espacio normal antes de «{ $mark }»: use un espacio de no separación (U+00A0 o U+202F)
qa-fr-spacing-missing = ningún espacio antes de «{ $mark }»: el francés exige un espacio de no separación (U+00A0 o U+202F)
qa-fr-spacing-plain-after = un espacio normal después de «{ $mark }»: use un espacio de no separación (U+00A0 o U+202F)
qa-fr-spacing-missing-after = ningún espacio después de «{ $mark }»: el francés exige un espacio de no separación (U+00A0 o U+202F)
qa-fr-spacing-before = un espacio antes de «{ $mark }», donde el francés no lo pone
qa-es-inverted-opening = «{ $mark }» cierra una interrogación o exclamación que ningún «{ $opening }» abre
qa-es-inverted-closing = «{ $mark }» abre una interrogación o exclamación que ningún «{ $closing }» cierra
qa-whitespace-leading = la traducción empieza con un espacio
qa-whitespace-trailing = la traducción termina con un espacio
qa-whitespace-double = dos espacios seguidos
qa-end-punctuation = el original termina en «{ $source }» y la traducción en «{ $target }»
qa-inconsistent-source = el mismo texto original se traduce de otra manera en { $other }
qa-inconsistent-target = la misma traducción corresponde a otro texto original en { $other }
qa-glossary-required = el original contiene «{ $term }» y a la traducción le falta el término del glosario «{ $required }»
qa-glossary-avoid = la traducción usa «{ $term }», que el glosario indica evitar
qa-glossary-avoid-instead = la traducción usa «{ $term }», que el glosario indica evitar: escriba «{ $instead }»
qa-length-short = la traducción tiene el { $percent } % de la longitud habitual para su original ({ $target } caracteres para { $source }): quizá falte una oración
qa-length-long = la traducción tiene el { $percent } % de la longitud habitual para su original ({ $target } caracteres para { $source }): quizá haya algo repetido
qa-quotes = usa { $used } donde el resto del artículo usa { $usual }

## Explicaciones y consejos

qa-explain-numbers = Cada número del original debe figurar en la traducción, en cualquiera de las formas del idioma (1,000 / 1 000 / 1.000; 3.5 / 3,5).
qa-hint-numbers = Compruebe la cifra con el original; lo que el original escribe en cifras se escribe en cifras.
qa-explain-links = Los enlaces y las direcciones de correo deben llevar a los mismos sitios, tantas veces como en el original.
qa-hint-links = Copie el destino del enlace del original; traduzca solo el texto del enlace.
qa-explain-markup = La cursiva, la negrita, los enlaces y las imágenes deben coincidir con los del original.
qa-hint-markup = Vuelva a poner las marcas de Markdown (*, **, `, [..](..)) alrededor de las palabras traducidas.
qa-explain-code = El código en línea se copia tal cual, salvo el contenido de sus marcadores de posición ({"{{"}path/to/file{"}}"} puede traducirse); ningún marcador desaparece ni se añade, ni en el código ni en el texto.
qa-hint-code = Copie el código del original y traduzca solo el contenido de los marcadores.
qa-explain-untranslated = La traducción es el texto original, o contiene la marca «sin traducir» de bitext.
qa-hint-untranslated = Traduzca el párrafo; los nombres y las firmas que se dejan tal cual no activan este control.
qa-explain-fr-spacing = El francés pone un espacio de no separación antes de ; : ! ? y dentro de las comillas « », y ninguno antes de , y . (normas de la Imprimerie nationale).
qa-hint-fr-spacing = Escriba U+00A0 (o el estrecho U+202F) para que el signo nunca empiece una línea.
qa-explain-es-inverted = El español abre toda interrogación con ¿ y toda exclamación con ¡ (RAE, Ortografía 2010).
qa-hint-es-inverted = Añada el signo de apertura o de cierre donde empieza o termina la interrogación o la exclamación.
qa-explain-quotes = Un solo estilo de apóstrofo (' o ’) y de comillas en cada artículo.
qa-hint-quotes = Use el estilo del resto del artículo.
qa-explain-whitespace = Sin espacios dobles, ni espacios al principio o al final de un segmento.
qa-hint-whitespace = Elimine el espacio sobrante.
qa-explain-end-punctuation = Una pregunta sigue siendo pregunta y una exclamación, exclamación: el signo final sigue al del original.
qa-hint-end-punctuation = Compare el final de la oración con el original.
qa-explain-inconsistent = Un mismo texto original debería tener la misma traducción en todo el espacio de trabajo, y una misma traducción no debería servir para dos textos distintos.
qa-hint-inconsistent = Compare con el otro segmento y unifique las dos traducciones, o distíngalas.
qa-explain-glossary = Términos de glossary/<idioma>.tsv: un término del original exige su término de destino; algunos términos de destino deben evitarse.
qa-hint-glossary = Use el término del glosario, o corrija el glosario si está equivocado.
qa-explain-length = Una traducción mucho más corta o más larga de lo habitual para su original suele omitir o repetir una oración.
qa-hint-length = Compare las oraciones una a una con el original.

## bitext.toml y glosarios

error-qa-config = { $path }:{ $line }:{ $column }: { $detail }
qa-config-unknown-check = control desconocido «{ $name }» en [qa] (controles: { $checks })
qa-config-unknown-level = control «{ $name }»: nivel desconocido { $value } (use "error", "warning" u "off")
qa-config-placeholder = placeholders: { $value } no es una sintaxis de marcador de posición (escríbala tal como se ve, con … donde va el nombre: "{"{{"}…{"}}"}", "[[…]]"; o una de "%s", "$VAR", "<…>", ":…:")
error-glossary = { $path }:{ $line }: entrada de glosario no válida: { $detail }
glossary-no-tab = se esperaba un término del original, un tabulador y un término de destino (o «!», un tabulador y un término que evitar)
glossary-empty-term = un término está vacío
glossary-too-many-fields = más de tres campos separados por tabuladores

## Comandos

accept-refused = { $lang }: segmento { $n } de { $path } no aceptado: su traducción tiene { $count ->
    [one] { $count } error
   *[other] { $count } errores
} (véase arriba); corríjala con `bitext set` o use --force para aceptarla de todos modos.
accept-forced = { $lang }: segmento { $n } de { $path } aceptado pese a { $count ->
    [one] { $count } error de calidad
   *[other] { $count } errores de calidad
} (--force).
check-qa-summary = { $count ->
    [one] { $count } error de calidad
   *[other] { $count } errores de calidad
} (detalles con bitext qa; --no-qa para dejarlos fuera).
check-title-qa = Error de calidad ({ $lang }): { $check }
import-untranslated-marked = { $path }:{ $line }: la unidad { $id } aún contiene la marca «sin traducir» de bitext; omitida
import-untranslated-copy = { $path }:{ $line }: la unidad { $id } es el texto original, sin traducir; registrada como borrador
import-untranslated-summary = { $path }: { $count ->
    [one] { $count } segmento volvió sin traducir y no se registró como traducido
   *[other] { $count } segmentos volvieron sin traducir y no se registraron como traducidos
}
import-outcome-untranslated = sin traducir, omitido
import-outcome-copy = texto original, borrador
help-qa = Buscar en las traducciones los errores que detectaría un revisor: números, enlaces, marcado, tipografía, glosario
help-qa-format = Formato de salida
help-accept-force = Aceptar aunque falle un control de calidad de nivel error
help-check-no-qa = Dejar los hallazgos de calidad fuera de la comprobación
