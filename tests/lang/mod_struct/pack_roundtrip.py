# struct.pack / unpack round trips for every integer code in every byte order.
import struct

values = {'b': [-128, -1, 0, 127], 'B': [0, 1, 255], 'h': [-32768, 0, 32767], 'H': [0, 65535],
          'i': [-2**31, 0, 2**31 - 1], 'I': [0, 2**32 - 1], 'l': [-2**31, 2**31 - 1], 'L': [0, 2**32 - 1],
          'q': [-2**63, 0, 2**63 - 1], 'Q': [0, 2**64 - 1]}
for order in '@=<>!':
    for code, vals in values.items():
        for v in vals:
            data = struct.pack(order + code, v)
            back = struct.unpack(order + code, data)
            print(order + code, v, data.hex(), back, back[0] == v)

for code in 'nNP':
    data = struct.pack(code, 12345)
    print(code, len(data), struct.unpack(code, data))
print(struct.pack('?', 5), struct.pack('?', []), struct.unpack('??', b'\x00\x07'))
print(struct.pack('c', b'z'), struct.unpack('cc', b'ab'))
print(struct.pack('3s', b'abcdef'), struct.pack('5s', b'ab'), struct.pack('0s', b'abc'))
print(struct.pack('s', bytearray(b'q')), struct.unpack('4s', b'abcd'))
print(struct.pack('5p', b'abc'), struct.pack('3p', b'abcdef'), struct.pack('p', b'xyz'))
print(struct.unpack('5p', b'\x03abcd'), struct.unpack('5p', b'\x09abcd'))
print(struct.pack('<hxxi', 1, 2), struct.unpack('<hxxi', b'\x01\x00\x00\x00\x02\x00\x00\x00'))
print(struct.pack('4b', 1, 2, 3, 4), struct.unpack('>2H', b'\x00\x01\x00\x02'))
print(struct.pack('>i', True), struct.pack('<q', -2))

class Idx:
    def __index__(self):
        return 7

print(struct.pack('<i', Idx()), struct.pack('<f', Idx()))
print(struct.pack(b'<h', 3), struct.unpack(b'<h', bytearray(b'\x03\x00')))
print(struct.pack(' < h  h ', 1, 2))
print(struct.unpack('0c', b''), struct.pack(''), struct.unpack('', b''))
