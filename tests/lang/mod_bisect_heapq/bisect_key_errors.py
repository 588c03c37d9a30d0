# bisect with key= (the key is applied to the elements, not to x, in
# bisect_*; insort_* applies it to x too) and the error messages.
import bisect

recs = [('a', 1), ('b', 3), ('c', 3), ('d', 7)]
key = lambda r: r[1]
for x in [0, 1, 3, 5, 7, 8]:
    print(x, bisect.bisect_left(recs, x, key=key), bisect.bisect_right(recs, x, key=key))
print(bisect.bisect_left(recs, 3, 1, 3, key=key), bisect.bisect(recs, ('c', 3), key=None))
bisect.insort(recs, ('e', 3), key=key)
bisect.insort_left(recs, ('f', 3), key=key)
bisect.insort_right(recs, ('g', 0), key=key)
print(recs)

calls = []
def k(v):
    calls.append(v)
    return -v
desc = [9, 7, 5, 3, 1]
print(bisect.bisect_left(desc, -4, key=k), calls)

def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('missing x', lambda: bisect.bisect_right([1]))
attempt('missing a', lambda: bisect.bisect_left())
attempt('lo negative', lambda: bisect.bisect_left([1], 1, -1))
attempt('lo float', lambda: bisect.bisect_left([1], 1, 0.5))
attempt('hi float', lambda: bisect.bisect([1], 1, 0, 1.5))
attempt('hi str', lambda: bisect.bisect([1], 1, 0, 'x'))
attempt('lo huge', lambda: bisect.bisect([1], 1, 10**30))
attempt('lo huge negative', lambda: bisect.bisect([1], 1, -10**30))
attempt('hi huge', lambda: bisect.bisect([1], 1, 0, 10**30))
attempt('hi too big', lambda: bisect.bisect([1, 2, 3], 2, hi=10))
attempt('not a sequence', lambda: bisect.bisect(1, 1))
attempt('insort not a sequence', lambda: bisect.insort(1, 1))
attempt('too many', lambda: bisect.bisect([1], 1, 0, None, None, 1))
attempt('bad keyword', lambda: bisect.bisect([1], 1, foo=1))
attempt('key positional', lambda: bisect.bisect([1], 1, 0, 1, len))
attempt('tuple insort', lambda: bisect.insort((1, 2), 1))
attempt('key not callable', lambda: bisect.bisect_left([1, 2, 3], 2, key=5))
attempt('incomparable', lambda: bisect.bisect([1, 2, 3], 'x'))
attempt('x twice', lambda: bisect.bisect([1], 1, x=2))
attempt('kw a and x', lambda: bisect.bisect_left(x=2, a=[1, 2, 3]))
