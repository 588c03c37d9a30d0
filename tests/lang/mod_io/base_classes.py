# io's base classes: the hierarchy, and which concrete classes are instances.
import io
import sys

print(io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase)
print(type(io.IOBase).__name__, io.IOBase.__module__, io.TextIOBase.__name__, io.TextIOBase.__qualname__)
print([c.__name__ for c in io.RawIOBase.__mro__])
print([c.__name__ for c in io.BufferedIOBase.__mro__])
print([c.__name__ for c in io.TextIOBase.__mro__])
print([c.__name__ for c in io.StringIO.__mro__], [c.__name__ for c in io.BytesIO.__mro__])
print(io.BlockingIOError is BlockingIOError, issubclass(io.UnsupportedOperation, OSError),
      issubclass(io.UnsupportedOperation, ValueError))
s, b = io.StringIO(), io.BytesIO()
for obj in (s, b, sys.stdout, sys.stderr, sys.stdin):
    print(type(obj).__name__, isinstance(obj, io.IOBase), isinstance(obj, io.TextIOBase),
          isinstance(obj, io.BufferedIOBase), isinstance(obj, io.RawIOBase))
with open(__file__) as ft, open(__file__, 'rb') as fb:
    for obj in (ft, fb):
        print(type(obj).__name__, isinstance(obj, io.IOBase), isinstance(obj, io.TextIOBase),
              isinstance(obj, io.BufferedIOBase), isinstance(obj, io.RawIOBase))
print(issubclass(io.StringIO, io.TextIOBase), issubclass(io.BytesIO, io.BufferedIOBase),
      issubclass(io.TextIOWrapper, io.IOBase), issubclass(io.BufferedReader, io.BufferedIOBase),
      issubclass(io.BufferedWriter, io.BufferedIOBase), issubclass(io.BufferedRandom, io.BufferedIOBase))
print(issubclass(io.StringIO, io.RawIOBase), issubclass(int, io.IOBase), isinstance(3, io.IOBase))


class Mine(io.TextIOBase):
    pass


m = Mine()
print(type(Mine).__name__, isinstance(m, io.IOBase), isinstance(m, io.TextIOBase), m.closed, m.encoding, m.errors,
      m.newlines)
print(m.readable(), m.writable(), m.seekable(), m.isatty())
m.close()
print(m.closed)
print(s.readable(), s.closed, s.encoding if hasattr(s, 'encoding') else 'no encoding', b.closed)
