# tuple, range, str, bytes and bytearray iterators answer __length_hint__.
import operator

def walk(it):
    hints = [it.__length_hint__()]
    for _ in it:
        hints.append(it.__length_hint__())
    return type(it).__name__, hints

print(walk(iter((1, 2, 3))))
print(walk(iter(())))
print(walk(iter(range(4))))
print(walk(iter(range(10, 0, -3))))
print(walk(iter(range(5, 5))))
print(walk(reversed(range(3))))
print(walk(iter(range(-2**62, 2**62, 2**61))))
print(walk(iter("abc")))
print(walk(iter("héé")))
print(walk(iter("a€😀")))
print(walk(iter("")))
print(walk(iter(b"xyz")))
print(walk(iter(bytearray(b"xy"))))

# the str iterators differ only in name
print(type(iter("abc")).__name__, type(iter("\xff")).__name__, type(iter("")).__name__)
print(type(iter("abc")) is type(iter("é")))
print(list(iter("aé")), list(iter("ab")))

# bytes and bytearray iterators are distinct types
print(type(iter(b"")).__name__, type(iter(bytearray())).__name__)
print(type(iter(b"")) is type(iter(bytearray())))
class BA(bytearray):
    pass
print(type(iter(BA(b"q"))).__name__, list(iter(BA(b"qr"))))

# a bytearray that changes under its iterator
ba = bytearray(b"abcd")
it = iter(ba)
next(it)
ba.extend(b"ef")
print("grown", it.__length_hint__())
del ba[1:]
print("shrunk", it.__length_hint__(), list(it))

# range iterators over large bounds
it = iter(range(0, 2**62, 2**60))
next(it)
print(operator.length_hint(it))
it = iter(range(2**40))
for _ in range(3):
    next(it)
print(it.__length_hint__())
