# A user subclass of io.RawIOBase / io.IOBase gets the default methods:
# readline via read, iteration, readlines, writelines, context manager, closed.
import io


class Source(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readable(self):
        return True

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


src = Source(b'one\ntwo\n\nthree')
print(src.readline(), src.readline(2), src.readline(), src.readline(-1), src.readline(), src.readline())
src = Source(b'a\nbb\nccc\n')
print(list(src))
src = Source(b'a\nbb\nccc\nd')
print(src.readlines(), Source(b'a\nbb\nccc').readlines(2), Source(b'a\nbb').readlines(0), Source(b'x\ny').readlines(None))
print(Source(b'hello').read(), Source(b'hello').read(2), Source(b'hello').readall(), Source(b'').read())
with Source(b'q\nr') as s:
    print(s.closed, next(s), next(s))
    try:
        next(s)
    except StopIteration:
        print('StopIteration')
print(s.closed)
for op in [lambda: s.readline(), lambda: iter(s), lambda: s.flush(), lambda: s.__enter__(), lambda: s.writelines([]),
           lambda: s.isatty(), lambda: s.readlines(), lambda: s.fileno(), lambda: s.seekable()]:
    try:
        print(op())
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
s.close()
print('closed twice ok')


class Sink(io.RawIOBase):
    def __init__(self):
        self.parts = []

    def writable(self):
        return True

    def write(self, b):
        self.parts.append(bytes(b))
        return len(b)


k = Sink()
k.writelines([b'a', bytearray(b'b'), b'cd'])
print(k.parts, k.flush(), k.writable(), k.readable())
try:
    k.writelines(5)
except TypeError as e:
    print('TypeError', e)


class Plain(io.IOBase):
    pass


p = Plain()
for name in ['seek', 'tell', 'truncate', 'fileno', 'read', 'write']:
    try:
        f = getattr(p, name)
        print(name, f(0) if name in ('seek', 'truncate') else f())
    except (io.UnsupportedOperation, AttributeError) as e:
        print(name, type(e).__name__, e)
print(p.readable(), p.writable(), p.seekable(), p.closed, p.__dict__)
for check in ['_checkClosed', '_checkReadable', '_checkWritable', '_checkSeekable']:
    try:
        print(check, getattr(p, check)())
    except io.UnsupportedOperation as e:
        print(check, type(e).__name__, e)
p.close()
try:
    p._checkClosed()
except ValueError as e:
    print('ValueError', e)
print(p.closed, p.__dict__)
