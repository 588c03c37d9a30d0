print("%d %i %5d %-5d| %05d %+d % d" % (42, -3, 7, 7, 42, 5, 5))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print("%f %.2f %10.3f %-10.1f| %e %.2E %g %G" % (3.14159, 3.14159, 2.5, 2.5, 12345.678, 0.000123, 1e-5, 1e20))
print("%s %r %a %c %c %%" % ("hi", "hi", "h\xe9", 65, "z"))
print("%(a)s and %(b)d" % {"a": "x", "b": 3})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
for bad in [("%d", "x"), ("%d %d", (1,)), ("%s", (1, 2))]:
    try:
        print(bad[0] % bad[1])
    except TypeError as e:
        print("TypeError:", e)
