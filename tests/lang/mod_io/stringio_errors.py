# io.StringIO error messages: bad arguments, seeks and use after close.
import io

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

s = io.StringIO('abc')
attempt(s.seek, 1, 1)
attempt(s.seek, 1, 2)
attempt(s.seek, -1)
attempt(s.seek, 0, 3)
attempt(s.seek, 'x')
attempt(s.write, 1)
attempt(s.write, b'x')
attempt(s.truncate, -1)
attempt(s.read, 'x')
attempt(s.readline, 1.5)
attempt(io.StringIO, 1)
attempt(io.StringIO, '', 5)
attempt(io.StringIO, '', 'x')
attempt(s.fileno)
s.close()
s.close()
for f in [s.getvalue, s.read, s.readline, s.tell, lambda: s.write('x'), lambda: s.seek(0), lambda: next(s),
          lambda: s.__enter__(), s.readable, s.truncate]:
    attempt(f)
print(s.closed)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
