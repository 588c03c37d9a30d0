# memoryview.cast between byte formats and native integer/float formats,
# with shapes; tolist of each format; item assignment through typed views.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

raw = bytearray(range(16))
m = memoryview(raw)
for fmt in ("B", "b", "c", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "?", "@B", "@i"):
    c = m.cast(fmt)
    print(fmt, c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c.tolist()[:3])

neg = memoryview(bytes([255, 255, 128, 0]))
print(neg.cast("b").tolist(), neg.cast("h").tolist(), neg.cast("H").tolist(), neg.cast("i").tolist())

ints = memoryview(bytearray(16)).cast("i")
ints[0] = -5
ints[1] = 2 ** 31 - 1
ints[-1] = 7
print(ints.tolist(), ints.obj[:8])
show("int too big", lambda: ints.__setitem__(0, 2 ** 31))
show("int float", lambda: ints.__setitem__(0, 1.5))
uq = memoryview(bytearray(8)).cast("Q")
uq[0] = 2 ** 64 - 1
print(uq.tolist())
show("Q neg", lambda: uq.__setitem__(0, -1))
show("Q big", lambda: uq.__setitem__(0, 2 ** 64))
d = memoryview(bytearray(16)).cast("d")
d[0] = 1.5
d[1] = 3
print(d.tolist())
show("d str", lambda: d.__setitem__(0, "x"))
f = memoryview(bytearray(4)).cast("f")
f[0] = 0.1
print(f.tolist())
c = memoryview(bytearray(b"ab")).cast("c")
c[0] = b"z"
print(c.tolist(), c.obj)
show("c long", lambda: c.__setitem__(0, b"xy"))
show("c int", lambda: c.__setitem__(0, 1))
bo = memoryview(bytearray(3)).cast("?")
bo[1] = 5
bo[2] = []
print(bo.tolist())

grid = m.cast("B", [4, 4])
print(grid.ndim, grid.shape, grid.strides, grid.tolist())
print(grid[1, 2], grid[-1, -1], grid.tobytes()[:5])
grid[0, 0] = 99
print(raw[0])
g3 = m.cast("B", (2, 2, 4))
print(g3.shape, g3.tolist()[1][0])
back = grid.cast("B")
print(back.shape, len(back))
hi = m.cast("h", [2, 4])
print(hi.shape, hi.strides, hi.tolist()[1])

show("non-byte to non-byte", lambda: m.cast("i").cast("h"))
show("bad format", lambda: m.cast("x"))
show("format int", lambda: m.cast(1))
show("length multiple", lambda: memoryview(b"abc").cast("h"))
show("shape product", lambda: m.cast("B", [3, 3]))
show("shape zero", lambda: m.cast("B", [0, 16]))
show("shape type", lambda: m.cast("B", 16))
show("non contiguous", lambda: m[::2].cast("h"))
show("grid sub-view", lambda: grid[0])
show("grid len", lambda: len(grid))
show("grid slice", lambda: grid[1:3].tolist())
show("grid slice step", lambda: (grid[::-2].shape, grid[::-2].strides, grid[::-2].tolist()))
show("grid ellipsis", lambda: grid[...])
show("grid iter", lambda: list(grid))
show("grid tuple short", lambda: grid[(1,)])
show("grid index", lambda: grid[4, 0])
