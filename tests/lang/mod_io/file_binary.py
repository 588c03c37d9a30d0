# open() in binary mode: types, modes, read sizes, seek whence, truncate, append.
import os

name = 'spindle_io_bin_%d.dat' % os.getpid()
with open(name, 'wb') as f:
    print(type(f).__name__, f.mode, f.write(b'\x00\x01bin\nline2\n'), f.write(bytearray(b'!')), f.tell())
with open(name, 'rb') as f:
    print(type(f).__name__, f.mode, f.read(3), f.readline(), f.tell(), f.readlines(), f.read(), f.read(5))
    print(f.seek(2), f.read(2), f.seek(-3, 2), f.read(), f.seek(-4, 1), f.read(2), f.seek(100), f.read())
with open(name, 'rb') as f:
    print(list(f))
with open(name, 'ab') as f:
    print(type(f).__name__, f.mode, f.write(b'tail'), f.tell())
with open(name, 'r+b') as f:
    print(type(f).__name__, f.mode, f.read(4), f.write(b'WW'), f.tell(), f.seek(0), f.read())
    print(f.truncate(3), f.seek(0, 2), f.tell())
with open(name, 'rb') as f:
    print(f.read(), f.fileno() > 2, f.isatty(), f.readable(), f.writable(), f.seekable())
with open(name, 'xb') if False else open(name, 'wb') as f:
    pass
print(os.path.getsize(name))
try:
    open(name, 'xb')
except FileExistsError as e:
    print('FileExistsError', e.errno, str(e).replace(name, 'NAME'))
os.remove(name)
with open(name, 'xb') as f:
    f.write(b'created')
with open(name, 'rb', buffering=0) as f:
    print(f.read())
os.remove(name)
