# Los números en los mensajes de bitext: la misma forma en todas las órdenes.

# Una proporción de segmentos, de 0 a 100, con un decimal: «89,5 %» (espacio de no separación antes de %).
number-percent = { NUMBER($value, minimumFractionDigits: 1, maximumFractionDigits: 1) } %
# La confianza del alineador, de 0 a 1: «0,87».
number-decimal-2 = { NUMBER($value, minimumFractionDigits: 2, maximumFractionDigits: 2) }
# Una puntuación de similitud, número entero de 0 a 100: «87 %».
number-percent-whole = { NUMBER($value, maximumFractionDigits: 0) } %

# Cómo se escriben los números (CLDR): el signo decimal, el separador de millares y la cantidad
# de cifras a partir de la cual se agrupan (en español, cinco: «1234», pero «12.345»). Los
# millares solo se agrupan en el texto propio de una edición (volumen, número), con GROUPED().
number-decimal-mark = ,
number-group-mark = .
number-group-minimum = 5
