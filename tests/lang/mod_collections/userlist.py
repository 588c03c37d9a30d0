# collections.UserList: the list wrapper.
from collections import UserList
import collections.abc as cabc

print(UserList, issubclass(UserList, cabc.MutableSequence), UserList.__doc__)
a = UserList([3, 1, 2])
print(a, a.data, len(a), a[0], a[-1], a[1:], type(a[1:]).__name__, 2 in a, 5 in a)
print(UserList(), UserList((1, 2)), UserList('ab'), UserList(UserList([9])), UserList(range(3)))
a.append(4)
a.insert(0, 0)
a.extend([5, 6])
a.extend(UserList([7]))
print(a, a.pop(), a.pop(0), a)
a.remove(4)
a.sort()
print(a)
a.sort(key=lambda x: -x)
print(a, a.index(2), a.count(2))
a.reverse()
print(a)
a[0] = 'first'
del a[1]
print(a)
a[1:3] = ['x', 'y', 'z']
print(a)
print(a + [1], [1] + a, a + UserList([2]), a + (3,), (3,) + a, type([1] + a).__name__)
print(a * 2, 2 * a, type(2 * a).__name__)
b = UserList([1])
b += [2]
b += (3,)
b += UserList([4])
b *= 2
print(b, len(b))
print(UserList([1, 2]) == [1, 2], UserList([1]) == UserList([1]), UserList([1]) < [2], UserList([3]) >= UserList([3]),
      UserList([1]) > [0], UserList([1]) <= [0], UserList([1]) != (1,))
c = b.copy()
c.clear()
print(c, b[:2])
for bad in [lambda: UserList([]).pop(), lambda: UserList([1]).remove(5), lambda: UserList([1]).index(7),
            lambda: UserList([1])[5], lambda: UserList(5)]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    hash(UserList())
except TypeError as e:
    print('TypeError', e)


class Stack(UserList):
    def push(self, x):
        self.append(x)


s = Stack([1])
s.push(2)
print(s, type(s[:1]).__name__, type(s + [1]).__name__, type(s.copy()).__name__, list(reversed(s)))
import copy
print(copy.copy(s), copy.copy(s).data is not s.data)
print(sorted(n for n in vars(UserList) if not n.startswith('__') or n == '__cast'))
