# struct.error messages for out-of-range and wrongly typed values, by code and byte order.
import struct

def attempt(fmt, v):
    try:
        print(fmt, v, struct.pack(fmt, v))
    except Exception as e:
        print(fmt, v, type(e).__name__, e)

for order in '@<>':
    for code in 'bBhHiIlLqQ':
        size = struct.calcsize('<' + code)
        for v in [2 ** (8 * size), -1, -2 ** (8 * size), 2 ** 70]:
            attempt(order + code, v)
for code in 'nNP':
    attempt(code, -1)
    attempt(code, 2 ** 64)
for fmt, v in [('i', 'x'), ('i', 1.5), ('B', 2.0), ('f', 'x'), ('d', None), ('c', b'ab'), ('c', 'a'),
               ('c', bytearray(b'a')), ('s', 'a'), ('p', 'a'), ('s', None)]:
    attempt(fmt, v)
for fmt, v in [('e', 1e10), ('<e', 65520.0), ('<f', 1e300), ('>f', -1e39), ('f', 1e300)]:
    attempt(fmt, v)
