# _Printer: short texts print whole; long ones page MAXLINES lines at a time,
# asking input() for Return (more) or q (quit).
import builtins

P = type(copyright)
short = P('short', 'one\ntwo\nthree')
print(repr(short))
short()
print(short._Printer__linecnt, short._Printer__lines)

text = '\n'.join('line %d' % i for i in range(60))
long = P('story', text)
print(repr(long))

keys = iter(['', 'x', '', 'q'])
asked = []


def fake_input(prompt):
    asked.append(prompt)
    k = next(keys)
    print('<key %r>' % k)
    return k


builtins.input = fake_input
long()
print(len(asked), set(asked))

keys = iter(['q'])
long()

exact = P('exact', '\n'.join(str(i) for i in range(23)))
print(repr(exact).count('\n'))
keys = iter([''])
exact()
over = P('over', '\n'.join(str(i) for i in range(24)))
print(repr(over))
keys = iter(['', ''])
over()

# files that do not exist fall back to the data; a directory is skipped too
f = P('f', 'fallback', ['no_such_file_zz.txt', 'LICENSE'], ['/nonexistent_dir_zz', '/'])
print(f._Printer__filenames)
print(repr(f))
empty = P('e', '')
print(repr(repr(empty)), empty._Printer__linecnt)
