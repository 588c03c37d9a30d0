# Library functions that are Python defs in CPython (random.Random's methods,
# posixpath, site's exit) word argument errors as a def does: one binder.
import random, os.path
r = random.Random(1)
calls = [lambda: r.randint(1), lambda: r.randint(1, 2, 3), lambda: r.randint(1, 2, 3, 4), lambda: r.sample([1], 1, 2, counts=[1]),
         lambda: r.choices([1], None, None, 1), lambda: r.choices([1], None, None, k=1), lambda: r.seed(1, 2, 3), lambda: r.randint(self=1, a=1, b=2),
         lambda: r.getstate(1), lambda: r.randint(a=1, c=2), lambda: r.randint(1, a=1), lambda: r.sample(), lambda: r.triangular(1, 2, 3, 4),
         lambda: os.path.relpath(), lambda: os.path.relpath('a', 'b', 'c'), lambda: os.path.normcase('a', 'b'), lambda: os.path.normcase(),
         lambda: exit(1, 2), lambda: r.choices([1], None, None, 1, k=2), lambda: r.gauss(1, 2, 3, 4)]
for c in calls:
    try: c(); print("ok")
    except TypeError as e: print(e)
