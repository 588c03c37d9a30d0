# printf-style formatting: str % and bytes % share one parser; every
# conversion, flag, width and precision, and each error, for both.
def show(fmt, args):
    try:
        r = fmt % args
        print(repr(fmt), "->", repr(r) if len(r) < 70 else (len(r), repr(r[:20]), repr(r[-20:])))
    except Exception as e:
        print(repr(fmt), "->", type(e).__name__, e)

class Named:
    def __repr__(self): return type(self).__name__
class Idx(Named):
    def __index__(self): return 42
class IntOnly(Named):
    def __int__(self): return 7
class FloatOnly(Named):
    def __float__(self): return 2.5
class Bytesy(Named):
    def __bytes__(self): return b"BY"

specs = ["%d", "%i", "%u", "%x", "%X", "%o", "%e", "%E", "%f", "%F", "%g", "%G", "%s", "%r", "%a", "%c"]
values = [0, -17, 255, 2**70, -2**70, 3.75, -0.0, 1e300, float("inf"), float("-inf"), float("nan"), True,
          "x", "ab", 3j, Idx(), IntOnly(), FloatOnly(), None, [1]]
for spec in specs:
    for v in values:
        show(spec, (v,))
        show(spec.encode(), (v,))
show(b"%b %s", (b"ab", bytearray(b"cd")))
show(b"%b", (Bytesy(),))
show(b"%b", ("str",))
show(b"%s", (memoryview(b"mv"),))
show(b"%c %c", (65, b"Z"))
show(b"%c", (256,))
show(b"%c", (b"ab",))

flagged = ["%5d", "%-5d|", "%05d", "%-05d|", "%+d", "% d", "%+ d", "% +d", "%#x", "%#X", "%#o", "%#5.3x",
           "%.3d", "%08.3d", "%+08.2f", "%-8.2f|", "% .3e", "%#.0f", "%#g", "%.0e", "%10.4s|", "%-10r|",
           "%05s", "%5c|", "%-5c|", "%05f", "%+05.1f", "%08.2E", "%#.3G", "%.10g", "%.20f", "%.2000f",
           "%ld", "%lld", "%hd", "%Lf", "%5%", "%-%", "%%", "%z", "%\u20ac", "%", "abc%", "%5", "%.", "%(x"]
for f in flagged:
    for v in (42, -3.14159, float("inf"), "s"):
        show(f, (v,))
        show(f.encode(), (v.encode() if isinstance(v, str) else v,))

star = [("%*d", (5, 1)), ("%*d", (-5, 1)), ("%.*f", (2, 3.14159)), ("%.*f", (-2, 3.14159)),
        ("%*.*f", (8, 3, 2.5)), ("%*d", ("x", 1)), ("%*d", (1.5, 1)), ("%.*d", ("x", 1)),
        ("%*d", (2**63, 1)), ("%.*d", (2**31, 1)), ("%*d", (5,)), ("%*d", ()),
        ("%99999999999999999999d", (1,)), ("%.99999999999999999999d", (1,)), ("%.9999999999d", (1,))]
for f, a in star:
    show(f, a)
    show(f.encode(), a)

maps = [("%(a)s %(b)d", {"a": "A", "b": 2}), ("%(a)s %(a)r", {"a": "A"}), ("%(a)s", {"b": 1}),
        ("%(a(b))s", {"a(b)": 9}), ("%(a)*d", {"a": 3}), ("%(a)%", {"a": 1}), ("%(a)s %s", {"a": 1}),
        ("%s", {"a": 1}), ("%d", {"a": 1}), ("%(a)s", (1,)), ("%(a)s", 5), ("%s %(a)s", {"a": 1}),
        ("%(a)s", {}), ("%(a", {"a": 1}), ("%()s", {"": "empty"})]
for f, a in maps:
    show(f, a)
    show(f.encode(), {k.encode(): v for k, v in a.items()} if isinstance(a, dict) else a)

counts = [("%s %s", (1,)), ("%s", (1, 2)), ("%s", ()), ("%s", (1,)), ("%s", 1), ("no spec", ()), ("no spec", 1),
          ("no spec", (1,)), ("%s", [1, 2]), ("%s", "str"), ("%s%%", (1,)), ("%d%s", (1, "a")), ("", {}),
          ("x", {"a": 1}), ("x", []), ("x", b"")]
for f, a in counts:
    show(f, a)
    show(f.encode(), a)

show("%s \u00e9\u20ac %d \U0001F600", ("\u00e9", 3))
show("%-6s|%6s|", ("\u00e9\u20ac", "\U0001F600"))
show("%.1s|", ("\U0001F600x",))
show(bytearray(b"%d-%s"), (1, b"z"))
print(type(bytearray(b"%d") % 1).__name__)
