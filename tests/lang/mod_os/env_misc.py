# os.environ / getenv, getcwd, getpid, urandom, cpu_count, fspath, abspath/realpath/expanduser.
import os

print(type(os.environ['PATH']).__name__, 'PATH' in os.environ, os.environ.get('NO_SUCH_VAR_Q') is None)
print(os.getenv('NO_SUCH_VAR_Q'), os.getenv('NO_SUCH_VAR_Q', 'dflt'), os.getenv('PATH') == os.environ['PATH'])
try:
    os.environ['NO_SUCH_VAR_Q']
except KeyError as e:
    print('KeyError', e)
try:
    os.getenv()
except TypeError as e:
    print('TypeError', e)
cwd = os.getcwd()
print(type(cwd).__name__, os.path.isabs(cwd), os.path.isdir(cwd), os.getcwdb() == cwd.encode())
print(type(os.getpid()).__name__, os.getpid() > 0, os.getpid() == os.getpid())
r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)), os.urandom(8) != os.urandom(8))
try:
    os.urandom(-1)
except ValueError as e:
    print('ValueError', e)
n = os.cpu_count()
print(type(n).__name__, n >= 1)

class PL:
    def __init__(self, v):
        self.v = v
    def __fspath__(self):
        return self.v

print(os.fspath('s'), os.fspath(b'b'), os.fspath(PL('x')), os.fspath(PL(b'y')), os.path.join(PL('d'), 'f'))
for bad in [1, None, PL(3)]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print('TypeError', e)
print(os.path.abspath('x') == os.path.join(cwd, 'x'), os.path.abspath('/a/../b'), os.path.abspath('.') == cwd)
print(os.path.realpath('.') == os.path.realpath(cwd), os.path.realpath('/') == '/')
print(os.path.expanduser('~') == os.environ['HOME'].rstrip('/') or os.environ['HOME'] == '/',
      os.path.expanduser('x~'), os.path.expanduser('~nosuchuser_zz/a'), os.path.expanduser('~/q').endswith('/q'))
print(os.path.exists(''), os.path.isfile('no_such_file_zz'), os.path.isdir('.'), os.path.exists('.'))
try:
    os.path.exists(1.5)
except TypeError as e:
    print('TypeError', e)
try:
    os.path.getsize('no_such_file_zz')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
for f, a in [(os.stat, None), (os.listdir, 1.5), (os.mkdir, 1), (os.remove, None)]:
    try:
        f(a)
    except TypeError as e:
        print('TypeError', e)
try:
    os.rename('a')
except TypeError as e:
    print('TypeError', e)
