# array: 'u' arrays and float arrays ('f' rounds to single precision).
from array import array

u = array("u", "añ€😀")
print(u, len(u), u[3], u[-1] == "😀", u.itemsize, u.tounicode())
u[0] = "z"
u.insert(1, "-")
print(u, u.index("€"), u.count("-"), "ñ" in u, u[::-1].tounicode())
for bad in ["u[0] = 'ab'", "u[0] = 5", "u.append('')", "u.extend([1])", "array('u', 'x') + array('b')"]:
    try:
        exec(bad)
    except TypeError as e:
        print(bad, "->", type(e).__name__, e)
f = array("f", [0.1, 1 / 3, 1e40, -0.0, float("inf")])
print(f)
print([x == y for x, y in zip(f, [0.1, 1 / 3])], f[3], f[4])
d = array("d", [0.1, 1 / 3, 1e308, float("-inf")])
print(d, d.tolist())
n = array("d", [float("nan")])
print(n == n, n[0] != n[0], n.count(n[0]), float("nan") in n)
d2 = array("d", range(5))
d2[1:3] = array("d", [9.5])
print(d2, sum(d2), d2 * 2)
print(array("f", [1.5]) == array("d", [1.5]), array("f", [0.1]) == array("d", [0.1]))
e = array("i")
e.insert(0, 5)
e.insert(-1, 4)
e[0:0] = array("i", [1, 2])
del e[1:1]
print(e, e.buffer_info()[1])
big = array("b", [1]) * 1000
print(len(big), big.count(1), big[999], len(big.tobytes()))
