# open() in text mode: write/read/readline/iteration/append/r+, tell/seek, newline modes.
import os

name = 'spindle_io_text_%d.txt' % os.getpid()
with open(name, 'w') as f:
    print(type(f).__name__, f.name == name, f.mode, f.encoding, f.errors, f.closed, f.writable(), f.readable())
    print(f.write('hello\nworld\r\nthird\rlast'), f.tell(), f.seekable())
print(f.closed)
with open(name) as f:
    print(repr(f.readline()), repr(f.readline()), f.tell())
    print(repr(f.read()), repr(f.read()), f.tell())
for nl in ['', '\n', '\r', '\r\n']:
    with open(name, newline=nl) as f:
        print(repr(nl), f.readlines())
with open(name, 'a') as f:
    f.write('\nappended')
with open(name) as f:
    print([line for line in f])
with open(name) as f:
    print(f.readlines(8), f.readline(3), f.read(4))
with open(name, 'r+') as f:
    print(f.read(5), f.tell())
    f.seek(0)
    f.write('HE')
    f.seek(0)
    print(repr(f.read()))
with open(name, 'w', newline='\r\n') as f:
    f.write('a\nb\n')
with open(name, 'rb') as f:
    print(f.read())
with open(name, 'x' if False else 'w') as f:
    f.writelines(['one\n', 'two\n'])
    f.flush()
    print(os.path.getsize(name))
with open(name, mode='r', encoding='utf-8') as f:
    print(f.read(), end='')
f = open(name, 'w+')
f.write('read back')
f.seek(0)
print(f.read(), f.tell(), f.truncate(4), f.tell())
f.seek(0)
print(f.read())
f.close()
os.remove(name)
print(os.path.exists(name))
