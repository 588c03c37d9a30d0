# memoryview over bytes and bytearray: attributes, indexing, slicing into
# views, tobytes/tolist/hex, bytes(), iteration and len.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

data = b"abcdefgh"
m = memoryview(data)
print(type(m).__name__, len(m), m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides)
print(m.readonly, m.obj is data, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
print(m[0], m[-1], m[3])
print(m.tobytes(), m.tolist()[:3], m.hex(), m.hex(":", 2))
print(bytes(m), bytearray(m), list(m)[:4])
s = m[2:6]
print(type(s).__name__, s.tobytes(), len(s), s.obj is data, s.strides)
st = m[::2]
print(st.tobytes(), st.tolist(), st.strides, st.contiguous, st.c_contiguous, len(st))
rv = m[::-1]
print(rv.tobytes(), rv.strides, rv[0], rv[-1])
nested = m[1:7][::2][1:]
print(nested.tobytes(), nested.tolist())
print(bytes(st), list(rv)[:3], m[5:1].tobytes(), len(m[5:1]))
show("ellipsis", lambda: m[...])

ba = bytearray(b"xyz")
w = memoryview(ba)
print(w.readonly, w.obj is ba, w.tobytes())
w[0] = 65
w[1:3] = b"BC"
print(ba)
w[::2] = bytearray(b"pq")
print(ba, w.tolist())
w[-1] = 0
print(ba)
print(memoryview(w).obj is ba, memoryview(w).tobytes())
print(memoryview(object=b"kw").tolist())
ro = w.toreadonly()
print(ro.readonly, ro.tobytes())
show("ro assign", lambda: ro.__setitem__(0, 1))

show("index range", lambda: m[8])
show("index neg range", lambda: m[-9])
show("index str", lambda: m["x"])
show("index float", lambda: m[1.5])
show("assign bytes ro", lambda: m.__setitem__(0, 1))
show("assign big", lambda: w.__setitem__(0, 256))
show("assign neg", lambda: w.__setitem__(0, -1))
show("assign str", lambda: w.__setitem__(0, "a"))
show("assign slice size", lambda: w.__setitem__(slice(0, 2), b"abc"))
show("delete", lambda: w.__delitem__(0))
show("no args", lambda: memoryview())
show("two args", lambda: memoryview(b"", 1))
show("int", lambda: memoryview(1))
show("str", lambda: memoryview("abc"))
show("list", lambda: memoryview([1, 2]))
show("tobytes order", lambda: m.tobytes("x"))
print(m.tobytes("C"), m.tobytes(order="A"), m.tobytes(None))

# Non-contiguous and released views where bytes-like arguments are expected.
mm = memoryview(b"abcd")
show("find strided", lambda: b"x".find(mm[::2]))
show("join strided", lambda: b"x".join([mm[::2]]))
show("bytes strided", lambda: bytes(mm[::2]))
show("concat strided", lambda: b"a" + mm[::2])
show("split strided", lambda: b"abc".split(mm[::2]))
show("bytearray strided", lambda: bytearray(mm[::-1]))
gone = memoryview(b"a")
gone.release()
show("find released", lambda: b"x".find(gone))
show("bytes released", lambda: bytes(gone))
show("strip released", lambda: b"x".strip(gone))
for v in (mm[5:1], mm[3:1:-1], mm[1:2:-1], mm[::-1][:1], mm.cast("B", [2, 2]), mm.cast("B", [1, 4]), mm.cast("B", [4, 1])):
    print(v.shape, v.strides, v.contiguous, v.c_contiguous, v.f_contiguous)
