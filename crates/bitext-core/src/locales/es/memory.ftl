# Memoria de traducción: suggest, pretranslate, tmx import.
help-suggest = Mostrar las traducciones más parecidas que la memoria tiene para un segmento
help-suggest-segment = El segmento: una posición a partir de 1, o un identificador (basta un prefijo único)
help-suggest-lang = El idioma de las traducciones propuestas
help-suggest-limit = Mostrar como máximo N coincidencias
help-suggest-min-score = Mostrar solo las coincidencias de al menos PCT
help-suggest-format = Formato de salida
help-pretranslate = Completar los segmentos que faltan a partir de la memoria de traducción, como borradores
help-pretranslate-articles = Artículos que completar (nombres como guias/intro, o sus archivos fuente); todos si no se indica ninguno
help-pretranslate-lang = El idioma que completar
help-pretranslate-min-score = Usar también coincidencias parciales de al menos PCT (como borradores); si no se indica, solo las exactas
help-pretranslate-dry-run = Mostrar lo que se completaría sin escribir nada
help-pretranslate-exact-as-translated = Registrar como traducidas, y no como borradores, las coincidencias exactas que pasan los controles
help-tmx-import = Comprobar archivos TMX y guardarlos en memory/, donde los usan suggest y pretranslate
help-tmx-import-files = Archivos TMX 1.4 que añadir a la memoria

memory-origin-segment = { $article }, segmento { $n } ({ $id }, { $lang })
memory-origin-obsolete = { $article }, traducción obsoleta ({ $lang })
memory-origin-tmx = { $file } ({ $lang })
memory-best-match = mejor coincidencia { $score }{"\u00a0"}%

suggest-heading = { $path }:{ $line }: { $lang }: segmento { $n } ({ $id })
suggest-none = Ninguna coincidencia del { $min }{"\u00a0"}% o más.
suggest-match = { $score }{"\u00a0"}%  { $origin }
suggest-match-in-context = { $score }{"\u00a0"}% en contexto  { $origin }

pretranslate-nothing = Ningún segmento falta en { $lang }.
pretranslate-summary = { $path }: { $lang }: { $exact } { $exact ->
        [one] coincidencia exacta
       *[other] coincidencias exactas
    } y { $fuzzy } { $fuzzy ->
        [one] parcial
       *[other] parciales
    } { $exact ->
        [one] usada
       *[other] usadas
    } ({ $translated } { $translated ->
        [one] registrada como traducida
       *[other] registradas como traducidas
    }, las demás como borradores); { $left } { $left ->
        [one] sigue faltando
       *[other] siguen faltando
    }
pretranslate-summary-dry = { $path }: { $lang }: se usarían { $exact } { $exact ->
        [one] coincidencia exacta
       *[other] coincidencias exactas
    } y { $fuzzy } { $fuzzy ->
        [one] parcial
       *[other] parciales
    } ({ $translated } como { $translated ->
        [one] traducida
       *[other] traducidas
    }, las demás como borradores); { $left } { $left ->
        [one] seguiría faltando
       *[other] seguirían faltando
    }
pretranslate-kept-draft = segmento { $n } ({ $score }{"\u00a0"}%) queda como borrador: { $code }: { $message }


tmx-imported = { $path }: { $count } { $count ->
        [one] unidad de traducción
       *[other] unidades de traducción
    }
tmx-not-tmx = el elemento raíz es <{ $found }>, no <tmx>
tmx-version = no es una memoria TMX 1.4 (el elemento <tmx> debe llevar version="1.4")
tmx-missing = falta un elemento <{ $element }>
tmx-bad-lang = etiqueta de idioma no válida «{ $tag }»
tmx-tuv-lang = un elemento <tuv> no tiene atributo xml:lang
