x = 'a' "b" '''c
d''' r'\n' u'\N{BULLET}' '\u00e9'
y = b'\x00' rb'\d'
