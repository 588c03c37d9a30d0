# io.BytesIO: binary buffer semantics and errors.
import io

b = io.BytesIO(b'first\nsecond\nthird')
print(type(b).__name__, b.read(3), b.readline(), b.tell(), b.readlines(), b.read(), b.tell())
b.seek(0)
print(list(b))
print(b.seek(-3, 2), b.read(), b.seek(-2, 1), b.read(1), b.seek(100), b.read(), b.tell())
print(b.write(b'X'), len(b.getvalue()), b.getvalue()[-3:])
w = io.BytesIO()
print(w.write(b'abc'), w.write(bytearray(b'de')), w.getvalue(), w.tell(), w.seek(1), w.write(b'Z'), w.getvalue())
w.writelines([b'1', b'2'])
print(w.getvalue(), w.truncate(2), w.getvalue(), w.tell(), w.truncate(), w.getvalue())
print(w.seek(-5, 1), w.tell())
with io.BytesIO(b'ctx') as c:
    print(c.read(), c.closed)
print(c.closed, io.BytesIO(bytearray(b'ba')).read(), io.BytesIO(None).getvalue(), io.BytesIO().read())

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

attempt(io.BytesIO, 'str')
attempt(w.write, 'str')
attempt(w.seek, -1)
attempt(w.seek, 0, 3)
attempt(w.seek, 1.5)
attempt(w.truncate, -1)
w.close()
for f in [w.getvalue, w.read, w.tell, lambda: w.write(b'x'), lambda: next(w)]:
    attempt(f)
