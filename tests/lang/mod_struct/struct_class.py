# struct.Struct, unpack_from / pack_into with offsets, iter_unpack.
import struct

s = struct.Struct('<2hx')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00'))
print(type(s).__name__, type(s).__module__, struct.Struct(b'>i').format, struct.Struct(format='i').size)
for args in [(1,), (1, 2, 3)]:
    try:
        s.pack(*args)
    except struct.error as e:
        print('error', e)
try:
    s.size = 3
except AttributeError as e:
    print('AttributeError', e)
try:
    s.pack(x=1)
except TypeError as e:
    print('TypeError', e)
try:
    struct.Struct('i', 1)
except TypeError as e:
    print('TypeError', e)

data = b'\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00'
print(struct.unpack_from('<i', data), struct.unpack_from('<i', data, 4), struct.unpack_from('<h', data, -2))
print(struct.unpack_from('<i', buffer=data, offset=4), struct.Struct('<i').unpack_from(data, offset=4))
for off in [8, -11, 20]:
    try:
        struct.unpack_from('<i', data, off)
    except struct.error as e:
        print('error', e)

ba = bytearray(8)
struct.pack_into('<hh', ba, 2, 7, 8)
print(ba)
struct.pack_into('<h', ba, -2, -1)
print(ba)
struct.Struct('>i').pack_into(ba, 0, 258)
print(ba)
for args in [(ba, 6, 1), (ba, -20, 1), (ba, -1, 1), (ba, 0), (ba,), (), (b'xxxx', 0, 1)]:
    try:
        struct.pack_into('<i', *args)
    except (struct.error, TypeError) as e:
        print(type(e).__name__, e)

it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(type(it).__name__, it.__length_hint__(), next(it), list(it), list(it))
print(list(struct.Struct('<bb').iter_unpack(bytearray(b'\x01\x02\x03\x04'))))
for fmt, buf in [('<i', b'abcde'), ('', b''), ('<i', 'abcd')]:
    try:
        struct.iter_unpack(fmt, buf)
    except (struct.error, TypeError) as e:
        print(type(e).__name__, e)
for call in [lambda: struct.unpack('<i', b'abc'), lambda: struct.unpack('i'), lambda: struct.unpack('i', b'', 1),
             lambda: struct.pack(), lambda: struct.unpack('<i', 'abcd'), lambda: struct.pack('x', 1),
             lambda: struct.pack('ii', 1), lambda: struct.unpack_from('i')]:
    try:
        print(call())
    except (struct.error, TypeError) as e:
        print(type(e).__name__, e)
