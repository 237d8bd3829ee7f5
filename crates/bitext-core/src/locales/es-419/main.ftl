# Español de América Latina: solo lo que difiere del español (locales/es), que sigue siendo
# el respaldo de todo lo demás y del texto de los artículos.
#
# La portadilla como la imprimen las publicaciones periódicas latinoamericanas: el volumen de
# un semanario es su año de publicación («Año 53, n.º 2»).

edition-volume = Año { GROUPED($volume) }
edition-number = n.º { GROUPED($number) }
export-contents = Contenido
export-published-in = Este artículo se publicó en el n.º { GROUPED($number) } del año { GROUPED($volume) } ({ $month } de { $year }).
# Comillas inglesas, y simples para una cita dentro de una cita.
quote-open = “
quote-close = ”
quote-inner-open = ‘
quote-inner-close = ’
