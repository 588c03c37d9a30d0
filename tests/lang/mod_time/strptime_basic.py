# strptime for the common directives, defaults and errors.
import time

cases = [
    ('2020-01-05', '%Y-%m-%d'), ('2020 Jan 5 10:11:12', '%Y %b %d %H:%M:%S'), ('Monday 07', '%A %m'),
    ('99', '%y'), ('05', '%y'), ('10 PM', '%I %p'), ('12 am', '%I %p'), ('12 PM', '%I %p'),
    ('2020-366', '%Y-%j'), ('2021-060', '%Y-%j'), ('march 3 2001', '%B %d %Y'), ('SEP 9', '%b %d'),
    ('1 2 3', '%d %m %y'), ('2020-02-29', '%Y-%m-%d'), ('100%', '%S%%'), ('12:30:45.123456', '%H:%M:%S.%f'),
    ('Mon Jan  1 00:00:00 2020', '%a %b %d %H:%M:%S %Y'), ('2020 3', '%Y %w'), ('2020 7', '%Y %u'),
    ('  2020', ' %Y'), ('2020', '%Y'),
]
for data, fmt in cases:
    try:
        print(repr(data), repr(fmt), tuple(time.strptime(data, fmt)))
    except Exception as e:
        print(repr(data), repr(fmt), type(e).__name__, e)

print(tuple(time.strptime('Mon Jan  1 00:00:00 2020')))
t = time.strptime('2020-01-05', '%Y-%m-%d')
print(type(t).__name__, t.tm_zone, t.tm_gmtoff)

errors = [
    ('2020', '%Y-%m'), ('2020-01-02xx', '%Y-%m-%d'), ('x', '%q'), ('x', '%'), ('  2020  ', '%Y'),
    ('2020-02-30', '%Y-%m-%d'), ('2021-366', '%Y-%j'), ('13', '%m'), ('32', '%d'), ('24', '%H'), ('60', '%M'),
    ('abc', '%a'), ('', '%Y'), ('2020', ''), ('0', '%I'),
]
for data, fmt in errors:
    try:
        print(time.strptime(data, fmt))
    except Exception as e:
        print(type(e).__name__, e)
for args in [(1, '%Y'), ('2020', 5), ()]:
    try:
        time.strptime(*args)
    except Exception as e:
        print(type(e).__name__, e)
