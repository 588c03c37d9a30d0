# os.path.expandvars: $name and ${name}; unknown names stay.
import os
import os.path as P

os.environ['SPX_A'] = 'alpha'
os.environ['SPX_B'] = '$SPX_A'
os.environ['SPX_EMPTY'] = ''
os.environ.pop('SPX_NONE', None)
for s in ['$SPX_A', '${SPX_A}', 'x$SPX_A/y', '$SPX_A$SPX_A', '${SPX_A}_z', '$SPX_A_z', '$SPX_NONE', '${SPX_NONE}',
          '$SPX_B', 'a$', '$', '${', '${SPX_A', '$$SPX_A', '${}', '$SPX_EMPTY|', 'no dollars', '', '$-x',
          '$SPX_NONE$SPX_A', '${SPX_NONE}${SPX_A}', '$1', '${SPX A}', '$ SPX_A', 'ü$SPX_A', '$SPX_Aü']:
    print(repr(s), '->', repr(P.expandvars(s)))
print(P.expandvars(b'$SPX_A/${SPX_A}/$SPX_NONE'), P.expandvars(b'plain'))


class PL:
    def __fspath__(self):
        return '$SPX_A!'


print(P.expandvars(PL()))
for bad in [None, 3]:
    try:
        P.expandvars(bad)
    except TypeError as e:
        print('TypeError', e)
