# list_iterator and list_reverseiterator __length_hint__: remaining items,
# clamped at 0, following the list's current size.
import operator

it = iter([1, 2, 3])
print(type(it).__name__, it.__length_hint__(), operator.length_hint(it))
next(it)
print(it.__length_hint__())
list(it)
print("exhausted", it.__length_hint__())

# growth while iterating shows up in the hint
l = [1, 2]
it = iter(l)
next(it)
l.extend([3, 4, 5])
print("grown", it.__length_hint__(), list(it))

# shrinking below the index gives 0, never negative
l = [1, 2, 3, 4]
it = iter(l)
next(it); next(it); next(it)
del l[:]
print("shrunk", it.__length_hint__(), list(it))

# once exhausted, later growth is not seen
l = [1]
it = iter(l)
list(it)
l.append(2)
print("after exhaustion", it.__length_hint__(), list(it))

# reverse iterator: index + 1 while the list still covers it
l = [1, 2, 3]
it = reversed(l)
print(type(it).__name__, it.__length_hint__())
next(it)
print(it.__length_hint__())
l.append(4)
print("grown", it.__length_hint__())
l.pop(); l.pop()
print("popped", it.__length_hint__(), list(it))
l = [1, 2, 3]
it = reversed(l)
l.pop()
print("shrunk", it.__length_hint__(), list(it))
it = reversed([])
print("empty", it.__length_hint__(), list(it), it.__length_hint__())

# the method is found on the type, documented, and takes no arguments
print("__length_hint__" in dir(iter([])), "__length_hint__" in dir(reversed([])))
print(type(iter([])).__length_hint__(iter([5, 6])))
print(iter([]).__length_hint__.__doc__)
try:
    iter([]).__length_hint__(1)
except TypeError as e:
    print(type(e).__name__, e)

# list subclasses keep the list iterators
class L(list):
    pass
it = iter(L([1, 2, 3]))
print(type(it).__name__, operator.length_hint(it))
