# os.path: samefile, getatime, getctime, ismount.
import os
import os.path as P

here = os.path.abspath(__file__)
print(P.samefile(here, os.path.basename(__file__)), P.samefile('.', '..'), P.samefile('.', os.getcwd()))
print(P.samefile(b'.', '.'), P.samefile('/', '/..'))
for args in [('no_such_zz', '.'), ('.', 'no_such_zz')]:
    try:
        P.samefile(*args)
    except FileNotFoundError as e:
        print('FileNotFoundError', e)
try:
    P.samefile('.', None)
except TypeError as e:
    print('TypeError', e)
try:
    P.samefile('.')
except TypeError as e:
    print('TypeError', e)
st = os.stat(here)
print(type(P.getatime(here)).__name__, P.getatime(here) == st.st_atime, P.getctime(here) == st.st_ctime,
      P.getmtime(here) == st.st_mtime)
for f in [P.getatime, P.getctime]:
    try:
        f('no_such_zz')
    except FileNotFoundError as e:
        print('FileNotFoundError', e)
    try:
        f(None)
    except TypeError as e:
        print('TypeError', e)
print(P.ismount('/'), P.ismount(b'/'), P.ismount('.'), P.ismount('no_such_zz'), P.ismount(here), P.ismount(''))
print(P.ismount('/proc'), P.ismount('/proc/self'))
for bad in [None, 1.5]:
    try:
        print(P.ismount(bad))
    except TypeError as e:
        print('TypeError', e)
print(P.ismount('a\0b'))
