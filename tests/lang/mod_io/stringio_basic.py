# io.StringIO: read/readline/readlines/write/seek/tell/getvalue/truncate, iteration, with.
import io

s = io.StringIO('line one\nline two\nlast')
print(type(s).__name__, s.readable(), s.writable(), s.seekable(), s.closed, s.tell())
print(repr(s.read(4)), repr(s.readline()), s.tell(), repr(s.readline(3)), repr(s.readline()))
print(repr(s.read()), repr(s.read()), repr(s.readline()), s.tell())
s.seek(0)
print(s.readlines())
s.seek(0)
print(s.readlines(10))
s.seek(0)
print([line for line in s])
print(s.seek(0, 2), s.write(' tail'), s.getvalue(), s.tell())
print(s.seek(3), s.write('XYZ'), s.getvalue(), s.tell())
print(s.truncate(), s.getvalue(), s.truncate(2), s.getvalue(), s.tell())
print(s.seek(6), s.write('!'), repr(s.getvalue()))
s.writelines(['a', 'b', 'c'])
print(repr(s.getvalue()), s.isatty())
e = io.StringIO()
print(repr(e.getvalue()), repr(e.read()), e.write(''), e.tell(), repr(io.StringIO(None).getvalue()))
with io.StringIO('ctx') as c:
    print(c.read(), c.closed)
print(c.closed)
u = io.StringIO('h\xe9llo \u20ac\U0001f600')
print(u.read(2), u.tell(), u.read(), u.tell(), len(u.getvalue()))
print(s.read(-1) == '', s.read(None), s.readline(None), s.readlines(None) == [])
class Sub(io.StringIO):
    pass
sub = Sub('sub')
print(type(sub).__name__, sub.read(), isinstance(sub, io.StringIO))
print(repr(io.StringIO('x', None).getvalue()), io.StringIO(initial_value='kw').read())
