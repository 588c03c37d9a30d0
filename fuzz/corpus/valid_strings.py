x = 'a' "b" '''c
d''' b'\x00' r'\n' u'\N{BULLET}' '\u00e9'
