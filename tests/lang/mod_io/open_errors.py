# open() argument validation, OS errors and wrong-mode operations.
import os
import io

name = 'spindle_io_err_%d.txt' % os.getpid()
with open(name, 'w') as f:
    f.write('data')

def attempt(fn):
    try:
        print(repr(fn()).replace(name, 'NAME'))
    except Exception as e:
        print(type(e).__name__, str(e).replace(name, 'NAME'))

attempt(lambda: open('no_such_file_zz'))
attempt(lambda: open('no_such_dir_zz/x', 'w'))
attempt(lambda: open('.'))
for mode in ['rw', 'rr', 'q', 'tb', '+', 't', 'wa', 'r++']:
    attempt(lambda: open(name, mode))
attempt(lambda: open(name, 'rb', encoding='utf-8'))
attempt(lambda: open(name, 'rb', errors='x'))
attempt(lambda: open(name, 'rb', newline=''))
attempt(lambda: open(name, 'r', buffering=0))
attempt(lambda: open(name, newline='x'))
attempt(lambda: open(name, encoding='nope'))
attempt(lambda: open(name, 'x'))
attempt(lambda: open(1.5))
attempt(lambda: open(name, 5))
attempt(lambda: open(None))
f = open(name)
attempt(lambda: f.write('x'))
attempt(lambda: f.seek(1, 1))
attempt(lambda: f.seek(1, 2))
attempt(lambda: f.seek(-1))
attempt(lambda: f)
f.close()
attempt(lambda: f)
for op in [f.read, f.readline, f.tell, lambda: f.seek(0), lambda: f.write('x'), f.__enter__, f.fileno, f.flush,
           lambda: next(f)]:
    attempt(op)
attempt(lambda: f.closed)
f.close()
g = open(name, 'w')
attempt(g.read)
attempt(lambda: g.write(b'x'))
attempt(lambda: g.write(5))
g.close()
h = open(name, 'rb')
attempt(lambda: h.write(b'x'))
attempt(lambda: h.seek(0, 5))
attempt(lambda: h)
h.close()
k = open(name, 'wb')
attempt(k.read)
attempt(lambda: k.write('x'))
k.close()
attempt(lambda: io.open is open or io.open(name).read())
os.remove(name)
print(os.path.exists(name))
