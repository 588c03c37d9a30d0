# struct float codes e/f/d: bytes, rounding, special values, overflow.
import struct

for order in '<>':
    for v in [0.0, -0.0, 1.0, -2.5, 0.1, 1e-8, 65504.0, 65519.99, 6e-8, 1e-7, float('inf'), float('-inf')]:
        for code in 'efd':
            try:
                data = struct.pack(order + code, v)
                print(order + code, v, data.hex(), struct.unpack(order + code, data))
            except OverflowError as e:
                print(order + code, v, 'OverflowError', e)
nan = struct.unpack('<d', struct.pack('<d', float('nan')))[0]
print(nan != nan, struct.pack('<e', float('nan')).hex(), struct.pack('>f', float('nan')).hex())
print(struct.unpack('<e', b'\x01\x00'), struct.unpack('>e', b'\x7c\x00'), struct.unpack('>e', b'\xfc\x00'))
print(struct.unpack('<e', b'\xff\x7b'), struct.unpack('<e', b'\x00\x04'), struct.unpack('<e', b'\xff\x03'))
print(struct.pack('<f', 3.4028234663852886e+38).hex(), struct.pack('f', 1e300).hex())
print(struct.pack('<d', 1), struct.pack('<f', True))
for v in [2.5, 1.5, 0.5, 1.0009765625, 1.00048828125, 1.00146484375]:
    print(v, struct.unpack('<e', struct.pack('<e', v)))
