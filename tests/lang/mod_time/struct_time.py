# struct_time construction, comparison and errors.
import time

s = time.struct_time((2020, 5, 17, 10, 20, 30, 6, 138, 0))
print(s)
print(s.tm_zone, s.tm_gmtoff)
s2 = time.struct_time((2020, 5, 17, 10, 20, 30, 6, 138, 0, 'XYZ', 3600))
print(s2, s2.tm_zone, s2.tm_gmtoff)
print(s == s2, s == (2020, 5, 17, 10, 20, 30, 6, 138, 0), s < s2)
print(hash(s) == hash(tuple(s)))
print(list(s))
a, b, c, *rest = s
print(a, b, c, rest)

for bad in [(1, 2, 3), tuple(range(12)), 5]:
    try:
        time.struct_time(bad)
    except Exception as e:
        print(type(e).__name__, e)

try:
    s.tm_year = 5
except Exception as e:
    print(type(e).__name__)
print(time.struct_time(time.gmtime(0)) == time.gmtime(0))
print(time.gmtime(0).__reduce__()[1][0][:3])
