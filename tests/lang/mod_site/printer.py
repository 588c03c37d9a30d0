# copyright / credits / license: site's _Printer objects.
import sys

print(repr(copyright))
print('--')
print(repr(credits))
print('--')
print(str(copyright) == repr(copyright), copyright.__doc__.split('\n')[0])
P = type(copyright)
print(P.__name__, P.__module__, type(credits) is P, type(license) is P, P.MAXLINES)
print(sorted(copyright.__dict__))
print(copyright._Printer__name, repr(copyright._Printer__data[:20]), copyright._Printer__filenames)
print(copyright._Printer__linecnt)
print(sys.copyright == repr(copyright))
r = copyright()
print('returned', r)
credits()
print(license._Printer__name, license._Printer__data)
print(callable(license))

try:
    copyright(1)
except TypeError as e:
    print('TypeError', e)
try:
    P('x')
except TypeError as e:
    print('TypeError', e)
