# Los números en América Latina (CLDR es-419): punto decimal, coma para los millares, que se
# agrupan desde las cuatro cifras («1,234.5»).
number-decimal-mark = .
number-group-mark = ,
number-group-minimum = 4
