for v in [0, 7, -7, 255, 123456789, -123456789]:
    print(format(v, 'd'), format(v, '10d'), format(v, '<10d') + '|', format(v, '^10d') + '|', format(v, '+d'),
          format(v, 'x'), format(v, '#X'), format(v, 'o'), format(v, '#b'), format(v, ','), format(v, '_'),
          format(v, '010d'), format(v, '=+10d'))
for v in [0.0, 1.5, -2.25, 3.14159265, 1234567.891, 1e-10, 1e20]:
    print(format(v, 'f'), format(v, '.2f'), format(v, '10.3f'), format(v, 'e'), format(v, '.3e'), format(v, 'g'),
          format(v, '.3g'), format(v, '%'), format(v, '.1%'), format(v, ','), format(v, '+.1f'), format(v, ''))
print(f"{3.5:08.2f} {-3.5:08.2f} {42:*^9} {'ab':>5} {'ab':<5}| {1e6:,.2f} {12:c}")
