b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:3]), b + b"!", b * 2, b"ll" in b, 104 in b)
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), b"abc".upper(), b"a,b".split(b","), b"x".join([b"1", b"2"]))
print(b"abc" < b"abd", b"abc" == b"abc", b"  x ".strip(), b"abc".hex(), bytes.fromhex("41 42"), b"abc".find(b"c"))
ba = bytearray(b"abc")
ba.append(100); ba[0] = 65; ba.extend(b"ef"); print(ba, len(ba), ba.pop(), ba)
del ba[0]; print(ba, bytes(ba), ba.decode())
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
