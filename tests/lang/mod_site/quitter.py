# builtins.exit / quit: site's Quitter objects (repr, attributes, SystemExit).
import sys

print(repr(exit))
print(repr(quit))
print(str(exit), '|', f'{quit}')
Q = type(exit)
print(Q.__name__, Q.__module__, Q.__qualname__, type(quit) is Q)
print(exit.name, exit.eof, quit.name)
print(sorted(exit.__dict__.items()))
print(callable(exit), callable(quit))

for args, kwargs in [((), {}), ((3,), {}), (('bye',), {}), ((None,), {}), ((), {'code': 7})]:
    try:
        exit(*args, **kwargs)
    except SystemExit as e:
        print('SystemExit', repr(e.code), e.args)

print('stdin closed:', sys.stdin.closed)

try:
    quit(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    exit(foo=1)
except TypeError as e:
    print('TypeError', e)
try:
    exit(1, code=2)
except TypeError as e:
    print('TypeError', e)

mine = Q('leave', 'Ctrl-Z')
print(repr(mine), mine.name, mine.eof)
mine.name = 'go'
print(repr(mine))
try:
    Q('only')
except TypeError as e:
    print('TypeError', e)
try:
    Q()
except TypeError as e:
    print('TypeError', e)
try:
    Q(1, 2, 3)
except TypeError as e:
    print('TypeError', e)


class Loud(Q):
    def __repr__(self):
        return 'loud ' + super().__repr__()


print(repr(Loud('x', 'y')))
try:
    Loud('x', 'y')(9)
except SystemExit as e:
    print('SystemExit', e.code)
