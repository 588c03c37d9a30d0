# The abstract operations of the typed bases raise io.UnsupportedOperation.
import io


class R(io.RawIOBase):
    pass


class B(io.BufferedIOBase):
    pass


class T(io.TextIOBase):
    pass


for obj in (R(), B(), T()):
    name = type(obj).__name__
    for meth, args in [('read', ()), ('read', (3,)), ('readinto', (bytearray(2),)), ('write', (b'x',)),
                       ('detach', ()), ('read1', ()), ('readinto1', (bytearray(1),)), ('readline', ()),
                       ('readall', ())]:
        f = getattr(obj, meth, None)
        if f is None:
            print(name, meth, 'missing')
            continue
        try:
            print(name, meth, repr(f(*args)))
        except Exception as e:
            print(name, meth, type(e).__name__, e)


class RI(io.BufferedIOBase):
    def read(self, n=-1):
        return b'abcdef'[:n if n >= 0 else 6]


buf = bytearray(4)
print(RI().readinto(buf), buf)
try:
    RI().readinto1(bytearray(3))
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)


class RI1(RI):
    def read1(self, n=-1):
        return b'xy'


buf = bytearray(5)
print(RI1().readinto1(buf), buf, RI().readinto(bytearray(0)))
mv = memoryview(bytearray(3))
print(RI().readinto(mv), bytes(mv))
try:
    RI().readinto(b'immutable')
except TypeError as e:
    print('TypeError', e)


class Short(io.BufferedIOBase):
    def read(self, n=-1):
        return 'not bytes'


try:
    Short().readinto(bytearray(3))
except TypeError as e:
    print('TypeError', e)


class RawRead(io.RawIOBase):
    def __init__(self):
        self.chunks = [b'ab', b'cd', None, b'ef']

    def readinto(self, b):
        if not self.chunks:
            return 0
        c = self.chunks.pop(0)
        if c is None:
            return None
        b[:len(c)] = c
        return len(c)


rr = RawRead()
print(rr.read(5), rr.read(5), rr.read(5), rr.read(5), rr.read())
rr = RawRead()
print(rr.readall(), rr.readall())
