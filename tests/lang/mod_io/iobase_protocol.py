# IOBase defaults that go through the overridable methods: readline via
# read(1) or peek, close via flush, tell via seek, __del__ closing.
import io


class Chars(io.IOBase):
    def __init__(self, data):
        self.data = data
        self.calls = 0

    def read(self, n=-1):
        self.calls += 1
        if n < 0:
            n = len(self.data)
        out, self.data = self.data[:n], self.data[n:]
        return out


c = Chars(b'ab\ncd')
print(c.readline(), c.calls, c.readline(), c.readline())


class Peeky(Chars):
    def peek(self, n=1):
        return self.data[:max(n, 1)]


pk = Peeky(b'xyz\nrest\n')
print(pk.readline(), pk.calls, pk.readline(), pk.calls)


class BadRead(io.IOBase):
    def read(self, n=-1):
        return 'text'


try:
    BadRead().readline()
except OSError as e:
    print(type(e).__name__, e)


class Noisy(io.IOBase):
    def flush(self):
        print('flush called, closed =', self.closed)
        super().flush()

    def close(self):
        print('close called')
        super().close()

    def seek(self, pos, whence=0):
        print('seek', pos, whence)
        return 42


n = Noisy()
print(n.tell())
n.close()
print(n.closed)
n.close()
try:
    n.flush()
except ValueError as e:
    print('ValueError', e)


class Dying(io.IOBase):
    def close(self):
        print('closing on collection')
        super().close()


d = Dying()
del d
print('after del')


class FailingFlush(io.IOBase):
    def flush(self):
        raise RuntimeError('flush failed')


ff = FailingFlush()
try:
    ff.close()
except RuntimeError as e:
    print('RuntimeError', e, ff.closed)


class Lines(io.IOBase):
    def __init__(self, lines):
        self.lines = list(lines)

    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else ''


print(list(Lines(['a\n', 'b\n'])), Lines(['x', 'yy', 'zzz']).readlines(3))


class BadLines(io.IOBase):
    def readline(self, size=-1):
        return 5


try:
    next(iter(BadLines()))
except TypeError as e:
    print('TypeError', e)
try:
    Chars(b'abc').readline('x')
except TypeError as e:
    print('TypeError', e)
try:
    Chars(b'abc').readlines('x')
except TypeError as e:
    print('TypeError', e)


class ClosingStringIO(io.StringIO):
    def close(self):
        print('StringIO subclass closed at collection')
        super().close()


cs = ClosingStringIO('text')
del cs
print('after StringIO del')
