# io.StringIO newline modes: None, '', '\n', '\r', '\r\n'.
import io

text = 'a\r\nb\rc\nd'
for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO(text, newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines())
    s = io.StringIO(newline=nl)
    s.write('x\ny\r\nz\r')
    print(repr(nl), repr(s.getvalue()))
    s.seek(0)
    print(repr(nl), [l for l in s])
