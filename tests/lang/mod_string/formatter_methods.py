# string.Formatter: parse/get_field/convert_field/format_field and overrides.
from string import Formatter

f = Formatter()
print(list(f.parse("a{0!r:>{1}}b{{c}}{}{x.y[0]}")))
print(list(f.parse("")), list(f.parse("plain")))
try:
    list(f.parse("{x"))
except ValueError as e:
    print(type(e).__name__, e)
print(f.get_field("0", ("zero",), {}))
print(f.get_field("a.imag", (), {"a": 3}))
print(f.get_field("b[1][0]", (), {"b": ["x", "yz"]}))
print(f.get_field("2", (0, 1, 2), {}))
try:
    f.get_field("a[", (), {"a": 1})
except ValueError as e:
    print(type(e).__name__, e)
print(f.convert_field("x", None), f.convert_field("x", "r"), f.convert_field(1, "s"))
try:
    f.convert_field(1, "q")
except ValueError as e:
    print(type(e).__name__, e)
print(f.format_field(3.5, "08.2f"), f.format_field("s", ""))
print(f.get_value(0, ("a",), {}), f.get_value("k", (), {"k": "v"}))
print(f.check_unused_args(set(), (), {}))


class Defaulting(Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, "<" + key + ">")
        return super().get_value(key, args, kwargs)


print(Defaulting().format("{a} {b} {0}", 7, a=1))


class Strict(Formatter):
    def check_unused_args(self, used, args, kwargs):
        unused = set(kwargs) - used
        if unused:
            raise ValueError("unused: " + ",".join(sorted(unused)))


try:
    Strict().format("{a}", a=1, b=2, c=3)
except ValueError as e:
    print(type(e).__name__, e)


class Upper(Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value) + "!"
        return super().convert_field(value, conversion)


print(Upper().format("{0} {0!u} {1:x}", "abc", 255))


class Tracing(Formatter):
    def parse(self, s):
        out = list(super().parse(s))
        print("parse", repr(s), len(out))
        return out


print(Tracing().format("{0:{1}}", 5, 3))
