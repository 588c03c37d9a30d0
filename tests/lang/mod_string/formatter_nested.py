# string.Formatter: nested specs, automatic numbering across them, __format__.
from string import Formatter

f = Formatter()
print(f.format("{:{}}|", "ab", 5))
print(f.format("{:{}.{}}|", 3.14159, 8, 2))
print(f.format("{0:{1}}|{2}", "x", 3, "z"))
print(f.format("{a:{b}}|", a=7, b="04d"))
print(f.format("{0[0]:>{0[1]}}", ["q", 4]))


class Money:
    def __format__(self, spec):
        return "$" + (spec or "0")


print(f.format("{} {:12} {m!s:>3}", Money(), Money(), m="x"))
print(f.format("{0!r:^9}", "hi"))
try:
    f.format("{:{}}", "x")
except IndexError as e:
    print(type(e).__name__, e)
try:
    f.format("{0:{}}", 1, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    f.format("{:{:{}}}", 1, 2, 3)
except ValueError as e:
    print(type(e).__name__, e)
print(f.vformat("{x.real}{y[a]}", (), {"x": 2, "y": {"a": "!"}}))
try:
    f.vformat("{}", [], {})
except IndexError as e:
    print(type(e).__name__, e)
try:
    f.format("{0.missing}", 1)
except AttributeError as e:
    print(type(e).__name__, e)


class Counting(Formatter):
    def __init__(self):
        self.used = None

    def check_unused_args(self, used, args, kwargs):
        self.used = sorted(map(str, used))


c = Counting()
print(c.format("{} {x} {}", 1, 2, x=3, y=4), c.used)
print(Formatter.format.__name__, type(f).__name__, Formatter.__module__)
