# memoryview.release(), the context manager, the errors of released views,
# BufferError while a bytearray is exported, comparison and hashing.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

ba = bytearray(b"abc")
m = memoryview(ba)
show("append exported", lambda: ba.append(1))
show("extend exported", lambda: ba.extend(b"xy"))
show("pop exported", lambda: ba.pop())
show("clear exported", lambda: ba.clear())
show("del exported", lambda: ba.__delitem__(0))
show("iadd exported", lambda: ba.__iadd__(b"x"))
show("resize slice exported", lambda: ba.__setitem__(slice(0, 1), b"xy"))
ba[0] = 65
ba[0:1] = b"Z"
ba.reverse()
print(ba, m.tobytes())
sub = m[1:]
m.release()
show("still exported by slice", lambda: ba.append(1))
sub.release()
ba.append(100)
print(ba)

r = memoryview(b"xyz")
print(repr(r).startswith("<memory at "))
r.release()
r.release()
print(repr(r).startswith("<released memory at "))
for name, f in [("len", lambda: len(r)), ("index", lambda: r[0]), ("tobytes", lambda: r.tobytes()),
                ("tolist", lambda: r.tolist()), ("obj", lambda: r.obj), ("format", lambda: r.format),
                ("shape", lambda: r.shape), ("nbytes", lambda: r.nbytes), ("readonly", lambda: r.readonly),
                ("cast", lambda: r.cast("B")), ("bytes", lambda: bytes(r)), ("memoryview", lambda: memoryview(r)),
                ("enter", lambda: r.__enter__()), ("hash", lambda: hash(r)), ("iter", lambda: list(r)),
                ("hex", lambda: r.hex())]:
    show(name, f)
print(r == r, r == b"xyz", r != b"xyz")

with memoryview(bytearray(b"ctx")) as cm:
    print(cm.tobytes(), cm.__enter__() is cm)
show("after with", lambda: cm.tobytes())
owner = bytearray(b"own")
with memoryview(owner) as v2:
    show("inside with", lambda: owner.append(1))
owner.append(33)
print(owner)

a = memoryview(b"abc")
print(a == b"abc", a == bytearray(b"abc"), a == memoryview(b"abc"), a != b"abd", a == "abc", a == [97, 98, 99])
print(b"abc" == a, bytearray(b"abc") == a, a[::2] == b"ac", a == a.cast("c"), a.cast("c") == a.cast("c"))
print(memoryview(bytes(8)).cast("i") == memoryview(bytes(8)).cast("I"), memoryview(bytes(8)).cast("i") == memoryview(bytes(8)))
show("lt", lambda: a < a)
print(hash(a) == hash(b"abc"), hash(a[::2]) == hash(b"ac"), hash(a.cast("c")) == hash(b"abc"))
show("hash writable", lambda: hash(memoryview(bytearray(b"x"))))
show("hash int format", lambda: hash(memoryview(bytes(4)).cast("i")))
print(memoryview in (type(a),), isinstance(a, memoryview))
print(sorted(n for n in dir(memoryview) if not n.startswith("__")))
