# strftime of fixed time tuples, the zero normalisation and range errors.
import time

t = (2021, 3, 7, 14, 5, 9, 6, 66, 0)
for fmt in ['%Y-%m-%d', '%H:%M:%S', '%y %j', '%a %A', '%b %B', '%I %p', '%%', '%w %u', '',
            'plain text', '%Y%m%d%H%M%S', '%d/%m/%Y %H:%M', '%e', '%C', '%D', '%T', '%R', '%F', '%h', '%n%t']:
    print(repr(fmt), repr(time.strftime(fmt, t)))

print(time.strftime('%Y %m %d %j', (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime('%a', (2020, 1, 1, 0, 0, 0, 7, 1, 0)), time.strftime('%a', (2020, 1, 1, 0, 0, 0, -1, 1, 0)))
print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1234567890)))
print(time.strftime('%Y', (1, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime('%Y', (9999, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime('%S', (2020, 1, 1, 0, 0, 61, 0, 1, 0)))

bad = [
    (2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, -1, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0),
    (2020, 1, -1, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0), (2020, 1, 1, 0, 60, 0, 0, 1, 0),
    (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, -9, 1, 0), (2020, 1, 1, 0, 0, 0, 0, 367, 0),
    (2020, 1, 1, 0, 0, 0, 0, -1, 0), (1, 2), (2020, 1, 1, 0, 0, 0, 0, 1, 0, 0), 'abc', [2020, 1, 1, 0, 0, 0, 0, 1, 0],
    (2020, 1, 1, 0, 0, 0, 0, 1.5, 0), (2020, 1, 1, 0, 0, 0, 0, 1, 'a'),
]
for b in bad:
    try:
        print(time.strftime('%Y', b))
    except Exception as e:
        print(type(e).__name__, e)

for args in [(3,), ('%Y', t, 3), ()]:
    try:
        time.strftime(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    time.strftime('a\0b', t)
except Exception as e:
    print(type(e).__name__, e)
print(type(time.strftime('%Y')).__name__)
