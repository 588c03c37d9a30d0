# os.path string operations: normpath, split, splitext, basename, dirname, join, isabs.
import os.path as p
import os

print(p.__name__, os.path is p, p.sep, os.sep, os.name, repr(os.linesep), os.curdir, os.pardir, os.extsep,
      os.altsep, os.pathsep, os.devnull)
for x in ['', '/', '//', '///', 'a/b/../c', '/../x', '../../a', 'a//b/./c/', './', 'a/..', '//a/b', '.bashrc',
          'a.b/c', 'a/b.tar.gz', '..', '...x', 'a/.b.c', 'a/b/', '/a/b/', 'noext.', '...']:
    print(repr(x), p.normpath(x), p.split(x), p.splitext(x), repr(p.basename(x)), repr(p.dirname(x)), p.isabs(x))
print(p.join('a', 'b', '/c', 'd'), p.join('a/', 'b'), p.join('', 'x'), p.join('a', ''), p.join(b'a', b'b'),
      p.join('/'), p.join('a', 'b', 'c'))
print(p.split(b'a/b'), p.splitext(b'x.y'), p.normpath(b'a/./b'), p.basename(b'/q/r'))
for args in [(), (1,), ('a', b'b'), ('a', 1), ('a', None)]:
    try:
        p.join(*args)
    except TypeError as e:
        print('TypeError', e)
for f in [p.basename, p.dirname, p.normpath, p.split, p.isabs]:
    try:
        f(None)
    except TypeError as e:
        print('TypeError', e)
