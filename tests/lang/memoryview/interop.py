# memoryview as an argument where bytes-like objects are accepted: bytes
# methods, joining, concatenation, bytearray slice assignment, int.from_bytes,
# constructors, and writes through a view seen by the bytearray.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

mv = memoryview(b"hello world")
show("find", lambda: b"say hello".find(mv[:5]))
show("count", lambda: b"lololo".count(memoryview(b"lo")))
show("startswith", lambda: b"hello".startswith(mv[:2]))
show("endswith tuple", lambda: b"world".endswith((b"x", mv[-3:])))
show("split", lambda: b"a--b--c".split(memoryview(b"--")))
show("replace", lambda: b"aaa".replace(memoryview(b"a"), memoryview(b"bc")))
show("strip", lambda: b"xxhixx".strip(memoryview(b"x")))
show("translate delete", lambda: b"hello".translate(None, memoryview(b"l")))
show("join", lambda: b",".join([mv[:5], mv[6:]]))
show("concat", lambda: b"<" + mv[:5])
show("bytearray concat", lambda: bytearray(b"<") + mv[:5])
show("bytes()", lambda: bytes(mv[6:]))
show("bytearray()", lambda: bytearray(mv[:5]))
show("in", lambda: mv[:2] in b"xhey")
show("int.from_bytes", lambda: int.from_bytes(memoryview(b"\x01\x00"), "little"))
show("eq", lambda: mv[:5] == b"hello")
show("partition", lambda: [type(x).__name__ for x in b"k=v".partition(memoryview(b"="))])
show("partition bytearray sep", lambda: b"k=v".partition(bytearray(b"=")))
show("bytearray partition view", lambda: bytearray(b"k=v").partition(memoryview(b"=")))
show("removeprefix", lambda: b"prefix".removeprefix(memoryview(b"pre")))
show("maketrans", lambda: bytes.maketrans(memoryview(b"a"), memoryview(b"b"))[97])
show("% s", lambda: b"[%s]" % mv[:5])
show("decode via bytes", lambda: bytes(mv).decode())
show("str of view", lambda: str(mv) == repr(mv))

ba = bytearray(b"0123456789")
view = memoryview(ba)
view[0] = ord("X")
view[2:4] = b"YZ"
view[-1:] = bytearray(b"!")
print(ba)
ba[5] = ord("_")
print(view.tobytes(), view[5])
ba[1:3] = view[7:9]
print(ba)
ba[:] = ba[::-1]
print(ba, view.tolist()[:3])
ba2 = bytearray(b"abcdef")
ba2[::2] = memoryview(b"XYZ")
print(ba2)
ints = memoryview(bytearray(8)).cast("i")
ints[1] = 258
print(ints.obj, bytes(ints), int.from_bytes(ints, "little"))
show("bytearray from int view", lambda: bytearray(ints))
show("list of int view", lambda: list(ints))
show("sum", lambda: sum(memoryview(b"\x01\x02\x03")))
show("sorted", lambda: sorted(memoryview(b"cab")))
show("max", lambda: max(memoryview(b"az")))
