# Les nombres dans les messages de bitext : la même forme dans toutes les commandes.

# Une part de segments, de 0 à 100, avec une décimale : « 89,5 % » (espace fine insécable avant %).
number-percent = { NUMBER($value, minimumFractionDigits: 1, maximumFractionDigits: 1) } %
# La confiance de l’aligneur, de 0 à 1 : « 0,87 ».
number-decimal-2 = { NUMBER($value, minimumFractionDigits: 2, maximumFractionDigits: 2) }
# Un score de similarité, nombre entier de 0 à 100 : « 87 % ».
number-percent-whole = { NUMBER($value, maximumFractionDigits: 0) } %
