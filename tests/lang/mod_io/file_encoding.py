# open() encodings (utf-8, latin-1, ascii), errors handlers and tell() with multi-byte text.
import os

name = 'spindle_io_enc_%d.txt' % os.getpid()
with open(name, 'w', encoding='latin-1') as f:
    print(f.encoding, f.write('caf\xe9'))
with open(name, 'rb') as f:
    print(f.read())
with open(name, encoding='latin-1') as f:
    print(f.read())
try:
    with open(name, encoding='ascii') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
try:
    with open(name, encoding='utf-8') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
with open(name, encoding='ascii', errors='replace') as f:
    print(ascii(f.read()), f.errors)
with open(name, encoding='ascii', errors='ignore') as f:
    print(f.read())
try:
    with open(name, 'w', encoding='ascii') as f:
        f.write('\xe9')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
with open(name, 'w', encoding='utf-8') as f:
    f.write('h\xe9llo\u20ac\n2nd \U0001f600\n')
with open(name, encoding='utf-8') as f:
    print(f.read(2), f.tell(), f.read(3), f.tell(), repr(f.readline()), f.tell())
    f.seek(0)
    print(repr(f.readline()), f.tell(), repr(f.readline()), f.tell())
with open(name, 'rb') as f:
    print(f.read())
with open(name, 'w', encoding='UTF8') as f:
    f.write('\u03b1\u03b2')
with open(name, encoding='utf_8') as f:
    print(f.read(), f.encoding)
os.remove(name)
