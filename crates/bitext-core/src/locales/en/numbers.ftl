# Numbers in bitext's messages: the same form in every command.

# A share of segments, from 0 to 100, with one decimal: "89.5%".
number-percent = { NUMBER($value, minimumFractionDigits: 1, maximumFractionDigits: 1) }%
# An aligner's confidence, from 0 to 1: "0.87".
number-decimal-2 = { NUMBER($value, minimumFractionDigits: 2, maximumFractionDigits: 2) }
# A similarity score, a whole number from 0 to 100: "87%".
number-percent-whole = { NUMBER($value, maximumFractionDigits: 0) }%

# How numbers are written (CLDR): the decimal mark, the thousands separator, and the fewest
# digits a number needs before it is grouped. Thousands are grouped only in an edition's own
# text (volume, number), through GROUPED(): "Volume 1,234".
number-decimal-mark = .
number-group-mark = ,
number-group-minimum = 4
