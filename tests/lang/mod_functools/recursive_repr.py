# functools.recursive_repr (reprlib's): recursive calls get the fill value.
import functools
import reprlib

print(functools.recursive_repr is reprlib.recursive_repr, 'recursive_repr' in dir(functools))


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @functools.recursive_repr()
    def __repr__(self):
        'the repr of a node'
        return 'Node(%s, %r)' % (self.name, self.children)


a = Node('a')
b = Node('b')
a.children.append(b)
b.children.append(a)
a.children.append(a)
print(repr(a))
print(repr(b))
print(Node.__repr__.__name__, Node.__repr__.__qualname__, Node.__repr__.__doc__, Node.__repr__.__module__)


class L(list):
    @functools.recursive_repr('<loop>')
    def __repr__(self) -> str:
        return 'L' + list.__repr__(self)


x = L([1, 2])
x.append(x)
print(repr(x), L.__repr__.__annotations__)


class Bad:
    @functools.recursive_repr()
    def __repr__(self):
        raise RuntimeError('bad repr')


bad = Bad()
for _ in range(2):
    try:
        repr(bad)
    except RuntimeError as e:
        print('RuntimeError', e)


class Pair:
    def __init__(self):
        self.other = None

    @functools.recursive_repr(fillvalue=42)
    def __repr__(self):
        return 'Pair(%s)' % (self.other,)


p = Pair()
p.other = p
try:
    print(repr(p))
except TypeError as e:
    print('TypeError', e)
q = Pair()
q.other = 'x'
print(repr(q), str(q))
try:
    str(p)
except TypeError as e:
    print('TypeError', e)
try:
    functools.no_such_name
except AttributeError as e:
    print('AttributeError', e)
