# Les nombres dans les messages de bitext : la même forme dans toutes les commandes.

# Une part de segments, de 0 à 100, avec une décimale : « 89,5 % » (espace fine insécable avant %).
number-percent = { NUMBER($value, minimumFractionDigits: 1, maximumFractionDigits: 1) } %
# La confiance de l’aligneur, de 0 à 1 : « 0,87 ».
number-decimal-2 = { NUMBER($value, minimumFractionDigits: 2, maximumFractionDigits: 2) }
# Un score de similarité, nombre entier de 0 à 100 : « 87 % ».
number-percent-whole = { NUMBER($value, maximumFractionDigits: 0) } %

# L’écriture des nombres (CLDR) : la marque décimale, le séparateur des milliers (espace fine
# insécable) et le nombre de chiffres à partir duquel on groupe. Les milliers ne sont groupés
# que dans le texte propre d’une édition (volume, numéro), par GROUPED() : « Volume 1 234 ».
number-decimal-mark = ,
number-group-mark = { "\u202F" }
number-group-minimum = 4
