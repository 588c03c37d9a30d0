# os.path: splitdrive, normcase, supports_unicode_filenames, defpath and the
# other constants.
import os
import os.path as P

print(P.splitdrive('/a/b'), P.splitdrive('c:/x'), P.splitdrive(''), P.splitdrive(b'/q'))
print(P.normcase('/A/b'), P.normcase(b'/X'), P.normcase(''))


class PL:
    def __fspath__(self):
        return 'Pl/Path'


print(P.splitdrive(PL()), P.normcase(PL()))
for f in [P.splitdrive, P.normcase]:
    for bad in [None, 1]:
        try:
            f(bad)
        except TypeError as e:
            print('TypeError', e)
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
print(P.supports_unicode_filenames, P.defpath, os.defpath, P.sep, P.pathsep, P.curdir, P.pardir, P.extsep,
      P.altsep, P.devnull)
print(P.__name__, os.path is P)
