# readinto() on BytesIO and binary files; read1; text files' line_buffering.
import io
import os

b = io.BytesIO(b'abcdefg')
buf = bytearray(3)
print(b.readinto(buf), buf, b.readinto(buf), buf, b.readinto(buf), buf, b.readinto(buf), b.tell())
print(io.BytesIO(b'xyz').read1(2))
try:
    b.readinto(b'xx')
except TypeError as e:
    print('TypeError', e)
name = 'spindle_io_readinto_%d' % os.getpid()
with open(name, 'wb') as f:
    f.write(b'0123456789')
with open(name, 'rb') as f:
    buf = bytearray(4)
    print(f.readinto(buf), buf, f.read(2), f.readinto(buf), buf, f.readinto(buf), f.tell())
with open(name) as f:
    print(f.line_buffering, f.read())
os.remove(name)
