# Counter: +, -, |, &, unary +/-, in-place forms and rich comparisons.
from collections import Counter

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = Counter(a=3, b=1)
b = Counter(a=1, b=-2, c=4)
print(a + b)
print(a - b)
print(a | b)
print(a & b)
print(b - a)
print(+Counter(a=3, b=-1, c=0))
print(-Counter(a=3, b=-1, c=0))
show(lambda: Counter(a=1) + 1)
show(lambda: Counter(a=1) + {'a': 1})
show(lambda: {'a': 1} - Counter(a=1))
show(lambda: 1 | Counter())
print(Counter(a=1, b=0) == Counter(a=1))
print(Counter(a=1) == {'a': 1}, {'a': 1} == Counter(a=1))
print(Counter(a=1) != Counter(a=2))
print(Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1))
print(Counter(a=1) >= Counter(a=1, b=1), Counter(a=1) > Counter())
print(Counter(a=2, b=1) > Counter(a=1, b=1), Counter() < Counter(x=1))
show(lambda: Counter(a=1) < {'a': 2})
x = Counter(a=3)
x += Counter(a=-5, b=2)
print(x)
x = Counter(a=3)
x -= Counter(a=1, b=2)
print(x)
x = Counter(a=3)
x |= Counter(a=5, b=2)
print(x)
x = Counter(a=3, b=1)
x &= Counter(a=2)
print(x)
x = Counter(a=3)
x += {'a': 1}
print(x)
y = Counter(a=1, b=-1, c=0)
y += Counter()
print(y)
show(lambda: Counter().__iadd__([1]))

class C(Counter):
    pass

print(type(C(a=1) + C(b=1)).__name__, type(-C(a=-1)).__name__)
z = C(a=1)
z += Counter(a=1)
print(z, type(z).__name__)
inventory = Counter(apple=3, pear=2)
sold = Counter(apple=1, pear=2, kiwi=1)
print(inventory - sold, sold - inventory)
print((inventory + sold).total(), (inventory | sold).most_common(1))
