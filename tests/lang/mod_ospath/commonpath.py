# os.path.commonpath and commonprefix.
import os.path as P

for paths in [['/usr/lib', '/usr/local/lib'], ['/usr/lib/', '/usr/lib'], ['a/b/c', 'a/b/d', 'a/x'],
              ['/a'], ['a/./b', 'a/b/c'], ['/', '/a'], ['x', 'y'], ('/a//b', '/a/b/c'),
              [b'/x/y', b'/x/z'], ['a/b', 'a/b'], ['', ''], ['.', 'a'], ['/a/b', '/a/bc']]:
    print(repr(paths), '->', repr(P.commonpath(paths)))
print(P.commonpath(iter(['/a/b', '/a/c'])), P.commonpath(p for p in ['/a', '/a/b']))
for bad in [[], (), ['/a', 'b'], ['/a', b'/b'], [b'a', 'b'], [1, 2], ['a', None], 5]:
    try:
        print(P.commonpath(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print('commonprefix')
for m in [[], ['abc', 'abd', 'ab'], ['/usr/lib', '/usr/local'], ['same', 'same'], [''], ['x', ''],
          [b'abc', b'abx'], [[1, 2, 3], [1, 2, 4]], [(1, 2), (1, 3)], ('ab', 'ac')]:
    print(repr(m), '->', repr(P.commonprefix(m)))
for bad in [['a', b'a'], [1, 2], None]:
    try:
        print(P.commonprefix(bad))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    P.commonpath()
except TypeError as e:
    print('TypeError', e)
