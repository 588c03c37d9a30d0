# gmtime of fixed timestamps: fields, hidden attributes, rounding, errors.
import time

for ts in [0, 1, 86399, 86400, 951782400, 1000000000, 1234567890, 2**31, -1, -86400, 1.9, -1.5, 4102444800]:
    t = time.gmtime(ts)
    print(ts, tuple(t), t.tm_zone in ('UTC', 'GMT'), t.tm_gmtoff)

t = time.gmtime(1234567890)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], t[2:5], len(t))
print(isinstance(t, tuple), type(t).__name__, type(t).__module__)

for bad in ['x', None.__class__, float('nan'), 1e20, 10**30, -1e300, [1]]:
    try:
        print(time.gmtime(bad))
    except Exception as e:
        print(type(e).__name__, e)

for args in [(1, 2), ()]:
    try:
        r = time.gmtime(*args)
        print(type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
try:
    time.gmtime(secs=1)
except Exception as e:
    print(type(e).__name__, e)
print(time.gmtime(None).tm_year >= 2024)
