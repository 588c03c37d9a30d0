ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"
print(ba, ba.upper(), ba.find(b"o"), ba.replace(b"o", b"0"), ba.split(), len(ba))
ba += b"!"
print(ba, ba[-1], bytes(ba[::2]))
del ba[::2]
print(ba)
b = bytes(range(5))
print(b, list(b), b.hex(), b[1:], b[::-1], b.count(b"\x01"), b.startswith(b"\x00"))
