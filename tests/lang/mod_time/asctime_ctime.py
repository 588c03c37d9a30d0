# asctime and its errors; ctime's shape (the zone may differ, so no values).
import time

for t in [(2020, 1, 1, 0, 0, 0, 2, 1, 0), (1999, 12, 31, 23, 59, 59, 4, 365, 0), (2021, 3, 7, 4, 5, 6, 6, 66, 0),
          (2020, 0, 0, 0, 0, 0, 0, 0, 0), (12345, 6, 15, 1, 2, 3, 0, 1, 0), (5, 6, 15, 1, 2, 3, 0, 1, 0)]:
    print(repr(time.asctime(t)))
print(time.asctime(time.gmtime(0)))
print(time.asctime(time.gmtime(1234567890)))
print(time.asctime(time.gmtime(86400 * 365.25 * 30)))

for b in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 25, 0, 0, 0, 1, 0), (1, 2, 3), 'x', 17]:
    try:
        print(time.asctime(b))
    except Exception as e:
        print(type(e).__name__, e)
try:
    time.asctime((2020, 1, 1, 0, 0, 0, 0, 1, 0), 1)
except Exception as e:
    print(type(e).__name__, e)

c = time.ctime(0)
print(len(c), c[3] == ' ', c[-4:] in ('1970', '1969'))
print(len(time.ctime()), len(time.asctime()))
for b in ['x', float('nan'), 1e20]:
    try:
        time.ctime(b)
    except Exception as e:
        print(type(e).__name__, e)
