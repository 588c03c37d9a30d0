# struct.calcsize: native alignment, standard sizes, counts and format errors.
import struct

for fmt in ['', '<', 'b', 'bh', 'bi', 'bq', 'qb', 'bhiq', '=bhiq', '<bhiq', '>bhiq', 'b0i', 'ci', '=ci',
            '3i', '10s', '10p', '0s', '5x', 'xi', '?', 'e', 'f', 'd', 'P', 'n', 'N', 'lL', '<lL', 'hi', '=hi',
            ' 3i ', 'i i', b'ii', '2e2d']:
    print(repr(fmt), struct.calcsize(fmt))

for fmt in ['z', '3', '<P', '<n', '>N', '<<i', 'i<', '3 i', 'i\x00', '99999999999999999999i', 'iy']:
    try:
        struct.calcsize(fmt)
    except struct.error as e:
        print(repr(fmt), 'error:', e)
for bad in [1, None, ['i']]:
    try:
        struct.calcsize(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    struct.calcsize()
except TypeError as e:
    print(type(e).__name__, e)
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
