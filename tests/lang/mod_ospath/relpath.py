# os.path.relpath: posixpath semantics, str and bytes, errors.
import os
import os.path as P

cases = [
    ('a/b/c', 'a'), ('a', 'a/b/c'), ('a/b', 'a/b'), ('/x/y', '/x/z/w'), ('/', '/usr/lib'),
    ('/usr/lib', '/'), ('a//b/./c', 'a/b'), ('../q', '.'), ('/a/b', '/a/b/'), ('x', None),
    ('/tmp', '/tmp/../tmp'),
]
for path, start in cases:
    print(repr(path), repr(start), '->', repr(P.relpath(path, start) if start is not None else P.relpath(path)))
print(P.relpath(b'/a/b/c', b'/a'), P.relpath(b'/a', b'/a'), P.relpath(b'x/y'))
print(P.relpath(P.join(os.getcwd(), 'sub', 'f')))
print(P.relpath(os.getcwd()))
print(P.relpath('/a/b', start='/a'))


class PL:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(P.relpath(PL('/a/b/c'), PL('/a')))
for args in [('',), (None,), (b'',), ('/a', b'/b'), (b'/a', '/b'), (1,), ('/a', 2), ([],), ('a', 'b', 'c')]:
    try:
        print(P.relpath(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    P.relpath()
except TypeError as e:
    print('TypeError', e)
try:
    P.relpath(path='a')
except TypeError as e:
    print('TypeError', e)
