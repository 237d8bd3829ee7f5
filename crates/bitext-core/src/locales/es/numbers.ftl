# Los números en los mensajes de bitext: la misma forma en todas las órdenes.

# Una proporción de segmentos, de 0 a 100, con un decimal: «89,5 %» (espacio de no separación antes de %).
number-percent = { NUMBER($value, minimumFractionDigits: 1, maximumFractionDigits: 1) } %
# La confianza del alineador, de 0 a 1: «0,87».
number-decimal-2 = { NUMBER($value, minimumFractionDigits: 2, maximumFractionDigits: 2) }
# Una puntuación de similitud, número entero de 0 a 100: «87 %».
number-percent-whole = { NUMBER($value, maximumFractionDigits: 0) } %
