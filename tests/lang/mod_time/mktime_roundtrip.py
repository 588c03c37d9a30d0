# mktime(localtime(t)) == t, whatever the zone; mktime's errors.
import time

for ts in [0, 1, 86400, 1000000000, 1234567890, 1600000000, 1700000000.0, 2000000000]:
    lt = time.localtime(ts)
    back = time.mktime(lt)
    print(ts, back == ts, type(back).__name__)
    print(time.localtime(back) == lt)

lt = time.localtime(1234567890)
print(type(lt).__name__, len(lt), lt.tm_isdst in (0, 1), type(lt.tm_gmtoff).__name__, type(lt.tm_zone).__name__)
print(lt.tm_gmtoff in (-time.timezone, -time.altzone))

t1 = time.mktime((2020, 1, 1, 0, 0, 0, 0, 1, -1))
t2 = time.mktime((2020, 1, 2, 0, 0, 0, 0, 1, -1))
print(t2 - t1)
print(time.mktime((2020, 1, 32, 0, 0, 0, 0, 1, -1)) == time.mktime((2020, 2, 1, 0, 0, 0, 0, 1, -1)))

for b in [(1, 2), 'abc', [2020, 1, 1, 0, 0, 0, 0, 1, 0], (2020, 1, 1, 0, 0, 0, 0, 1.5, 0), (2**40, 1, 1, 0, 0, 0, 0, 1, 0),
          (2020, 1, 1, 0, 0, 0, 0, 1, 0, 0)]:
    try:
        time.mktime(b)
    except Exception as e:
        print(type(e).__name__, e)
try:
    time.mktime()
except Exception as e:
    print(type(e).__name__, e)
