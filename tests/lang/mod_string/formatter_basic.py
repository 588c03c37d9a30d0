# string.Formatter: format/vformat, fields, conversions, nested specs.
from string import Formatter

f = Formatter()
print(f.format("{} + {} = {}", 1, 2, 3))
print(f.format("{0}{1}{0}", "a", "b"))
print(f.format("{name}: {value:>8.3f}|", name="pi", value=3.14159))
print(f.format("{0!r} {0!s} {0!a}", "é"))
print(f.format("{:{width}.{prec}}", 2.718281828, width=10, prec=3))
print(f.format("{a.real} {b[1]} {c[k]}", a=5, b=[1, 2], c={"k": "v"}))
print(f.format("{{literal}} {}", "x"))
print(f.vformat("{0}-{x}", (1,), {"x": 2}))
print(f.format(""))
for bad in ["{", "}", "{0!x}", "{0:{1:{2}}}", "{} {0}", "{0} {}", "{0[}", "{a.}", "{!}"]:
    try:
        print(f.format(bad, 1, 2, 3, a=1))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(repr(bad), type(e).__name__, e)
try:
    f.format("{5}", 1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    f.format("{missing}")
except KeyError as e:
    print(type(e).__name__, e)
try:
    f.format()
except TypeError as e:
    print(type(e).__name__, e)
print(f.format(format_string="{}", *[]) if False else "skip")
print(f.format("{0:>{1}}", "r", 4))
